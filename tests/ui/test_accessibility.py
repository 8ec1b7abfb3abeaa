"""Accessibility promises: contrast, glyphs for every text, reduce motion, read-aloud, 4:3."""

from __future__ import annotations

import stat
from pathlib import Path

import pygame
import pytest

from game.i18n import LANGUAGES, entries
from game.play.controller import COLOURS, SHAPES, default_participants
from game.resources import builtin_stories_dir
from game.story.loader import find_story_files, load_story
from game.story.validate import Context, iter_texts
from game.ui.canvas import has_glyphs
from game.ui.main import Game
from game.ui.speech import Speaker
from game.ui.theme import HIGH_CONTRAST, WARM, contrast, hex_colour, readable_on

from .test_layout import check

BUILTIN_STORIES = builtin_stories_dir()


def _pairs(theme):
    return [
        (theme.text, theme.bg), (theme.text, theme.panel), (theme.muted, theme.bg),
        (theme.tile_text, theme.tile), (theme.tile_text, theme.tile_hover),
        (theme.accent_text, theme.accent), (theme.warn, theme.bg),
    ]


def test_high_contrast_theme_is_at_least_7_to_1():
    for fg, bg in _pairs(HIGH_CONTRAST):
        assert contrast(fg, bg) >= 7.0, (fg, bg)


def test_warm_theme_reads_well_too():
    for fg, bg in _pairs(WARM):
        assert contrast(fg, bg) >= 4.5, (fg, bg)


def test_name_plates_pick_readable_text():
    for colour in COLOURS + ("#3d7ea6", "#ffffff", "#000000", "#777777"):
        c = hex_colour(colour)
        assert contrast(readable_on(c), c) >= 4.5


def test_participants_pair_colour_with_a_distinct_shape():
    people = default_participants(8, str)
    assert len({p.shape for p in people}) == 8 == len(SHAPES)
    assert len({p.colour for p in people}) == 8


def test_font_has_every_character_of_the_interface():
    pygame.font.init()
    for lang in LANGUAGES:  # the whole catalogue, whatever this run happened to import
        for key, texts in entries(lang).items():
            for text in texts:
                assert has_glyphs(text), f"{key} [{lang}] has a character the font lacks"


@pytest.mark.parametrize("path", find_story_files(BUILTIN_STORIES), ids=lambda p: p.parent.name)
def test_font_has_every_character_of_the_builtin_stories(path):
    pygame.font.init()
    loaded = load_story(path)
    ctx = Context(str(path), loaded.story, None, {}, [])  # type: ignore[arg-type]
    for where, text in iter_texts(ctx):
        for value in (text.values() if isinstance(text, dict) else [text]):
            assert has_glyphs(value), f"{where}: {value!r}"


def _view(make_app, **settings):
    d = make_app(**settings)
    loaded = load_story(BUILTIN_STORIES / "rahat-loppuu")
    view = Game(d.app, [BUILTIN_STORIES], speaker=settings.pop("speaker", None)).play_view(
        loaded, "fi", "counsellor", [])
    d.app.push(view)
    d.frames()
    return d, view


def test_reduce_motion_means_no_animation(make_app):
    d, view = _view(make_app, reduce_motion=True)
    d.key(pygame.K_SPACE)
    assert not view.animating() and view.fade == 1.0
    d2, view2 = _view(make_app, reduce_motion=False)
    assert view2.fade < 1.0 and view2.animating()
    d2.key(pygame.K_SPACE)  # the first press finishes the animation, it does not skip a line
    assert view2.fade == 1.0 and view2.revealed == 1
    d2.key(pygame.K_SPACE)
    assert view2.revealed == 2 and view2.fade < 1.0


def test_read_aloud_speaks_lines_and_choices(make_app, tmp_path: Path):
    out = tmp_path / "said.txt"
    fake = tmp_path / "espeak-ng"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {out}\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    speaker = Speaker(str(fake))
    assert speaker.available
    d = make_app(read_aloud=True)
    loaded = load_story(BUILTIN_STORIES / "rahat-loppuu")
    view = Game(d.app, [BUILTIN_STORIES], speaker=speaker).play_view(loaded, "sv", "counsellor",
                                                                     [])
    d.app.push(view)
    d.frames()
    while view.flow.phase != "choices":
        d.key(pygame.K_SPACE)
    speaker.stop()
    import time

    for _ in range(50):
        if out.exists() and "1." in out.read_text():
            break
        time.sleep(0.05)
    said = out.read_text()
    assert "-v sv" in said
    assert view.lines[0].text.split()[0] in said
    assert "1." in said


def test_read_aloud_is_silent_without_espeak():
    speaker = Speaker("no-such-program-here")
    assert not speaker.available
    speaker.say("Hei", "fi")  # nothing happens, nothing breaks


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1024, 768), (1600, 1200)], ids=["1024x768", "1600x1200"])
def test_four_by_three_windows(make_app, size):
    d, view = _view(make_app, text_scale=2.0)
    d.post(pygame.VIDEORESIZE, w=size[0], h=size[1], size=size)
    for _ in range(12):
        check(d, f"{view.c.scene_id} {view.flow.phase}")
        d.key(pygame.K_1 if view.flow.phase == "choices" else pygame.K_SPACE)
