"""Exports: CSV that Excel opens right (UTF-8 with BOM; `;` and decimal commas for Finnish
settings), read back with the csv module; JSON valid against the shipped schema."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import UTC, datetime

import jsonschema
import pytest

from facilitator.review import export

from .conftest import ROOT

SCHEMA = json.loads((ROOT / "docs" / "export.schema.json").read_text("utf-8"))
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def data(shared):
    return export.collect(shared["store"])


def read(body: bytes, delimiter: str) -> list[dict[str, str]]:
    assert body.startswith("\ufeff".encode()), "Excel needs the byte order mark"
    text = body.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_tables_hold_what_the_sessions_did(shared, data):
    counts = data.counts()
    assert counts["sessions"] == 4 and data.left_out_simulated == 1
    assert counts["participation"] == 6 + 6 + 4 + 6
    assert counts["decisions"] > 10 and counts["votes"] > 40
    assert counts["reflections"] > 0 and counts["feedback"] == 6 + 6 + 4
    assert {r["status"] for r in data.tables["sessions"]} == {"finished", "interrupted"}
    assert all(not r["simulated"] for r in data.tables["sessions"])
    nicknames = {r["nickname"] for r in data.tables["participation"]}
    assert nicknames == {m.nickname for m in shared["members"]}
    with_demo = export.collect(shared["store"], include_simulated=True)
    assert with_demo.counts()["sessions"] == 5
    assert sum(r["simulated"] for r in with_demo.tables["sessions"]) == 1


@pytest.mark.parametrize("excel_fi,delimiter", [(False, ","), (True, ";")])
def test_csv_reads_back_in_both_dialects(data, excel_fi, delimiter):
    files = export.csv_files(data, excel_fi=excel_fi)
    assert set(files) == {f"{t}.csv" for t in export.TABLES}
    for table in export.TABLES:
        rows = read(files[f"{table}.csv"], delimiter)
        assert len(rows) == len(data.tables[table])
        assert tuple(rows[0]) == export.COLUMNS[table]
    decisions = read(files["decisions.csv"], delimiter)
    fractional = [r["seconds"] for r in decisions if not r["seconds"].isdigit()]
    assert fractional, "some decisions took a fraction of a second"
    for value in fractional:
        assert ("," in value) is excel_fi and ("." in value) is not excel_fi
        float(value.replace(",", "."))
    sessions = read(files["sessions.csv"], delimiter)
    assert re.fullmatch(r"2025-01-07 09:00:\d\d", sessions[0]["started_utc"])  # Excel reads it
    assert {r["simulated"] for r in sessions} == {"0"}
    feedback = read(files["feedback.csv"], delimiter)
    assert {r["nickname"] for r in feedback} >= {"Kettu", "Pöllö"}  # ö survives
    assert all(r["face"] in {"", "1", "2", "3", "4", "5"} for r in feedback)


def test_csv_quotes_what_needs_quoting():
    rows = [{"session": "s", "participant": "p", "nickname": "A; B, \"C\""}]
    text = export.csv_text(rows, ("session", "participant", "nickname"), excel_fi=True)
    back = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert back[1] == ["s", "p", "A; B, \"C\""]


def test_csv_folder_and_zip(data, tmp_path):
    folder = tmp_path / "out"
    written = export.write_csv(data, folder, excel_fi=True)
    assert sorted(p.name for p in written) == sorted(f"{t}.csv" for t in export.TABLES)
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in written)
    with pytest.raises(FileExistsError):
        export.write_csv(data, folder)
    z = tmp_path / "out.zip"
    export.write_csv(data, z)
    with zipfile.ZipFile(z) as zf:
        assert sorted(zf.namelist()) == sorted(f"{t}.csv" for t in export.TABLES)
        assert zf.read("votes.csv") == export.csv_files(data)["votes.csv"]


def test_json_is_valid_against_the_shipped_schema(data, tmp_path):
    out = tmp_path / "export.json"
    export.write_json(data, out, now=NOW)
    doc = json.loads(out.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(doc, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert doc["schema"] == "porukka-export" and doc["version"] == 2
    assert doc["exported_utc"] == "2025-03-01T12:00:00.000Z"
    assert isinstance(doc["decisions"][0]["tally"], dict)
    assert isinstance(doc["decisions"][0]["seconds"], float)
    bad = {**doc, "version": "1"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_without_nicknames_only_random_ids(shared):
    data = export.collect(shared["store"], nicknames=False)
    text = json.dumps(export.to_json(data, now=NOW), ensure_ascii=False)
    for m in shared["members"]:
        assert m.nickname not in text and m.id in text


def test_filters_by_group_and_day(shared):
    from datetime import date

    assert export.collect(shared["store"], since=date(2025, 1, 20)).counts()["sessions"] == 2
    assert export.collect(shared["store"], until=date(2025, 1, 7)).counts()["sessions"] == 1
    assert export.collect(shared["store"], group="g-none").counts()["sessions"] == 0


HOSTILE = ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("excel_fi,delimiter", [(False, ","), (True, ";")])
def test_no_cell_is_run_as_a_formula(excel_fi, delimiter):
    """Issue 13, problem 7: story titles, choice texts and ids, words and names that begin
    with = + - @ tab or CR went into CSV cells raw, and Excel ran them."""
    for table, columns in export.COLUMNS.items():
        text_columns = [c for c in columns if not c.endswith("_utc")]
        rows = [{c: bad for c in text_columns} for bad in HOSTILE]
        rows.append({c: {bad: 1} for c in text_columns for bad in HOSTILE[:1]})
        rows.append({c: [bad] for c in text_columns for bad in HOSTILE[:1]})
        body = "\ufeff" + export.csv_text(rows, columns, excel_fi=excel_fi)
        for row in read(body.encode("utf-8"), delimiter):
            for column, cell in row.items():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (table, column)
    numbers = export.csv_text([{"session": "s", "seq": -1, "time_utc": None}],
                              ("session", "seq"), excel_fi=excel_fi)
    assert numbers.splitlines()[1].endswith("-1"), "numbers stay numbers"
