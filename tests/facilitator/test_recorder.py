"""The listener: a record for every event, each with the state the controller handed over,
and the writer thread."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import pytest

from facilitator.errors import InvalidInput, LogError, LogWriteError
from facilitator.log.eventlog import SessionLog
from facilitator.log.recorder import BackgroundWriter, SessionRecorder
from facilitator.log.records import CounsellorActionData, state_json_at
from game.play.controller import Participant as Player
from game.play.controller import PlayController
from game.play.events import CounsellorAction, Happened, VoteCast
from game.story import Runtime, StoryState
from game.story.loader import check_bytes

LOOP = b"""format: 1
id: silmukka
start: alku
variables:
  kierros: {initial: 0, min: 0, max: 10}
scenes:
  alku:
    lines: ["Kierros {kierros}."]
    choices:
      - {id: uudestaan, text: Uudestaan, goto: alku, add: {kierros: 1}, if: "kierros < 3"}
      - {id: eteen, text: Eteen, goto: valissa, domains: [mieli]}
  valissa:
    lines: [Matkalla.]
    goto: loppu
  loppu:
    lines: [Loppu.]
    end: {title: Loppu}
"""


@pytest.fixture(scope="module")
def loop():
    result = check_bytes(LOOP, Path("silmukka/story.yaml"))
    assert result.loaded is not None
    return result.loaded


def restored(runtime: Runtime, state_json: str) -> StoryState:
    return runtime.restore(state_json)


PEOPLE = [Player(f"p{i}", f"N{i}", "#000000", "circle") for i in range(4)]


def controller(loaded, log: SessionLog, lang: str | None = None) -> tuple[PlayController,
                                                                         SessionRecorder]:
    rec = SessionRecorder(log, loaded.story, story_hash=loaded.content_hash, lang=lang)
    rt = Runtime(loaded.story, lang, story_hash=loaded.content_hash)
    return PlayController(rt, "secret", PEOPLE, listener=rec), rec


def last_state(log: SessionLog) -> str:
    records = log.records()
    return state_json_at(records, [r for r in records if r.data.get("state")][-1].seq)


def walk(loaded, rng, log: SessionLog) -> StoryState:
    """A random playthrough with votes, revotes, back and skips; after every move the log's
    last state is exactly the controller's, and so is what the recorder was told."""
    c, rec = controller(loaded, log, "fi")
    assert rec.state == c.state
    for _ in range(300):
        if c.ended:
            break
        if not c.is_choice_point():
            c.advance()
        elif not c.offered() or rng.random() < 0.03:
            c.skip_to_ending()
        else:
            ids = [o.id for o in c.offered()]
            for p in PEOPLE:
                c.vote(p.id, rng.choice(ids))
            roll = rng.random()
            if roll < 0.15 and c.can_go_back():
                c.back()
            elif roll < 0.25:
                c.revote()
            else:
                c.decide(rng.choice(ids), "majority")
        assert rec.state == c.state
        assert restored(c.runtime, last_state(log)) == c.state
    return c.state


@pytest.mark.parametrize("seed", range(12))
def test_the_logged_state_is_always_the_games(loaded, loop, seed):
    for story in (loaded, loop):
        walk(story, random.Random(seed), SessionLog.in_memory(story_id=story.story.id))


def test_the_recorder_keeps_no_story_of_its_own(loop):
    """Regression (issue 12): the recorder kept a shadow state, its own undo stack and a
    private Runtime, and the two histories could disagree. It is handed the state now."""
    rec = SessionRecorder(SessionLog.in_memory(story_id="silmukka"), loop.story)
    assert not any(isinstance(v, (Runtime, list)) for v in vars(rec).values())


