"""Translations through CSV: export, edit, import; comments and layout stay as they were."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from game.authoring._common import read_draft
from game.authoring.strings import (
    CsvError,
    export_csv,
    guess_indent,
    import_translations,
    read_csv,
    text_hash,
)
from game.story import check_file

from ._helpers import BUILTIN, porukka

BEFORE = """\
# Leffailta – pieni testitarina.
format: 1
id: leffailta
title: Leffailta   # nimi näkyy listassa
start: alku
variables:
  rahat: {initial: 40, min: 0, max: 500, show: true, label: Rahat, unit: €}

scenes:
  # Ensimmäinen kohtaus
  alku:
    lines:
      - Tilillä on {rahat} €.
      - who: mira
        text: "Lähdetäänkö leffaan?"
    choices:
      - text: {fi: Lähden leffaan.}
        add: {rahat: -15}
        goto: loppu
        domains: [yhdessa]
      - text: Jään kotiin.   # kotiin jääminen
        goto: loppu
        domains: [arki]
        id: kotiin

  loppu:
    lines: [Ilta meni hyvin.]
    end: {title: Hyvä ilta, mood: hopeful}
characters:
  mira: {name: Mira}
"""

AFTER = """\
# Leffailta – pieni testitarina.
format: 1
id: leffailta
languages: [fi, sv]
title:
  fi: Leffailta    # nimi näkyy listassa
  sv: Biokväll
start: alku
variables:
  rahat: {initial: 40, min: 0, max: 500, show: true, label: {fi: Rahat, sv: Pengar}, unit: €}

scenes:
  # Ensimmäinen kohtaus
  alku:
    lines:
      - fi: Tilillä on {rahat} €.
        sv: Det finns {rahat} € på kontot.
      - who: mira
        text:
          fi: "Lähdetäänkö leffaan?"
          sv: "Ska vi gå på bio?"
    choices:
      - text: {fi: Lähden leffaan., sv: Jag går på bio.}
        add: {rahat: -15}
        goto: loppu
        domains: [yhdessa]
      - text:
          fi: Jään kotiin.   # kotiin jääminen
          sv: Jag stannar hemma.
        goto: loppu
        domains: [arki]
        id: kotiin

  loppu:
    lines: [{fi: Ilta meni hyvin., sv: Kvällen gick bra.}]
    end: {title: {fi: Hyvä ilta, sv: En bra kväll}, mood: hopeful}
characters:
  mira: {name: Mira}
