"""Twine import: hand-written Twee 3 files under twee/ become valid stories, and everything the
import leaves out is reported with its passage and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.twee import Ids, convert, paragraphs, parse_twee, slug, story_id_for
from game.story import check_file

from ._helpers import porukka

TWEE = Path(__file__).parent / "twee"

NOTES = {
    "sugarcube": [
        (13, 20, "Pysäkillä", "twee-macro"),
        (22, 1, "Odotus", "twee-macro"),
        (27, 9, "Kävely", "twee-html-removed"),  # two tags, one note
        (27, 26, "Kävely", "twee-macro"),
        (27, 59, "Kävely", "twee-insert"),
        (31, 1, "Soitan kaverille", "twee-script"),
        (38, 7, "Ääni-Öljy", "twee-broken-link"),
    ],
    "harlowe": [
        (16, 1, "Alku", "twee-macro"),
        (17, 1, "Alku", "twee-macro"),
        (26, 27, "alku!", "twee-macro"),
        (34, 68, "Sohva", "twee-too-many-links"),
        (48, 17, "Loppu", "twee-variable"),
        (51, 1, "Tyhjä", "twee-empty-passage"),
    ],
    "scripts": [
        (5, 1, "StoryData", "twee-bad-storydata"),
        (7, 1, "UserScript", "twee-special"),
        (10, 1, "UserStylesheet", "twee-special"),
        (13, 1, "StoryInit", "twee-special"),
        (17, 1, "Alku", "twee-script"),
        (20, 1, "Alku", "twee-comment"),
        (21, 13, "Alku", "twee-snowman"),
        (21, 33, "Alku", "twee-snowman"),
        (22, 1, "Alku", "twee-comment"),
        (23, 1, "Alku", "twee-setter"),
        (24, 1, "Alku", "twee-setter"),
        (27, 1, "Chapbook", "twee-chapbook-vars"),
        (30, 10, "Chapbook", "twee-insert"),
        (31, 1, "Chapbook", "twee-modifier"),
        (33, 1, "Chapbook", "twee-modifier"),
        (34, 1, "Chapbook", "twee-html-removed"),
    ],
    "clean": [],
}

CLEAN = """\
# Converted from clean.twee by 'porukka import-twee'.
# Check the notes it printed, then run 'porukka validate' on this file.
format: 1
id: clean
title: Kauppareissu
languages: [fi]
start: kotona
scenes:
  kotona:
    lines:
      - Jääkaappi on tyhjä.
      - Mitä teet?
    choices:
      - text: Käyn kaupassa
        goto: kauppa
      - text: Tilaan pizzan
        goto: pizza

  kauppa:
    lines:
      - Kaupassa on jono. Odotat vuoroasi.
    goto: kotiin

  pizza:
    lines:
      - Pizza tulee puolessa tunnissa.
    end: {title: Pizza, mood: open}

  kotiin:
    lines:
      - Olet taas kotona, kassit täynnä.
    end: {title: Kotiin, mood: open}