def test_a_decision_carries_the_state_after_it(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    c, rec = controller(loop, log)
    for _ in range(3):  # around the loop: the same scene and choice, again and again
        c.decide("uudestaan", "majority")
        decision = log.records(["decision_made"])[-1]
        at = state_json_at(log.records(), decision.seq)
        assert at is not None and restored(c.runtime, at) == c.state == rec.state
    assert c.state.variables["kierros"] == 3


def test_the_listener_is_told_after_the_move(loop):
    """Regression (issue 12): the decision was handed over before the runtime moved, so the
    listener could not know the state after it."""
    told: list[tuple[Happened, StoryState]] = []
    c = PlayController(Runtime(loop.story), "counsellor", PEOPLE)
    c.listener = lambda h: told.append((h, c.state))
    c.decide("eteen", "counsellor")
    happened, seen = told[-1]
    assert happened.state == c.state == seen and c.state.scene == "valissa"
    assert [e.kind for e in happened.events] == ["decision_made", "choice_taken",
                                                  "scene_entered"]


def test_the_records_of_a_choice_point(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    ticks = iter([10.0, 14.25])
    rec = SessionRecorder(log, loop.story, story_hash="h")
    rt = Runtime(loop.story, story_hash="h")
    c = PlayController(rt, "hands", PEOPLE, listener=rec, clock=lambda: next(ticks))
    c.vote("p-1", "eteen")
    c.set_counts({"eteen": 2, "uudestaan": 1})
    c.decide("eteen", "majority")
    kinds = [r.kind for r in log.records()]
    # who voted is logged once, when the ballot closes; what they chose only in the tally
    assert kinds == ["scene_entered", "choices_offered", "vote_counts", "vote_attendance",
                     "decision_made", "choice_taken", "scene_entered"]
    entered, offered, counts, vote, decision, taken, _ = log.records()
    assert entered.data["lines"] == [{"text": "Kierros 0.", "name": None, "who": None}]
    assert entered.data["variables"] == {"kierros": 0}
    assert [c["id"] for c in offered.data["choices"]] == ["uudestaan", "eteen"]
    assert vote.data == {"voters": ["p-1"], "round": 1}
    assert counts.data == {"counts": {"eteen": 2, "uudestaan": 1}}
    assert decision.data["split"] is True and decision.data["domains"] == ["mieli"]
    assert decision.data["offered"] == ["uudestaan", "eteen"]
    assert decision.data["seconds"] == 4.25
    assert decision.data["state"]["scene"] == "valissa"
    assert taken.data == {"choice": "eteen", "number": 2, "text": "Eteen", "domains": ["mieli"]}


def test_back_logs_the_state_returned_to_and_the_decision_undone(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    c, rec = controller(loop, log)
    s0 = c.state
    c.decide("uudestaan", "majority")
    s1 = c.state
    c.decide("eteen", "majority")
    c.back()
    back = log.records()[-1]
    assert back.kind == "counsellor_action" and back.data["action"] == "back"
    assert back.scene == "valissa"  # the scene the group left
    assert back.data["undone"] == {"scene": "alku", "choice": "eteen"}
    assert rec.state == s1 == restored(c.runtime, state_json_at(log.records(), back.seq) or "")
    c.back()
    assert rec.state == s0
    assert log.records()[-1].data["undone"] == {"scene": "alku", "choice": "uudestaan"}


def test_back_over_a_goto_names_no_decision(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    c, _ = controller(loop, log)
    c.decide("eteen", "majority")
    c.advance()
    c.back()
    back = log.records()[-1].payload
    assert isinstance(back, CounsellorActionData)
    assert back.action == "back" and back.undone is None
    assert back.state is not None and back.state["scene"] == "valissa"


def test_the_state_handed_with_an_action_is_logged(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    rec = SessionRecorder(log, loop.story)
    s0 = Runtime(loop.story).begin().state
    seq = rec(Happened((CounsellorAction("valissa", "pause"),), s0))
    assert seq == 1 and rec.state == s0
    assert log.records()[-1].data["state"]["scene"] == "alku"


def test_ratings_and_feedback(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    _, rec = controller(loop, log)
    rec.rating("p-1", "arki", 7)
    rec.rating("p-2", "arki", None)
    rec.feedback("p-1", 4, "jees")
    with pytest.raises(InvalidInput):
        rec.rating("p-1", "arki", 12)
    with pytest.raises(InvalidInput):
        rec.feedback("p-1", 4, "ei tämä ole yksi sana")
    ratings = log.records(["reflection_rating"])
    assert [(r.data["participant"], r.data["value"], r.scene) for r in ratings] == [
        ("p-1", 7, "alku"), ("p-2", None, "alku")
    ]
    assert log.records(["feedback"])[0].data == {"participant": "p-1", "face": 4, "word": "jees"}


def test_something_that_is_not_an_event_is_refused(loop):
    log = SessionLog.in_memory()
    rec = SessionRecorder(log, loop.story)
    with pytest.raises(TypeError):
        rec("scene_entered")  # type: ignore[arg-type]
    state = Runtime(loop.story).begin().state
    with pytest.raises(TypeError):
        rec(Happened((VoteCast("alku", "p", "eteen"), "scene_entered"), state))  # type: ignore[arg-type]
    assert log.records() == []  # nothing of a refused move is logged


# --- the writer thread ---


def file_log(tmp_path, name="S") -> SessionLog:
    return SessionLog.create_file(tmp_path / f"{name}.json", name, story_id="s", story_hash=None)


def test_background_writes_are_numbered_at_once_and_durable_in_order(tmp_path):
    log = file_log(tmp_path)
    seen: list[int] = []
    writer = BackgroundWriter(log, on_durable=seen.append)
    seqs = [writer.submit("reflection_rating", {"participant": "p", "domain": str(i), "value": 1})
            for i in range(300)]
    assert seqs == list(range(1, 301))
    assert writer.flush(timeout=30)
    assert writer.durable_seq == 300 and writer.is_durable(300)
    assert seen == seqs
    writer.close()
    log.close()
    again = SessionLog.open_file(tmp_path / "S.json")
    assert [r.data["domain"] for r in again.records()] == [str(i) for i in range(300)]


def test_invalid_events_are_refused_in_the_callers_thread(tmp_path):
    log = file_log(tmp_path)
    with BackgroundWriter(log) as writer:
        with pytest.raises(InvalidInput):
            writer.submit("reflection_rating", {"participant": "p", "domain": "d", "value": 99})
        assert writer.submit("session_ended", {"status": "finished"}) == 1
    log.close()


def test_sync_log_goes_through_an_attached_writer_and_is_durable(tmp_path):
    log = file_log(tmp_path)
    writer = BackgroundWriter(log)
    writer.submit("reflection_rating", {"participant": "p", "domain": "a", "value": 1})
    record = log.log("reflection_rating", {"participant": "p", "domain": "b", "value": 1})
    assert record.seq == 2 and writer.durable_seq >= 2
    with pytest.raises(LogError):
        BackgroundWriter(log)
    log.close()  # closes the writer too
    assert [r.seq for r in SessionLog.open_file(tmp_path / "S.json").records()] == [1, 2]


def test_submitting_from_many_threads_keeps_the_order_of_numbers(tmp_path):
    log = file_log(tmp_path)
    writer = BackgroundWriter(log)

    def work(tag: str) -> None:
        for i in range(50):
            writer.submit("reflection_rating", {"participant": tag, "domain": str(i), "value": 1})

    threads = [threading.Thread(target=work, args=(f"p{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    writer.close()
    records = log.records()
    assert [r.seq for r in records] == list(range(1, 201))
    for tag in ("p0", "p1", "p2", "p3"):
        mine = [int(r.data["domain"]) for r in records if r.data["participant"] == tag]
        assert mine == list(range(50))
    log.close()


def test_a_failed_write_is_reported_and_can_be_retried(tmp_path, monkeypatch):
    log = file_log(tmp_path)
    writer = BackgroundWriter(log)
    writer.submit("reflection_rating", {"participant": "p", "domain": "a", "value": 1})
    writer.flush()
    real_write = log.write
    monkeypatch.setattr(log, "write", lambda records: (_ for _ in ()).throw(LogWriteError("full")))
    seq = writer.submit("reflection_rating", {"participant": "p", "domain": "b", "value": 1})
    with pytest.raises(LogWriteError, match="full"):
        writer.wait(seq, timeout=10)
    assert writer.durable_seq == 1 and writer.pending == 1
    # What the group does meanwhile is kept in memory, in order, not dropped.
    writer.submit("reflection_rating", {"participant": "p", "domain": "c", "value": 1})
    assert writer.pending == 2 and writer.error is not None
    assert not writer.retry()  # still full
    monkeypatch.setattr(log, "write", real_write)
    assert writer.retry()
    assert writer.durable_seq == 3 and writer.error is None
    writer.close()
    assert [r.data["domain"] for r in log.records()] == ["a", "b", "c"]
    log.close()


def test_closing_twice_and_submitting_after_close(tmp_path):
    log = file_log(tmp_path)
    writer = BackgroundWriter(log)
    writer.close()
    writer.close()
    with pytest.raises(LogError):
        writer.submit("session_ended", {"status": "finished"})
    assert log.writer is None
    log.close()


def test_a_state_event_stores_what_changed_not_the_whole_path():
    """Regression (issue 14): every scene event stored the whole state, whose path grows
    with the playthrough, so a long `goto` chain made a quadratic log. After the first, a
    state event stores a delta whose size does not grow with the path; resume is exact."""
    text = LOOP.replace(b', if: "kierros < 3"', b"").replace(b"max: 10", b"max: 1000")
    endless = check_bytes(text, Path("silmukka/story.yaml")).loaded
    assert endless is not None
    log = SessionLog.in_memory(story_id="silmukka")
    c, _ = controller(endless, log)
    sizes = []
    for _ in range(60):
        c.decide("uudestaan", "majority")
        last = [r for r in log.records() if r.data.get("state")][-1]
        sizes.append(len(json.dumps(last.data["state"])))
    assert len(c.state.path) > 60
    assert max(sizes[-10:]) <= max(sizes[:10]) + 16  # longer numbers only, not the path
    assert restored(c.runtime, last_state(log)) == c.state


def test_an_erasure_rewrite_keeps_the_state_deltas_whole(tmp_path, loop):
    """Regression (issues 13 and 14 together): erasure renumbers a log, and a stored state
    delta names the event it changes by its number; the rewrite carries those numbers over,
    so the session still resumes exactly where it was instead of reading as damaged."""
    log = file_log(tmp_path)
    c, _ = controller(loop, log)
    for _ in range(3):
        c.decide("uudestaan", "majority")
        log.log("reflection_rating", {"participant": "p1", "domain": "mieli", "value": 5})
    before = c.state
    log.rewrite(lambda r: None if r.kind == "reflection_rating" else r)
    records = log.records()
    assert [r.seq for r in records] == list(range(1, len(records) + 1))
    assert any((r.data.get("state") or {}).get("schema") == "porukka-state-delta"
               for r in records)
    assert restored(c.runtime, last_state(log)) == before
    log.close()
