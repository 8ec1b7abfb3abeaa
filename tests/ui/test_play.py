"""Scripted input plays a built-in story from the menu to its ending in each vote mode."""

from __future__ import annotations

import re
from collections.abc import Callable

import pygame
import pytest

from game.play.controller import default_participants
from game.play.events import CounsellorAction, DecisionMade, Happened, VoteCast, VoteCounts
from game.resources import builtin_stories_dir
from game.story.loader import load_story
from game.story.runtime import EndingReached
from game.ui.canvas import has_glyphs
from game.ui.main import Game, SessionHooks
from game.ui.views.menu import MenuView
from game.ui.views.options import QuickSetupView
from game.ui.views.overlays import ConfirmSkip, CounsellorMenu, ErrorView, HelpOverlay, PauseOverlay
from game.ui.views.play import PlayView

from .._hostile_pictures import png

BUILTIN_STORIES = builtin_stories_dir()

STORY = BUILTIN_STORIES / "rahat-loppuu"


def told(events: list) -> Callable[[Happened], None]:
    """A listener that keeps every event of every move, in order."""
    return lambda happened: events.extend(happened.events)
MODES = ["counsellor", "hands", "secret", "gamepads"]


def start_from_menu(make_app, mode, events):
    d = make_app()
    hooks = SessionHooks(listener=lambda loaded, lang, vote, people: told(events))
    game = Game(d.app, [STORY], hooks)
    d.app.push(game.menu())
    d.frames()
    assert isinstance(d.top, MenuView)
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, QuickSetupView)
    d.key(pygame.K_UP, n=2)  # from Start up to the vote mode row
    d.key(pygame.K_RIGHT, n=MODES.index(mode))
    assert d.top.options[1].value == mode
    d.key(pygame.K_DOWN, n=2)
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, PlayView)
    return d


def play_to_end(d, mode, max_steps=400):
    pads = [101, 102, 103, 104]
    for _ in range(max_steps):
        view = d.top
        if not isinstance(view, PlayView):
            return
        phase = view.flow.phase
        if phase in ("lines", "checkpoint", "stuck", "ending"):
            d.key(pygame.K_SPACE)
        elif phase in ("handover", "decided"):
            d.key(pygame.K_RETURN)
        elif phase == "results":
            if view.c.tally().winner is None:
                d.key(pygame.K_1)
            else:
                d.key(pygame.K_RETURN)
        elif phase == "choices":
            if mode == "counsellor":
                d.key(pygame.K_1)
            elif mode == "hands":
                d.key(pygame.K_PLUS, n=3)
                d.key(pygame.K_DOWN)
                d.key(pygame.K_PLUS)
                d.key(pygame.K_RETURN)
            elif mode == "secret":
                d.key(pygame.K_2 if view.flow.turn == 0 else pygame.K_1)
            else:
                for pad in pads:
                    d.post(pygame.JOYHATMOTION, instance_id=pad, hat=0, value=(0, 0))
                for i, pad in enumerate(pads):
                    if isinstance(d.top, PlayView) and d.top.flow.phase == "choices":
                        d.post(pygame.JOYBUTTONDOWN, instance_id=pad, button=1 if i == 0 else 0)
    raise AssertionError("the story did not end")


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_menu_to_ending_in_each_vote_mode(make_app, mode):
    events = []
    d = start_from_menu(make_app, mode, events)
    play_to_end(d, mode)
    assert isinstance(d.top, MenuView), "after the ending the menu comes back"
    kinds = {type(e) for e in events}
    assert EndingReached in kinds
    decisions = [e for e in events if isinstance(e, DecisionMade)]
    assert decisions
    if mode == "counsellor":
        assert {e.how for e in decisions} == {"counsellor"}
    elif mode == "hands":
        assert VoteCounts in kinds
        assert all(e.how == "majority" and e.split for e in decisions)
        assert all(sum(e.tally.values()) == 4 for e in decisions)
    elif mode == "secret":
        votes = [e for e in events if isinstance(e, VoteCast)]
        assert len(votes) == 4 * len(decisions)
        assert all(e.split for e in decisions)
    else:
        votes = [e for e in events if isinstance(e, VoteCast)]
        assert {v.participant for v in votes} == {"p1", "p2", "p3", "p4"}
        assert all(sum(e.tally.values()) == 4 for e in decisions)


