"""What the README shows an author is true: its example story is valid, its message is real."""

from __future__ import annotations

import re
from pathlib import Path

from game.story import check_bytes

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def _example() -> str:
    return re.search(r"```yaml\n(format: 1.*?)```", README, re.S).group(1)


def test_readme_example_story_is_clean():
    res = check_bytes(_example().encode(), ROOT / "stories" / "leffailta.yaml",
                      name="stories/leffailta.yaml")
    assert [i.format() for i in res.issues] == []


def test_readme_error_example_is_what_validate_says():
    shown = re.search(r"^(stories/leffailta\.yaml:\d+:\d+: error\[.*\n(?:.* \|.*\n)*)```",
                      README, re.M).group(1).rstrip("\n")
    broken = _example().replace(
        "goto: loppu\n        domains: [yhdessa]", "goto: lopu\n        domains: [yhdessa]")
    res = check_bytes(broken.encode(), ROOT / "stories" / "leffailta.yaml",
                      name="stories/leffailta.yaml")
    assert [i.format("en") for i in res.issues] == [shown]
