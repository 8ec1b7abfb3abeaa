"""Regression tests for validator behaviour found while using the tools."""

from __future__ import annotations

from pathlib import Path

from game.story import check_bytes

STORY = b"""format: 1
id: t
start: a
scenes:
  a:
    lines: [A]
    choices:
      - {id: x, text: X, goto: b, domains: [arki]}
      - {id: y, text: Y, goto: c, domains: [arki]}
  b:
    lines: [B]
    goto: cc
  c:
    lines: [C]
    end: {title: C}
"""


def test_a_goto_to_an_unknown_scene_is_not_also_called_trapped():
    """A typo in a goto used to give a second, confusing 'trapped' error for the same scene
    (and for every scene leading only to it): the unknown name is the one thing to fix."""
    res = check_bytes(STORY, Path("t.yaml"))
    assert [(i.code, i.line, i.column) for i in res.issues] == [("unknown-scene", 12, 11)]


def test_a_real_loop_is_still_trapped():
    looped = STORY.replace(b"goto: cc", b"goto: b")
    res = check_bytes(looped, Path("t.yaml"))
    assert [(i.code, i.line) for i in res.issues] == [("trapped", 10)]
