"""Benchmark of the review, run on demand: `python tests/bench/bench_review.py`.

- the group report over 100 sessions (HTML with every chart), and
- an export over 1,000 sessions (CSV with Finnish Excel settings, and JSON),

each timed against a plain `json.load` of the same data in the same run: every file in the
data folder (the sessions' logs, their summaries, the groups file). Targets: the group report
≤ 5× (its charts over time are written as SVG directly since issue 17; a session's events are
validated in one pass, and the cyclic collector is paused while the logs are read, which alone
took a third of the time), the export ≤ 10×.

The sessions are real playthroughs of the built-in story through the data layer (the play
controller, votes, decisions, ratings, feedback), made once in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitator.review import export  # noqa: E402
from facilitator.review.load import group_html  # noqa: E402
from facilitator.sessions import SessionStore  # noqa: E402
from game.story import load_story  # noqa: E402
from tests.review.conftest import NAMES, Clock, play_session  # noqa: E402


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import matplotlib

    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, "
            f"Python {platform.python_version()}, matplotlib {matplotlib.__version__}")


def make(root: Path, sessions: int, groups: int) -> SessionStore:
    store = SessionStore(root, clock=Clock(datetime(2024, 1, 1, 9, 0, tzinfo=UTC)))
    loaded = load_story(ROOT / "stories" / "rahat-loppuu")
    made = []
    for g in range(groups):
        group = store.groups.create_group(f"Ryhmä {g + 1}")
        made.append((group, [store.groups.add_participant(group.id, n) for n in NAMES]))
    for k in range(sessions):
        group, members = made[k % groups]
        store.clock.t = datetime(2024, 1, 1, 9, 0, tzinfo=UTC) + timedelta(hours=6 * k)
        present = [m for i, m in enumerate(members) if (i + k) % 7 != 0]
        play_session(store, group.id, present, loaded, seed=k)
    return store


def plain_load(root: Path) -> float:
    t0 = time.perf_counter()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".json"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    json.load(f)
    return time.perf_counter() - t0


def timed(fn, repeat: int) -> float:
    values = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        values.append(time.perf_counter() - t0)
    return statistics.median(values)


def size(root: Path) -> str:
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    return f"{total / 1e6:.1f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dir", type=Path, default=None, help="where to make the data")
    ap.add_argument("--part", choices=["group", "export", "both"], default="both")
    ap.add_argument("--detail", action="store_true",
                    help="also where the group report's time goes (collector, validation)")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    base = Path(tempfile.mkdtemp(prefix="porukka-bench-", dir=args.dir))

    if args.part in ("group", "both"):
        group_report(base, args.repeat, args.detail)
    if args.part in ("export", "both"):
        export_1000(base, args.repeat)


def group_report(base: Path, repeat: int, detail: bool = False) -> None:
    t0 = time.perf_counter()
    store = make(base / "group", 100, 1)
    print(f"made 100 sessions of one group in {time.perf_counter() - t0:.1f} s "
          f"({size(store.root)})")
    group = store.groups.groups()[0]
    group_html(store, group, "fi")  # warm: imports, fonts
    load = timed(lambda: plain_load(store.root), repeat)
    report = timed(lambda: group_html(SessionStore(store.root), group, "fi"), repeat)
    print(f"group report, 100 sessions: {report * 1000:.0f} ms; json.load of the same files "
          f"{load * 1000:.0f} ms; ratio {report / load:.1f}× (target ≤ 5×)")
    if detail:
        group_detail(store, group, repeat, report)


def group_detail(store: SessionStore, group, repeat: int, report: float) -> None:
    """Where the group report's time goes: the cyclic collector, and validating the records."""
    import contextlib
    import gc

    from facilitator.log.eventlog import SessionLog, session_file
    from facilitator.log.records import Record
    from facilitator.review import load as review_load

    pauses: list[float] = []

    def watch(phase: str, _info: dict) -> None:
        pauses.append(time.perf_counter() if phase == "start" else
                      time.perf_counter() - pauses.pop())

    gc.callbacks.append(watch)
    try:
        for _ in range(repeat):
            group_html(SessionStore(store.root), group, "fi")
    finally:
        gc.callbacks.remove(watch)
    print(f"  collections during {repeat} reports: {len(pauses)}, longest "
          f"{max(pauses, default=0) * 1000:.1f} ms")
    paused = review_load.collector_paused
    review_load.collector_paused = contextlib.nullcontext  # type: ignore[assignment]
    try:
        on = timed(lambda: group_html(SessionStore(store.root), group, "fi"), repeat)
    finally:
        review_load.collector_paused = paused
    print(f"  with the collector left on: {on * 1000:.0f} ms ({on / report:.2f}× the report)")

    docs = []
    for summary in store.list_sessions(group=group.id):
        log = SessionLog.open_file(session_file(store.folder, summary.id))
        raw = log.db.storage.read()["events"]
        docs.append([raw[k] for k in sorted(raw, key=int)
                     if raw[k]["kind"] in review_load.GROUP_KINDS])
        log.close()
    n = sum(map(len, docs))
    one = timed(lambda: [[Record.from_doc(d) for d in ds] for ds in docs], repeat)
    together = timed(lambda: [Record.from_docs(ds) for ds in docs], repeat)
    print(f"  validating the {n:,} records a group report reads: one by one "
          f"{one * 1000:.1f} ms, a session at a time {together * 1000:.1f} ms")



def export_1000(base: Path, repeat: int) -> None:
    t0 = time.perf_counter()
    big = make(base / "export", 1000, 10)
    print(f"made 1,000 sessions of 10 groups in {time.perf_counter() - t0:.1f} s "
          f"({size(big.root)})")
    load = timed(lambda: plain_load(big.root), repeat)
    out = base / "out"

    def csv_export() -> None:
        data = export.collect(SessionStore(big.root))
        target = out / f"csv-{time.perf_counter_ns()}"
        export.write_csv(data, target, excel_fi=True)

    def json_export() -> None:
        data = export.collect(SessionStore(big.root))
        export.write_json(data, out / f"x-{time.perf_counter_ns()}.json")

    out.mkdir()
    for name, fn in (("CSV (--excel-fi)", csv_export), ("JSON", json_export)):
        took = timed(fn, repeat)
        print(f"export {name}, 1,000 sessions: {took * 1000:.0f} ms; json.load of the same "
              f"files {load * 1000:.0f} ms; ratio {took / load:.1f}× (target ≤ 10×)")


if __name__ == "__main__":
    main()
