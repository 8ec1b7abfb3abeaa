"""Simulated groups and sessions are marked; logs and groups written before the mark read as
real. Simulated people have playful nicknames and behave like a group (ties, drift, absences)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from facilitator.groups import GroupStore
from facilitator.log.eventlog import SessionLog
from facilitator.log.records import SessionStartedData
from facilitator.paths import groups_path
from facilitator.sessions import SessionStore, summarise
from facilitator.simulation.engine import NICKNAMES, WORDS, SimOptions, Simulation
from facilitator.validation import check_feedback_word, check_nickname

from .conftest import ROOT, START

OLD_START = {
    "group": "g-1", "present": ["p-1"], "vote_mode": "hands", "reflection": "private",
    "language": "fi", "story": {"id": "s", "hash": "abc", "title": "Tarina"},
}


def test_a_log_without_the_mark_reads_as_a_real_session():
    log = SessionLog.in_memory()
    log.log("session_started", OLD_START)
    raw = log.db.storage.read()["events"]["1"]
    raw["data"].pop("simulated")  # as an older Porukka wrote it
    log.db.storage.write({**log.db.storage.read(), "events": {"1": raw}})
    assert "simulated" not in log.db.storage.read()["events"]["1"]["data"]
    started = log.records()[0].payload
    assert isinstance(started, SessionStartedData) and started.simulated is False
    assert summarise(log.records()).simulated is False


def test_a_summary_without_the_mark_reads_as_real(tmp_path, stories):
    Simulation(SimOptions(stories[:1], "Demo", sessions=1), root=tmp_path).run()
    store = SessionStore(tmp_path)
    (summary_file,) = (tmp_path / "sessions").glob("*.summary.json")
    doc = json.loads(summary_file.read_text("utf-8"))
    assert doc["simulated"] is True
    del doc["simulated"]
    summary_file.write_text(json.dumps(doc), "utf-8")
    assert store.list_sessions()[0].simulated is False


def test_real_sessions_and_groups_are_not_marked(tmp_path, stories):
    store = SessionStore(tmp_path)
    group = store.groups.create_group("Tiistai")
    kettu = store.groups.add_participant(group.id, "Kettu")
    session = store.start(group.id, [kettu.id], stories[0], vote_mode="hands",
                          reflection="private", background=False)
    assert session.end().simulated is False
    assert store.events(session.id)[0].data["simulated"] is False
    assert GroupStore(groups_path(tmp_path)).group(group.id).simulated is False


def test_a_groups_file_without_the_mark_reads_as_real(tmp_path):
    path = groups_path(tmp_path)
    GroupStore(path).create_group("Vanha")
    body = json.loads(path.read_text("utf-8"))
    for doc in body["groups"].values():
        del doc["simulated"]
    path.write_text(json.dumps(body), "utf-8")
    assert GroupStore(path).find_group("Vanha").simulated is False


def test_the_nicknames_and_words_pass_the_rules():
    assert len(set(NICKNAMES)) == len(NICKNAMES) >= 16
    for name in NICKNAMES:
        assert check_nickname(name) == name and " " not in name
    for words in WORDS.values():
        for word in (w for group in words for w in group):
            assert check_feedback_word(word) == word


@pytest.fixture(scope="module")
def demo(tmp_path_factory, stories):
    root = tmp_path_factory.mktemp("demo")
    options = SimOptions(stories, "Demo", participants=6, sessions=24, seed=3)
    Simulation(options, root=root, start=START).run()
    store = SessionStore(root)
    sessions = sorted(store.list_sessions(), key=lambda s: s.started)
    return store, sessions, {s.id: store.events(s.id) for s in sessions}


@pytest.mark.slow
def test_plausible_group_behaviour(demo):
    store, sessions, events = demo
    assert len(sessions) == 24 and all(s.simulated for s in sessions)
    assert {s.story_id for s in sessions} == {"rahat-loppuu", "oma-koti", "kela-ja-sossu",
                                             "tyokokeilu"}
    sizes = Counter(len(s.present) for s in sessions)
    assert max(sizes) == 6 and min(sizes) < 6  # someone is sometimes away
    records = [r for rs in events.values() for r in rs]
    hows = Counter(r.data["how"] for r in records if r.kind == "decision_made")
    assert hows["majority"] > hows["tie-counsellor"] > 0  # ties happen, majority is usual
    split = [r.data["split"] for r in records if r.kind == "decision_made"]
    assert 0.2 < sum(split) / len(split) < 0.95  # disagreement, but not chaos
    ratings = [r.data["value"] for r in records if r.kind == "reflection_rating"]
    given = [v for v in ratings if v is not None]
    assert None in ratings and min(given) <= 3 and max(given) >= 8  # skips, and a spread
    faces = Counter(r.data["face"] for r in records if r.kind == "feedback")
    words = [r.data["word"] for r in records if r.kind == "feedback" and r.data["word"]]
    assert len(faces) >= 4 and words


def test_ratings_drift_gently(demo):
    store, sessions, events = demo
    group = sessions[0].group
    moves = []
    for person in store.groups.participants(group):
        for points in store.rating_history(group, person.id).values():
            values = [p.value for p in points]
            moves += [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    assert moves and sum(moves) / len(moves) < 2.0  # no wild jumps between sessions
    first = [v for s in sessions[:4] for r in s.ratings.values() for v in r.values()
             if v is not None]
    last = [v for s in sessions[-4:] for r in s.ratings.values() for v in r.values()
            if v is not None]
    assert sum(last) / len(last) > sum(first) / len(first)  # mostly, things get a bit better


@pytest.mark.slow
def test_the_simulation_core_needs_no_pygame():
    code = (
        "import sys\n"
        "from facilitator.simulation.engine import SimOptions, Simulation, builtin_stories\n"
        "Simulation(SimOptions(builtin_stories()[:1], 'Demo', sessions=1)).run()\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
        "import facilitator.simulation.commands\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_the_command_module_stays_light():
    code = (
        "import sys\n"
        "import facilitator.simulation.commands\n"
        "heavy = {'pygame', 'tinydb', 'facilitator.simulation.engine', 'facilitator.sessions',\n"
        "         'game.story.loader'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
