"""Events of group play that the front end adds to the runtime's own events.

The runtime (`game.story.runtime`) emits SceneEntered, ChoicesOffered, ChoiceTaken,
SkippedToEnding and EndingReached. Around them the front end emits what the group and the
counsellor do: votes, the decision and how it was reached, and counsellor actions. The play
controller hands them to one listener (`Listener`) *after* the move, bundled with the story
state it led to (`Happened`), so a listener (the session log) is told where the group stands
instead of working it out again; the engine never stores them itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal, Union

# The vote modes are defined once in game.constants (cheap to import); play code finds them here.
from ..constants import VOTE_MODES as VOTE_MODES
from ..constants import VoteMode as VoteMode
from ..story.runtime import Event as StoryEvent
from ..story.runtime import StoryState

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
class Undone:
    """The group's decision that a "back one step" took back: at `scene`, choice `choice`."""

    scene: str
    choice: str


@dataclass(frozen=True, slots=True)
class CounsellorAction:
    """`undone`: for "back", the decision it took back (None when it undid a `goto` or a
    skip), so a report can mark that decision as undone instead of guessing."""

    scene: str
    action: CounsellorActionKind
    detail: str = ""
    undone: Undone | None = None
    kind: str = "counsellor_action"


PlayEvent = Union[VoteCast, VoteCounts, DecisionMade, CounsellorAction]
AnyEvent = Union[StoryEvent, PlayEvent]


@dataclass(frozen=True, slots=True)
class Happened:
    """What one move of play did, in order, and the story state after it.

    Every event of a move shares the one state it led to: a decision, the choice taken, the
    scene entered and the choices offered there all carry the state to resume from.
    """

    events: tuple[AnyEvent, ...]
    state: StoryState


Listener = Callable[[Happened], object]  # what it returns is not used
