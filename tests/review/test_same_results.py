"""The readers of the log give the same reports and exports as before the payloads were typed.

`data/readers-before-typed-payloads.json` was made from the same played group by the readers
that took `record.data[...]` with guessed defaults (see `_snapshot`); the typed readers must
make exactly the same session reports, group report and JSON export of it.

Refreshed once since, when the play flow began to hand the log each move after it is made: the
fake clock of the fixtures then ticks at other moments (decision times and `at` moved) and
decisions gained their `undone` mark; every other value was checked equal before the refresh.
Refreshed again when the log stopped recording who voted what (issue 13): sequence numbers and
times moved with the vote records that are no longer there, and small tallies are suppressed;
and once more for the reports of issue 17 (story texts in the report's language, the "divided"
rule, statuses, tallies per option): the reports' own tests check those.
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
