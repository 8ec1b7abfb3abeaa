"""The facilitator's exceptions; import-free so that any module (and the screens) can use them.

`InvalidInput` carries a `code` and `params` so a screen can show the message in the group's
language (`facilitator.strings.message`); `str()` gives the English text for logs and tests.
"""

from __future__ import annotations

import errno
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


class FacilitatorError(Exception):
    """Base of every error this package raises on purpose."""


class InvalidInput(FacilitatorError, ValueError):
    """Something typed at set-up, reflection or feedback that may not be stored."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(message)


class NotFound(FacilitatorError, LookupError):
    """A group, participant or session that does not exist (any more)."""


class EmptySession(NotFound):
    """Session files that hold nothing: a crash came before the session's first write."""


class LogError(FacilitatorError):
    """Base of the session log's errors."""


class LogVersionError(LogError):
    """A log, summary or event written in a schema version this Porukka does not read."""


class LogDamagedError(LogError):
    """A log file that cannot be read back (not a torn last line: real damage)."""


class GroupsDamagedError(LogDamagedError):
    """The groups file (every group and nickname, shared by all sessions) cannot be read."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class DamagedEventError(LogDamagedError):
    """One stored event whose payload (or record) does not fit its model. Names the log, its
    file and the event's sequence number, so a listing can say which session is unreadable
    and why while the others still open."""

    def __init__(self, where: str, path: Path | None, seq: int | None, reason: str) -> None:
        self.where = where
        self.path = path
        self.seq = seq
        self.reason = reason
        place = f"{where} ({path})" if path is not None else where
        event = f"event {seq}" if seq is not None else "an event"
        super().__init__(f"{place}: {event} is damaged: {reason}")


class LogWriteError(LogError):
    """Writing to the log failed (disk full, no permission): nothing of that write was kept."""


class SessionBusyError(LogError):
    """The session is open for writing elsewhere (another window, or this one)."""


class SessionStateError(FacilitatorError):
    """An operation that does not fit the session's state, e.g. resuming a finished session."""


# The system's reasons a write fails that the user can do something about.
NOT_WRITABLE = frozenset(
    {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
)


def write_problem(exc: BaseException) -> OSError | None:
    """The OSError behind `exc` (itself, or its cause) when a write failed because the data
    folder is read-only, not ours or full; None for anything else."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return None
        if isinstance(seen, OSError) and seen.errno in NOT_WRITABLE:
            return seen
        seen = seen.__cause__ or seen.__context__
    return None
