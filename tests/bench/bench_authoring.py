"""Benchmarks of the authoring tools, run on demand: `python tests/bench/bench_authoring.py`.

1. The explorer on the largest built-in story (by scene count): distinct states explored per
   second, and transitions per second, exploring it fully again and again for a few seconds.
2. The explorer on a generated story whose state space passes the cap: how long the
   breadth-first part takes to reach 50,000 states before it switches to random walks.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.authoring.explorer import MAX_STATES, explore  # noqa: E402
from game.resources import builtin_stories_dir  # noqa: E402
from game.story import Story, load_story  # noqa: E402
from game.story.loader import find_story_files  # noqa: E402

BUILTIN_STORIES = builtin_stories_dir()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def largest_builtin() -> Story:
    stories = [load_story(p).story for p in find_story_files(BUILTIN_STORIES)]
    return max(stories, key=lambda s: len(s.scenes))


def bench_builtin(seconds: float) -> None:
    story = largest_builtin()
    states = steps = runs = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        cov = explore(story)
        states += cov.states
        steps += cov.steps
        runs += 1
    elapsed = time.perf_counter() - t0
    print(f"explorer on {story.id} ({len(story.scenes)} scenes, {cov.mode}, {cov.states} states "
          f"per run): {states / elapsed:,.0f} states/s, {steps / elapsed:,.0f} transitions/s "
          f"({runs} runs in {elapsed:.1f} s)")


def generated(scenes: int) -> Story:
    """A loop of scenes with a counter and a flag: far more states than the cap."""
    body: dict = {
        "format": 1, "id": "bench-explorer", "start": "s0",
        "variables": {"n": {"initial": 0, "min": 0, "max": 100_000},
                      "k": {"initial": 0, "min": 0, "max": 9}, "f": {"initial": False}},
        "scenes": {},
    }
    for i in range(scenes):
        nxt = f"s{(i + 1) % scenes}"
        body["scenes"][f"s{i}"] = {
            "lines": ["Kierros {n}."],
            "choices": [
                {"id": "eteen", "text": "Eteen", "goto": nxt, "add": {"n": 1}},
                {"id": "k", "text": "K", "goto": nxt, "add": {"k": 1}, "set": {"f": True}},
                {"id": "loppuun", "text": "Loppuun", "goto": "loppu", "if": "n > 3 or f"},
            ],
        }
    body["scenes"]["loppu"] = {"lines": ["Loppu."], "end": {}}
    return Story.model_validate(body)


def bench_cap(scenes: int) -> None:
    story = generated(scenes)
    t0 = time.perf_counter()
    cov = explore(story, walks=0)
    elapsed = time.perf_counter() - t0
    print(f"explorer on a generated {scenes}-scene story: {cov.mode}, {cov.states:,} states "
          f"(cap {MAX_STATES:,}) in {elapsed:.2f} s = {cov.states / elapsed:,.0f} states/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--scenes", type=int, default=50)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    bench_builtin(args.seconds)
    bench_cap(args.scenes)


if __name__ == "__main__":
    main()
