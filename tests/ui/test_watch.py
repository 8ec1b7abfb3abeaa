"""Watch mode: the game reloads the story on save, staying at the current scene; an error is
shown on screen with its file and line while the last good version keeps playing."""

from __future__ import annotations

import os
import time

import pygame
import pytest

from game.story.loader import load_story
from game.ui.main import Game
from game.ui.views.play import PlayView

STORY = """format: 1
id: kokeilu
start: alku
variables:
  rahat: {initial: 10, show: true, label: Rahat}
scenes:
  alku:
    lines: [Alku.]
    choices:
      - {id: a, text: Kauppaan, goto: kauppa, add: {rahat: -3}, domains: [arki]}
      - {id: b, text: Kotiin, goto: loppu, domains: [arki]}
  kauppa:
    lines: ["Kaupassa. Rahaa {rahat}."]
    goto: loppu
  loppu:
    lines: [Loppu.]
    end: {title: Loppu}
"""


def _save(path, text):
    path.write_text(text, encoding="utf-8")
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # a later save


def _until(d, condition, seconds=5.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        d.frames(2)
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.slow
def test_reload_on_save_keeps_the_scene_and_shows_errors(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "kokeilu.yaml"
    path.write_text(STORY, encoding="utf-8")
    d = make_app()
    view = Game(d.app, [tmp_path]).play_view(load_story(path), "fi", "counsellor", [],
                                             watch=True)
    d.app.push(view)
    d.frames()
    d.key(pygame.K_SPACE)
    d.key(pygame.K_1)
    assert view.c.scene_id == "kauppa"
    assert view.lines[0].text == "Kaupassa. Rahaa 7."

    _save(path, STORY.replace("Kaupassa.", "Kaupan kassalla."))
    assert _until(d, lambda: view.lines and view.lines[0].text.startswith("Kaupan kassalla"))
    assert view.c.scene_id == "kauppa" and view.c.state.variables["rahat"] == 7

    _save(path, STORY.replace("Kaupassa.", "Uusi teksti.").replace("goto: loppu\n  loppu",
                                                                   "goto: lopu\n  loppu"))
    assert _until(d, lambda: view.watch_error is not None)
    d.redraw()
    shown = " ".join(b.text for b in d.app.last_boxes)
    assert "kokeilu.yaml:14:11: error[unknown-scene]" in shown and "lopu" in shown
    assert view.lines[0].text.startswith("Kaupan kassalla")  # the last good version plays on
    assert isinstance(d.top, PlayView)
    from .test_layout import check

    check(d, "watch error banner")

    _save(path, STORY)
    assert _until(d, lambda: view.watch_error is None)
    assert view.lines[0].text == "Kaupassa. Rahaa 7."


@pytest.mark.slow
def test_a_removed_scene_restarts_from_the_start(make_app, tmp_path):
    path = tmp_path / "kokeilu.yaml"
    path.write_text(STORY, encoding="utf-8")
    d = make_app()
    view = Game(d.app, [tmp_path]).play_view(load_story(path), "fi", "counsellor", [],
                                             watch=True)
    d.app.push(view)
    d.frames()
    d.key(pygame.K_SPACE)
    d.key(pygame.K_1)
    changed = STORY.replace("goto: kauppa", "goto: puoti").replace("  kauppa:", "  puoti:")
    _save(path, changed)
    assert _until(d, lambda: view.c.scene_id == "alku")
    assert view.c.state.variables["rahat"] == 10


def test_play_command_with_watch_opens_a_watching_play_screen(tmp_path, monkeypatch):
    """`porukka play STORY --watch` once lost its --watch on the way to the screen."""
    import launcher
    from game.ui.app import App

    seen = []

    def stop(app, clock=None, max_frames=None):
        seen.extend(app.views)

    monkeypatch.setattr(App, "run", stop)
    path = tmp_path / "kokeilu.yaml"
    path.write_text(STORY, encoding="utf-8")
    monkeypatch.setenv("PORUKKA_DATA_DIR", str(tmp_path / "data"))
    assert launcher.main(["play", str(path), "--watch"]) == 0
    play = [v for v in seen if isinstance(v, PlayView)]
    assert play and play[0].watcher is not None
    assert launcher.main(["play", str(path)]) == 0
    assert [v for v in seen if isinstance(v, PlayView)][-1].watcher is None
