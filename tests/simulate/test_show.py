"""`--show`: the rehearsal plays in a real game window (Xvfb under pytest-xvfb), driven through
the play screen with posted keys and gamepad buttons, and logs exactly what the headless run
logs for the same seed."""

from __future__ import annotations

import os
import subprocess
import sys

import pygame
import pytest

from facilitator.sessions import SessionStore
from facilitator.simulation.engine import SimOptions, Simulation
from facilitator.simulation.show import Director, open_window, run_show
from game.ui.theme import Settings
from game.ui.views.overlays import ConfirmEnd, CounsellorMenu
from game.ui.views.play import PlayView

from .conftest import ROOT, START, logs

pytestmark = pytest.mark.slow  # whole simulated sessions played in a window

MODES = ["secret", "hands", "gamepads", "counsellor"]


class Instant:
    """A frame clock that never sleeps: the loop runs as fast as it can."""

    def tick(self, framerate: int = 0) -> int:
        return 0


@pytest.fixture
def window():
    assert os.environ.get("DISPLAY"), "needs a display (pytest-xvfb provides one)"
    apps = []

    def make(**settings):
        app = open_window((1024, 600), Settings(**{"ui_lang": "fi", **settings}))
        app.idle_timeout_ms = 1
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()


def options(stories, mode, sessions=1, seed=5):
    return SimOptions(stories, "Harjoitus", participants=5, sessions=sessions, seed=seed,
                      vote_mode=mode)


@pytest.mark.parametrize("mode", MODES)
def test_a_session_plays_to_its_end_in_the_window(tmp_path, stories, window, mode):
    app = window(reduce_motion=mode != "secret")
    sim = Simulation(options(stories, mode), root=tmp_path / "shown", start=START)
    result = run_show(sim, app, pace=0, clock=Instant(), max_frames=5000)
    assert len(result.sessions) == 1 and result.interrupted is None
    assert app.draws > 10 and app.frames < 5000  # drawn, and done before the frame limit
    assert pygame.display.get_caption()[0] == "Porukka – harjoitus (simuloitu ryhmä)"
    (summary,) = SessionStore(tmp_path / "shown").list_sessions()
    assert summary.status == "finished" and summary.simulated and summary.vote_mode == mode
    headless = Simulation(options(stories, mode), root=tmp_path / "headless", start=START)
    headless.run()
    assert logs(tmp_path / "shown") == logs(tmp_path / "headless")


def test_several_sessions_with_pauses_and_steps_back_log_as_headless(
        tmp_path, stories, window, monkeypatch):
    import facilitator.simulation.engine as simulate

    for name, p in (("P_PAUSE", 0.15), ("P_BACK", 0.2), ("P_REVOTE", 0.8), ("P_SKIP", 0.05)):
        monkeypatch.setattr(simulate, name, p)
    app = window(reduce_motion=False)
    sim = Simulation(options(stories, "secret", sessions=3, seed=8), root=tmp_path / "a",
                     start=START)
    assert len(run_show(sim, app, pace=0, clock=Instant(), max_frames=20000).sessions) == 3
    Simulation(options(stories, "secret", sessions=3, seed=8), root=tmp_path / "b",
               start=START).run()
    shown = logs(tmp_path / "a")
    assert shown == logs(tmp_path / "b")
    actions = {r["data"]["action"] for s in shown for r in s if r["kind"] == "counsellor_action"}
    assert {"pause", "resume", "back"} <= actions


def test_reading_pace_gives_time_to_read(tmp_path, stories, window):
    app = window()
    sim = Simulation(options(stories, "hands"), root=tmp_path)
    director = Director(app, sim, pace=1.0)
    app.views[:] = [director]
    app.run(max_frames=10)  # about a sixth of a second at 60 frames a second
    play = app.views[-1]
    assert isinstance(play, PlayView)
    assert play.flow.phase == "lines" and play.revealed == 1 and not play.c.history
    director.close()


def test_closing_the_window_part_way_ends_the_session_as_interrupted(tmp_path, stories,
                                                                       window):
    app = window(reduce_motion=True)
    sim = Simulation(options(stories, "secret"), root=tmp_path)
    result = run_show(sim, app, pace=0, clock=Instant(), max_frames=40)
    assert result.sessions == [] and result.interrupted is not None
    (summary,) = SessionStore(tmp_path).list_sessions()
    assert summary.id == result.interrupted
    assert summary.status == "interrupted" and summary.closed and not summary.resumable


def test_the_counsellor_can_end_the_session_from_the_menu(tmp_path, stories, window):
    app = window(reduce_motion=True)
    sim = Simulation(options(stories, "counsellor", sessions=2), root=tmp_path, start=START)
    director = Director(app, sim, pace=0)
    app.views[:] = [director]
    for _ in range(200):
        app.run(clock=Instant(), max_frames=app.frames + 1)
        top = app.views[-1]
        if isinstance(top, PlayView) and top.flow.phase == "choices" and top.c.history:
            break
    else:
        raise AssertionError("never reached a second choice")
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0,
                                         unicode="", scancode=0))
    app.run(clock=Instant(), max_frames=app.frames + 1)
    menu = app.views[-1]
    assert isinstance(menu, CounsellorMenu)
    app.run(clock=Instant(), max_frames=app.frames + 5)  # the rehearsal waits meanwhile
    assert app.views[-1] is menu
    app.apply(menu.choose("end"))
    confirm = app.views[-1]
    assert isinstance(confirm, ConfirmEnd)
    app.apply(confirm.choose("yes"))
    app.run(clock=Instant(), max_frames=app.frames + 5000)
    assert len(sim.result.sessions) == 2
    first = logs(tmp_path)[0]
    kinds = [r["kind"] for r in first]
    ended_at = next(i for i, r in enumerate(first)
                    if r["kind"] == "counsellor_action" and r["data"]["action"] == "end-session")
    assert "decision_made" not in kinds[ended_at:] and "ending_reached" not in kinds
    assert "reflection_rating" in kinds[ended_at:] and kinds[-1] == "session_ended"
    assert first[-1]["data"]["status"] == "finished"


def test_show_from_the_command_line(tmp_path):
    env = {**os.environ, "PORUKKA_DATA_DIR": str(tmp_path), "LANG": "en_US.UTF-8"}
    res = subprocess.run(
        [sys.executable, "launcher.py", "simulate", "rahat-loppuu", "--show", "--pace", "0",
         "--sessions", "1", "--seed", "3", "--size", "1024x600", "--vote-mode", "hands"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert "Simulated 1 session for" in res.stdout
    (summary,) = SessionStore(tmp_path).list_sessions()
    assert summary.status == "finished" and summary.simulated
