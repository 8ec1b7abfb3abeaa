"""Benchmarks of the story core, run on demand: `python tests/bench/bench_story.py`.

1. Validating a generated 20,000-scene story, as a ratio to PyYAML's CSafeLoader `compose` of
   the same bytes in the same run (target: at most 2.5×).
2. Validating a 200-scene story in-process (target: under 100 ms; authors revalidate on save).
3. Random-walk throughput of the runtime on the built-in stories (choices per second).
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.resources import builtin_stories_dir  # noqa: E402
from game.story import Runtime, check_bytes, load_story  # noqa: E402
from game.story.loader import find_story_files  # noqa: E402
from game.story.runtime import Choose, Continue, SkipToEnding  # noqa: E402

BUILTIN_STORIES = builtin_stories_dir()


def generate(scenes: int) -> bytes:
    """A valid story of `scenes` scenes (20,000 fit the 5 MB limit): texts, conditions, effects."""
    out = [
        "format: 1",
        "id: bench",
        "title: {fi: Mittaus, en: Benchmark}",
        "languages: [fi, en]",
        "start: s0",
        "domains: [arki, yhdessa, mieli]",
        "variables:",
        "  rahat: {initial: 100, min: 0, max: 5000, show: true, label: Rahat, unit: €}",
        "  jaksaminen: {initial: 3, min: 0, max: 5}",
        "  soitti: {initial: false}",
        "characters:",
        "  mira: {name: Mira, color: \"#3d7ea6\"}",
        "scenes:",
    ]
    last = scenes - 1
    for i in range(scenes):
        out.append(f"  s{i}:")
        if i >= last - 1:
            out += [
                "    lines:",
                "      - {fi: Loppu., en: The end.}",
                "    end: {title: {fi: Loppu, en: The end}, mood: hopeful}",
            ]
            continue
        who = ", {who: mira, text: Hei, if: soitti}" if i % 10 == 0 else ""
        out += [
            f'    lines: ["Rahaa {{rahat}} €."{who}]',
            "    choices:",
            f"      - {{text: {{fi: Eteen, en: On}}, goto: s{i + 1}, add: {{rahat: -1}}, "
            "domains: [arki]}",
            f"      - {{text: Loppuun, goto: s{last}, if: rahat > 3 and not soitti, "
            "set: {soitti: true}}",
        ]
    return ("\n".join(out) + "\n").encode()


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_large(scenes: int, repeat: int) -> None:
    raw = generate(scenes)
    target = ROOT / "bench-large.yaml"

    def validate() -> None:
        res = check_bytes(raw, target, name="bench.yaml")
        assert res.ok, [i.format() for i in res.issues[:3]]

    def compose() -> None:
        yaml.compose(raw, Loader=yaml.CSafeLoader)

    t_compose = best_of(compose, repeat)
    t_validate = best_of(validate, repeat)
    print(f"validate {scenes} scenes ({len(raw) / 1e6:.2f} MB): {t_validate:.2f} s; "
          f"CSafeLoader compose: {t_compose:.2f} s; ratio {t_validate / t_compose:.2f}× "
          f"(target ≤ 2.5×)")


def bench_small(scenes: int, repeat: int) -> None:
    raw = generate(scenes)
    target = ROOT / "bench-small.yaml"
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = check_bytes(raw, target, name="bench.yaml")
        times.append(time.perf_counter() - t0)
        assert res.ok
    print(f"validate {scenes} scenes: median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms over {repeat} runs (target < 100 ms)")


def bench_walk(seconds: float) -> None:
    for path in find_story_files(BUILTIN_STORIES):
        loaded = load_story(path)
        rt = Runtime(loaded.story)
        rng = random.Random(1)
        choices = 0
        walks = 0
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            state = rt.begin().state
            while not state.ended:
                scene = rt.scene(state)
                if scene.goto is not None:
                    state = rt.step(state, Continue()).state
                    continue
                offered = rt.offered_choices(state)
                if not offered:
                    state = rt.step(state, SkipToEnding()).state
                    continue
                state = rt.step(state, Choose(rng.choice(offered).id)).state
                choices += 1
            walks += 1
        elapsed = time.perf_counter() - t0
        print(f"random walks on {loaded.story.id}: {choices / elapsed:,.0f} choices/s, "
              f"{walks / elapsed:,.0f} playthroughs/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenes", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--walk-seconds", type=float, default=3.0)
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {platform.processor() or '?'}, "
          f"Python {platform.python_version()}, PyYAML {yaml.__version__} "
          f"(libyaml {'yes' if yaml.__with_libyaml__ else 'no'})")
    bench_large(args.scenes, args.repeat)
    bench_small(200, 30)
    bench_walk(args.walk_seconds)


if __name__ == "__main__":
    main()
