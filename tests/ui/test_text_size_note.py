"""Changing the text size (issue 15): a short note says the new size, and the counsellor's menu
stays open between steps."""

from __future__ import annotations

import pygame

from game.resources import builtin_stories_dir
from game.story.loader import load_story
from game.ui.main import Game
from game.ui.views.overlays import CounsellorMenu

BUILTIN_STORIES = builtin_stories_dir()


def _play(make_app, **settings):
    d = make_app(**settings)
    loaded = load_story(BUILTIN_STORIES / "rahat-loppuu")
    view = Game(d.app, [BUILTIN_STORIES]).play_view(loaded, "fi", "counsellor", [])
    d.app.push(view)
    d.frames()
    return d, view


def drawn(d) -> list[str]:
    d.redraw()
    return [b.text for b in d.app.last_boxes]


def test_ctrl_plus_and_minus_show_the_new_size(make_app):
    """Regression: Ctrl +/− changed the size without any word of the new size."""
    d, _ = _play(make_app)
    d.key(pygame.K_EQUALS, mod=pygame.KMOD_CTRL)
    assert "Tekstin koko 125 %" in drawn(d)
    d.key(pygame.K_EQUALS, mod=pygame.KMOD_CTRL)
    texts = drawn(d)
    assert "Tekstin koko 150 %" in texts and "Tekstin koko 125 %" not in texts
    d.key(pygame.K_MINUS, mod=pygame.KMOD_CTRL)
    assert "Tekstin koko 125 %" in drawn(d)


def test_smaller_text_keeps_the_menu_open(make_app):
    """Regression: "smaller text" closed the menu after each step."""
    d, view = _play(make_app, text_scale=2.0)
    d.key(pygame.K_ESCAPE)
    assert isinstance(d.top, CounsellorMenu)
    for expected in (1.75, 1.5, 1.25):
        d.redraw()  # the buttons move as the text shrinks
        smaller = next(b for b in d.top.buttons if b.action == "smaller")
        d.click(smaller.rect.center)
        assert isinstance(d.top, CounsellorMenu) and d.app.settings.text_scale == expected
        assert f"Tekstin koko {int(expected * 100)} %" in drawn(d)
    d.key(pygame.K_ESCAPE)
    assert d.top is view


def test_the_menu_at_200_percent_keeps_its_text_size(make_app):
    """Regression: at 1280×720 and 200 % the counsellor's menu shrank to near 100 % text; now
    its buttons go into two columns instead."""
    sizes = {}
    for scale in (1.0, 2.0):
        d, _ = _play(make_app, text_scale=scale)
        d.key(pygame.K_ESCAPE)
        menu = d.top
        assert isinstance(menu, CounsellorMenu)
        d.redraw()
        sizes[scale] = max(b.rect.height for b in menu.buttons)
        for b in menu.buttons:
            assert d.app.screen.get_rect().contains(b.rect)
    assert sizes[2.0] >= 1.5 * sizes[1.0]  # the same floor as every screen (test_text_size)