def test_mouse_only_play(make_app):
    """Every step can be done with clicks alone: card, Start, advancing, tiles, results."""
    events = []
    d = make_app()
    game = Game(d.app, [STORY], SessionHooks(listener=lambda *a: told(events)))
    d.app.push(game.menu())
    d.frames()
    d.click(d.top.cards[0][0].center)
    start = next(b for b in d.top.buttons if b.action == "start")
    d.click(start.rect.center)
    assert isinstance(d.top, PlayView)
    for _ in range(300):
        view = d.top
        if not isinstance(view, PlayView):
            break
        if view.flow.phase == "choices":
            d.click(view.tile_rects[-1].center)
        else:
            d.click((d.app.screen.get_width() // 2, d.app.screen.get_height() // 2))
    assert isinstance(d.top, MenuView)
    assert any(isinstance(e, EndingReached) for e in events)


def _play(make_app, mode="counsellor", size=(1280, 720), events=None, **settings):
    d = make_app(size, **settings)
    loaded = load_story(STORY)
    game = Game(d.app, [STORY])
    people = default_participants(4, lambda n: f"Pelaaja {n}")
    view = game.play_view(loaded, "fi", mode, people)
    if events is not None:
        view.c.listener = told(events)
    d.app.push(view)
    d.frames()
    return d, view


def test_counsellor_controls_pause_back_skip_and_help(make_app):
    events = []
    d, view = _play(make_app, events=events)
    d.key(pygame.K_p)
    assert isinstance(d.top, PauseOverlay)
    d.key(pygame.K_SPACE)
    assert d.top is view
    while view.flow.phase != "choices":
        d.key(pygame.K_SPACE)
    first_scene = view.c.scene_id
    d.key(pygame.K_1)
    assert view.c.scene_id != first_scene
    d.key(pygame.K_BACKSPACE)
    assert view.c.scene_id == first_scene and view.flow.phase == "lines"
    d.key(pygame.K_F1)
    assert isinstance(d.top, HelpOverlay)
    d.key(pygame.K_a)
    d.key(pygame.K_e)
    assert isinstance(d.top, ConfirmSkip) and not view.c.ended  # E asks first
    d.key(pygame.K_RETURN)  # "no, continue" is the first button
    assert d.top is view and not view.c.ended
    d.key(pygame.K_e)
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert view.c.ended and view.flow.phase == "lines"  # the ending's own lines come first
    while view.flow.phase != "ending":
        d.key(pygame.K_SPACE)
    actions = [e.action for e in events if isinstance(e, CounsellorAction)]
    assert actions == ["pause", "resume", "back", "skip-to-ending"]


def test_counsellor_menu_with_mouse_changes_text_size_and_ends(make_app):
    d, view = _play(make_app)
    d.click(view.menu_button.center)
    assert isinstance(d.top, CounsellorMenu)
    bigger = next(b for b in d.top.buttons if b.action == "bigger")
    d.click(bigger.rect.center)
    assert d.app.settings.text_scale == 1.25 and isinstance(d.top, CounsellorMenu)
    d.key(pygame.K_ESCAPE)
    assert d.top is view
    d.click(view.menu_button.center)
    end = next(b for b in d.top.buttons if b.action == "end")
    d.click(end.rect.center)
    yes = next(b for b in d.top.buttons if b.action == "yes")
    d.click(yes.rect.center)
    assert view not in d.app.views


def test_text_size_keys_and_resize_keep_the_place(make_app):
    d, view = _play(make_app)
    d.key(pygame.K_SPACE)
    line = view._current_line_index()
    d.key(pygame.K_EQUALS, mod=pygame.KMOD_CTRL, n=4)
    assert d.app.settings.text_scale == 2.0
    assert view._current_line_index() == line
    d.post(pygame.VIDEORESIZE, w=1024, h=600, size=(1024, 600))
    assert d.app.screen.get_size() == (1024, 600)
    assert view._current_line_index() == line
    d.key(pygame.K_MINUS, mod=pygame.KMOD_CTRL, n=5)
    assert d.app.settings.text_scale == 1.0


def test_timer_counts_down_and_is_never_forced(make_app, tmp_path):
    d, view = _play(make_app)
    while view.flow.phase != "choices":
        d.key(pygame.K_SPACE)
    view.flow.timer_left, view.flow.timer_running = 1.0, True
    view.update(2.0)
    assert view.flow.timer_left == 0 and view.flow.phase == "choices"
    d.key(pygame.K_t)
    assert 59 < view.flow.timer_left <= 60
    d.key(pygame.K_t, mod=pygame.KMOD_SHIFT)
    assert view.flow.timer_left is None and view.flow.phase == "choices"


def test_tie_goes_to_counsellor_or_revote(make_app):
    events = []
    d, view = _play(make_app, mode="secret", events=events)
    while view.flow.phase != "handover":
        d.key(pygame.K_SPACE)
    for number in (pygame.K_1, pygame.K_2, pygame.K_1, pygame.K_2):
        d.key(pygame.K_RETURN)
        d.key(number)
    assert view.flow.phase == "results" and view.c.tally().is_tie
    d.key(pygame.K_r)
    assert view.flow.phase == "handover" and view.c.voters_done() == set()
    for number in (pygame.K_1, pygame.K_2, pygame.K_1, pygame.K_2):
        d.key(pygame.K_RETURN)
        d.key(number)
    d.key(pygame.K_2)
    decision = [e for e in events if isinstance(e, DecisionMade)][-1]
    assert decision.how == "tie-counsellor" and decision.choice_id == view.c.state.choices[-1]
    assert decision.split


def test_results_say_one_vote_and_many_votes_in_the_right_form(make_app):
    """Regression: the results said "1 ääntä" (1 votes); a count of one is singular."""
    d, view = _play(make_app, mode="secret")
    while view.phase != "handover":
        d.key(pygame.K_SPACE)
    for number in (pygame.K_1, pygame.K_1, pygame.K_1, pygame.K_2):
        d.key(pygame.K_RETURN)
        d.key(number)
    assert view.phase == "results"
    d.redraw()
    texts = [b.text for b in d.app.last_boxes]
    assert "3 ääntä" in texts and "1 ääni" in texts and "1 ääntä" not in texts


def test_secret_votes_are_hidden_until_all_have_voted(make_app):
    d, view = _play(make_app, mode="secret")
    while view.flow.phase != "handover":
        d.key(pygame.K_SPACE)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_2)
    assert view.flow.phase == "handover"  # the next person's turn: nothing about the vote shows
    d.redraw()
    texts = " ".join(b.text for b in d.app.last_boxes)
    assert not re.search(r"\d+ ää(ni|ntä)\b", texts) and "Pelaaja 2" in texts
    d.key(pygame.K_s, n=1)  # skip Pelaaja 2
    assert view.flow.turn == 2


def test_gamepad_unplugged_mid_vote_is_a_note_not_a_crash(make_app):
    d, view = _play(make_app, mode="gamepads")
    while view.flow.phase != "choices":
        d.key(pygame.K_SPACE)
    d.post(pygame.JOYHATMOTION, instance_id=7, hat=0, value=(0, 0))
    d.post(pygame.JOYHATMOTION, instance_id=8, hat=0, value=(0, 0))
    d.post(pygame.JOYBUTTONDOWN, instance_id=7, button=0)
    d.post(pygame.JOYDEVICEREMOVED, instance_id=8)
    assert any("irrotettiin" in n for n, _ in d.app.notes)
    assert view.flow.phase == "results"  # the remaining pad has voted


def test_missing_picture_is_a_visible_note(make_app, tmp_path):
    story = tmp_path / "kuva"
    story.mkdir()
    # A valid PNG header (all that validate reads) over image data that cannot be decoded.
    (story / "bg.png").write_bytes(png(16, 16))
    (story / "story.yaml").write_text(
        "format: 1\nid: kuva\nstart: a\nscenes:\n  a:\n    background: bg.png\n"
        "    lines: [Hei]\n    end: {title: Loppu}\n", encoding="utf-8")
    d = make_app()
    game = Game(d.app, [story])
    loaded = load_story(story)
    d.app.push(game.play_view(loaded, "fi", "counsellor", []))
    d.frames(3)
    assert any("bg.png" in n for n, _ in d.app.notes)
    assert isinstance(d.top, PlayView)


def test_an_exception_in_a_view_shows_a_calm_error_screen(make_app):
    events = []
    d, view = _play(make_app, events=events)

    def boom(event):
        raise RuntimeError("bug")

    view.handle = boom
    d.key(pygame.K_SPACE)
    assert isinstance(d.top, ErrorView)
    end = next(b for b in d.top.buttons if b.action == "end")
    d.click(end.rect.center)
    assert any(isinstance(e, CounsellorAction) and e.action == "end-session" for e in events)


def test_idle_screen_draws_nothing_new(make_app):
    d, view = _play(make_app)
    d.frames(3)
    before = d.app.draws
    d.frames(20)
    assert d.app.draws == before
    d.key(pygame.K_SPACE)
    assert d.app.draws > before


def test_views_work_without_the_main_loop(make_app):
    """handle/update/draw can be called directly: no main loop, no test-only branch."""
    from game.ui.canvas import Canvas

    d, view = _play(make_app)
    intent = view.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_p, mod=0))
    assert type(intent).__name__ == "Push"
    canvas = Canvas(pygame.Surface((800, 600)))
    view.draw(canvas)
    assert canvas.boxes


