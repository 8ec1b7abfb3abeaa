"""Hostile stories (issue 14): every one is refused by `validate` at the node, with a message in
fi, sv and en, and none of them makes the validator itself crash or hang.

Each `test_code_*` test checks one new code's severity, line and column, as in
test_validate_codes.py; positions are read off the literal YAML (line 1 is the line right after
the opening quotes).
"""

from __future__ import annotations

import string
import time

import pytest

from game.i18n import t
from game.story import limits
from game.story.issues import Issue

from .._catalogue import validator_codes
from ._stories import MINIMAL, check, codes, describe, expect

LANGS = ("fi", "sv", "en")


def _with_condition(condition: str) -> str:
    """A story whose first line is shown only `if: condition` (on line 9, column 13)."""
    return f"""\
format: 1
id: testi
start: alku
variables:
  x: {{initial: 1}}
scenes:
  alku:
    lines:
      - text: Hei.
        if: '{condition}'
    end: {{}}
"""


def _errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.is_error]


# --- conditions: deep, long, big -------------------------------------------------------------


def test_code_condition_too_deep_parentheses(tmp_path):
    """Regression: 140 parentheses made validate die of RecursionError."""
    text = _with_condition("(" * 140 + "x > 0" + ")" * 140)
    issues = check(tmp_path, text)
    # the 21st '(' is one level too deep: column 13 + 20
    issue = expect(issues, "condition-too-deep", "error", 10, 14 + limits.MAX_CONDITION_DEPTH)
    assert issue.params["limit"] == limits.MAX_CONDITION_DEPTH


def test_code_condition_too_deep_not(tmp_path):
    text = _with_condition("not " * 30 + "x > 0")
    issues = check(tmp_path, text)
    expect(issues, "condition-too-deep", "error", 10, 14 + 4 * limits.MAX_CONDITION_DEPTH)


def test_code_condition_too_deep_minus(tmp_path):
    text = _with_condition("x > " + "-" * 30 + "1")
    issues = check(tmp_path, text)
    expect(issues, "condition-too-deep", "error", 10, 18 + limits.MAX_CONDITION_DEPTH)


def test_code_condition_too_long(tmp_path):
    """Regression: `not` a thousand times made validate die of RecursionError."""
    issues = check(tmp_path, _with_condition("not " * 1000 + "x > 0"))
    issue = expect(issues, "condition-too-long", "error", 10, 14)
    assert issue.params["length"] == 4005


def test_code_condition_too_complex(tmp_path):
    """Regression: a two-thousand-term sum made validate die of RecursionError."""
    source = "+".join(["x"] * 2000) + " > 0"
    issues = check(tmp_path, _with_condition(source[:400] + " > 0"))
    # token 151 is the 76th x, at character 150 of the condition
    expect(issues, "condition-too-complex", "error", 10, 14 + 150)
    issues = check(tmp_path, _with_condition(source))
    expect(issues, "condition-too-long", "error", 10, 14)


def test_sums_and_nesting_at_the_limits_validate_and_evaluate(tmp_path):
    from game.story.conditions import check_condition, evaluate

    depth = limits.MAX_CONDITION_DEPTH
    deep = "(" * (depth - 1) + "not " + "x > -1" + ")" * (depth - 1)
    terms = (limits.MAX_CONDITION_TOKENS - 2) // 2
    long = "+".join(["x"] * terms) + " > 0"
    for source in (deep, long):
        assert len(source) <= limits.MAX_CONDITION_CHARS
        issues = check(tmp_path, _with_condition(source))
        assert not _errors(issues), describe(issues)
        node = check_condition(source, {"x": "number"}, {"alku"})
        evaluate(node, {"x": 1}, set())


def test_code_number_range_in_condition(tmp_path):
    """Regression: a 5000-digit number in a condition crashed validate (int conversion)."""
    issues = check(tmp_path, _with_condition("x > " + "9" * 5000))
    # too long first; a shorter one that is still too big is a number out of range
    expect(issues, "condition-too-long", "error", 10, 14)
    issues = check(tmp_path, _with_condition("x > " + "9" * 40))
    issue = expect(issues, "number-range", "error", 10, 18)
    assert issue.params["limit"] == limits.MAX_NUMBER
    issues = check(tmp_path, _with_condition(f"x > {limits.MAX_NUMBER + 1}"))
    expect(issues, "number-range", "error", 10, 18)
    assert not _errors(check(tmp_path, _with_condition(f"x > -{limits.MAX_NUMBER}")))


# --- numbers anywhere in the file ------------------------------------------------------------


