"""Erasure and retention: `forget` one person everywhere, `purge` sessions past their age.

Both work in two steps, so the command can say exactly what will go and ask first: a plan
(`plan_forget`, `plan_purge`) that reads only, then the deed (`forget`, `purge`) that returns
what it removed. Saved reports in the data folder (`reports/`, written by `open_report`) are
part of the data: they go with the person or the session they show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import _files
from ..errors import LogError, NotFound
from ..groups import Group, Participant
from ..log.eventlog import session_files
from ..sessions import ForgetCounts, SessionStore

REPORTS_DIR = "reports"


def reports_dir(store: SessionStore) -> Path:
    return store.root / REPORTS_DIR


def saved_reports(store: SessionStore) -> list[Path]:
    folder = reports_dir(store)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file())


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
    person = plan.person
    counts = store.forget_participant(plan.group.id, person.id)
    # A crash while the groups file was being rewritten may have left an old copy beside it.
    store.groups.remove_leftovers()
    marks = (person.id.encode("utf-8"), person.nickname.encode("utf-8"))
    gone = [p for p in saved_reports(store) if any(m in p.read_bytes() for m in marks)]
    removed = _files.remove_durably(gone)
    return ForgetResult(plan, counts, removed)


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


def purge(store: SessionStore, items: list[PurgeItem]) -> list[tuple[PurgeItem, int]]:
    """Delete each session's every file (and its saved reports); open ones are skipped.
    Returns (item, files removed) for each session deleted."""
    done = []
    reports = saved_reports(store)
    for item in items:
        if item.open:
            continue
        files = store.delete_session(item.id)
        files += _files.remove_durably(
            [p for p in reports if p.name.startswith(f"{item.id}.")])
        done.append((item, files))
    return done
