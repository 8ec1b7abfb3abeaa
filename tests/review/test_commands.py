"""The review commands: `sessions`, `report`, `export`, `forget`, `purge`; what they print,
that bad input is a clear message and never a traceback, and that erasure and retention
remove exactly what they say."""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import launcher
from facilitator.sessions import SessionStore

from .conftest import Clock, play_session

pytestmark = pytest.mark.slow  # each test runs the review commands end to end


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "PORUKKA_LANG"):
        monkeypatch.delenv(var, raising=False)


class Stdin(io.StringIO):
    def __init__(self, text: str, tty: bool) -> None:
        super().__init__(text)
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


def porukka(capsys, monkeypatch, *args: str, stdin: str = "", tty: bool = False):
    monkeypatch.setattr("sys.stdin", Stdin(stdin, tty))
    try:
        code = launcher.main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def every_file(root: Path) -> dict[str, bytes]:
    out = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            out[str(path.relative_to(root))] = path.read_bytes()
    return out


def test_sessions_lists_groups_newest_first_with_demo_marked(fresh, capsys, monkeypatch):
    code, out, _ = porukka(capsys, monkeypatch, "sessions")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Tiistairyhmä  (participants: 6, sessions: 5)"
    rows = [ln for ln in lines if ln[:3].strip().isdigit()]
    # Dates as the reports write them (issue 17: the list showed ISO dates).
    assert [" ".join(r.split()[:3]) for r in rows] == [
        "10 Feb 2025,", "28 Jan 2025,", "21 Jan 2025,", "14 Jan 2025,", "7 Jan 2025,"]
    assert "demo data" in rows[0] and "demo data" not in "".join(rows[1:])
    assert "interrupted" in rows[1] and "finished" in rows[2]
    assert "Kettu, Susi, Ilves, Karhu" in rows[2] and "Orava" not in rows[2]
    for sid in fresh["sessions"]:
        assert sid in out


@pytest.mark.parametrize("summary", ["kept", "damaged"])
@pytest.mark.parametrize("damage", ["cut short", "gone", "replaced by another session's"])
def test_sessions_lists_a_session_that_cannot_be_read_as_such(fresh, capsys, monkeypatch,
                                                               damage, summary):
    """Issue 17: a damaged log was listed as "finished" from its summary (and a report of it
    then failed). Now it is a row of its own status, in its group when the summary still
    says which, the reason on stderr, and the exit status says the list is not all well."""
    folder = fresh["store"].folder
    bad, other = fresh["sessions"][2], fresh["sessions"][3]
    log = folder / f"{bad}.json"
    if damage == "cut short":
        log.write_bytes(log.read_bytes()[:300])
    elif damage == "gone":
        log.unlink()
    else:
        log.write_bytes((folder / f"{other}.json").read_bytes())
    if summary == "damaged":
        (folder / f"{bad}.summary.json").write_text("{", "utf-8")
    code, out, err = porukka(capsys, monkeypatch, "sessions")
    assert code == 1
    rows = [ln for ln in out.splitlines() if bad in ln]
    assert len(rows) == 1 and "cannot be read" in rows[0] and "finished" not in rows[0]
    assert bad in err and "1 session cannot be read" in err
    assert "porukka delete-session" in err
    heading = [ln for ln in out.splitlines() if not ln.startswith(" ") and ln]
    if summary == "kept":  # in its group, on its day, with who was there
        assert heading == ["Tiistairyhmä  (participants: 6, sessions: 5)"]
        assert rows[0].split()[:3] == ["21", "Jan", "2025,"] and "Kettu" in rows[0]
    else:  # its group is not known: a heading of its own, its day from its id
        assert heading[-1] == "Sessions whose group cannot be read"
        assert rows[0].split()[:3] == ["21", "Jan", "2025,"]
    for sid in fresh["sessions"]:
        if sid != bad:
            assert "cannot be read" not in next(ln for ln in out.splitlines() if sid in ln)


def test_sessions_of_one_group_leave_another_groups_damage_out(fresh, loaded, capsys,
                                                                 monkeypatch):
    """`sessions --group` lists and warns of what cannot be read in that group only."""
    store = fresh["store"]
    other = store.groups.create_group("Torstairyhmä")
    sid = play_session(store, other.id, [store.groups.add_participant(other.id, "Ilves")],
                       loaded)
    log = store.folder / f"{sid}.json"
    log.write_bytes(log.read_bytes()[:300])
    code, out, err = porukka(capsys, monkeypatch, "sessions", "--group", "Tiistairyhmä")
    assert code == 0 and sid not in out + err
    code, out, err = porukka(capsys, monkeypatch, "sessions", "--group", "Torstairyhmä")
    assert code == 1 and sid in out and sid in err and "1 session cannot be read" in err


