"""Erasure and retention: `forget` one person everywhere, `purge` sessions past their age.

Both work in two steps, so the command can say exactly what will go and ask first: a plan
(`plan_forget`, `plan_purge`) that reads only, then the deed (`forget`, `purge`) that returns
what it removed and what it could not. Saved reports in the data folder (`reports/`, written
by `open_report`) are part of the data: they go with the person or the session they show.
`delete_session` removes one session whatever state its files are in (the way to finish an
erasure that a damaged file stopped).

Each erasure and purge is noted in the register of processing (`erasures.jsonl`: date, group,
how many records; never a person). Reports and exports written with `-o` outside the data
folder are noted in `written-elsewhere.jsonl` (their paths only) so that these commands can
remind the worker of the copies that are theirs to delete.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import _files
from ..errors import LogError, NotFound
from ..groups import Group, Participant
from ..log.eventlog import session_files
from ..sessions import ForgetCounts, SessionStore

REPORTS_DIR = "reports"
OUTPUTS_FILE = "written-elsewhere.jsonl"


def reports_dir(store: SessionStore) -> Path:
    return store.root / REPORTS_DIR


def saved_reports(store: SessionStore) -> list[Path]:
    folder = reports_dir(store)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file())


# --- copies written elsewhere -------------------------------------------------------------


def note_output(store: SessionStore, path: Path, what: str) -> None:
    """Remember that a report or an export was written to `path` (outside the data folder)."""
    where = path.resolve()
    if where.is_relative_to(store.root.resolve()):
        return
    line = json.dumps({"path": str(where), "what": what}, ensure_ascii=False)
    _files.append_line(store.root / OUTPUTS_FILE, line)


def outputs_elsewhere(store: SessionStore) -> list[Path]:
    """The reports and exports written outside the data folder that are still there."""
    try:
        lines = (store.root / OUTPUTS_FILE).read_text("utf-8").splitlines()
    except OSError:
        return []
    found: dict[str, None] = {}
    for line in lines:
        try:
            path = json.loads(line).get("path")
        except (ValueError, AttributeError):
            continue
        if isinstance(path, str) and Path(path).exists():
            found[path] = None
    return [Path(p) for p in found]


# --- forget ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ForgetPlan:
    group: Group
    person: Participant
    sessions: tuple[str, ...]  # sessions whose files name the person


@dataclass(frozen=True)
class ForgetResult:
    plan: ForgetPlan
    counts: ForgetCounts
    reports_removed: int


def find_person(store: SessionStore, group: Group, pseudonym: str) -> Participant:
    """By nickname (case does not matter) or by id, within the group. Raises NotFound."""
    person = store.groups.find_participant(group.id, pseudonym)
    if person is None:
        try:
            person = store.groups.participant(pseudonym)
        except NotFound:
            person = None
    if person is None or person.group != group.id:
        raise NotFound(f"group {group.name} has no participant {pseudonym!r}")
    return person


def plan_forget(store: SessionStore, group: Group, pseudonym: str) -> ForgetPlan:
    person = find_person(store, group, pseudonym)
    needle = person.id.encode("utf-8")
    named = []
    for sid in store.session_ids():
        for path in session_files(store.folder, sid):
            try:
                if needle in path.read_bytes():
                    named.append(sid)
                    break
            except FileNotFoundError:
                continue
    return ForgetPlan(group, person, tuple(named))


def forget(store: SessionStore, plan: ForgetPlan) -> ForgetResult:
    """Erase the person from every session file, the groups file and the saved reports."""
    from .xapi.erasure import record_forget  # what was sent to an LRS gets voided there

    person = plan.person
    record_forget(store, person.id, plan.sessions)
    counts = store.forget_participant(plan.group.id, person.id)
    # A crash while the groups file was being rewritten may have left an old copy beside it.
    store.groups.remove_leftovers()
    marks = (person.id.encode("utf-8"), person.nickname.encode("utf-8"))
    gone = [p for p in saved_reports(store) if any(m in p.read_bytes() for m in marks)]
    removed = _files.remove_durably(gone)
    return ForgetResult(plan, counts, removed)


# --- one session ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DeletedSession:
    id: str
    files: int
    reports: int


def delete_session(store: SessionStore, session_id: str) -> DeletedSession:
    """Remove every file of one session (also a damaged one) and its saved reports; note it
    in the register. Raises NotFound when it has no files, SessionBusyError when open."""
    if not any(p.exists() for p in session_files(store.folder, session_id)):
        store._log_path(session_id)  # a name that cannot be a session: NotFound
        raise NotFound(f"there is no session {session_id!r}")
    try:
        summary = store.summary(session_id)
        group, records = summary.group, summary.events
    except (LogError, NotFound):
        # Damaged: what it held cannot be counted; its group is as its summary last said.
        known = store.last_known(session_id)
        group, records = (known.group if known is not None else "?"), 0
    from .xapi.erasure import record_purge  # what was sent to an LRS gets voided there

    record_purge(store, [session_id])
    files = store.delete_session(session_id)
    reports = _files.remove_durably(
        [p for p in saved_reports(store) if p.name.startswith(f"{session_id}.")])
    store.register("delete-session", group, records, sessions=1)
    return DeletedSession(session_id, files, reports)


# --- purge -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PurgeItem:
    id: str
    started: datetime
    group: str  # the group's name, or its id when the session cannot be read
    story: str
    open: bool  # being played right now: never purged


def session_time(session_id: str) -> datetime | None:
    """When a session started, from its id (`20250114T093012Z-…`): works for damaged logs."""
    try:
        return datetime.strptime(session_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def plan_purge(
    store: SessionStore,
    older_than: timedelta,
    *,
    now: datetime | None = None,
    group: Group | None = None,
) -> tuple[datetime, list[PurgeItem]]:
    """The sessions that started before now − `older_than` (oldest first), and that limit."""
    limit = (now or datetime.now(UTC)) - older_than
    names = {g.id: g.name for g in store.groups.groups()}
    items = []
    for sid in store.session_ids():
        try:
            summary = store.summary(sid)
        except (LogError, NotFound):
            started = session_time(sid)
            if started is None or started >= limit or group is not None:
                continue  # a damaged session is only purged when purging every group
            items.append(PurgeItem(sid, started, "?", "?", False))
            continue
        if summary.started >= limit or (group is not None and summary.group != group.id):
            continue
        items.append(PurgeItem(sid, summary.started, names.get(summary.group, summary.group),
                               summary.story_title, summary.status == "in-progress"))
    items.sort(key=lambda i: (i.started, i.id))
    return limit, items


@dataclass(frozen=True)
class PurgeResult:
    done: list[tuple[PurgeItem, int]]  # (item, files removed) for each session deleted
    failed: list[tuple[PurgeItem, str]]  # could not be deleted (open now, or the disk said no)


def purge(store: SessionStore, items: list[PurgeItem]) -> PurgeResult:
    """Delete each session's every file (and its saved reports); open ones are skipped, and a
    session that cannot be deleted does not stop the rest. Noted in the register, per group."""
    from .xapi.erasure import record_purge  # what was sent to an LRS gets voided there

    record_purge(store, [i.id for i in items if not i.open])
    done: list[tuple[PurgeItem, int]] = []
    failed: list[tuple[PurgeItem, str]] = []
    reports = saved_reports(store)
    per_group: dict[str, list[int]] = {}
    for item in items:
        if item.open:
            failed.append((item, "open"))
            continue
        try:
            records = store.summary(item.id).events
            group = store.summary(item.id).group
        except (LogError, NotFound):
            records, group = 0, item.group
        try:
            files = store.delete_session(item.id)
            files += _files.remove_durably(
                [p for p in reports if p.name.startswith(f"{item.id}.")])
        except (LogError, OSError) as exc:
            failed.append((item, str(exc)))
            continue
        done.append((item, files))
        tally = per_group.setdefault(group, [0, 0])
        tally[0] += records
        tally[1] += 1
    for group, (records, sessions) in per_group.items():
        store.register("purge", group, records, sessions=sessions)
    return PurgeResult(done, failed)
