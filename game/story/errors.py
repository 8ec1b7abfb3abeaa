"""The story package's exceptions; small and import-free so any module can use them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .issues import Issue


class StoryError(Exception):
    """Base of every error this package raises on purpose."""


class StoryLoadError(StoryError):
    """A story file that does not load; `issues` says what and where."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        first = issues[0].format() if issues else "story did not load"
        super().__init__(first)


class StateError(StoryError):
    """A saved state that does not fit the story or has an unknown version."""


class DecisionError(StoryError):
    """A decision that is not possible at this point of the story."""
