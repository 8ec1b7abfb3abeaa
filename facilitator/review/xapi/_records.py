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
    from ...log.eventlog import Record


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

    @property
    def ended(self) -> Ended | None:
        return next((f for f in reversed(self.facts) if isinstance(f, Ended)), None)


# The kinds read: enough for every statement, and nothing that links a person to a choice.
KINDS = ("session_started", "scene_entered", "choices_offered", "decision_made",
         "ending_reached", "reflection_rating", "feedback", "session_ended")


def session_facts(records: Sequence[Record]) -> SessionFacts | None:
    """The facts of one session's records; None when it has no session_started (damaged)."""
    start = next((r for r in records if r.kind == "session_started"), None)
    if start is None:
        return None
    d = start.data
    started = Started(
        seq=start.seq, time=start.time, group=d["group"], present=tuple(d["present"]),
        vote_mode=d["vote_mode"], language=d["language"], story_id=d["story"]["id"],
        story_hash=d["story"].get("hash"), story_title=d["story"].get("title", ""),
        simulated=bool(d.get("simulated", False)),
    )
    facts: list[Fact] = []
    for r in records:
        d = r.data
        if r.kind == "scene_entered" and r.scene:
            facts.append(SceneSeen(r.seq, r.time, r.scene))
        elif r.kind == "choices_offered" and r.scene:
            facts.append(Offer(r.seq, r.time, r.scene, tuple(
                OfferedChoice(c["id"], c["number"], c["text"]) for c in d["choices"]),
                d.get("discuss")))
        elif r.kind == "decision_made" and r.scene:
            facts.append(Decision(
                r.seq, r.time, r.scene, d["choice"], d["how"], float(d["seconds"]),
                dict(d["tally"]), bool(d["split"]), tuple(d["domains"]), tuple(d["offered"])))
        elif r.kind == "ending_reached" and r.scene:
            facts.append(EndingReached(r.seq, r.time, r.scene, d["title"], d["mood"]))
        elif r.kind == "reflection_rating":
            facts.append(RatingGiven(r.seq, r.time, d["participant"], d["domain"], d["value"]))
        elif r.kind == "feedback":
            facts.append(FeedbackGiven(r.seq, r.time, d["participant"], d["face"],
                                       d.get("word")))
        elif r.kind == "session_ended":
            facts.append(Ended(r.seq, r.time, d["status"]))
    return SessionFacts(start.session, started, tuple(facts))
