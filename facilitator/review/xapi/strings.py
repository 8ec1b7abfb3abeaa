"""The xAPI commands' words, from the interface catalogue."""

from __future__ import annotations

from typing import Any

from game.i18n import t, tn


def tr(key: str, lang: str, /, n: int | None = None, **params: Any) -> str:
    """`key` in `lang`; with `n`, its plural form for that count (`{n}` filled in)."""
    return tn(key, n, lang, **params) if n is not None else t(key, lang, **params)
