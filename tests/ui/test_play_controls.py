"""The play screen by one input device (issue 15): its buttons, touch, the counsellor's pad,
hands-up counting, ties, the result's wording, the secret ballot's turns, E and F1, the watch
banner, and texts that fit or end with "…" at 200 %."""

from __future__ import annotations

import pygame
import pytest

from game.play.controller import default_participants
from game.play.events import DecisionMade, VoteCounts
from game.play.flow import Phase
from game.story.loader import load_story
from game.ui.main import Game
from game.ui.views.overlays import ConfirmSkip, HelpOverlay

from .test_play import told

THREE = """format: 1
id: kolme
start: alku
scenes:
  alku:
    lines: [Alku.]
    discuss: Mitä tehdään?
    choices:
      - {id: a, text: Ensimmäinen, goto: toinen}
      - {id: b, text: Toinen vaihtoehto, goto: toinen}
      - {id: c, text: Kolmas, goto: toinen}
  toinen:
    lines: [Toinen kohtaus.]
    end: {title: Loppu}
"""

LONG = """format: 1
id: pitka
start: alku
scenes:
  alku:
    lines: [Alku.]
    discuss: Mitä Mira tekee, kun rahaa on viikon päästä enää kymmenen euroa?
    choices:
      - {id: a, text: "Soitan Kelaan ja kysyn, voiko toimeentulotuesta hakea ennakkoa", goto: loppu}
      - {id: b, text: "Pyydän kaverilta lainaksi vähän rahaa ja maksan sen takaisin", goto: loppu}
      - {id: c, text: "Teen ruokaa kaapin jämistä ja katson, riittääkö se viikon", goto: loppu}
      - {id: d, text: "Menen ruoka-apuun ja kysyn samalla velkaneuvonnasta neuvoa", goto: loppu}
  loppu:
    lines: [Loppu.]
    end: {title: Loppu}
"""


def open_play(make_app, tmp_path, text, mode, people=4, size=(1280, 720), events=None,
              **settings):
    folder = tmp_path / "tarina"
    folder.mkdir(exist_ok=True)
    (folder / "story.yaml").write_text(text, encoding="utf-8")
    d = make_app(size, **settings)
    view = Game(d.app, [folder]).play_view(
        load_story(folder), "fi", mode, default_participants(people, lambda n: f"Pelaaja {n}"))
    if events is not None:
        view.c.listener = told(events)
    d.app.push(view)
    d.frames()
    while view.flow.phase == Phase.LINES:
        d.key(pygame.K_SPACE)
    return d, view


def texts(d) -> str:
    d.redraw()
    return " ".join(b.text for b in d.app.last_boxes)  # wrapped rows read as one text


def button(d, view, action):
    d.redraw()
    return next(b for b in view.buttons if b.action == action)


def touch(d, pos) -> None:
    w, h = d.app.screen.get_size()
    d.post(pygame.FINGERDOWN, x=pos[0] / w, y=pos[1] / h, finger_id=0, touch_id=0, dx=0, dy=0,
           pressure=1.0)


def test_every_button_has_its_key_on_it(make_app, tmp_path):
    d, view = open_play(make_app, tmp_path, THREE, "hands")
    assert button(d, view, "results").label == "Näytä tulos (Enter)"
    d.click(view.plus_rects[0].center)
    d.click(button(d, view, "results").rect.center)
    assert view.flow.phase == Phase.RESULTS
    labels = {b.action: b.label for b in view.buttons}
    assert labels == {"revote": "Äänestetään uudelleen (R)", "confirm": "Jatka (Enter)"}


def test_touch_alone_counts_hands_and_goes_on(make_app, tmp_path):
    """Regression: in hands-up mode nothing but a key showed the result or went on."""
    events = []
    d, view = open_play(make_app, tmp_path, THREE, "hands", events=events)
    d.redraw()
    for _ in range(2):
        touch(d, view.plus_rects[1].center)
    touch(d, view.plus_rects[0].center)
    touch(d, view.minus_rects[0].center)
    assert view.flow.counts == {"a": 0, "b": 2, "c": 0}
    touch(d, button(d, view, "results").rect.center)
    assert view.flow.phase == Phase.RESULTS
    touch(d, button(d, view, "confirm").rect.center)
    decision = [e for e in events if isinstance(e, DecisionMade)][-1]
    assert decision.choice_id == "b" and decision.how == "majority"


