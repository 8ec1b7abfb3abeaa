"""The interface catalogue's sources, read with Babel, for the tests that check them."""

from __future__ import annotations

from functools import cache

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from game.i18n import DOMAIN
from game.i18n.__main__ import po_file

VALIDATOR = "validator"  # the extracted comment that marks the validator's messages


@cache
def po(lang: str) -> Catalog:
    with po_file(lang).open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def validator_codes() -> set[str]:
    """The codes the loader and validator report: their entries say so in a `#.` comment."""
    return {m.id if isinstance(m.id, str) else m.id[0] for m in po("en")
            if m.id and any(c.startswith(VALIDATOR) for c in m.auto_comments)}
