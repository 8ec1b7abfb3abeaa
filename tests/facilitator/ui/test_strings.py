"""The facilitator's screen strings: `fs-` keys, in Finnish, Swedish and English alike."""

from __future__ import annotations

import re
from pathlib import Path

from game.i18n import LANGUAGES, entries

PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")
UI = Path(__file__).resolve().parents[3] / "facilitator" / "ui"
BUILT = ("fs-domain-", "fs-status-", "fs-change-", "fs-reflection-")  # keys made in f-strings


def _fs(lang: str) -> dict[str, tuple[str, ...]]:
    return {k: v for k, v in entries(lang).items() if k.startswith("fs-")}


def test_every_string_in_three_languages_with_the_same_fields():
    assert len(_fs("en")) > 60
    assert set(_fs("fi")) == set(_fs("sv")) == set(_fs("en"))
    for key in _fs("en"):
        fields = {lang: {f for text in _fs(lang)[key] for f in PLACEHOLDER.findall(text)} - {"n"}
                  for lang in LANGUAGES}
        assert fields["fi"] == fields["sv"] == fields["en"], key
        assert all(text.strip() for lang in LANGUAGES for text in _fs(lang)[key]), key


def test_every_string_is_used():
    source = "\n".join(p.read_text("utf-8") for p in UI.glob("*.py"))
    unused = [k for k in _fs("en") if f'"{k}"' not in source and not k.startswith(BUILT)]
    assert unused == []
