"""Erasure: a participant's data goes from every file; a deleted session leaves nothing."""

from __future__ import annotations

import os

from facilitator.sessions import SessionStore, delete_session, forget_participant
from game.play.events import VoteCast

from .conftest import crash, play, tell


def every_byte(root) -> bytes:
    out = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            with open(os.path.join(folder, name), "rb") as f:
                out.append(f.read())
    return b"\n".join(out)


def test_forget_participant_removes_them_from_every_file(store, group, people, loaded):
    kettu, susi = people[0], people[1]
    voters = [kettu.id, susi.id]
    finished = store.start(group.id, voters, loaded, vote_mode="secret", reflection="private")
    play(finished, loaded, voters)
    finished.rate(kettu.id, "arki", 4)
    finished.rate(susi.id, "arki", 8)
    finished.give_feedback(kettu.id, 2, "raskas")
    finished.give_feedback(susi.id, 5, "mahtava")
    finished.end()
    interrupted = store.start(group.id, voters, loaded, vote_mode="secret", reflection="private")
    state = play(interrupted, loaded, voters, steps=1)
    tell(interrupted, state, VoteCast(state.scene, kettu.id, "jotain"))
    interrupted.flush()
    crash(interrupted)  # leaves a journal that names kettu
    assert (store.folder / f"{interrupted.id}.journal").exists()
    assert kettu.id.encode() in every_byte(store.root)

    counts = forget_participant(group.id, kettu.id)

    data = every_byte(store.root)
    assert kettu.id.encode() not in data
    assert b"Kettu" not in data
    assert b"raskas" not in data
    assert counts.sessions == 2 and counts.participant_removed
    # their rating and feedback go; the present lists and who-voted lists lose them
    assert counts.events_removed == 2 and counts.events_changed > 2
    # the others' data and the sessions themselves are still there
    fresh = SessionStore()
    assert b"mahtava" in data and susi.id.encode() in data
    summary = fresh.summary(finished.id)
    assert summary.present == (susi.id,) and summary.ratings == {susi.id: {"arki": 8}}
    assert fresh.rating_history(group.id, kettu.id) == {}
    assert [s.id for s in fresh.interrupted()] == [interrupted.id]
    kinds = {r.kind for r in fresh.events(finished.id)}
    assert {"vote_attendance", "reflection_rating", "feedback", "session_ended"} <= kinds
    assert "vote_cast" not in kinds
    assert not list(store.folder.glob("*.journal"))  # rewritten and compacted
    again = forget_participant(group.id, kettu.id)
    assert again.sessions == 0 and not again.participant_removed


def test_delete_session_removes_every_file_journal_included(store, group, people, loaded):
    keep = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    keep.end()
    kept = {p.name: p.read_bytes() for p in store.folder.iterdir()}
    gone = store.start(group.id, [people[0].id], loaded, vote_mode="hands", reflection="skip")
    play(gone, loaded, [], steps=1)
    gone.flush()
    crash(gone)
    (store.folder / f".{gone.id}.json.deadbeef.tmp").write_bytes(b"old")
    names = {p.name for p in store.folder.iterdir()} - set(kept)
    # never compacted, so no snapshot yet: the journal, the summary and a crash's leftover
    assert names == {f"{gone.id}.journal", f"{gone.id}.summary.json",
                     f".{gone.id}.json.deadbeef.tmp"}
    assert delete_session(gone.id) == 3
    assert {p.name: p.read_bytes() for p in store.folder.iterdir()} == kept
    assert [s.id for s in SessionStore().list_sessions()] == [keep.id]
