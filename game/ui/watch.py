"""Watching a story file while authoring: reload on save, keep playing the last good version.

The operating system tells us of a save (inotify, FSEvents, ReadDirectoryChangesW through the
`watchfiles` library): a thread waits for it, raises a flag and posts `WATCH_EVENT` so an idle
window wakes at once. Where notifications are unavailable (no library, a file system without
them, no watches left) the file's time stamp is polled every `interval` seconds instead.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from ..story.issues import Issue
from ..story.loader import STORY_FILE, LoadedStory, check_file
from ..story.runtime import Runtime, StoryState

log = logging.getLogger(__name__)

WATCH_EVENT: int = pygame.event.custom_type()
"""Posted by the watch thread when the story file may have changed: it only wakes the loop."""

# How long the thread waits for an editor's burst of writes to settle, and the longest it groups.
STEP_MS = 2
DEBOUNCE_MS = 40


@dataclass
class Reload:
    """What a save brought: a new valid story, or the errors that keep the old one playing."""

    loaded: LoadedStory | None
    errors: list[Issue]
    seconds: float  # from noticing the change to the result


def _notifier(folder: Path) -> Any | None:
    """The OS's change notifications for `folder`, ready before this returns (a save right after
    cannot be missed); None when they are unavailable."""
    if os.environ.get("PORUKKA_WATCH_POLL"):
        return None
    try:
        from watchfiles._rust_notify import RustNotify
    except ImportError:
        return None
    try:
        return RustNotify([str(folder)], False, False, 0, False, False)
    except Exception as exc:  # no inotify watches left, an unsupported file system...
        log.info("no file notifications (%s); polling instead", exc)
        return None


def _wait_for_changes(notifier: Any, name: str, changed: threading.Event,
                      stop: threading.Event, noticed: list[float]) -> None:
    """The watch thread: raise `changed` and wake the window whenever `name` is touched."""
    try:
        while not stop.is_set():
            result = notifier.watch(DEBOUNCE_MS, STEP_MS, 500, stop)
            if result == "stop":
                break
            if isinstance(result, set) and any(Path(p).name == name for _, p in result):
                noticed[:] = [time.perf_counter()]
                changed.set()
                try:
                    pygame.event.post(pygame.event.Event(WATCH_EVENT))
                except pygame.error:  # no window (yet): the next frame sees the flag anyway
                    pass
    except Exception:
        log.warning("file notifications stopped; polling instead", exc_info=True)
        changed.set()
    finally:
        stop.set()
        notifier.close()


class StoryWatcher:
    """Reports a saved story through `poll`, cheap enough to call every frame."""

    def __init__(self, path: Path, interval: float = 0.1) -> None:
        self.path = path / STORY_FILE if path.is_dir() else path
        self.interval = interval
        self._since = 0.0
        self._stamp = self._read_stamp()
        self._changed = threading.Event()
        self._stop = threading.Event()
        self.noticed: list[float] = []  # perf_counter() of the last notification (for benchmarks)
        # An editor saves by writing a new file and renaming it over the old one: watch the folder.
        notifier = _notifier(self.path.parent)
        self.notified = notifier is not None
        if notifier is not None:
            threading.Thread(target=_wait_for_changes, name="story-watch", daemon=True,
                             args=(notifier, self.path.name, self._changed, self._stop,
                                   self.noticed)).start()
            weakref.finalize(self, self._stop.set)

    @property
    def wake_ms(self) -> int | None:
        """How often an idle window must wake to notice a save: never with notifications."""
        return None if self.notified else int(self.interval * 1000)

    def close(self) -> None:
        """Stop the watch thread (it also stops when the watcher is garbage)."""
        self._stop.set()

    def _read_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def poll(self, dt: float) -> Reload | None:
        if self.notified and self._stop.is_set():  # the thread gave up: poll from now on
            self.notified = False
        if self.notified:
            if not self._changed.is_set():
                return None
            self._changed.clear()
        else:
            self._since += dt
            if self._since < self.interval and not self._changed.is_set():
                return None
            self._changed.clear()
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
