"""The interface catalogue: every word of the game, the facilitator and the tools, in fi, sv, en.

The texts live in gettext catalogues, `game/locale/<lang>/LC_MESSAGES/porukka.po` (compiled to
`.mo` next to them with `python -m game.i18n compile`). The message id is a key such as
`usage-error`; the text holds `{name}` placeholders filled with `str.format` after the lookup.
Counted things are plural entries read with `tn`, so the results screen says "1 ääni" and
"2 ääntä".

A language's catalogue is read the first time a string of that language is asked for, never by
importing a module, so which strings exist does not depend on what happened to be imported.
This package is a leaf: it imports nothing else from `game` or `facilitator`, and no Babel.

To add a string: add the same msgid to the three `.po` files (for a count, with `msgid_plural`
and `msgstr[0]` / `msgstr[1]`), run `python -m game.i18n compile`, and commit both files;
tests/test_i18n.py checks that the languages agree and the `.mo` files are fresh.
"""

from __future__ import annotations

import gettext
import logging
import os
from collections.abc import Mapping
from importlib.resources import files
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

LANGUAGES = ("fi", "sv", "en")
FALLBACK = "en"
DOMAIN = "porukka"
STRICT_ENV = "PORUKKA_STRICT_STRINGS"

_log = logging.getLogger(__name__)
_catalogues: dict[str, gettext.GNUTranslations] = {}
_reported: set[tuple[str, str]] = set()


class MissingString(LookupError):
    """A key (or one of its placeholders) is not in the catalogue: a bug, never the user's."""


def _base(tag: str) -> str:
    return tag.replace("_", "-").split("-", 1)[0].split(".", 1)[0].lower()


def interface_language(lang: str | None) -> str:
    """fi, sv or en for any language tag (`fi-selko` → fi, `sv_FI.UTF-8` → sv, `de` → en).

    The one place that maps a story's or the locale's language to an interface language.
    """
    if not lang:
        return FALLBACK
    base = _base(lang)
    return base if base in LANGUAGES else FALLBACK


def detect_language(env: Mapping[str, str] | None = None) -> str:
    """The interface language from the environment (PORUKKA_LANG, then the locale variables)."""
    env = os.environ if env is None else env
    for var in ("PORUKKA_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in env.get(var, "").split(":"):
            base = _base(part)
            if base in LANGUAGES:
                return base
            if base and base not in ("c", "posix"):
                return FALLBACK
    return FALLBACK


def catalogue_path(lang: str, suffix: str = ".mo") -> Traversable:
    """Where the catalogue of `lang` is (a Traversable: package data, also inside a wheel)."""
    return files("game").joinpath("locale", lang, "LC_MESSAGES", DOMAIN + suffix)


def load_catalogue(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of one interface language, read once and kept."""
    lang = interface_language(lang)
    cat = _catalogues.get(lang)
    if cat is None:
        with catalogue_path(lang).open("rb") as fh:
            cat = gettext.GNUTranslations(fh)
        _catalogues[lang] = cat
    return cat


def entries(lang: str) -> dict[str, tuple[str, ...]]:
    """Every key of a language with its text: one text, or the forms of a plural entry."""
    found: dict[str, list[str]] = {}
    for msgid, text in _texts(lang).items():
        if isinstance(msgid, tuple):
            forms = found.setdefault(msgid[0], [])
            forms.extend([""] * (msgid[1] + 1 - len(forms)))
            forms[msgid[1]] = text
        elif msgid:  # "" is the header
            found[msgid] = [text]
    return {key: tuple(texts) for key, texts in found.items()}


def has(key: str) -> bool:
    """Whether the catalogue holds `key` (for keys made from data, such as a domain's name)."""
    texts = _texts(FALLBACK)
    return key in texts or (key, 0) in texts


def _strict() -> bool:
    return os.environ.get(STRICT_ENV) == "1"


def _missing(key: str, lang: str, problem: str) -> None:
    if _strict():
        raise MissingString(f"interface string {key!r} ({lang}): {problem}")
    if (key, lang) not in _reported:
        _reported.add((key, lang))
        _log.warning("interface string %r (%s): %s", key, lang, problem)


def _texts(lang: str) -> dict[Any, str]:
    # GNUTranslations keeps a singular text under its msgid and plural forms under (msgid, i).
    # Read it directly: gettext() would quietly give a plural's first form, or the key itself.
    catalog: dict[Any, str] = load_catalogue(lang)._catalog  # type: ignore[attr-defined]
    return catalog


def _lookup(key: str, lang: str, n: int | None) -> str | None:
    if n is None:
        return _texts(lang).get(key)
    return _texts(lang).get((key, load_catalogue(lang).plural(n)))  # type: ignore[attr-defined]


def _render(key: str, ui: str, n: int | None, params: dict[str, Any]) -> str:
    lang = interface_language(ui)
    for attempt in dict.fromkeys((lang, FALLBACK)):
        text = _lookup(key, attempt, n)
        if text is None:
            _missing(key, attempt, "no such key" if n is None else "no such plural entry")
            continue
        if not params:
            return text
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError) as exc:
            _missing(key, attempt, f"cannot fill in {exc}")
    return key


def t(key: str, ui: str, /, **params: Any) -> str:
    """The string `key` in the interface language nearest to `ui`, its `{fields}` filled in.

    A missing key raises `MissingString` when PORUKKA_STRICT_STRINGS=1 (the tests); in front of
    a group it falls back to English, then to the key itself, and is logged once.
    """
    return _render(key, ui, None, params)


def tn(key: str, n: int, ui: str, /, **params: Any) -> str:
    """The plural entry `key` in the form for the count `n` (also available as `{n}`)."""
    return _render(key, ui, n, {"n": n, **params})
