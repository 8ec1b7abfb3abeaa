"""The story mirror and the words for change, as pure functions (no window)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from facilitator.log.eventlog import Record
from facilitator.reflection import (
    change,
    domain_label,
    mirror_domains,
    split_decisions,
    story_mirror,
    taken_choices,
)
from game.story import Runtime, load_story

from .conftest import ROOT


def walk(rt, picks):
    """Take the n-th offered choice at each choice point, following gotos."""
    state = rt.start()
    picks = list(picks)
    while not state.ended and picks:
        if rt.scene(state).goto is not None:
            state = rt.advance(state)
            continue
        offered = rt.offered_choices(state)
        state = rt.choose(state, offered[min(picks.pop(0), len(offered) - 1)].id)
    return state


def test_the_mirror_counts_the_choices_on_the_path(loaded):
    rt = Runtime(loaded.story, "fi")
    state = walk(rt, [0, 1, 0, 0])
    taken = taken_choices(loaded.story, state)
    assert [loaded.story.choice_id(c) for _, c in taken] == list(state.choices)
    mirror = story_mirror(rt, state, {(taken[0][0], state.choices[0])})
    by_id = {d.id: d for d in mirror}
    assert [d.id for d in mirror][: len(loaded.story.domain_ids())] == \
        loaded.story.domain_ids()
    for _scene, spec in taken:
        for dom in spec.domains:
            assert rt.text(spec.text, state) in [c.text for c in by_id[dom].choices]
    first = [c for d in mirror for c in d.choices if c.choice_id == state.choices[0]]
    assert first and all(c.split for c in first)
    assert sum(d.count for d in mirror) == sum(len(s.domains) for _, s in taken)


def test_an_undone_choice_and_a_skip_are_not_mirrored(loaded):
    rt = Runtime(loaded.story, "fi")
    before = walk(rt, [0, 0])
    after = walk(rt, [0, 0, 1])
    assert len(taken_choices(loaded.story, before)) == 2  # "back" restores this state
    skipped = rt.skip_to_ending(before if rt.scene(before).choices else rt.advance(before))
    assert len(taken_choices(loaded.story, skipped)) == 2
    assert len(taken_choices(loaded.story, after)) == 3


def test_own_domains_and_their_labels(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(
        "format: 1\nid: s\nlanguages: [fi, en]\nstart: a\n"
        "domains: [arki, {id: raha, label: {fi: Raha-asiat, en: Money matters}}]\n"
        "scenes:\n  a:\n    choices:\n"
        "      - {text: Yksi, goto: b, domains: [raha, keho]}\n"
        "      - {text: Kaksi, goto: b, id: kaksi}\n"
        "  b:\n    lines: [Loppu.]\n    end: {mood: open}\n", "utf-8")
    story = load_story(path).story
    assert mirror_domains(story) == ["arki", "raha", "keho"]
    assert domain_label(story, "raha", "en") == "Money matters"
    assert domain_label(story, "arki", "fi") is None


def test_split_decisions_come_from_the_log():
    """Only a close vote (the shared "divided" rule) is a point to return to: 3–2 is, 4–1 and
    a unanimous 5–0 are not, whatever the logged `split` says."""

    def rec(seq, kind, scene, data):
        return Record.model_validate({
            "version": 1, "session": "s", "seq": seq, "time": "2025-01-01T00:00:00Z",
            "story": "x", "story_hash": None, "kind": kind, "scene": scene, "data": data})

    base = {"how": "majority", "seconds": 1.0, "tally": {}, "domains": [], "offered": [],
            "state": None}
    records = [
        rec(1, "decision_made", "a",
            {**base, "choice": "c1", "split": True, "tally": {"c1": 3, "c9": 2}}),
        rec(2, "decision_made", "b",
            {**base, "choice": "c2", "split": True, "tally": {"c2": 4, "c9": 1}}),
        rec(3, "decision_made", "c",
            {**base, "choice": "c3", "split": False, "tally": {"c3": 5}}),
    ]
    assert split_decisions(records) == {("a", "c1")}


def test_change_is_never_a_score():
    assert change(None, 4) == "first"
    assert change(4, 6) == "up"
    assert change(6, 6) == "same"
    assert change(6, 2) == "down"
    assert change(6, None) == "skipped"
    assert change(6, None, answered=False) == "open"


@pytest.mark.slow
def test_the_mirror_module_is_headless():
    code = ("import sys\nimport facilitator.reflection\n"
            "assert 'pygame' not in sys.modules, 'pygame was imported'\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_mirror_domains_keep_one_documented_order():
    """Regression (issue 15): the domain order changed between screens and sessions; standard
    domains a story does not list came in the order its choices happened to name them."""
    from pathlib import Path

    from facilitator.reflection import mirror_domains
    from game.story.loader import check_bytes

    text = b"""format: 1
id: jarjestys
start: a
domains: [arki]
scenes:
  a:
    lines: [A]
    choices:
      - {id: x, text: X, goto: b, domains: [yhdessa]}
      - {id: y, text: Y, goto: b, domains: [keho, arki]}
  b:
    lines: [B]
    choices:
      - {id: z, text: Z, goto: c, domains: [mieli]}
      - {id: w, text: W, goto: c}
  c:
    lines: [C]
    end: {title: Loppu}
"""
    result = check_bytes(text, Path("jarjestys/story.yaml"))
    assert result.loaded is not None
    assert mirror_domains(result.loaded.story) == ["arki", "mieli", "keho", "yhdessa"]
