"""The session log: one TinyDB database per session, every event durable once logged.

Each session lives in its own files under `sessions/` (see `storage.JournalStorage`), so
logging an event costs the same whether 1 or 1,000 sessions are stored, and writing one
session can never damage another. A log holds two tables: `session` (one header document:
schema, version, session id, story) and `events` (document id = sequence number).

Every event records the schema version, session id, sequence number (1, 2, 3, …), UTC time
(ISO 8601), story id and content hash, kind, scene, and a payload (`data`) whose shape each kind
fixes (the `*Data` models below, checked when logging). Only participant ids, numbers, the
story's own texts and an optional one-word feedback are stored: no names, no free text.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Document

from game.play.events import CounsellorActionKind, DecisionHow, VoteMode

from .. import _files
from .._time import Clock, iso, parse_time, utc_now
from ..errors import (
    EmptySession,
    InvalidInput,
    LogDamagedError,
    LogError,
    LogVersionError,
    NotFound,
)
from ..validation import check_feedback_word
from .storage import DEFAULT_COMPACT_LINES, JournalStorage

SCHEMA = "porukka-session-log"
SCHEMA_VERSION = 1
HEADER_TABLE = "session"
EVENTS_TABLE = "events"

Kind = Literal[
    "session_started", "scene_entered", "choices_offered", "vote_cast", "vote_counts",
    "decision_made", "choice_taken", "skipped_to_ending", "ending_reached",
    "counsellor_action", "reflection_rating", "feedback", "session_ended",
]
ReflectionPrivacy = Literal["private", "skip"]
REFLECTION_PRIVACY: tuple[ReflectionPrivacy, ...] = ("private", "skip")
SessionStatus = Literal["finished", "interrupted"]


# --- payloads, one per kind -----------------------------------------------------------------


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class StoryRef(_Data):
    id: str
    hash: str | None
    title: str


class SessionStartedData(_Data):
    group: str
    present: list[str]  # participant ids
    vote_mode: VoteMode
    reflection: ReflectionPrivacy
    language: str
    story: StoryRef
    # Played by `porukka simulate` (demo data, rehearsal, load tests), not by a real group.
    # Logs written before the field existed lack it and read as real sessions.
    simulated: bool = False


class LineData(_Data):
    text: str
    name: str | None = None  # the speaker's name as shown
    who: str | None = None  # the character's id


class SceneEnteredData(_Data):
    lines: list[LineData]
    variables: dict[str, int | bool]
    reflect: bool = False
    state: dict[str, Any]  # `StoryState.to_json()`, parsed: resume from here exactly


class OfferedData(_Data):
    id: str
    number: int
    text: str
    domains: list[str]


class ChoicesOfferedData(_Data):
    choices: list[OfferedData]
    discuss: str | None = None
    timer: int | None = None


class VoteCastData(_Data):
    participant: str
    choice: str


class VoteCountsData(_Data):
    counts: dict[str, int]

    @field_validator("counts")
    @classmethod
    def _not_negative(cls, value: dict[str, int]) -> dict[str, int]:
        if any(n < 0 for n in value.values()):
            raise ValueError("a count cannot be negative")
        return value


class DecisionMadeData(_Data):
    choice: str
    how: DecisionHow
    seconds: float = Field(ge=0)
    tally: dict[str, int]
    split: bool
    domains: list[str]
    offered: list[str]
    state: dict[str, Any] | None  # the state after the decision


class ChoiceTakenData(_Data):
    choice: str
    number: int
    text: str
    domains: list[str]


class SkippedToEndingData(_Data):
    target: str


class EndingReachedData(_Data):
    title: str
    mood: str


class UndoneData(_Data):
    """The decision a "back" took back: the decision_made at `scene` with `choice`."""

    scene: str
    choice: str


class CounsellorActionData(_Data):
    action: CounsellorActionKind
    # One token such as "1.25" or "+60": never free text.
    detail: str = Field(default="", max_length=40, pattern=r"^[\w.:+\-]*$")
    state: dict[str, Any] | None = None  # the state after the action (e.g. after "back")
    # "back" only: the decision it took back. Logs written before the field existed lack it.
    undone: UndoneData | None = None


class ReflectionRatingData(_Data):
    participant: str
    domain: str
    value: int | None = Field(ge=0, le=10)  # None: the participant skipped


class FeedbackData(_Data):
    participant: str
    face: int | None = Field(ge=1, le=5)  # 1–5; None: skipped
    word: str | None = None

    @field_validator("word")
    @classmethod
    def _one_word(cls, value: str | None) -> str | None:
        return check_feedback_word(value)


class SessionEndedData(_Data):
    status: SessionStatus


PAYLOADS: dict[str, type[_Data]] = {
    "session_started": SessionStartedData,
    "scene_entered": SceneEnteredData,
    "choices_offered": ChoicesOfferedData,
    "vote_cast": VoteCastData,
    "vote_counts": VoteCountsData,
    "decision_made": DecisionMadeData,
    "choice_taken": ChoiceTakenData,
    "skipped_to_ending": SkippedToEndingData,
    "ending_reached": EndingReachedData,
    "counsellor_action": CounsellorActionData,
    "reflection_rating": ReflectionRatingData,
    "feedback": FeedbackData,
    "session_ended": SessionEndedData,
}
KINDS: tuple[str, ...] = tuple(PAYLOADS)
STATE_KINDS = frozenset({"scene_entered", "decision_made", "counsellor_action"})


def check_payload(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The payload as stored, or InvalidInput saying what is wrong with it."""
    model = PAYLOADS.get(kind)
    if model is None:
        raise InvalidInput("log-kind", f"unknown event kind {kind!r}", kind=kind)
    try:
        return model.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        err = exc.errors()[0]
        cause = err.get("ctx", {}).get("error")
        if isinstance(cause, InvalidInput):
            raise cause from None
        where = ".".join(str(p) for p in err["loc"])
        raise InvalidInput(
            "log-payload", f"{kind}: {where}: {err['msg']}", kind=kind, field=where
        ) from None


