"""Spreadsheet-safe CSV cells, for every CSV the program writes.

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
Excel and LibreOffice (OWASP "CSV injection"). Story texts, choice ids and the one-word
feedback come from people, so such a cell gets a leading apostrophe: spreadsheets then show it
as text, and `plain()` takes the apostrophe off again when a CSV is read back.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """`text` as a cell no spreadsheet runs."""
    return "'" + text if text.startswith(FORMULA_START) else text


def plain(text: str) -> str:
    """The text `neutral()` was given (for reading back a CSV the program wrote)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text