def test_a_number_key_selects_and_plus_counts_on_screen(make_app, tmp_path):
    """Regression: "1, then + three times" gave 4; totals above the number present were
    accepted without a word."""
    events = []
    d, view = open_play(make_app, tmp_path, THREE, "hands", events=events)
    d.key(pygame.K_1)
    d.key(pygame.K_PLUS, n=3)
    assert view.flow.counts["a"] == 3
    assert "Laskettu 3 / paikalla 4 henkeä" in texts(d)
    d.key(pygame.K_2)
    d.key(pygame.K_PLUS, n=2)
    assert "Laskettu 5 / paikalla 4 henkeä" in texts(d)
    d.key(pygame.K_RETURN)
    assert view.flow.phase == Phase.OVERCOUNT and not any(
        isinstance(e, VoteCounts) for e in events)
    shown = texts(d)
    assert "Kädet on laskettu 5 kertaa, mutta paikalla on 4" in shown
    d.key(pygame.K_ESCAPE)  # correct the counts (not the counsellor's menu)
    assert view.flow.phase == Phase.CHOICES and d.top is view
    d.key(pygame.K_MINUS)
    d.key(pygame.K_RETURN)
    assert view.flow.phase == Phase.RESULTS
    assert [e for e in events if isinstance(e, VoteCounts)][-1].counts == {"a": 3, "b": 1,
                                                                           "c": 0}


