"""What `forget` and `purge` owe the LRS: voiding statements for what was sent.

Called before the data is erased (while the logs can still say which statements held it).
Every statement that was acknowledged, or attempted and perhaps stored, is recorded in the
outbox as to be voided; the next push sends the voiding statements, and the voided ids are
never made again. Without an outbox (nothing ever sent) there is nothing to do, and nothing
is created.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...errors import FacilitatorError
from ...sessions import SessionStore
from . import outbox as _outbox
from .config import ConfigError, load_config
from .push import read_facts
from .statements import DEFAULT_BASE_IRI, all_statement_ids, person_statement_ids


def _base_iri(store: SessionStore) -> str:
    try:
        return load_config(store.root).base_iri
    except ConfigError:
        return DEFAULT_BASE_IRI


def _record(store: SessionStore, targets_of: Iterable[tuple[str, str | None]], why: str) -> int:
    """`targets_of`: (session id, participant id or None for the whole session)."""
    if not (_outbox.folder(store.root) / _outbox.JOURNAL).exists():
        return 0
    base = _base_iri(store)
    box = _outbox.Outbox(store.root)
    with box.locked() as ob:
        sent = set(ob.state.acked) | ob.state.attempted
        targets: set[str] = set()
        for session_id, participant in targets_of:
            try:
                facts = read_facts(store, session_id)
            except FacilitatorError:
                continue
            if facts is None:
                continue
            ids = (all_statement_ids(facts, base) if participant is None
                   else person_statement_ids(facts, base, participant))
            targets |= ids & sent
        new = sorted(t for t in targets if t not in ob.state.voids)
        if new:
            ob.append([{"t": "void", "targets": new, "why": why}])
    return len(new)


def record_forget(store: SessionStore, participant_id: str, sessions: Iterable[str]) -> int:
    """Before a person is erased: void what was sent of the sessions they were in. Erasure
    renumbers a session's log, so every statement of it gets a new id (a new edition) and is
    sent again without them; the old ones, theirs included, are voided. Returns how many."""
    return _record(store, ((s, None) for s in sessions), "forget")


def record_purge(store: SessionStore, sessions: Iterable[str]) -> int:
    """Before sessions are deleted: void every statement sent of them. Returns how many."""
    return _record(store, ((s, None) for s in sessions), "purge")
