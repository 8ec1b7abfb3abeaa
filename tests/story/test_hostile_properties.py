"""Property test (issue 14): stories generated at and just past every limit. The validator
either refuses one, at a place and with a message, or everything downstream takes it: the
runtime (directly and through a saved state), `run`'s printer and the report's charts."""

from __future__ import annotations

import json
import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.review import charts
from game.story import limits
from game.story.conditions import check_condition, unparse
from game.story.runtime import Runtime, StoryState, random_walk
from game.terminal import Printer

from .test_properties import outcome

pytestmark = pytest.mark.slow  # property tests


SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

M = limits.MAX_NUMBER
NEAR = st.sampled_from([0, 1, -1, M, -M, M + 1, -M - 1, M - 1, 10**30, -(10**30)])
VALID_NUMBERS = st.one_of(st.sampled_from([0, 1, -1, M, -M, M - 1]), st.integers(-M, M),
                          st.integers(-100, 100)).map(str)
NUMBER_LITERALS = st.one_of(
    VALID_NUMBERS, VALID_NUMBERS, VALID_NUMBERS, VALID_NUMBERS,
    NEAR.map(str),
    st.integers(1, 5000).map(lambda n: "9" * n),
    st.integers(1, 5000).map(lambda n: "-" + "9" * n),
    st.integers(1, 3000).map(lambda n: "0x" + "f" * n),
    st.integers(1, 40).map(lambda n: "0o" + "7" * n),
)
TIMERS = st.one_of(st.sampled_from([1, limits.MAX_TIMER, limits.MAX_TIMER + 1]),
                   st.integers(1, limits.MAX_TIMER)).map(str)
SAFE_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"],
                                  exclude_characters="{}"), max_size=40)
HOSTILE_TEXT = st.lists(st.one_of(
    st.characters(codec="utf-8", exclude_characters="{}"),
    st.sampled_from(["$", "$x^2$", "\\frac{{1}}", "\x1b[2J", "\x00", "\x07", "\u202e", "<b>",
                     "&amp;", "\n", "\t", "{{", "}}", "{x}", "👩‍👩‍👧", "e\u0301"]),
), max_size=20).map("".join)
TEXT = st.one_of(SAFE_TEXT, SAFE_TEXT, SAFE_TEXT, HOSTILE_TEXT)


@st.composite
def conditions(draw: st.DrawFn) -> str:
    depth = limits.MAX_CONDITION_DEPTH
    number = draw(st.sampled_from(["0", str(M), f"-{M}", str(M + 1), "9" * 40]))
    kind = draw(st.sampled_from(["parens", "not", "minus", "sum", "mixed", "long"]))
    if kind == "parens":
        d = draw(st.integers(0, depth + 2))
        return "(" * d + f"x > {number}" + ")" * d
    if kind == "not":
        return "not " * draw(st.integers(0, depth + 2)) + f"x > {number}"
    if kind == "minus":
        return f"x > {'-' * draw(st.integers(0, depth + 2))}{number.lstrip('-')}"
    if kind == "sum":
        n = draw(st.integers(1, limits.MAX_CONDITION_TOKENS // 2 + 2))
        return " + ".join(["x"] * n) + f" >= {number}"
    if kind == "long":
        return "x > 0 and " * draw(st.integers(0, 60)) + "true"
    d = draw(st.integers(0, depth // 2))
    return "(" * d + f"not (x < {number}) or seen(alku)" + ")" * d


@st.composite
def stories(draw: st.DrawFn) -> bytes:
    numbers: dict[str, str] = {}

    def num(literals: st.SearchStrategy[str] = NUMBER_LITERALS) -> str:
        key = f"@@N{len(numbers)}@@"
        numbers[key] = draw(literals)
        return key

    def text() -> str:
        return draw(TEXT) or "x"

    def choice(goto: str, i: int) -> dict:
        c: dict = {"id": f"c{i}", "text": text(), "goto": goto, "domains": ["arki"]}
        if draw(st.booleans()):
            c["if"] = draw(conditions())
        if draw(st.booleans()):
            c["add"] = {"x": num()}
        if draw(st.booleans()):
            c["set"] = {"x": num()}
        return c

    variables = {"x": {"initial": num(), "show": True, "label": text(), "unit": text()}}
    if draw(st.integers(0, 3)) == 0:
        variables["x"]["min"] = num()
    if draw(st.integers(0, 3)) == 0:
        variables["x"]["max"] = num()
    data = {
        "format": 1, "id": "raja", "start": "alku", "title": text(),
        "variables": variables,
        "scenes": {
            "alku": {
                "lines": [text(), {"text": text() + " {x}", "if": draw(conditions())}],
                "discuss": text(),
                "timer": num(st.one_of(TIMERS, TIMERS, TIMERS, NUMBER_LITERALS)),
                "add": {"x": num()},
                "choices": [choice("alku", 1), choice("loppu", 2)],
            },
            "loppu": {"lines": [text()], "end": {"title": text()}},
        },
    }
    # JSON is YAML; control characters are written as escapes, as a hostile author would.
    raw = json.dumps(data, ensure_ascii=False)
    raw = re.sub("[\x7f-\x9f\ufeff\ufffe\uffff]", lambda m: f"\\u{ord(m.group()):04x}", raw)
    for key, literal in numbers.items():
        raw = raw.replace(f'"{key}"', literal)
    return raw.encode()


def _check_downstream(runtime: Runtime, seed: int) -> None:
    out: list[str] = []
    printer = Printer(runtime, out.append)
    rng = random.Random(seed)
    state = runtime.start()
    for _ in range(12):
        printer.scene(state)
        offered = runtime.offered_choices(state)
        for value in state.variables.values():
            assert not isinstance(value, int) or -M <= value <= M
        if state.ended or not offered:
            break
        state = runtime.choose(state, rng.choice(offered).id)
        state = runtime.restore(state.to_json())
    assert StoryState.from_json(state.to_json()) == state
    random_walk(runtime, rng, max_steps=200)
    texts = [c.text for c in runtime.offered_choices(runtime.start())] or ["x"]
    chart = charts.reflection("v", texts, [1] * len(texts), [[]] * len(texts),
                              colour="#0072B2", title="t", desc="d", head=("a", "b", "c"),
                              skipped="–", scale="0–10")
    assert chart.svg.startswith("<svg")


@SETTINGS
@given(stories(), st.integers(0, 1000))
def test_a_story_at_the_limits_is_refused_or_works_everywhere(raw, seed):
    res = outcome(raw)
    if res.loaded is None:
        return
    story = res.loaded.story
    for scene in story.scenes.values():
        assert scene.timer is None or scene.timer <= limits.MAX_TIMER
        for c in scene.choices or []:
            if c.if_ is not None:
                node = check_condition(c.if_, {"x": "number"}, story.scenes)
                check_condition(unparse(node), {"x": "number"}, story.scenes)
    _check_downstream(Runtime(story), seed)
    _check_downstream(Runtime(story, lang="en"), seed)


def test_the_generator_reaches_both_outcomes():
    """The property above is only worth something if it sees valid stories too."""
    seen = {True: 0, False: 0}

    @settings(max_examples=150, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(stories())
    def count(raw: bytes) -> None:
        seen[outcome(raw).loaded is not None] += 1

    count()
    assert seen[True] >= 5 and seen[False] >= 5, seen
