"""Per-organisation pseudonyms: HMAC-SHA256 of a participant's id under a key that never
leaves this machine (`xapi/pseudonym.key` in the data folder, 32 random bytes, 0600).

The LRS sees the same pseudonym for the same person across sessions, so change can be followed,
but nobody without the key can tell which participant it is, or link it to another
organisation's data. The key is made once, the first time it is needed.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from ... import _files, paths

KEY_FILE = "pseudonym.key"
KEY_BYTES = 32


def key_path(root: Path) -> Path:
    return root / "xapi" / KEY_FILE


def load_or_create_key(root: Path) -> bytes:
    path = key_path(root)
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        key = b""
    if len(key) == KEY_BYTES:
        paths.private_file(path)
        return key
    paths.private_dir(path.parent)
    new = secrets.token_bytes(KEY_BYTES)
    try:  # exclusive creation: two processes making the key at once end with one key
        fd = _files.open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError:
        key = path.read_bytes()
        if len(key) == KEY_BYTES:
            return key
        _files.atomic_write(path, new)  # a torn key file from a crash: nothing used it yet
        return new
    try:
        _files.write_all(fd, new)
        _files.fsync(fd)
    finally:
        os.close(fd)
    _files.fsync_dir(path.parent)
    return new


def pseudonymiser(key: bytes) -> Callable[[str], str]:
    def pseudonym(participant_id: str) -> str:
        return hmac.new(key, participant_id.encode("utf-8"), hashlib.sha256).hexdigest()

    return pseudonym
