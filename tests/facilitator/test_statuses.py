"""Finished, ended early, interrupted, resumed: the log says which (issue 17).

Regression: ending a session from the counsellor's menu before the story's end recorded
"finished", and a resumed session read as plainly finished.
"""

from __future__ import annotations

from facilitator.log.records import SessionEndedData, last_of
from facilitator.sessions import summarise

from .conftest import crash, play


def test_a_session_ended_before_an_ending_is_ended_early(store, group, people, loaded):
    voters = [p.id for p in people[:2]]
    s = store.start(group.id, voters, loaded, vote_mode="hands", reflection="skip")
    play(s, loaded, voters, steps=1)
    summary = s.end()  # as the counsellor's menu does: no status given
    assert summary.status == "ended-early" and summary.resumed == 0
    ended = last_of(store.events(s.id), SessionEndedData)
    assert ended is not None and ended[1].status == "ended-early"


def test_a_session_that_reached_its_ending_is_finished(store, group, people, loaded):
    voters = [p.id for p in people[:2]]
    s = store.start(group.id, voters, loaded, vote_mode="hands", reflection="skip")
    assert play(s, loaded, voters).ended
    assert s.end().status == "finished"


def test_a_resumed_session_keeps_a_mark_of_the_resume(store, group, people, loaded):
    voters = [p.id for p in people[:2]]
    s = store.start(group.id, voters, loaded, vote_mode="hands", reflection="skip")
    play(s, loaded, voters, steps=1)
    s.flush()
    crash(s)
    session, _state = store.resume(s.id, loaded)
    summary = session.end()
    assert summary.resumed == 1
    assert summarise(store.events(s.id)).resumed == 1
    listed = store.list_sessions()[0]
    assert listed.resumed == 1 and listed.status == "ended-early"


def test_a_pause_and_resume_is_not_a_resume_after_an_interruption(store, group, people,
                                                                   loaded):
    from game.play.events import CounsellorAction, Happened
    from game.story.runtime import Runtime

    voters = [p.id for p in people[:2]]
    s = store.start(group.id, voters, loaded, vote_mode="hands", reflection="skip")
    state = Runtime(loaded.story).start()
    s.recorder(Happened((CounsellorAction(loaded.story.start, "pause", ""),), state))
    s.recorder(Happened((CounsellorAction(loaded.story.start, "resume", ""),), state))
    assert s.end().resumed == 0