def test_sessions_filters(fresh, capsys, monkeypatch):
    code, out, _ = porukka(capsys, monkeypatch, "sessions", "--since", "2025-01-20",
                           "--until", "28.1.2025")
    assert code == 0 and len([ln for ln in out.splitlines() if ln[:3].strip().isdigit()]) == 2
    code, out, _ = porukka(capsys, monkeypatch, "sessions", "--group", "tiistairyhmä",
                           "--lang", "fi")
    assert code == 0 and "osallistujia: 6" in out and "keskeytyi" in out


@pytest.mark.parametrize("args,code,message", [
    (("sessions", "--since", "2025-02-30"), 2, "is not a date"),
    (("sessions", "--group", "Nobody"), 1, "There is no group 'Nobody'"),
    (("report", "20990101T000000Z-000000", "-o", "x.html"), 1, "There is no session"),
    (("report", "../etc", "-o", "x.html"), 1, "There is no session"),
    (("report", "-o", "x.html"), 2, "give a SESSION or --group G"),
    (("report", "--group", "Nobody", "-o", "x.html"), 1, "There is no group"),
    (("export", "--format", "csv", "--since", "soon", "-o", "x"), 2, "is not a date"),
    (("forget", "Nobody", "--group", "Tiistairyhmä", "--yes"), 1, "has no participant"),
    (("forget", "Kettu", "--group", "Nobody", "--yes"), 1, "There is no group"),
    (("purge", "--older-than", "half a year", "--yes"), 2, "is not an age"),
    # Issue 17: a bare number was taken as days; the unit is required.
    (("purge", "--older-than", "180", "--yes"), 2, "needs a unit"),
])
def test_bad_input_is_a_message_not_a_traceback(fresh, capsys, monkeypatch, tmp_path, args,
                                                code, message):
    monkeypatch.chdir(tmp_path)
    got, out, err = porukka(capsys, monkeypatch, *args)
    assert got == code and message in err, (out, err)


def test_report_written_private_and_unwritable_output(fresh, capsys, monkeypatch, tmp_path):
    out = tmp_path / "r.html"
    code, stdout, _ = porukka(capsys, monkeypatch, "report", fresh["sessions"][0], "-o",
                              str(out), "--lang", "sv")
    assert code == 0 and "Skrev" in stdout
    assert (out.stat().st_mode & 0o777) == 0o600 and "Träffrapport" in out.read_text("utf-8")
    code, _, err = porukka(capsys, monkeypatch, "report", "--group", "Tiistairyhmä", "-o",
                           str(tmp_path / "no" / "such" / "g.html"))
    assert code == 1 and "cannot write" in err
    code, _, _ = porukka(capsys, monkeypatch, "report", "--group", "Tiistairyhmä", "-o",
                         str(tmp_path / "g.html"), "--include-simulated")
    assert code == 0 and "marked as demo data: 1" in (tmp_path / "g.html").read_text("utf-8")


def test_export_commands(fresh, capsys, monkeypatch, tmp_path):
    code, out, _ = porukka(capsys, monkeypatch, "export", "--format", "csv", "--excel-fi",
                           "-o", str(tmp_path / "csv"))
    assert code == 0 and "sessions 4" in out and "left out" in out
    assert (tmp_path / "csv" / "feedback.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, _, err = porukka(capsys, monkeypatch, "export", "--format", "csv", "-o",
                           str(tmp_path / "csv"))
    assert code == 1 and "exists" in err
    code, _, _ = porukka(capsys, monkeypatch, "export", "--format", "json", "--group",
                         "Tiistairyhmä", "--include-simulated", "-o", str(tmp_path / "e.json"))
    assert code == 0
    assert len(json.loads((tmp_path / "e.json").read_text("utf-8"))["sessions"]) == 5
    code, _, err = porukka(capsys, monkeypatch, "export", "--format", "json", "-o",
                           str(tmp_path))
    assert code == 2 and "-o FILE.json" in err


def crash_open_session(store: SessionStore, group_id: str, present, loaded) -> str:
    """A session left as a kill leaves it: a journal that names the participants."""
    session = store.start(group_id, [p.id for p in present], loaded, vote_mode="secret",
                          reflection="private", background=False)
    from game.play.controller import Participant, PlayController
    from game.story import Runtime

    rt = Runtime(loaded.story, "fi", story_hash=loaded.content_hash)
    c = PlayController(rt, "secret",
                       [Participant(p.id, p.nickname, p.colour, p.shape) for p in present],
                       listener=session.recorder)
    while not c.is_choice_point():
        c.advance()
    for p in present:
        c.vote(p.id, c.offered()[0].id)
    session.log.db.storage.close(compact=False)
    store._active.pop(session.id, None)
    return session.id


