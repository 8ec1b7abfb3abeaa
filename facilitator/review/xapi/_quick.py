"""`xapi push` with nothing waiting, answered without loading the session machinery.

The outbox's `done` lines say which sessions had every statement acknowledged, and with what
files (`session_stamp`: their sizes and modification times). When every session in the folder
is done with the same files (or is demo data left out), and no voiding statement waits, there
is nothing to send: the command can say so at about the cost of starting Porukka. Anything
else, or any doubt, takes the full path, which reads the logs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .outbox import OutboxState
from .statements import namespace, void_id

LOG_SUFFIXES = (".summary.json", ".journal", ".json")


def session_stamp(folder: Path, session_id: str) -> str:
    parts = []
    for suffix in (".json", ".journal", ".summary.json"):
        try:
            st = os.stat(folder / f"{session_id}{suffix}")
        except FileNotFoundError:
            parts.append("-")
            continue
        parts.append(f"{st.st_size}.{st.st_mtime_ns}")
    return ":".join(parts)


def _session_ids(folder: Path) -> set[str]:
    ids = set()
    for name in os.listdir(folder):
        if name.startswith("."):
            continue
        for suffix in LOG_SUFFIXES:
            if name.endswith(suffix):
                ids.add(name[: -len(suffix)])
                break
    return ids


def _simulated(folder: Path, session_id: str) -> bool:
    try:
        doc = json.loads((folder / f"{session_id}.summary.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(doc, dict) and doc.get("simulated") is True and doc.get("ended") is not None


def nothing_waiting(root: Path, state: OutboxState, *, base_iri: str, fingerprint: str,
                    include_simulated: bool) -> bool:
    """True only when surely nothing waits (False means: look properly)."""
    if not state.done and not state.acked:
        return False
    ns = namespace(base_iri)
    if any(void_id(ns, target) not in state.acked for target in state.voids):
        return False
    folder = root / "sessions"
    try:
        ids = _session_ids(folder)
    except FileNotFoundError:
        return True
    for sid in ids:
        if state.done.get(sid) == (fingerprint, session_stamp(folder, sid)):
            continue
        if not include_simulated and _simulated(folder, sid):
            continue
        return False
    return True
