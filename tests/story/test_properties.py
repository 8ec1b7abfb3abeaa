"""Property tests: any input gives a story or a clean error, never another exception."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.resources import builtin_stories_dir
from game.story import Runtime, StoryLoadError, check_bytes, load_story
from game.story import conditions as cond
from game.story.loader import find_story_files
from game.story.runtime import random_walk

pytestmark = pytest.mark.slow  # property tests (Hypothesis)

DATA = Path(__file__).parent / "data"
FAKE = DATA / "fuzzed.yaml"  # assets resolve beside it; the file itself is never written
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

BUILTIN_STORIES = builtin_stories_dir()


def outcome(raw: bytes):
    """check_bytes must return; an invalid story must carry error issues with positions."""
    res = check_bytes(raw, FAKE, name="fuzzed.yaml")
    if res.loaded is None:
        errors = [i for i in res.issues if i.is_error]
        assert errors, "refused without saying why"
        for issue in errors:
            assert issue.line >= 1 and issue.column >= 1
            assert issue.message("fi") and issue.message("en") and issue.message("sv")
        # The public loader turns the same into a StoryError.
        try:
            raise StoryLoadError(errors)
        except StoryLoadError as exc:
            assert str(exc)
    return res


# --- random YAML --------------------------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=20),
    st.sampled_from(["alku", "loppu", "fi", "en", "true", "1", "{x}", "rahat > 1", "#abc"]),
)
keys = st.one_of(
    st.text(max_size=10),
    st.sampled_from(["format", "id", "start", "scenes", "lines", "choices", "goto", "end",
                     "text", "if", "set", "add", "variables", "initial", "languages", "who",
                     "domains", "title", "mood", "characters", "min", "max"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(keys, children, max_size=5)),
    max_leaves=30,
)


@SETTINGS
@given(documents)
def test_random_yaml_documents(doc):
    outcome(yaml.safe_dump(doc, allow_unicode=True).encode())


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes(raw):
    outcome(raw)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#\n \t?,%@`0")), max_size=80))
def test_yaml_punctuation_soup(text):
    outcome(text.encode())


# --- mutations of valid stories ------------------------------------------------------------

VALID = [DATA / "runtime.yaml", *find_story_files(BUILTIN_STORIES)]
BASES = [yaml.load(p.read_text("utf-8"), Loader=yaml.CSafeLoader) for p in VALID]


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


def _get(node, path):
    for step in path:
        node = node[step]
    return node


@SETTINGS
@given(st.integers(0, len(BASES) - 1), st.randoms(use_true_random=False),
       st.sampled_from(["delete", "retype", "rename", "retarget", "duplicate"]), scalars)
def test_mutated_valid_stories(which, rnd, how, value):
    doc = copy.deepcopy(BASES[which])
    paths = [p for p in _paths(doc) if p]
    path = rnd.choice(paths)
    parent = _get(doc, path[:-1])
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "retype":
        parent[last] = value
    elif how == "rename" and isinstance(parent, dict):
        parent[str(value)] = parent.pop(last)
    elif how == "retarget":
        parent[last] = rnd.choice(["alku", "loppu", "nowhere", "puhelu", "kauppa"])
    elif how == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    outcome(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode())


@SETTINGS
@given(st.integers(0, len(VALID) - 1), st.integers(0, 10**9), st.integers(1, 3),
       st.text(max_size=3))
def test_byte_level_edits_of_valid_stories(which, at, cut, insert):
    text = VALID[which].read_text("utf-8")
    at %= len(text)
    outcome((text[:at] + insert + text[at + cut:]).encode())


# --- the condition language ------------------------------------------------------------------

names = st.sampled_from(["rahat", "jaksaminen", "ok", "kävely", "_x"])
atoms = st.one_of(
    st.builds(cond.Num, st.integers(0, 10**6), st.just(0)),
    st.builds(cond.Bool, st.booleans(), st.just(0)),
    st.builds(cond.Var, names, st.just(0)),
    st.builds(cond.Seen, st.sampled_from(["alku", "kuu-loppuun", "a_b"]), st.just(0)),
)
ops = st.sampled_from(["or", "and", "==", "!=", "<", "<=", ">", ">=", "+", "-"])
trees = st.recursive(
    atoms,
    lambda sub: st.one_of(
        st.builds(cond.Not, sub, st.just(0)),
        st.builds(cond.Neg, sub, st.just(0)),
        st.builds(cond.BinOp, ops, sub, sub, st.just(0)),
    ),
    max_leaves=12,
)


def _strip(node):
    """The tree without columns, for comparing."""
    if isinstance(node, cond.BinOp):
        return ("bin", node.op, _strip(node.left), _strip(node.right))
    if isinstance(node, (cond.Not, cond.Neg)):
        return (type(node).__name__, _strip(node.operand))
    return (type(node).__name__, getattr(node, "value", None) or getattr(node, "name", None)
            or getattr(node, "scene", None))


def _chains_comparisons(node) -> bool:
    if isinstance(node, cond.BinOp):
        if node.op in ("==", "!=", "<", "<=", ">", ">=") and isinstance(node.left, cond.BinOp) \
                and node.left.op in ("==", "!=", "<", "<=", ">", ">="):
            return True
        return _chains_comparisons(node.left) or _chains_comparisons(node.right)
    if isinstance(node, (cond.Not, cond.Neg)):
        return _chains_comparisons(node.operand)
    return False


@settings(max_examples=400, deadline=None)
@given(trees)
def test_condition_unparse_parse_round_trip(tree):
    text = cond.unparse(tree)
    assert _strip(cond.parse(text)) == _strip(tree), text


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40))
def test_condition_parser_never_crashes(text):
    try:
        node = cond.parse(text)
    except cond.ConditionError as exc:
        assert 1 <= exc.column <= len(text) + 1
        return
    cond.unparse(node)


@settings(max_examples=300, deadline=None)
@given(trees, st.integers(-5, 5), st.integers(-5, 5), st.booleans())
def test_checked_conditions_evaluate_without_error(tree, rahat, jaks, ok):
    types = {"rahat": "number", "jaksaminen": "number", "ok": "bool", "kävely": "number",
             "_x": "bool"}
    try:
        t = cond.check(tree, types, {"alku", "kuu-loppuun", "a_b"})
    except cond.ConditionError:
        return
    env = {"rahat": rahat, "jaksaminen": jaks, "ok": ok, "kävely": 1, "_x": False}
    value = cond.compile_node(tree)(env, {"alku"})
    assert isinstance(value, bool) == (t == "bool")
    assert cond.evaluate(tree, env, {"alku"}) == value


# --- random playthroughs -------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(VALID) - 1), st.integers(0, 2**32 - 1))
def test_random_playthroughs_reach_an_ending(which, seed):
    loaded = load_story(VALID[which])
    state = random_walk(Runtime(loaded.story), random.Random(seed), max_steps=2000)
    assert state.ended
