"""Every screen at 1024×600, 1280×720 and 1920×1080, at 100 % and 200 % text: every text lies
inside the window, no two texts overlap, and a text that did not fit ends with "…" after a whole
word (never cut mid-word)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pygame
import pytest

from game.play.controller import default_participants
from game.resources import builtin_stories_dir
from game.story.loader import find_story_files, load_story
from game.ui.canvas import Canvas, has_glyphs
from game.ui.main import Game
from game.ui.views.language import LanguageView
from game.ui.views.options import SettingsView
from game.ui.views.overlays import CounsellorMenu, ErrorView, HelpOverlay, PauseOverlay

BUILTIN_STORIES = builtin_stories_dir()
pytestmark = pytest.mark.slow  # the layout matrix: every screen at every size and text scale

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]
SCALES = [1.0, 2.0]


def check(d, where):
    d.redraw()
    assert d.app.last_boxes, f"{where}: nothing drawn"
    check_boxes(d.app.last_boxes, d.app.screen.get_size(), where)


def check_cut(box, where):
    """A shortened text ends with "…" and keeps whole words of what it was."""
    if box.full == box.text:
        return
    assert box.text.endswith("…"), f"{where}: {box.full!r} shortened without an ellipsis"
    kept = box.text[:-1]
    assert box.full.startswith(kept), f"{where}: {box.text!r} is not the start of {box.full!r}"
    rest = box.full[len(kept):]
    if " " in kept.strip():  # only a first word wider than all the room is cut inside itself
        assert rest[:1] in (" ", ",", ".", ";", ":", "–", "—", "-", "(", "/", "·"), \
            f"{where}: {box.text!r} cuts a word of {box.full!r}"


def check_boxes(boxes, size, where):
    w, h = size
    for b in boxes:
        assert has_glyphs(b.text), f"{where}: the font cannot draw {b.text!r}"
        check_cut(b, where)
        assert b.rect.left >= 0 and b.rect.top >= 0 and b.rect.right <= w and \
            b.rect.bottom <= h, f"{where}: {b.text!r} at {b.rect} leaves the {w}×{h} window"
    for a, b in itertools.combinations(boxes, 2):
        clip = a.rect.clip(b.rect)
        assert clip.width * clip.height <= 4, \
            f"{where}: {a.text!r} {a.rect} overlaps {b.text!r} {b.rect}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{int(s * 100)}pct")
def test_menu_settings_and_setup(make_app, size, scale):
    d = make_app(size, text_scale=scale)
    game = Game(d.app, [BUILTIN_STORIES])
    d.app.push(game.menu())
    d.frames()
    check(d, "menu")
    d.key(pygame.K_s)
    check(d, "settings")
    d.key(pygame.K_ESCAPE)
    d.key(pygame.K_RETURN)
    check(d, "set-up")
    setup = d.top
    setup.row = 1  # every vote mode's name ("Secret ballot in turns" was cut mid-word)
    for _ in setup.options[1].values:
        d.key(pygame.K_RIGHT)
        check(d, f"set-up, {setup.options[1].value}")
    for lang in ("sv", "en"):
        d.app.settings = replace(d.app.settings, ui_lang=lang)
        check(d, f"set-up in {lang}")
        d.app.views.append(SettingsView(d.app, speech_available=False))
        check(d, f"settings in {lang}, no speech")
        d.app.views.pop()
    d.app.views.append(LanguageView(d.app))
    check(d, "the first start's language choice")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{int(s * 100)}pct")
@pytest.mark.parametrize("mode", ["counsellor", "hands", "secret", "gamepads"])
def test_play_screens(make_app, size, scale, mode):
    d = make_app(size, text_scale=scale)
    loaded = load_story(BUILTIN_STORIES / "rahat-loppuu")
    game = Game(d.app, [BUILTIN_STORIES])
    view = game.play_view(loaded, "fi", mode,
                          default_participants(6, lambda n: f"Osallistuja {n}"))
    d.app.push(view)
    d.frames()
    steps = 0
    seen_phases = set()
    while not view.c.ended and steps < 400:
        steps += 1
        seen_phases.add(view.flow.phase)
        check(d, f"{mode} {view.c.scene_id} {view.flow.phase} page {view.page}")
        if view.flow.phase == "choices":
            if mode == "hands":
                d.key(pygame.K_PLUS)
                d.key(pygame.K_RETURN)
            else:
                d.key(pygame.K_1)
        elif view.flow.phase == "handover":
            d.key(pygame.K_RETURN)
        elif view.flow.phase == "results":
            d.key(pygame.K_RETURN)
            if view.flow.phase == "results":
                d.key(pygame.K_1)
        else:
            d.key(pygame.K_SPACE)
    assert view.c.ended, "the story did not end"
    for _ in range(20):
        if view.flow.phase == "ending":
            break
        d.key(pygame.K_SPACE)
    check(d, "ending")
    assert {"lines", "choices"} <= seen_phases


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{int(s * 100)}pct")
def test_overlays(make_app, size, scale):
    d = make_app(size, text_scale=scale)
    loaded = load_story(BUILTIN_STORIES / "rahat-loppuu")
    view = Game(d.app, [BUILTIN_STORIES]).play_view(loaded, "fi", "counsellor", [])
    d.app.push(view)
    d.frames()
    for overlay in (CounsellorMenu(d.app, view), HelpOverlay(d.app), PauseOverlay(d.app),
                    ErrorView(d.app, "details")):
        # Only the overlay's own texts count: the story under a dimmed overlay may be covered.
        canvas = Canvas(d.app.screen)
        overlay.draw(canvas)
        assert canvas.boxes, f"{type(overlay).__name__}: nothing drawn"
        check_boxes(canvas.boxes, d.app.screen.get_size(), type(overlay).__name__)


@pytest.mark.parametrize("path", find_story_files(BUILTIN_STORIES), ids=lambda p: p.parent.name)
def test_every_builtin_scene_fits_at_200_percent(make_app, path):
    """Every page of every scene, in every language, drawn at 1280×720 and 200 % text."""
    d = make_app((1280, 720), text_scale=2.0)
    loaded = load_story(path)
    game = Game(d.app, [BUILTIN_STORIES])
    for lang in loaded.story.languages:
        view = game.play_view(loaded, lang, "counsellor", [])
        d.app.views[:] = [view]
        for sid in loaded.story.scenes:
            view.c.state = view.c.state.model_copy(update={"scene": sid, "ended": False})
            view.c._open_ballot()
            view._enter_scene()
            view.flow.phase = "lines"
            shown = {row.line for page in view.pages for row in page}
            assert shown == set(range(len(view.lines))), f"{lang} {sid}: a line is not paged"
            for number in range(len(view.pages)):
                view.page = number
                view.revealed = len(view._page_lines())
                check(d, f"{lang} {sid} page {number}")
            if view.c.ballot is not None and view.c.ballot.offered:
                view.flow.phase = "choices"
                check(d, f"{lang} {sid} choices")
