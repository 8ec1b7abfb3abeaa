"""The session log: one TinyDB database per session, every event durable once logged.

Each session lives in its own files under `sessions/` (see `storage.JournalStorage`), so
logging an event costs the same whether 1 or 1,000 sessions are stored, and writing one
session can never damage another. A log holds two tables: `session` (one header document:
schema, version, session id, story) and `events` (document id = sequence number).

Every event records the schema version, session id, sequence number (1, 2, 3, …), UTC time
(ISO 8601), story id and content hash, kind, scene, and a payload whose shape each kind fixes
(the `*Data` models of `records`, checked when logging and again when reading). Only
participant ids, numbers, the story's own texts and an optional one-word feedback are stored:
no names, no free text.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from .. import _files
from .._time import Clock, iso, utc_now
from ..errors import (
    DamagedEventError,
    EmptySession,
    LogDamagedError,
    LogError,
    LogVersionError,
    NotFound,
)
from .records import (
    KINDS,
    PAYLOADS,
    REFLECTION_PRIVACY,
    SCHEMA_VERSION,
    STATE_DELTA,
    STATE_KINDS,
    WRITTEN_KINDS,
    ChoicesOfferedData,
    ChoiceTakenData,
    CounsellorActionData,
    DecisionMadeData,
    EndingReachedData,
    FeedbackData,
    Kind,
    LineData,
    OfferedData,
    Payload,
    Record,
    ReflectionPrivacy,
    ReflectionRatingData,
    SceneEnteredData,
    SessionEndedData,
    SessionStartedData,
    SessionStatus,
    SkippedToEndingData,
    StoryRef,
    VoteAttendanceData,
    VoteCastData,
    VoteCountsData,
    check_payload,
    version_message,
)
from .storage import DEFAULT_COMPACT_LINES, JournalStorage

# The record and payload models live in `records` (a leaf module); they are named here too so
# that `from facilitator.log.eventlog import Record` keeps working.
__all__ = [
    "EVENTS_TABLE", "HEADER_TABLE", "KINDS", "PAYLOADS", "REFLECTION_PRIVACY", "SCHEMA",
    "SCHEMA_VERSION", "STATE_KINDS", "ChoiceTakenData", "ChoicesOfferedData",
    "CounsellorActionData", "DecisionMadeData", "EndingReachedData", "FeedbackData", "Kind",
    "LineData", "OfferedData", "Payload", "Record", "ReflectionPrivacy", "ReflectionRatingData",
    "SceneEnteredData", "SessionEndedData", "SessionLog", "SessionStartedData", "SessionStatus",
    "SkippedToEndingData", "StoryRef", "VoteAttendanceData", "VoteCastData", "VoteCountsData",
    "WRITTEN_KINDS", "check_payload",
    "session_file", "session_files", "version_message",
]

SCHEMA = "porukka-session-log"
HEADER_TABLE = "session"
EVENTS_TABLE = "events"
# A stored event's key: its sequence number in plain decimal (no sign, no leading zero).
_SEQ_KEY = re.compile(r"0|[1-9][0-9]{0,17}")


# --- the log --------------------------------------------------------------------------------


class SessionLog:
    """One session's log. `log()` is durable when it returns (with a file storage).

    For a writer thread see `recorder.BackgroundWriter`: `prepare()` numbers and checks an
    event at once, in the caller's thread; `write()` makes prepared records durable, in order.
    """

    def __init__(
        self,
        db: TinyDB,
        *,
        clock: Clock = utc_now,
        where: str | None = None,
        path: Path | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.path = path  # the log's file, named when an event in it is damaged
        header = db.table(HEADER_TABLE).get(doc_id=1)
        self.where = where or "the session log"
        if header is None:
            raise LogDamagedError(f"{self.where} has no session header")
        if not isinstance(header, Mapping) or header.get("schema") != SCHEMA:
            raise LogDamagedError(f"{self.where} is not a Porukka session log")
        if header.get("version") != SCHEMA_VERSION:
            raise LogVersionError(version_message(self.where, header.get("version")))
        if not _header_fits(header):
            raise LogDamagedError(f"{self.where}: the session header is damaged")
        self.session_id: str = header["session"]
        self.story_id: str | None = header.get("story")
        self.story_hash: str | None = header.get("story_hash")
        self.created: str = header.get("created", "")
        self._events = db.table(EVENTS_TABLE)
        ids = self._event_ids((db.storage.read() or {}).get(EVENTS_TABLE, {}))
        # After an erasure the last events may be gone; their numbers are never used again.
        self._next_seq = max(ids[-1:] + [header.get("last_erased_seq", 0)]) + 1
        self._written_seq = self._next_seq - 1
        self._prepare_lock = threading.Lock()
        self._write_lock = threading.RLock()
        self.writer: Any = None  # a BackgroundWriter when one is attached

    # -- making --

    @classmethod
    def create(
        cls,
        db: TinyDB,
        session_id: str,
        *,
        story_id: str | None,
        story_hash: str | None,
        clock: Clock = utc_now,
        where: str | None = None,
        started: Mapping[str, Any] | SessionStartedData | None = None,
        path: Path | None = None,
    ) -> SessionLog:
        """A new log. With `started` (a session_started payload), the header and that first
        event are stored in one durable write: a crash leaves both or neither."""
        if db.storage.read():
            raise LogError(f"{where or 'the log'} already holds a session")
        now = iso(clock())
        header = {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "session": session_id,
            "story": story_id,
            "story_hash": story_hash,
            "created": now,
        }
        tables: dict[str, dict[str, Any]] = {HEADER_TABLE: {"1": header}}
        if started is not None:
            first = Record(
                version=SCHEMA_VERSION, session=session_id, seq=1, time=now, story=story_id,
                story_hash=story_hash, scene=None,
                payload=check_payload("session_started", started),
            )
            tables[EVENTS_TABLE] = {"1": first.to_doc()}
        db.storage.write(tables)
        return cls(db, clock=clock, where=where, path=path)

    @classmethod
    def in_memory(
        cls,
        session_id: str = "test-session",
        *,
        story_id: str | None = "test-story",
        story_hash: str | None = None,
        clock: Clock = utc_now,
    ) -> SessionLog:
        """A log in TinyDB's MemoryStorage, for tests and rehearsal."""
        db = TinyDB(storage=MemoryStorage)
        return cls.create(db, session_id, story_id=story_id, story_hash=story_hash, clock=clock)

    @classmethod
    def create_file(
        cls,
        path: Path,
        session_id: str,
        *,
        story_id: str | None,
        story_hash: str | None,
        clock: Clock = utc_now,
        compact_lines: int = DEFAULT_COMPACT_LINES,
        started: Mapping[str, Any] | SessionStartedData | None = None,
    ) -> SessionLog:
        if path.exists():
            raise LogError(f"{path} already exists")
        db = TinyDB(path, storage=JournalStorage, compact_lines=compact_lines)
        try:
            return cls.create(
                db, session_id, story_id=story_id, story_hash=story_hash, clock=clock,
                where=f"session {session_id}", started=started, path=path,
            )
        except BaseException:
            db.close()
            raise

    @classmethod
    def open_file(
        cls,
        path: Path,
        *,
        writable: bool = False,
        clock: Clock = utc_now,
        compact_lines: int = DEFAULT_COMPACT_LINES,
    ) -> SessionLog:
        """Open a stored session; read-only opens create, lock and repair nothing."""
        journal = path.with_name(path.stem + ".journal")
        if not path.exists() and not journal.exists():
            raise NotFound(f"there is no session {path.stem}")
        db = TinyDB(
            path, storage=JournalStorage, read_only=not writable, compact_lines=compact_lines
        )
        try:
            if not db.storage.read():
                raise EmptySession(f"session {path.stem} holds nothing; it never started")
            log = cls(db, clock=clock, where=f"session {path.stem}", path=path)
            if log.session_id != path.stem:  # e.g. another session's log copied over it
                raise LogDamagedError(
                    f"{path} holds the log of another session ({log.session_id[:40]!r})")
            return log
        except BaseException:
            db.storage.close(compact=False)  # type: ignore[call-arg]  # reason: JournalStorage
            raise

    # -- logging --

    @property
    def last_seq(self) -> int:
        """The sequence number of the last event prepared (durable or queued)."""
        return self._next_seq - 1

    @property
    def durable_seq(self) -> int:
        """Every event up to this sequence number is stored."""
        return self._written_seq

    def prepare(
        self, kind: str, data: Mapping[str, Any] | Payload, *, scene: str | None = None
    ) -> Record:
        """Check and number an event now (not yet stored). `data` is the payload model of
        `kind`, or a mapping validated into it. Raises InvalidInput."""
        payload = check_payload(kind, data)
        with self._prepare_lock:
            seq = self._next_seq
            self._next_seq += 1
            return Record(
                version=SCHEMA_VERSION,
                session=self.session_id,
                seq=seq,
                time=iso(self.clock()),
                story=self.story_id,
                story_hash=self.story_hash,
                scene=scene,
                payload=payload,
            )

    def write(self, records: Sequence[Record]) -> None:
        """Store prepared records, in order, with one durable write."""
        if not records:
            return
        with self._write_lock:
            expected = self._written_seq + 1
            if records[0].seq != expected or any(
                b.seq != a.seq + 1 for a, b in zip(records, records[1:], strict=False)
            ):
                raise LogError(
                    f"records must be written in order: expected {expected}, "
                    f"got {[r.seq for r in records]}"
                )
            storage = self.db.storage
            if isinstance(storage, JournalStorage):
                if storage.has(EVENTS_TABLE, str(records[0].seq)):
                    raise LogError(f"event {records[0].seq} is already stored")
                storage.write_changes({EVENTS_TABLE: {str(r.seq): r.to_doc() for r in records}})
                self._events.clear_cache()
            else:
                self._events.insert_multiple(
                    Document(r.to_doc(), doc_id=r.seq) for r in records
                )
            self._written_seq = records[-1].seq

    def submit(
        self, kind: str, data: Mapping[str, Any] | Payload, *, scene: str | None = None
    ) -> int:
        """`log()`, returning the sequence number (the same call as `BackgroundWriter.submit`)."""
        return self.log(kind, data, scene=scene).seq

    def log(
        self, kind: str, data: Mapping[str, Any] | Payload, *, scene: str | None = None
    ) -> Record:
        """Log one event; it is durable when this returns (also with a writer attached)."""
        if self.writer is not None:
            return self.writer.log(kind, data, scene=scene)
        with self._write_lock:
            record = self.prepare(kind, data, scene=scene)
            try:
                self.write([record])
            except BaseException:
                with self._prepare_lock:
                    if self._next_seq == record.seq + 1:
                        self._next_seq = record.seq  # nothing was stored: reuse the number
                raise
            return record

    # -- reading --

    def records(self, kinds: Iterable[str] | None = None) -> list[Record]:
        wanted = set(kinds) if kinds is not None else None
        raw = (self.db.storage.read() or {}).get(EVENTS_TABLE, {})
        docs = [raw[str(seq)] for seq in self._event_ids(raw)]
        if wanted is not None:
            docs = [doc for doc in docs if doc.get("kind") in wanted]
        return Record.from_docs(docs, self.where, self.path)

    def _event_ids(self, raw: Mapping[str, Any]) -> list[int]:
        """The stored events' sequence numbers, in order; a key that is not one is damage."""
        if not all(map(_SEQ_KEY.fullmatch, raw)):
            key = next(k for k in raw if not _SEQ_KEY.fullmatch(k))
            raise DamagedEventError(self.where, self.path, None,
                                    f"{key[:40]!r} is not a sequence number")
        return sorted(map(int, raw))

    def header(self) -> dict[str, Any]:
        return dict(self.db.table(HEADER_TABLE).get(doc_id=1) or {})

    # -- rewriting (erasure) --

    def rewrite(self, keep: Callable[[Record], Record | None]) -> tuple[int, int]:
        """Pass every event through `keep` (None removes it), number what is left 1, 2, 3, …
        again and store it, then compact so that nothing removed remains in any file.
        Renumbering leaves no gap that would point at where removed events were (nor a
        header field counting them). Returns (removed, changed)."""
        kept: list[Record] = []
        removed = changed = 0
        for record in self.records():
            new = keep(record)
            if new is None:
                removed += 1
                continue
            if new != record:
                changed += 1
            kept.append(new)
        header = self.header()
        if not removed and not changed and "last_erased_seq" not in header:
            return 0, 0
        header.pop("last_erased_seq", None)
        # A new edition of the log: what was derived from the old one by its sequence numbers
        # (e.g. the ids of statements sent to an organisation's LRS) is not that of the new.
        header["edition"] = int(header.get("edition", 0)) + 1
        renumbered = _renumbered(kept)
        with self._write_lock, self._prepare_lock:
            self.db.storage.write({
                HEADER_TABLE: {"1": header},
                EVENTS_TABLE: {str(r.seq): r.to_doc() for r in renumbered},
            })
            for table in (self._events, self.db.table(HEADER_TABLE)):
                table.clear_cache()
            self._next_seq = len(renumbered) + 1
            self._written_seq = len(renumbered)
        self.compact()
        return removed, changed

    # -- closing --

    def compact(self) -> None:
        storage = self.db.storage
        if isinstance(storage, JournalStorage):
            storage.compact()

    def settle(self) -> None:
        """Compact when the journal holds anything, so that closing changes no data file
        (it only removes the empty journal): what is stored is final while still locked."""
        storage = self.db.storage
        if isinstance(storage, JournalStorage):
            storage.settle()

    def close(self, *, compact: bool = True) -> None:
        try:
            if self.writer is not None:
                self.writer.close()
        finally:
            storage = self.db.storage
            if isinstance(storage, JournalStorage):
                storage.close(compact=compact and not storage.read_only)
            else:
                self.db.close()

    def __enter__(self) -> SessionLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _header_fits(header: Mapping[str, Any]) -> bool:
    def text_or_none(key: str) -> bool:
        return header.get(key) is None or isinstance(header.get(key), str)

    erased = header.get("last_erased_seq", 0)
    return (
        isinstance(header.get("session"), str) and bool(header["session"])
        and text_or_none("story") and text_or_none("story_hash")
        and isinstance(header.get("created", ""), str)
        and isinstance(erased, int) and not isinstance(erased, bool) and erased >= 0
    )


