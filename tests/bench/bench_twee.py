"""Benchmark of `import-twee` on adversarial input, run on demand:
`python tests/bench/bench_twee.py`.

Each line is one pattern repeated to 40 KB and to 400 KB (a line of `[[` took 50 s at 40 KB
before the import was made linear). Linear time shows as a ratio near 10 between the two
sizes; a quadratic one would be near 100.
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

from game.authoring.twee import convert  # noqa: E402

PATTERNS = ["[[", "[[a]", "[[a]] ", "[[a->", "[[a|b][", "<<", "<<a ", "<<a>>", "(a:", "(a:)",
            "(a: \"", " (a:)[", "((a:", "(a:(b:", "/*", "<!--", "<%", "[a]\n", "a (\n", "''a",
            "//a", "**a", "<a", "{", "$a", "\\",
            # links written as macros, and macros over several lines
            "<<a\n", "<<a\n>>", "<<a\n<<", '(link-goto:"a",', '(link-goto:"a")',
            '(link:"a")[', '(link:"a")[(go-to:"a")]', "(go-to:(go-to:", '<<link "a" ',
            '<<goto "a">>']


def document(pattern: str, size: int) -> str:
    line = (pattern * (size // len(pattern) + 1))[:size]
    chapbook = "--\n" if pattern.startswith("a (") else ""
    return f":: StoryTitle\nT\n\n:: Start\n{chapbook}{line}\n[[Loppu]]\n\n:: Loppu\nLoppu.\n"


def seconds(text: str) -> float:
    start = time.perf_counter()
    convert(text, story_id="bench")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=40_000, help="bytes (default 40000)")
    parser.add_argument("--large", type=int, default=400_000, help="bytes (default 400000)")
    args = parser.parse_args()
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"{'pattern':>10}  {args.small // 1000:>5} KB  {args.large // 1000:>5} KB  ratio")
    worst = 0.0
    for pattern in PATTERNS:
        small = seconds(document(pattern, args.small))
        large = seconds(document(pattern, args.large))
        ratio = large / max(small, 1e-6)
        worst = max(worst, ratio) if large > 0.05 else worst
        print(f"{pattern!r:>10}  {small:7.3f}s  {large:7.3f}s  {ratio:5.1f}")
    print(f"size ratio {args.large / args.small:.0f}; worst time ratio (over 50 ms) {worst:.1f}")


if __name__ == "__main__":
    main()