# --- records --------------------------------------------------------------------------------


class Record(BaseModel):
    """One logged event as stored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    session: str
    seq: int
    time: str
    story: str | None
    story_hash: str | None
    kind: str
    scene: str | None
    data: dict[str, Any]

    @property
    def when(self) -> datetime:
        return parse_time(self.time)

    @property
    def state_json(self) -> str | None:
        """The runtime state this event carries, as `Runtime.restore` takes it."""
        state = self.data.get("state")
        if not state:
            return None
        return json.dumps(state, ensure_ascii=False, sort_keys=True)

    def to_doc(self) -> dict[str, Any]:
        return self.model_dump()

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any], where: str = "the log") -> Record:
        version = doc.get("version")
        if version != SCHEMA_VERSION:
            raise LogVersionError(version_message(where, version))
        try:
            return cls.model_validate(dict(doc))
        except ValidationError as exc:
            msg = exc.errors()[0]["msg"]
            raise LogDamagedError(f"{where}: an event is damaged: {msg}") from None


def version_message(where: str, version: Any) -> str:
    if isinstance(version, int) and version > SCHEMA_VERSION:
        return (
            f"{where} was written by a newer Porukka (log version {version}); this Porukka "
            f"reads version {SCHEMA_VERSION}. Update Porukka to open it."
        )
    return f"{where} has log version {version!r}; this Porukka reads version {SCHEMA_VERSION}."


# --- the log --------------------------------------------------------------------------------


class SessionLog:
    """One session's log. `log()` is durable when it returns (with a file storage).

    For a writer thread see `recorder.BackgroundWriter`: `prepare()` numbers and checks an
    event at once, in the caller's thread; `write()` makes prepared records durable, in order.
    """

    def __init__(self, db: TinyDB, *, clock: Clock = utc_now, where: str | None = None) -> None:
        self.db = db
        self.clock = clock
        header = db.table(HEADER_TABLE).get(doc_id=1)
        self.where = where or "the session log"
        if header is None:
            raise LogDamagedError(f"{self.where} has no session header")
        if not isinstance(header, Mapping) or header.get("schema") != SCHEMA:
            raise LogDamagedError(f"{self.where} is not a Porukka session log")
        if header.get("version") != SCHEMA_VERSION:
            raise LogVersionError(version_message(self.where, header.get("version")))
        self.session_id: str = header["session"]
        self.story_id: str | None = header.get("story")
        self.story_hash: str | None = header.get("story_hash")
        self.created: str = header.get("created", "")
        self._events = db.table(EVENTS_TABLE)
        ids = [int(k) for k in (db.storage.read() or {}).get(EVENTS_TABLE, {})]
        # After an erasure the last events may be gone; their numbers are never used again.
        self._next_seq = max(ids + [header.get("last_erased_seq", 0)], default=0) + 1
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
        started: Mapping[str, Any] | None = None,
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
                story_hash=story_hash, kind="session_started", scene=None,
                data=check_payload("session_started", started),
            )
            tables[EVENTS_TABLE] = {"1": first.to_doc()}
        db.storage.write(tables)
        return cls(db, clock=clock, where=where)

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
        started: Mapping[str, Any] | None = None,
    ) -> SessionLog:
        if path.exists():
            raise LogError(f"{path} already exists")
        db = TinyDB(path, storage=JournalStorage, compact_lines=compact_lines)
        try:
            return cls.create(
                db, session_id, story_id=story_id, story_hash=story_hash, clock=clock,
                where=f"session {session_id}", started=started,
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
            return cls(db, clock=clock, where=f"session {path.stem}")
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

    def prepare(self, kind: str, data: Mapping[str, Any], *, scene: str | None = None) -> Record:
        """Check and number an event now (not yet stored). Raises InvalidInput."""
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
                kind=kind,
                scene=scene,
                data=payload,
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

    def submit(self, kind: str, data: Mapping[str, Any], *, scene: str | None = None) -> int:
        """`log()`, returning the sequence number (the same call as `BackgroundWriter.submit`)."""
        return self.log(kind, data, scene=scene).seq

    def log(self, kind: str, data: Mapping[str, Any], *, scene: str | None = None) -> Record:
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
        out = []
        for key in sorted(raw, key=int):
            doc = raw[key]
            if wanted is None or doc.get("kind") in wanted:
                out.append(Record.from_doc(doc, self.where))
        return out

    def header(self) -> dict[str, Any]:
        return dict(self.db.table(HEADER_TABLE).get(doc_id=1) or {})

    # -- rewriting (erasure) --

    def rewrite(self, keep: Callable[[Record], Record | None]) -> tuple[int, int]:
        """Pass every event through `keep` (None removes it) and store the result, then
        compact so that nothing removed remains in any file. Returns (removed, changed)."""
        removed: list[int] = []
        changed: dict[int, dict[str, Any]] = {}
        if self.last_seq:
            self.db.table(HEADER_TABLE).update(
                {"last_erased_seq": self.last_seq}, doc_ids=[1]
            )
        for record in self.records():
            new = keep(record)
            if new is None:
                removed.append(record.seq)
            elif new != record:
                changed[record.seq] = new.to_doc()
        if removed:
            self._events.remove(doc_ids=removed)
        for seq, doc in changed.items():
            self._events.update(doc, doc_ids=[seq])
        self.compact()
        return len(removed), len(changed)

    # -- closing --

    def compact(self) -> None:
        storage = self.db.storage
        if isinstance(storage, JournalStorage):
            storage.compact()

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


def session_file(folder: Path, session_id: str) -> Path:
    return folder / f"{session_id}.json"


def session_files(folder: Path, session_id: str) -> list[Path]:
    """Every file a session may have: crash leftovers first, then summary, journal and
    snapshot. Deleting in this order means a crash midway never leaves leftovers without the
    session's own files (whose presence is what makes opening look for leftovers)."""
    base = session_file(folder, session_id)
    summary = folder / f"{session_id}.summary.json"
    temps = _files.stray_temps(base) + _files.stray_temps(summary)
    leftovers = [p for p in temps if p.exists() or os.path.lexists(p)]
    return leftovers + [summary, folder / f"{session_id}.journal", base]