def test_forget_removes_every_trace_from_every_file(fresh, loaded, capsys, monkeypatch):
    """Votes, ratings, feedback, attendance and the participant record: gone from the logs,
    the journals, the summaries, the groups file and the saved reports."""
    from facilitator.review import open_report

    store, kettu = fresh["store"], fresh["members"][0]
    crashed = crash_open_session(store, fresh["group"].id, fresh["members"][:3], loaded)
    monkeypatch.setattr("webbrowser.open", lambda url: True)
    open_report(fresh["sessions"][0], "fi")
    before = every_file(store.root)
    assert any(name.endswith(".journal") for name in before)
    assert sum(b"Kettu" in body for body in before.values()) >= 2  # groups file, report
    assert sum(kettu.id.encode() in body for body in before.values()) >= 6

    code, out, err = porukka(capsys, monkeypatch, "forget", "kettu", "--group", "Tiistairyhmä")
    assert code == 2 and "--yes" in err  # no terminal to confirm in
    assert every_file(store.root) == before

    code, out, _ = porukka(capsys, monkeypatch, "forget", "Kettu", "--group", "Tiistairyhmä",
                           stdin="no\n", tty=True)
    assert code == 1 and "Nothing was deleted" in out and every_file(store.root) == before

    code, out, _ = porukka(capsys, monkeypatch, "forget", "Kettu", "--group", "Tiistairyhmä",
                           stdin="yes\n", tty=True)
    assert code == 0, out
    assert "cannot be undone" in out and "Erased Kettu" in out
    assert "saved reports deleted: 1" in out and "participant record removed: yes" in out
    after = every_file(store.root)
    for name, body in after.items():
        assert b"Kettu" not in body, name
        assert kettu.id.encode() not in body, name
    # the others are intact: their sessions, votes, ratings and feedback
    fresh_store = SessionStore()
    assert len(fresh_store.list_sessions()) == 6
    susi = fresh["members"][1]
    assert sum(susi.id.encode() in body for body in after.values()) >= 6
    summary = fresh_store.summary(fresh["sessions"][0])
    assert kettu.id not in summary.present and susi.id in summary.present
    assert fresh_store.summary(crashed).present == tuple(m.id for m in fresh["members"][1:3])
    kinds = {r.kind for r in fresh_store.events(fresh["sessions"][0])}
    assert {"vote_attendance", "reflection_rating", "feedback"} <= kinds


def test_purge_deletes_old_sessions_and_leaves_newer_ones_byte_identical(
        fresh, loaded, capsys, monkeypatch):
    store = fresh["store"]
    now = datetime.now(UTC)
    recent = []
    for days in (30, 5):
        store.clock = Clock(now - timedelta(days=days))
        recent.append(play_session(store, fresh["group"].id, fresh["members"], loaded,
                                   seed=days))
    from facilitator.review import open_report

    monkeypatch.setattr("webbrowser.open", lambda url: True)
    old_report = open_report(fresh["sessions"][0], "en")
    new_report = open_report(recent[0], "en")
    keep = {name: body for name, body in every_file(store.root).items()
            if any(sid in name for sid in recent) or name == "groups.json"}
    assert len(keep) >= 5

    code, out, err = porukka(capsys, monkeypatch, "purge", "--older-than", "180d")
    assert code == 2 and "--yes" in err
    # What would be deleted is listed before the question (issue 17): date, group, story.
    listed = [ln for ln in out.splitlines() if "Tiistairyhmä" in ln]
    assert len(listed) == 5 and all("Rahat loppuu kesken" in ln for ln in listed)
    assert out.index("Tiistairyhmä") < (out + err).index("--yes")
    code, out, _ = porukka(capsys, monkeypatch, "purge", "--older-than", "26w", "--yes")
    assert code == 0, out
    assert "Sessions deleted: 5" in out
    for sid in fresh["sessions"]:
        assert f"deleted {sid}" in out
    after = every_file(store.root)
    assert {n: after[n] for n in keep} == keep  # byte for byte
    assert not any(sid in name for name in after for sid in fresh["sessions"])
    assert not old_report.exists() and new_report.exists()
    assert [s.id for s in SessionStore().list_sessions()] == recent[::-1]
    code, out, _ = porukka(capsys, monkeypatch, "purge", "--older-than", "180d", "--yes")
    assert code == 0 and "nothing to delete" in out


