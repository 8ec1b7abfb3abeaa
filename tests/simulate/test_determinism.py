"""A seed replays a run exactly; another seed takes other paths through the stories."""

from __future__ import annotations

from datetime import timedelta

import pytest

from facilitator.simulation.engine import SimOptions, Simulation

from .conftest import START, logs

pytestmark = pytest.mark.slow  # whole simulations run twice and compared

TIMES = ("time", "session")


def run(root, stories, seed, *, start=START, mode="secret", sessions=4, writer="thread"):
    options = SimOptions(stories, "Demo", participants=6, sessions=sessions, seed=seed,
                         vote_mode=mode)
    result = Simulation(options, root=root, start=start, writer=writer).run()
    assert len(result.sessions) == sessions and result.interrupted is None
    return logs(root)


def without_times(sessions):
    return [[{k: v for k, v in r.items() if k not in TIMES} for r in s] for s in sessions]


def paths_of(sessions):
    return [[r["scene"] for r in s if r["kind"] == "scene_entered"] for s in sessions]


def test_same_seed_same_logs_byte_for_byte_with_a_simulated_clock(tmp_path, stories):
    a = run(tmp_path / "a", stories, 7)
    b = run(tmp_path / "b", stories, 7, writer="sync")
    assert a == b
    assert (tmp_path / "a" / "groups.json").read_bytes() == \
        (tmp_path / "b" / "groups.json").read_bytes()
    assert [s[0]["time"] for s in a] == [
        "2025-01-07T10:00:00.000Z", "2025-01-14T10:00:00.000Z", "2025-01-21T10:00:00.000Z",
        "2025-01-28T10:00:00.000Z",
    ]


def test_same_seed_same_logs_apart_from_times_with_the_wall_clock(tmp_path, stories):
    a = run(tmp_path / "a", stories, 11, start=None, mode="hands")
    b = run(tmp_path / "b", stories, 11, start=None, mode="hands")
    assert without_times(a) == without_times(b)


def test_different_seeds_take_different_paths(tmp_path, stories):
    a = run(tmp_path / "a", stories, 1)
    b = run(tmp_path / "b", stories, 2)
    assert paths_of(a) != paths_of(b)
    assert without_times(a) != without_times(b)


def test_each_vote_mode_replays(tmp_path, stories):
    for mode in ("hands", "gamepads", "counsellor"):
        assert run(tmp_path / f"{mode}1", stories, 5, mode=mode, sessions=2) == \
            run(tmp_path / f"{mode}2", stories, 5, mode=mode, sessions=2)


def test_a_later_run_begins_on_its_own_start_date(tmp_path, stories):
    """Regression (issue 17): `--start 2026-04-01` dated the first new session weeks later,
    because the group's earlier sessions were counted in."""
    run(tmp_path, stories, 1, sessions=2)
    options = SimOptions(stories, "Demo", participants=6, sessions=2, seed=2)
    Simulation(options, root=tmp_path, start=START + timedelta(days=70)).run()
    assert [s[0]["time"][:10] for s in logs(tmp_path)] == [
        "2025-01-07", "2025-01-14", "2025-03-18", "2025-03-25"]
