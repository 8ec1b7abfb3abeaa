"""Sending after each session from the game: off by default, never waits, failures wait."""

from __future__ import annotations

import time

import pytest

from facilitator.review.xapi.after_session import send_after_session
from facilitator.review.xapi.outbox import read_state
from facilitator.sessions import SessionStore
from tests.xapi.conftest import simulate

pytestmark = pytest.mark.slow  # a real LRS over HTTP


@pytest.fixture
def store(tmp_path) -> SessionStore:
    simulate(tmp_path, sessions=1)
    return SessionStore(tmp_path)


def settings(monkeypatch, **values: str) -> None:
    for key, value in values.items():
        monkeypatch.setenv(key, value)


def test_off_by_default_even_with_an_endpoint(store, monkeypatch, ralph):
    assert send_after_session(store) is None
    settings(monkeypatch, **ralph.env_for())
    assert send_after_session(store) is None  # an endpoint alone does not turn it on
    assert not (store.root / "xapi").exists()


def test_sends_in_the_background_when_turned_on(store, monkeypatch, ralph, base_iri):
    """Simulated sessions are never sent by the game; a real one is."""
    from tests.review.conftest import Clock, play_session

    group = store.groups.create_group("Keskiviikko")
    people = [store.groups.add_participant(group.id, n) for n in ("Kettu", "Susi", "Ilves")]
    from game.story import load_story
    from tests.xapi.conftest import ROOT

    store.clock = Clock(store.clock())
    play_session(store, group.id, people, load_story(ROOT / "stories" / "rahat-loppuu"))
    settings(monkeypatch, **ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri,
                                          PORUKKA_XAPI_SEND_AFTER_SESSION="on"))
    notes: list[str] = []
    started = time.monotonic()
    thread = send_after_session(store, "fi", note=notes.append)
    assert thread is not None and time.monotonic() - started < 0.5
    thread.join(60)
    state = read_state(store.root)
    assert len(state.acked) > 10 and state.last_success and notes == []
    assert {s["context"]["extensions"][f"{base_iri}/extensions/session"]
            for s in ralph.stored() if base_iri in str(s)} == {
        s.id for s in store.list_sessions() if not s.simulated}


def test_a_failure_is_a_quiet_note_and_the_statements_wait(tmp_path, monkeypatch):
    simulate(tmp_path, sessions=1)
    store = SessionStore(tmp_path)
    from facilitator.review.xapi import push as push_module

    monkeypatch.setattr(push_module, "sessions_for", lambda store, **kw: (
        sorted(store.list_sessions(), key=lambda s: s.started), 0))  # the demo data counts
    settings(monkeypatch, PORUKKA_LRS_ENDPOINT="http://127.0.0.1:9/xAPI/",
             PORUKKA_XAPI_SEND_AFTER_SESSION="on", PORUKKA_XAPI_RETRIES="1")
    notes: list[str] = []
    thread = send_after_session(store, "fi", note=notes.append)
    assert thread is not None
    thread.join(60)
    assert len(notes) == 1 and notes[0].startswith("xAPI: ") and "lähtevissä" in notes[0]
    state = read_state(store.root)
    assert not state.acked and state.last_failure
