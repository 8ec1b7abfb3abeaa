"""The game sends a session's statements after it ends, when the organisation turned that on:
in the background, so the window goes back to the menu at once, whatever the LRS does."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
import uuid

import pygame
import pytest

from facilitator.review.xapi.outbox import read_state
from facilitator.ui.reflection import FeedbackView, MirrorView, RatingHandoverView
from game.ui.views.menu import MenuView
from tests.facilitator.ui.test_session import start
from tests.xapi.conftest import ralph  # noqa: F401  (the LRS, started once per test run)

pytestmark = pytest.mark.slow  # a real LRS and a real window


def end_early_and_leave(d) -> float:
    """End the session from the counsellor's menu, skip the reflection; the seconds the last
    key (the one that ends the session and returns to the menu) took."""
    d.key(pygame.K_ESCAPE)
    d.top.focus = len(d.top.items()) - 1
    d.key(pygame.K_RETURN)
    d.key(pygame.K_DOWN)
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, MirrorView)
    d.key(pygame.K_RETURN)
    while isinstance(d.top, RatingHandoverView):
        d.key(pygame.K_s)
    while isinstance(d.top, FeedbackView):
        d.key(pygame.K_s)
    t0 = time.monotonic()
    d.key(pygame.K_RETURN)
    took = time.monotonic() - t0
    assert isinstance(d.top, MenuView)
    return took


def sender() -> threading.Thread | None:
    return next((t for t in threading.enumerate() if t.name == "porukka-xapi"), None)


def test_sent_after_the_session_when_turned_on(menu, store, group, people, ralph,  # noqa: F811
                                               monkeypatch):
    base = f"https://porukka.test/{uuid.uuid4().hex[:8]}/xapi"
    for key, value in ralph.env_for(PORUKKA_XAPI_BASE_IRI=base,
                                    PORUKKA_XAPI_SEND_AFTER_SESSION="on").items():
        monkeypatch.setenv(key, value)
    d, fac = menu(store)
    start(d, "counsellor")
    sid = fac.run.session.id
    end_early_and_leave(d)
    thread = sender()
    assert thread is not None
    thread.join(60)
    mine = [s for s in ralph.stored() if base in json.dumps(s)]
    assert {s["context"]["extensions"][f"{base}/extensions/session"] for s in mine} == {sid}
    assert "http://adlnet.gov/expapi/verbs/terminated" in {s["verb"]["id"] for s in mine}


def test_an_lrs_that_never_answers_does_not_hold_the_window(menu, store, group, people,
                                                            monkeypatch, caplog):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    try:
        monkeypatch.setenv("PORUKKA_LRS_ENDPOINT",
                           f"http://127.0.0.1:{silent.getsockname()[1]}/xAPI/")
        monkeypatch.setenv("PORUKKA_XAPI_SEND_AFTER_SESSION", "on")
        monkeypatch.setenv("PORUKKA_XAPI_TIMEOUT", "3")
        monkeypatch.setenv("PORUKKA_XAPI_RETRIES", "0")
        d, _fac = menu(store)
        start(d, "counsellor")
        with caplog.at_level(logging.WARNING, logger="porukka.xapi"):
            took = end_early_and_leave(d)
            assert took < 1.5  # the send waits 3 s for an answer; the window did not
            thread = sender()
            assert thread is not None and thread.is_alive()
            thread.join(30)
        notes = [r.getMessage() for r in caplog.records if r.name == "porukka.xapi"]
        assert len(notes) == 1 and notes[0].startswith("xAPI: ")
        state = read_state(store.root)
        assert not state.acked and state.attempted and state.last_failure
    finally:
        silent.close()


@pytest.fixture(autouse=True)
def _no_sender_left():
    yield
    thread = sender()
    if thread is not None:
        thread.join(30)
