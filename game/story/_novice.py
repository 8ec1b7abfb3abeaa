"""One root cause, one message: the shapes a layout mistake leaves behind, named as the mistake.

A text with a comma inside `{…}` loads as a language map with an odd language; a forgotten
`- ` merges two choices into one with repeated keys; a scene name typed at column 0 becomes an
unknown top-level key. The schema and the checks see only the result; these helpers look at the
data and the source line and say what the author did, where to type the fix, and drop the
findings that only follow from it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from typing import Any

from ._data import lookup
from .issues import Issue
from .text import LANG_RE

SCENE_KEYS = frozenset({"lines", "choices", "goto", "end", "discuss"})
TEXT_FIELDS = frozenset({"text", "title", "description", "guide", "discuss", "label", "unit",
                         "name"})

# Words authors carry over from their own language into a condition.
CONDITION_WORDS = {
    "ja": "and", "och": "and", "sekä": "and",
    "tai": "or", "eller": "or",
    "ei": "not", "inte": "not", "icke": "not",
    "alle": "<", "under": "<", "pienempi": "<", "mindre": "<",
    "yli": ">", "över": ">", "suurempi": ">", "större": ">",
    "on": "==", "är": "==", "yhtä": "==",
    "tosi": "true", "sant": "true", "epätosi": "false", "falskt": "false",
}


def dq(text: str) -> str:
    """Text to show inside double quotes in a hint."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _paths(root: Any) -> dict[int, tuple[Any, ...]]:
    """The path of every container in the data, by id."""
    out: dict[int, tuple[Any, ...]] = {}
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        out[id(node)] = path
        items: Iterable[tuple[Any, Any]] = (
            node.items() if isinstance(node, dict) else enumerate(node)
            if isinstance(node, list) else ()
        )
        for key, child in items:
            if isinstance(child, (dict, list)):
                stack.append((child, path + (key,)))
    return out


# --- repeated keys ------------------------------------------------------------------------


def group_duplicates(issues: list[Issue], owners: list[int | None], root: Any,
                     lines: list[str]) -> list[Issue]:
    """Repeated keys in one list item become one 'forgot-dash'; a repeated scene says so."""
    paths = _paths(root)
    by_owner: dict[int, list[Issue]] = {}
    out: list[Issue] = []
    for issue, owner in zip(issues, owners, strict=True):
        if owner is None or issue.code != "duplicate-key":
            out.append(issue)
            continue
        by_owner.setdefault(owner, []).append(issue)
    for owner, group in by_owner.items():
        path = paths.get(owner, ())
        if path and isinstance(path[-1], int) and len(group) >= 2:
            first = min(group, key=lambda i: (i.line, i.column))
            text = lines[first.line - 1] if 0 < first.line <= len(lines) else ""
            col = first.column
            if text[max(col - 3, 0) : col - 1] == "  ":
                col -= 2
            keys = ", ".join(f"'{i.params['key']}'" for i in group)
            out.append(Issue(first.file, first.line, col, "error", "forgot-dash",
                             {"keys": keys, "line": first.line}))
        elif path == ("scenes",):
            out.extend(dataclasses.replace(i, hint="duplicate-scene.hint") for i in group)
        else:
            out.extend(group)
    return out


def drop_follow_ons(source: list[Issue], found: list[Issue]) -> list[Issue]:
    """The checks' findings minus those that only repeat a layout mistake already reported."""
    merged = any(i.code == "forgot-dash" for i in source)
    twin_scene = any(i.hint == "duplicate-scene.hint" for i in source)
    if not merged and not twin_scene:
        return found
    drop = {"unreachable", "trapped"}
    if merged:
        drop |= {"too-few-choices", "duplicate-choice-id"}
    return [i for i in found if i.code not in drop]


# --- the schema's findings, named by cause -----------------------------------------------


def refine_schema_issue(issue: Issue, loc: tuple[Any, ...], root: Any, lines: list[str]
                        ) -> Issue:
    """A schema finding that a layout mistake explains, as that mistake."""
    if issue.code == "unknown-key" and len(loc) == 1:
        value = lookup(root, loc)
        if isinstance(value, dict) and SCENE_KEYS & set(value):
            return dataclasses.replace(issue, code="scene-not-indented",
                                       params={"key": str(loc[-1])})
        return issue
    if issue.code != "wrong-type":
        return issue
    field = issue.params.get("field")
    found = issue.params.get("found")
    value = lookup(root, loc)
    text = lines[issue.line - 1] if 0 < issue.line <= len(lines) else ""
    if isinstance(value, dict) and field in TEXT_FIELDS:
        comma = _comma_in_braces(issue, value, text)
        if comma is not None:
            return comma
    if found == "empty":
        hash_at = text.find("#", issue.column - 1) if issue.column - 1 < len(text) else -1
        if hash_at < 0:
            k = text.find(f"{field}:")
            hash_at = text.find("#", k) if k >= 0 else -1
        if hash_at >= 0:
            shown = text[hash_at:].rstrip()
            return dataclasses.replace(issue, code="hash-in-text", column=hash_at + 1,
                                       params={"field": field, "text": dq(shown)})
        return dataclasses.replace(issue, hint="empty-value.hint")
    if found == "list" and issue.params.get("expected") == "text":
        return dataclasses.replace(issue, hint="list-where-text.hint")
    expected = issue.params.get("expected")
    if expected == "list" and found in ("mapping", "text"):
        return dataclasses.replace(issue, hint="list-expected.hint")
    if expected in ("bool", "number-or-bool") and found == "text" and str(value).lower() in (
        "yes", "no", "on", "off", "kyllä", "ei", "tosi", "epätosi", "ja", "nej", "sant", "falskt"
    ):
        return dataclasses.replace(issue, hint="bool-words.hint")
    return issue


