"""A secret ballot stays secret: no file in the data folder links a person to a choice once a
vote is over, in any vote mode, after a kill mid-ballot and resume, and after `forget`
(issue 13, problems 1 and 2).

The search is over the raw bytes of every file under the data folder: for every participant
id and every choice id of the story, neither may be followed by the other inside one flat
JSON object (no bracket between them, at most 60 bytes apart) — the shape of the old
`vote_cast {"participant": P, "choice": C}` record and of the ballot file `{P: C}`.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.groups import GroupStore
from facilitator.log.records import DecisionMadeData, VoteAttendanceData
from facilitator.paths import groups_path
from facilitator.sessions import SessionStore
from facilitator.simulation.engine import SimOptions, Simulation
from game.play.controller import Participant as Player
from game.play.controller import PlayController
from game.play.flow import PlayFlow
from game.story import Runtime, load_story

ROOT = Path(__file__).resolve().parents[2]
STORY = ROOT / "stories" / "rahat-loppuu"


def files_under(root: Path) -> dict[Path, bytes]:
    out = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            out[path] = path.read_bytes()
    return out


def pairings(root: Path, people: list[str], choices: set[str]) -> list[tuple[str, str, str]]:
    """(file, participant, choice) for each place a file links a participant to a choice."""
    found = []
    for path, data in files_under(root).items():
        for pid in people:
            if pid.encode() not in data:
                continue
            for cid in choices:
                p, c = re.escape(pid.encode()), re.escape(cid.encode())
                near = rb'"%s"[^\[\]{}]{0,60}"%s"' % (p, c)
                back = rb'"%s"[^\[\]{}]{0,60}"%s"' % (c, p)
                if re.search(near, data) or re.search(back, data):
                    found.append((path.name, pid, cid))
    return found


def choice_ids() -> set[str]:
    story = load_story(STORY).story
    return {c.id for scene in story.scenes.values() for c in (scene.choices or [])}


def test_the_search_finds_a_pairing_in_the_old_form(tmp_path):
    """The search can fail: the record the log used to keep is found."""
    (tmp_path / "old.journal").write_bytes(
        b'{"kind": "vote_cast", "data": {"participant": "p-1", "choice": "soita"}}\n')
    (tmp_path / "x.ballot").write_bytes(b'{"votes": {"p-2": "odota"}}')
    assert sorted(pairings(tmp_path, ["p-1", "p-2"], {"soita", "odota"})) == [
        ("old.journal", "p-1", "soita"), ("x.ballot", "p-2", "odota")]


@pytest.mark.parametrize("mode", ["secret", "gamepads", "hands", "counsellor"])
def test_no_file_links_a_person_to_a_choice_after_whole_sessions(tmp_path, mode):
    root = tmp_path / "data"
    options = SimOptions(stories=(load_story(STORY),), group="Salaisuus", participants=5,
                         sessions=2, seed=3, vote_mode=mode)
    sim = Simulation(options, root=root)
    result = sim.run()
    assert len(result.sessions) == 2
    people = [p.id for p in sim.people]
    assert pairings(root, people, choice_ids()) == []
    assert not list(root.rglob("*.ballot"))
    store = SessionStore(root)
    for sid in result.sessions:
        records = store.events(sid)
        assert "vote_cast" not in {r.kind for r in records}
        decisions = [r.payload for r in records if isinstance(r.payload, DecisionMadeData)]
        attendance = [r.payload for r in records if isinstance(r.payload, VoteAttendanceData)]
        if mode in ("secret", "gamepads"):
            assert decisions and attendance
            assert all(a.voters == sorted(a.voters) for a in attendance)
            assert all(set(a.voters) <= set(people) for a in attendance)
        else:
            assert not attendance


def test_a_ballot_killed_midway_resumes_and_then_leaves_no_trace(tmp_path):
    root = tmp_path / "data"
    store = SessionStore(root)
    group = store.groups.create_group("Tiistairyhmä")
    people = [store.groups.add_participant(group.id, n) for n in ("Kettu", "Susi", "Ilves",
                                                                  "Karhu")]
    ids = [p.id for p in people]
    env = {**os.environ, "PORUKKA_DATA_DIR": str(root)}
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("ballot_child.py")),
                              str(root)], stdout=subprocess.PIPE, env=env, text=True)
    try:
        line = child.stdout.readline()  # type: ignore[union-attr]
        assert line.startswith("VOTED "), line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    # The half-given ballot is kept for resume, in its own file, and only there.
    store = SessionStore(root)
    (sid,) = [s.id for s in store.interrupted()]
    ballots = list(root.rglob("*.ballot"))
    assert [b.name for b in ballots] == [f"{sid}.ballot"]
    assert ballots[0].stat().st_mode & 0o077 == 0
    logs = {p: d for p, d in files_under(root).items() if p.suffix != ".ballot"}
    point = store.resume_point(sid)
    assert set(point.votes) == set(ids[:2])
    for data in logs.values():
        for pid in ids:
            for cid in point.votes.values():
                assert not re.search(rb'"%s"[^\[\]{}]{0,60}"%s"' % (pid.encode(), cid.encode()),
                                     data)

    loaded = load_story(STORY)
    session, state = store.resume(sid, loaded)
    rt = Runtime(loaded.story, session.recorder.lang, story_hash=loaded.content_hash)
    c = PlayController(rt, "secret", [Player(p.id, p.nickname, "#000000", "circle")
                                      for p in people], listener=session.recorder, state=state)
    assert c.ballot is not None
    c.ballot.votes.update(point.votes)
    flow = PlayFlow(c)
    flow.continue_ballot()
    assert flow.voter() is not None and flow.voter().id == ids[2]  # type: ignore[union-attr]
    offered = c.offered()
    c.vote(ids[2], offered[0].id)
    c.vote(ids[3], offered[0].id)
    tally = dict(c.tally().counts)
    c.decide(c.tally().winner or offered[0].id, "majority")
    session.flush()
    assert not list(root.rglob("*.ballot")), "the ballot file goes the moment it closes"
    assert pairings(root, ids, choice_ids()) == []
    session.end()
    assert pairings(root, ids, choice_ids()) == []

    records = SessionStore(root).events(sid)
    (attendance,) = [r.payload for r in records if isinstance(r.payload, VoteAttendanceData)]
    assert attendance.voters == sorted(ids)
    (decision,) = [r.payload for r in records if isinstance(r.payload, DecisionMadeData)]
    assert decision.tally == tally and sum(tally.values()) == 4

    # Erasure: the person's place goes; the group's tally stays as the group decided.
    store = SessionStore(root)
    store.forget_participant(group.id, ids[0])
    assert pairings(root, ids, choice_ids()) == []
    assert ids[0].encode() not in b"".join(files_under(root).values())
    after = SessionStore(root).events(sid)
    (attendance,) = [r.payload for r in after if isinstance(r.payload, VoteAttendanceData)]
    assert attendance.voters == sorted(ids[1:])
    (decision,) = [r.payload for r in after if isinstance(r.payload, DecisionMadeData)]
    assert decision.tally == tally
    assert [r.seq for r in after] == list(range(1, len(after) + 1))


def test_forget_takes_a_vote_out_of_a_ballot_left_open(tmp_path):
    """A crash mid-ballot leaves the votes given so far; `forget` must reach them too."""
    root = tmp_path / "data"
    store = SessionStore(root)
    group = store.groups.create_group("Tiistairyhmä")
    people = [store.groups.add_participant(group.id, n) for n in ("Kettu", "Susi")]
    loaded = load_story(STORY)
    session = store.start(group.id, [p.id for p in people], loaded, vote_mode="secret",
                          reflection="private")
    rt = Runtime(loaded.story, session.recorder.lang, story_hash=loaded.content_hash)
    c = PlayController(rt, "secret", [Player(p.id, p.nickname, "#000000", "circle")
                                      for p in people], listener=session.recorder)
    while not c.is_choice_point():
        c.advance()
    c.vote(people[0].id, c.offered()[0].id)
    c.vote(people[1].id, c.offered()[0].id)
    session.close()  # the app quits: the session stays resumable, the ballot kept
    assert (store.folder / f"{session.id}.ballot").exists()
    store.forget_participant(group.id, people[0].id)
    assert people[0].id.encode() not in b"".join(files_under(root).values())
    assert set(SessionStore(root).resume_point(session.id).votes) == {people[1].id}
    assert GroupStore(groups_path(root)).nicknames([people[0].id]) == {}


def test_old_logs_lose_who_chose_what_once_keeping_the_tallies(tmp_path):
    """Logs written before this change hold `vote_cast`; the first store opened on the data
    folder rewrites them without it (the tally stays in decision_made), once."""
    root = tmp_path / "data"
    SessionStore(root)
    (root / "migrations.json").unlink()  # a data folder from before the change
    old = ROOT / "tests" / "facilitator" / "data" / "log-before-typed-payloads.json"
    sid = "20250114T093000Z-0ld0ld"
    (root / "sessions" / f"{sid}.json").write_bytes(old.read_bytes())
    assert b'"vote_cast"' in (root / "sessions" / f"{sid}.json").read_bytes()
    events = json.loads(old.read_text("utf-8"))["events"].values()
    before = [e["data"]["tally"] for e in events if e["kind"] == "decision_made"]
    store = SessionStore(root)
    records = store.events(sid)
    assert "vote_cast" not in {r.kind for r in records}
    assert [r.seq for r in records] == list(range(1, len(records) + 1))
    tallies = [r.payload.tally for r in records if isinstance(r.payload, DecisionMadeData)]
    assert tallies == before and before
    assert all(b'"vote_cast"' not in data for data in files_under(root).values())
    assert (root / "migrations.json").exists()
