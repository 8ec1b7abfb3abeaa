"""Second pass of validation: one small `check_*` function per rule of the format.

The schema pass (pydantic) has already made sure every node has the right shape; the checks
here look at the story as a whole. Each check returns Issues; nothing is printed here.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from pydantic import ValidationError

from . import _novice
from . import conditions as cond
from .issues import Issue, Severity
from .limits import CONTROL_RE, MAX_TIMER, control_name
from .model import (
    STANDARD_DOMAINS,
    Character,
    ChoiceSpec,
    DomainSpec,
    Ending,
    LineSpec,
    Scene,
    Story,
    Variable,
)
from .pictures import picture_problem
from .text import LANG_RE, PlaceholderError, base_language, placeholders
from .yamlsource import Path, SourceMap

MAX_SCENES = 20_000
MAX_TEXT = 2_000
LONG_SCENE_CHARS = 700
"""More text than a 1280×720 screen holds at the default text size (about 9 lines of 80)."""

IMAGE_EXT = (".svg", ".png", ".jpg", ".jpeg")
SOUND_EXT = (".ogg", ".wav")
NAME_RE = re.compile(r"[^\W\d]\w*\Z")
SCENE_ID_RE = re.compile(r"[^\W\d][\w-]*\Z")
COLOR_RE = re.compile(r"#[0-9a-fA-F]{6}\Z")


def did_you_mean(name: str, candidates: Any) -> str | None:
    """The closest known name to a misspelt one, if any is close."""
    pool = [str(c) for c in candidates]
    found = difflib.get_close_matches(str(name), pool, n=1, cutoff=0.6)
    if not found and pool:
        lowered = {c.lower(): c for c in pool}
        found = difflib.get_close_matches(str(name).lower(), list(lowered), n=1, cutoff=0.6)
        found = [lowered[f] for f in found]
    return found[0] if found else None


@dataclass
class Context:
    """What every check may look at: the story, where its nodes stand, and its folders."""

    file: str
    story: Story
    where: SourceMap
    data: dict[str, Any]
    lines: list[str]
    folder: FsPath | None = None
    shared_assets: FsPath | None = None
    issues: list[Issue] = field(default_factory=list)

    def issue(
        self,
        severity: Severity,
        code: str,
        path: Path,
        /,
        *,
        key: bool = False,
        offset: int | None = None,
        **params: Any,
    ) -> Issue:
        line, col = self.where.key(path) if key else self.where.value(path)
        if offset is not None:
            line, col = self._into_scalar(line, col, offset)
        return Issue(self.file, line, col, severity, code, params)

    def error(self, code: str, path: Path, /, **kw: Any) -> Issue:
        return self.issue("error", code, path, **kw)

    def warning(self, code: str, path: Path, /, **kw: Any) -> Issue:
        return self.issue("warning", code, path, **kw)

    def _into_scalar(self, line: int, col: int, offset: int) -> tuple[int, int]:
        """Position of character `offset` of a scalar that starts at (line, col).

        Follows the scalar onto later lines: a block scalar (`|`, `>`) has one character per
        line break after its indentation; a plain or quoted scalar folds each line break
        into one space and drops the indentation of its continuation lines.
        """
        lines = self.lines
        if not 0 < line <= len(lines):
            return line, col
        text = lines[line - 1]
        first = text[col - 1 : col] if col - 1 < len(text) else ""
        if first in ("|", ">"):
            indent: int | None = None
            last = (line, col)
            for n in range(line, len(lines)):
                row = lines[n]
                body = row.lstrip(" ")
                if indent is None:
                    if not body:
                        offset -= 1
                        continue
                    indent = len(row) - len(body)
                elif body and len(row) - len(body) < indent:
                    break
                body = row[indent:]
                if offset <= len(body):
                    return n + 1, indent + 1 + offset
                offset -= len(body) + 1
                last = (n + 1, len(row) + 1)
            return last
        start = col + 1 if first in ("'", '"') else col
        segment = text[start - 1 :].rstrip()
        n = line
        while offset > len(segment) and n < len(lines):
            row = lines[n]
            n += 1
            body = row.strip()
            if not body:
                continue
            offset -= len(segment) + 1
            start = len(row) - len(row.lstrip()) + 1
            segment = body
        return n, start + offset


# --- the schema pass ----------------------------------------------------------------------

_EXPECTED = {
    "string_type": "text",
    "text_type": "text",
    "int_type": "number",
    "int_parsing": "number",
    "int_from_float": "number",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "value_type": "number-or-bool",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "domain_type": "domain",
}


def _model_at(loc: Path) -> type | None:
    """The model whose fields are allowed at the mapping `loc` points into."""
    n = len(loc)
    if n == 0:
        return Story
    if n == 2 and loc[0] == "variables":
        return Variable
    if n == 2 and loc[0] == "characters":
        return Character
    if n == 2 and loc[0] == "domains":
        return DomainSpec
    if n >= 2 and loc[0] == "scenes":
        rest = loc[2:]
        if not rest:
            return Scene
        if rest == ("end",):
            return Ending
        if len(rest) == 2 and rest[0] == "choices":
            return ChoiceSpec
        if len(rest) == 2 and rest[0] == "lines":
            return LineSpec
    return None


def _field_names(model: type) -> list[str]:
    fields = model.model_fields  # type: ignore[attr-defined]
    return [f.alias or name for name, f in fields.items()]


def schema_issues(
    exc: ValidationError, file: str, where: SourceMap, lines: list[str] | None = None
) -> list[Issue]:
    """Turn pydantic's findings into Issues at the nodes they name, one per place."""
    out: list[Issue] = []
    seen: set[tuple[Path, str]] = set()
    for err in exc.errors(include_url=False):
        loc: Path = tuple(err["loc"])
        kind = err["type"]
        if kind == "extra_forbidden":
            parent = loc[:-1]
            model = _model_at(parent)
            allowed = _field_names(model) if model else []
            params: dict[str, Any] = {"key": str(loc[-1])}
            hint = did_you_mean(str(loc[-1]), allowed)
            if hint:
                params["hint"] = hint
            if allowed:
                params["allowed"] = ", ".join(allowed)
            code, line_col = "unknown-key", where.key(loc)
        elif kind == "missing":
            code, line_col = "missing-field", where.key(loc[:-1])
            params = {"field": str(loc[-1])}
        elif loc == ("format",):
            code, line_col = "format-version", where.value(loc)
            params = {"value": str(err.get("input"))}
        elif kind == "string_pattern_mismatch" and loc == ("id",):
            code, line_col = "bad-story-id", where.value(loc)
            params = {"value": str(err.get("input"))}
        elif kind == "literal_error":
            code, line_col = "bad-value", where.value(loc)
            expected = str(err.get("ctx", {}).get("expected", "")).replace("'", "")
            expected = expected.replace(" or ", ", ")
            params = {"field": str(loc[-1]), "value": str(err.get("input")), "allowed": expected}
        elif kind in ("greater_than", "greater_than_equal"):
            code, line_col = "not-positive", where.value(loc)
            params = {"field": str(loc[-1])}
        else:
            # Union members add steps to `loc` that the file does not have; report at the
            # deepest node that exists, once.
            while loc and not where.has(loc):
                loc = loc[:-1]
            code, line_col = "wrong-type", where.value(loc)
            field_name = next((str(s) for s in reversed(loc) if isinstance(s, str)), "")
            params = {"field": field_name, "expected": _EXPECTED.get(kind, "other"),
                      "found": _type_word(err.get("input"))}
        if (loc, code) in seen:
            continue
        seen.add((loc, code))
        found = Issue(file, line_col[0], line_col[1], "error", code, params)
        if lines is not None:
            found = _novice.refine_schema_issue(found, loc, where.root, lines)
        out.append(found)
    return out


