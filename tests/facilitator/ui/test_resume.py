"""An interrupted session is offered at the next start: resumed where it stopped, or closed."""

from __future__ import annotations

import pygame
import pytest

from facilitator.log.recorder import read_ballot
from facilitator.sessions import SessionStore
from facilitator.ui.resume import ResumeView
from facilitator.ui.session import install
from game.story.loader import load_story
from game.ui.views.menu import MenuView
from game.ui.views.play import PlayView

from .conftest import STORY


def interrupted_session(d, fac, group, people):
    """A secret ballot stopped after the first vote at a choice; returns what to expect."""
    loaded = load_story(STORY)
    d.app.apply(fac.start(d.app, loaded, group, [p.id for p in people], "fi", "secret",
                          "private"))
    d.frames()
    play = d.top
    decided = 0
    for _ in range(300):
        if play.flow.phase == "handover" and decided >= 1 and play.flow.turn == 0:
            break
        if play.flow.phase in ("lines", "checkpoint"):
            d.key(pygame.K_SPACE)
        elif play.flow.phase == "handover":
            d.key(pygame.K_RETURN)
        elif play.flow.phase == "choices":
            d.key(pygame.K_1)
        elif play.flow.phase == "results":
            d.key(pygame.K_RETURN if play.c.tally().winner else pygame.K_1)
            decided += 1
    d.key(pygame.K_RETURN)
    d.key(pygame.K_2)  # the first person votes, then the app stops
    assert play.flow.phase == "handover" and play.flow.turn == 1
    expected = (fac.run.session.id, play.c.scene_id, dict(play.c.state.variables),
                dict(play.c.ballot.votes), play.c.state.choices)
    assert play.c.state.choices  # a decision was made before
    fac.shutdown()  # the window closes without the session being ended
    d.app.close()
    return expected


@pytest.mark.slow
def test_resuming_carries_on_at_the_same_scene_with_the_same_variables_and_votes(
        make_fac_app, store, group, people):
    d, fac = make_fac_app(), None
    from facilitator.ui.session import Facilitator

    fac = Facilitator(store)
    sid, scene, variables, votes, choices = interrupted_session(d, fac, group, people[:3])
    assert [s.id for s in store.interrupted()] == [sid]
    # the next start, as a new process would do it
    d2 = make_fac_app()
    fac2 = install(d2.app, [STORY], SessionStore())
    d2.frames()
    assert isinstance(d2.top, ResumeView)
    assert d2.shown("Yksi tapaaminen jäi kesken")
    assert d2.shown("Tiistairyhmä · Rahat loppuu kesken")
    assert d2.shown("1/3 ääntä")
    d2.key(pygame.K_RETURN)
    play = d2.top
    assert isinstance(play, PlayView)
    assert play.c.scene_id == scene
    assert dict(play.c.state.variables) == variables
    assert play.c.state.choices == choices
    assert dict(play.c.ballot.votes) == votes
    assert play.flow.turn == 1
    assert [type(v) for v in d2.app.views] == [MenuView, PlayView]
    # it goes on logging to the same session
    for _ in range(20):
        if play.flow.phase == "handover":
            break
        d2.key(pygame.K_SPACE)
    d2.key(pygame.K_RETURN)
    d2.key(pygame.K_1)
    records = fac2.store.events(sid)
    assert any(r.kind == "counsellor_action" and r.data["action"] == "resume" for r in records)
    # the votes go to the open ballot's own file, never to the log
    assert not any(r.kind == "vote_cast" for r in records)
    kept = read_ballot(fac2.store.folder / f"{sid}.ballot")
    assert kept is not None and {people[0].id, people[1].id} <= set(kept[2])
    assert fac2.run is not None and fac2.run.session.id == sid
    fac2.shutdown()


@pytest.mark.slow
def test_closing_it_as_interrupted_or_deciding_later(make_fac_app, store, group, people):
    from facilitator.ui.session import Facilitator

    d = make_fac_app()
    sid, *_ = interrupted_session(d, Facilitator(store), group, people[:2])
    d2 = make_fac_app(ui_lang="en")
    install(d2.app, [STORY], SessionStore())
    d2.frames()
    assert isinstance(d2.top, ResumeView) and d2.shown("A session was left unfinished")
    # Regression (issue 14): it said nothing was lost, which a full disk makes untrue.
    assert not d2.shown("Nothing was lost")
    assert d2.shown("starts from the last moment that was saved")
    d2.key(pygame.K_ESCAPE)  # decide later: nothing changes
    assert isinstance(d2.top, MenuView)
    assert [s.id for s in SessionStore().interrupted()] == [sid]
    d3 = make_fac_app(ui_lang="en")
    install(d3.app, [STORY], SessionStore())
    d3.frames()
    d3.key(pygame.K_DOWN)
    d3.key(pygame.K_RETURN)  # close it as interrupted
    assert isinstance(d3.top, MenuView)
    summary = SessionStore().summary(sid)
    assert summary.status == "interrupted" and summary.closed
    assert SessionStore().interrupted() == []


@pytest.mark.slow
def test_a_session_whose_story_is_gone_can_only_be_closed(make_fac_app, store, group, people,
                                                          tmp_path):
    from facilitator.ui.session import Facilitator

    d = make_fac_app()
    interrupted_session(d, Facilitator(store), group, people[:2])
    d2 = make_fac_app()
    install(d2.app, [tmp_path], SessionStore())  # no stories here
    d2.frames()
    view = d2.top
    assert isinstance(view, ResumeView)
    assert [a for _, a in view.actions()] == ["close", "later"]
    assert d2.shown("ei enää löydy")


@pytest.mark.slow
def test_a_failed_resume_is_said_in_the_counsellor_s_language(make_fac_app, store, group,
                                                             people, monkeypatch):
    """The engine's reason (English, technical) used to be shown as is inside the sentence;
    it now goes to the log and the screen says what happened and what to do."""
    from facilitator.ui.session import Facilitator
    from game.story.errors import StateError

    d = make_fac_app()
    interrupted_session(d, Facilitator(store), group, people[:2])
    d2 = make_fac_app()
    fac2 = install(d2.app, [STORY], SessionStore())
    d2.frames()

    def fail(*args, **kwargs):
        raise StateError("the saved scene 'x' is no longer in the story")

    monkeypatch.setattr(fac2, "resume", fail)
    d2.key(pygame.K_RETURN)
    assert isinstance(d2.top, ResumeView)
    assert d2.shown("Jatkaminen ei onnistunut")
    assert not d2.shown("no longer in the story")
    fac2.shutdown()


def test_a_damaged_session_never_keeps_the_game_from_starting(make_fac_app, store, group,
                                                               people):
    """Regression (issue 14): one session file of the wrong shape, or a FIFO named like one,
    failed (or hung) the game at start-up; the interrupted session is still offered."""
    import os

    from facilitator.ui.session import Facilitator

    d = make_fac_app()
    sid, *_ = interrupted_session(d, Facilitator(store), group, people[:2])
    folder = SessionStore().folder
    os.mkfifo(folder / "20990101T000000Z-ffffff.json")
    (folder / "20990101T000000Z-eeeeee.journal").write_text('{"t": [1]}\n', "utf-8")
    d2 = make_fac_app(ui_lang="en")
    install(d2.app, [STORY], SessionStore())
    d2.frames()
    assert isinstance(d2.top, ResumeView) and d2.top.summary.id == sid
