"""A whole session with one input device alone (issue 15): every built-in story from the menu to
the saved session with the mouse alone, and with the keyboard alone, in every vote mode, checked
against the session log."""

from __future__ import annotations

import pygame
import pytest

from facilitator.log.records import (
    DecisionMadeData,
    SessionEndedData,
    VoteAttendanceData,
    VoteCastData,
    VoteCountsData,
)
from facilitator.ui.reflection import (
    FeedbackView,
    MirrorView,
    RatingHandoverView,
    RatingView,
    ThanksView,
)
from facilitator.ui.session import install
from facilitator.ui.setup import SessionOptionsView, SetupView
from game.constants import VOTE_MODES
from game.play.flow import Phase
from game.resources import builtin_stories_dir
from game.ui.views.menu import MenuView
from game.ui.views.play import PlayView

STORIES = sorted(p for p in builtin_stories_dir().iterdir() if (p / "story.yaml").is_file())
HANDS = (2, 1)  # hands counted for the first and the second option: 3 of the 3 present


def clicker(d):
    """Left clicks only: the driver clicks the centre of a button or tile drawn last frame."""

    def button(action: str) -> None:
        d.redraw()
        found = next((b for b in d.top.buttons if b.action == action), None)
        assert found is not None, (type(d.top).__name__, action,
                                   [b.action for b in d.top.buttons])
        d.click(found.rect.center)

    return button


def mouse_play_step(d, view: PlayView, button) -> None:
    flow = view.flow
    phase = flow.phase
    d.redraw()
    if phase in (Phase.LINES, Phase.CHECKPOINT, Phase.STUCK, Phase.ENDING):
        button("advance")
    elif phase == Phase.HANDOVER:
        button("open-turn")
    elif phase == Phase.DECIDED:
        button("go-on")
    elif phase == Phase.RESULTS:
        if flow.tally().winner is not None:
            button("confirm")
        else:
            first = next(i for i in range(len(flow.offered())) if flow.can_pick(i + 1))
            d.click(view.tile_rects[first].center)
    elif phase == Phase.CHOICES:
        mode = flow.vote_mode
        if mode == "counsellor":
            d.click(view.tile_rects[0].center)
        elif mode == "secret":
            d.click(view.tile_rects[1 if flow.turn == 0 else 0].center)
        elif mode == "hands":
            for i, n in enumerate(HANDS[: len(view.plus_rects)]):
                for _ in range(n):
                    d.click(view.plus_rects[i].center)
            button("results")
        else:  # gamepads, with no pads: the counsellor closes the vote and picks
            button("results")
    else:
        raise AssertionError(f"no mouse step for {phase}")


def key_play_step(d, view: PlayView) -> None:
    flow = view.flow
    phase = flow.phase
    if phase in (Phase.LINES, Phase.CHECKPOINT, Phase.STUCK, Phase.ENDING):
        d.key(pygame.K_SPACE)
    elif phase in (Phase.HANDOVER, Phase.DECIDED):
        d.key(pygame.K_RETURN)
    elif phase == Phase.RESULTS:
        if flow.tally().winner is not None:
            d.key(pygame.K_RETURN)
        else:
            first = next(i for i in range(len(flow.offered())) if flow.can_pick(i + 1))
            d.key(pygame.K_1 + first)
    elif phase == Phase.CHOICES:
        mode = flow.vote_mode
        if mode == "counsellor":
            d.key(pygame.K_1)
        elif mode == "secret":
            d.key(pygame.K_2 if flow.turn == 0 else pygame.K_1)
        elif mode == "hands":
            for i, n in enumerate(HANDS[: len(flow.offered())]):
                d.key(pygame.K_1 + i)  # selects
                d.key(pygame.K_PLUS, n=n)  # counts
            d.key(pygame.K_RETURN)
        else:
            d.key(pygame.K_RETURN)
    else:
        raise AssertionError(f"no key for {phase}")