def test_counsellor_console_window_follows_the_game(make_app):
    d, view = _play(make_app, mode="secret")
    d.app.open_console()
    console = d.app.console
    while view.flow.phase != "handover":
        d.key(pygame.K_SPACE)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_1)
    d.redraw()
    texts = [b.text for b in console.boxes]
    assert any(view.c.scene_id in t for t in texts)
    assert any("1/4" in t for t in texts)  # who has voted, never what
    assert any("->" in t for t in texts)  # what comes next
    w, h = console.window.size
    assert all(b.rect.right <= w and b.rect.bottom <= h for b in console.boxes)
    assert all(has_glyphs(b.text) for b in console.boxes)
    d.post(pygame.WINDOWCLOSE, window=console.window)
    assert d.app.console is None and d.app.running is not False


def test_speaker_portrait_is_drawn_and_a_missing_one_is_a_note(make_app, tmp_path):
    folder = tmp_path / "kasvot"
    folder.mkdir()
    (folder / "mira.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
        '<circle cx="256" cy="256" r="250" fill="#ff0000"/></svg>', encoding="utf-8")
    (folder / "story.yaml").write_text(
        "format: 1\nid: kasvot\nstart: a\ncharacters:\n"
        "  mira: {name: Mira, image: mira.svg}\n  timo: {name: Timo, image: timo.png}\n"
        "scenes:\n  a:\n    lines:\n      - {who: mira, text: Hei}\n"
        "      - {who: timo, text: Moi}\n    end: {title: Loppu}\n", encoding="utf-8")
    import yaml

    from game.story.loader import LoadedStory, check_file
    from game.story.model import Story

    res = check_file(folder / "story.yaml")
    assert [i.code for i in res.issues] == ["missing-asset"]  # the validator says so too
    # The game still copes when a picture is gone after validation (a file deleted later).
    data = yaml.safe_load((folder / "story.yaml").read_text("utf-8"))
    loaded = LoadedStory(Story.model_validate(data), folder / "story.yaml", folder, "x")
    d = make_app()
    view = Game(d.app, [folder]).play_view(loaded, "fi", "counsellor", [])
    d.app.push(view)
    d.frames()
    d.redraw()
    w, h = d.app.screen.get_size()
    reds = sum(1 for x in range(w // 2, w, 8) for y in range(0, h, 8)
               if d.app.screen.get_at((x, y))[:3] == (255, 0, 0))
    assert reds > 20, "Mira's portrait is not on the screen"
    d.key(pygame.K_SPACE)
    d.redraw()
    assert any("timo.png" in n for n, _ in d.app.notes)


def test_the_console_knows_the_flow_not_the_play_screen():
    """Regression (issue 12): app → console → views.play → app was an import cycle, and the
    console read the play screen's attributes. It reads the flow the app hands it now."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    code = (
        "import sys\n"
        "import game.ui.console\n"
        "bad = [m for m in sys.modules if m.startswith(('game.ui.views', 'game.ui.app'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, timeout=60)
