"""The reflection: private ratings stay private, earlier ratings show as an outline with
encouraging words, the mirror shows the choices that fed each domain."""

from __future__ import annotations

import pygame
import pytest

from facilitator.ui.reflection import FeedbackView, MirrorView, RatingHandoverView, RatingView
from game.story.loader import load_story

from .conftest import STORY


def begin(d, fac, group, people, mode="counsellor", reflection="private"):
    """A session started as the set-up starts it; returns the play view."""
    loaded = load_story(STORY)
    d.app.apply(fac.start(d.app, loaded, group, [p.id for p in people], "fi", mode, reflection))
    d.frames()
    return d.top


def to_reflection(d, fac, play, how="ended"):
    d.app.apply(fac.finished(d.app, play.c, how))
    d.frames()
    assert isinstance(d.top, MirrorView)


@pytest.mark.slow
def test_private_ratings_are_never_drawn_for_the_others(menu, store, group, people):
    d, fac = menu(store)
    here = people[:3]
    play = begin(d, fac, group, here)
    to_reflection(d, fac, play)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)  # Kettu's turn starts
    rating = d.top
    assert isinstance(rating, RatingView) and rating.who.id == here[0].id
    domains = rating.flow.domains
    empty_screen = d.texts()
    for value in (7, 3, 9, 8)[: len(domains)]:
        d.key(getattr(pygame, f"K_{value}"))
        d.key(pygame.K_DOWN)
    rating.row = rating.items().index("done")
    d.key(pygame.K_RETURN)
    # the next handover: Kettu's mark with a check, and nothing of what Kettu answered
    handover = d.top
    assert isinstance(handover, RatingHandoverView) and handover.who.id == here[1].id
    texts = d.texts()
    assert here[0].nickname in texts and here[0].id in handover.flow.rated
    assert not any(ch.isdigit() for t in texts for ch in t), texts
    assert not any("merkintä" in t or "viime" in t for t in texts)
    # Susi's own screen is drawn exactly as Kettu's was before Kettu answered
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, RatingView) and d.top.who.id == here[1].id
    susi_screen = d.texts()
    assert [t.replace(here[1].nickname, "X") for t in susi_screen] == \
        [t.replace(here[0].nickname, "X") for t in empty_screen]
    assert all(v is None for v in d.top.values.values())
    fac.shutdown()


@pytest.mark.slow
def test_earlier_ratings_show_as_an_outline_with_encouraging_words(menu, store, group, people,
                                                                    loaded):
    earlier = store.start(group.id, [people[0].id], loaded, vote_mode="counsellor",
                          reflection="private", language="fi")
    earlier.rate(people[0].id, "arki", 5)
    earlier.end()
    d, fac = menu(store)
    play = begin(d, fac, group, [people[0]])
    to_reflection(d, fac, play)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    view = d.top
    assert isinstance(view, RatingView) and view.previous == {"arki": 5}
    assert d.shown("Ääriviiva: viime kerta")
    view.row = view.items().index("arki")
    d.key(pygame.K_RIGHT)  # an empty row starts from the earlier answer
    assert view.values["arki"] == 5 and d.shown("kuten viimeksi – tasainenkin on hyvä")
    d.key(pygame.K_RIGHT)
    assert d.shown("askel ylöspäin viime kerrasta")
    d.key(pygame.K_LEFT, n=3)
    assert view.values["arki"] == 3 and d.shown("eri kuin viimeksi – hyvä, että huomaat sen")
    d.key(pygame.K_DELETE)
    assert view.values["arki"] is None and d.shown("ohitettu – sekin käy")
    words = " ".join(d.texts()).lower()
    for judgement in ("huono ", "huonompi", "pisteet", "arvosana", "heikko", "väärin"):
        assert judgement not in words
    fac.shutdown()


def test_the_mirror_shows_the_choices_that_fed_each_domain(menu, store, group, people):
    d, fac = menu(store)
    play = begin(d, fac, group, people[:2])
    c = play.c
    fed: dict[str, list[str]] = {}
    for _ in range(40):  # take the first choice at every choice point, a few times
        if c.ended or len(c.state.choices) >= 4:
            break
        if c.is_choice_point():
            choice = c.offered()[0]
            for dom in choice.domains:
                fed.setdefault(dom, []).append(choice.text)
            c.vote(people[0].id, choice.id)
            c.vote(people[1].id, c.offered()[-1].id)  # a split vote
            c.decide(choice.id, "tie-counsellor")
        else:
            c.advance()
    to_reflection(d, fac, play, "ended-early")
    view = d.top
    mirror = {m.id: m for m in view.flow.mirror}
    for dom, texts in fed.items():
        assert [ch.text for ch in mirror[dom].choices] == texts
        assert all(ch.split for ch in mirror[dom].choices)
    busiest = max(fed, key=lambda k: len(fed[k]))
    view.domain = [m.id for m in view.flow.mirror].index(busiest)
    shown = " ".join(d.texts())
    assert f"”{fed[busiest][0]}”"[:20] in shown  # Finnish quote marks
    assert "mielipiteet jakautuivat" in shown
    fac.shutdown()


def test_a_checkpoint_returns_to_the_story_and_may_rate(menu, store, group, people):
    d, fac = menu(store)
    play = begin(d, fac, group, people[:1])
    play.flow.phase = "checkpoint"
    d.app.apply(fac.reflect(d.app, play.c))
    d.frames()
    assert isinstance(d.top, MirrorView) and not d.top.flow.final
    assert d.shown("Takaisin tarinaan")
    d.key(pygame.K_TAB)
    d.key(pygame.K_RETURN)  # "me now" ratings now
    assert isinstance(d.top, RatingHandoverView)
    d.key(pygame.K_s)
    assert d.top is play  # back in the story, not to the feedback
    assert fac.run is not None and not isinstance(d.top, FeedbackView)
    fac.shutdown()