def _type_word(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "number"
    if isinstance(value, float):
        return "decimal"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if value is None:
        return "empty"
    return "other"


# --- walking the story ------------------------------------------------------------------


def iter_texts(ctx: Context) -> Iterator[tuple[Path, str | dict[str, str]]]:
    """Every text field of the story with its path."""
    s = ctx.story
    for name in ("title", "description", "guide"):
        value = getattr(s, name)
        if value is not None:
            yield (name,), value
    for vname, var in s.variables.items():
        if var.label is not None:
            yield ("variables", vname, "label"), var.label
        if var.unit is not None:
            yield ("variables", vname, "unit"), var.unit
    for cid, ch in s.characters.items():
        yield ("characters", cid, "name"), ch.name
    for i, d in enumerate(s.domains or []):
        if isinstance(d, DomainSpec):
            yield ("domains", i, "label"), d.label
    for sid, scene in s.scenes.items():
        for i, line in enumerate(scene.lines):
            yield line_text_path(ctx, sid, i), line.text
        if scene.discuss is not None:
            yield ("scenes", sid, "discuss"), scene.discuss
        for i, choice in enumerate(scene.choices or []):
            yield ("scenes", sid, "choices", i, "text"), choice.text
        if scene.end is not None and scene.end.title is not None:
            yield ("scenes", sid, "end", "title"), scene.end.title


def line_text_path(ctx: Context, sid: str, i: int) -> Path:
    raw = ctx.data.get("scenes", {}).get(sid, {}).get("lines", [None] * (i + 1))[i]
    base: Path = ("scenes", sid, "lines", i)
    return base + ("text",) if isinstance(raw, dict) and "text" in raw else base


def iter_conditions(ctx: Context) -> Iterator[tuple[Path, str]]:
    for sid, scene in ctx.story.scenes.items():
        for i, line in enumerate(scene.lines):
            if line.if_ is not None:
                yield ("scenes", sid, "lines", i, "if"), line.if_
        for i, ch in enumerate(scene.choices or []):
            if ch.if_ is not None:
                yield ("scenes", sid, "choices", i, "if"), ch.if_


def iter_effects(ctx: Context) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    """Every `set` and `add` map with its path and which of the two it is."""
    for sid, scene in ctx.story.scenes.items():
        if scene.set:
            yield ("scenes", sid, "set"), "set", scene.set
        if scene.add:
            yield ("scenes", sid, "add"), "add", scene.add
        for i, ch in enumerate(scene.choices or []):
            if ch.set:
                yield ("scenes", sid, "choices", i, "set"), "set", ch.set
            if ch.add:
                yield ("scenes", sid, "choices", i, "add"), "add", ch.add


def edges(scene: Scene) -> list[str]:
    """Where a scene can lead: its goto, or the goto of each of its choices, in order."""
    if scene.goto is not None:
        return [scene.goto]
    return [c.goto for c in scene.choices or []]


def _unknown(ctx: Context, code: str, path: Path, name: str, known: Any, **kw: Any) -> Issue:
    params: dict[str, Any] = {"name": name}
    hint = did_you_mean(name, known)
    if hint:
        params["hint"] = hint
    return ctx.error(code, path, **kw, **params)


def variable_types(story: Story) -> dict[str, cond.Type]:
    return {n: ("bool" if v.is_bool else "number") for n, v in story.variables.items()}


# --- the checks -------------------------------------------------------------------------


def check_limits(ctx: Context) -> list[Issue]:
    if len(ctx.story.scenes) > MAX_SCENES:
        return [ctx.error("too-many-scenes", ("scenes",), key=True,
                          count=len(ctx.story.scenes), limit=MAX_SCENES)]
    return []


def check_names(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for sid in ctx.story.scenes:
        if not SCENE_ID_RE.match(sid) or sid in cond.KEYWORDS:
            out.append(ctx.error("bad-name", ("scenes", sid), key=True, name=sid, kind="scene"))
    for vname in ctx.story.variables:
        if not NAME_RE.match(vname) or vname in cond.KEYWORDS:
            out.append(ctx.error("bad-name", ("variables", vname), key=True, name=vname,
                                 kind="variable"))
    for cid in ctx.story.characters:
        if not SCENE_ID_RE.match(cid):
            out.append(ctx.error("bad-name", ("characters", cid), key=True, name=cid,
                                 kind="character"))
    for sid, scene in ctx.story.scenes.items():
        for i, ch in enumerate(scene.choices or []):
            if ch.id is not None and (not SCENE_ID_RE.match(ch.id) or ch.id in cond.KEYWORDS):
                out.append(ctx.error("bad-name", ("scenes", sid, "choices", i, "id"),
                                     name=ch.id, kind="choice"))
    return out


def check_languages(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    seen: set[str] = set()
    if not ctx.story.languages:
        out.append(ctx.error("no-languages", ("languages",)))
    for i, code in enumerate(ctx.story.languages):
        if not LANG_RE.match(code):
            out.append(ctx.error("bad-language", ("languages", i), code=code))
        elif code in seen:
            out.append(ctx.error("duplicate-language", ("languages", i), code=code))
        seen.add(code)
    return out


def check_start(ctx: Context) -> list[Issue]:
    start = ctx.story.start
    if start not in ctx.story.scenes:
        return [_unknown(ctx, "unknown-scene", ("start",), start, ctx.story.scenes)]
    return []


def check_scene_exits(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for sid, scene in ctx.story.scenes.items():
        given = [k for k in ("choices", "goto", "end") if getattr(scene, k) is not None]
        raw = ctx.data.get("scenes", {}).get(sid)
        empty = [k for k in ("goto", "choices", "end") if isinstance(raw, dict) and k in raw
                 and raw[k] is None]
        if not given and empty:
            # `goto:` with nothing after it: the fix is typed right there.
            found = ctx.error("scene-exit", ("scenes", sid, empty[0]), key=True, scene=sid,
                              given="")
            out.append(dataclasses.replace(found, column=found.column + len(empty[0]) + 2,
                                           hint="empty-value.hint"))
        elif len(given) != 1:
            out.append(ctx.error("scene-exit", ("scenes", sid), key=True, scene=sid,
                                 given=", ".join(given)))
        if not scene.lines and scene.choices is None:
            out.append(ctx.error("empty-lines", ("scenes", sid), key=True, scene=sid))
    return out


def check_gotos(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    scenes = ctx.story.scenes
    for sid, scene in scenes.items():
        if scene.goto is not None and scene.goto not in scenes:
            out.append(_unknown(ctx, "unknown-scene", ("scenes", sid, "goto"), scene.goto, scenes))
        for i, ch in enumerate(scene.choices or []):
            if ch.goto not in scenes:
                out.append(_unknown(ctx, "unknown-scene", ("scenes", sid, "choices", i, "goto"),
                                    ch.goto, scenes))
    return out


def check_choices(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for sid, scene in ctx.story.scenes.items():
        if scene.choices is None:
            continue
        path: Path = ("scenes", sid, "choices")
        n = len(scene.choices)
        if n < 2:
            out.append(ctx.error("too-few-choices", path, key=True, count=n))
        elif n > 6:
            out.append(ctx.error("too-many-choices", path, key=True, count=n))
        elif n > 4:
            out.append(ctx.warning("many-choices", path, key=True, count=n))
        ids: dict[str, int] = {}
        for i, ch in enumerate(scene.choices):
            cid = ctx.story.choice_id(ch)
            if cid in ids:
                where = ("scenes", sid, "choices", i) + (("id",) if ch.id is not None else ())
                out.append(ctx.error("duplicate-choice-id", where, id=cid, first=ids[cid] + 1,
                                     implicit=ch.id is None))
            else:
                ids[cid] = i
        if n >= 2 and all(ch.if_ is not None for ch in scene.choices):
            out.append(ctx.warning("all-choices-conditional", path, key=True, scene=sid))
    return out


def check_variables(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for name, var in ctx.story.variables.items():
        path: Path = ("variables", name)
        if var.is_bool:
            for bound in ("min", "max"):
                if getattr(var, bound) is not None:
                    out.append(ctx.error("bool-range", path + (bound,), key=True, name=name))
            continue
        if var.min is not None and var.max is not None and var.min > var.max:
            out.append(ctx.error("min-over-max", path + ("min",), name=name, min=var.min,
                                 max=var.max))
        elif (var.min is not None and var.initial < var.min) or (
            var.max is not None and var.initial > var.max
        ):
            out.append(ctx.error("initial-range", path + ("initial",), name=name,
                                 value=var.initial, min=_bound(var.min), max=_bound(var.max)))
    return out


def _bound(value: int | None) -> str:
    return "–" if value is None else str(value)


def check_effects(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    variables = ctx.story.variables
    for path, kind, effects in iter_effects(ctx):
        for name, value in effects.items():
            if name not in variables:
                out.append(_unknown(ctx, "unknown-variable", path + (name,), name, variables,
                                    key=True))
                continue
            var = variables[name]
            if kind == "add" and var.is_bool:
                out.append(ctx.error("add-bool", path + (name,), key=True, name=name))
            elif kind == "set" and isinstance(value, bool) != var.is_bool:
                out.append(ctx.error("set-type", path + (name,), name=name,
                                     expected="bool" if var.is_bool else "number"))
    return out


def check_conditions(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    types = variable_types(ctx.story)
    scenes = ctx.story.scenes
    for path, source in iter_conditions(ctx):
        try:
            cond.check_condition(source, types, scenes)
        except cond.ConditionError as exc:
            code, column = exc.code, exc.column
            params = dict(exc.params)
            known = params.pop("known", None)
            own = _novice.condition_word(source, types)
            if own is not None and code in ("condition-syntax", "unknown-variable"):
                # `ja`, `tai`, `ei`, `alle`: the author's own words for and, or, not, <.
                code, column = "condition-syntax", own[1] + 1
                params = {"problem": "unexpected", "text": own[0], "hint": own[2]}
            elif known is not None:
                hint = did_you_mean(params["name"], known)
                if hint:
                    params["hint"] = hint
            out.append(ctx.error(code, path, offset=column - 1,
                                 condition=" ".join(source.split()), **params))
    return out


def check_texts(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    langs = ctx.story.languages
    listed = set(langs)
    variables = ctx.story.variables
    plain: list[tuple[Path, str]] = []
    for path, text in iter_texts(ctx):
        values: list[tuple[Path, str]]
        if isinstance(text, dict) and (key := _novice.colon_in_line(text)) is not None:
            shown = f"{key}: {text[key]}"
            out.append(ctx.error("colon-in-line", path + (key,), key=True, name=key,
                                 text=_novice.dq(shown)))
            continue
        if isinstance(text, dict):
            values = []
            for code, value in text.items():
                if code not in listed:
                    if LANG_RE.match(code):
                        out.append(ctx.error("unlisted-language", path + (code,), key=True,
                                             code=code, languages=", ".join(langs)))
                    else:
                        out.append(ctx.error("bad-language", path + (code,), key=True, code=code))
                values.append((path + (code,), value))
            # A variant (fi-selko) falls back to its base language (fi) without a warning.
            missing = [c for c in dict.fromkeys(langs) if LANG_RE.match(c) and c not in text
                       and base_language(c) not in text]
            if missing:
                out.append(ctx.warning("missing-translation", path, missing=", ".join(missing)))
        else:
            values = [(path, text)]
            # Names and units (Sami, €) read the same in every language.
            if len(langs) > 1 and path[-1] not in ("name", "unit") and any(
                c.isalpha() for c in re.sub(r"\{[^{}]*\}", "", text)
            ):
                plain.append((path, text))
        for vpath, value in values:
            if len(value) > MAX_TEXT:
                out.append(ctx.error("text-too-long", vpath, length=len(value), limit=MAX_TEXT))
            try:
                names = placeholders(value)
            except PlaceholderError as exc:
                out.append(ctx.error("bad-placeholder", vpath, offset=exc.offset,
                                     problem=exc.problem))
                continue
            for ph in names:
                if ph.name not in variables:
                    out.append(_unknown(ctx, "unknown-variable", vpath, ph.name, variables,
                                        offset=ph.offset))
    if plain:
        # One warning for the whole story: the cause is one, adding the other languages.
        first_path, first = plain[0]
        params: dict[str, Any] = {"languages": ", ".join(langs),
                                  "example": _novice.plain_text_example(langs, first)}
        if len(plain) == 1:
            out.append(ctx.warning("plain-text", first_path, **params))
        else:
            out.append(ctx.warning("plain-texts", first_path, n=len(plain) - 1, **params))
    return out


def check_characters(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    chars = ctx.story.characters
    for cid, ch in chars.items():
        if ch.color is not None and not COLOR_RE.match(ch.color):
            out.append(ctx.error("bad-color", ("characters", cid, "color"), value=ch.color))
    for sid, scene in ctx.story.scenes.items():
        for i, line in enumerate(scene.lines):
            if line.who is not None and line.who not in chars:
                out.append(_unknown(ctx, "unknown-character", ("scenes", sid, "lines", i, "who"),
                                    line.who, chars))
    return out


def check_domains(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    declared: list[str] = []
    for i, d in enumerate(ctx.story.domains or []):
        if isinstance(d, str):
            if d not in STANDARD_DOMAINS:
                out.append(_unknown(ctx, "unknown-domain", ("domains", i), d, STANDARD_DOMAINS,
                                    declare=True))
                continue
            did = d
        else:
            did = d.id
            if not NAME_RE.match(did):
                out.append(ctx.error("bad-name", ("domains", i, "id"), name=did, kind="domain"))
        if did in declared:
            out.append(ctx.error("duplicate-domain", ("domains", i), id=did))
        declared.append(did)
    known = list(STANDARD_DOMAINS) + [d for d in declared if d not in STANDARD_DOMAINS]
    any_domains = False
    for sid, scene in ctx.story.scenes.items():
        for i, ch in enumerate(scene.choices or []):
            for j, dom in enumerate(ch.domains):
                any_domains = True
                if dom not in known:
                    out.append(_unknown(ctx, "unknown-domain",
                                        ("scenes", sid, "choices", i, "domains", j), dom, known))
    has_choices = any(scene.choices for scene in ctx.story.scenes.values())
    if has_choices and not any_domains:
        out.append(ctx.warning("no-domains", ("scenes",), key=True))
    return out


def scenes_that_can_end(story: Story) -> set[str]:
    """Scenes from which some ending can be reached by gotos and choices, conditions ignored."""
    scenes = story.scenes
    reverse: dict[str, list[str]] = {sid: [] for sid in scenes}
    for sid, scene in scenes.items():
        for target in edges(scene):
            if target in reverse:
                reverse[target].append(sid)
    # A scene with a goto to an unknown scene is not called trapped: the unknown name is the
    # error to fix first, and where it leads is not known yet.
    can_end = {sid for sid, scene in scenes.items()
               if scene.end is not None or any(t not in scenes for t in edges(scene))}
    queue = deque(can_end)
    while queue:
        for prev in reverse[queue.popleft()]:
            if prev not in can_end:
                can_end.add(prev)
                queue.append(prev)
    return can_end


def reachable_scenes(story: Story) -> set[str]:
    """Scenes that can be reached from `start` by gotos and choices, conditions ignored."""
    scenes = story.scenes
    start = story.start
    if start not in scenes:
        return set()
    reached = {start}
    queue = deque([start])
    while queue:
        for target in edges(scenes[queue.popleft()]):
            if target in scenes and target not in reached:
                reached.add(target)
                queue.append(target)
    return reached


def check_reachability(ctx: Context) -> list[Issue]:
    """Trapped loops, named by the goto that closes each; scenes nothing leads to.

    A misspelt goto is reported once by check_gotos: the scenes it was meant to lead to are
    not also called unreachable, and when it is not clear where it was meant to lead, no
    scene is.
    """
    out: list[Issue] = []
    scenes = ctx.story.scenes
    can_end = scenes_that_can_end(ctx.story)
    for entry, path, target in _novice.trapped_loops(scenes, can_end, ctx.story.start):
        found = ctx.error("trapped", path, scene=entry, to=target)
        out.append(dataclasses.replace(found, hint="trapped-loop.hint"))
    if ctx.story.start in scenes:
        unknown = {t for scene in scenes.values() for t in edges(scene) if t not in scenes}
        meant = {t: did_you_mean(t, scenes) for t in unknown}
        if any(m is None for m in meant.values()):
            return out
        reached = _novice.reachable_with(scenes, ctx.story.start,
                                         {t: m for t, m in meant.items() if m is not None})
        for sid in scenes:
            if sid not in reached:
                out.append(ctx.warning("unreachable", ("scenes", sid), key=True, scene=sid))
    return out


def check_long_scenes(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for sid, scene in ctx.story.scenes.items():
        per_lang: dict[str, int] = {}
        for line in scene.lines:
            texts = line.text.values() if isinstance(line.text, dict) else [line.text]
            keys = line.text.keys() if isinstance(line.text, dict) else ["*"]
            for code, text in zip(keys, texts, strict=True):
                per_lang[code] = per_lang.get(code, 0) + len(text)
        if per_lang:
            plain = per_lang.pop("*", 0)
            longest = max([plain + n for n in per_lang.values()] or [plain])
            if longest > LONG_SCENE_CHARS:
                out.append(ctx.warning("long-scene", ("scenes", sid, "lines"), key=True,
                                       scene=sid, length=longest, limit=LONG_SCENE_CHARS))
    return out


def check_assets(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    found: dict[str, FsPath | None] = {}  # a story names the same few pictures many times

    def resolve(ref: str) -> FsPath | None:
        if ref not in found:
            found[ref] = resolve_asset(ref, ctx.folder, ctx.shared_assets)
        return found[ref]

    for path, ref, kind in iter_assets(ctx):
        out.extend(_check_asset(ctx, path, ref, kind, resolve))
    return out


def iter_assets(ctx: Context) -> Iterator[tuple[Path, str, str]]:
    for cid, ch in ctx.story.characters.items():
        if ch.image is not None:
            yield ("characters", cid, "image"), ch.image, "image"
    for sid, scene in ctx.story.scenes.items():
        if scene.background is not None:
            yield ("scenes", sid, "background"), scene.background, "image"
        if scene.music is not None:
            yield ("scenes", sid, "music"), scene.music, "sound"
        if scene.sound is not None:
            yield ("scenes", sid, "sound"), scene.sound, "sound"


def resolve_asset(ref: str, folder: FsPath | None, shared: FsPath | None) -> FsPath | None:
    """The file an asset reference names, inside the story's folder or the shared one."""
    for base in (folder, shared):
        if base is None:
            continue
        candidate = (base / ref).resolve()
        root = base.resolve()
        if candidate.is_file() and candidate.is_relative_to(root):
            return candidate
    return None


def asset_path_problem(ref: str) -> str | None:
    """Why a reference may not be used as a path at all, or None."""
    if not ref.strip():
        return "empty"
    norm = ref.replace("\\", "/")
    if norm.startswith("/") or re.match(r"[A-Za-z]:", norm) or norm.startswith("~"):
        return "absolute"
    if ".." in norm.split("/"):
        return "climbs"
    if "\x00" in norm:
        return "empty"
    return None


def _check_asset(ctx: Context, path: Path, ref: str, kind: str,
                 resolve: Callable[[str], FsPath | None]) -> list[Issue]:
    problem = asset_path_problem(ref)
    if problem is not None:
        return [ctx.error("asset-path", path, path_text=ref, problem=problem)]
    ext = FsPath(ref).suffix.lower()
    allowed = IMAGE_EXT if kind == "image" else SOUND_EXT
    if ext not in allowed:
        return [ctx.error("asset-type", path, path_text=ref, kind=kind,
                          allowed=", ".join(e.lstrip(".") for e in allowed))]
    if ctx.folder is None:
        return []
    found = resolve(ref)
    if found is None:
        return [ctx.error("missing-asset", path, path_text=ref)]
    if kind == "image":
        picture = picture_problem(found)
        if picture is not None:
            return [ctx.error(picture.code, path, path_text=ref, **picture.params)]
    elif not sound_ok(found):
        return [ctx.error("bad-sound", path, path_text=ref)]
    return []


def sound_ok(file: FsPath) -> bool:
    try:
        with file.open("rb") as fh:
            head = fh.read(12)
    except OSError:
        return False
    return head.startswith(b"OggS") or (head.startswith(b"RIFF") and head[8:12] == b"WAVE")



# --- hostile stories: timers and control characters (numbers are refused while reading) ---


def check_timers(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for sid, scene in ctx.story.scenes.items():
        if scene.timer is not None and scene.timer > MAX_TIMER:
            out.append(ctx.error("timer-too-long", ("scenes", sid, "timer"), value=scene.timer,
                                 limit=MAX_TIMER))
    return out


def check_control_characters(ctx: Context) -> list[Issue]:
    """Any text, key, name or path of the file, however written (a YAML escape like "\\x1b"
    is the usual way in): one issue per string, at its first control character."""
    out: list[Issue] = []
    stack: list[tuple[Path, Any]] = [((), ctx.data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str):
                    m = CONTROL_RE.search(key)
                    if m is not None:
                        out.append(ctx.error("control-character", path + (key,), key=True,
                                             offset=m.start(), char=control_name(m.group())))
                stack.append((path + (key,), value))
        elif isinstance(node, list):
            stack.extend((path + (i,), value) for i, value in enumerate(node))
        elif isinstance(node, str):
            m = CONTROL_RE.search(node)
            if m is not None:
                out.append(ctx.error("control-character", path, offset=m.start(),
                                     char=control_name(m.group())))
    return out


def without_echoes(issues: list[Issue]) -> list[Issue]:
    """A number refused as out of range is reported once: other findings at the very same
    place only repeat it (with the nearest allowed number it was read as)."""
    refused = {(i.file, i.line, i.column) for i in issues if i.code == "number-range"}
    if not refused:
        return issues
    return [i for i in issues
            if i.code == "number-range" or (i.file, i.line, i.column) not in refused]


CHECKS: tuple[Callable[[Context], list[Issue]], ...] = (
    check_limits,
    check_names,
    check_languages,
    check_start,
    check_scene_exits,
    check_gotos,
    check_choices,
    check_variables,
    check_effects,
    check_conditions,
    check_texts,
    check_characters,
    check_domains,
    check_reachability,
    check_long_scenes,
    check_assets,
    check_timers,
    check_control_characters,
)


def lint(ctx: Context) -> list[Issue]:
    """Run every check; return their findings."""
    out: list[Issue] = []
    for check in CHECKS:
        out.extend(check(ctx))
    return out
