"""TinyDB storages that survive a crash, a `kill -9` or a power cut.

`AtomicJSONStorage` rewrites its whole file atomically on every write: right for small files
such as the groups. `JournalStorage` is the session log's: each write appends only what
changed, as one JSON line, and fsyncs before returning, so the cost of a write does not depend
on how much is already stored; the full snapshot is rewritten atomically only now and then
(compaction). Both keep their files private (0600).

Files of a `JournalStorage` at `x.json`:

- `x.json`: the last compacted snapshot, in TinyDB's own JSON layout (`{table: {id: doc}}`),
  so any TinyDB can read it;
- `x.journal`: one line per write since then, `{"t": {table: {id: doc | null}}, "x": [dropped
  tables]}` (a null document was removed). A torn last line (a crash mid-write) is ignored
  and cut off before the next append.

Replaying the journal over the snapshot is idempotent, so a crash between renaming a new
snapshot into place and emptying the journal loses and doubles nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from .. import _files
from ..errors import LogDamagedError, LogError, LogWriteError, SessionBusyError
from ..paths import private_file

Tables = dict[str, dict[str, dict[str, Any]]]

JOURNAL_SUFFIX = ".journal"
DEFAULT_COMPACT_LINES = 512
DEFAULT_COMPACT_BYTES = 8 * 1024 * 1024


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _copy(tables: Tables) -> Tables:
    # TinyDB changes the tables it reads in place (`Table.update` edits documents): hand it
    # copies down to each document's top level, so the cache always equals what is on disk.
    return {name: {k: dict(v) for k, v in docs.items()} for name, docs in tables.items()}


def _parse(raw: bytes | str, where: str) -> Any:
    """JSON from a data file; damage of any kind (bytes, syntax, nesting too deep for the
    parser) is a LogDamagedError naming the file."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        reason = "it is nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise LogDamagedError(f"{where} is not valid JSON: {reason}") from None


def _read(path: Path) -> bytes:
    """A data file's bytes; FileNotFoundError when absent; LogDamagedError when it is not a
    regular file (a FIFO is never opened) or cannot be read."""
    try:
        return _files.read_regular(path)
    except FileNotFoundError:
        raise
    except _files.NotRegularFileError as exc:
        raise LogDamagedError(str(exc)) from None
    except OSError as exc:
        raise LogDamagedError(f"{path} cannot be read: {exc.strerror or exc}") from None


def _is_entry(entry: Any) -> bool:
    """A journal line's shape: `{"t": {table: {id: doc | null}}, "x": [table, ...]}`."""
    if not isinstance(entry, dict) or not entry.keys() <= {"t", "x"}:
        return False
    dropped = entry.get("x", [])
    tables = entry.get("t", {})
    return (
        isinstance(dropped, list) and all(isinstance(n, str) for n in dropped)
        and isinstance(tables, dict)
        and all(
            isinstance(docs, dict)
            and all(doc is None or isinstance(doc, dict) for doc in docs.values())
            for docs in tables.values()
        )
    )


def _check_tables(data: Any, where: str) -> Tables:
    if not isinstance(data, dict) or not all(
        isinstance(docs, dict) and all(isinstance(d, dict) for d in docs.values())
        for docs in data.values()
    ):
        raise LogDamagedError(f"{where} is not a TinyDB database")
    return data


class AtomicJSONStorage(Storage):
    """The whole database in one JSON file, replaced atomically on each write."""

    def __init__(
        self, path: str | os.PathLike[str], *, read_only: bool = False, tidy: bool = True
    ) -> None:
        """`tidy`: remove what a crash left (temporary files) now; a file shared by
        processes passes False and tidies under its lock, where no one is writing."""
        self.path = Path(path)
        self.read_only = read_only
        self._text: str | None = None
        if not read_only and tidy:
            _files.remove_durably(_files.stray_temps(self.path))
        private_file(self.path)

    def invalidate(self) -> None:
        """The next `read` reads the file again (another process may have replaced it)."""
        self._text = None

    def read(self) -> Tables | None:
        if self._text is None:
            try:
                raw = _read(self.path)
            except FileNotFoundError:
                return None
            try:
                self._text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise LogDamagedError(f"{self.path} is not valid JSON: {exc}") from None
        if not self._text:
            return None
        return _check_tables(_parse(self._text, str(self.path)), str(self.path))

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        if self.read_only:
            raise LogWriteError(f"{self.path} was opened read-only")
        text = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
        try:
            _files.atomic_write(self.path, text.encode("utf-8"))
        except OSError as exc:
            raise LogWriteError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self._text = text


