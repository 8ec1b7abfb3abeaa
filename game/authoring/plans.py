"""Story tests: plans a counsellor writes beside a story, and what happens when they are played.

A plan file (`story.test.yaml`, or `<id>.test.yaml` beside `<id>.yaml`) reads like this:

    format: 1
    plans:
      - name: Asks a friend, then calls Kela
        choose: [viesti-miralle, perusruoka, soita-kelaan]
        scene: odotus
        variables: {haki_tukea: true}
        shows: Kela

`choose` lists the ids of the choices to take, in order; scenes with `goto` are continued
automatically. After the last choice the plan checks what it names: the `scene` the group is
in, the `ending` reached, the scenes it `visits`, the `variables`, and texts it `shows`.
The file is checked like a story (pydantic with extra="forbid", then names against the story),
and every problem is reported as FILE:LINE:COL.
"""

from __future__ import annotations

import difflib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.story.errors import DecisionError
from game.story.issues import Issue, sort_key
from game.story.loader import display_name
from game.story.model import Story, Value
from game.story.runtime import (
    Choose,
    Continue,
    Runtime,
    SceneEntered,
    Step,
    StoryState,
)
from game.story.text import LANG_RE
from game.story.yamlsource import MAX_FILE_BYTES, SourceError, SourceMap, read_source

from ._common import under

PLAN_SUFFIXES = (".test.yaml", ".test.yml")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class PlanSpec(_Model):
    """One plan as written: the choices to take, then what must hold."""

    name: str = Field(min_length=1)
    choose: list[str] = Field(default_factory=list)
    lang: str | None = None
    scene: str | None = None
    ending: str | None = None
    visits: list[str] = Field(default_factory=list)
    variables: dict[str, Value] = Field(default_factory=dict)
    shows: str | list[str] = Field(default_factory=list)

    @property
    def shown_texts(self) -> list[str]:
        return [self.shows] if isinstance(self.shows, str) else list(self.shows)


class PlanFile(_Model):
    format: Literal[1]
    lang: str | None = None
    plans: list[PlanSpec] = Field(min_length=1)


@dataclass
class LoadedPlans:
    """A plan file read and checked against its story; `plans` is empty when it has errors."""

    file: Path
    name: str
    issues: list[Issue] = field(default_factory=list)
    plans: list[PlanSpec] = field(default_factory=list)
    positions: list[tuple[int, int]] = field(default_factory=list)  # of each plan's `name`
    lang: str | None = None

    @property
    def ok(self) -> bool:
        return not any(i.is_error for i in self.issues)


# --- finding and reading plan files -----------------------------------------------------------


def plan_files(story_file: Path) -> list[Path]:
    """Plan files of a story: every `*.test.yaml` in a story folder (`<id>/story.yaml`), or
    `<name>.test.yaml` beside a single-file story `<name>.yaml`."""
    folder = story_file.parent
    if story_file.name == "story.yaml":
        found = sorted(p for p in folder.iterdir()
                       if p.is_file() and p.name.endswith(PLAN_SUFFIXES))
    else:
        stem = story_file.name.rsplit(".", 1)[0]
        found = [p for p in (folder / f"{stem}{s}" for s in PLAN_SUFFIXES) if p.is_file()]
    # a link that leads out of the story's folder is not the story's own plan
    return [p for p in found if under(p, folder)]


_EXPECTED = {
    "string_type": "text", "int_type": "number", "bool_type": "bool", "list_type": "list",
    "dict_type": "mapping", "model_type": "mapping", "model_attributes_type": "mapping",
    "value_type": "number-or-bool", "union_tag_invalid": "text",
}


def _type_word(value: Any) -> str:
    for kind, word in ((bool, "bool"), (int, "number"), (float, "decimal"), (str, "text"),
                       (list, "list"), (dict, "mapping")):
        if isinstance(value, kind):
            return word
    return "empty" if value is None else "other"


def _allowed(loc: tuple[Any, ...]) -> list[str]:
    model: type[BaseModel] = PlanSpec if len(loc) == 2 and loc[0] == "plans" else PlanFile
    return list(model.model_fields)


