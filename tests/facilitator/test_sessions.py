"""Sessions: start, list, filter, interrupted ones and where to resume, reflection history."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from facilitator.errors import InvalidInput, SessionBusyError, SessionStateError
from facilitator.log.records import CounsellorActionData, SessionEndedData
from facilitator.sessions import SessionStore, find_resume_point, summarise
from game.play.controller import PlayController
from game.play.events import CounsellorAction, VoteCast, VoteCounts
from game.story import Runtime

from .conftest import crash, play, tell


class Clock:
    def __init__(self, start=datetime(2025, 3, 4, 9, 0, tzinfo=UTC)):
        self.now = start

    def __call__(self):
        self.now += timedelta(milliseconds=250)
        return self.now


def test_a_finished_session_is_listed_with_what_the_screen_needs(store, group, people, loaded):
    s = store.start(group.id, [p.id for p in people[:3]], loaded, vote_mode="secret",
                    reflection="private", language="fi")
    assert store.summary(s.id).status == "in-progress"
    end = play(s, loaded, [p.id for p in people[:3]])
    assert end.ended
    s.rate(people[0].id, "arki", 6)
    s.give_feedback(people[0].id, 4, "kiva")
    summary = s.end()
    assert summary.status == "finished" and summary.closed and not summary.resumable
    assert summary.story_id == "rahat-loppuu" and summary.story_title == "Rahat loppuu kesken"
    assert summary.story_hash == loaded.content_hash
    assert summary.present_nicknames == ("Kettu", "Susi", "Ilves")
    assert summary.duration >= timedelta(0)
    assert summary.ratings == {people[0].id: {"arki": 6}}
    listed = store.list_sessions()
    assert [x.id for x in listed] == [s.id]
    kinds = [r.kind for r in store.events(s.id)]
    assert kinds[0] == "session_started" and kinds[-1] == "session_ended"
    assert {"scene_entered", "choices_offered", "vote_attendance", "decision_made",
            "choice_taken", "ending_reached", "reflection_rating", "feedback"} <= set(kinds)
    assert "vote_cast" not in kinds
    files = sorted(p.name for p in store.folder.iterdir())
    assert files == [f"{s.id}.json", f"{s.id}.summary.json"]  # compacted, no journal left


def test_set_up_is_checked(store, group, people, loaded):
    other = store.groups.create_group("Toinen")
    stranger = store.groups.add_participant(other.id, "Vieras")
    with pytest.raises(InvalidInput):
        store.start(group.id, [stranger.id], loaded, vote_mode="hands", reflection="skip")
    with pytest.raises(InvalidInput):
        store.start(group.id, [people[0].id], loaded, vote_mode="loudest", reflection="skip")
    with pytest.raises(InvalidInput):
        store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="public")
    store.groups.leave(people[1].id)
    with pytest.raises(InvalidInput):
        store.start(group.id, [people[1].id], loaded, vote_mode="hands", reflection="skip")
    assert store.list_sessions() == []


def test_listing_newest_first_filtered_by_group_and_date(tmp_path, loaded):
    clock = Clock()
    store = SessionStore(tmp_path / "data", clock=clock)
    a = store.groups.create_group("Tiistai")
    b = store.groups.create_group("Torstai")
    pa = store.groups.add_participant(a.id, "Kettu")
    pb = store.groups.add_participant(b.id, "Susi")
    made = []
    for day, (g, p) in enumerate([(a, pa), (b, pb), (a, pa)]):
        clock.now = datetime(2025, 3, 4 + day * 7, 9, 0, tzinfo=UTC)
        s = store.start(g.id, [p.id], loaded, vote_mode="counsellor", reflection="skip",
                        background=False)
        made.append(s.end().id)
    assert [s.id for s in store.list_sessions()] == made[::-1]
    assert [s.id for s in store.list_sessions(group=a.id)] == [made[2], made[0]]
    assert [s.id for s in store.list_sessions(since=date(2025, 3, 10))] == [made[2], made[1]]
    assert [s.id for s in store.list_sessions(until=date(2025, 3, 11))] == [made[1], made[0]]
    moment = datetime(2025, 3, 11, 9, 0, 30, tzinfo=UTC)
    assert [s.id for s in store.list_sessions(since=moment)] == [made[2]]


def test_an_interrupted_session_is_offered_with_its_resume_point(store, group, people, loaded):
    voters = [p.id for p in people]
    s = store.start(group.id, voters, loaded, vote_mode="secret", reflection="private")
    state = play(s, loaded, voters, steps=2)
    tell(s, state, VoteCast(state.scene, voters[0], "x-first"))
    tell(s, state, VoteCast(state.scene, voters[1], "x-second"))
    tell(s, state, CounsellorAction(state.scene, "pause"))
    s.flush()
    crash(s)
    assert [x.id for x in store.interrupted()] == [s.id]
    summary = store.summary(s.id)
    assert summary.status == "interrupted" and summary.resumable and not summary.closed
    point = store.resume_point(s.id)
    assert point.scene == state.scene
    assert Runtime(loaded.story).restore(point.state_json) == state
    assert point.at_choice
    assert point.votes == {voters[0]: "x-first", voters[1]: "x-second"}
    assert point.vote_mode == "secret" and point.present == tuple(voters)


def test_resuming_carries_on_in_the_same_log(store, group, people, loaded):
    voters = [p.id for p in people[:2]]
    s = store.start(group.id, voters, loaded, vote_mode="hands", reflection="skip")
    play(s, loaded, voters, steps=1)
    s.flush()
    last = s.durable_seq
    crash(s)
    session, state = store.resume(s.id, loaded)
    assert session.id == s.id
    assert state == session.recorder.state and state is not None
    assert store.summary(s.id).status == "in-progress"
    assert store.interrupted() == []
    with pytest.raises(SessionBusyError):
        store.resume(s.id, loaded)
    rt = Runtime(loaded.story, story_hash=loaded.content_hash)
    c = PlayController(rt, "hands", [], listener=session.recorder, state=state)
    if c.offered():
        c.decide(c.offered()[0].id, "counsellor")
    summary = session.end()
    records = store.events(s.id)
    assert [r.seq for r in records] == list(range(1, len(records) + 1))
    resumed = records[last]  # the first event after the crash
    assert isinstance(resumed.payload, CounsellorActionData)
    assert (resumed.payload.action, resumed.payload.detail) == ("resume", "restart")
    assert summary.status == "ended-early" and summary.resumed == 1  # no ending was reached
    with pytest.raises(SessionStateError):
        store.resume(s.id, loaded)


def test_hands_up_counts_so_far_are_part_of_the_resume_point(store, group, people, loaded):
    s = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip",
                    background=False)
    state = play(s, loaded, [], steps=1)
    tell(s, state, VoteCounts(state.scene, {"a": 2}))
    tell(s, state, CounsellorAction(state.scene, "revote"))
    tell(s, state, VoteCounts(state.scene, {"a": 1, "b": 3}))
    crash(s)
    point = store.resume_point(s.id)
    assert point.counts == {"a": 1, "b": 3} and point.votes == {}


def test_closing_an_interrupted_session(store, group, people, loaded):
    s = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    play(s, loaded, [], steps=1)
    crash(s)
    closed = store.close_interrupted(s.id)
    assert closed.status == "interrupted" and closed.closed and not closed.resumable
    assert store.interrupted() == []
    assert store.events(s.id)[-1].payload == SessionEndedData(status="interrupted")
    with pytest.raises(SessionStateError):
        store.close_interrupted(s.id)


def test_an_open_session_cannot_be_closed_or_deleted_under_the_players(store, group, people,
                                                                       loaded):
    s = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    with pytest.raises(SessionBusyError):
        store.close_interrupted(s.id)
    with pytest.raises(SessionBusyError):
        store.delete_session(s.id)
    assert SessionStore().summary(s.id).status == "in-progress"  # another window sees it too
    s.end()


def test_closing_without_ending_leaves_it_resumable(store, group, people, loaded):
    s = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    play(s, loaded, [], steps=1)
    summary = s.close()
    assert summary.resumable
    assert [x.id for x in store.interrupted(group=group.id)] == [s.id]


def test_a_session_stopped_before_the_first_scene_resumes_from_the_start(store, group, people,
                                                                        loaded):
    s = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    crash(s)
    point = store.resume_point(s.id)
    assert point.state_json is None and point.scene is None
    session, state = store.resume(s.id, loaded)
    assert state is None
    session.end()


def test_reflection_history_across_the_groups_sessions(tmp_path, loaded):
    clock = Clock()
    store = SessionStore(tmp_path / "data", clock=clock)
    g = store.groups.create_group("Ryhmä")
    kettu = store.groups.add_participant(g.id, "Kettu")
    susi = store.groups.add_participant(g.id, "Susi")
    ids = []
    for week, (arki, mieli) in enumerate([(3, 5), (4, None), (6, 6)]):
        clock.now = datetime(2025, 3, 4 + 7 * week, 9, tzinfo=UTC)
        s = store.start(g.id, [kettu.id, susi.id], loaded, vote_mode="secret",
                        reflection="private")
        s.rate(kettu.id, "arki", arki)
        s.rate(kettu.id, "mieli", mieli)
        s.rate(susi.id, "arki", 9)
        ids.append(s.end().id)
    history = store.rating_history(g.id, kettu.id)
    assert [p.value for p in history["arki"]] == [3, 4, 6]
    assert [p.value for p in history["mieli"]] == [5, 6]
    assert [p.session_id for p in history["arki"]] == ids
    assert store.last_ratings(g.id, kettu.id, before=ids[2]) == {"arki": 4, "mieli": 5}
    assert store.last_ratings(g.id, susi.id) == {"arki": 9}


def test_summaries_are_rebuilt_from_the_log_when_missing_or_stale(store, group, people, loaded):
    s = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    s.end()  # before any scene: ended early
    (store.folder / f"{s.id}.summary.json").unlink()
    assert store.summary(s.id).status == "ended-early"
    t = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    t.recorder.sink.submit("session_ended", {"status": "finished"})
    t.flush()
    crash(t)  # died after logging the end, before the summary was rewritten
    assert store.summary(t.id).status == "finished"


def test_pure_summary_and_resume_point_of_an_in_memory_log(loaded):
    from facilitator.log.eventlog import SessionLog
    from facilitator.log.recorder import SessionRecorder

    log = SessionLog.in_memory(story_id=loaded.story.id, story_hash=loaded.content_hash)
    log.log("session_started", {
        "group": "g", "present": ["p"], "vote_mode": "hands", "reflection": "skip",
        "language": "en", "story": {"id": loaded.story.id, "hash": None, "title": "T"},
    })
    rec = SessionRecorder(log, loaded.story, lang="en")
    c = PlayController(Runtime(loaded.story, "en"), "hands", [], listener=rec)
    c.advance()
    state, rt = c.state, c.runtime
    summary = summarise(log.records())
    assert summary.ended is None and summary.present == ["p"]
    point = find_resume_point(log.records())
    assert rt.restore(point.state_json) == state


def test_a_disk_that_fails_at_the_end_leaves_a_resumable_session(store, group, people, loaded,
                                                                 monkeypatch):
    from facilitator.errors import LogWriteError

    s = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    play(s, loaded, [], steps=1)
    s.flush()
    durable = s.durable_seq

    def full(records):
        raise LogWriteError("No space left on device")

    monkeypatch.setattr(s.log, "write", full)
    with pytest.raises(LogWriteError):
        s.end()
    monkeypatch.undo()
    assert [x.id for x in store.interrupted()] == [s.id]  # and the lock is released
    assert store.resume_point(s.id).last_seq == durable
