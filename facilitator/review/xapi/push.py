"""Which statements wait, and sending them: the outbox and the session logs put together.

`collect` reads the sessions (newest settings, filters) and returns what the LRS has not yet
acknowledged; `push` sends it in batches, writing `attempt` before and `ack` after each
request, so that a kill at any moment loses nothing and, since the ids are stable, never makes
a statement twice. A batch the LRS refuses is split in halves until the refused statements
are found (at most about twice as many requests as statements); those are recorded as rejected
with the LRS's reason and the rest go on. Nothing is retried without end: each request gets
`XapiConfig.retries` more tries with backoff, then the push stops and the rest waits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ...errors import FacilitatorError
from ...log.eventlog import SessionLog, session_file
from ...sessions import SessionStore, SessionSummary
from ._quick import session_stamp
from ._records import KINDS, SessionFacts, session_facts
from .outbox import Outbox, OutboxState
from .statements import (
    Made,
    Options,
    Statement,
    namespace,
    session_statements,
    void_id,
    voiding_statement,
)

if TYPE_CHECKING:
    from .client import LrsClient
    from .config import XapiConfig


@dataclass
class Collected:
    statements: list[Made] = field(default_factory=list)
    voids: list[Statement] = field(default_factory=list)
    sessions: list[str] = field(default_factory=list)  # sessions read
    by_session: dict[str, list[str]] = field(default_factory=dict)  # session -> its ids
    stamps: dict[str, str] = field(default_factory=dict)  # session -> its files, when read
    left_out_simulated: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.statements) + len(self.voids)

    def bodies(self) -> list[Statement]:
        return self.voids + [m.statement for m in self.statements]


def read_facts(store: SessionStore, session_id: str) -> SessionFacts | None:
    log = SessionLog.open_file(session_file(store.folder, session_id))
    try:
        return session_facts(log.records(KINDS), int(log.header().get("edition", 0)))
    finally:
        log.close()


def sessions_for(store: SessionStore, *, group: str | None, since: date | None,
                 include_simulated: bool, until: date | None = None
                 ) -> tuple[list[SessionSummary], int]:
    """The sessions that can be sent (oldest first): not open now; demo data only when
    asked. Returns them and how many simulated ones were left out."""
    out, skipped = [], 0
    for s in store.list_sessions(group=group, since=since, until=until):
        if s.status == "in-progress":
            continue
        if s.simulated and not include_simulated:
            skipped += 1
            continue
        out.append(s)
    out.sort(key=lambda s: (s.started, s.id))
    return out, skipped


def collect(
    store: SessionStore,
    options: Options,
    state: OutboxState | None,
    *,
    group: str | None = None,
    since: date | None = None,
    until: date | None = None,
    include_simulated: bool = False,
    retry_rejected: bool = False,
    pending_only: bool = True,
    now: str | None = None,
) -> Collected:
    """The statements to send: those the LRS has not acknowledged (`pending_only`), or all of
    them with every voiding statement, for an export. Statements whose erasure is recorded
    are never made again."""
    from ..._time import iso, utc_now

    state = state or OutboxState()
    fresh = not pending_only or not (state.acked or state.rejected or state.voids)
    out = Collected()
    summaries, out.left_out_simulated = sessions_for(
        store, group=group, since=since, until=until, include_simulated=include_simulated)
    out.unreadable = list(store.unreadable)
    fp = options.fingerprint()
    for s in summaries:
        stamp = session_stamp(store.folder, s.id)  # before reading: a later change shows
        if not fresh and not retry_rejected and state.done.get(s.id) == (fp, stamp):
            continue
        try:
            facts = read_facts(store, s.id)
        except FacilitatorError as exc:
            out.unreadable.append((s.id, str(exc)))
            continue
        if facts is None:
            continue
        out.sessions.append(s.id)
        out.stamps[s.id] = stamp
        ids = []
        for made in session_statements(facts, options):
            sid = made.statement["id"]
            ids.append(sid)
            if sid in state.voids or (pending_only and sid in state.acked):
                continue
            if pending_only and sid in state.rejected and not retry_rejected:
                continue
            out.statements.append(made)
        out.by_session[s.id] = ids
    when = now or iso(utc_now())
    ns_voids = [(t, at) for t, (at, _why) in sorted(state.voids.items(), key=lambda kv: kv[1])]
    ns = namespace(options.base_iri)
    for target, at in ns_voids:
        if pending_only and void_id(ns, target) in state.acked:
            continue
        out.voids.append(voiding_statement(target, at or when, options))
    return out


@dataclass
class PushResult:
    sent: int = 0  # acknowledged in this push
    rejected: list[tuple[str, int, str]] = field(default_factory=list)  # id, status, reason
    error: Exception | None = None  # what stopped the push, if anything
    waiting: int = 0  # still waiting afterwards


def push(
    outbox: Outbox,
    collected: Collected,
    client: LrsClient,
    *,
    batch: int,
    fingerprint: str,
    on_progress: Callable[[int], None] | None = None,
) -> PushResult:
    """Send what `collect` found. The outbox must be `locked()`."""
    from .client import LrsError, LrsRejected

    result = PushResult()
    queue = collected.bodies()

    def deliver(part: Sequence[dict[str, Any]]) -> None:
        ids = [s["id"] for s in part]
        outbox.append([{"t": "attempt", "ids": ids}])
        try:
            status = client.post_statements(part)
        except LrsRejected as exc:
            if len(part) == 1:
                outbox.append([{"t": "reject", "ids": ids, "status": exc.status,
                                "reason": exc.detail}])
                result.rejected.append((ids[0], exc.status or 0, exc.detail))
                return
            half = len(part) // 2
            deliver(part[:half])
            deliver(part[half:])
            return
        outbox.append([{"t": "ack", "ids": ids, "status": status}])
        result.sent += len(ids)
        if on_progress is not None:
            on_progress(result.sent)

    try:
        for i in range(0, len(queue), batch):
            deliver(queue[i:i + batch])
    except LrsError as exc:
        result.error = exc
        outbox.append([{"t": "fail", "reason": str(exc)}])
    mark_done(outbox, collected, fingerprint, ok=result.error is None)
    state = outbox.state
    result.waiting = sum(1 for s in queue if s["id"] not in state.acked
                         and s["id"] not in state.rejected)
    return result


def mark_done(outbox: Outbox, collected: Collected, fingerprint: str, *, ok: bool) -> None:
    """Record the sessions whose every statement the LRS has (so the next push skips their
    logs) and, with `ok`, that this push succeeded."""
    state = outbox.state
    done: list[dict[str, Any]] = []
    for sid, stamp in collected.stamps.items():
        if state.done.get(sid) == (fingerprint, stamp):
            continue
        ids = collected.by_session.get(sid, [])
        if all(i in state.acked or i in state.voids or i in state.rejected for i in ids):
            done.append({"t": "done", "session": sid, "fp": fingerprint, "stamp": stamp})
    if ok:
        done.append({"t": "ok"})
    outbox.append(done)


def push_to_lrs(
    outbox: Outbox, collected: Collected, config: XapiConfig, *, fingerprint: str
) -> PushResult:
    """`push` through a client of the configured LRS, closed after (also on an error)."""
    from .client import LrsClient

    client = LrsClient(config)
    try:
        return push(outbox, collected, client, batch=config.batch, fingerprint=fingerprint)
    finally:
        client.close()
