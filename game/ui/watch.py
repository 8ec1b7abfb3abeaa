"""Watching a story file while authoring: reload on save, keep playing the last good version."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..story.issues import Issue
from ..story.loader import STORY_FILE, LoadedStory, check_file
from ..story.runtime import Runtime, StoryState


@dataclass
class Reload:
    """What a save brought: a new valid story, or the errors that keep the old one playing."""

    loaded: LoadedStory | None
    errors: list[Issue]
    seconds: float  # from noticing the change to the result


class StoryWatcher:
    """Polls the story file's modification time; cheap enough to call every frame."""

    def __init__(self, path: Path, interval: float = 0.1) -> None:
        self.path = path / STORY_FILE if path.is_dir() else path
        self.interval = interval
        self._since = 0.0
        self._stamp = self._read_stamp()

    def _read_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def poll(self, dt: float) -> Reload | None:
        self._since += dt
        if self._since < self.interval:
            return None
        self._since = 0.0
        stamp = self._read_stamp()
        if stamp == self._stamp or stamp is None:
            return None
        self._stamp = stamp
        t0 = time.perf_counter()
        result = check_file(self.path)
        errors = [i for i in result.issues if i.is_error]
        return Reload(result.loaded, errors, time.perf_counter() - t0)


def carry_over(old: StoryState, runtime: Runtime) -> StoryState | None:
    """The playthrough moved into the new version of the story: the same scene and the
    variables that still exist (new ones start at their initial value); None when the scene is
    gone, so play restarts from the start."""
    story = runtime.story
    if old.scene not in story.scenes:
        return None
    variables: dict[str, int | bool] = {}
    for name, var in story.variables.items():
        value = old.variables.get(name, var.initial)
        if isinstance(value, bool) != isinstance(var.initial, bool):
            value = var.initial
        variables[name] = value
    seen = tuple(s for s in old.seen if s in story.scenes)
    return old.model_copy(update={
        "story_id": story.id,
        "story_hash": runtime.story_hash,
        "variables": variables,
        "seen": seen,
        "path": tuple(s for s in old.path if s in story.scenes),
        "ended": story.scenes[old.scene].end is not None,
    })
