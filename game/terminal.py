"""Playing a story in the terminal: scripted with numbers, or interactively at a prompt."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .i18n import t
from .story.limits import CONTROL_RE
from .story.runtime import OfferedChoice, Runtime, StoryState


class ChoiceNotAvailable(Exception):
    """A scripted number that is not among the choices offered at that point."""

    def __init__(self, number: int, scene: str, offered: list[OfferedChoice]) -> None:
        self.number = number
        self.scene = scene
        self.offered = offered
        super().__init__(f"choice {number} not available in {scene}")


@dataclass
class Outcome:
    state: StoryState
    ending: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "story": self.state.story_id,
            "path": list(self.state.path),
            "choices": list(self.state.choices),
            "variables": dict(self.state.variables),
            "ending": self.ending,
        }


Picker = Callable[[StoryState, list[OfferedChoice]], int | None]
"""Given the offered choices, the 1-based number to take, or None to stop."""


def printable(text: str) -> str:
    """`text` with every control character shown as an escape (`\\x1b`) instead of obeyed.

    The validator refuses such characters; this is the second line of defence, so no story
    can move the terminal's cursor, change its title or ring its bell."""
    return CONTROL_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class Printer:
    """Writes what the group would see, in the play language."""

    def __init__(self, runtime: Runtime, write: Callable[[str], None], width: int = 78) -> None:
        self.rt = runtime
        self.write: Callable[[str], None] = lambda text: write(printable(text))
        self.width = width

    def _wrap(self, text: str, indent: str = "") -> str:
        return "\n".join(
            textwrap.fill(p, self.width, initial_indent=indent, subsequent_indent=indent)
            if p.strip() else ""
            for p in text.splitlines() or [""]
        )

    def scene(self, state: StoryState) -> None:
        lang = self.rt.lang
        for line in self.rt.lines(state):
            text = f"{line.name}: {line.text}" if line.name else line.text
            self.write(self._wrap(text))
        scene = self.rt.scene(state)
        if scene.end is not None:
            title = self.rt.text(scene.end.title, state) if scene.end.title else state.scene
            self.write("")
            self.write(f"*** {t('ending', lang, title=title)} ***")
            return
        shown = [
            f"{self.rt.text(v.label, state) if v.label else name}: {state.variables[name]}"
            + (f" {self.rt.text(v.unit, state)}" if v.unit else "")
            for name, v in self.rt.story.variables.items()
            if v.show and not v.is_bool
        ]
        if shown:
            self.write("[" + " | ".join(shown) + "]")
        if scene.choices is not None:
            if scene.discuss is not None:
                self.write(self._wrap(t("discuss", lang, text=self.rt.text(scene.discuss, state))))
            for c in self.rt.offered_choices(state):
                self.write(self._wrap(f"  {c.number}) {c.text}"))

    def chosen(self, choice: OfferedChoice) -> None:
        self.write(f"> {choice.number}")
        self.write("")


def play(
    runtime: Runtime,
    pick: Picker,
    printer: Printer | None = None,
    on_stuck: Callable[[StoryState, str], None] | None = None,
    pause: Callable[[], bool] | None = None,
) -> Outcome:
    """Play from the start until an ending, or until `pick` (or `pause`) says stop."""
    state = runtime.start()
    while True:
        if printer:
            printer.scene(state)
        if state.ended:
            return Outcome(state, state.scene)
        scene = runtime.scene(state)
        if scene.goto is not None:
            if pause is not None and not pause():
                return Outcome(state, None)
            state = runtime.advance(state)
            continue
        offered = runtime.offered_choices(state)
        if not offered:
            target = runtime.nearest_ending(state.scene) or ""
            if on_stuck:
                on_stuck(state, target)
            state = runtime.skip_to_ending(state)
            continue
        number = pick(state, offered)
        if number is None:
            return Outcome(state, None)
        chosen = next((c for c in offered if c.number == number), None)
        if chosen is None:
            raise ChoiceNotAvailable(number, state.scene, offered)
        if printer:
            printer.chosen(chosen)
        state = runtime.choose(state, chosen.id)


def scripted(numbers: list[int]) -> tuple[Picker, Callable[[], int]]:
    """A picker taking `numbers` in turn, stopping when they run out; and a count of the rest."""
    it: Iterator[int] = iter(numbers)
    used = [0]

    def pick(state: StoryState, offered: list[OfferedChoice]) -> int | None:
        n = next(it, None)
        if n is not None:
            used[0] += 1
        return n

    return pick, lambda: len(numbers) - used[0]


def parse_choose(text: str) -> list[int]:
    """`2,1,3` → [2, 1, 3]; raises ValueError for anything else."""
    parts = [p.strip() for p in text.split(",")]
    if not text.strip():
        return []
    numbers = [int(p) for p in parts]
    if any(n < 1 for n in numbers):
        raise ValueError(text)
    return numbers