def _schema_issues(exc: ValidationError, name: str, where: SourceMap) -> list[Issue]:
    out: list[Issue] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        params: dict[str, Any]
        if kind == "extra_forbidden":
            allowed = _allowed(loc[:-1])
            params = {"key": str(loc[-1]), "allowed": ", ".join(allowed)}
            hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            if hint:
                params["hint"] = hint[0]
            code, pos = "unknown-key", where.key(loc)
        elif kind == "missing":
            code, pos = "missing-field", where.key(loc[:-1])
            params = {"field": str(loc[-1])}
        elif loc == ("format",):
            code, pos = "format-version", where.value(loc)
            params = {"value": str(err.get("input"))}
        elif kind in ("too_short", "string_too_short"):
            code, pos = "plan-empty", where.value(loc)
            params = {"field": str(loc[-1])}
        else:
            while loc and not where.has(loc):
                loc = loc[:-1]
            code, pos = "wrong-type", where.value(loc)
            params = {"field": next((str(s) for s in reversed(loc) if isinstance(s, str)), ""),
                      "expected": _EXPECTED.get(kind, "other"),
                      "found": _type_word(err.get("input"))}
        if (loc, code) in seen:
            continue
        seen.add((loc, code))
        out.append(Issue(name, pos[0], pos[1], "error", code, params))
    return out


def _close(name: str, known: Any) -> dict[str, str]:
    hint = difflib.get_close_matches(name, [str(k) for k in known], n=1, cutoff=0.6)
    return {"hint": hint[0]} if hint else {}


def check_plans(spec: PlanFile, story: Story, name: str, where: SourceMap) -> list[Issue]:
    """Names in the plans that the story does not have, each at its place in the plan file."""
    out: list[Issue] = []

    def err(path: tuple[Any, ...], code: str, **params: Any) -> None:
        line, col = where.value(path)
        out.append(Issue(name, line, col, "error", code, params))

    choice_ids = {story.choice_id(ch) for sc in story.scenes.values() for ch in sc.choices or []}
    endings = [sid for sid, sc in story.scenes.items() if sc.end is not None]
    languages = set(story.languages)
    if spec.lang is not None and spec.lang not in languages:
        err(("lang",), "plan-unknown-lang", lang=spec.lang, languages=", ".join(story.languages))
    names: dict[str, int] = {}
    for i, plan in enumerate(spec.plans):
        base: tuple[Any, ...] = ("plans", i)
        if plan.name in names:
            err(base + ("name",), "plan-duplicate-name", plan=plan.name, first=names[plan.name])
        else:
            names[plan.name] = where.value(("plans", i, "name"))[0]
        for j, cid in enumerate(plan.choose):
            if cid not in choice_ids:
                err(base + ("choose", j), "plan-unknown-choice", name=cid, step=j + 1,
                    **_close(cid, choice_ids))
        if plan.lang is not None and plan.lang not in languages:
            err(base + ("lang",), "plan-unknown-lang", lang=plan.lang,
                languages=", ".join(story.languages))
        if plan.scene is not None and plan.scene not in story.scenes:
            err(base + ("scene",), "unknown-scene", name=plan.scene,
                **_close(plan.scene, story.scenes))
        if plan.ending is not None and plan.ending not in endings:
            err(base + ("ending",), "plan-not-ending", name=plan.ending,
                endings=", ".join(endings), **_close(plan.ending, endings))
        for j, sid in enumerate(plan.visits):
            if sid not in story.scenes:
                err(base + ("visits", j), "unknown-scene", name=sid, **_close(sid, story.scenes))
        for vname, value in plan.variables.items():
            var = story.variables.get(vname)
            if var is None:
                line, col = where.key(base + ("variables", vname))
                out.append(Issue(name, line, col, "error", "unknown-variable",
                                 {"name": vname, **_close(vname, story.variables)}))
            elif isinstance(value, bool) != var.is_bool:
                err(base + ("variables", vname), "set-type", name=vname,
                    expected="bool" if var.is_bool else "number")
    return out


def read_plans(file: Path, story: Story) -> LoadedPlans:
    """Read a plan file and check it against `story`."""
    name = display_name(file)
    out = LoadedPlans(file, name)
    try:
        with file.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        out.issues.append(Issue(name, 1, 1, "error", "unreadable",
                                {"reason": exc.strerror or str(exc)}))
        return out
    try:
        source = read_source(raw, name)
    except SourceError as exc:
        out.issues.append(exc.issue)
        return out
    out.issues.extend(source.issues)
    try:
        spec = PlanFile.model_validate(source.data)
    except ValidationError as exc:
        out.issues.extend(_schema_issues(exc, name, source.where))
        out.issues.sort(key=sort_key)
        return out
    out.issues.extend(check_plans(spec, story, name, source.where))
    out.issues.sort(key=sort_key)
    if out.ok:
        out.plans = list(spec.plans)
        out.positions = [source.where.value(("plans", i)) for i in range(len(spec.plans))]
        out.lang = spec.lang
    return out


