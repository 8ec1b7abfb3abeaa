"""The session log's records: numbering, times, payload rules, and refusing unknown versions."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from facilitator.errors import InvalidInput, LogDamagedError, LogVersionError
from facilitator.log.eventlog import (
    SCHEMA_VERSION,
    SessionLog,
)
from facilitator.log.eventlog import (
    WRITTEN_KINDS as KINDS,
)
from facilitator.log.records import FeedbackData

STATE = {"schema": "porukka-story-state", "version": 1, "scene": "alku"}

VALID = {
    "session_started": {
        "group": "g-1", "present": ["p-1"], "vote_mode": "hands", "reflection": "private",
        "language": "fi", "story": {"id": "s", "hash": "abc", "title": "Tarina"},
    },
    "scene_entered": {
        "lines": [{"text": "Hei", "name": "Mira", "who": "mira"}], "variables": {"rahat": 4},
        "reflect": False, "state": STATE,
    },
    "choices_offered": {
        "choices": [{"id": "a", "number": 1, "text": "A", "domains": ["arki"]}],
        "discuss": None, "timer": None,
    },
    "vote_attendance": {"voters": ["p-1", "p-2"], "round": 1},
    "vote_counts": {"counts": {"a": 3, "b": 0}},
    "decision_made": {
        "choice": "a", "how": "majority", "seconds": 12.5, "tally": {"a": 3}, "split": False,
        "domains": ["arki"], "offered": ["a", "b"], "state": STATE,
    },
    "choice_taken": {"choice": "a", "number": 1, "text": "A", "domains": []},
    "skipped_to_ending": {"target": "loppu"},
    "ending_reached": {"title": "Loppu", "mood": "hopeful"},
    "counsellor_action": {"action": "text-size", "detail": "1.25", "state": None},
    "reflection_rating": {"participant": "p-1", "domain": "arki", "value": 7},
    "feedback": {"participant": "p-1", "face": 5, "word": "mahtava"},
    "session_ended": {"status": "finished"},
}


def ticking(start=datetime(2025, 1, 14, 9, 30, tzinfo=UTC)):
    moments = iter(start + timedelta(seconds=i) for i in range(10_000))
    return lambda: next(moments)


def test_every_kind_has_an_example():
    assert set(VALID) == set(KINDS)


def test_records_are_numbered_timed_and_carry_the_story():
    log = SessionLog.in_memory("S1", story_id="rahat-loppuu", story_hash="h1", clock=ticking())
    for kind, data in VALID.items():
        log.log(kind, data, scene="alku")
    records = log.records()
    assert [r.seq for r in records] == list(range(1, len(KINDS) + 1))
    assert [r.kind for r in records] == list(KINDS)
    first = records[0]
    assert first.version == SCHEMA_VERSION
    assert (first.session, first.story, first.story_hash, first.scene) == (
        "S1", "rahat-loppuu", "h1", "alku"
    )
    assert records[0].time == "2025-01-14T09:30:01.000Z"  # the header took the first tick
    assert records[1].when - records[0].when == timedelta(seconds=1)
    assert records[1].state_json == json.dumps(STATE, sort_keys=True, ensure_ascii=False)
    assert log.durable_seq == log.last_seq == len(KINDS)


@pytest.mark.parametrize(
    ("kind", "change", "field"),
    [
        ("reflection_rating", {"value": 11}, "value"),
        ("reflection_rating", {"value": -1}, "value"),
        ("reflection_rating", {"value": True}, "value"),
        ("feedback", {"face": 0}, "face"),
        ("feedback", {"face": 6}, "face"),
        ("feedback", {"nickname": "Kettu"}, "nickname"),
        ("session_started", {"vote_mode": "shouting"}, "vote_mode"),
        ("session_started", {"reflection": "public"}, "reflection"),
        ("session_ended", {"status": "aborted"}, "status"),
        ("vote_counts", {"counts": {"a": -2}}, "counts"),
        ("counsellor_action", {"action": "dance"}, "action"),
        ("counsellor_action", {"detail": "Kettu kertoi, että hänen äitinsä ..."}, "detail"),
        ("decision_made", {"seconds": -1.0}, "seconds"),
        ("decision_made", {"how": "coin"}, "how"),
    ],
)
def test_payloads_outside_the_rules_are_refused(kind, change, field):
    log = SessionLog.in_memory()
    with pytest.raises(InvalidInput) as err:
        log.log(kind, {**VALID[kind], **change})
    assert field in str(err.value)
    assert log.last_seq == 0 and log.records() == []


@pytest.mark.parametrize(
    ("word", "code"),
    [("kaksi sanaa", "word-not-one"), ("x" * 31, "word-too-long"), ("a@b", "word-chars"),
     ("123", "word-chars"), ("hyvä!", "word-chars")],
)
def test_feedback_is_one_word_at_most(word, code):
    log = SessionLog.in_memory()
    with pytest.raises(InvalidInput) as err:
        log.log("feedback", {**VALID["feedback"], "word": word})
    assert err.value.code == code


def test_feedback_word_may_be_left_out_or_hyphenated():
    log = SessionLog.in_memory()
    blank = log.log("feedback", {**VALID["feedback"], "word": "  "}).payload
    assert isinstance(blank, FeedbackData) and blank.word is None
    hyphenated = log.log("feedback", {**VALID["feedback"], "word": "ihan-ok"}).payload
    assert isinstance(hyphenated, FeedbackData) and hyphenated.word == "ihan-ok"
    skipped = log.log("feedback", {"participant": "p", "face": None, "word": None}).payload
    assert isinstance(skipped, FeedbackData) and skipped.face is None


def test_unknown_kind_is_refused():
    with pytest.raises(InvalidInput, match="unknown event kind"):
        SessionLog.in_memory().log("gossip", {})


def write_log(tmp_path, n=3) -> SessionLog:
    log = SessionLog.create_file(tmp_path / "S1.json", "S1", story_id="s", story_hash=None)
    for _ in range(n):
        log.log("vote_counts", VALID["vote_counts"], scene="alku")
    return log


def test_a_file_log_reopens_with_its_numbering(tmp_path):
    write_log(tmp_path).close()
    log = SessionLog.open_file(tmp_path / "S1.json", writable=True)
    assert log.log("session_ended", VALID["session_ended"]).seq == 4
    log.close()
    assert [r.seq for r in SessionLog.open_file(tmp_path / "S1.json").records()] == [1, 2, 3, 4]


def _edit_snapshot(path, edit):
    data = json.loads(path.read_text())
    edit(data)
    path.write_text(json.dumps(data))


def test_an_unknown_log_version_is_refused_with_a_readable_message(tmp_path):
    write_log(tmp_path).close()
    _edit_snapshot(tmp_path / "S1.json", lambda d: d["session"]["1"].update(version=7))
    with pytest.raises(LogVersionError, match="newer Porukka.*version 7.*Update Porukka"):
        SessionLog.open_file(tmp_path / "S1.json")


def test_an_event_of_an_unknown_version_is_refused(tmp_path):
    write_log(tmp_path).close()
    _edit_snapshot(tmp_path / "S1.json", lambda d: d["events"]["2"].update(version=2))
    log = SessionLog.open_file(tmp_path / "S1.json")
    with pytest.raises(LogVersionError, match="session S1 was written by a newer Porukka"):
        log.records()


def test_a_file_that_is_not_a_session_log_is_refused(tmp_path):
    (tmp_path / "x.json").write_text('{"_default": {"1": {"a": 1}}}')
    with pytest.raises(LogDamagedError):
        SessionLog.open_file(tmp_path / "x.json")


def test_rewrite_removes_from_every_file(tmp_path):
    log = write_log(tmp_path, n=2)
    log.log("feedback", VALID["feedback"])
    assert b"mahtava" in (tmp_path / "S1.journal").read_bytes()
    removed, changed = log.rewrite(lambda r: None if r.kind == "feedback" else r)
    assert (removed, changed) == (1, 0)
    assert (tmp_path / "S1.journal").read_bytes() == b""
    assert b"mahtava" not in (tmp_path / "S1.json").read_bytes()
    log.close()


def test_a_rewritten_log_has_no_gap_where_erased_events_were(tmp_path):
    """Issue 13, problem 2: a gap in the numbers (or a header counting erased events) points
    at where an erased person's records were; the rewritten log is numbered 1, 2, 3 … again."""
    log = write_log(tmp_path, n=2)
    log.log("feedback", VALID["feedback"])
    log.log("session_ended", VALID["session_ended"])
    log.rewrite(lambda r: None if r.kind == "feedback" else r)
    log.close()
    again = SessionLog.open_file(tmp_path / "S1.json", writable=True)
    assert [r.seq for r in again.records()] == [1, 2, 3]
    assert [r.kind for r in again.records()][-1] == "session_ended"
    assert "last_erased_seq" not in again.header()
    assert again.log("counsellor_action", VALID["counsellor_action"]).seq == 4
    again.close()
    assert b"last_erased" not in (tmp_path / "S1.json").read_bytes()
