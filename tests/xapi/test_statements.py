"""The mapping from the session log to xAPI statements, on hand-built logs (no LRS)."""

from __future__ import annotations

import hashlib
import hmac
import json

from facilitator.review.xapi._records import session_facts
from facilitator.review.xapi.statements import (
    Options,
    all_statement_ids,
    person_statement_ids,
    session_statements,
)
from tests.review.conftest import Log

PEOPLE = ["p0", "p1", "p2", "p3", "p4", "p5"]
KEY = b"k" * 32


def pseudonym(pid: str) -> str:
    return hmac.new(KEY, pid.encode(), hashlib.sha256).hexdigest()


def session(n: int = 6, *, voters: int | None = None, end: str = "finished",
            ending: bool = True) -> Log:
    present = PEOPLE[:n]
    log = Log().start(present, mode="secret")
    log.scene("alku").offer("alku", [("a", ["arki"]), ("b", ["yhdessa"])])
    for p in present[: voters if voters is not None else n]:
        log.add("vote_cast", {"participant": p, "choice": "a"}, scene="alku")
    v = voters if voters is not None else n
    log.decide("alku", "a", {"a": v - 1, "b": 1} if v > 1 else {"a": v, "b": 0})
    log.scene("loppu")
    if ending:
        log.add("ending_reached", {"title": "Hyvä loppu", "mood": "hopeful"}, scene="loppu")
    for i, p in enumerate(present):
        log.rate(p, "arki", 3 + i)
        log.feedback(p, 1 + i % 5, "Kettusana" if i == 0 else None)
    return log.end(end)


def made(log: Log, **opts) -> list:
    facts = session_facts(log.records)
    assert facts is not None
    return session_statements(facts, Options(**opts))


def kinds(statements) -> list[str]:
    return [m.kind for m in statements]


def test_the_same_log_gives_the_same_ids_and_another_base_iri_others():
    log = session()
    first = [m.statement["id"] for m in made(log)]
    again = [m.statement["id"] for m in made(log)]
    other = [m.statement["id"] for m in made(log, base_iri="https://kunta.example/porukka")]
    assert first == again and len(set(first)) == len(first)
    assert not set(first) & set(other)


def test_a_finished_session_makes_every_group_statement_kind():
    ks = kinds(made(session()))
    assert ks == ["started", "scene", "decision", "scene", "ratings-group", "feedback-group",
                  "completed"]


def test_ended_early_and_interrupted_have_their_own_verbs():
    early = made(session(ending=False))
    cut = made(session(end="interrupted"))
    assert early[-1].kind == "ended-early"
    assert early[-1].statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/terminated"
    assert early[-1].statement["result"]["completion"] is False
    assert cut[-1].kind == "interrupted"


def test_votes_of_persons_never_become_statements_and_the_group_is_the_actor():
    statements = made(session())
    text = json.dumps([m.statement for m in statements])
    for pid in PEOPLE:
        assert pid not in text  # neither a vote, nor a rating, nor presence names anyone
    assert "Kettusana" not in text
    for m in statements:
        assert m.statement["actor"] == {"objectType": "Group", "account": {
            "homePage": "https://porukka.example", "name": "g-1"}}


def test_the_decision_carries_its_counts_from_five_voters_on():
    five = next(m for m in made(session(voters=5)) if m.kind == "decision").statement
    four = next(m for m in made(session(voters=4)) if m.kind == "decision").statement
    ext5, ext4 = five["result"]["extensions"], four["result"]["extensions"]
    tally = "https://porukka.example/xapi/extensions/tally"
    assert ext5[tally] == {"a": 4, "b": 1}
    assert tally not in ext4 and "https://porukka.example/xapi/extensions/split" not in ext4
    assert four["result"]["response"] == "a"  # the group's decision itself is not a figure
    choices = five["object"]["definition"]["choices"]
    assert [c["id"] for c in choices] == ["a", "b"]


def test_group_figures_about_fewer_than_five_people_are_left_out():
    assert "ratings-group" not in kinds(made(session(4)))
    assert "feedback-group" not in kinds(made(session(4)))
    five = made(session(5))
    ratings = next(m for m in five if m.kind == "ratings-group").statement
    assert ratings["result"]["score"] == {"raw": 5.0, "min": 0, "max": 10}
    assert ratings["result"]["extensions"][
        "https://porukka.example/xapi/extensions/people"] == 5


def test_individual_statements_only_when_turned_on_and_under_the_keyed_pseudonym():
    off = made(session())
    assert not {"rating", "feedback"} & set(kinds(off))
    on = made(session(), individual=True, pseudonym=pseudonym)
    mine = [m.statement for m in on if m.kind in ("rating", "feedback")]
    assert len(mine) == 12
    names = {s["actor"]["account"]["name"] for s in mine}
    assert names == {pseudonym(p) for p in PEOPLE}
    assert all(s["context"]["team"]["account"]["name"] == "g-1" for s in mine)
    text = json.dumps([m.statement for m in on])
    assert "Kettusana" not in text and not any(f'"{p}"' in text for p in PEOPLE)


def test_the_feedback_word_goes_only_when_that_too_is_turned_on():
    on = made(session(), individual=True, feedback_words=True, pseudonym=pseudonym)
    words = [m.statement["result"].get("response") for m in on if m.kind == "feedback"]
    assert words.count("Kettusana") == 1


def test_context_names_the_story_its_hash_the_language_and_the_session():
    s = made(session())[2].statement
    ext = s["context"]["extensions"]
    base = "https://porukka.example/xapi/extensions/"
    assert ext[base + "story-id"] == "tarina" and ext[base + "story-hash"] == "abc"
    assert ext[base + "session"] == "20250114T093000Z-aaaaaa" and ext[base + "seq"] == 10
    assert s["context"]["language"] == "fi" and s["timestamp"].endswith("Z")
    assert s["version"] == "1.0.3"


def test_erasure_finds_every_statement_that_holds_a_persons_answers():
    log = session()
    facts = session_facts(log.records)
    on = made(log, individual=True, pseudonym=pseudonym)
    theirs = person_statement_ids(facts, "https://porukka.example/xapi", "p0")
    kinds_of = {m.statement["id"]: m.kind for m in on}
    assert sorted(kinds_of[i] for i in theirs) == ["feedback", "feedback-group", "rating",
                                                   "ratings-group"]
    assert {m.statement["id"] for m in on} <= all_statement_ids(
        facts, "https://porukka.example/xapi")
