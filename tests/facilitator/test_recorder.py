"""The listener: records for every event, a shadow state that always equals the game's, and
the writer thread."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest

from facilitator.errors import InvalidInput, LogError, LogWriteError
from facilitator.log.eventlog import SessionLog
from facilitator.log.recorder import BackgroundWriter, SessionRecorder
from game.play.events import CounsellorAction, DecisionMade, VoteCast, VoteCounts
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


def walk(loaded, rng, *, decision_first: bool, log: SessionLog):
    """A random playthrough; after every step the recorder's state must be the game's."""
    rec = SessionRecorder(log, loaded.story, story_hash=loaded.content_hash, lang="fi")
    rt = Runtime(loaded.story, "fi", listener=rec, story_hash=loaded.content_hash)
    state = rt.start()
    assert rec.state == state
    while not state.ended:
        if rt.scene(state).goto is not None:
            state = rt.advance(state)
        elif not rt.offered_choices(state) or rng.random() < 0.03:
            state = rt.skip_to_ending(state)
        else:
            chosen = rng.choice(rt.offered_choices(state))
            made = DecisionMade(state.scene, chosen.id, "majority", 1.0, {chosen.id: 1},
                                (chosen.id,), chosen.domains, False)
            if decision_first:
                rec(made)
                state = rt.choose(state, chosen.id)
            else:
                state = rt.choose(state, chosen.id)
                rec(made)
        assert rec.state == state
        last = [r for r in log.records() if r.data.get("state")][-1]
        assert restored(rt, last.state_json) == state
    return state


@pytest.mark.parametrize("decision_first", [True, False])
@pytest.mark.parametrize("seed", range(12))
def test_shadow_state_follows_the_game_exactly(loaded, loop, seed, decision_first):
    for story in (loaded, loop):
        walk(story, random.Random(seed), decision_first=decision_first,
             log=SessionLog.in_memory(story_id=story.story.id))


def test_a_decision_before_the_move_carries_the_state_after_it(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    rec = SessionRecorder(log, loop.story, story_hash=loop.content_hash)
    rt = Runtime(loop.story, listener=rec, story_hash=loop.content_hash)
    state = rt.start()
    for _ in range(3):  # around the loop: the same scene and choice, again and again
        rec(DecisionMade("alku", "uudestaan", "majority", 3.0, {}, (), (), False))
        after = rt.choose(state, "uudestaan")
        decision = log.records(["decision_made"])[-1]
        assert restored(rt, decision.state_json) == after == rec.state
        state = after
    assert state.variables["kierros"] == 3


def test_the_records_of_a_choice_point(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    rec = SessionRecorder(log, loop.story, story_hash="h")
    rt = Runtime(loop.story, listener=rec, story_hash="h")
    state = rt.start()
    rec(VoteCast("alku", "p-1", "eteen"))
    rec(VoteCounts("alku", {"eteen": 2, "uudestaan": 1}))
    rec(DecisionMade("alku", "eteen", "majority", 4.25, {"eteen": 2, "uudestaan": 1},
                     ("uudestaan", "eteen"), ("mieli",), True))
    rt.choose(state, "eteen")
    kinds = [r.kind for r in log.records()]
    assert kinds == ["scene_entered", "choices_offered", "vote_cast", "vote_counts",
                     "decision_made", "choice_taken", "scene_entered"]
    entered, offered, vote, counts, decision, taken, _ = log.records()
    assert entered.data["lines"] == [{"text": "Kierros 0.", "name": None, "who": None}]
    assert entered.data["variables"] == {"kierros": 0}
    assert [c["id"] for c in offered.data["choices"]] == ["uudestaan", "eteen"]
    assert vote.data == {"participant": "p-1", "choice": "eteen"}
    assert counts.data == {"counts": {"eteen": 2, "uudestaan": 1}}
    assert decision.data["split"] is True and decision.data["domains"] == ["mieli"]
    assert decision.data["offered"] == ["uudestaan", "eteen"]
    assert decision.data["seconds"] == 4.25
    assert taken.data == {"choice": "eteen", "number": 2, "text": "Eteen", "domains": ["mieli"]}


def test_back_steps_the_shadow_back_like_the_controller(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    rec = SessionRecorder(log, loop.story)
    rt = Runtime(loop.story, listener=rec)
    s0 = rt.start()
    s1 = rt.choose(s0, "uudestaan")
    rt.choose(s1, "eteen")
    rec(CounsellorAction("valissa", "back"))
    assert rec.state == s1
    assert restored(rt, log.records()[-1].state_json) == s1
    rec(CounsellorAction("alku", "back"))
    assert rec.state == s0


def test_a_state_given_with_an_action_is_logged(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    rec = SessionRecorder(log, loop.story)
    rt = Runtime(loop.story, listener=rec)
    s0 = rt.start()
    rt.choose(s0, "eteen")
    rec(CounsellorAction("valissa", "back"), state=s0)
    assert rec.state == s0
    assert log.records()[-1].data["state"]["scene"] == "alku"


def test_with_the_real_play_controller(loaded):
    """The front end's controller: votes, decisions, back, revote and skip; the log's last
    state is always where the controller is."""
    controller = pytest.importorskip("game.play.controller")
    log = SessionLog.in_memory(story_id=loaded.story.id)
    rec = SessionRecorder(log, loaded.story, story_hash=loaded.content_hash, lang="en")
    rt = Runtime(loaded.story, "en", story_hash=loaded.content_hash)
    people = [controller.Participant(f"p{i}", f"N{i}", "#000000", "circle") for i in range(4)]
    c = controller.PlayController(rt, "secret", people, listener=rec)
    rng = random.Random(5)
    for step in range(200):
        if c.ended:
            break
        if c.is_choice_point() and c.offered():
            ids = [o.id for o in c.offered()]
            for p in people:
                c.vote(p.id, rng.choice(ids))
            roll = rng.random()
            if roll < 0.15 and c.can_go_back():
                c.back()
            elif roll < 0.25:
                c.revote()
            else:
                c.decide(rng.choice(ids), "majority")
        elif c.is_choice_point():
            c.skip_to_ending()
        else:
            c.advance()
        assert rec.state == c.state, step
        last = [r for r in log.records() if r.data.get("state")][-1]
        assert rt.restore(last.state_json) == c.state


def test_ratings_and_feedback(loop):
    log = SessionLog.in_memory(story_id="silmukka")
    rec = SessionRecorder(log, loop.story)
    Runtime(loop.story, listener=rec).start()
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
    rec = SessionRecorder(SessionLog.in_memory(), loop.story)
    with pytest.raises(TypeError):
        rec("scene_entered")  # type: ignore[arg-type]


# --- the writer thread ---


def file_log(tmp_path, name="S") -> SessionLog:
    return SessionLog.create_file(tmp_path / f"{name}.json", name, story_id="s", story_hash=None)


def test_background_writes_are_numbered_at_once_and_durable_in_order(tmp_path):
    log = file_log(tmp_path)
    seen: list[int] = []
    writer = BackgroundWriter(log, on_durable=seen.append)
    seqs = [writer.submit("vote_cast", {"participant": "p", "choice": str(i)}) for i in range(300)]
    assert seqs == list(range(1, 301))
    assert writer.flush(timeout=30)
    assert writer.durable_seq == 300 and writer.is_durable(300)
    assert seen == seqs
    writer.close()
    log.close()
    again = SessionLog.open_file(tmp_path / "S.json")
    assert [r.data["choice"] for r in again.records()] == [str(i) for i in range(300)]


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
    writer.submit("vote_cast", {"participant": "p", "choice": "a"})
    record = log.log("vote_cast", {"participant": "p", "choice": "b"})
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
            writer.submit("vote_cast", {"participant": tag, "choice": str(i)})

    threads = [threading.Thread(target=work, args=(f"p{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    writer.close()
    records = log.records()
    assert [r.seq for r in records] == list(range(1, 201))
    for tag in ("p0", "p1", "p2", "p3"):
        mine = [int(r.data["choice"]) for r in records if r.data["participant"] == tag]
        assert mine == list(range(50))
    log.close()


def test_a_failed_write_is_reported_and_can_be_retried(tmp_path, monkeypatch):
    log = file_log(tmp_path)
    writer = BackgroundWriter(log)
    writer.submit("vote_cast", {"participant": "p", "choice": "a"})
    writer.flush()
    real_write = log.write
    monkeypatch.setattr(log, "write", lambda records: (_ for _ in ()).throw(LogWriteError("full")))
    seq = writer.submit("vote_cast", {"participant": "p", "choice": "b"})
    with pytest.raises(LogWriteError, match="full"):
        writer.wait(seq, timeout=10)
    assert writer.durable_seq == 1 and writer.pending == 1
    with pytest.raises(LogWriteError):
        writer.submit("vote_cast", {"participant": "p", "choice": "c"})
    monkeypatch.setattr(log, "write", real_write)
    assert writer.retry()
    assert writer.durable_seq == 2
    writer.close()
    assert [r.data["choice"] for r in log.records()] == ["a", "b"]
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