"""

SV = {
    "title": "Biokväll",
    "variables.rahat.label": "Pengar",
    "scenes.alku.lines.0": "Det finns {rahat} € på kontot.",
    "scenes.alku.lines.1": "Ska vi gå på bio?",
    "scenes.alku.choices.0.text": "Jag går på bio.",
    "scenes.alku.choices.1.text": "Jag stannar hemma.",
    "scenes.loppu.lines.0": "Kvällen gick bra.",
    "scenes.loppu.end.title": "En bra kväll",
}


def rows_of(data: bytes, delimiter: str = ",") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


def fill(data: bytes, translations: dict[str, str], delimiter: str = ",") -> bytes:
    rows = rows_of(data)
    for row in rows[1:]:
        row[2] = translations.get(row[0], row[2])
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "leffa" / "story.yaml"
    path.parent.mkdir()
    path.write_text(BEFORE, "utf-8")
    assert check_file(path).issues == []
    return path


def test_export_lists_every_text_with_where_and_hash(story):
    draft = read_draft(story)
    rows = rows_of(export_csv(draft, "sv"))
    assert rows[0] == ["key", "fi", "sv", "where", "hash"]
    keys = [r[0] for r in rows[1:]]
    assert keys == ["title", "variables.rahat.label", "variables.rahat.unit",
                    "scenes.alku.lines.0", "scenes.alku.lines.1", "scenes.alku.choices.0.text",
                    "scenes.alku.choices.1.text", "scenes.loppu.lines.0",
                    "scenes.loppu.end.title", "characters.mira.name"]
    first = rows[1]
    assert first[1:] == ["Leffailta", "", f"{draft.name}:4", text_hash("Leffailta")]
    assert rows[5][1] == "Lähdetäänkö leffaan?" and rows[5][3].endswith(":15")


def test_round_trip_keeps_comments_and_layout_exactly(story):
    draft = read_draft(story)
    table = read_csv(fill(export_csv(draft, "sv"), SV))
    done = import_translations(draft, table)
    assert done.written and done.result.ok
    assert [i.format() for i in done.result.issues] == []
    assert story.read_text("utf-8") == AFTER
    # importing again changes nothing
    again = import_translations(read_draft(story), table)
    assert again.plan.changes == [] and again.plan.unchanged == len(SV)
    assert story.read_text("utf-8") == AFTER


def test_semicolons_from_a_finnish_excel_read_the_same(story):
    draft = read_draft(story)
    table = read_csv(fill(export_csv(draft, "sv"), SV, delimiter=";"))
    assert table.lang == "sv" and table.source_lang == "fi"
    import_translations(draft, table)
    assert story.read_text("utf-8") == AFTER


def test_stale_translations_are_flagged_and_kept_out_unless_forced(story):
    exported = fill(export_csv(read_draft(story), "sv"), SV)
    story.write_text(BEFORE.replace("Ilta meni hyvin.", "Ilta meni tosi hyvin."), "utf-8")
    done = import_translations(read_draft(story), read_csv(exported))
    assert [(row.key, entry.source) for row, entry in done.plan.stale] == [
        ("scenes.loppu.lines.0", "Ilta meni tosi hyvin.")]
    assert "Kvällen" not in story.read_text("utf-8")
    assert "Biokväll" in story.read_text("utf-8")
    forced = import_translations(read_draft(story), read_csv(exported), force=True)
    assert [row.key for row, _ in forced.plan.forced] == ["scenes.loppu.lines.0"]
    assert "sv: Kvällen gick bra." in story.read_text("utf-8")


def test_bad_translations_are_rejected_and_the_rest_imported(story):
    bad = dict(SV)
    bad["scenes.alku.lines.0"] = "Det finns {pengar} € på kontot."
    bad["scenes.alku.lines.1"] = "Ska vi gå på bio? {"
    done = import_translations(read_draft(story), read_csv(fill(export_csv(read_draft(story),
                                                                             "sv"), bad)))
    assert [(r.key, code) for r, code, _ in done.plan.rejected] == [
        ("scenes.alku.lines.0", "strings-unknown-variable"),
        ("scenes.alku.lines.1", "strings-bad-braces"),
    ]
    assert done.written and done.result.ok
    assert "Biokväll" in story.read_text("utf-8")


def test_dry_run_writes_nothing(story):
    table = read_csv(fill(export_csv(read_draft(story), "sv"), SV))
    done = import_translations(read_draft(story), table, write=False)
    assert not done.written and done.text == AFTER
    assert story.read_text("utf-8") == BEFORE


def test_cells_that_look_like_formulas_round_trip(story):
    story.write_text(BEFORE.replace("Ilta meni hyvin.", "'=1+1 ja -15 €'"), "utf-8")
    data = export_csv(read_draft(story), "sv")
    row = next(r for r in rows_of(data) if r[0] == "scenes.loppu.lines.0")
    assert row[1] == "'=1+1 ja -15 €"
    table = read_csv(fill(data, {"scenes.loppu.lines.0": "'=2 och -15 €"}))
    import_translations(read_draft(story), table)
    assert "sv: '=2 och -15 €'}" in story.read_text("utf-8")


def test_crlf_and_bom_are_kept(story):
    story.write_bytes(b"\xef\xbb\xbf" + BEFORE.replace("\n", "\r\n").encode("utf-8"))
    table = read_csv(fill(export_csv(read_draft(story), "sv"), SV))
    import_translations(read_draft(story), table)
    assert story.read_bytes() == b"\xef\xbb\xbf" + AFTER.replace("\n", "\r\n").encode("utf-8")


def test_builtin_story_round_trip_is_byte_identical(tmp_path):
    folder = tmp_path / "rahat-loppuu"
    shutil.copytree(BUILTIN.parent, folder)
    path = folder / "story.yaml"
    before = path.read_text("utf-8")
    data = export_csv(read_draft(path), "sv")
    rows = rows_of(data)
    assert all(r[2] for r in rows[1:] if r[0].startswith("scenes.") and "lines" in r[0])
    changed = {r[0]: r[2] + " (tarkistettu)" for r in rows[1:] if r[0] == "scenes.alku.lines.0"}
    done = import_translations(read_draft(path), read_csv(fill(data, changed)))
    assert len(done.plan.changes) == 1 and done.written
    after = path.read_text("utf-8")
    diff = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True)
            if a != b]
    assert len(diff) == 1 and diff[0][1].endswith('(tarkistettu)"')


def test_guess_indent():
    assert guess_indent(BEFORE) == (2, 2)
    assert guess_indent("a:\n    b:\n    - x\n") == (4, 0)


@pytest.mark.parametrize("raw,code", [
    (b"", "strings-csv-header"),
    (b"key,fi\n", "strings-csv-header"),
    (b"\xff\xfekey", "strings-csv-not-utf8"),
    (b"key,fi,sv,where,hash\ntitle,x\n", "strings-csv-columns"),
])
def test_broken_csv_files(raw, code):
    with pytest.raises(CsvError) as exc:
        read_csv(raw)
    assert exc.value.code == code


def test_import_command_finds_the_story_from_the_csv(story, tmp_path):
    csv_file = tmp_path / "sv.csv"
    res = porukka("strings", "export", str(story.relative_to(tmp_path)), "--target-lang", "sv",
                  "-o", str(csv_file), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "wrote 10 texts of 'leffailta' (from fi into sv; 0 already translated)" in res.stdout
    csv_file.write_bytes(fill(csv_file.read_bytes(), SV))
    res = porukka("strings", "import", "sv.csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "8 translations to write" in res.stdout and "0 warnings" in res.stdout
    assert story.read_text("utf-8") == AFTER


@pytest.mark.slow
def test_import_command_refuses_a_where_outside_the_folder(story, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    data = export_csv(read_draft(story), "sv").decode("utf-8-sig")
    data = data.replace(f"{read_draft(story).name}:", "../leffa/story.yaml:")
    (work / "sv.csv").write_text(data, "utf-8-sig")
    res = porukka("strings", "import", "sv.csv", cwd=work)
    assert res.returncode == 2 and "--story" in res.stderr
    res = porukka("strings", "import", "sv.csv", "--story", str(story), cwd=work)
    assert res.returncode == 0, res.stderr


@pytest.mark.slow
def test_import_command_reports_stale_rows_with_exit_1(story, tmp_path):
    csv_file = tmp_path / "sv.csv"
    csv_file.write_bytes(fill(export_csv(read_draft(story), "sv"), SV))
    story.write_text(BEFORE.replace("Jään kotiin.", "Jään kotiin tänään."), "utf-8")
    res = porukka("strings", "import", str(csv_file), "--story", str(story))
    assert res.returncode == 1
    assert ":8: stale: the fi text of 'scenes.alku.choices.1.text' changed" in res.stderr
    assert "Jään kotiin tänään." in res.stderr
    assert "Traceback" not in res.stderr


def test_export_refuses_the_story_language_and_bad_codes(story):
    res = porukka("strings", "export", str(story), "--target-lang", "fi")
    assert res.returncode == 1 and "own language" in res.stderr
    res = porukka("strings", "export", str(story), "--target-lang", "Svenska")
    assert res.returncode == 2 and "Svenska" in res.stderr


def test_control_characters_in_a_translation_are_refused(story):
    """Regression: `strings import` wrote ESC and NUL into a story (as YAML escapes)."""
    bad = dict(SV)
    bad["scenes.alku.lines.0"] = "Det finns \x1b[2J pengar."
    bad["scenes.alku.lines.1"] = "Ska vi gå\x00 på bio?"
    done = import_translations(read_draft(story), read_csv(fill(export_csv(read_draft(story),
                                                                             "sv"), bad)))
    assert [(r.key, code, p) for r, code, p in done.plan.rejected] == [
        ("scenes.alku.lines.0", "strings-control-character", {"char": "U+001B"}),
        ("scenes.alku.lines.1", "strings-control-character", {"char": "U+0000"}),
    ]
    assert done.written and done.result.ok
    text = story.read_text("utf-8")
    assert "\\e" not in text and "\\x1b" not in text and "\\0" not in text


def test_strings_import_names_the_control_character(story, tmp_path):
    bad = dict(SV)
    bad["scenes.alku.lines.0"] = "Det finns \x07 pengar."
    csv_file = tmp_path / "sv.csv"
    csv_file.write_bytes(fill(export_csv(read_draft(story), "sv"), bad))
    proc = porukka("strings", "import", str(csv_file), "--story", str(story))
    assert "U+0007" in proc.stderr and "control character" in proc.stderr, proc.stderr


def test_keys_and_places_are_neutralised_too(story, tmp_path, monkeypatch):
    """Issue 13, problem 7: every cell of the strings CSV, not only the texts: a story file
    whose name begins with '-' must not start a formula in the "where" column."""
    odd = tmp_path / "-1+1.yaml"
    odd.write_text(story.read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    rows = rows_of(export_csv(read_draft(Path(odd.name)), "sv"))
    assert any(row[3].startswith("'-1+1") for row in rows[1:])
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
