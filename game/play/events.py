"""Events of group play that the front end adds to the runtime's own events.

The runtime (`game.story.runtime`) emits SceneEntered, ChoicesOffered, ChoiceTaken,
SkippedToEnding and EndingReached. Around them the front end emits what the group and the
counsellor do: votes, the decision and how it was reached, and counsellor actions. All go to
one listener the front end is given (`Listener`); the engine never stores them itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Union

# The vote modes are defined once in game.constants (cheap to import); play code finds them here.
from ..constants import VOTE_MODES as VOTE_MODES
from ..constants import VoteMode as VoteMode
from ..story.runtime import Event as StoryEvent

DecisionHow = Literal["majority", "tie-counsellor", "revote-majority", "counsellor", "skip"]

CounsellorActionKind = Literal[
    "pause", "resume", "back", "skip-to-ending", "text-size", "end-session", "timer-extend",
    "timer-stop", "revote",
]


@dataclass(frozen=True, slots=True)
class VoteCast:
    """One participant's vote (secret ballot or gamepads). `participant` is a participant id."""

    scene: str
    participant: str
    choice_id: str
    kind: str = "vote_cast"


@dataclass(frozen=True, slots=True)
class VoteCounts:
    """Counts entered by the counsellor for a hands-up vote: choice id → hands."""

    scene: str
    counts: Mapping[str, int]
    kind: str = "vote_counts"


@dataclass(frozen=True, slots=True)
class DecisionMade:
    """The group's decision at a choice point, with how it was reached and the tally."""

    scene: str
    choice_id: str
    how: DecisionHow
    seconds: float  # from the choices being offered to the decision
    tally: Mapping[str, int] = field(default_factory=dict)  # choice id → votes
    offered: tuple[str, ...] = ()  # ids of the choices that were offered
    domains: tuple[str, ...] = ()
    split: bool = False  # the vote was not unanimous: a point to return to in the reflection
    kind: str = "decision_made"


@dataclass(frozen=True, slots=True)
class CounsellorAction:
    scene: str
    action: CounsellorActionKind
    detail: str = ""
    kind: str = "counsellor_action"


PlayEvent = Union[VoteCast, VoteCounts, DecisionMade, CounsellorAction]
AnyEvent = Union[StoryEvent, PlayEvent]
Listener = Callable[[AnyEvent], None]
