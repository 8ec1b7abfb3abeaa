"""The launcher's window: the counsellor's settings kept between starts (0600), the menu
with the facilitator, and an open session left resumable when the window closes."""

from __future__ import annotations

import argparse
import os
import stat
from dataclasses import replace

import pygame
import pytest

import launcher
from facilitator import paths
from facilitator.sessions import SessionStore
from facilitator.ui.prefs import language_saved, load_settings, save_settings, settings_path
from facilitator.ui.resume import ResumeView
from game.ui.theme import Settings
from game.ui.views.language import LanguageView
from game.ui.views.menu import MenuView
from game.ui.views.play import PlayView


def window_args(**over):
    args = argparse.Namespace(size=(1024, 600), text_size=100, high_contrast=False,
                              reduce_motion=False, fullscreen=False, console="off")
    for k, v in over.items():
        setattr(args, k, v)
    return args


def test_settings_round_trip_private_and_forgiving(tmp_path):
    path = tmp_path / "settings.json"
    base = Settings(ui_lang="fi")
    assert load_settings(base, path) == base  # no file yet
    chosen = Settings(ui_lang="sv", text_scale=1.5, theme="high-contrast", reduce_motion=True,
                      read_aloud=True)
    save_settings(chosen, path)
    assert load_settings(base, path) == chosen
    if paths.POSIX:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    path.write_text('{"schema": "porukka-settings", "version": 1, "settings": '
                    '{"ui_lang": "de", "text_scale": 9, "theme": "neon", "read_aloud": "yes"}}')
    assert load_settings(base, path) == base  # nonsense is ignored, value by value
    path.write_text("{not json")
    assert load_settings(base, path) == base


def test_the_window_remembers_the_counsellors_settings():
    app = launcher._open_window(window_args(), "fi")
    try:
        assert app.settings.ui_lang == "fi" and app.settings.text_scale == 1.0
        app.change_settings(replace(app.settings, ui_lang="en", text_scale=1.5))
        assert settings_path().exists()
    finally:
        app.close()
    app = launcher._open_window(window_args(), "fi")
    try:
        assert app.settings.ui_lang == "en" and app.settings.text_scale == 1.5
    finally:
        app.close()
    # what the command line says wins over what was saved
    app = launcher._open_window(window_args(text_size=200, high_contrast=True), "sv",
                                ui_given=True)
    try:
        assert app.settings.ui_lang == "sv" and app.settings.text_scale == 2.0
        assert app.settings.theme == "high-contrast"
    finally:
        app.close()


@pytest.mark.slow
def test_closing_the_window_mid_story_leaves_the_session_resumable(monkeypatch, group, people):
    """`porukka` with no command: the menu with the facilitator; quitting mid-story keeps the
    session for resuming, and the next start offers it first."""
    seen = {}

    def run(self, clock=None, max_frames=None):
        self.idle_timeout_ms = 1
        for key in (pygame.K_RETURN, pygame.K_RETURN, pygame.K_RETURN):
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="",
                                                 scancode=0))
            type(self).__dict__["_real_run"](self, max_frames=self.frames + 2)
        seen.setdefault("first", type(self.views[-1]))
        seen.setdefault("stack", [type(v) for v in self.views])
        seen["top"] = self.views[-1]

    from game.ui.app import App

    monkeypatch.setattr(App, "_real_run", App.run, raising=False)
    monkeypatch.setattr(App, "run", run)
    save_settings(Settings(ui_lang="fi"))  # not the first start: no language to ask
    assert launcher.cmd_menu(window_args(), "fi") == 0
    assert seen["first"] is PlayView and seen["stack"] == [MenuView, PlayView]
    [waiting] = SessionStore().interrupted()
    assert waiting.group == group.id and len(waiting.present) == len(people)
    seen.clear()

    def look(self, clock=None, max_frames=None):
        type(self).__dict__["_real_run"](self, max_frames=self.frames + 2)
        seen["top"] = self.views[-1]

    monkeypatch.setattr(App, "run", look)
    launcher.cmd_menu(window_args(), "fi")
    assert isinstance(seen["top"], ResumeView)


def test_the_first_start_asks_the_language_and_later_starts_keep_it(monkeypatch):
    """Regression: the menu opened in English on a machine with an English locale, even for a
    counsellor who always works in Finnish (the language was in Settings only)."""
    from game.ui.app import App

    seen: dict[str, object] = {}

    def choose_swedish(self, clock=None, max_frames=None):
        self.idle_timeout_ms = 1
        type(self).__dict__["_real_run"](self, max_frames=self.frames + 2)
        seen["first"] = self.views[-1]
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_2, mod=0, unicode="2",
                                             scancode=0))
        type(self).__dict__["_real_run"](self, max_frames=self.frames + 2)
        seen["then"] = self.views[-1]
        seen["lang"] = self.settings.ui_lang

    monkeypatch.setattr(App, "_real_run", App.run, raising=False)
    monkeypatch.setattr(App, "run", choose_swedish)
    assert not language_saved()
    launcher.cmd_menu(window_args(), "en")  # the machine's locale says English
    assert isinstance(seen["first"], LanguageView)
    assert isinstance(seen["then"], MenuView) and seen["lang"] == "sv"
    assert language_saved()

    def look(self, clock=None, max_frames=None):
        type(self).__dict__["_real_run"](self, max_frames=self.frames + 2)
        seen["top"] = self.views[-1]
        seen["lang"] = self.settings.ui_lang

    monkeypatch.setattr(App, "run", look)
    launcher.cmd_menu(window_args(), "en")
    assert isinstance(seen["top"], MenuView) and seen["lang"] == "sv"
