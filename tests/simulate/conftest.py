"""Fixtures for the simulator: the built-in stories (loaded once) and a fixed start time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.sessions import SessionStore
from facilitator.simulation.engine import builtin_stories

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2025, 1, 7, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def stories():
    return builtin_stories()


def logs(root: Path) -> list[list[dict]]:
    """Every session's records in the folder, oldest session first."""
    store = SessionStore(root)
    sessions = sorted(store.list_sessions(), key=lambda s: (s.started, s.id))
    assert store.unreadable == []
    return [[r.to_doc() for r in store.events(s.id)] for s in sessions]
