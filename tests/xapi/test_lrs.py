"""Statements sent to a real LRS (Ralph on 127.0.0.1) and read back; errors; erasure."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.review.xapi.statements import KINDS
from facilitator.sessions import SessionStore
from tests.review.conftest import Clock, make_group
from tests.xapi.conftest import HOME, porukka

pytestmark = pytest.mark.slow  # a real LRS over HTTP


def data_root() -> Path:
    return Path(os.environ["PORUKKA_DATA_DIR"])


@pytest.fixture
def group(loaded) -> dict:
    """Tiistairyhmä: sessions of 6 and 4 people, one interrupted and closed as such, one
    ended early by the counsellor, one simulated (see tests/review/conftest.make_group)."""
    store = SessionStore(data_root(), clock=Clock(datetime(2025, 1, 7, 9, 0, tzinfo=UTC)))
    made = make_group(store, loaded)
    store.close_interrupted(made["sessions"][3])
    store.clock.t = datetime(2025, 2, 17, 9, 0, tzinfo=UTC)
    early = store.start(made["group"].id, [m.id for m in made["members"]], loaded,
                        vote_mode="hands", reflection="skip", background=False)
    early.end("finished")
    made["early"] = early.id
    return made


def export(env: dict, *more: str) -> list[dict]:
    out = data_root() / "statements.json"
    res = porukka(data_root(), "export", "--format", "xapi", "-o", str(out), *more, env=env)
    assert res.returncode == 0, res.stderr
    return json.loads(out.read_text("utf-8"))


def test_every_kind_of_statement_is_accepted_by_the_lrs_and_reads_back(ralph, base_iri, group):
    env = ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri, PORUKKA_XAPI_INDIVIDUAL="on",
                        PORUKKA_XAPI_FEEDBACK_WORDS="on")
    res = porukka(data_root(), "xapi", "push", "--include-simulated", env=env)
    assert res.returncode == 0, res.stderr
    statements = export(env, "--include-simulated")
    assert f"{len(statements)} statements sent" in res.stdout
    verbs = {s["verb"]["id"] for s in statements}
    assert len(verbs) == 8  # every verb but "voided" (that one is tested with forget)
    words = {s["result"].get("response") for s in statements
             if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/responded"}
    assert words & {"kiva", "jännä"}  # turned on here: the words do go
    for s in statements:
        back = ralph.get(s["id"])
        assert back is not None, s
        for key in ("actor", "verb", "object", "result", "context"):
            assert back.get(key) == s.get(key), (key, s["id"])
    again = porukka(data_root(), "xapi", "push", "--include-simulated", env=env)
    assert again.returncode == 0 and "Nothing is waiting" in again.stdout
    ids = [s["id"] for s in ralph.stored()]
    assert all(ids.count(s["id"]) == 1 for s in statements)


def test_the_export_covers_every_kind_and_the_status_counts_what_waits(group, base_iri):
    env = {"PORUKKA_XAPI_BASE_IRI": base_iri, "PORUKKA_XAPI_INDIVIDUAL": "on"}
    statements = export(env, "--include-simulated")
    from facilitator.review.xapi.statements import VOIDED

    kinds_seen = {s["verb"]["id"] for s in statements}
    assert len(kinds_seen) == 8 and VOIDED.id not in kinds_seen
    assert len(KINDS) == 11
    status = porukka(data_root(), "xapi", "status", "--lang", "en", env=env)
    assert status.returncode == 0
    assert "LRS: not configured" in status.stdout
    assert "1 simulated session was left out" in status.stdout
    waiting = len(export(env))
    assert f"{waiting} statements are waiting" in status.stdout


def test_nothing_with_a_nickname_or_the_word_reaches_the_lrs_unless_turned_on(
        ralph, base_iri, group):
    nicknames = [m.nickname for m in group["members"]]
    env = ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri)
    assert porukka(data_root(), "xapi", "push", env=env).returncode == 0
    sent = [s for s in ralph.stored() if base_iri in json.dumps(s)]
    text = json.dumps(sent, ensure_ascii=False)
    assert sent and not any(n in text for n in nicknames)
    assert "kiva" not in text and "jännä" not in text  # the words play_session gives
    assert not any(m.id in text for m in group["members"])
    assert {s["actor"]["objectType"] for s in sent} == {"Group"}

    # Individual statements on, words still off: pseudonyms, no words, no ids, no nicknames.
    env["PORUKKA_XAPI_INDIVIDUAL"] = "on"
    assert porukka(data_root(), "xapi", "push", env=env).returncode == 0
    sent = [s for s in ralph.stored() if base_iri in json.dumps(s)]
    text = json.dumps(sent, ensure_ascii=False)
    agents = {s["actor"]["account"]["name"] for s in sent if s["actor"]["objectType"] == "Agent"}
    assert len(agents) == 6 and all(len(a) == 64 for a in agents)
    assert not any(n in text for n in nicknames) and "kiva" not in text
    assert not any(m.id in text for m in group["members"])


def test_a_wrong_password_is_named_and_nothing_is_lost(ralph, base_iri, group):
    env = ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri, PORUKKA_LRS_PASSWORD="väärä")
    res = porukka(data_root(), "xapi", "push", "--lang", "en", env=env)
    assert res.returncode == 1
    assert ("refused the user name or password (401: Invalid authentication credentials)"
            in res.stderr)
    assert "PORUKKA_LRS_PASSWORD" in res.stderr and "Traceback" not in res.stderr
    status = porukka(data_root(), "xapi", "status", "--lang", "en", env=env)
    assert "Last failure" in status.stdout and "Last successful push: never" in status.stdout
    ok = porukka(data_root(), "xapi", "push", env=ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri))
    assert ok.returncode == 0, ok.stderr
    assert "statements sent" in ok.stdout


def test_a_user_without_write_access_is_told_so(ralph, base_iri, group):
    env = ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri, PORUKKA_LRS_USER="vain-luku")
    res = porukka(data_root(), "xapi", "push", "--lang", "en", env=env)
    assert res.returncode == 1
    assert ('The LRS user vain-luku may not write statements (401: Access not authorized to '
            'scope: "statements/write".)') in res.stderr
    assert not [s for s in ralph.stored() if base_iri in json.dumps(s)]


def test_a_password_file_and_the_settings_file_are_read(ralph, base_iri, group):
    pw = data_root() / "lrs-password"
    pw.write_text("salasana-123\n")
    settings = {"PORUKKA_LRS_ENDPOINT": ralph.endpoint, "PORUKKA_LRS_USER": "porukka-test",
                "PORUKKA_LRS_PASSWORD_FILE": str(pw), "PORUKKA_XAPI_BASE_IRI": base_iri,
                "PORUKKA_XAPI_HOME_PAGE": HOME}
    path = data_root() / "xapi.json"
    path.write_text(json.dumps(settings))
    path.chmod(0o644)
    res = porukka(data_root(), "xapi", "push")
    assert res.returncode == 0, res.stderr
    assert oct(path.stat().st_mode & 0o777) == "0o600"  # narrowed when read
    status = porukka(data_root(), "xapi", "status", "--lang", "en")
    assert f"LRS: {ralph.endpoint} (user porukka-test; set in: {path})" in status.stdout
    assert "salasana" not in status.stdout


def test_forget_and_purge_void_what_was_sent(ralph, base_iri, group):
    env = ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri, PORUKKA_XAPI_INDIVIDUAL="on")
    before = export(env)
    assert porukka(data_root(), "xapi", "push", env=env).returncode == 0
    person = group["members"][0]
    mine = [s for s in before if s["actor"]["objectType"] == "Agent"
            and s["actor"]["account"]["name"] in
            {a["actor"]["account"]["name"] for a in before if a["actor"]["objectType"] ==
             "Agent"}]
    res = porukka(data_root(), "forget", person.nickname, "--group", "Tiistairyhmä", "--yes",
                  env=env)
    assert res.returncode == 0, res.stderr
    status = porukka(data_root(), "xapi", "status", "--lang", "en", env=env)
    assert "voiding statements" in status.stdout
    pushed = porukka(data_root(), "xapi", "push", env=env)
    assert pushed.returncode == 0, pushed.stderr
    voids = {s["object"]["id"] for s in ralph.stored()
             if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"
             and s["actor"]["account"]["homePage"] == HOME}
    pseudonyms_left = {s["actor"]["account"]["name"] for s in export(env)
                       if s["actor"]["objectType"] == "Agent"}
    theirs = [s["id"] for s in mine if s["actor"]["account"]["name"] not in pseudonyms_left]
    assert theirs and set(theirs) <= voids
    # The group's reflection and feedback figures that counted them are voided too.
    figures = [s["id"] for s in before if s["verb"]["id"] == "http://id.tincanapi.com/verb/rated"
               and s["actor"]["objectType"] == "Group"]
    assert figures and set(figures) <= voids
    # ... and never made again.
    assert not {s["id"] for s in export(env)} & voids

    res = porukka(data_root(), "purge", "--older-than", "1d", "--yes", env=env)
    assert res.returncode == 0, res.stderr
    assert porukka(data_root(), "xapi", "push", env=env).returncode == 0
    voids = {s["object"]["id"] for s in ralph.stored()
             if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/voided"}
    assert {s["id"] for s in before} <= voids


def test_group_and_since_choose_the_sessions(group, base_iri):
    env = {"PORUKKA_XAPI_BASE_IRI": base_iri}
    every = export(env)
    sessions = {s["context"]["extensions"][f"{base_iri}/extensions/session"] for s in every}
    assert sessions == set(group["sessions"]) | {group["early"]}
    late = export(env, "--since", "2025-02-01")
    assert {s["context"]["extensions"][f"{base_iri}/extensions/session"] for s in late} == {
        group["early"]}
    dry = porukka(data_root(), "xapi", "push", "--dry-run", "--group", "Tiistairyhmä",
                  "--since", "15.2.2025", "--lang", "en", env=env)
    assert dry.returncode == 0 and f"{len(late)} statements would be sent" in dry.stdout
    none = porukka(data_root(), "xapi", "push", "--dry-run", "--group", "Ei ole", "--lang",
                   "en", env=env)
    assert none.returncode == 1 and "Ei ole" in none.stderr
    bad = porukka(data_root(), "xapi", "push", "--dry-run", "--since", "32.13.2025", "--lang",
                  "en", env=env)
    assert bad.returncode == 2 and "--since: '32.13.2025' is not a date" in bad.stderr