def _comma_in_braces(issue: Issue, value: dict[Any, Any], text: str) -> Issue | None:
    """`{fi: Odotan, kyllä se siitä.}`: the comma made 'kyllä se siitä.' a language."""
    keys = list(value)
    for n, key in enumerate(keys):
        if value[key] is not None or LANG_RE.match(str(key)):
            continue
        if n == 0:
            return None
        lang = keys[n - 1]
        before = value[lang]
        if not isinstance(before, str):
            return None
        at = text.find(f"{before}, {key}")
        if at < 0:
            at = text.find(f"{before},")
        if at < 0:
            return None
        comma = at + len(before)
        start = text.rfind(f"{lang}:", 0, at)
        start = start + len(str(lang)) + 2 if start >= 0 else at
        return dataclasses.replace(
            issue, code="comma-in-braces", column=start + 1, end_line=issue.line,
            end_column=comma + len(f", {key}") + 1,
            params={"rest": str(key), "lang": str(lang), "text": dq(f"{before}, {key}")})
    return None


# --- texts --------------------------------------------------------------------------------


def colon_in_line(text: dict[str, Any]) -> str | None:
    """The key when a `- Alex sanoo: moi` line became the language map {Alex sanoo: moi}."""
    if len(text) != 1:
        return None
    key = str(next(iter(text)))
    if LANG_RE.match(key) or not (" " in key or key[:1].isupper() or len(key) > 12):
        return None
    return key


def plain_text_example(languages: list[str], text: str) -> str:
    shown = text if len(text) <= 30 else text[:27] + "…"
    return "{" + ", ".join(f"{c}: {shown if i == 0 else '…'}"
                           for i, c in enumerate(languages)) + "}"


# --- conditions ---------------------------------------------------------------------------


def condition_word(source: str, variables: Iterable[str]) -> tuple[str, int, str] | None:
    """A word of the author's own language in a condition: (word, 0-based column, symbol)."""
    known = set(variables)
    for m in re.finditer(r"[^\W\d][\w-]*", source):
        word = m.group()
        if word in CONDITION_WORDS and word not in known:
            return word, m.start(), CONDITION_WORDS[word]
    return None


# --- the story map ------------------------------------------------------------------------


def goto_paths(scenes: dict[str, Any], sid: str) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path of a goto, its target) for each way out of a scene.

    A scene with both `goto` and `choices` (an error of its own) counts both, so the scenes its
    choices lead to are not also reported as unreachable.
    """
    scene = scenes[sid]
    if scene.goto is not None:
        yield ("scenes", sid, "goto"), scene.goto
    for i, ch in enumerate(scene.choices or []):
        yield ("scenes", sid, "choices", i, "goto"), ch.goto


def trapped_loops(scenes: dict[str, Any], can_end: set[str],
                  start: str) -> list[tuple[str, tuple[Any, ...], str]]:
    """For each group of trapped scenes: (the scene entered, the goto closing the loop, target).

    Walks from each place where the group enters trapped scenes (or from the start) and
    follows gotos until one leads back to a scene already on the way: that goto is what the
    author must change.
    """
    trapped = [sid for sid in scenes if sid not in can_end]
    if not trapped:
        return []
    entries: list[str] = []
    if start in scenes and start not in can_end:
        entries.append(start)
    for sid in scenes:
        if sid in can_end:
            for _, target in goto_paths(scenes, sid):
                if target in scenes and target not in can_end and target not in entries:
                    entries.append(target)
    for sid in trapped:
        if sid not in entries:
            entries.append(sid)
    done: set[str] = set()
    out: list[tuple[str, tuple[Any, ...], str]] = []
    for entry in entries:
        if entry in done:
            continue
        on_way: list[str] = []
        node = entry
        closing: tuple[tuple[Any, ...], str] | None = None
        while node not in done:
            done.add(node)
            on_way.append(node)
            nxt = [(p, t) for p, t in goto_paths(scenes, node) if t in scenes]
            if not nxt:
                break
            back = [(p, t) for p, t in nxt if t in on_way]
            if back:
                closing = back[0]
                break
            fresh = [(p, t) for p, t in nxt if t not in done]
            if not fresh:
                closing = nxt[0]
                break
            node = fresh[0][1]
        if closing is not None:
            out.append((entry, closing[0], closing[1]))
    return out


def reachable_with(scenes: dict[str, Any], start: str, meant: dict[str, str]) -> set[str]:
    """Scenes reached from `start` when each misspelt goto leads where it was meant to."""
    reached = {start}
    queue = [start]
    while queue:
        for _, target in goto_paths(scenes, queue.pop()):
            target = meant.get(target, target)
            if target in scenes and target not in reached:
                reached.add(target)
                queue.append(target)
    return reached
