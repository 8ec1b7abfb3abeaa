"""Benchmark and soak of `porukka simulate`, run on demand: `python tests/bench/bench_simulate.py`.

1. Throughput: simulated sessions per second and durable events per second, headless, over
   every built-in story and vote mode, once with the log's writer thread (events stored in
   batches, one fsync per batch) and once synchronously (one fsync per event).
2. Soak: `--sessions` (default 10,000) simulated sessions in one process and one data folder,
   every built-in story in turn and the four vote modes interleaved (one simulated group per
   mode), with no error allowed. Memory: the process's peak resident set size
   (`resource.getrusage(RUSAGE_SELF).ru_maxrss`) after the first 100 sessions and at the end;
   the target is end ≤ 1.2 × first-100. The end is taken when the last session has ended,
   before the soak checks that every session is listed (that check holds all 10,000
   summaries at once, which has nothing to do with the simulation; its peak is shown apart).

Why ru_maxrss and not tracemalloc: the question is whether a long run's peak memory grows, and
ru_maxrss *is* the process's peak as the operating system sees it (Python objects, the
interpreter, C extensions such as pydantic-core, allocator fragmentation: everything an old
laptop has to hold), at no cost to the run. tracemalloc sees only allocations made through
Python's allocator, and tracing every allocation would slow 10,000 sessions down several
times. As leak indicators that ru_maxrss could hide early on, the soak also prints the number
of objects the garbage collector tracks and of live threads (each session has a writer thread)
at each checkpoint.

Run it on the disk the data will live on: a tmpfs makes fsync free (`--dir` picks the folder).
The full soak takes a while on a slow machine: `nice python tests/bench/bench_simulate.py`.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitator.sessions import SessionStore  # noqa: E402
from facilitator.simulation.engine import (  # noqa: E402
    Ended,
    Headless,
    SimOptions,
    Simulation,
    builtin_stories,
)

MODES = ("secret", "hands", "gamepads", "counsellor")
TARGET = 1.2


def filesystem(path: Path) -> str:
    best, kind = "", "?"
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            _dev, mount, fstype, *_ = line.split()
            if str(path.resolve()).startswith(mount) and len(mount) > len(best):
                best, kind = mount, fstype
    except OSError:
        pass
    return kind


def machine(folder: Path) -> str:
    cpu = platform.processor() or platform.machine()
    memory = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, {memory}, "
            f"Python {platform.python_version()}; data on {filesystem(folder)} ({folder})")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


# --- throughput ----------------------------------------------------------------------------


def throughput(folder: Path, stories: tuple, sessions: int, writer: str) -> tuple[float, int]:
    """(seconds, events) for `sessions` sessions, a quarter in each vote mode."""
    shutil.rmtree(folder, ignore_errors=True)
    events = 0
    started = time.perf_counter()
    for i, mode in enumerate(MODES):
        n = sessions // len(MODES) + (1 if i < sessions % len(MODES) else 0)
        options = SimOptions(stories, f"Bench {mode}", participants=6, sessions=n, seed=i + 1,
                             vote_mode=mode)
        result = Simulation(options, root=folder, writer=writer).run()
        assert len(result.sessions) == n
        events += result.events
    return time.perf_counter() - started, events


# --- soak ------------------------------------------------------------------------------------


def soak(folder: Path, stories: tuple, sessions: int, every: int) -> bool:
    shutil.rmtree(folder, ignore_errors=True)
    sims = []
    for i, mode in enumerate(MODES):
        n = sessions // len(MODES) + (1 if i < sessions % len(MODES) else 0)
        options = SimOptions(stories, f"Soak {mode}", participants=6, sessions=n,
                             seed=1000 + i, vote_mode=mode)
        sims.append(Simulation(options, root=folder, writer="thread"))
    lanes = [(sim.steps(), Headless()) for sim in sims]
    done = events = 0
    baseline = None
    started = time.perf_counter()
    print(f"{'sessions':>9} {'seconds':>8} {'sessions/s':>10} {'events/s':>9} "
          f"{'peak RSS MB':>11} {'gc objects':>10} {'threads':>7}", flush=True)
    while lanes:
        for lane in list(lanes):
            steps, play = lane
            for step in steps:
                play(step)
                if isinstance(step, Ended):
                    done += 1
                    events += step.summary.events
                    assert step.summary.status == "finished" and step.summary.simulated
                    break
            else:
                lanes.remove(lane)
                continue
            if done == 100 or done % every == 0 or done == sessions:
                gc.collect()
                seconds = time.perf_counter() - started
                rss = peak_mb()
                if done == 100:
                    baseline = rss
                print(f"{done:>9} {seconds:>8.1f} {done / seconds:>10.1f} "
                      f"{events / seconds:>9.0f} {rss:>11.1f} {len(gc.get_objects()):>10} "
                      f"{threading.active_count():>7}", flush=True)
    seconds = time.perf_counter() - started
    end = peak_mb()  # before the check below, which reads every session's summary at once
    assert done == sessions, (done, sessions)
    store = SessionStore(folder)
    listed = store.list_sessions()
    assert store.unreadable == [] and len(listed) == sessions
    assert all(s.status == "finished" and s.simulated for s in listed)
    print(f"\nsoak: {sessions} sessions, {events} events in {seconds:.0f} s "
          f"({sessions / seconds:.1f} sessions/s, {events / seconds:.0f} durable events/s), "
          "no errors; every session listed as finished and simulated")
    if baseline is None:
        print("(fewer than 100 sessions: no memory comparison)")
        return True
    ok = end <= TARGET * baseline
    print(f"peak RSS after 100 sessions {baseline:.1f} MB, at the end of the soak {end:.1f} MB: "
          f"{end / baseline:.2f}× (target ≤ {TARGET}×) {'OK' if ok else 'FAILED'}")
    print(f"(listing all {sessions} sessions afterwards, a separate step, raised the peak to "
          f"{peak_mb():.1f} MB)")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sessions", type=int, default=10_000, help="soak length (default 10000)")
    ap.add_argument("--rate-sessions", type=int, default=200,
                    help="sessions for each throughput figure (default 200)")
    ap.add_argument("--every", type=int, default=1000, help="soak checkpoint interval")
    ap.add_argument("--no-soak", action="store_true", help="throughput figures only")
    ap.add_argument("--dir", type=Path, help="where to put the data (default: a temp folder)")
    args = ap.parse_args()
    base = Path(tempfile.mkdtemp(prefix="porukka-bench-sim-", dir=args.dir))
    stories = builtin_stories()
    try:
        print(machine(base))
        print(f"stories: {', '.join(s.story.id for s in stories)}; 6 participants; the four "
              "vote modes in equal parts\n")
        for writer in ("thread", "sync"):
            seconds, events = throughput(base / f"rate-{writer}", stories, args.rate_sessions,
                                         writer)
            print(f"throughput, writer {writer:>6}: {args.rate_sessions} sessions, {events} "
                  f"events in {seconds:.2f} s = {args.rate_sessions / seconds:.1f} sessions/s, "
                  f"{events / seconds:.0f} durable events/s", flush=True)
        if args.no_soak:
            return 0
        print()
        return 0 if soak(base / "soak", stories, args.sessions, args.every) else 1
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