def register(root: Path) -> list[dict]:
    return [json.loads(line) for line in (root / "erasures.jsonl").read_text("utf-8").splitlines()]


def test_forget_finishes_past_a_damaged_session_and_says_how_to_end_the_job(
        fresh, capsys, monkeypatch, tmp_path):
    """Issue 13, problems 4 and 8: erasure stopped half-way on a damaged file, said only
    "... is not valid JSON", failed the same way when run again, and there was no way to
    delete a single session; copies written with -o were never mentioned."""
    store, kettu = fresh["store"], fresh["members"][0]
    copy = tmp_path / "elsewhere" / "r.html"
    copy.parent.mkdir()
    code, _, _ = porukka(capsys, monkeypatch, "report", fresh["sessions"][0], "-o", str(copy))
    assert code == 0
    damaged, *others = fresh["sessions"]
    log = store.folder / f"{damaged}.json"
    log.write_bytes(log.read_bytes()[:200])  # cut off: not valid JSON, still names Kettu

    code, out, err = porukka(capsys, monkeypatch, "forget", "Kettu", "--group", "Tiistairyhmä",
                             "--yes")
    assert code == 1
    assert "1 session could not be processed" in err and damaged in err
    assert f"porukka delete-session {damaged}" in err
    assert "porukka forget Kettu --group Tiistairyhmä" in err
    assert "yours to delete" in out and str(copy.resolve()) in out
    for name, body in every_file(store.root).items():
        if damaged not in name and name != "groups.json":
            assert kettu.id.encode() not in body, name  # the rest was erased
    assert SessionStore().groups.find_participant(fresh["group"].id, "Kettu") is not None

    code, out, _ = porukka(capsys, monkeypatch, "delete-session", damaged, "--yes")
    assert code == 0 and f"Deleted session {damaged}" in out and "yours to delete" in out
    code, out, err = porukka(capsys, monkeypatch, "forget", "Kettu", "--group", "Tiistairyhmä",
                             "--yes")
    assert code == 0, err
    assert "participant record removed: yes" in out
    for name, body in every_file(store.root).items():
        assert kettu.id.encode() not in body and b"Kettu" not in body, name
    assert copy.exists()  # the worker's copy: reminded of, never touched
    entries = register(store.root)
    assert [e["action"] for e in entries] == ["forget", "delete-session", "forget"]
    assert all(e["group"] == fresh["group"].id and e["records"] >= 0 for e in entries)
    raw = (store.root / "erasures.jsonl").read_bytes()
    assert kettu.id.encode() not in raw and b"Kettu" not in raw
    assert (store.root / "erasures.jsonl").stat().st_mode & 0o077 == 0
    code, _, err = porukka(capsys, monkeypatch, "delete-session", damaged, "--yes")
    assert code == 1 and "There is no session" in err


def test_purge_notes_the_register_and_reminds_of_copies(fresh, capsys, monkeypatch, tmp_path):
    store = fresh["store"]
    out_dir = tmp_path / "csv"
    code, _, _ = porukka(capsys, monkeypatch, "export", "--format", "csv", "-o", str(out_dir))
    assert code == 0
    code, out, _ = porukka(capsys, monkeypatch, "purge", "--older-than", "26w", "--yes")
    assert code == 0 and "yours to delete" in out and str(out_dir.resolve()) in out
    entries = register(store.root)
    assert {e["action"] for e in entries} == {"purge"}
    assert sum(e["sessions"] for e in entries) == 5 and all(e["records"] > 0 for e in entries)


@pytest.mark.parametrize("content", [b'{"bad": ', b"[1, 2]", b'{"groups": 3}', b"\xff\xfe"])
def test_a_damaged_groups_file_is_said_in_the_users_language(tmp_path, content):
    """Regression (issue 14): a damaged groups.json gave an English library message."""
    import subprocess
    import sys

    from .conftest import ROOT

    data = tmp_path / "data"
    data.mkdir()
    (data / "groups.json").write_bytes(content)
    env = {**os.environ, "PORUKKA_DATA_DIR": str(data)}
    res = subprocess.run([sys.executable, str(ROOT / "launcher.py"), "sessions", "--lang", "fi"],
                         capture_output=True, text=True, env=env, timeout=60)
    assert res.returncode == 1
    assert "ryhmätiedostoa" in res.stderr and "groups.json" in res.stderr
    assert "Traceback" not in res.stderr
