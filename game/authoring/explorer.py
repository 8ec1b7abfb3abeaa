"""The explorer: plays every way through a story to find what no group can ever see.

When the story is small enough, it visits every distinct state breadth-first: a state is the
scene, the variables and the scenes seen — only those `seen(…)` asks about, since the rest
cannot change what happens next. Past `max_states` it keeps what it found and goes on with
seeded random walks. Either way the result is a `Coverage` value: the scenes, choices and
endings reached out of all, the choices whose `if` never holds, and the scenes where the group
would find no choice at all.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections import deque
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Literal

from game.story import conditions as cond
from game.story.model import Story
from game.story.runtime import (
    Choose,
    Continue,
    Runtime,
    ShownLine,
    SkipToEnding,
    StoryState,
)

MAX_STATES = 50_000
WALKS = 1_000
WALK_STEPS = 1_000

ChoiceRef = tuple[str, int]
"""A choice as authored: its scene and its position among the scene's choices."""


@dataclass
class Coverage:
    story_id: str
    mode: Literal["exhaustive", "sampled"] = "exhaustive"
    states: int = 0  # distinct states visited breadth-first
    steps: int = 0  # transitions taken, breadth-first and in walks
    walks: int = 0
    seed: int | None = None
    seconds: float = 0.0
    scenes: list[str] = field(default_factory=list)
    endings: list[str] = field(default_factory=list)
    choices: dict[ChoiceRef, str] = field(default_factory=dict)  # → the choice's id
    reached: set[str] = field(default_factory=set)
    offered: set[ChoiceRef] = field(default_factory=set)
    taken: set[ChoiceRef] = field(default_factory=set)
    stuck: dict[str, dict[str, int | bool]] = field(default_factory=dict)

    @property
    def endings_reached(self) -> list[str]:
        return [s for s in self.endings if s in self.reached]

    @property
    def never_reached(self) -> list[str]:
        return [s for s in self.scenes if s not in self.reached]

    @property
    def never_shown(self) -> list[ChoiceRef]:
        """Choices of reached scenes that no visited state offered: their `if` never held."""
        return [c for c in self.choices if c[0] in self.reached and c not in self.offered]

    @property
    def not_taken(self) -> list[ChoiceRef]:
        """Choices offered somewhere but never taken (only random walks leave these)."""
        return [c for c in self.choices if c in self.offered and c not in self.taken]

    @property
    def complete(self) -> bool:
        return not (self.never_reached or self.never_shown or self.not_taken or self.stuck)


def seen_scenes(story: Story) -> frozenset[str]:
    """Scenes that some condition asks `seen(…)` about."""
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, cond.Seen):
            found.add(node.scene)
        elif dataclasses.is_dataclass(node):
            for f in dataclasses.fields(node):
                walk(getattr(node, f.name))

    for scene in story.scenes.values():
        sources = [line.if_ for line in scene.lines] + [c.if_ for c in scene.choices or []]
        for source in sources:
            if source is not None:
                try:
                    walk(cond.parse(source))
                except cond.ConditionError:
                    continue
    return frozenset(found)


class _QuietRuntime(Runtime):
    """The runtime without the text of the lines: the explorer only needs where a state leads,
    so interpolating every line of every scene entered would be wasted work."""

    def lines(self, state: StoryState) -> list[ShownLine]:
        return []


class _Explorer:
    def __init__(self, story: Story, lang: str | None) -> None:
        self.story = story
        self.rt = _QuietRuntime(story, lang)
        self.names = list(story.variables)
        self.seen_refs = seen_scenes(story)
        cov = Coverage(story.id, scenes=list(story.scenes))
        cov.endings = [sid for sid, sc in story.scenes.items() if sc.end is not None]
        for sid, sc in story.scenes.items():
            for i, ch in enumerate(sc.choices or []):
                cov.choices[(sid, i)] = story.choice_id(ch)
        self.cov = cov

    def key(self, state: StoryState) -> Hashable:
        values = tuple(state.variables[n] for n in self.names)
        if not self.seen_refs:
            return state.scene, values
        return state.scene, values, self.seen_refs.intersection(state.seen)

    @staticmethod
    def _light(state: StoryState) -> StoryState:
        """The state without its history, which the explorer does not need to keep."""
        return state.model_copy(update={"path": (), "choices": ()})

    def successors(self, state: StoryState) -> list[tuple[ChoiceRef | None, StoryState]]:
        cov, rt = self.cov, self.rt
        cov.reached.add(state.scene)
        if state.ended:
            return []
        scene = rt.scene(state)
        if scene.goto is not None:
            return [(None, rt.step(state, Continue()).state)]
        offered = rt.offered_choices(state)
        if not offered:
            cov.stuck.setdefault(state.scene, dict(state.variables))
            return [(None, rt.step(state, SkipToEnding()).state)]
        out: list[tuple[ChoiceRef | None, StoryState]] = []
        for ch in offered:
            ref = (state.scene, ch.spec_index)
            cov.offered.add(ref)
            out.append((ref, rt.step(state, Choose(ch.id)).state))
        return out

    def breadth_first(self, max_states: int) -> bool:
        """Visit every state up to `max_states`; True when there were no more."""
        first = self._light(self.rt.begin().state)
        visited = {self.key(first)}
        queue = deque([first])
        while queue:
            state = queue.popleft()
            for ref, nxt in self.successors(state):
                self.cov.steps += 1
                if ref is not None:
                    self.cov.taken.add(ref)
                k = self.key(nxt)
                if k in visited:
                    continue
                if len(visited) >= max_states:
                    self.cov.states = len(visited)
                    return False
                visited.add(k)
                queue.append(self._light(nxt))
        self.cov.states = len(visited)
        return True

    def walk(self, rng: random.Random, max_steps: int) -> None:
        rt, cov = self.rt, self.cov
        state = self._light(rt.begin().state)
        for _ in range(max_steps):
            cov.reached.add(state.scene)
            if state.ended:
                return
            scene = rt.scene(state)
            cov.steps += 1
            if scene.goto is not None:
                state = self._light(rt.step(state, Continue()).state)
                continue
            offered = rt.offered_choices(state)
            if not offered:
                cov.stuck.setdefault(state.scene, dict(state.variables))
                state = self._light(rt.step(state, SkipToEnding()).state)
                continue
            for ch in offered:
                cov.offered.add((state.scene, ch.spec_index))
            ch = rng.choice(offered)
            cov.taken.add((state.scene, ch.spec_index))
            state = self._light(rt.step(state, Choose(ch.id)).state)


def explore(story: Story, *, max_states: int = MAX_STATES, walks: int = WALKS, seed: int = 0,
            lang: str | None = None, walk_steps: int = WALK_STEPS) -> Coverage:
    """Explore `story`: every state when there are at most `max_states`, else random walks."""
    t0 = time.perf_counter()
    ex = _Explorer(story, lang)
    if not ex.breadth_first(max_states):
        ex.cov.mode = "sampled"
        ex.cov.seed = seed
        rng = random.Random(seed)
        for _ in range(walks):
            ex.walk(rng, walk_steps)
        ex.cov.walks = walks
    ex.cov.seconds = time.perf_counter() - t0
    return ex.cov
