"""Groups and their participants: nicknames only, each with a colour and a shape.

Participants persist within their group so that change can be followed over sessions; one
who leaves keeps their history (`leave`, `rejoin`), and only erasure (`remove_participant`,
used by `forget`) removes them. Stored in `groups.json` (TinyDB, atomic writes, 0600).

Several processes share the file (the game window, `forget`, `simulate` runs, a second
window), so it has one writer at a time: every change takes an inter-process lock
(`groups.json.lock`, filelock), re-reads the file inside it and writes the result atomically.
Every read re-reads the file too (it is small), so a store held open for hours never writes
back, or shows, a copy older than what another process wrote.
"""

from __future__ import annotations

import contextlib
import errno
import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from filelock import FileLock
from pydantic import BaseModel, ConfigDict
from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage

from . import _files, paths
from ._time import Clock, iso, utc_now
from .errors import (
    GroupsDamagedError,
    InvalidInput,
    LogDamagedError,
    LogVersionError,
    NotFound,
)
from .log.storage import AtomicJSONStorage
from .validation import check_group_name, check_nickname

SCHEMA = "porukka-groups"
SCHEMA_VERSION = 1
LOCK_TIMEOUT = 30.0  # seconds; another writer holds the lock only for one small rewrite


class Marker(NamedTuple):
    """How a participant is told apart on the screen: a colour and a shape, never colour
    alone (the Okabe–Ito colours stay distinct with the common kinds of colour blindness)."""

    colour: str  # "#RRGGBB"
    colour_name: str
    shape: str


PALETTE: tuple[Marker, ...] = (
    Marker("#E69F00", "orange", "circle"),
    Marker("#56B4E9", "sky-blue", "square"),
    Marker("#009E73", "bluish-green", "triangle"),
    Marker("#F0E442", "yellow", "diamond"),
    Marker("#0072B2", "blue", "star"),
    Marker("#D55E00", "vermillion", "hexagon"),
    Marker("#CC79A7", "reddish-purple", "cross"),
    Marker("#999999", "grey", "heart"),
)
SHAPES: tuple[str, ...] = tuple(m.shape for m in PALETTE)


