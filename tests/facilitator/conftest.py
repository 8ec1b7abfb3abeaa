"""Fixtures for the facilitator: a store in the per-test data folder, a group, the demo story."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from facilitator.groups import Group, Participant
from facilitator.sessions import ActiveSession, SessionStore
from game.play.controller import Participant as Player
from game.play.controller import PlayController
from game.play.events import AnyEvent, Happened
from game.story import LoadedStory, Runtime, StoryState, load_story

ROOT = Path(__file__).resolve().parents[2]
NICKNAMES = ("Kettu", "Susi", "Ilves", "Karhu")


@pytest.fixture(scope="session")
def loaded() -> LoadedStory:
    return load_story(ROOT / "stories" / "rahat-loppuu")


@pytest.fixture
def store() -> SessionStore:
    return SessionStore()


@pytest.fixture
def group(store: SessionStore) -> Group:
    return store.groups.create_group("Tiistairyhmä")


@pytest.fixture
def people(store: SessionStore, group: Group) -> list[Participant]:
    return [store.groups.add_participant(group.id, n) for n in NICKNAMES]


def play(
    session: ActiveSession,
    loaded: LoadedStory,
    voters: list[str],
    seed: int = 1,
    steps: int | None = None,
) -> StoryState:
    """Play as the front end does, through the play controller: votes, the decision, and the
    log told each move with the state after it."""
    rng = random.Random(seed)
    rt = Runtime(loaded.story, session.recorder.lang, story_hash=loaded.content_hash)
    ticks = iter(range(0, 10**6, 5))
    c = PlayController(rt, "secret", [Player(v, v, "#000000", "circle") for v in voters],
                       listener=session.recorder, clock=lambda: next(ticks) / 2)
    taken = 0
    while not c.ended:
        if not c.is_choice_point():
            c.advance()
            continue
        if steps is not None and taken >= steps:
            break  # stop at a choice point
        offered = c.offered()
        if not offered:
            c.skip_to_ending()
            continue
        for pid in voters:
            c.vote(pid, rng.choice(offered).id)
        c.decide(rng.choice(offered).id, "majority")
        taken += 1
    return c.state


def tell(session: ActiveSession, state: StoryState, *events: AnyEvent) -> int:
    """Hand the session's recorder events that do not move the story (votes, actions)."""
    return session.recorder(Happened(events, state))


def crash(session: ActiveSession) -> None:
    """What a kill leaves behind: the journal as it is, not compacted, no summary update."""
    if session.writer is not None:
        session.writer.close()
    session.log.db.storage.close(compact=False)
    session.store._active.pop(session.id, None)
