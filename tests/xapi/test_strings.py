"""The xAPI texts: every key in Finnish, Swedish and English, plural pairs complete, and every
key the code uses exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from facilitator.review.xapi.strings import STRINGS, tr

SRC = Path(__file__).resolve().parents[2] / "facilitator" / "review" / "xapi"


def test_every_text_in_every_language_with_the_same_placeholders():
    for key, texts in STRINGS.items():
        assert set(texts) == {"fi", "sv", "en"}, key
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(t) if f}
                  for lang, t in texts.items()}
        assert fields["fi"] == fields["sv"] == fields["en"], key
        if key.endswith(("#one", "#other")):
            base = key.rsplit("#", 1)[0]
            assert f"{base}#one" in STRINGS and f"{base}#other" in STRINGS
            assert "n" in fields["en"], key


def test_every_key_used_in_the_code_exists():
    used = set()
    for path in SRC.glob("*.py"):
        text = path.read_text("utf-8")
        used |= set(re.findall(r'\btr\(\s*"([a-z0-9-]+)"', text))
        used |= set(re.findall(r'"(xapi-[a-z0-9-]+)"', text)) - {"xapi"}
    keys = {k.rsplit("#", 1)[0] for k in STRINGS}
    assert used and used <= keys, used - keys


@pytest.mark.parametrize(("n", "text"), [(1, "1 lausuma odottaa"), (3, "3 lausumaa odottaa")])
def test_plural_forms(n, text):
    assert tr("xapi-waiting", "fi", n=n).startswith(text)
