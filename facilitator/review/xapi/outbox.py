"""The outbox: what the LRS has acknowledged, durable in the data folder.

`xapi/outbox.jsonl` is an append-only journal of JSON lines, each fsynced before the call
returns, written under a file lock (`xapi/outbox.lock`) so that a push from the game and one
from the command line never interleave. It holds statement ids and times only, never a
statement's content: what to send is made again from the session logs (the ids are stable),
so erasing a person from the logs leaves nothing of theirs here.

Lines (`t` says which):
- `attempt` ids: about to be sent (a crash after this may or may not have reached the LRS);
- `ack` ids, status: the LRS stored them (200) or already had them (204);
- `reject` ids, status, reason: the LRS refused them; not sent again until `--retry-rejected`;
- `void` targets, why: statements the LRS must void (after `forget` or `purge`);
- `done` session, fp, stamp: every statement of that session is acknowledged under these
  settings (`fp`) while its files were as `stamp` says (sizes and times), so the next push
  need not read its log again unless they change;
- `ok` / `fail`: when a push last succeeded, or why it last failed.

A torn last line (a crash mid-write) is ignored when reading and cut off before the next
append. Sending a statement twice is harmless: the LRS answers a repeated id with the same
content as a no-op.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import _files, paths
from ..._time import iso, utc_now
from ...errors import FacilitatorError

FOLDER = "xapi"
JOURNAL = "outbox.jsonl"
LOCK = "outbox.lock"
VERSION = 1


class OutboxBusy(FacilitatorError):
    """Another push holds the outbox (the game sending after a session, or another command)."""


@dataclass
class OutboxState:
    acked: dict[str, str] = field(default_factory=dict)  # id -> when
    attempted: set[str] = field(default_factory=set)
    rejected: dict[str, tuple[int, str]] = field(default_factory=dict)  # id -> status, reason
    voids: dict[str, tuple[str, str]] = field(default_factory=dict)  # target -> when, why
    done: dict[str, tuple[str, str]] = field(default_factory=dict)  # session -> fp, stamp
    last_success: str | None = None
    last_failure: str | None = None
    last_failure_reason: str | None = None

    def apply(self, entry: dict[str, Any]) -> None:
        """Take in one line; a line of a shape this version does not know is skipped (at
        worst a session is read again, or a statement sent again, which is harmless)."""
        for key in ("ids", "targets"):
            value = entry.get(key)
            if key in entry and not (isinstance(value, list)
                                     and all(isinstance(i, str) for i in value)):
                return
        try:
            self._apply(entry)
        except (KeyError, TypeError, ValueError):
            return

    def _apply(self, entry: dict[str, Any]) -> None:
        kind = entry.get("t")
        at = str(entry.get("at", ""))
        if kind == "attempt":
            self.attempted.update(entry["ids"])
        elif kind == "ack":
            for i in entry["ids"]:
                self.acked[i] = at
                self.rejected.pop(i, None)
        elif kind == "reject":
            status = int(entry["status"])
            for i in entry["ids"]:
                self.rejected[i] = (status, str(entry.get("reason", "")))
        elif kind == "void":
            for target in entry["targets"]:
                self.voids.setdefault(target, (at, str(entry.get("why", ""))))
        elif kind == "done":
            self.done[str(entry["session"])] = (str(entry["fp"]), str(entry["stamp"]))
        elif kind == "ok":
            self.last_success = at
        elif kind == "fail":
            self.last_failure = at
            self.last_failure_reason = str(entry.get("reason", ""))


def folder(root: Path) -> Path:
    return root / FOLDER


def read_state(root: Path) -> OutboxState:
    """The outbox as it stands (no lock needed: lines are only ever appended)."""
    state = OutboxState()
    try:
        data = (folder(root) / JOURNAL).read_bytes()
    except FileNotFoundError:
        return state
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError:
            continue  # the torn last line of a crash
        if isinstance(entry, dict):
            state.apply(entry)
    return state


class Outbox:
    """The outbox of the data folder `root`, open for writing while `locked()` is held."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = folder(root) / JOURNAL
        self.state = OutboxState()
        self._fd: int | None = None

    @contextmanager
    def locked(self, timeout: float = 30.0) -> Iterator[Outbox]:
        """Hold the lock, with the state read fresh. Raises OutboxBusy after `timeout`."""
        from filelock import FileLock, Timeout

        paths.private_dir(folder(self.root))
        lock_path = folder(self.root) / LOCK
        lock = FileLock(str(lock_path), timeout=timeout, mode=paths.FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise OutboxBusy(f"statements are being sent to the LRS right now ({lock_path} is "
                             "held); try again in a moment") from None
        try:
            self._open()
            yield self
        finally:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
            lock.release()

    def _open(self) -> None:
        new = not self.path.exists()
        fd = _files.open_private(self.path, os.O_RDWR | os.O_CREAT)
        if new:
            _files.fsync_dir(self.path.parent)
        paths.private_file(self.path)
        size = os.fstat(fd).st_size
        data = os.pread(fd, size, 0) if size else b""
        if data and not data.endswith(b"\n"):  # a torn last line: cut it off
            keep = data.rfind(b"\n") + 1
            os.ftruncate(fd, keep)
            _files.fsync(fd)
            data = data[:keep]
        os.lseek(fd, 0, os.SEEK_END)
        self._fd = fd
        self.state = OutboxState()
        for line in data.split(b"\n"):
            if line.strip():
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if isinstance(entry, dict):
                    self.state.apply(entry)

    def append(self, entries: Iterable[dict[str, Any]]) -> None:
        """Write entries as lines, durable when this returns, and apply them."""
        if self._fd is None:
            raise RuntimeError("the outbox is written only while locked()")
        now = iso(utc_now())
        lines = []
        done = []
        for entry in entries:
            entry = {"v": VERSION, "at": now, **entry}
            lines.append(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
            done.append(entry)
        if not lines:
            return
        _files.write_all(self._fd, ("\n".join(lines) + "\n").encode("utf-8"))
        _files.fsync(self._fd)
        for entry in done:
            self.state.apply(entry)