"""


@pytest.mark.parametrize("name", sorted(NOTES))
def test_conversion_reports_every_unsupported_construct_and_validates(name, tmp_path):
    src = TWEE / f"{name}.twee"
    conv = convert(src.read_text("utf-8"), story_id=name)
    assert [(n.line, n.column, n.passage, n.code) for n in conv.notes] == NOTES[name]
    out = tmp_path / name / "story.yaml"
    out.parent.mkdir()
    out.write_text(conv.yaml(src.name), "utf-8")
    result = check_file(out)
    assert result.ok, [i.format() for i in result.issues]
    text = out.read_text("utf-8")
    for bad in ("<<", "<script", "(set:", "<%", "<!--", "alert("):
        assert bad not in text


def test_clean_file_converts_to_exactly_this():
    conv = convert((TWEE / "clean.twee").read_text("utf-8"), story_id="clean")
    assert conv.yaml("clean.twee") == CLEAN


def test_ids_links_and_texts_of_the_harlowe_file():
    conv = convert((TWEE / "harlowe.twee").read_text("utf-8"), story_id="aiti")
    data = conv.data
    assert data["title"] == "Äidin luona {{vierailu}}"
    assert data["start"] == "alku"
    assert list(data["scenes"]) == ["alku", "alku-2", "sohva", "and-2", "kohtaus-1-luku",
                                    "loppu", "tyhja"]
    alku = data["scenes"]["alku"]
    assert alku["lines"] == ["Äiti avaa oven. Hei Sami! Tule sisään."]
    assert [(c.get("id"), c["text"], c["goto"]) for c in alku["choices"]] == [
        (None, "Menen keittiöön", "alku-2"),
        ("istun-sohvalle", "Istun sohvalle", "sohva"),
        ("lahden-heti", "Lähden heti", "sohva"),
        (None, "and", "and-2"),
    ]
    assert len(data["scenes"]["sohva"]["choices"]) == 6
    assert data["scenes"]["alku-2"]["goto"] == "kohtaus-1-luku"
    assert data["scenes"]["loppu"]["lines"] == [
        "*Hyvä* loppu. $kävijä lähtee *kotiin*: https://example.org"]
    assert data["scenes"]["tyhja"] == {"lines": ["Tyhjä"],
                                       "end": {"title": "Tyhjä", "mood": "open"}}


def test_header_escapes_tags_and_metadata():
    (p,) = parse_twee(':: Nimi \\[ei tagi\\] [a b] {"position":"1,2"}\nTeksti\n\\:: ei otsikko\n')
    assert (p.name, p.tags, p.metadata) == ("Nimi [ei tagi]", ["a", "b"], '{"position":"1,2"}')
    assert p.text == "Teksti\n:: ei otsikko"


def test_slugs_and_unique_ids():
    assert slug("Äidin luona!") == "aidin-luona"
    assert slug("Café Öljy Åbo") == "cafe-oljy-abo"
    ids = Ids()
    assert [ids.make(n, "kohtaus") for n in ("Alku", "alku", "ALKU!", "not", "3", "???")] == [
        "alku", "alku-2", "alku-3", "not-2", "kohtaus-3", "kohtaus"]
    assert story_id_for("Äidin_luona") == "aidin-luona"


def test_paragraphs_double_braces_and_split_long_text():
    assert paragraphs("a {b}\nc\n\n\n d ") == ["a {{b}} c", "d"]
    long = ("Lause on tässä. " * 200).strip()
    parts = paragraphs(long)
    assert len(parts) == 2 and all(len(p) <= 2000 for p in parts)


@pytest.mark.slow
def test_command_refuses_to_overwrite_and_validates(tmp_path):
    out = tmp_path / "stories" / "bussi"
    res = porukka("import-twee", str(TWEE / "sugarcube.twee"), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "sugarcube.twee:13:20: warning[twee-macro]: passage 'Pysäkillä': the macro " \
           "<<set $raha to 5>> was removed" in res.stderr
    assert "wrote" in res.stdout and "6 scenes from 'Bussimatka'" in res.stdout
    assert check_file(out / "story.yaml").loaded.story.id == "bussi"
    before = (out / "story.yaml").read_bytes()
    res = porukka("import-twee", str(TWEE / "clean.twee"), "-o", str(out))
    assert res.returncode == 1 and "--force" in res.stderr
    assert (out / "story.yaml").read_bytes() == before
    res = porukka("import-twee", str(TWEE / "clean.twee"), "-o", str(out), "--force")
    assert res.returncode == 0
    assert b"Kauppareissu" in (out / "story.yaml").read_bytes()


def test_command_writes_a_single_file_story(tmp_path):
    out = tmp_path / "kauppa.yaml"
    res = porukka("import-twee", str(TWEE / "clean.twee"), "-o", str(out), "--source-lang", "sv")
    assert res.returncode == 0, res.stderr
    story = check_file(out).loaded.story
    assert story.id == "kauppa" and story.languages == ["sv"]


@pytest.mark.parametrize("content", [b"", b"no passages here\n", b"\xff\xfe\x00::",
                                     b":: StoryTitle\nVain otsikko\n"])
def test_bad_twee_files_fail_cleanly(tmp_path, content):
    src = tmp_path / "rikki.twee"
    src.write_bytes(content)
    res = porukka("import-twee", str(src), "-o", str(tmp_path / "out"))
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr and res.stderr.strip()
    assert not (tmp_path / "out" / "story.yaml").exists()


ADVERSARIAL = ["[[", "[[a]", "<<", "<<a ", "(a:", "(a:)", "(a: \"", " (a:)[", "((a:", "[[a->",
               "[[a|b][", "(a:(b:", "/*", "[a]\n", "a (\n", "''a", "//a", "**a", "<a", "{", "$a"]


def _twee_with_line(line: str) -> str:
    extra = "--\n" if line.startswith("a (") else ""
    return f":: StoryTitle\nT\n\n:: Start\n{extra}{line}\n[[Loppu]]\n\n:: Loppu\nLoppu.\n"


@pytest.mark.parametrize("pattern", ADVERSARIAL)
def test_import_twee_takes_linear_time_on_adversarial_lines(pattern):
    """Regression: a 40 KB line of `[[` took 50 s (a quadratic regular expression)."""
    import time

    times = []
    for size in (10_000, 40_000):
        line = (pattern * (size // len(pattern) + 1))[:size]
        start = time.perf_counter()
        convert(_twee_with_line(line), story_id="x")
        times.append(time.perf_counter() - start)
    assert times[1] < 1.5, (pattern, times)
