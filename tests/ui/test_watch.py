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


def _idle_watching_view(d, path):
    view = Game(d.app, [path.parent]).play_view(load_story(path), "fi", "counsellor", [],
                                                watch=True)
    d.app.push(view)
    d.frames()
    return view


def test_a_save_wakes_an_idle_window_through_file_notifications(make_app, tmp_path, monkeypatch):
    """Watch mode once polled every 0.1 s (a reload about 210 ms after the save): now the
    operating system's notification wakes the idle loop, which never wakes on a timer."""
    monkeypatch.delenv("PORUKKA_WATCH_POLL", raising=False)
    path = tmp_path / "kokeilu.yaml"
    path.write_text(STORY, encoding="utf-8")
    d = make_app()
    view = _idle_watching_view(d, path)
    assert view.watcher.notified and view.wake_ms is None
    d.app.idle_timeout_ms = 20_000  # only the watch event can wake the loop in time
    time.sleep(0.1)
    path.write_text(STORY.replace("Alku.", "Alku muuttui."), encoding="utf-8")
    t0 = time.monotonic()
    while not view.lines[0].text.startswith("Alku muuttui") and time.monotonic() - t0 < 10:
        d.frames(1)
    assert view.lines[0].text == "Alku muuttui."
    assert time.monotonic() - t0 < 2.0
    view.watcher.close()


def test_without_notifications_the_file_is_polled(make_app, tmp_path, monkeypatch):
    monkeypatch.setenv("PORUKKA_WATCH_POLL", "1")
    path = tmp_path / "kokeilu.yaml"
    path.write_text(STORY, encoding="utf-8")
    d = make_app()
    view = _idle_watching_view(d, path)
    assert not view.watcher.notified and view.wake_ms == 100
    _save(path, STORY.replace("Alku.", "Alku muuttui."))
    assert _until(d, lambda: view.lines[0].text == "Alku muuttui.")


def test_a_failing_notifier_falls_back_to_polling(tmp_path, monkeypatch):
    """No inotify watches left (or a file system without notifications): poll instead."""
    import watchfiles._rust_notify

    from game.ui.watch import StoryWatcher

    def refuse(*args):
        raise OSError("inotify watch limit reached")

    monkeypatch.delenv("PORUKKA_WATCH_POLL", raising=False)
    monkeypatch.setattr(watchfiles._rust_notify, "RustNotify", refuse)
    path = tmp_path / "kokeilu.yaml"
    path.write_text(STORY, encoding="utf-8")
    watcher = StoryWatcher(path)
    assert not watcher.notified and watcher.wake_ms == 100
    _save(path, STORY.replace("Alku.", "Alku muuttui."))
    assert watcher.poll(0.01) is None  # not yet: polled every 0.1 s
    reload = watcher.poll(0.1)
    assert reload is not None and reload.loaded is not None


def test_a_notified_change_reloads_only_the_story_file(tmp_path, monkeypatch):
    """The folder is watched (editors save by renaming a new file over the old one); other
    files in it do not reload the story."""
    from game.ui.watch import StoryWatcher

    monkeypatch.delenv("PORUKKA_WATCH_POLL", raising=False)
    path = tmp_path / "kokeilu.yaml"
    path.write_text(STORY, encoding="utf-8")
    watcher = StoryWatcher(path)
    assert watcher.notified
    (tmp_path / "muistiinpanot.txt").write_text("x", encoding="utf-8")
    time.sleep(0.3)
    assert watcher.poll(0.0) is None and not watcher.noticed
    new = tmp_path / "kokeilu.yaml.tmp"
    new.write_text(STORY.replace("Alku.", "Alku muuttui."), encoding="utf-8")
    os.replace(new, path)
    end = time.monotonic() + 5
    reload = None
    while reload is None and time.monotonic() < end:
        time.sleep(0.01)
        reload = watcher.poll(0.0)
    assert reload is not None and reload.loaded is not None
    watcher.close()


def test_a_reload_keeps_the_pictures_that_did_not_change(make_app, tmp_path):
    """A reload once drew every picture again (an SVG background took most of the reload)."""
    from game.ui.media import Media

    make_app()
    pic = tmp_path / "tausta.png"
    surf = pygame.Surface((40, 30))
    surf.fill((200, 0, 0))
    pygame.image.save(surf, str(pic))
    media = Media(tmp_path, None)
    first = media.picture("tausta.png", (80, 60))
    assert first is not None
    again = media.reloaded(tmp_path)
    assert again.picture("tausta.png", (80, 60)) is first
    surf.fill((0, 0, 200))
    pygame.image.save(surf, str(pic))
    st = pic.stat()
    os.utime(pic, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    changed = again.reloaded(tmp_path).picture("tausta.png", (80, 60))
    assert changed is not None and changed is not first
    assert changed.get_at((40, 30))[:3] == (0, 0, 200)