def session(d, store, story_index: int, mode: str, device: str) -> str:
    button = clicker(d)
    assert isinstance(d.top, MenuView)
    if device == "mouse":
        d.redraw()
        while not any(i == story_index for _, i in d.top.cards):
            d.post(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)
            d.redraw()
        d.click(next(r for r, i in d.top.cards if i == story_index).center)
        assert isinstance(d.top, SetupView)
        button("next")
        assert isinstance(d.top, SessionOptionsView)
        while d.top.options[1].value != mode:
            d.redraw()
            arrow = next(r for r, row, step in d.top.arrows if row == 1 and step == 1)
            d.click(arrow.center)
        button("start")
    else:
        d.key(pygame.K_RIGHT, n=story_index)
        d.key(pygame.K_RETURN)
        assert isinstance(d.top, SetupView)
        d.key(pygame.K_RETURN)
        assert isinstance(d.top, SessionOptionsView)
        d.key(pygame.K_UP, n=2)
        while d.top.options[1].value != mode:
            d.key(pygame.K_RIGHT)
        d.key(pygame.K_DOWN, n=2)
        d.key(pygame.K_RETURN)
    assert isinstance(d.top, PlayView), type(d.top).__name__
    assert d.top.c.runtime.story.id == STORIES[story_index].name
    fac_session = d.top.c
    for _ in range(3000):
        top = d.top
        if isinstance(top, MenuView):
            break
        if isinstance(top, PlayView):
            if device == "mouse":
                mouse_play_step(d, top, button)
            else:
                key_play_step(d, top)
        elif isinstance(top, MirrorView):
            if device == "mouse":
                button("continue" if top.flow.final else "story")
            else:
                d.key(pygame.K_RETURN)
        elif isinstance(top, (RatingHandoverView, RatingView, FeedbackView)):
            if device == "mouse":
                button("skip")
            else:
                d.key(pygame.K_s)
        elif isinstance(top, ThanksView):
            if device == "mouse":
                button("menu")
            else:
                d.key(pygame.K_RETURN)
        else:
            raise AssertionError(f"unexpected screen {type(top).__name__}")
    else:
        raise AssertionError("the session did not end")
    assert fac_session.ended
    sessions = store.list_sessions()
    return sessions[0].id


def check_log(store, sid: str, mode: str) -> None:
    records = store.events(sid)
    payloads = [r.payload for r in records]
    decisions = [p for p in payloads if isinstance(p, DecisionMadeData)]
    assert decisions
    assert isinstance(payloads[-1], SessionEndedData) and payloads[-1].status == "finished"
    if mode == "counsellor":
        assert {p.how for p in decisions} == {"counsellor"}
    elif mode == "hands":
        counts = [p for p in payloads if isinstance(p, VoteCountsData)]
        assert len(counts) == len(decisions)
        for c in counts:  # exactly what was counted: 2 and 1, never a hand more
            assert sorted(c.counts.values(), reverse=True)[:2] == [2, 1]
        assert all(p.how == "majority" and sum(p.tally.values()) == 3 for p in decisions)
    elif mode == "secret":
        # Who took part in each ballot, never who chose what (issue 13).
        rounds = [p for p in payloads if isinstance(p, VoteAttendanceData)]
        assert len(rounds) == len(decisions)
        assert all(len(r.voters) == 3 and r.voters == sorted(r.voters) for r in rounds)
        assert not any(isinstance(p, VoteCastData) for p in payloads)
        assert {p.how for p in decisions} <= {"majority", "tie-counsellor"}
    else:
        assert {p.how for p in decisions} == {"counsellor"}  # no pads: the counsellor picks


@pytest.fixture
def three(store, group):
    """A group of three: all present, so three hands or ballots are everyone."""
    from tests.facilitator.conftest import NICKNAMES

    return [store.groups.add_participant(group.id, n) for n in NICKNAMES[:3]]


@pytest.mark.slow
@pytest.mark.parametrize("device", ["mouse", "keyboard"])
@pytest.mark.parametrize("mode", VOTE_MODES)
@pytest.mark.parametrize("story", range(len(STORIES)), ids=[p.name for p in STORIES])
def test_a_session_with_one_device_alone(make_fac_app, store, three, story, mode, device):
    d = make_fac_app()
    install(d.app, STORIES, store)
    d.frames()
    sid = session(d, store, story, mode, device)
    check_log(store, sid, mode)
