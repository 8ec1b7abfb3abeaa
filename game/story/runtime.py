"""The runtime: a pure state machine, story + state + decision → new state and events.

`StoryState` is a frozen value that round-trips through versioned JSON; `Runtime` wraps the
pure `step` function and hands the events to a listener it is given. Nothing here draws,
stores or prints.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, Union

from pydantic import BaseModel, ConfigDict, ValidationError

from . import conditions as cond
from .errors import DecisionError, StateError
from .limits import MAX_NUMBER
from .model import ChoiceSpec, Scene, Story
from .text import fallback_chain, interpolate

STATE_SCHEMA = "porukka-story-state"
STATE_VERSION = 1


class StoryState(BaseModel):
    """Where a playthrough is: the scene, the variables and what has been seen and chosen."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    story_id: str
    story_hash: str | None = None
    scene: str
    variables: dict[str, int | bool]
    seen: tuple[str, ...]  # scenes entered, in the order first entered
    path: tuple[str, ...]  # every scene entered, in order
    choices: tuple[str, ...]  # ids of the choices taken
    ended: bool = False

    def to_json(self) -> str:
        body = {"schema": STATE_SCHEMA, "version": STATE_VERSION, **self.model_dump(mode="json")}
        return json.dumps(body, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> StoryState:
        """Read a saved state; a wrong schema or an unknown version is a StateError."""
        try:
            body = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            raise StateError(f"the saved state is not JSON: {exc}") from None
        if not isinstance(body, dict) or body.get("schema") != STATE_SCHEMA:
            raise StateError("this is not a saved Porukka story state")
        version = body.pop("version", None)
        body.pop("schema")
        if version != STATE_VERSION:
            raise StateError(
                f"the saved state has version {version!r}; this Porukka reads version "
                f"{STATE_VERSION}"
            )
        try:
            return cls.model_validate(body)
        except ValidationError as exc:
            raise StateError(f"the saved state is damaged: {exc.errors()[0]['msg']}") from None


# --- what is shown and offered --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ShownLine:
    text: str
    who: str | None = None  # character id
    name: str | None = None  # the character's name in the play language
    color: str | None = None


@dataclass(frozen=True, slots=True)
class OfferedChoice:
    """A choice as offered at run time (the authored one is a `ChoiceSpec`)."""

    number: int  # 1-based among the choices available now
    id: str
    text: str
    goto: str
    domains: tuple[str, ...]
    spec_index: int  # position among the scene's authored choices


# --- events ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SceneEntered:
    scene: str
    lines: tuple[ShownLine, ...]
    variables: Mapping[str, int | bool]
    reflect: bool = False
    kind: str = "scene_entered"


@dataclass(frozen=True, slots=True)
class ChoicesOffered:
    scene: str
    choices: tuple[OfferedChoice, ...]
    discuss: str | None = None
    timer: int | None = None
    kind: str = "choices_offered"


@dataclass(frozen=True, slots=True)
class ChoiceTaken:
    scene: str
    choice: OfferedChoice
    kind: str = "choice_taken"


@dataclass(frozen=True, slots=True)
class SkippedToEnding:
    scene: str
    target: str
    kind: str = "skipped_to_ending"


@dataclass(frozen=True, slots=True)
class EndingReached:
    scene: str
    title: str
    mood: str
    kind: str = "ending_reached"


Event = Union[SceneEntered, ChoicesOffered, ChoiceTaken, SkippedToEnding, EndingReached]


class Listener(Protocol):
    def __call__(self, event: Event) -> None: ...


# --- decisions -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choose:
    choice_id: str


@dataclass(frozen=True, slots=True)
class Continue:
    """Go on from a scene with `goto`."""


@dataclass(frozen=True, slots=True)
class SkipToEnding:
    """The facilitator's way out: straight to the nearest ending."""


Decision = Union[Choose, Continue, SkipToEnding]


@dataclass
class Step:
    state: StoryState
    events: list[Event] = field(default_factory=list)


# --- the machine -----------------------------------------------------------------------------


class Runtime:
    """Plays one story in one language; conditions are compiled once when it is made."""

    def __init__(
        self,
        story: Story,
        lang: str | None = None,
        listener: Listener | Callable[[Event], None] | None = None,
        story_hash: str | None = None,
    ) -> None:
        self.story = story
        self.lang = lang or story.default_language
        self.listener = listener
        self.story_hash = story_hash
        self._chain = fallback_chain(self.lang, story.default_language)
        self._conds: dict[str, cond.Evaluator] = {}
        for scene in story.scenes.values():
            for line in scene.lines:
                if line.if_ is not None:
                    self._compile(line.if_)
            for ch in scene.choices or []:
                if ch.if_ is not None:
                    self._compile(ch.if_)

    def _compile(self, source: str) -> cond.Evaluator:
        fn = self._conds.get(source)
        if fn is None:
            fn = cond.compile_node(cond.parse(source))
            self._conds[source] = fn
        return fn

    def _holds(self, source: str | None, state: StoryState) -> bool:
        if source is None:
            return True
        return bool(self._compile(source)(state.variables, set(state.seen)))

    def text(self, value: Any, state: StoryState) -> str:
        """A text field in the play language with `{variables}` filled in."""
        raw: str
        if value is None:
            raw = ""
        elif isinstance(value, str):
            raw = value
        else:
            found: str | None = next((value[c] for c in self._chain if c in value), None)
            raw = found if found is not None else next(iter(value.values()), "")
        return interpolate(raw, state.variables, self.lang)

    # -- reading the state --

    def scene(self, state: StoryState) -> Scene:
        return self.story.scenes[state.scene]

    def lines(self, state: StoryState) -> list[ShownLine]:
        out: list[ShownLine] = []
        for line in self.scene(state).lines:
            if not self._holds(line.if_, state):
                continue
            who = line.who
            ch = self.story.characters.get(who) if who else None
            out.append(
                ShownLine(
                    text=self.text(line.text, state),
                    who=who,
                    name=self.text(ch.name, state) if ch else None,
                    color=ch.color if ch else None,
                )
            )
        return out

    def offered_choices(self, state: StoryState) -> list[OfferedChoice]:
        scene = self.scene(state)
        if state.ended or scene.choices is None:
            return []
        out: list[OfferedChoice] = []
        for i, spec in enumerate(scene.choices):
            if self._holds(spec.if_, state):
                out.append(self._offer(spec, i, len(out) + 1, state))
        return out

    def _offer(self, spec: ChoiceSpec, index: int, number: int, state: StoryState) -> OfferedChoice:
        return OfferedChoice(
            number=number,
            id=self.story.choice_id(spec),
            text=self.text(spec.text, state),
            goto=spec.goto,
            domains=tuple(spec.domains),
            spec_index=index,
        )

    def is_stuck(self, state: StoryState) -> bool:
        """A choice scene whose every choice is hidden: only SkipToEnding helps."""
        scene = self.scene(state)
        return not state.ended and scene.choices is not None and not self.offered_choices(state)

    def nearest_ending(self, scene_id: str) -> str | None:
        """The ending fewest steps away, conditions ignored (ties: the first in the file)."""
        scenes = self.story.scenes
        order = {sid: i for i, sid in enumerate(scenes)}
        frontier = [scene_id]
        visited = {scene_id}
        while frontier:
            endings = [s for s in frontier if scenes[s].end is not None]
            if endings:
                return min(endings, key=order.__getitem__)
            nxt: list[str] = []
            for sid in frontier:
                sc = scenes[sid]
                targets = [sc.goto] if sc.goto else [c.goto for c in sc.choices or []]
                for t in targets:
                    if t in scenes and t not in visited:
                        visited.add(t)
                        nxt.append(t)
            frontier = nxt
        return next((s for s, sc in scenes.items() if sc.end is not None), None)

    # -- pure transitions --

    def begin(self) -> Step:
        blank = StoryState(
            story_id=self.story.id,
            story_hash=self.story_hash,
            scene=self.story.start,
            variables={n: v.initial for n, v in self.story.variables.items()},
            seen=(),
            path=(),
            choices=(),
        )
        return self._enter(blank, self.story.start)

    def step(self, state: StoryState, decision: Decision) -> Step:
        """The state after `decision`, and what happened on the way. Never mutates `state`."""
        if state.story_id != self.story.id:
            raise StateError(f"this state belongs to story {state.story_id!r}")
        if isinstance(decision, SkipToEnding):
            target = self.nearest_ending(state.scene)
            if state.ended or target is None:
                raise DecisionError("the story has already ended")
            step = self._enter(state, target)
            step.events.insert(0, SkippedToEnding(state.scene, target))
            return step
        if state.ended:
            raise DecisionError("the story has already ended")
        scene = self.scene(state)
        if isinstance(decision, Continue):
            if scene.goto is None:
                raise DecisionError(f"scene {state.scene!r} waits for a choice")
            return self._enter(state, scene.goto)
        available = [
            (i, spec) for i, spec in enumerate(scene.choices or [])
            if self._holds(spec.if_, state)
        ]
        found = next(
            ((n, i, spec) for n, (i, spec) in enumerate(available, 1)
             if self.story.choice_id(spec) == decision.choice_id),
            None,
        )
        if found is None:
            ids = ", ".join(self.story.choice_id(spec) for _, spec in available) or "-"
            raise DecisionError(
                f"choice {decision.choice_id!r} is not available in scene {state.scene!r}; "
                f"available: {ids}"
            )
        number, index, spec = found
        chosen = self._offer(spec, index, number, state)
        variables = self._apply(state.variables, spec.set, spec.add)
        after = state.model_copy(
            update={"variables": variables, "choices": state.choices + (chosen.id,)}
        )
        step = self._enter(after, spec.goto)
        step.events.insert(0, ChoiceTaken(state.scene, chosen))
        return step

    def _apply(
        self, variables: Mapping[str, int | bool], set_: Mapping[str, Any], add: Mapping[str, int]
    ) -> dict[str, int | bool]:
        out = dict(variables)
        for name, value in set_.items():
            out[name] = self._clamp(name, value)
        for name, delta in add.items():
            out[name] = self._clamp(name, out[name] + delta)
        return out

    def _clamp(self, name: str, value: int | bool) -> int | bool:
        var = self.story.variables[name]
        if isinstance(value, bool):
            return value
        if var.min is not None and value < var.min:
            return var.min
        if var.max is not None and value > var.max:
            return var.max
        # Without bounds of its own a number still stays where every screen can show it.
        return max(-MAX_NUMBER, min(MAX_NUMBER, value))

    def _enter(self, state: StoryState, scene_id: str) -> Step:
        scene = self.story.scenes[scene_id]
        variables = self._apply(state.variables, scene.set, scene.add)
        seen = state.seen if scene_id in state.seen else state.seen + (scene_id,)
        new = state.model_copy(
            update={
                "scene": scene_id,
                "variables": variables,
                "seen": seen,
                "path": state.path + (scene_id,),
                "ended": scene.end is not None,
            }
        )
        events: list[Event] = [
            SceneEntered(scene_id, tuple(self.lines(new)), dict(variables), scene.reflect)
        ]
        if scene.choices is not None:
            events.append(
                ChoicesOffered(
                    scene_id,
                    tuple(self.offered_choices(new)),
                    self.text(scene.discuss, new) if scene.discuss is not None else None,
                    scene.timer,
                )
            )
        elif scene.end is not None:
            title = self.text(scene.end.title, new) if scene.end.title is not None else ""
            events.append(EndingReached(scene_id, title, scene.end.mood))
        return Step(new, events)

    # -- the same, with events handed to the listener --

    def _emit(self, step: Step) -> StoryState:
        if self.listener is not None:
            for event in step.events:
                self.listener(event)
        return step.state

    def start(self) -> StoryState:
        return self._emit(self.begin())

    def choose(self, state: StoryState, choice_id: str) -> StoryState:
        return self._emit(self.step(state, Choose(choice_id)))

    def advance(self, state: StoryState) -> StoryState:
        return self._emit(self.step(state, Continue()))

    def skip_to_ending(self, state: StoryState) -> StoryState:
        return self._emit(self.step(state, SkipToEnding()))

    def restore(self, saved: str | bytes) -> StoryState:
        """A saved state checked against this story: same id, and its scene and variables exist."""
        state = StoryState.from_json(saved)
        if state.story_id != self.story.id:
            raise StateError(f"the saved state belongs to story {state.story_id!r}")
        if state.scene not in self.story.scenes:
            raise StateError(f"the saved scene {state.scene!r} is no longer in the story")
        missing = set(self.story.variables) - set(state.variables)
        if missing:
            raise StateError(f"the saved state lacks variables: {', '.join(sorted(missing))}")
        return state


def random_walk(runtime: Runtime, rng: Any, max_steps: int = 10_000) -> StoryState:
    """Play to an ending with random choices (tests, benchmarks and the explorer use it)."""
    state = runtime.begin().state
    for _ in range(max_steps):
        if state.ended:
            return state
        scene = runtime.scene(state)
        if scene.goto is not None:
            state = runtime.step(state, Continue()).state
            continue
        offered = runtime.offered_choices(state)
        if not offered:
            state = runtime.step(state, SkipToEnding()).state
            continue
        state = runtime.step(state, Choose(rng.choice(offered).id)).state
    return state
