"""Hostile stories and the window (issue 14): a broken one in the stories folder never stops
the menu, and a story at every limit plays in the window like any other."""

from __future__ import annotations

import pygame

from game.story import limits
from game.ui.main import Game
from game.ui.views.menu import MenuView, discover
from game.ui.views.overlays import ErrorView
from game.ui.views.play import PlayView

from .test_play import play_to_end

BASE = """\
format: 1
id: {id}
start: alku
variables:
  x: {{initial: 1}}
scenes:
  alku:
    lines: ["{line}"]
    choices:
      - {{text: "{choice}", goto: loppu, domains: [arki]{extra}}}
      - {{text: Ei, goto: loppu, id: ei, domains: [arki]}}
  loppu: {{lines: [Loppu.], end: {{}}}}
"""

HOSTILE = {
    "sulut": {"extra": ", if: '" + "(" * 140 + "x > 0" + ")" * 140 + "'"},
    "notit": {"extra": ", if: '" + "not " * 1000 + "x > 0'"},
    "summa": {"extra": ", if: '" + "+".join(["x"] * 2000) + " > 0'"},
    "iso": {"extra": ", add: {x: " + "9" * 5000 + "}"},
    "heksa": {"extra": ", add: {x: 0x" + "f" * 5000 + "}"},
    "nul": {"line": "Hei\\0 \\x1b[2J \\u0007"},
}


def _write(folder, sid: str, **parts: str) -> None:
    story = folder / sid
    story.mkdir()
    values = {"id": sid, "line": "Hei.", "choice": "Kyllä", "extra": ""} | parts
    (story / "story.yaml").write_text(BASE.format(**values), "utf-8")


def test_hostile_stories_in_the_folder_do_not_stop_the_menu(make_app, tmp_path):
    """Regression: one such file in stories/ stopped the game from starting at all."""
    for sid, parts in HOSTILE.items():
        _write(tmp_path, sid, **parts)
    _write(tmp_path, "hyva")
    entries = discover([tmp_path])
    by_id = {e.path.parent.name: e for e in entries}
    assert by_id["hyva"].loaded is not None
    for sid in HOSTILE:
        assert by_id[sid].loaded is None and by_id[sid].error, sid
    d = make_app()
    d.app.push(Game(d.app, [tmp_path]).menu())
    d.frames(3)
    assert isinstance(d.top, MenuView)


def test_a_story_at_every_limit_plays_in_the_window(make_app, tmp_path):
    depth = limits.MAX_CONDITION_DEPTH
    condition = "(" * (depth - 1) + "not x > -1" + ")" * (depth - 1)
    long_text = ("Ääkköset, emoji 👩‍👩‍👧, e\u0301, עברית, $x^2$ ja <b>&amp;</b>. " * 40)[:2000]
    story = tmp_path / "rajat"
    story.mkdir()
    (story / "story.yaml").write_text(f"""\
format: 1
id: rajat
start: alku
variables:
  x: {{initial: -{limits.MAX_NUMBER}, show: true, label: "$rahat$", unit: "€"}}
  y: {{initial: {limits.MAX_NUMBER}, show: true}}
scenes:
  alku:
    lines:
      - "{long_text}"
      - {{text: "x on {{x}} ja y on {{y}}", if: "{condition}"}}
    discuss: "{long_text}"
    timer: {limits.MAX_TIMER}
    add: {{x: -{limits.MAX_NUMBER}, y: {limits.MAX_NUMBER}}}
    choices:
      - {{text: "{long_text}", goto: loppu, domains: [arki]}}
      - {{text: "$\\\\frac{{{{1}}}}{{{{0}}}}$", goto: loppu, id: toinen, domains: [arki]}}
  loppu: {{lines: ["{long_text}"], end: {{title: "$x$"}}}}
""", "utf-8")
    [entry] = discover([tmp_path])
    assert entry.loaded is not None, entry.error
    d = make_app()
    d.app.push(Game(d.app, [tmp_path]).play_view(entry.loaded, "fi", "counsellor", []))
    d.frames(3)
    assert isinstance(d.top, PlayView)
    d.key(pygame.K_EQUALS, mod=pygame.KMOD_CTRL, n=5)  # the largest text size too
    play_to_end(d, "counsellor")
    assert not isinstance(d.top, ErrorView)
