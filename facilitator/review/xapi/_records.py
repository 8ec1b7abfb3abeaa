"""The one place that reads the session log's records for xAPI.

Everything else in this package works on the plain facts below, so when the log's payloads
change shape only this module changes. `vote_cast` (who voted what) is never read here: no
statement can be made from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the type: `xapi push` with nothing waiting imports no pydantic
    from ...log.records import Record


@dataclass(frozen=True)
class Started:
    seq: int
    time: str
    group: str
    present: tuple[str, ...]
    vote_mode: str
    language: str
    story_id: str
    story_hash: str | None
    story_title: str
    simulated: bool


@dataclass(frozen=True)
class SceneSeen:
    seq: int
    time: str
    scene: str


@dataclass(frozen=True)
class OfferedChoice:
    id: str
    number: int
    text: str


@dataclass(frozen=True)
class Offer:
    seq: int
    time: str
    scene: str
    choices: tuple[OfferedChoice, ...]
    discuss: str | None


@dataclass(frozen=True)
class Decision:
    seq: int
    time: str
    scene: str
    choice: str
    how: str
    seconds: float
    tally: dict[str, int]
    split: bool
    domains: tuple[str, ...]
    offered: tuple[str, ...]


@dataclass(frozen=True)
class EndingReached:
    seq: int
    time: str
    scene: str
    title: str
    mood: str


@dataclass(frozen=True)
class RatingGiven:
    seq: int
    time: str
    participant: str
    domain: str
    value: int | None


@dataclass(frozen=True)
class FeedbackGiven:
    seq: int
    time: str
    participant: str
    face: int | None
    word: str | None


@dataclass(frozen=True)
class Ended:
    seq: int
    time: str
    status: str  # finished | interrupted


Fact = SceneSeen | Offer | Decision | EndingReached | RatingGiven | FeedbackGiven | Ended


@dataclass(frozen=True)
class SessionFacts:
    session: str
    started: Started
    facts: tuple[Fact, ...]
    edition: int = 0  # bumped each time an erasure rewrites the log (and renumbers it)

    @property
    def key(self) -> str:
        """What statement ids are made from: a rewritten log's statements get new ids."""
        return self.session if self.edition == 0 else f"{self.session}~{self.edition}"

    @property
    def ended(self) -> Ended | None:
        return next((f for f in reversed(self.facts) if isinstance(f, Ended)), None)


# The kinds read: enough for every statement, and nothing that links a person to a choice.
KINDS = ("session_started", "scene_entered", "choices_offered", "decision_made",
         "ending_reached", "reflection_rating", "feedback", "session_ended")


def session_facts(records: Sequence[Record], edition: int = 0) -> SessionFacts | None:
    """The facts of one session's records; None when it has no session_started (damaged).

    A decision that a counsellor's "back one step" took back is left out: the group decided
    again, and that decision is the one stated."""
    from ...log.records import (
        ChoicesOfferedData,
        DecisionMadeData,
        EndingReachedData,
        FeedbackData,
        ReflectionRatingData,
        SceneEnteredData,
        SessionEndedData,
        SessionStartedData,
    )
    from ...log.undone import undone_decisions

    start = next((r for r in records if isinstance(r.payload, SessionStartedData)), None)
    if start is None:
        return None
    d = start.payload
    assert isinstance(d, SessionStartedData)
    started = Started(
        seq=start.seq, time=start.time, group=d.group, present=tuple(d.present),
        vote_mode=d.vote_mode, language=d.language, story_id=d.story.id,
        story_hash=d.story.hash, story_title=d.story.title, simulated=d.simulated,
    )
    undone = undone_decisions(records)
    facts: list[Fact] = []
    for r in records:
        p = r.payload
        if isinstance(p, SceneEnteredData) and r.scene:
            facts.append(SceneSeen(r.seq, r.time, r.scene))
        elif isinstance(p, ChoicesOfferedData) and r.scene:
            facts.append(Offer(r.seq, r.time, r.scene, tuple(
                OfferedChoice(c.id, c.number, c.text) for c in p.choices), p.discuss))
        elif isinstance(p, DecisionMadeData) and r.scene and r.seq not in undone:
            facts.append(Decision(
                r.seq, r.time, r.scene, p.choice, p.how, float(p.seconds), dict(p.tally),
                p.split, tuple(p.domains), tuple(p.offered)))
        elif isinstance(p, EndingReachedData) and r.scene:
            facts.append(EndingReached(r.seq, r.time, r.scene, p.title, p.mood))
        elif isinstance(p, ReflectionRatingData):
            facts.append(RatingGiven(r.seq, r.time, p.participant, p.domain, p.value))
        elif isinstance(p, FeedbackData):
            facts.append(FeedbackGiven(r.seq, r.time, p.participant, p.face, p.word))
        elif isinstance(p, SessionEndedData):
            facts.append(Ended(r.seq, r.time, p.status))
    return SessionFacts(start.session, started, tuple(facts), edition)
