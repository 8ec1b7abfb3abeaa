"""The first-start language choice works with the keyboard, the mouse, a touch and a gamepad."""

from __future__ import annotations

import pygame
import pytest

from game.i18n import t
from game.resources import builtin_stories_dir
from game.ui.main import Game
from game.ui.views.language import LanguageView
from game.ui.views.menu import MenuView


def _open(make_app, **settings):
    d = make_app(**settings)
    d.app.push(Game(d.app, [builtin_stories_dir()]).menu())
    d.app.push(LanguageView(d.app))
    d.frames()
    d.redraw()
    return d


def test_each_language_is_named_in_itself_and_asked_in_all_three(make_app):
    d = _open(make_app, ui_lang="en")
    texts = [b.text for b in d.app.last_boxes]
    assert {"Valitse kieli", "Välj språk", "Choose a language"} <= set(texts)
    assert [b.label for b in d.top.buttons] == ["1  Suomi", "2  Svenska", "3  English"]
    assert d.top.focus == 2  # the locale's language is offered first


@pytest.mark.parametrize("how", ["click", "touch", "keys", "pad"])
def test_choosing_a_language(make_app, how):
    d = _open(make_app, ui_lang="en")
    view = d.top
    if how == "click":
        d.click(view.buttons[0].rect.center)
    elif how == "touch":
        w, h = d.app.screen.get_size()
        x, y = view.buttons[0].rect.center
        d.post(pygame.FINGERDOWN, x=x / w, y=y / h, touch_id=0, finger_id=0, dx=0, dy=0,
               pressure=1)
    elif how == "keys":
        d.key(pygame.K_DOWN)  # en -> fi (wraps)
        d.key(pygame.K_RETURN)
    else:
        d.post(pygame.JOYHATMOTION, joy=0, instance_id=0, hat=0, value=(0, -1))
        d.post(pygame.JOYBUTTONDOWN, joy=0, instance_id=0, button=0)
    assert isinstance(d.top, MenuView) and d.app.settings.ui_lang == "fi"
    d.redraw()
    assert t("ui-tagline", "fi") in [b.text for b in d.app.last_boxes]