def session_file(folder: Path, session_id: str) -> Path:
    return folder / f"{session_id}.json"


def session_files(folder: Path, session_id: str) -> list[Path]:
    """Every file a session may have: crash leftovers first, then summary, journal and
    snapshot. Deleting in this order means a crash midway never leaves leftovers without the
    session's own files (whose presence is what makes opening look for leftovers)."""
    base = session_file(folder, session_id)
    summary = folder / f"{session_id}.summary.json"
    ballot = folder / f"{session_id}.ballot"  # an open ballot's votes (recorder.BallotBox)
    temps = _files.stray_temps(base) + _files.stray_temps(summary) + _files.stray_temps(ballot)
    leftovers = [p for p in temps if p.exists() or os.path.lexists(p)]
    return [*leftovers, ballot, summary, folder / f"{session_id}.journal", base]


def _renumbered(kept: Sequence[Record]) -> list[Record]:
    """The records numbered 1, 2, 3, … again; a stored state delta names the event it changes
    by its number (`base`), so that is carried over to the new numbers as well."""
    new_seq = {r.seq: i for i, r in enumerate(kept, 1)}
    out = []
    for r in kept:
        update: dict[str, Any] = {"seq": new_seq[r.seq]}
        state = r.state
        if state and state.get("schema") == STATE_DELTA and state.get("base") in new_seq:
            payload = r.payload.model_copy(
                update={"state": {**state, "base": new_seq[state["base"]]}})
            update["payload"] = payload
        out.append(r.model_copy(update=update))
    return out