def test_an_overcount_can_be_accepted_with_a_click(make_app, tmp_path):
    d, view = open_play(make_app, tmp_path, THREE, "hands", people=2)
    d.key(pygame.K_PLUS, n=3)
    d.key(pygame.K_RETURN)
    assert view.flow.phase == Phase.OVERCOUNT
    d.click((d.app.screen.get_width() // 2, d.app.screen.get_height() // 2))
    assert view.flow.phase == Phase.OVERCOUNT  # a stray tap decides nothing
    d.click(button(d, view, "accept-counts").rect.center)
    assert view.flow.phase == Phase.RESULTS and view.c.tally().counts["a"] == 3


def secret_tie(make_app, tmp_path, events):
    d, view = open_play(make_app, tmp_path, THREE, "secret", events=events)
    for number in (pygame.K_1, pygame.K_2, pygame.K_1, pygame.K_2):
        d.key(pygame.K_RETURN)
        d.key(number)
    assert view.flow.phase == Phase.RESULTS and view.c.tally().is_tie
    return d, view


def test_a_tie_is_broken_only_among_the_tied_and_the_pick_is_shown(make_app, tmp_path):
    """Regression: an option not among the tied ones was accepted as the counsellor's decision,
    and the story moved on without showing what was decided."""
    events = []
    d, view = secret_tie(make_app, tmp_path, events)
    assert "Tasapeli. Ohjaaja valitsee jonkin tasatuloksen vaihtoehdoista" in texts(d)
    d.click(view.tile_rects[2].center)
    d.key(pygame.K_3)
    assert view.flow.phase == Phase.RESULTS and not any(
        isinstance(e, DecisionMade) for e in events)
    d.click(view.tile_rects[1].center)
    assert view.flow.phase == Phase.DECIDED
    assert "Ohjaaja valitsi: ”Toinen vaihtoehto”" in texts(d)
    assert [e for e in events if isinstance(e, DecisionMade)][-1].how == "tie-counsellor"
    d.click(button(d, view, "go-on").rect.center)
    assert view.flow.phase in (Phase.LINES, Phase.ENDING) and view.c.scene_id == "toinen"


@pytest.mark.parametrize(("counts", "divided"), [((4, 1, 0), False), ((2, 1, 0), True),
                                                 ((3, 0, 0), False)])
def test_only_a_close_vote_is_called_divided(make_app, tmp_path, counts, divided):
    """Regression: every non-unanimous vote, even 4–1, said "opinions were divided"."""
    d, view = open_play(make_app, tmp_path, THREE, "hands", people=5)
    for i, n in enumerate(counts):
        d.key(pygame.K_1 + i)
        d.key(pygame.K_PLUS, n=n)
    d.key(pygame.K_RETURN)
    shown = texts(d)
    assert ("Mielipiteet jakautuivat" in shown) is divided
    if divided:
        assert "Niukka enemmistö valitsi: ”Ensimmäinen”" in shown
    else:
        assert "Useimmat valitsivat: ”Ensimmäinen”" in shown


def test_secret_ballot_says_whose_turn_it_is_and_that_a_vote_is_in(make_app, tmp_path):
    """Regression: whose turn it was showed only in a small hint, bold marked who had voted,
    and nobody was told their vote was in."""
    d, view = open_play(make_app, tmp_path, THREE, "secret")
    assert view.flow.phase == Phase.HANDOVER  # the first ballot has its hand-over too
    assert "äänesi on annettu" not in texts(d)
    d.click(button(d, view, "open-turn").rect.center)
    d.redraw()
    big = next(b for b in d.app.last_boxes if b.text == "Nyt äänestää Pelaaja 1")
    hint = next(b for b in d.app.last_boxes if b.text.startswith("Vuorossa Pelaaja 1"))
    assert big.rect.height > 1.3 * hint.rect.height
    d.click(view.tile_rects[0].center)
    assert view.flow.phase == Phase.HANDOVER
    assert "Pelaaja 1, äänesi on annettu" in texts(d)
    d.key(pygame.K_RETURN)
    assert "Nyt äänestää Pelaaja 2" in texts(d)


def test_the_counsellors_pad_alone_runs_a_hands_up_vote(make_app, tmp_path):
    events = []
    folder = tmp_path / "tarina"
    folder.mkdir()
    (folder / "story.yaml").write_text(THREE, encoding="utf-8")
    d = make_app()
    view = Game(d.app, [folder]).play_view(
        load_story(folder), "fi", "hands", default_participants(3, lambda n: f"P{n}"))
    view.c.listener = told(events)
    d.app.push(view)
    d.frames()
    pad = dict(instance_id=3, joy=3)
    while view.flow.phase == Phase.LINES:
        d.post(pygame.JOYBUTTONDOWN, button=0, **pad)
    d.post(pygame.JOYHATMOTION, hat=0, value=(0, -1), **pad)  # down: the second option
    d.post(pygame.JOYHATMOTION, hat=0, value=(1, 0), **pad)  # right: one hand more
    d.post(pygame.JOYHATMOTION, hat=0, value=(1, 0), **pad)
    d.post(pygame.JOYBUTTONDOWN, button=0, **pad)  # A: show the result
    assert view.flow.phase == Phase.RESULTS
    d.post(pygame.JOYBUTTONDOWN, button=0, **pad)  # A: go on
    assert [e for e in events if isinstance(e, DecisionMade)][-1].choice_id == "b"


def test_e_asks_before_skipping_and_f1_lists_every_key(make_app, tmp_path):
    d, view = open_play(make_app, tmp_path, THREE, "counsellor")
    d.key(pygame.K_e)
    assert isinstance(d.top, ConfirmSkip) and not view.c.ended
    d.key(pygame.K_ESCAPE)
    assert d.top is view and not view.c.ended
    d.click(view.menu_button.center)
    skip = next(b for b in d.top.buttons if b.action == "skip")
    d.click(skip.rect.center)
    assert isinstance(d.top, ConfirmSkip)
    d.click(next(b for b in d.top.buttons if b.action == "yes").rect.center)
    assert view.c.ended and d.top is view
    d.key(pygame.K_F1)
    assert isinstance(d.top, HelpOverlay)
    shown = texts(d)
    for key in ("+ / −", "R:", "S:", "Askelpalautin", "E:", "T / vaihto + T", "F11", "Enter"):
        assert key in shown, key
    assert "Backspace" not in shown


def test_the_watch_banner_is_drawn_with_no_input(make_app, tmp_path, monkeypatch):
    """Regression: in watch mode a new error banner was drawn only after the next mouse move or
    key press (the frame that noticed the error sent only the animation's rectangles)."""
    from .test_watch import STORY, _save

    monkeypatch.chdir(tmp_path)
    path = tmp_path / "kokeilu.yaml"
    path.write_text(STORY, encoding="utf-8")
    d = make_app()
    view = Game(d.app, [tmp_path]).play_view(load_story(path), "fi", "counsellor", [],
                                             watch=True)
    d.app.push(view)
    d.frames(3)
    _save(path, STORY.replace("goto: loppu\n  loppu", "goto: lopu\n  loppu"))
    import time

    end = time.monotonic() + 5
    while view.watch_error is None and time.monotonic() < end:
        d.frames(10)  # no events posted: only time passes
        time.sleep(0.02)
    assert view.watch_error is not None
    assert d.app.last_sent is None, "the frame with the new banner sent only a part"
    assert any("unknown-scene" in b.text for b in d.app.last_boxes)


def _words_cut(drawn: str, full: str) -> bool:
    """`drawn` is `full`, or a shortening of it at a word boundary ending with "…"."""
    if drawn == full:
        return True
    if not drawn.endswith("…"):
        return False
    head = drawn[:-1]
    return full.startswith(head) and (len(head) == len(full) or
                                      not full[len(head)].isalnum() or not head[-1].isalnum())


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080)],
                         ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", [1.0, 2.0], ids=lambda s: f"{int(s * 100)}pct")
