"""The calm screen shown when what the group does cannot be saved (the disk is full, the data
folder is read-only): play stops at once, nothing is dropped, and Try again carries on only
when everything waiting has been saved.

The game knows nothing of the log: whoever keeps it hands the play screen a `Saving`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

import pygame

from ..app import App, Intent, Pop
from ..canvas import Canvas
from .overlays import _Buttons

ProblemKind = Literal["full", "read-only", "denied", "other"]


@dataclass(frozen=True)
class SaveProblem:
    kind: ProblemKind
    detail: str  # the system's own words, for the counsellor who wants them
    waiting: int  # events kept in memory until they can be written


class Saving(Protocol):
    """What the play screen asks of the session log."""

    def problem(self) -> SaveProblem | None:
        """Why the last write failed, while it has not been retried successfully."""
        ...

    def retry(self) -> bool:
        """Write everything waiting; True when all of it is stored."""
        ...


class SavingView(_Buttons):
    """Covers the story (nothing moves behind it) until the log is written again."""

    opaque = True
    title_key = "save-title"

    def __init__(self, app: App, saving: Saving, problem: SaveProblem,
                 on_end: Callable[[], Intent | None] | None = None) -> None:
        super().__init__(app)
        self.saving = saving
        self.problem = problem
        self.on_end = on_end
        self.failed_again = False

    def message(self) -> str:
        p = self.problem
        parts = [self.tr(f"save-{p.kind}")]
        if p.waiting:
            parts.append(self.trn("save-waiting", p.waiting))
        if self.failed_again:
            parts.append(self.tr("save-still", reason=p.detail))
        return "\n\n".join(parts)

    def items(self) -> list[tuple[str, str]]:
        return [(self.tr("save-retry"), "retry"), (self.tr("menu-end"), "end")]

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return None  # the story stays covered until the counsellor chooses
        return super().handle(event)

    def draw(self, canvas: Canvas) -> None:
        canvas.surface.fill(self.app.theme.bg)
        super().draw(canvas)

    def choose(self, action: str) -> Intent | None:
        if action == "end":
            if self.on_end is None:
                return Pop()
            self.app.pop()
            return self.on_end()
        if self.saving.retry():
            return Pop()
        self.failed_again = True
        self.problem = self.saving.problem() or self.problem
        return None