class JournalStorage(Storage):
    """A snapshot plus an append-only journal; every `write` is durable when it returns.

    `compact_lines` / `compact_bytes`: compact when the journal is that long. `read_only`
    opens without creating, locking or repairing anything (listing, reports). A writable
    storage holds an exclusive lock on the journal so two windows can't write one session.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        read_only: bool = False,
        compact_lines: int = DEFAULT_COMPACT_LINES,
        compact_bytes: int = DEFAULT_COMPACT_BYTES,
    ) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.stem + JOURNAL_SUFFIX)
        self.read_only = read_only
        self.compact_lines = compact_lines
        self.compact_bytes = compact_bytes
        self.compactions = 0
        self._tables: Tables | None = None
        self._fd: int | None = None
        self._valid_size = 0  # bytes of the journal that hold whole, valid lines
        self._file_size = 0  # bytes in the journal file, torn tail included
        self._lines = 0
        self._closed = False
        if not read_only:
            # A brand-new session has neither file, so nothing of it can have been left behind
            # by a crash: skip listing the whole sessions folder (it grows with every session).
            known = self.path.exists() or self.journal_path.exists()
            self._open_journal()
            if known:
                # Leftovers of a compaction cut short: old data that should not linger.
                _files.remove_durably(_files.stray_temps(self.path))
            private_file(self.path)

    # -- opening and reading --

    def _open_journal(self) -> None:
        try:
            existed = _files.check_regular(self.journal_path)
            _files.check_regular(self.path)
        except _files.NotRegularFileError as exc:
            raise LogDamagedError(str(exc)) from None
        fd = _files.open_private(
            self.journal_path, os.O_RDWR | os.O_CREAT | os.O_APPEND | _files.NO_FOLLOW
        )
        if not _files.try_lock(fd):
            os.close(fd)
            raise SessionBusyError(f"{self.path.stem} is already open for writing")
        self._fd = fd
        if existed:
            private_file(self.journal_path)
        else:
            _files.fsync_dir(self.journal_path.parent)

    def _snapshot_identity(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def _load(self) -> Tables:
        if self._fd is not None:  # the writer: nobody else can compact under us
            tables = self._read_snapshot()
            os.lseek(self._fd, 0, os.SEEK_SET)
            chunks = []
            while chunk := os.read(self._fd, 1 << 20):
                chunks.append(chunk)
            raw = b"".join(chunks)
        else:
            # A reader next to a live writer: if a compaction replaced the snapshot while we
            # read, the journal we read may already have been emptied. Read again.
            for _ in range(50):
                before = self._snapshot_identity()
                tables = self._read_snapshot()
                try:
                    raw = _read(self.journal_path)
                except FileNotFoundError:
                    raw = b""
                if self._snapshot_identity() == before:
                    break
            else:
                raise LogError(f"{self.path.stem} kept changing while being read; try again")
        self._valid_size, self._lines = self._replay(tables, raw)
        self._file_size = len(raw)
        return tables

    def _read_snapshot(self) -> Tables:
        try:
            raw_snapshot = _read(self.path)
        except FileNotFoundError:
            return {}
        return _check_tables(_parse(raw_snapshot, str(self.path)), str(self.path))

    def _replay(self, tables: Tables, raw: bytes) -> tuple[int, int]:
        """Apply the journal's whole lines; stop at a torn tail. Returns (valid bytes, lines)."""
        offset = 0
        lines = 0
        while offset < len(raw):
            end = raw.find(b"\n", offset)
            entry = None
            if end != -1:
                try:
                    entry = json.loads(raw[offset:end])
                except (ValueError, RecursionError):
                    entry = None
                else:
                    if not _is_entry(entry):
                        # Whole, valid JSON, but not what this storage writes: damage.
                        raise LogDamagedError(
                            f"{self.journal_path}: line {lines + 1} is not a journal entry"
                        )
            if entry is None:
                # A torn tail is the last thing in the file: any whole line after it means the
                # file was damaged some other way, and guessing would lose data silently.
                if end != -1 and self._any_line_after(raw, end + 1):
                    raise LogDamagedError(
                        f"{self.journal_path}: line {lines + 1} is damaged and is followed by "
                        "more entries"
                    )
                return offset, lines
            self._apply(tables, entry)
            lines += 1
            offset = end + 1
        return offset, lines

    @staticmethod
    def _any_line_after(raw: bytes, start: int) -> bool:
        for line in raw[start:].split(b"\n")[:-1]:
            try:
                if isinstance(json.loads(line), dict):
                    return True
            except (ValueError, RecursionError):
                continue
        return False

    @staticmethod
    def _apply(tables: Tables, entry: Mapping[str, Any]) -> None:
        for name in entry.get("x", ()):
            tables.pop(name, None)
        for name, docs in entry.get("t", {}).items():
            table = tables.setdefault(name, {})
            for doc_id, doc in docs.items():
                if doc is None:
                    table.pop(doc_id, None)
                else:
                    table[doc_id] = doc

    def read(self) -> Tables | None:
        if self._tables is None:
            self._tables = self._load()
        if self.read_only:
            # Nothing can be written through a read-only storage, so no TinyDB update can
            # leave a changed cache behind: readers (listing, reports) skip the copy.
            return self._tables
        return _copy(self._tables)

    # -- writing --

    def _diff(self, data: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
        assert self._tables is not None
        changed: dict[str, dict[str, Any]] = {}
        for name, docs in data.items():
            old = self._tables.get(name)
            if old is None:
                changed[name] = dict(docs)
                continue
            delta = {k: v for k, v in docs.items() if old.get(k) != v}
            for k in old.keys() - docs.keys():
                delta[k] = None
            if delta:
                changed[name] = delta
        entry: dict[str, Any] = {}
        dropped = [name for name in self._tables if name not in data]
        if dropped:
            entry["x"] = dropped
        if changed:
            entry["t"] = changed
        return entry

    def write(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        if self.read_only or self._fd is None:
            raise LogWriteError(f"{self.path.stem} was opened read-only or is closed")
        if self._tables is None:
            self._tables = self._load()
        entry = self._diff(data)
        if entry:
            self._commit(entry)

    def write_changes(self, changes: Mapping[str, Mapping[str, Any]]) -> None:
        """Store just these documents (`{table: {id: doc or None}}`) with one durable append,
        without TinyDB handing over the whole database: the session log's appends cost the
        same at the 1st event and the 1,000th."""
        if self.read_only or self._fd is None:
            raise LogWriteError(f"{self.path.stem} was opened read-only or is closed")
        if self._tables is None:
            self._tables = self._load()
        if changes:
            self._commit({"t": {name: dict(docs) for name, docs in changes.items()}})

    def has(self, table: str, doc_id: str) -> bool:
        if self._tables is None:
            self._tables = self._load()
        return doc_id in self._tables.get(table, {})

    def _commit(self, entry: Mapping[str, Any]) -> None:
        assert self._tables is not None
        line = _dumps(entry)
        self.append_line(line)
        # The cache takes what was written, parsed back: it equals the disk exactly.
        self._apply(self._tables, json.loads(line))
        if self._lines >= self.compact_lines or self._valid_size >= self.compact_bytes:
            try:
                self.compact()
            except LogWriteError:
                # The entry is durable in the journal already: the write succeeded, and a
                # caller retrying it would store it twice. Compaction waits for the next one.
                pass

    def append_line(self, line: str) -> None:
        """Append one journal line and fsync; on failure nothing of it is kept."""
        assert self._fd is not None
        payload = (line + "\n").encode("utf-8")
        try:
            if self._file_size != self._valid_size:
                os.ftruncate(self._fd, self._valid_size)  # cut off a torn tail first
                self._file_size = self._valid_size
            _files.write_all(self._fd, payload)
            _files.fsync(self._fd)
        except OSError as exc:
            self._file_size = -1  # unknown: cut back to the valid size before the next append
            try:
                os.ftruncate(self._fd, self._valid_size)
                self._file_size = self._valid_size
            except OSError:
                pass
            raise LogWriteError(
                f"cannot write the log {self.journal_path}: {exc.strerror or exc}"
            ) from exc
        self._valid_size += len(payload)
        self._file_size = self._valid_size
        self._lines += 1

    @property
    def journal_lines(self) -> int:
        return self._lines

    def compact(self) -> None:
        """Write the whole state as the new snapshot (atomically), then empty the journal."""
        if self.read_only or self._fd is None:
            raise LogWriteError(f"{self.path.stem} was opened read-only or is closed")
        if self._tables is None:
            self._tables = self._load()
        try:
            _files.atomic_write(self.path, _dumps(self._tables).encode("utf-8"))
            os.ftruncate(self._fd, 0)
            _files.fsync(self._fd)
        except OSError as exc:
            raise LogWriteError(f"cannot compact {self.path}: {exc.strerror or exc}") from exc
        self._valid_size = self._file_size = 0
        self._lines = 0
        self.compactions += 1

    def settle(self) -> None:
        """Compact if the journal holds anything (or there is no snapshot yet), so that
        closing changes no data file: it only removes the empty journal."""
        if self._tables is None:
            self._tables = self._load()
        if self._lines or self._file_size or not self.path.exists():
            self.compact()

    def close(self, *, compact: bool = True) -> None:
        """Release the lock; a writable storage compacts first and removes its empty journal."""
        if self._closed:
            return
        self._closed = True
        if self._fd is None:
            return
        try:
            if compact:
                if self._tables is None:
                    self._tables = self._load()
                if self._lines or self._file_size or not self.path.exists():
                    self.compact()
                # Unlink while still holding the lock, so no one else can be appending.
                _files.remove_durably([self.journal_path])
        finally:
            os.close(self._fd)
            self._fd = None