@pytest.mark.parametrize("mode", ["hands", "secret"])
def test_four_long_options_fit_and_never_rewrap(make_app, tmp_path, size, scale, mode):
    """Regression: vote bars were drawn over option texts and badges, badges overflowed tiles
    with four options at 200 %, tile texts re-wrapped between voting and the result, and the
    result line was cut without an ellipsis."""
    d, view = open_play(make_app, tmp_path, LONG, mode, people=6, size=size, text_scale=scale)
    if mode == "secret":
        d.key(pygame.K_RETURN)
    d.redraw()
    voting = [(b.text, b.rect.size) for b in d.app.last_boxes
              if any(r.contains(b.rect) for r in view.tile_rects)]
    tiles = list(view.tile_rects)
    if mode == "hands":
        d.key(pygame.K_PLUS, n=2)
        d.key(pygame.K_2)
        d.key(pygame.K_PLUS)
        d.key(pygame.K_RETURN)
    else:
        for number in (1, 1, 2, 3, 4, 1):
            if view.flow.phase == Phase.HANDOVER:
                d.key(pygame.K_RETURN)
            d.key(pygame.K_0 + number)
    assert view.flow.phase == Phase.RESULTS
    view.bars = 1.0
    d.redraw()
    boxes = d.app.last_boxes
    assert [r.size for r in view.tile_rects] == [r.size for r in tiles]
    tiles = view.tile_rects
    choice_texts = [(b.text, b.rect.size) for b in boxes
                    if any(r.contains(b.rect) for r in tiles) and "ään" not in b.text]
    def words(rows):  # the choices' own rows, not the badges, counters or votes
        return [t for t in rows if len(t[0]) > 2 and "ään" not in t[0]]

    assert words(choice_texts) == words(voting), "a choice's text re-wrapped"
    m = d.app.metrics
    for rect in tiles:
        inside = [b for b in boxes if rect.contains(b.rect)]
        votes = [b for b in inside if "ään" in b.text]
        assert len(votes) == 1
        for b in inside:
            assert b.rect.bottom <= rect.bottom and b.rect.right <= rect.right
            if b is not votes[0]:
                assert b.rect.right <= votes[0].rect.left, f"{b.text!r} under the votes"
        bar_zone = pygame.Rect(votes[0].rect.left - m.gap, votes[0].rect.bottom,
                               rect.right - votes[0].rect.left, rect.bottom - votes[0].rect.bottom)
        assert not any(b.rect.colliderect(bar_zone) for b in inside if b is not votes[0])
    status = int(m.ui_px() * 2.2)
    heading = [b.text for b in boxes if b.rect.top >= status and b.rect.bottom <= tiles[0].top
               and b.text != "Tulos"]
    full = view.result_text().replace("\n", " ")
    assert heading, "the result in words is not shown"
    assert _words_cut(" ".join(heading), full), (heading, full)
    for b in boxes:  # nothing else is cut without "…"
        if b.text.endswith("…"):
            assert len(b.text) > 1 and b.text[-2] != " ", b.text
    badge = d.app.theme.accent
    for rect in tiles:  # the number badge stays inside its tile
        below = (rect.left + m.gap + 4, rect.bottom + 1)
        if below[1] < d.app.screen.get_height():
            assert d.app.screen.get_at(below)[:3] != tuple(badge[:3])


def test_a_frame_of_growing_bars_looks_like_a_whole_frame(make_app, tmp_path):
    """While the bars grow, a frame draws only the bars over the last one (to stay cheap); the
    window must look exactly as if it had been drawn whole."""
    d, view = open_play(make_app, tmp_path, LONG, "hands", people=6, reduce_motion=False)
    d.key(pygame.K_PLUS, n=3)
    d.key(pygame.K_2)
    d.key(pygame.K_PLUS)
    d.key(pygame.K_RETURN)
    assert view.flow.phase == Phase.RESULTS
    view.fade, view.bars = 1.0, 0.3
    d.app.draw()
    view.bars = 0.8
    d.app.draw(view.animation_rects())
    assert d.app.partial and d.app.last_sent is not None and view._bars_only()
    fast = pygame.surfarray.array3d(d.app.screen).copy()
    fast_texts = [b.text for b in d.app.last_boxes]
    d.app.draw()
    assert not d.app.partial
    whole = pygame.surfarray.array3d(d.app.screen)
    assert (fast == whole).all()
    assert fast_texts == [b.text for b in d.app.last_boxes]


def test_a_long_story_title_is_shortened_at_a_word(make_app, tmp_path):
    """Regression: the status bar cut a long title mid-word."""
    long_title = THREE.replace("id: kolme\n", "id: kolme\ntitle: {fi: " + " ".join(
        ["Pitkä otsikko jonka sanat eivät mahdu"] * 4) + "}\n")
    long_title = long_title.replace("scenes:", "variables:\n  rahat: {initial: 123456, show: "
                                    "true, label: Rahatilanne tällä hetkellä}\nscenes:")
    d, view = open_play(make_app, tmp_path, long_title, "counsellor", size=(1024, 600),
                        text_scale=2.0)
    d.redraw()
    title = next(b.text for b in d.app.last_boxes if b.text.startswith("Pitkä"))
    assert title.endswith("…") and title[:-1].rstrip() + " " in long_title.split("title: {fi: ")[1]
