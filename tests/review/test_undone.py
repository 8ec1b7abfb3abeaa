"""A decision taken back with "back one step": shown as undone, never mirrored, and the one
the group made again shown with its real texts.

Regression (issue 12): an undone decision still counted in a session's report, and the
re-made one was shown with raw scene and choice ids, because "back" did not say which
decision it took back and the log does not offer the choices again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from markupsafe import escape as html_escape

from facilitator.log.undone import undone_decisions
from facilitator.reflection import split_decisions
from facilitator.review.load import session_html
from facilitator.review.model import Person, session_report
from facilitator.sessions import SessionStore
from game.play.controller import Participant, PlayController
from game.story import Runtime
from game.story.text import pick

from .conftest import Clock, Log

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def played(tmp_path, loaded) -> dict[str, Any]:
    """A session in which a split decision is taken back and the group decides otherwise."""
    store = SessionStore(tmp_path, clock=Clock(datetime(2025, 1, 7, 9, 0, tzinfo=UTC)))
    group = store.groups.create_group("Tiistairyhmä")
    members = [store.groups.add_participant(group.id, n) for n in ("Kettu", "Susi", "Ilves")]
    session = store.start(group.id, [p.id for p in members], loaded, vote_mode="secret",
                          reflection="private", language="fi", background=False)
    rt = Runtime(loaded.story, "fi", story_hash=loaded.content_hash)
    c = PlayController(rt, "secret", [Participant(p.id, p.nickname, p.colour, p.shape)
                                       for p in members], listener=session.recorder)
    while not c.is_choice_point():
        c.advance()
    first, second = c.offered()[0], c.offered()[1]
    c.vote(members[0].id, first.id)
    c.vote(members[1].id, first.id)
    c.vote(members[2].id, second.id)
    c.decide(first.id, "majority")  # split: 2–1
    c.back()
    for p in members:
        c.vote(p.id, second.id)
    c.decide(second.id, "majority")
    session.end()
    people = {p.id: Person(p.id, p.nickname) for p in members}
    return {"store": store, "id": session.id, "first": first, "second": second, "loaded": loaded,
            "records": store.events(session.id), "people": people}


def test_the_report_marks_the_undone_decision_and_shows_the_new_one_in_full(played):
    report = session_report(played["records"], played["people"])
    undone, remade = report.decisions
    assert undone.undone and not remade.undone
    assert undone.choice == played["first"].id and undone.split
    assert remade.choice == played["second"].id
    assert remade.chosen.text == played["second"].text  # the real text, not the id
    assert remade.chosen.text != remade.choice
    assert [o.text for o in remade.options] == [o.text for o in undone.options]
    assert remade.prompt == undone.prompt and remade.prompt
    assert undone not in report.points_for_discussion  # its split no longer matters
    steps = [s for s in report.timeline if s.kind == "decision"]
    assert [s.undone for s in steps] == [True, False]


def test_the_mirror_counts_only_decisions_the_group_went_on_with(played):
    report = session_report(played["records"], played["people"])
    remade = report.decisions[-1]
    assert dict(report.mirror) == {d: 1 for d in remade.domains}
    assert split_decisions(played["records"]) == set()


@pytest.mark.parametrize("lang, word", [("fi", "peruttu"), ("sv", "ångrat"), ("en", "undone")])
def test_the_html_strikes_the_undone_decision_through(played, lang, word):
    html = session_html(played["store"], played["id"], lang, now=NOW)
    assert html.count(f'<span class="badge undone">{word}</span>') == 2  # timeline, decisions
    assert html.count("<del>") == 1
    assert 'class="decision undone"' in html
    # The re-made decision's real text, in the report's language (the story has all three).
    story = played["loaded"].story
    second = played["second"]
    texts = [pick(ch.text, lang, story.default_language) for scene in story.scenes.values()
             for ch in scene.choices or [] if (ch.id or ch.goto) == second.id]
    assert texts and any(str(html_escape(text)) in html for text in texts)


def test_a_log_from_before_back_named_its_decision_still_reads():
    """Old logs: "back" without `undone` marks nothing (as reports always showed them)."""
    log = Log().start(["p0"])
    log.scene("a").offer("a", [("x", []), ("y", [])])
    log.decide("a", "x", {"x": 1, "y": 0})
    log.scene("b")
    log.add("counsellor_action", {"action": "back", "detail": "", "state": {"scene": "a"}},
            scene="b")
    log.decide("a", "y", {"x": 0, "y": 1})
    report = session_report(log.records, {"p0": Person("p0", "Kettu")})
    assert [d.undone for d in report.decisions] == [False, False]
    assert report.decisions[-1].chosen.text == "Valinta y"  # the offer before "back" is used


def test_back_takes_back_the_latest_matching_decision_only():
    log = Log().start(["p0"])
    for _ in range(2):  # the same scene and choice twice, around a loop
        log.scene("a").offer("a", [("x", []), ("y", [])])
        log.decide("a", "x", {"x": 1, "y": 0})
    undo = {"action": "back", "detail": "", "state": {"scene": "a"},
            "undone": {"scene": "a", "choice": "x"}}
    log.add("counsellor_action", undo, scene="a")
    seqs = [r.seq for r in log.records if r.kind == "decision_made"]
    assert undone_decisions(log.records) == {seqs[1]}
    log.add("counsellor_action", undo, scene="a")
    assert undone_decisions(log.records) == set(seqs)
