"""What the session's screens share with the facilitator that hosts them.

The set-up, resume and reflection screens are opened by `session.Facilitator` and call back
into it. Each screen names here the few calls it makes (a small `Protocol`), so the screens
depend on this module and `session` depends on the screens: one way, with no import cycle
and no import hidden inside a function.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from facilitator.groups import Group
from facilitator.groups import Participant as Person
from facilitator.sessions import ActiveSession, SessionStore, SessionSummary
from game.play.controller import Participant
from game.story.loader import LoadedStory
from game.ui.app import App, Intent


@dataclass
class Run:
    """The session being played now."""

    session: ActiveSession
    loaded: LoadedStory
    group: Group
    lang: str
    vote_mode: str
    reflection: str
    participants: list[Participant]  # those present, as the game knows them


def as_player(p: Person) -> Participant:
    """The game's view of a participant: id, nickname, colour and shape only."""
    return Participant(p.id, p.nickname, p.colour, p.shape)


class SetupHost(Protocol):
    """What the set-up screens ask: the groups and participants, and to start the session."""

    @property
    def store(self) -> SessionStore: ...

    def start(self, app: App, loaded: LoadedStory, group: Group, present: Sequence[str],
              lang: str, vote_mode: str, reflection: str) -> Intent | None: ...


class ResumeHost(Protocol):
    """What the resume screen asks: the interrupted sessions, their story, carry on or close."""

    @property
    def store(self) -> SessionStore: ...

    def interrupted(self) -> list[SessionSummary]: ...

    def find_story(self, app: App, story_id: str) -> LoadedStory | None: ...

    def resume(self, app: App, session_id: str, loaded: LoadedStory) -> Intent: ...

    def close_interrupted(self, session_id: str) -> None: ...


class ReflectionHost(Protocol):
    """What the reflection asks: split votes, earlier ratings, ending the run, the report."""

    def splits(self) -> set[tuple[str, str]]: ...

    def last_ratings(self, participant: str) -> dict[str, int]: ...

    def end_run(self) -> str | None: ...

    def open_report(self, lang: str) -> str | None: ...

