"""Which decisions a counsellor's "back one step" took back, read from a session's records.

Every "back" record names the decision it undid (`undone`: its scene and choice), so a reader
needs no copy of the game's history: the undone decision is the latest one at that scene with
that choice that is not undone already. Logs written before "back" named its decision mark
nothing as undone, as they always did.
"""

from __future__ import annotations

from collections.abc import Iterable

from .records import CounsellorActionData, DecisionMadeData, Record


def undone_decisions(records: Iterable[Record]) -> frozenset[int]:
    """Sequence numbers of the `decision_made` records that a later "back" took back."""
    live: list[Record] = []
    undone: set[int] = set()
    for r in records:
        p = r.payload
        if isinstance(p, DecisionMadeData):
            live.append(r)
        elif isinstance(p, CounsellorActionData) and p.action == "back":
            which = p.undone
            if which is None:
                continue
            for i in range(len(live) - 1, -1, -1):
                d = live[i]
                made = d.payload
                assert isinstance(made, DecisionMadeData)
                if d.scene == which.scene and made.choice == which.choice:
                    undone.add(d.seq)
                    del live[i]
                    break
    return frozenset(undone)
