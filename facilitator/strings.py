"""The facilitator's input errors in the group's language, for the screens.

`message(err, lang)` gives an `InvalidInput` as its catalogue entry `fac-<code>` (the texts are
in the interface catalogue, `game/locale`), or the error's own English text when it has none.
"""

from __future__ import annotations

from game.i18n import has, t

from .errors import InvalidInput


def message(err: InvalidInput, lang: str) -> str:
    """The error in the interface language nearest to `lang` (English when unknown)."""
    key = f"fac-{err.code}"
    if not has(key):
        return str(err)
    return t(key, lang, **err.params)
