"""Where Porukka keeps its data, and keeping it private: folders 0700, files 0600.

The data folder is platformdirs' user data folder, or `PORUKKA_DATA_DIR` when it is set (the
tests and demos set it so they never touch a counsellor's real data). Nothing here, or
anywhere in the facilitator, reaches the network.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "PORUKKA_DATA_DIR"
DIR_MODE = 0o700
FILE_MODE = 0o600
SESSIONS = "sessions"
GROUPS_FILE = "groups.json"

# Windows has no POSIX modes; the user's profile folder is already private there.
POSIX = os.name == "posix"


def data_dir(create: bool = True) -> Path:
    """The data folder, created private (0700) when missing."""
    env = os.environ.get(ENV_VAR)
    root = Path(env).expanduser() if env else Path(user_data_dir("porukka", appauthor=False))
    return private_dir(root) if create else root


def sessions_dir(root: Path | None = None) -> Path:
    return private_dir((root if root is not None else data_dir()) / SESSIONS)


def groups_path(root: Path | None = None) -> Path:
    return (root if root is not None else data_dir()) / GROUPS_FILE


def _narrow(path: Path | str, mode: int) -> bool:
    """chmod, unless the file cannot be changed at all (a read-only copy of a data folder,
    someone else's file): then it is left as it is, for reading. True when changed."""
    try:
        os.chmod(path, mode)
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EPERM, errno.EACCES):
            return False
        raise
    return True


def private_dir(path: Path) -> Path:
    """Make `path` (and missing parents) with mode 0700; narrow it if it exists wider."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if POSIX:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode != DIR_MODE:
            _narrow(path, DIR_MODE)
    return path


def private_file(path: Path) -> None:
    """Narrow an existing file to 0600 if anyone else could read or write it."""
    if POSIX:
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            return
        if mode != FILE_MODE:
            _narrow(path, FILE_MODE)


def secure_tree(root: Path) -> list[Path]:
    """Check every folder and file under `root` (data left by an older version, a copy
    made by hand); returns what had to be narrowed."""
    fixed: list[Path] = []
    if not POSIX or not root.exists():
        return fixed
    for folder, _dirs, files in os.walk(root):
        here = Path(folder)
        if stat.S_IMODE(here.stat().st_mode) != DIR_MODE and _narrow(here, DIR_MODE):
            fixed.append(here)
        for name in files:
            path = here / name
            try:
                st = os.lstat(path)
            except FileNotFoundError:
                continue
            if stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) != FILE_MODE and \
                    _narrow(path, FILE_MODE):
                fixed.append(path)
    return fixed
