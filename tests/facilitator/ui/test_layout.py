"""Every facilitator screen at 1024×600, 1280×720 and 1920×1080, at 100 % and 200 % text:
every text inside the window, drawable by the font, and no two texts overlapping."""

from __future__ import annotations

from types import SimpleNamespace

import pygame
import pytest

from facilitator.sessions import SessionStore
from facilitator.ui.reflection import (
    FeedbackView,
    MirrorView,
    RatingHandoverView,
    RatingView,
    ReflectionFlow,
    ThanksView,
)
from facilitator.ui.resume import resume_view
from facilitator.ui.session import Facilitator
from facilitator.ui.setup import NewGroupView, SessionOptionsView, SetupView
from game.story.loader import load_story
from game.ui.main import Game
from tests.ui.test_layout import SCALES, SIZES, check

from .conftest import STORY

pytestmark = pytest.mark.slow  # the layout matrix of the facilitator's screens

NAMES = ("Kettu", "Susi", "Ilves", "Karhu", "Pöllö Pekka", "Siili", "Mörköpörkkö_Kaveri")


def played(d, fac, group, people, steps=5):
    """A session with a few decisions taken (split ones too)."""
    loaded = load_story(STORY)
    d.app.apply(fac.start(d.app, loaded, group, [p.id for p in people], "fi", "counsellor",
                          "private"))
    d.frames()
    c = d.top.c
    while not c.ended and len(c.state.choices) < steps:
        if c.is_choice_point():
            first, last = c.offered()[0], c.offered()[-1]
            c.vote(people[0].id, first.id)
            c.vote(people[1].id, last.id)
            c.decide(first.id, "tie-counsellor")
        else:
            c.advance()
    return d.top


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{int(s * 100)}pct")
def test_set_up_screens(make_fac_app, store, size, scale):
    d = make_fac_app(size, text_scale=scale)
    fac = Facilitator(store)
    loaded = load_story(STORY)
    defaults = fac.defaults(loaded, "fi")
    d.app.push(SetupView(d.app, fac, loaded, defaults))
    d.frames()
    check(d, "set-up, no group yet")
    overlay = NewGroupView(d.app, fac, d.top.select_group)
    overlay.field.insert("Tiistairyhmä@x")
    overlay.create()
    d.app.views[:] = [overlay]  # only the overlay's own texts count
    check(d, "new group with an error")
    overlay.field.clear()
    overlay.field.insert("Tiistairyhmä")
    overlay.create()
    view = SetupView(d.app, fac, loaded, fac.defaults(loaded, "fi"))
    d.app.views[:] = [view]
    for name in NAMES:
        view.field.insert(name)
        view.add_person()
    view._set_status(view.people[1], "absent")
    view._set_status(view.people[3], "left")
    view.field.insert("puh 0401234567")
    view.add_person()
    view.focus = "field"
    check(d, "set-up with people and an error")
    view.focus = f"p:{view.people[-1].id}"
    view._keep_visible(view.focus)
    check(d, "set-up scrolled")
    d.app.push(SessionOptionsView(d.app, loaded, defaults, lambda *a: None))
    check(d, "today's options")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{int(s * 100)}pct")
def test_reflection_screens(make_fac_app, store, group, loaded, size, scale):
    people = [store.groups.add_participant(group.id, n) for n in NAMES]
    earlier = store.start(group.id, [people[1].id], loaded, vote_mode="counsellor",
                          reflection="private", language="fi")
    for dom, v in (("arki", 4), ("mieli", 8)):
        earlier.rate(people[1].id, dom, v)
    earlier.end()
    d = make_fac_app(size, text_scale=scale)
    fac = Facilitator(store)
    play = played(d, fac, group, people)
    app = d.app
    checkpoint = ReflectionFlow(app, fac, fac.run, play.c, final=False)
    app.views[:] = [MirrorView(app, checkpoint)]
    check(d, "checkpoint mirror")
    flow = ReflectionFlow(app, fac, fac.run, play.c, final=True)
    mirror = MirrorView(app, flow)
    app.views[:] = [mirror]
    for i in range(len(flow.mirror)):
        mirror.domain = i
        check(d, f"mirror {flow.mirror[i].id}")
    flow.rated.add(people[0].id)
    app.views[:] = [RatingHandoverView(app, flow, 1)]
    check(d, "rating handover")
    rating = RatingView(app, flow, 1, fac.last_ratings(people[1].id))
    rating.values.update({"arki": 6, "mieli": 8, "yhdessa": 0})
    rating.cleared.add("taidot")
    app.views[:] = [rating]
    check(d, "me now")
    feedback = FeedbackView(app, flow)
    feedback.index = 6
    feedback.face = 5
    feedback.field.insert("kaksi sanaa")
    feedback.done()
    app.views[:] = [feedback]
    check(d, "feedback with an error")
    app.views[:] = [ThanksView(app, flow, None)]
    check(d, "thanks")
    private = ThanksView(app, flow, None)
    private._act("report-ask")
    app.views[:] = [private]
    check(d, "thanks, the counsellor's step before the private report")
    app.views[:] = [ThanksView(app, flow, "[Errno 28] No space left on device")]
    check(d, "thanks, the end not saved")
    at_start = SimpleNamespace(runtime=play.c.runtime, state=play.c.runtime.start())
    app.views[:] = [MirrorView(app, ReflectionFlow(app, fac, fac.run, at_start, final=True))]
    check(d, "an empty mirror")
    fac.shutdown()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("scale", SCALES, ids=lambda s: f"{int(s * 100)}pct")
def test_resume_screen(make_fac_app, store, group, size, scale):
    people = [store.groups.add_participant(group.id, n) for n in NAMES]
    d = make_fac_app(size, text_scale=scale)
    fac = Facilitator(store)
    play = played(d, fac, group, people, steps=2)
    c = play.c
    while not c.is_choice_point():
        c.advance()
    c.vote(people[0].id, c.offered()[0].id)
    fac.shutdown()
    fac2 = Facilitator(SessionStore())
    fac2.game = Game(d.app, [STORY], fac2.hooks())
    view = resume_view(d.app, fac2)
    assert view is not None
    d.app.views[:] = [view]
    check(d, "resume")
    view.error = "Carrying on did not work: the session is open already"
    check(d, "resume with an error")
    pygame.event.clear()
