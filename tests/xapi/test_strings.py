"""The xAPI texts: every key the code uses is in the catalogue (tests/test_i18n.py checks that
each key is in Finnish, Swedish and English with the same placeholders), and counts are
plural entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator.review.xapi.strings import tr
from game.i18n import has

SRC = Path(__file__).resolve().parents[2] / "facilitator" / "review" / "xapi"


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in SRC.glob("*.py"):
        text = path.read_text("utf-8")
        used |= set(re.findall(r'\btr\(\s*"([a-z0-9-]+)"', text))
        used |= set(re.findall(r'"(xapi-[a-z0-9-]+)"', text)) - {"xapi"}
    assert used
    assert {key for key in used if not has(key)} == set()


@pytest.mark.parametrize(("n", "text"), [(1, "1 lausuma odottaa"), (3, "3 lausumaa odottaa")])
def test_plural_forms(n, text):
    assert tr("xapi-waiting", "fi", n=n).startswith(text)
