"""Log size and memory against story length, run on demand:
`python tests/bench/bench_linear_log.py [--scenes 1000,3000,10000]`.

Each run plays one simulated session (`porukka simulate`, a fresh process and data folder)
through a generated chain of `goto` scenes, so the playthrough's path is as long as the story.
It prints the session log's bytes on disk and the process's peak resident set size
(`ru_maxrss` of the child), and checks that both grow linearly: the longest chain's log at
most 12× the shortest's per 10× more scenes (the issue's bound for 1,000 → 10,000).

Regression guarded: every scene event stored the whole story state, whose `path` and `seen`
grow with the playthrough, so a 3,000-scene chain gave a 66 MB log (quadratic).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 12.0  # the 10× longer chain's log and memory may be at most this many times larger


def chain(scenes: int) -> str:
    """A valid story: `scenes` scenes, each a line and a `goto` to the next, then an ending."""
    out = ["format: 1", "id: ketju", "title: Ketju", "start: s0",
           "variables:", "  askeleet: {initial: 0, min: 0, max: 1000000}", "scenes:"]
    for i in range(scenes - 1):
        out += [f"  s{i}:", f"    lines: [\"Askel {i}.\"]", f"    goto: s{i + 1}"]
    out += [f"  s{scenes - 1}:", "    lines: [Loppu.]", "    end: {title: Loppu, mood: hopeful}"]
    return "\n".join(out) + "\n"


def run(scenes: int, work: Path) -> tuple[int, int, float]:
    """(log bytes, peak RSS in KiB of the simulate process, seconds)."""
    story = work / f"ketju-{scenes}" / "story.yaml"
    story.parent.mkdir(parents=True)
    story.write_text(chain(scenes), "utf-8")
    data = work / f"data-{scenes}"
    env = dict(os.environ, PORUKKA_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "launcher.py"), "simulate", str(story.parent),
                    "--sessions", "1", "--seed", "1", "--participants", "4"],
                   env=env, check=True, capture_output=True, timeout=3600)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the only child so far
    size = sum(p.stat().st_size for p in (data / "sessions").iterdir()
               if not p.name.endswith(".summary.json"))
    return size, peak, seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scenes", default="1000,3000,10000")
    args = ap.parse_args()
    sizes = [int(n) for n in args.scenes.split(",")]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            size, peak, seconds = _one(n, Path(tmp))  # its own process: its own peak RSS
            results[n] = (size, peak)
            print(f"{n:>6} scenes: log {size / 1e6:8.2f} MB, peak RSS {peak / 1024:7.1f} MiB, "
                  f"{seconds:6.1f} s", flush=True)
    lo, hi = min(sizes), max(sizes)
    ratio = hi / lo
    allowed = LIMIT * ratio / 10
    log_ratio = results[hi][0] / results[lo][0]
    mem_ratio = results[hi][1] / results[lo][1]
    print(f"log {hi}/{lo}: {log_ratio:.1f}× (allowed {allowed:.1f}×); "
          f"peak RSS: {mem_ratio:.1f}×")
    return 0 if log_ratio <= allowed and mem_ratio <= allowed else 1


def _one(scenes: int, work: Path) -> tuple[int, int, float]:
    """One size in a child process of its own, so its peak RSS is its own."""
    here = str(Path(__file__).parent)
    code = (
        f"import sys, json; sys.path.insert(0, {here!r}); "
        "from bench_linear_log import run; from pathlib import Path; "
        f"print(json.dumps(run({scenes}, Path({str(work)!r}))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    size, peak, seconds = json.loads(out.stdout.strip().splitlines()[-1])
    return size, peak, seconds


if __name__ == "__main__":
    sys.exit(main())
