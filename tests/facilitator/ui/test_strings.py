"""The facilitator's screen strings: `fs-` keys, in Finnish, Swedish and English alike."""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.ui.strings import FS_STRINGS
from game.i18n import STRINGS

PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")
UI = Path(__file__).resolve().parents[3] / "facilitator" / "ui"
BUILT = ("fs-domain-", "fs-status-", "fs-change-", "fs-reflection-")  # keys made in f-strings


def test_every_string_in_three_languages_with_the_same_fields():
    for key, entry in FS_STRINGS.items():
        assert key.startswith("fs-"), key
        assert STRINGS[key] == entry, key
        assert set(entry) == {"fi", "sv", "en"}, key
        fields = {lang: set(PLACEHOLDER.findall(text)) for lang, text in entry.items()}
        assert fields["fi"] == fields["sv"] == fields["en"], key
        assert all(text.strip() for text in entry.values()), key


def test_every_string_is_used():
    source = "\n".join(p.read_text("utf-8") for p in UI.glob("*.py") if p.name != "strings.py")
    unused = [k for k in FS_STRINGS if f'"{k}"' not in source and not k.startswith(BUILT)]
    assert unused == []