# --- playing a plan --------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """What went wrong: `code` names a message, `step` the 1-based step (None: after the end)."""

    code: str
    params: dict[str, Any]
    step: int | None = None
    choice: str | None = None


@dataclass
class PlanResult:
    plan: PlanSpec
    file: str
    line: int
    column: int
    lang: str
    failures: list[Failure] = field(default_factory=list)
    path: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.failures


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Play:
    """One playthrough of a plan, collecting every line shown on the way."""

    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime
        self.shown: list[str] = []
        self.state = self._take(runtime.begin())
        self._follow_gotos()

    def _take(self, step: Step) -> StoryState:
        for event in step.events:
            if isinstance(event, SceneEntered):
                self.shown.extend(line.text for line in event.lines)
        return step.state

    def _follow_gotos(self) -> None:
        for _ in range(len(self.rt.story.scenes) + 1):
            if self.state.ended or self.rt.scene(self.state).goto is None:
                return
            self.state = self._take(self.rt.step(self.state, Continue()))

    def choose(self, choice_id: str) -> None:
        self.state = self._take(self.rt.step(self.state, Choose(choice_id)))
        self._follow_gotos()


def run_plan(story: Story, plan: PlanSpec, *, lang: str, file: str = "", line: int = 0,
             column: int = 0) -> PlanResult:
    """Play `plan` on `story` with texts in `lang` and check what it expects."""
    t0 = time.perf_counter()
    result = PlanResult(plan, file, line, column, lang)
    play = _Play(Runtime(story, lang))
    failures = result.failures
    for n, cid in enumerate(plan.choose, 1):
        state = play.state
        if state.ended:
            failures.append(Failure("plan-ended-early", {"scene": state.scene}, n, cid))
            break
        if play.rt.is_stuck(state):
            failures.append(Failure("plan-stuck", {"scene": state.scene}, n, cid))
            break
        try:
            play.choose(cid)
        except DecisionError:
            offered = ", ".join(c.id for c in play.rt.offered_choices(state)) or "-"
            code = "plan-not-in-scene" if not any(
                play.rt.story.choice_id(c) == cid for c in play.rt.scene(state).choices or []
            ) else "plan-hidden"
            failures.append(Failure(code, {"scene": state.scene, "available": offered}, n, cid))
            break
    if not failures:
        failures.extend(_expectations(plan, play))
    result.path = play.state.path
    result.seconds = time.perf_counter() - t0
    return result


def _expectations(plan: PlanSpec, play: _Play) -> list[Failure]:
    state = play.state
    last = len(plan.choose) or None
    last_id = plan.choose[-1] if plan.choose else None
    out: list[Failure] = []

    def fail(code: str, **params: Any) -> None:
        out.append(Failure(code, params, last, last_id))

    if plan.ending is not None:
        if not state.ended:
            fail("plan-no-ending", expected=plan.ending, scene=state.scene)
        elif state.scene != plan.ending:
            fail("plan-wrong-ending", expected=plan.ending, found=state.scene)
    if plan.scene is not None and state.scene != plan.scene:
        fail("plan-wrong-scene", expected=plan.scene, found=state.scene)
    for sid in plan.visits:
        if sid not in state.path:
            fail("plan-not-visited", expected=sid, path=" → ".join(state.path))
    for name, want in plan.variables.items():
        have = state.variables.get(name)
        if have != want or isinstance(have, bool) != isinstance(want, bool):
            fail("plan-wrong-variable", name=name, expected=_shown(want), found=_shown(have))
    shown = [_normal(s) for s in play.shown]
    for text in plan.shown_texts:
        needle = _normal(text)
        if not any(needle in s for s in shown):
            fail("plan-not-shown", text=text, lang=play.rt.lang)
    return out


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def plan_language(story: Story, plan: PlanSpec, file_lang: str | None,
                  wanted: str | None) -> str:
    """The language a plan's `shows` is read in: the plan's own, the file's, the command
    line's (when the story has it), or the story's default."""
    for lang in (plan.lang, file_lang):
        if lang:
            return lang
    if wanted and LANG_RE.match(wanted) and wanted in story.languages:
        return wanted
    return story.default_language

