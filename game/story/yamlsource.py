"""Reads a story file into plain Python data plus a map of where each node stands.

PyYAML's composer is not used: walking the C parser's events ourselves is faster than
`compose` and lets us refuse anchors, aliases and tags the moment they appear, before anything
could be expanded or constructed. Scalars are resolved by the YAML 1.2 core schema, so `no` and
`on` stay words instead of turning into booleans behind an author's back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from ._data import MISSING, lookup
from ._pure_yaml import PureSafeLoader
from .issues import Issue
from .limits import MAX_NUMBER, MAX_NUMBER_DIGITS, shown_number

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = PureSafeLoader

LOADERS: dict[str, Any] = {"libyaml": _Loader, "pure": PureSafeLoader}
"""The readers a story can be parsed with; both must give the same data and positions."""

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32

Path = tuple[Any, ...]
Pos = tuple[int, int]

_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OCT = re.compile(r"0o[0-7]+\Z")
_INT_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL = {
    "true": True, "True": True, "TRUE": True,
    "false": False, "False": False, "FALSE": False,
    "null": None, "Null": None, "NULL": None, "~": None, "": None,
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "-.inf": float("-inf"), "-.Inf": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}
_MAYBE_NOT_STR = frozenset("0123456789-+.tTfFnN~")


def resolve_plain(value: str) -> Any:
    """The value of an unquoted scalar under the YAML 1.2 core schema."""
    if not value:
        return None
    if value[0] not in _MAYBE_NOT_STR:
        return value
    if value in _SPECIAL:
        return _SPECIAL[value]
    if _INT.match(value):
        return _whole(value, value.lstrip("+-"), 10)
    if _INT_OCT.match(value):
        return _whole(value, value[2:], 8)
    if _INT_HEX.match(value):
        return _whole(value, value[2:], 16)
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value)
    return value


class OutOfRange:
    """A whole number too long to be worth converting; `text` is how the file wrote it."""

    __slots__ = ("text", "negative")

    def __init__(self, text: str) -> None:
        self.text = text
        self.negative = text.startswith("-")


def _whole(text: str, digits: str, base: int) -> int | OutOfRange:
    """The number, or OutOfRange for one too long to convert (Python refuses over 4300
    decimal digits, and converting a long one takes quadratic time)."""
    if len(digits.lstrip("0")) > MAX_NUMBER_DIGITS:
        return OutOfRange(text)
    return int(digits, base) * (-1 if text.startswith("-") else 1)


class _Marks:
    """Where a container and each of its entries stand: (line, column), 0-based."""

    __slots__ = ("start", "keys", "values")

    def __init__(self, start: Pos) -> None:
        self.start = start
        self.keys: dict[Any, Pos] = {}
        self.values: dict[Any, Pos] = {}


@dataclass
class SourceMap:
    """Finds the line and column of any node by its path (as pydantic reports `loc`)."""

    root: Any = None
    marks: dict[int, _Marks] = field(default_factory=dict)
    origin: Pos = (0, 0)

    def _walk(self, path: Path) -> tuple[Pos, Pos | None]:
        """Position of the deepest existing node on `path`, and of its key if it is an entry."""
        node = self.root
        pos = self.origin
        key_pos: Pos | None = None
        for step in path:
            marks = self.marks.get(id(node))
            if marks is None:
                break
            if isinstance(node, dict) and step in node:
                pos = marks.values.get(step, pos)
                key_pos = marks.keys.get(step)
                node = node[step]
            elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
                pos = marks.values.get(step, pos)
                key_pos = None
                node = node[step]
            else:
                break
        return pos, key_pos

    def value(self, path: Path) -> Pos:
        """1-based (line, column) of the value at `path` (or the nearest existing ancestor)."""
        pos, _ = self._walk(path)
        return pos[0] + 1, pos[1] + 1

    def key(self, path: Path) -> Pos:
        """1-based (line, column) of the key of the entry at `path`, or of its value."""
        pos, key_pos = self._walk(path)
        pos = key_pos or pos
        return pos[0] + 1, pos[1] + 1

    def has(self, path: Path) -> bool:
        return lookup(self.root, path, MISSING) is not MISSING


@dataclass
class Source:
    """A parsed file: its data, where every node stands, and non-fatal findings."""

    data: Any
    where: SourceMap
    issues: list[Issue]


class SourceError(Exception):
    """The file cannot be read as a story document at all; `issue` says why."""

    def __init__(self, issue: Issue) -> None:
        self.issue = issue
        super().__init__(issue.format())


def _fatal(file: str, line: int, col: int, code: str, **params: Any) -> SourceError:
    return SourceError(Issue(file, line, col, "error", code, params))


def _shown_tag(tag: str) -> str:
    """`tag:yaml.org,2002:python/object` back to `!!python/object`, as the author wrote it."""
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix):] if tag.startswith(prefix) else tag


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text of `raw` (a BOM is allowed), or a SourceError at the first bad byte."""
    if len(raw) > MAX_FILE_BYTES:
        raise _fatal(file, 1, 1, "file-too-large", size=len(raw), limit=MAX_FILE_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        from ._yaml_diagnose import decoding_issue

        legacy = decoding_issue(raw, file)
        if legacy is not None:
            raise SourceError(legacy) from None
        good = raw[: exc.start].decode("utf-8")
        line = good.count("\n") + 1
        col = len(good) - (good.rfind("\n") + 1) + 1
        raise _fatal(file, line, col, "not-utf8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        good = text[: text.index("\x00")]
        line = good.count("\n") + 1
        raise _fatal(file, line, len(good) - (good.rfind("\n") + 1) + 1, "not-utf8")
    return text


def parse(text: str, file: str, *, reader: str = "libyaml") -> Source:
    """Parse one YAML document of story text into plain data and a SourceMap."""
    marks: dict[int, _Marks] = {}
    issues: list[Issue] = []
    owners: list[int | None] = []  # the mapping each repeated key was found in
    # Each frame: [container, marks, pending key or _NO_KEY, pending key position]
    stack: list[list[Any]] = []
    root: Any = None
    root_pos: Pos = (0, 0)
    have_root = False
    documents = 0
    no_key = _NO_KEY
    try:
        for ev in yaml.parse(text, Loader=LOADERS[reader]):
            cls = type(ev)
            if cls is ScalarEvent:
                if ev.anchor is not None:
                    m = ev.start_mark
                    raise _fatal(file, m.line + 1, m.column + 1, "yaml-anchor", name=ev.anchor)
                if ev.tag is not None:
                    m = ev.start_mark
                    raise _fatal(file, m.line + 1, m.column + 1, "yaml-tag", tag=_shown_tag(ev.tag))
                raw: Any = ev.value
                value: Any = resolve_plain(raw) if ev.implicit[0] else raw
                m = ev.start_mark
                pos = (m.line, m.column)
                if type(value) is OutOfRange or (
                    type(value) is int and not -MAX_NUMBER <= value <= MAX_NUMBER
                ):
                    # Refused here, once, where it stands; the rest of the file is read with
                    # the nearest allowed number so no later step meets a huge one.
                    issues.append(Issue(file, m.line + 1, m.column + 1, "error", "number-range",
                                        {"shown": shown_number(raw), "limit": MAX_NUMBER}))
                    owners.append(None)  # not a repeated key: kept as it is
                    negative = raw.lstrip().startswith("-")
                    value = -MAX_NUMBER if negative else MAX_NUMBER
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                m = ev.start_mark
                if ev.anchor is not None:
                    raise _fatal(file, m.line + 1, m.column + 1, "yaml-anchor", name=ev.anchor)
                if ev.tag is not None:
                    raise _fatal(file, m.line + 1, m.column + 1, "yaml-tag", tag=_shown_tag(ev.tag))
                if len(stack) >= MAX_DEPTH:
                    raise _fatal(file, m.line + 1, m.column + 1, "too-deep", limit=MAX_DEPTH)
                container: Any = {} if cls is MappingStartEvent else []
                cm = _Marks((m.line, m.column))
                marks[id(container)] = cm
                stack.append([container, cm, no_key, None])
                continue
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                value = raw = frame[0]
                pos = frame[1].start
            elif cls is AliasEvent:
                m = ev.start_mark
                raise _fatal(file, m.line + 1, m.column + 1, "yaml-anchor", name=ev.anchor)
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    m = ev.start_mark
                    raise _fatal(file, m.line + 1, m.column + 1, "yaml-documents")
                continue
            else:
                continue
            if not stack:
                root = value
                root_pos = pos
                have_root = True
                continue
            frame = stack[-1]
            container = frame[0]
            if type(container) is list:
                frame[1].values[len(container)] = pos
                container.append(value)
            elif frame[2] is no_key:
                if isinstance(value, (dict, list)):
                    raise _fatal(file, pos[0] + 1, pos[1] + 1, "complex-key")
                frame[2] = raw  # keys are names: `1:` or `no:` stay text
                frame[3] = pos
            else:
                key = frame[2]
                if key in container:
                    kl, kc = frame[3]
                    first = frame[1].keys[key]
                    issues.append(
                        Issue(file, kl + 1, kc + 1, "error", "duplicate-key",
                              {"key": str(key), "first_line": first[0] + 1})
                    )
                    owners.append(id(container))
                else:
                    container[key] = value
                    frame[1].keys[key] = frame[3]
                    frame[1].values[key] = pos
                frame[2] = no_key
    except yaml.MarkedYAMLError as exc:
        from ._yaml_diagnose import diagnose

        raise SourceError(diagnose(text, file, exc)) from None
    except yaml.YAMLError as exc:
        at = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, at) + 1
        raise _fatal(file, line, at - (text.rfind("\n", 0, at) + 1) + 1, "yaml-other",
                     problem=str(exc)) from None
    except RecursionError:
        raise _fatal(file, 1, 1, "too-deep", limit=MAX_DEPTH) from None
    if not have_root or root is None:
        raise _fatal(file, 1, 1, "empty-file")
    if not isinstance(root, dict):
        raise _fatal(file, root_pos[0] + 1, root_pos[1] + 1, "not-mapping")
    if issues:
        from ._novice import group_duplicates

        issues = group_duplicates(issues, owners, root, text.split("\n"))
    where = SourceMap(root=root, marks=marks, origin=marks[id(root)].start)
    return Source(data=root, where=where, issues=issues)


class _NoKey:
    __slots__ = ()


_NO_KEY = _NoKey()


def read_source(raw: bytes, file: str, *, reader: str = "libyaml") -> Source:
    """Bytes of a story file to a Source, or a SourceError saying what is wrong and where."""
    return parse(decode(raw, file), file, reader=reader)
