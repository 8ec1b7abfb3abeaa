"""Typed events: every kind is written and read back as its own payload model; a payload of
the wrong type is refused when logged and, when found in a stored log, names the session and
the event without stopping readers of the other sessions; logs written before the payloads
were typed still read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.errors import DamagedEventError, InvalidInput, LogDamagedError, LogError
from facilitator.log.eventlog import SessionLog
from facilitator.log.records import (
    KINDS as ALL_KINDS,
)
from facilitator.log.records import (
    PAYLOADS,
    CounsellorActionData,
    DecisionMadeData,
    FeedbackData,
    Record,
    SessionStartedData,
    VoteCastData,
    check_payload,
    last_of,
    payloads,
)
from facilitator.log.records import (
    WRITTEN_KINDS as KINDS,
)
from facilitator.review import export
from facilitator.review.load import load_group

from .conftest import play
from .test_eventlog import VALID

OLD_LOG = Path(__file__).with_name("data") / "log-before-typed-payloads.json"

# One value of the wrong type per kind (a string for a number, a number for a string, ...).
WRONG_TYPE = {
    "session_started": {"present": "p-1"},
    "scene_entered": {"variables": {"rahat": "neljä"}},
    "choices_offered": {"choices": [{"id": "a", "number": "1", "text": "A", "domains": []}]},
    "vote_attendance": {"voters": "p-1"},
    "vote_counts": {"counts": {"a": "3"}},
    "decision_made": {"split": "no"},
    "choice_taken": {"number": 1.5},
    "skipped_to_ending": {"target": None},
    "ending_reached": {"mood": ["hopeful"]},
    "counsellor_action": {"detail": 1.25},
    "reflection_rating": {"value": "7"},
    "feedback": {"face": "5"},
    "session_ended": {"status": True},
}


def test_every_kind_has_a_wrong_example():
    assert set(WRONG_TYPE) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_round_trips_as_its_typed_model(tmp_path, kind):
    log = SessionLog.create_file(tmp_path / "S1.json", "S1", story_id="s", story_hash=None)
    written = log.log(kind, VALID[kind], scene="alku")
    log.close()
    (record,) = SessionLog.open_file(tmp_path / "S1.json").records()
    assert type(record.payload) is PAYLOADS[kind]
    assert record.kind == record.payload.kind == kind
    assert record.payload == written.payload == check_payload(kind, VALID[kind])
    assert record == written


@pytest.mark.parametrize("kind", KINDS)
def test_a_payload_model_is_logged_as_it_is(kind):
    model = PAYLOADS[kind].model_validate(VALID[kind])
    record = SessionLog.in_memory().log(kind, model)
    assert record.payload is model
    assert record.data == {k: v for k, v in model.model_dump(mode="json").items() if k != "kind"}


@pytest.mark.parametrize("kind", KINDS)
def test_a_value_of_the_wrong_type_is_refused_on_write(kind):
    log = SessionLog.in_memory()
    change = WRONG_TYPE[kind]
    with pytest.raises(InvalidInput) as err:
        log.log(kind, {**VALID[kind], **change})
    assert next(iter(change)) in str(err.value)
    assert log.last_seq == 0 and log.records() == []


def test_a_payload_of_another_kind_is_refused_on_write():
    log = SessionLog.in_memory()
    vote = VoteCastData(participant="p-1", choice="a")
    with pytest.raises(InvalidInput, match="kind"):
        log.log("feedback", vote)
    with pytest.raises(InvalidInput, match="kind"):
        log.log("feedback", {**VALID["feedback"], "kind": "vote_cast"})
    assert log.records() == []


def _damage(path: Path, seq: int, change: dict) -> None:
    doc = json.loads(path.read_text("utf-8"))
    doc["events"][str(seq)]["data"].update(change)
    path.write_text(json.dumps(doc), "utf-8")


@pytest.mark.parametrize("kind", KINDS)
def test_a_stored_value_of_the_wrong_type_is_refused_on_read(tmp_path, kind):
    path = tmp_path / "S1.json"
    log = SessionLog.create_file(path, "S1", story_id="s", story_hash=None)
    log.log("vote_counts", VALID["vote_counts"])
    log.log(kind, VALID[kind])
    log.close()
    _damage(path, 2, WRONG_TYPE[kind])
    with pytest.raises(DamagedEventError) as err:
        SessionLog.open_file(path).records()
    assert isinstance(err.value, LogDamagedError)
    assert (err.value.path, err.value.seq) == (path, 2)
    assert "session S1" in str(err.value) and "event 2" in str(err.value)
    assert next(iter(WRONG_TYPE[kind])) in str(err.value)


def test_a_stored_event_of_an_unknown_kind_is_damage(tmp_path):
    path = tmp_path / "S1.json"
    log = SessionLog.create_file(path, "S1", story_id="s", story_hash=None)
    log.log("vote_counts", VALID["vote_counts"])
    log.close()
    doc = json.loads(path.read_text("utf-8"))
    doc["events"]["1"]["kind"] = "gossip"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(DamagedEventError, match="event 1"):
        SessionLog.open_file(path).records()


def test_a_log_written_before_the_payloads_were_typed_reads(tmp_path):
    old = json.loads(OLD_LOG.read_text("utf-8"))
    path = tmp_path / f"{old['session']['1']['session']}.json"  # a log is named by its session
    shutil.copy(OLD_LOG, path)
    stored = old["events"]
    records = SessionLog.open_file(path).records()
    assert [r.kind for r in records] == [k for k in ALL_KINDS if k != "vote_attendance"]
    for record in records:
        assert type(record.payload) is PAYLOADS[record.kind]
        doc = stored[str(record.seq)]
        if record.kind == "session_started":
            # Written before `simulated` existed: it reads as a real session.
            assert isinstance(record.payload, SessionStartedData)
            assert record.payload.simulated is False
            doc = {**doc, "data": {**doc["data"], "simulated": False}}
        assert record.to_doc() == doc  # the stored shape has not changed
    (rec, feedback), = payloads(records, FeedbackData)
    assert (feedback.participant, feedback.face, feedback.word) == ("p-1", 5, "mahtava")
    found = last_of(records, DecisionMadeData)
    assert found is not None and found[1].how == "majority" and found[1].seconds == 12.5
    assert found[0].state_json is not None


def test_records_are_built_from_the_stored_shape_or_the_payload():
    fields = {"version": 1, "session": "S", "seq": 1, "time": "2025-01-14T09:30:00.000Z",
              "story": "s", "story_hash": None, "scene": None}
    action = CounsellorActionData(action="pause")
    a = Record(**fields, payload=action)
    b = Record(**fields, kind="counsellor_action", data={"action": "pause"})
    assert a == b and a.state_json is None
    assert Record.from_doc(a.to_doc()) == a


def test_a_damaged_session_leaves_the_others_readable(store, group, people, loaded):
    """Regression: a stored payload of the wrong type in one session (a face as text) was read
    unchecked and crashed the group report of every session (TypeError in the average)."""
    ids = []
    for seed in (1, 2):
        s = store.start(group.id, [p.id for p in people], loaded, vote_mode="secret",
                        reflection="private", background=False)
        play(s, loaded, [p.id for p in people], seed=seed, steps=2)
        s.give_feedback(people[0].id, 4)
        s.end()
        ids.append(s.id)
    damaged = ids[0]
    seq = next(r.seq for r in store.events(damaged) if r.kind == "feedback")
    path = store.folder / f"{damaged}.json"
    _damage(path, seq, {"face": "neljä"})

    with pytest.raises(DamagedEventError):
        store.events(damaged)
    data = export.collect(store)
    assert [r["session"] for r in data.tables["sessions"]] == [ids[1]]
    assert [sid for sid, _ in data.unreadable] == [damaged]
    assert f"event {seq}" in data.unreadable[0][1]
    bundle = load_group(store, group)
    assert [c.id for c in bundle.report.sessions] == [ids[1]]
    assert [sid for sid, _ in bundle.unreadable] == [damaged]
    (path.parent / f"{damaged}.summary.json").unlink()  # the listing now reads the log
    assert [s.id for s in store.list_sessions()] == [ids[1]]
    assert [sid for sid, _ in store.unreadable] == [damaged]


def test_a_summary_file_that_does_not_fit_is_rebuilt_from_the_log(store, group, people, loaded):
    s = store.start(group.id, [p.id for p in people], loaded, vote_mode="hands",
                    reflection="skip", background=False)
    s.rate(people[0].id, "arki", 6)
    s.end("finished")
    path = store.folder / f"{s.id}.summary.json"
    doc = json.loads(path.read_text("utf-8"))
    assert doc["vote_mode"] == "hands" and doc["ratings"] == {people[0].id: {"arki": 6}}
    path.write_text(json.dumps({**doc, "events": "many", "vote_mode": "shouting"}), "utf-8")
    summary = store.summary(s.id)
    assert (summary.vote_mode, summary.reflection, summary.status) == ("hands", "skip", "finished")
    assert summary.events == len(store.events(s.id))
    assert summary.ratings == {people[0].id: {"arki": 6}}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 12) | st.floats(-1, 20, allow_nan=False)
    | st.sampled_from(["", "a", "p-1", "hands", "majority", "finished", "kiva", "x y"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "text", "a", "number", "domains", "scene"]), inner, max_size=3),
    max_leaves=8,
)


def _payload_like(kind: str) -> st.SearchStrategy[dict]:
    """The valid example of `kind` with some fields replaced, removed or added at random."""
    keys = [*VALID[kind], "kind", "extra"]
    return st.dictionaries(st.sampled_from(keys), _JSON, max_size=4).flatmap(
        lambda change: st.just({**VALID[kind], **change}))


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KINDS).flatmap(lambda k: st.tuples(st.just(k), _payload_like(k))))
def test_any_payload_is_either_its_model_or_a_clean_refusal(case):
    kind, data = case
    try:
        payload = check_payload(kind, data)
    except InvalidInput:
        return
    assert type(payload) is PAYLOADS[kind]
    doc = Record(version=1, session="S", seq=1, time="2025-01-14T09:30:00.000Z", story=None,
                 story_hash=None, scene=None, payload=payload).to_doc()
    assert Record.from_doc(json.loads(json.dumps(doc))).payload == payload


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.sampled_from(KINDS).flatmap(lambda k: st.tuples(st.just(k), _payload_like(k))))
def test_any_stored_payload_reads_as_its_model_or_as_damage(case):
    kind, data = case
    doc = {"version": 1, "session": "S", "seq": 3, "time": "2025-01-14T09:30:00.000Z",
           "story": None, "story_hash": None, "kind": kind, "scene": None, "data": data}
    try:
        record = Record.from_doc(doc, "session S")
    except DamagedEventError as err:
        assert err.seq == 3 and "session S" in str(err)
        return
    assert type(record.payload) is PAYLOADS[kind]


def test_who_chose_what_is_never_logged_again(tmp_path):
    """Issue 13, problem 1: the log kept `vote_cast {participant, choice}`. It is refused on
    write (old logs still read, and lose it at the first rewrite)."""
    log = SessionLog.in_memory()
    with pytest.raises(InvalidInput, match="no longer logged"):
        log.log("vote_cast", {"participant": "p-1", "choice": "a"})
    with pytest.raises(InvalidInput, match="no longer logged"):
        log.log("vote_cast", VoteCastData(participant="p-1", choice="a"))
    assert log.records() == []


def _doc(seq: int, kind: str, data: object, **change: object) -> dict:
    doc = {"version": 1, "session": "S", "seq": seq, "time": "2025-01-14T09:30:00.000Z",
           "story": None, "story_hash": None, "kind": kind, "scene": None, "data": data}
    return {**doc, **change}


def _one_by_one(docs: list) -> list[Record] | tuple[type, str]:
    try:
        return [Record.from_doc(d, "session S") for d in docs]
    except LogError as exc:
        return type(exc), str(exc)


def _together(docs: list) -> list[Record] | tuple[type, str]:
    try:
        return Record.from_docs(docs, "session S")
    except LogError as exc:
        return type(exc), str(exc)


# What the batch path must not take for granted: each shape a stored event can be damaged in.
_ODD_DOCS = {
    "not an object": [1, 2],
    "another version": _doc(2, "feedback", VALID["feedback"], version=2),
    "no version": {k: v for k, v in _doc(2, "feedback", VALID["feedback"]).items()
                   if k != "version"},
    "no kind": {k: v for k, v in _doc(2, "feedback", VALID["feedback"]).items()
                if k != "kind"},
    "an unknown kind": _doc(2, "vote_counted", VALID["feedback"]),
    "data not an object": _doc(2, "feedback", ["x"]),
    "no data": {k: v for k, v in _doc(2, "feedback", VALID["feedback"]).items() if k != "data"},
    "a payload key beside kind and data": _doc(2, "feedback", VALID["feedback"], payload={}),
    "a field too many": _doc(2, "feedback", VALID["feedback"], extra=1),
    "a payload that does not fit": _doc(2, "feedback", {**VALID["feedback"], "face": 9}),
    "a kind inside data": _doc(2, "feedback", {**VALID["feedback"], "kind": "feedback"}),
    "seq not a number": _doc("2", "feedback", VALID["feedback"]),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("odd", list(_ODD_DOCS), ids=list(_ODD_DOCS))
def test_reading_events_together_is_reading_them_one_by_one(odd):
    """A report reads a session's events in one pass (`from_docs`): the same records as
    `from_doc` of each, and for a damaged one among them the same error naming it."""
    docs = [_doc(1, "session_started", VALID["session_started"]), _ODD_DOCS[odd],
            _doc(3, "session_ended", VALID["session_ended"])]
    expected = _one_by_one(docs)
    assert _together(docs) == expected
    # Lenient readings (a tag repeated in data, a number as text) stay as lenient as before.
    assert isinstance(expected, tuple) == (odd not in ("a kind inside data", "seq not a number"))
    whole = [_doc(i + 1, k, VALID[k]) for i, k in enumerate(KINDS)]
    assert _together(whole) == _one_by_one(whole) != []
    assert _together([]) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(KINDS).flatmap(
    lambda k: st.tuples(st.just(k), _payload_like(k))), min_size=1, max_size=5))
def test_any_stored_events_read_together_as_one_by_one(cases):
    docs = [_doc(i + 1, kind, data) for i, (kind, data) in enumerate(cases)]
    assert _together(docs) == _one_by_one(docs)


@pytest.mark.parametrize("key", ["01", "-1", "+1", " 1", "1 ", "1.0", "1e3", "١", "²", "",
                                 "x", "12345678901234567890", "0x1"])
def test_a_stored_event_key_that_is_no_plain_sequence_number_is_damage(tmp_path, key):
    path = tmp_path / "S.json"
    SessionLog.create_file(path, "S", story_id=None, story_hash=None).close()
    journal = path.with_suffix(".journal")
    assert not journal.exists() or not journal.stat().st_size  # all of it is in the snapshot
    data = json.loads(path.read_text("utf-8"))
    data.setdefault("events", {})[key] = _doc(1, "session_ended", VALID["session_ended"])
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(DamagedEventError, match="is not a sequence number"):
        SessionLog.open_file(path).close()
