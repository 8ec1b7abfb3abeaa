"""What may be typed into Porukka: nicknames, group names and the one-word feedback.

The rules keep real names' likely companions out (e-mail addresses, phone numbers, personal
identity codes) and allow no free text; the set-up screen also says that real names must not
be used. Each rule raises `InvalidInput` with a code the screens translate (`strings.py`).
"""

from __future__ import annotations

import re

from .errors import InvalidInput

NICKNAME_MAX = 20
GROUP_NAME_MAX = 40
WORD_MAX = 30
_SEPARATORS = " -_"
_DIGITS = "0123456789"
# What a spreadsheet would run as a formula (see game.csvcell); the rest are refused anyway.
_FORMULA_START = "=+-@"
# Finnish personal identity code: ddmmyy, century sign, individual number, check character.
_HETU = re.compile(r"\d{6}[-+A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y]")


def _name(value: str, *, what: str, limit: int) -> str:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if not text:
        raise InvalidInput(f"{what}-empty", f"the {what} is empty")
    if len(text) > limit:
        raise InvalidInput(
            f"{what}-too-long", f"the {what} is longer than {limit} characters", limit=limit
        )
    if "@" in text:
        raise InvalidInput(
            f"{what}-email", f"the {what} looks like an e-mail address; use a nickname"
        )
    if _HETU.search(text.replace(" ", "")):
        raise InvalidInput(f"{what}-id", f"the {what} looks like a personal identity code")
    if text[0] in _FORMULA_START:
        raise InvalidInput(
            f"{what}-start", f"the {what} may not begin with {text[0]!r}", char=text[0]
        )
    bad = sorted({ch for ch in text if not (ch.isalpha() or ch in _DIGITS or ch in _SEPARATORS)})
    if bad:
        raise InvalidInput(
            f"{what}-chars",
            f"the {what} may only have letters, digits, spaces, - and _ (not {''.join(bad)!r})",
            chars="".join(bad),
        )
    digits = [ch for ch in text if ch not in _SEPARATORS]
    if all(ch in _DIGITS for ch in digits) and len(digits) > 6:
        raise InvalidInput(
            f"{what}-number", f"the {what} looks like a phone number or an id; use a nickname"
        )
    return text


def check_nickname(value: str) -> str:
    """A participant's nickname, tidied (spaces collapsed), or InvalidInput."""
    return _name(value, what="nickname", limit=NICKNAME_MAX)


def check_group_name(value: str) -> str:
    return _name(value, what="group-name", limit=GROUP_NAME_MAX)


def check_feedback_word(value: str | None) -> str | None:
    """The optional one word of feedback: letters and hyphens, at most 30; '' means none."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput("word-chars", "the word must be text")
    word = value.strip()
    if not word:
        return None
    if len(word) > WORD_MAX:
        raise InvalidInput("word-too-long", f"the word is longer than {WORD_MAX} characters",
                           limit=WORD_MAX)
    if any(ch.isspace() for ch in word):
        raise InvalidInput("word-not-one", "only one word, please")
    if not all(ch.isalpha() or ch == "-" for ch in word) or not any(ch.isalpha() for ch in word):
        raise InvalidInput("word-chars", "the word may only have letters and hyphens")
    return word
