"""The readers of the log give the same reports and exports as before the payloads were typed.

`data/readers-before-typed-payloads.json` was made from the same played group by the readers
that took `record.data[...]` with guessed defaults (see `_snapshot`); the typed readers must
make exactly the same session reports, group report and JSON export of it. (Regenerated for
issue 17, where only the group report's new fields changed it: each session's language, and a
choice point's numbered options with its tallies as numbers and the `divided` rule.)
"""

from __future__ import annotations

import json

from ._snapshot import GOLDEN, play_and_snapshot


def test_reports_and_exports_are_the_same_as_before(tmp_path):
    before = json.loads(GOLDEN.read_text("utf-8"))
    now = play_and_snapshot(tmp_path)
    assert now.keys() == before.keys()
    for i, (a, b) in enumerate(zip(now["sessions"], before["sessions"], strict=True)):
        assert a == b, f"session report {i}"
    assert now["group"] == before["group"]
    assert now["export"] == before["export"]
