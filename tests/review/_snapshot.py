"""What the readers of the log make of the review fixtures, as plain JSON with stable names.

`snapshot()` gathers every session report, the group report and the JSON export of the group
that `conftest.make_group` plays, and renames the random ids (sessions, participants, the
group) by their order, so two runs of the same play compare equal. The stored
`data/readers-before-typed-payloads.json` was made by running this module with the readers
as they were before the payloads were typed:

    PYTHONPATH=. python -m tests.review._snapshot OUT.json
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from facilitator.review import export
from facilitator.review.load import load_group, load_session
from facilitator.sessions import SessionStore

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
GOLDEN = Path(__file__).with_name("data") / "readers-before-typed-payloads.json"
# Set from the wall clock when the group file is written, not from the played sessions.
_WALL_CLOCK_KEYS = frozenset({"joined", "left"})


def _plain(value: Any, names: dict[str, str]) -> Any:
    """JSON values, with the ids renamed (sets sorted after renaming, so in a stable order)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name), names) for f in dataclasses.fields(value)
                if f.name not in _WALL_CLOCK_KEYS}
    if isinstance(value, dict):
        return {names.get(str(k), str(k)): _plain(v, names) for k, v in value.items()
                if k not in _WALL_CLOCK_KEYS}
    if isinstance(value, list | tuple):
        return [_plain(v, names) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(_plain(v, names) for v in value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return names.get(value, value)
    return value


def snapshot(played: dict[str, Any]) -> dict[str, Any]:
    """The reports and the export of a group made by `conftest.make_group`."""
    store: SessionStore = played["store"]
    group = played["group"]
    sessions = [*played["sessions"], played["demo"]]
    names = {group.id: "G"}
    names.update({sid: f"S{i}" for i, sid in enumerate(sessions)})
    names.update({m.id: f"P{i}" for i, m in enumerate(played["members"])})
    body = {
        "sessions": [load_session(store, sid).report for sid in sessions],
        "group": load_group(store, group, include_simulated=True).report,
        "export": export.to_json(export.collect(store, include_simulated=True), now=NOW),
    }
    # JSON text and back: tuples and lists, ints and floats compare as the files show them.
    return json.loads(json.dumps(_plain(body, names), ensure_ascii=False, sort_keys=True))


def play_and_snapshot(root: Path) -> dict[str, Any]:
    from game.story import load_story

    from .conftest import ROOT, Clock, make_group

    store = SessionStore(root, clock=Clock(datetime(2025, 1, 7, 9, 0, tzinfo=UTC)))
    return snapshot(make_group(store, load_story(ROOT / "stories" / "rahat-loppuu")))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        result = play_and_snapshot(Path(folder))
    text = json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    Path(sys.argv[1]).write_text(text, "utf-8")
