"""The play controller: one group's playthrough with votes, decisions and counsellor actions.

Pure logic (no pygame): `PlayFlow` (and through it the views) asks it what to show and tells it
what happened; it steps the pure runtime, keeps the history for "back one step", and hands the
listener every move *after* it is made, with the state it led to (`Happened`). So the one
history here is the only one: the log is told where the group stands, it never replays.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..story.runtime import (
    Choose,
    Continue,
    Decision,
    OfferedChoice,
    Runtime,
    ShownLine,
    SkipToEnding,
    StoryState,
)
from ..story.text import show_value
from .events import (
    AnyEvent,
    CounsellorAction,
    CounsellorActionKind,
    DecisionHow,
    DecisionMade,
    Happened,
    Listener,
    Undone,
    VoteCast,
    VoteCounts,
    VoteMode,
)
from .vote import Tally

SHAPES = ("circle", "square", "triangle", "diamond", "star", "hexagon", "cross", "heart")
# Okabe–Ito: distinguishable with the common kinds of colour blindness; always with a shape.
COLOURS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
           "#999999")


@dataclass(frozen=True)
class Participant:
    """A participant as the game knows them: an id, a nickname, a colour and a shape."""

    id: str
    nickname: str
    colour: str
    shape: str


def default_participants(count: int, label: Callable[[int], str]) -> list[Participant]:
    """Anonymous participants for play without a facilitator session ("Player 1" …)."""
    return [
        Participant(f"p{i + 1}", label(i + 1), COLOURS[i % len(COLOURS)], SHAPES[i % len(SHAPES)])
        for i in range(count)
    ]


@dataclass
class Ballot:
    """The votes at one choice point."""

    offered: list[OfferedChoice]
    started: float
    votes: dict[str, str] = field(default_factory=dict)  # participant id → choice id
    counts: dict[str, int] | None = None  # hands-up counts, when entered
    round: int = 1

    def tally(self) -> Tally:
        ids = [c.id for c in self.offered]
        if self.counts is not None:
            return Tally.of_counts(ids, self.counts)
        return Tally.of_votes(ids, self.votes)


_LISTS = ("seen", "path", "choices")


@dataclass(frozen=True, slots=True)
class _Before:
    """The state before a move, kept for "back". A move only adds to the state's lists
    (scenes seen, the path, the choices), so the state after it already holds them: keeping
    their lengths instead of copies keeps the history linear in the story, not quadratic in a
    long playthrough. A move that did anything else keeps the whole state."""

    whole: StoryState | None
    rest: StoryState | None = None  # the state with its lists emptied
    lengths: tuple[int, ...] = ()

    @classmethod
    def of(cls, before: StoryState, after: StoryState) -> _Before:
        lengths = tuple(len(getattr(before, name)) for name in _LISTS)
        if all(getattr(after, name)[:n] == getattr(before, name)
               for name, n in zip(_LISTS, lengths, strict=True)):
            return cls(None, before.model_copy(update=dict.fromkeys(_LISTS, ())), lengths)
        return cls(before)

    def restore(self, after: StoryState) -> StoryState:
        """The state before the move, given the state right after it."""
        if self.whole is not None:
            return self.whole
        assert self.rest is not None
        return self.rest.model_copy(update={
            name: getattr(after, name)[:n] for name, n in zip(_LISTS, self.lengths, strict=True)
        })


class PlayController:
    """A group playing one story: the state, its history, the current ballot."""

    def __init__(
        self,
        runtime: Runtime,
        vote_mode: VoteMode,
        participants: list[Participant],
        listener: Listener | None = None,
        clock: Callable[[], float] = time.monotonic,
        state: StoryState | None = None,
    ) -> None:
        self.runtime = runtime
        self.vote_mode = vote_mode
        self.participants = participants
        self.listener = listener
        self.clock = clock
        # Each entry: the state before a move (see `_Before`), and the decision the move took.
        self._undo: list[tuple[_Before, Undone | None]] = []
        self.ballot: Ballot | None = None
        if state is not None:
            self.state = state
            self._open_ballot()
        else:
            begun = runtime.begin()
            self.state = begun.state
            self._open_ballot()
            self._emit(*begun.events)

    def _emit(self, *events: AnyEvent) -> None:
        """Tell the listener what happened; `self.state` is already the state after it."""
        if self.listener is not None and events:
            self.listener(Happened(tuple(events), self.state))

    @property
    def history(self) -> list[StoryState]:
        """The states "back one step" returns to, oldest first."""
        out = []
        after = self.state
        for before, _ in reversed(self._undo):
            after = before.restore(after)
            out.append(after)
        return out[::-1]

    # -- reading --

    @property
    def scene_id(self) -> str:
        return self.state.scene

    @property
    def ended(self) -> bool:
        return self.state.ended

    def lines(self) -> list[ShownLine]:
        return self.runtime.lines(self.state)

    def offered(self) -> list[OfferedChoice]:
        return self.runtime.offered_choices(self.state)

    def is_choice_point(self) -> bool:
        return self.runtime.scene(self.state).choices is not None and not self.ended

    def is_stuck(self) -> bool:
        return self.runtime.is_stuck(self.state)

    def discuss(self) -> str | None:
        scene = self.runtime.scene(self.state)
        return self.runtime.text(scene.discuss, self.state) if scene.discuss else None

    def timer(self) -> int | None:
        return self.runtime.scene(self.state).timer

    def shown_variables(self) -> list[tuple[str, str]]:
        """(label, value with unit) of the variables marked `show: true`."""
        out = []
        for name, var in self.runtime.story.variables.items():
            if not var.show:
                continue
            label = self.runtime.text(var.label, self.state) if var.label else name
            value = self.state.variables[name]
            text = show_value(value, self.runtime.lang)
            if var.unit:
                text = f"{text} {self.runtime.text(var.unit, self.state)}"
            out.append((label, text))
        return out

    def ending(self) -> tuple[str, str] | None:
        """(title, mood) when the story has ended."""
        scene = self.runtime.scene(self.state)
        if scene.end is None:
            return None
        title = self.runtime.text(scene.end.title, self.state) if scene.end.title else ""
        return title, scene.end.mood

    # -- moving on --

    def _open_ballot(self) -> None:
        self.ballot = Ballot(self.offered(), self.clock()) if self.is_choice_point() else None

    def _move(self, decision: Decision, *before: AnyEvent, undone: Undone | None = None) -> None:
        """Step the runtime, then hand `before` and the step's events over with the new state."""
        step = self.runtime.step(self.state, decision)
        self._undo.append((_Before.of(self.state, step.state), undone))
        self.state = step.state
        self._open_ballot()
        self._emit(*before, *step.events)

    def advance(self) -> None:
        """Continue from a scene with `goto`."""
        self._move(Continue())

    def vote(self, participant: str, choice_id: str) -> None:
        assert self.ballot is not None
        self.ballot.votes[participant] = choice_id
        self._emit(VoteCast(self.scene_id, participant, choice_id))

    def set_counts(self, counts: dict[str, int]) -> None:
        assert self.ballot is not None
        self.ballot.counts = dict(counts)
        self._emit(VoteCounts(self.scene_id, dict(counts)))

    def voters_done(self) -> set[str]:
        return set(self.ballot.votes) if self.ballot else set()

    def tally(self) -> Tally:
        assert self.ballot is not None
        return self.ballot.tally()

    def decide(self, choice_id: str, how: DecisionHow) -> None:
        """Take the group's decision: log it with its tally, then enter the next scene."""
        assert self.ballot is not None
        tally = self.ballot.tally()
        chosen = next(c for c in self.ballot.offered if c.id == choice_id)
        made = DecisionMade(
            scene=self.scene_id,
            choice_id=choice_id,
            how=how,
            seconds=round(self.clock() - self.ballot.started, 3),
            tally=dict(tally.counts),
            offered=tuple(c.id for c in self.ballot.offered),
            domains=chosen.domains,
            split=tally.split,
        )
        self._move(Choose(choice_id), made, undone=Undone(self.scene_id, choice_id))

    def revote(self) -> None:
        """Vote again after more discussion; the earlier round stays in the log."""
        assert self.ballot is not None
        self.action("revote")
        rnd = self.ballot.round + 1
        self.ballot = Ballot(self.ballot.offered, self.ballot.started, round=rnd)

    def replace_story(self, runtime: Runtime, state: StoryState) -> None:
        """A new version of the story (watch mode): continue from `state` in it."""
        self.runtime = runtime
        self.state = state
        self._undo = []
        self._open_ballot()

    # -- counsellor --

    def action(self, kind: CounsellorActionKind, detail: str = "") -> None:
        self._emit(CounsellorAction(self.scene_id, kind, detail))

    def can_go_back(self) -> bool:
        return bool(self._undo)

    def back(self) -> None:
        """One step back: the previous scene, as it was when the group entered it. The log is
        told the state it returned to and which decision, if any, was taken back."""
        if not self._undo:
            return
        left = self.scene_id
        before, undone = self._undo.pop()
        self.state = before.restore(self.state)
        self._open_ballot()
        self._emit(CounsellorAction(left, "back", undone=undone))

    def skip_to_ending(self) -> None:
        if self.ended:
            return
        self._move(SkipToEnding(), CounsellorAction(self.scene_id, "skip-to-ending"))
