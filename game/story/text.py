"""Texts in several languages, and `{variable}` placeholders inside them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LANG_RE = re.compile(r"[a-z]{2,3}(-[a-z0-9]+)?\Z")

_BOOL_WORDS = {"fi": ("kyllä", "ei"), "sv": ("ja", "nej"), "en": ("yes", "no")}


def base_language(lang: str) -> str:
    """`fi-selko` → `fi`."""
    return lang.split("-", 1)[0]


def fallback_chain(lang: str, default: str) -> list[str]:
    """Languages to try, in order, for a text wanted in `lang`."""
    chain = [lang]
    base = base_language(lang)
    if base != lang:
        chain.append(base)
    for extra in (default, base_language(default)):
        if extra not in chain:
            chain.append(extra)
    return chain


def pick(text: str | Mapping[str, str] | None, lang: str, default: str) -> str:
    """The text in `lang`, falling back to its base language, then the story's default."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for code in fallback_chain(lang, default):
        if code in text:
            return text[code]
    return next(iter(text.values()), "")


@dataclass(frozen=True, slots=True)
class Placeholder:
    name: str
    offset: int  # 0-based offset of the name inside the text


class PlaceholderError(Exception):
    def __init__(self, offset: int, problem: str) -> None:
        self.offset = offset
        self.problem = problem
        super().__init__(f"{problem} at {offset}")


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"\s*([^\W\d]\w*)\s*\Z")


def placeholders(text: str) -> list[Placeholder]:
    """Names used as `{name}`; raises PlaceholderError for a stray or empty brace."""
    found: list[Placeholder] = []
    if "{" not in text and "}" not in text:
        return found
    for m in _PLACEHOLDER.finditer(text):
        token = m.group()
        if token in ("{{", "}}"):
            continue
        if m.group(1) is None:
            raise PlaceholderError(m.start(), "stray-brace")
        nm = _NAME.match(m.group(1))
        if nm is None:
            raise PlaceholderError(m.start() + 1, "bad-name")
        found.append(Placeholder(nm.group(1), m.start(1) + nm.start(1)))
    return found


def show_value(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        yes, no = _BOOL_WORDS.get(base_language(lang), _BOOL_WORDS["en"])
        return yes if value else no
    return str(value)


def interpolate(text: str, variables: Mapping[str, Any], lang: str) -> str:
    """Replace `{name}` by the variable's value; `{{` and `}}` become literal braces."""
    if "{" not in text and "}" not in text:
        return text

    def sub(m: re.Match[str]) -> str:
        token = m.group()
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        inner = m.group(1)
        if inner is None:
            return token
        name = inner.strip()
        if name in variables:
            return show_value(variables[name], lang)
        return token

    return _PLACEHOLDER.sub(sub, text)
