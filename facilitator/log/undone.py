"""Which decisions a counsellor's "back one step" took back, read from a session's records.

Every "back" record names the decision it undid (`undone`: its scene and choice), so a reader
needs no copy of the game's history: the undone decision is the latest one at that scene with
that choice that is not undone already. Logs written before "back" named its decision mark
nothing as undone, as they always did.
"""

from __future__ import annotations

from collections.abc import Iterable

from .eventlog import Record


def undone_decisions(records: Iterable[Record]) -> frozenset[int]:
    """Sequence numbers of the `decision_made` records that a later "back" took back."""
    live: list[Record] = []
    undone: set[int] = set()
    for r in records:
        if r.kind == "decision_made":
            live.append(r)
        elif r.kind == "counsellor_action" and r.data.get("action") == "back":
            which = r.data.get("undone")
            if not which:
                continue
            for i in range(len(live) - 1, -1, -1):
                d = live[i]
                if d.scene == which["scene"] and d.data.get("choice") == which["choice"]:
                    undone.add(d.seq)
                    del live[i]
                    break
    return frozenset(undone)
