"""Fixtures for the facilitator: a store in the per-test data folder, a group, the demo story."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from facilitator.groups import Group, Participant
from facilitator.sessions import ActiveSession, SessionStore
from game.play.events import DecisionMade, VoteCast
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
    """Play as the front end does: votes, the decision, then the runtime moves on."""
    rng = random.Random(seed)
    rt = Runtime(loaded.story, session.recorder._runtime.lang, listener=session.recorder,
                 story_hash=loaded.content_hash)
    state = rt.start()
    taken = 0
    while not state.ended:
        if rt.scene(state).goto is not None:
            state = rt.advance(state)
            continue
        if steps is not None and taken >= steps:
            break  # stop at a choice point
        offered = rt.offered_choices(state)
        if not offered:
            state = rt.skip_to_ending(state)
            continue
        for pid in voters:
            session.recorder(VoteCast(state.scene, pid, rng.choice(offered).id))
        chosen = rng.choice(offered)
        session.recorder(
            DecisionMade(state.scene, chosen.id, "majority", 2.5, {chosen.id: len(voters)},
                         tuple(c.id for c in offered), chosen.domains, False)
        )
        state = rt.choose(state, chosen.id)
        taken += 1
    return state


def crash(session: ActiveSession) -> None:
    """What a kill leaves behind: the journal as it is, not compacted, no summary update."""
    if session.writer is not None:
        session.writer.close()
    session.log.db.storage.close(compact=False)
    session.store._active.pop(session.id, None)
