"""Durable file primitives: private creation, fsync, atomic replace with a synced folder."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .paths import FILE_MODE

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # reason: fcntl is POSIX-only

_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
TEMP_SUFFIX = ".tmp"


def fsync(fd: int) -> None:
    """Flush to the device; on macOS plain fsync stops at the drive's cache."""
    full = getattr(fcntl, "F_FULLFSYNC", None) if fcntl is not None else None
    if full is not None:
        try:
            fcntl.fcntl(fd, full)
            return
        except OSError:
            pass
    os.fsync(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename, creation or removal in `path` durable (no-op where folders can't be
    opened, i.e. Windows)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY | _O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_private(path: Path, flags: int) -> int:
    """os.open with mode 0600 (the umask can only narrow it further)."""
    return os.open(path, flags | _O_CLOEXEC | _O_BINARY, FILE_MODE)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def stray_temps(path: Path) -> list[Path]:
    """Temporary files a crash left behind for `path` (they may hold old data: remove them)."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except FileNotFoundError:
        return []
    return [path.parent / n for n in names if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)]


def atomic_write(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file:
    write a temporary file, fsync it, rename it over, fsync the folder. `sync=False` skips
    both fsyncs: a killed process still leaves the old or the new file, a power cut may
    leave neither (for data that is only a convenience to keep, such as an open ballot)."""
    tmp = temp_name(path)
    fd = open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    try:
        try:
            write_all(fd, data)
            if sync:
                fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if sync:
        fsync_dir(path.parent)


def remove_durably(paths: list[Path]) -> int:
    """Unlink the files that exist, then fsync their folders; returns how many were removed."""
    removed = 0
    folders: set[Path] = set()
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        removed += 1
        folders.add(path.parent)
    for folder in folders:
        fsync_dir(folder)
    return removed


def try_lock(fd: int) -> bool:
    """An exclusive advisory lock on an open file; False if someone else holds it."""
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def is_locked(path: Path) -> bool:
    """Whether some open handle holds the lock on `path` (a session open for writing)."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | _O_CLOEXEC)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False


def append_line(path: Path, line: str) -> None:
    """Append one line to a private file and fsync it (the folder too when it is new)."""
    new = not path.exists()
    fd = open_private(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        write_all(fd, (line.rstrip("\n") + "\n").encode("utf-8"))
        fsync(fd)
    finally:
        os.close(fd)
    if new:
        fsync_dir(path.parent)
