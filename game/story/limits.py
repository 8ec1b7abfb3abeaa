"""Every limit a story must keep, in one leaf module cheap to import.

A story that passes `validate` stays inside these, so the runtime, the window and the reports
never meet a number, a condition, a text or a picture they cannot handle. The same figures are
documented in docs/story-format.md and docs/tarinamuoto.md ("Limits" / "Rajat").
"""

from __future__ import annotations

import re

MAX_NUMBER = 1_000_000_000
"""Any whole number in a story (`initial`, `min`, `max`, `set`, `add`, `timer`, `minutes`, a
number in a condition) lies within ±MAX_NUMBER; a variable's value never leaves that range
during play, with or without its own `min` and `max`."""

MAX_NUMBER_DIGITS = 30
"""Longer digit strings are not even converted to numbers (Python refuses some, and some take
quadratic time); they are refused as out of range straight away."""

MAX_TIMER = 3600
"""A scene's `timer`, in seconds: at most one hour."""

MAX_CONDITION_CHARS = 500
"""Characters in one `if:` condition."""

MAX_CONDITION_TOKENS = 150
"""Words, numbers and signs in one condition (`a + b > 2` is five)."""

MAX_CONDITION_DEPTH = 20
"""How deep one condition nests: each open parenthesis, `not` and minus sign in front of
something inside another counts one level."""

MAX_IMAGE_SIDE = 8192
"""Pixels on either side of a PNG or JPEG picture, and of an SVG's declared size."""

MAX_IMAGE_PIXELS = 8192 * 4096
"""Pixels in one PNG or JPEG picture (32 megapixels, about 128 MB once decoded)."""

MAX_SVG_BYTES = 2 * 1024 * 1024
"""Size of one SVG file."""

MAX_SVG_ASPECT = 16
"""How much longer one side of an SVG's declared size may be than the other."""

CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters and DEL, except a line break and a tab: what would move a
terminal's cursor, ring its bell or end a C string."""


def first_control(text: str) -> int | None:
    """The index of the first control character in `text`, or None."""
    m = CONTROL_RE.search(text)
    return m.start() if m else None


def shown_number(text: str) -> str:
    """A number as a message shows it: a very long one shortened in the middle."""
    return text if len(text) <= 16 else f"{text[:8]}…{text[-4:]}"


def control_name(ch: str) -> str:
    """How to name a control character to an author: U+001B."""
    return f"U+{ord(ch):04X}"
