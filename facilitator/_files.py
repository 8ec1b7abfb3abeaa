"""Durable file primitives: private creation, fsync, atomic replace with a synced folder."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from .paths import FILE_MODE

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # reason: fcntl is POSIX-only

_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
# Opening these for reading could block (a FIFO), never end (a device) or read another file
# (a link): flags that make `open` itself refuse or return at once.
NO_FOLLOW = _O_NOFOLLOW
SAFE_READ = os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_CLOEXEC | _O_BINARY
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


class NotRegularFileError(OSError):
    """A path that is a folder, FIFO, device, socket or link where a data file belongs."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind
        super().__init__(f"{path} is a {kind}, not a regular file")


def file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "FIFO (named pipe)"),
                       (stat.S_ISLNK, "symbolic link"), (stat.S_ISSOCK, "socket"),
                       (stat.S_ISCHR, "device"), (stat.S_ISBLK, "device")):
        if test(mode):
            return kind
    return "file" if stat.S_ISREG(mode) else "special file"


def check_regular(path: Path) -> bool:
    """True for a regular file, False when nothing is there; NotRegularFileError for anything
    else. Looks without opening (`lstat`), so a FIFO or a link is never followed."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFileError(path, file_kind(st.st_mode))
    return True


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file. FileNotFoundError when it is absent, NotRegularFileError
    (never opened for reading) when it is a folder, FIFO, device or link."""
    if not check_regular(path):
        raise FileNotFoundError(2, "No such file or directory", str(path))
    try:
        fd = os.open(path, SAFE_READ)
    except OSError as exc:
        if exc.errno == getattr(os, "ELOOP", None):
            raise NotRegularFileError(path, "symbolic link") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # replaced between the look and the open
            raise NotRegularFileError(path, file_kind(st.st_mode))
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
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
        if not check_regular(path):
            return False
        fd = os.open(path, SAFE_READ)
    except OSError:  # not a regular file, or gone: no session can be writing to it
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
