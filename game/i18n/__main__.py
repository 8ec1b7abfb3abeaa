"""`python -m game.i18n compile`: rebuild every `.mo` catalogue from its `.po` source.

Run it after editing a `.po` file; a test fails while a committed `.mo` differs from a fresh
compile. Needs Babel (the `test` extra); the game itself only reads the `.mo` files.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from . import DOMAIN, LANGUAGES

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def po_file(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compiled(lang: str) -> bytes:
    """The `.mo` bytes a fresh compile of `lang`'s `.po` gives."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_file(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def compile_all() -> list[Path]:
    """Write every language's `.mo` next to its `.po`; returns the files written."""
    written = []
    for lang in LANGUAGES:
        target = po_file(lang).with_suffix(".mo")
        target.write_bytes(compiled(lang))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m game.i18n",
                                     description="the interface catalogue's maintenance")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("compile", help="rebuild every .mo from its .po")
    parser.parse_args(argv)
    for path in compile_all():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