@pytest.mark.parametrize("number", ["9" * 5000, "-" + "9" * 5000, "0x" + "f" * 5000,
                                    "0o" + "7" * 400, "1000000001", "-1000000001",
                                    "0x" + "f" * 20])
def test_code_number_range(tmp_path, number):
    """Regression: 5000 decimal digits crashed validate; 5000 hex digits passed it."""
    issues = check(tmp_path, f"""\
        format: 1
        id: testi
        start: alku
        variables:
          x: {{initial: {number}, show: true}}
        scenes:
          alku: {{lines: [Hei.], end: {{}}}}
        """)
    issue = expect(issues, "number-range", "error", 5, 16)
    shown = issue.params["shown"]
    assert len(shown) < 40, shown


@pytest.mark.parametrize("where", ["min", "max", "add", "set", "timer", "minutes"])
def test_numbers_out_of_range_are_refused_in_every_field(tmp_path, where):
    big = "0x" + "f" * 300
    text = MINIMAL.replace("start: alku", "start: alku\nvariables:\n  x: {initial: 0}")
    if where in ("min", "max"):
        text = text.replace("{initial: 0}", f"{{initial: 0, {where}: {big}}}")
    elif where in ("add", "set"):
        text = text.replace("        domains: [arki]",
                            f"        domains: [arki]\n        {where}: {{x: {big}}}")
    elif where == "timer":
        text = text.replace("    lines: [Hei.]", f"    lines: [Hei.]\n    timer: {big}")
    else:
        text = text.replace("start: alku", f"start: alku\nminutes: {big}")
    issues = check(tmp_path, text.encode())
    assert "number-range" in codes(issues), describe(issues)
    for issue in issues:
        for lang in LANGS:
            assert len(issue.message(lang)) < 400


def test_a_refused_number_is_reported_once(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("    lines: [Hei.]",
                                             "    lines: [Hei.]\n    timer: 0x" + "f" * 300))
    assert [i.code for i in _errors(issues)] == ["number-range"], describe(issues)
    assert issues[0].params["shown"] == "0xffffff…ffff"
    issues = check(tmp_path, MINIMAL.replace("start: alku", "start: alku\nminutes: -99999999999"))
    assert [i.code for i in _errors(issues)] == ["number-range"], describe(issues)


def test_numbers_at_the_limit_are_fine(tmp_path):
    text = MINIMAL.replace("start: alku", "start: alku\nvariables:\n"
                           f"  x: {{initial: -{limits.MAX_NUMBER}, max: {limits.MAX_NUMBER}}}")
    text = text.replace("        domains: [arki]",
                        f"        domains: [arki]\n        add: {{x: {limits.MAX_NUMBER}}}")
    issues = check(tmp_path, text.encode())
    assert not _errors(issues), describe(issues)


def test_a_quoted_long_number_is_text(tmp_path):
    text = MINIMAL.replace("Hei.", '"' + "9" * 50 + '"')
    assert not _errors(check(tmp_path, text.encode()))


def test_code_timer_too_long(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("    lines: [Hei.]",
                                             "    lines: [Hei.]\n    timer: 3601"))
    issue = expect(issues, "timer-too-long", "error", 7, 12)
    assert issue.params == {"value": 3601, "limit": limits.MAX_TIMER}
    ok = check(tmp_path, MINIMAL.replace("    lines: [Hei.]", "    lines: [Hei.]\n    timer: 3600"))
    assert not _errors(ok)


# --- control characters ----------------------------------------------------------------------


@pytest.mark.parametrize(("escape", "char"), [("\\0", "\x00"), ("\\x1b", "\x1b"),
                                              ("\\u0007", "\x07"), ("\\x85", "\x85"),
                                              ("\\x7f", "\x7f"), ("\\r", "\r")])
def test_code_control_character(tmp_path, escape, char):
    """Regression: "\\0" closed the window; "\\x1b" reached the terminal raw in `run`."""
    issues = check(tmp_path, f"""\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: ["Hei {escape}maailma"]
            end: {{}}
        """)
    # the quoted text starts at column 13; the escape is its 5th character
    issue = expect(issues, "control-character", "error", 6, 18)
    assert issue.params["char"] == f"U+{ord(char):04X}"


@pytest.mark.parametrize("field", ["title", "choice", "who", "key", "id", "if", "language",
                                   "discuss", "end", "label", "background"])
