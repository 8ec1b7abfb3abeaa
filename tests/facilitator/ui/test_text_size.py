"""Text size applies to every screen alike (issue 15): at 200 % the texts of each screen are
clearly bigger than at 100 %, the faces of the feedback do not shrink, and the counsellor's menu
grows with the rest."""

from __future__ import annotations

import statistics

import pygame
import pytest

from facilitator.sessions import SessionStore
from facilitator.ui.reflection import FeedbackView, RatingView, ReflectionFlow
from facilitator.ui.resume import resume_view
from facilitator.ui.session import Facilitator
from facilitator.ui.setup import SessionOptionsView, SetupView
from game.story.loader import load_story
from game.ui.main import Game
from game.ui.views.options import SettingsView
from game.ui.views.overlays import CounsellorMenu

from .conftest import STORY
from .test_layout import NAMES, played

pytestmark = pytest.mark.slow

SCREENS = ["menu", "settings", "set-up", "options", "counsellor menu", "me now", "feedback",
           "resume"]


def heights(app, view) -> float:
    """The median height of the words `view` draws (its own texts; numbers on scales left
    out, they are sized to their boxes)."""
    from game.ui.canvas import Canvas

    app.views[:] = [view]
    app.draw()
    canvas = Canvas(app.screen)
    view.draw(canvas)
    return statistics.median(b.rect.height for b in canvas.boxes
                             if any(ch.isalpha() for ch in b.text))


def screens(d, store, group, people) -> dict[str, object]:
    app = d.app
    fac = Facilitator(store)
    fac.game = Game(app, [STORY], fac.hooks())
    loaded = load_story(STORY)
    out: dict[str, object] = {"menu": fac.game.menu(), "settings": SettingsView(app, False)}
    defaults = fac.defaults(loaded, "fi")
    out["set-up"] = SetupView(app, fac, loaded, defaults)
    out["options"] = SessionOptionsView(app, loaded, defaults, lambda *a: None)
    play = played(d, fac, group, people, steps=1)
    out["counsellor menu"] = CounsellorMenu(app, play)
    flow = ReflectionFlow(app, fac, fac.run, play.c, final=True)
    out["me now"] = RatingView(app, flow, 0, {})
    out["feedback"] = FeedbackView(app, flow)
    c = play.c
    while not c.is_choice_point():
        c.advance()
    fac.shutdown()
    fac2 = Facilitator(SessionStore())
    fac2.game = Game(app, [STORY], fac2.hooks())
    out["resume"] = resume_view(app, fac2)
    return out


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_screen_grows_with_the_text_size(make_fac_app, store, group, size):
    people = [store.groups.add_participant(group.id, n) for n in NAMES[:5]]
    got = {}
    for scale in (1.0, 2.0):
        d = make_fac_app(size, text_scale=scale)
        for name, view in screens(d, store, group, people).items():
            got.setdefault(name, []).append(heights(d.app, view))
        pygame.event.clear()
    ratios = {name: round(b / a, 2) for name, (a, b) in got.items()}
    print(ratios)
    small = {name: r for name, r in ratios.items() if r < 1.5}
    assert not small, f"texts barely grow at 200 %: {ratios}"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_feedback_faces_keep_their_size_at_200_percent(make_fac_app, store, group, size):
    """Regression: at 200 % the faces of the feedback shrank to 2/3 of their size at 100 %; now
    they keep at least 4/5 of it
    (room was kept for an error line that was not there)."""
    people = [store.groups.add_participant(group.id, n) for n in NAMES[:3]]
    faces = {}
    for scale in (1.0, 2.0):
        d = make_fac_app(size, text_scale=scale)
        view = screens(d, store, group, people)["feedback"]
        heights(d.app, view)
        faces[scale] = view.faces[0][0].height
        pygame.event.clear()
    assert faces[2.0] >= 0.8 * faces[1.0], faces
