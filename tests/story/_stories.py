"""Helpers for validator tests: a minimal valid story, checking YAML text, and finding issues.

Test stories are written as literal YAML in the tests (dedented), so the line and column an
issue should point at can be read off by eye: line 1 is the line right after the opening
triple quote.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from game.story.issues import Issue
from game.story.loader import check_bytes

MINIMAL = """\
format: 1
id: testi
start: alku
scenes:
  alku:
    lines: [Hei.]
    choices:
      - text: Jään kotiin.
        goto: kotona
        domains: [arki]
      - text: Lähden ulos.
        goto: ulkona
        domains: [yhdessa]
  kotona:
    lines: [Kotona on hyvä olla.]
    end: {title: Kotona, mood: hopeful}
  ulkona:
    lines: [Ulkona sataa.]
    end: {title: Ulkona}
"""
"""The smallest story that uses choices, domains and endings and gives no issues at all."""

PRODUCED: list[Issue] = []
"""Every issue `expect` has matched, so one test can render all their messages."""


def story_text(yaml_text: str) -> str:
    return textwrap.dedent(yaml_text)


def check(tmp_path: Path, yaml_text: str | bytes, *, shared: Path | None = None) -> list[Issue]:
    """Validate a story given as text (dedented) or raw bytes, as if it were tmp_path/story.yaml.

    Assets are looked up in `tmp_path` and then in `shared` (none by default, so the project's
    own assets folder never changes a test's outcome).
    """
    raw = yaml_text if isinstance(yaml_text, bytes) else story_text(yaml_text).encode("utf-8")
    return check_bytes(raw, tmp_path / "story.yaml", shared_assets=shared).issues


def describe(issues: list[Issue]) -> str:
    return "\n".join(
        f"  {i.line}:{i.column} {i.severity}[{i.code}] {i.message()}" for i in issues
    ) or "  (no issues)"


def expect(issues: list[Issue], code: str, severity: str, line: int, column: int) -> Issue:
    """The one issue with `code`; its severity and 1-based position must be as given."""
    found = [i for i in issues if i.code == code]
    assert len(found) == 1, f"expected one {code}, got:\n{describe(issues)}"
    issue = found[0]
    assert issue.severity == severity, f"{code} is {issue.severity}, not {severity}"
    assert (issue.line, issue.column) == (line, column), (
        f"{code} at {issue.line}:{issue.column}, expected {line}:{column}\n{describe(issues)}"
    )
    PRODUCED.append(issue)
    return issue


def codes(issues: list[Issue]) -> list[str]:
    return [i.code for i in issues]


def png_header(width: int, height: int) -> bytes:
    """A PNG file (signature, IHDR, an empty IDAT, IEND) claiming the given size: a header
    reader that follows the format reads the chunks up to the image data."""
    from .._hostile_pictures import png

    return png(width, height)