def test_control_characters_are_refused_in_every_text(tmp_path, field):
    text = MINIMAL
    bad = '"a\\x1bb"'
    if field == "title":
        text = text.replace("start: alku", f"start: alku\ntitle: {{fi: {bad}}}")
    elif field == "choice":
        text = text.replace("Jään kotiin.", bad)
    elif field == "who":
        text = text.replace("[Hei.]", f"[{{text: Hei., who: {bad}}}]")
    elif field == "key":
        text = text.replace("  kotona:\n", f"  {bad}:\n    goto: kotona\n  kotona:\n")
    elif field == "id":
        text = text.replace("      - text: Lähden ulos.",
                            f"      - text: Lähden ulos.\n        id: {bad}")
    elif field == "if":
        text = text.replace("      - text: Lähden ulos.",
                            f"      - text: Lähden ulos.\n        if: {bad}")
    elif field == "language":
        text = text.replace("start: alku", f"start: alku\nlanguages: [fi, {bad}]")
    elif field == "discuss":
        text = text.replace("    lines: [Hei.]", f"    lines: [Hei.]\n    discuss: {bad}")
    elif field == "end":
        text = text.replace("{title: Kotona, mood: hopeful}", f"{{title: {bad}}}")
    elif field == "label":
        text = text.replace("start: alku",
                            f"start: alku\nvariables:\n  x: {{initial: 0, label: {bad}}}")
    elif field == "background":
        text = text.replace("    lines: [Hei.]", f"    lines: [Hei.]\n    background: {bad}")
    issues = check(tmp_path, text.encode())
    assert "control-character" in codes(issues), describe(issues)


def test_line_breaks_and_tabs_are_text(tmp_path):
    text = MINIMAL.replace("[Hei.]", '["Hei,\\n\\tmaailma."]')
    assert not _errors(check(tmp_path, text.encode()))


# --- every new code, every language ------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


LIMIT_CODES = frozenset({
    "condition-too-complex",
    "condition-too-deep",
    "condition-too-long",
    "control-character",
    "image-too-many-pixels",
    "number-range",
    "svg-size",
    "svg-too-large",
    "timer-too-long",
})


def test_every_limit_message_is_a_validator_code_in_three_languages_with_the_same_fields():
    assert LIMIT_CODES <= validator_codes()
    for code in LIMIT_CODES:
        texts = {lang: t(code, lang) for lang in LANGS}
        assert len(set(texts.values())) == 3, code
        assert len({frozenset(_fields(text)) for text in texts.values()}) == 1, code


def test_every_limit_code_has_a_test_and_renders_whole():
    from . import test_hostile_pictures

    names = [*globals(), *vars(test_hostile_pictures)]
    tests = [name for name in names if name.startswith("test_code_")]
    for code in LIMIT_CODES:
        name = "test_code_" + code.replace("-", "_")
        assert any(x == name or x.startswith(name + "_") for x in tests), code
        params = {f: "1" for f in _fields(t(code, "en"))}
        texts = {Issue("f", 1, 1, "error", code, params).message(lang) for lang in LANGS}
        assert len(texts) == 3 and not any("{" in t for t in texts), (code, texts)


def test_hostile_conditions_are_refused_quickly(tmp_path):
    start = time.perf_counter()
    for source in ("(" * 100_000, "not " * 100_000, "+".join(["x"] * 50_000), "9" * 100_000):
        issues = check(tmp_path, _with_condition(source))
        assert _errors(issues)
    assert time.perf_counter() - start < 5


# --- the runtime keeps numbers in range --------------------------------------------------------


def test_a_loop_that_adds_a_billion_keeps_the_variable_in_range(tmp_path):
    """Regression: a variable without min/max grew without bound in a loop of `add`s."""
    from game.story.loader import check_bytes
    from game.story.runtime import Runtime

    text = f"""\
format: 1
id: testi
start: alku
variables:
  x: {{initial: 0, show: true}}
scenes:
  alku:
    lines: ["{{x}}"]
    choices:
      - {{id: lisaa, text: Lisää, goto: alku, add: {{x: {limits.MAX_NUMBER}}}, domains: [arki]}}
      - {{id: vahenna, text: Vähennä, goto: alku, add: {{x: -{limits.MAX_NUMBER}}},
         domains: [arki]}}
      - {{text: Loppu, goto: loppu, domains: [arki]}}
  loppu: {{lines: [Loppu.], end: {{}}}}
"""
    result = check_bytes(text.encode(), tmp_path / "story.yaml", shared_assets=None)
    assert result.loaded is not None, describe(result.issues)
    loaded = result.loaded
    runtime = Runtime(loaded.story)
    state = runtime.start()
    for _ in range(5):
        state = runtime.choose(state, "lisaa")
        assert abs(state.variables["x"]) <= limits.MAX_NUMBER
    assert state.variables["x"] == limits.MAX_NUMBER
    for _ in range(5):
        state = runtime.choose(state, "vahenna")
    assert state.variables["x"] == -limits.MAX_NUMBER