class Group(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    created: str
    # Made by `porukka simulate` for demo data and rehearsal; no real person is in it.
    simulated: bool = False


class Participant(BaseModel):
    """A participant: a random id that never changes, a nickname, a marker, and whether
    they still come (`active`) or have left (`left` is when)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    group: str
    nickname: str
    colour: str
    shape: str
    active: bool = True
    joined: str
    left: str | None = None

    @property
    def marker(self) -> Marker:
        return next(
            (m for m in PALETTE if m.colour == self.colour and m.shape == self.shape),
            Marker(self.colour, "", self.shape),
        )


def new_id(prefix: str) -> str:
    return f"{prefix}{secrets.token_hex(6)}"


def _fold(name: str) -> str:
    return name.casefold()


class GroupStore:
    """The groups file. `GroupStore()` opens the one in the data folder."""

    def __init__(
        self,
        path: Path | None = None,
        *,
        db: TinyDB | None = None,
        clock: Clock = utc_now,
        make_id: Callable[[str], str] = new_id,
    ) -> None:
        """`make_id(prefix)` makes new group and participant ids (the simulator passes a
        seeded one so that a run can be repeated exactly)."""
        if db is None:
            path = path if path is not None else paths.groups_path()
            paths.private_dir(path.parent)
            db = TinyDB(path, storage=AtomicJSONStorage, tidy=False)
        self.db = db
        self.path = path if isinstance(db.storage, AtomicJSONStorage) else None
        self._lock = (
            FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT, mode=0o600)
            if self.path is not None else None
        )
        self.clock = clock
        self.make_id = make_id
        self._groups = db.table("groups")
        self._people = db.table("participants")
        self._meta = db.table("meta")
        try:
            with self._writing():
                if self.path is not None:
                    _files.remove_durably(_files.stray_temps(self.path))  # a crash's leftovers
                meta = self._meta
                header = meta.get(doc_id=1)
                if header is None:
                    if len(self._groups) or len(self._people):
                        raise LogDamagedError("the groups file has no header")
                    meta.insert({"schema": SCHEMA, "version": SCHEMA_VERSION})
            self._check_header()
        except LogVersionError:
            raise
        except LogDamagedError as exc:
            raise GroupsDamagedError(self.path or "groups", str(exc)) from None

    def _fresh(self) -> None:
        """Forget every cached copy: the next read comes from the file as it is now."""
        storage = self.db.storage
        if isinstance(storage, AtomicJSONStorage):
            storage.invalidate()
            for table in (self._groups, self._people, self._meta):
                table.clear_cache()
                # TinyDB keeps the next document id; another process may have used it.
                table._next_id = None

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One writer at a time across processes; what is changed is read inside the lock."""
        if self._lock is None:
            yield
            return
        try:
            self._lock.acquire()
        except OSError as exc:
            if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise
            # A read-only data folder (an archived copy): no lock file can be made, and no
            # writer can change the file either, so reading needs no lock; a write still fails
            # with the usual "the data folder cannot be written" message.
            self._fresh()
            yield
            return
        try:
            self._fresh()
            yield
        finally:
            try:
                self._fresh()
            finally:
                self._lock.release()

    def _check_header(self) -> None:
        self._fresh()
        header = self._meta.get(doc_id=1)
        if header is None:
            raise LogDamagedError("the groups file has no header")
        if header.get("schema") != SCHEMA:
            raise LogDamagedError("the groups file is not a Porukka groups file")
        if header.get("version") != SCHEMA_VERSION:
            raise LogVersionError(
                f"the groups file has version {header.get('version')!r}; this Porukka reads "
                f"version {SCHEMA_VERSION}. Update Porukka to open it."
            )

    def remove_leftovers(self) -> int:
        """Remove old copies a crash during a rewrite left beside the file (erasure needs
        them gone); under the lock, so no writer's new copy is taken for one."""
        if self.path is None:
            return 0
        with self._writing():
            return _files.remove_durably(_files.stray_temps(self.path))

    @classmethod
    def in_memory(cls, clock: Clock = utc_now) -> GroupStore:
        return cls(db=TinyDB(storage=MemoryStorage), clock=clock)

    def close(self) -> None:
        self.db.close()

    # -- groups --

    def create_group(self, name: str, *, simulated: bool = False) -> Group:
        with self._writing():
            name = check_group_name(name)
            if self.find_group(name) is not None:
                raise InvalidInput("group-name-taken", f"there is already a group {name!r}")
            group = Group(
                id=self.make_id("g-"), name=name, created=iso(self.clock()), simulated=simulated
            )
            self._groups.insert(group.model_dump())
            return group

    def groups(self) -> list[Group]:
        self._fresh()
        return sorted(
            (Group.model_validate(dict(d)) for d in self._groups.all()),
            key=lambda g: _fold(g.name),
        )

    def group(self, group_id: str) -> Group:
        self._fresh()
        doc = self._groups.get(Query().id == group_id)
        if doc is None:
            raise NotFound(f"there is no group {group_id!r}")
        return Group.model_validate(dict(doc))

    def find_group(self, name_or_id: str) -> Group | None:
        """A group by its id or its name (case does not matter)."""
        want = _fold(" ".join(name_or_id.split()))
        for group in self.groups():
            if group.id == name_or_id or _fold(group.name) == want:
                return group
        return None

    def rename_group(self, group_id: str, name: str) -> Group:
        with self._writing():
            self.group(group_id)
            name = check_group_name(name)
            other = self.find_group(name)
            if other is not None and other.id != group_id:
                raise InvalidInput("group-name-taken", f"there is already a group {name!r}")
            self._groups.update({"name": name}, Query().id == group_id)
            return self.group(group_id)

    # -- participants --

    def participants(self, group_id: str, *, include_left: bool = False) -> list[Participant]:
        """In the order they joined."""
        self._fresh()
        found = [
            Participant.model_validate(dict(d))
            for d in self._people.search(Query().group == group_id)
        ]
        found.sort(key=lambda p: p.joined)
        return [p for p in found if include_left or p.active]

    def participant(self, participant_id: str) -> Participant:
        self._fresh()
        doc = self._people.get(Query().id == participant_id)
        if doc is None:
            raise NotFound(f"there is no participant {participant_id!r}")
        return Participant.model_validate(dict(doc))

    def find_participant(self, group_id: str, nickname: str) -> Participant | None:
        want = _fold(" ".join(nickname.split()))
        for p in self.participants(group_id, include_left=True):
            if _fold(p.nickname) == want:
                return p
        return None

    def nicknames(self, ids: Iterable[str]) -> dict[str, str]:
        """id → nickname for the ids that still exist (erased ones are simply missing)."""
        self._fresh()
        wanted = set(ids)
        return {
            d["id"]: d["nickname"] for d in self._people.all() if d.get("id") in wanted
        }

    def _check_unique(self, group_id: str, nickname: str, own_id: str | None = None) -> None:
        other = self.find_participant(group_id, nickname)
        if other is not None and other.id != own_id:
            raise InvalidInput("nickname-taken", f"the group already has {nickname!r}")

    def free_marker(self, group_id: str) -> Marker:
        """The first marker no active participant has; when all are taken, the least used."""
        used = Counter(p.marker for p in self.participants(group_id))
        return min(PALETTE, key=lambda m: (used[m], PALETTE.index(m)))

    def _check_marker(self, group_id: str, marker: Marker, own_id: str | None = None) -> Marker:
        if marker not in PALETTE:
            raise InvalidInput("marker-unknown", f"{marker} is not in the palette")
        others = [p for p in self.participants(group_id) if p.id != own_id]
        taken = {p.marker for p in others}
        if marker in taken and len(taken) < len(PALETTE):
            raise InvalidInput(
                "marker-taken", f"another participant already has {marker.colour_name} "
                f"{marker.shape}"
            )
        return marker

    def add_participant(
        self, group_id: str, nickname: str, marker: Marker | None = None
    ) -> Participant:
        with self._writing():
            self.group(group_id)
            nickname = check_nickname(nickname)
            self._check_unique(group_id, nickname)
            marker = (
                self.free_marker(group_id) if marker is None
                else self._check_marker(group_id, marker)
            )
            person = Participant(
                id=self.make_id("p-"),
                group=group_id,
                nickname=nickname,
                colour=marker.colour,
                shape=marker.shape,
                joined=iso(self.clock()),
            )
            self._people.insert(person.model_dump())
            return person

    def _update(self, participant_id: str, fields: dict[str, Any]) -> Participant:
        with self._writing():
            self.participant(participant_id)
            self._people.update(fields, Query().id == participant_id)
            return self.participant(participant_id)

    def rename_participant(self, participant_id: str, nickname: str) -> Participant:
        with self._writing():
            person = self.participant(participant_id)
            nickname = check_nickname(nickname)
            self._check_unique(person.group, nickname, own_id=participant_id)
            return self._update(participant_id, {"nickname": nickname})

    def set_marker(self, participant_id: str, marker: Marker) -> Participant:
        with self._writing():
            person = self.participant(participant_id)
            marker = self._check_marker(person.group, marker, own_id=participant_id)
            return self._update(
                participant_id, {"colour": marker.colour, "shape": marker.shape}
            )

    def leave(self, participant_id: str) -> Participant:
        """They no longer come; their history stays."""
        return self._update(participant_id, {"active": False, "left": iso(self.clock())})

    def rejoin(self, participant_id: str) -> Participant:
        return self._update(participant_id, {"active": True, "left": None})

    def remove_participant(self, participant_id: str) -> bool:
        """Erase a participant from the groups file (see `sessions.forget_participant`)."""
        with self._writing():
            return bool(self._people.remove(Query().id == participant_id))
