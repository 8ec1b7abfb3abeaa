"""The report model from hand-built event lists: ties, splits, interrupted sessions, absent
participants, skipped ratings, and the rule that fewer than five people's answers are never
summed up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from facilitator.review.model import (
    MIN_PEOPLE,
    EarlierRating,
    Person,
    aggregate,
    group_report,
    session_report,
)

from .conftest import T0, Log, people


def finished_session(n: int = 5, *, faces: list[int | None] | None = None) -> Log:
    ids = [f"p{i}" for i in range(n)]
    log = Log().start(ids)
    log.scene("alku", "Kuun 17. päivä.")
    log.offer("alku", [("budjetti", ["taidot", "arki"]), ("lepo", ["mieli"])])
    log.decide("alku", "budjetti", {"budjetti": n, "lepo": 0}, seconds=42.5,
               domains=["taidot", "arki"])
    log.scene("kauppa")
    log.offer("kauppa", [("perus", ["arki"]), ("herkut", ["mieli"]), ("keitto", ["yhdessa"])])
    log.decide("kauppa", "herkut", {"perus": 1, "herkut": n - 1, "keitto": 0},
               domains=["mieli"])
    log.scene("loppu", "Uusi kuu.")
    log.add("ending_reached", {"title": "Hyvä loppu", "mood": "hopeful"}, scene="loppu")
    for i, pid in enumerate(ids):
        log.rate(pid, "arki", 5 + i % 5)
        log.feedback(pid, (faces or [4] * n)[i], "kiva" if i == 0 else None)
    return log.end()


def test_a_finished_session_in_order():
    log = finished_session()
    r = session_report(log.records, people(5))
    assert r.status == "finished" and not r.simulated
    assert r.path == ("alku", "kauppa", "loppu")
    assert [d.choice for d in r.decisions] == ["budjetti", "herkut"]
    first = r.decisions[0]
    assert [(o.id, o.votes, o.chosen) for o in first.options] == [
        ("budjetti", 5, True), ("lepo", 0, False)]
    assert first.seconds == 42.5 and first.prompt == "Mitä teette?"
    assert not first.tie and not first.split and not first.point_for_discussion
    # 4–1 was split (not unanimous) but is a clear majority: not a point to return to.
    assert r.decisions[1].split and not r.decisions[1].divided
    assert r.points_for_discussion == ()
    assert r.ending is not None and r.ending.title == "Hyvä loppu"
    assert dict(r.mirror) == {"taidot": 1, "arki": 1, "mieli": 1}
    assert [k.kind for k in r.timeline] == ["scene", "decision", "scene", "decision", "scene",
                                            "ending"]
    assert r.duration == r.ended - r.started


def test_only_close_votes_are_points_to_return_to():
    """Regression (issue 17): every vote that was not unanimous was listed, a 5–1 too."""
    log = Log().start([f"p{i}" for i in range(6)])
    for scene, tally in (("a", {"x": 5, "y": 1}), ("b", {"x": 3, "y": 3}),
                         ("c", {"x": 4, "y": 2}), ("d", {"x": 3, "y": 2, "z": 1})):
        log.scene(scene).offer(scene, [(cid, []) for cid in tally])
        log.decide(scene, "x", tally, how="tie-counsellor" if scene == "b" else "majority")
    r = session_report(log.records, people(6))
    assert [d.scene for d in r.points_for_discussion] == ["b", "d"]
    assert all(d.split for d in r.decisions)


def test_a_tie_is_a_point_for_discussion_even_when_the_counsellor_settled_it():
    log = Log().start(["p0", "p1", "p2", "p3"])
    log.scene("a").offer("a", [("x", []), ("y", []), ("z", [])])
    log.add("counsellor_action", {"action": "revote", "detail": "", "state": None}, scene="a")
    log.decide("a", "y", {"x": 2, "y": 2, "z": 0}, how="tie-counsellor")
    dec = session_report(log.records, people(4)).decisions[0]
    assert dec.tie and dec.split and dec.point_for_discussion
    assert dec.revotes == 1 and dec.how == "tie-counsellor"
    assert dec.chosen is not None and dec.chosen.id == "y"


def test_counsellor_decides_without_votes():
    log = Log().start(["p0"], mode="counsellor")
    log.scene("a").offer("a", [("x", ["arki"]), ("y", [])])
    log.decide("a", "x", {}, how="counsellor", domains=["arki"])
    dec = session_report(log.records, people(1)).decisions[0]
    assert not dec.has_votes and not dec.tie and not dec.split
    assert [o.votes for o in dec.options] == [0, 0]


def test_an_interrupted_session_and_one_still_open():
    log = Log().start(["p0", "p1"])
    log.scene("alku").offer("alku", [("x", []), ("y", [])])
    log.add("vote_cast", {"participant": "p0", "choice": "x"}, scene="alku")
    assert session_report(log.records, people(2)).status == "interrupted"
    assert session_report(log.records, people(2), open_now=True).status == "in-progress"
    r = session_report(log.records, people(2))
    assert r.ended is None and r.decisions == () and r.ending is None
    assert r.reflections == () and r.feedback == () and r.feedback_summary.suppressed
    closed = Log().start(["p0"]).scene("alku").end("interrupted")
    assert session_report(closed.records, people(1)).status == "interrupted"


def test_counsellor_actions_are_kept_in_order():
    log = Log().start(["p0"])
    log.scene("a")
    for action in ("pause", "resume", "back", "text-size", "skip-to-ending"):
        log.add("counsellor_action", {"action": action, "detail": "", "state": None},
                scene="a", after=60)
    log.add("skipped_to_ending", {"target": "loppu"}, scene="a")
    r = session_report(log.records, people(1))
    assert [a.action for a in r.actions] == ["pause", "resume", "back", "skip-to-ending"]
    assert r.actions[0].at == 61 and r.skipped_to_ending  # 1 s to the scene, 60 more


def test_absent_participants_are_members_who_did_not_come():
    group = people(4)
    late = T0 + timedelta(days=3)
    gone = T0 - timedelta(days=3)
    group["p2"] = Person("p2", "Ilves", joined=late)  # joined after this session
    group["p3"] = Person("p3", "Karhu", joined=T0 - timedelta(days=30), left=gone)
    group["p4"] = Person("p4", "Orava", joined=T0 - timedelta(days=30))
    log = Log().start(["p0"]).scene("a").end()
    r = session_report(log.records, group)
    assert [p.nickname for p in r.present] == ["Kettu"]
    assert [p.nickname for p in r.absent] == ["Susi", "Orava"]


def test_skipped_ratings_and_earlier_ones():
    log = Log().start(["p0", "p1", "p2"], reflection="private")
    log.scene("loppu")
    log.rate("p0", "arki", 7).rate("p0", "mieli", None)
    log.rate("p1", "arki", None).rate("p1", "mieli", None)
    log.end()
    history = {"p0": {"arki": [EarlierRating("s1", T0, 3), EarlierRating("s2", T0, 5)]}}
    r = session_report(log.records, people(3), history=history, domains=["mieli", "arki"])
    assert r.domains == ("mieli", "arki")
    p0, p1 = r.reflections
    assert [(x.domain, x.value, x.earlier) for x in p0.ratings] == [
        ("mieli", None, ()), ("arki", 7, (3, 5))]
    assert p0.ratings[0].skipped and not p0.all_skipped and p1.all_skipped
    assert [p.nickname for p in r.not_rated] == ["Ilves"]


def test_unknown_people_are_shown_as_such_not_guessed():
    log = Log().start(["p0", "p-gone"]).scene("a").end()
    r = session_report(log.records, people(1))
    assert [p.nickname for p in r.present] == ["Kettu", "?"]


def test_simulated_flag_missing_means_real():
    assert not session_report(Log().start(["p0"]).records, people(1)).simulated
    assert session_report(Log().start(["p0"], simulated=True).records, people(1)).simulated
    assert not session_report(Log().start(["p0"], simulated=False).records, people(1)).simulated


@pytest.mark.parametrize("n,shown", [(4, False), (5, True), (6, True)])
def test_average_feedback_needs_five_people(n, shown):
    r = session_report(finished_session(n).records, people(n))
    assert r.feedback_summary.n == n
    assert r.feedback_summary.suppressed is not shown
    assert len(r.feedback) == n  # each person's own face is theirs to show
    if shown:
        assert r.feedback_summary.value == 4.0 and r.feedback_summary.counts == (0, 0, 0, n, 0)
    else:
        assert r.feedback_summary.value is None and r.feedback_summary.counts == ()


def test_skipped_faces_do_not_count_towards_the_five():
    faces = [5, 4, None, 3, 4, None]
    r = session_report(finished_session(6, faces=faces).records, people(6))
    assert r.feedback_summary.n == 4 and r.feedback_summary.suppressed
    assert [f.face for f in r.feedback] == faces


def test_aggregate_boundary():
    assert MIN_PEOPLE == 5
    assert aggregate([1, 2, 3, 4]).suppressed
    assert aggregate([1, 2, 3, 4, 5]).value == 3.0


def week(k: int, n: int, *, simulated: bool | None = None, story: str = "tarina") -> Log:
    ids = [f"p{i}" for i in range(n)]
    log = Log(session=f"2025011{k}T093000Z-{k:06d}", start=T0 + timedelta(days=7 * k))
    log.start(ids, simulated=simulated)
    log.scene("a").offer("a", [("x", ["arki"]), ("y", ["mieli"])])
    log.decide("a", "x" if k % 2 == 0 else "y", {"x": n - 1, "y": 1}, domains=["arki"])
    for i, pid in enumerate(ids):
        log.rate(pid, "arki", (i + k) % 11).rate(pid, "mieli", None if i == 0 else 6)
        log.feedback(pid, 3 + (i + k) % 3)
    return log.end()


def test_group_report_attendance_feedback_and_ratings():
    sessions = [week(0, 5).records, week(1, 4).records, week(2, 6).records]
    r = group_report("g-1", "Tiistai", sessions, people(6))
    assert [len(s.present) for s in r.sessions] == [5, 4, 6]
    assert [p.nickname for p in r.people][:2] == ["Kettu", "Susi"]
    assert r.attendance[4] == (True, False, True) and r.attendance[5] == (False, False, True)
    # 5 answered: shown; 4: suppressed; 6: shown
    assert [s.feedback.suppressed for s in r.sessions] == [False, True, False]
    assert len(r.feedback_shown) == 2 and len(r.feedback_suppressed) == 1
    assert r.sessions[1].feedback.value is None
    kettu = r.ratings[0]
    assert kettu.points["arki"] == [(0, 0), (1, 1), (2, 2)] and kettu.skipped == 3
    assert "mieli" not in kettu.points
    assert r.ratings[1].points["mieli"] == [(0, 6), (1, 6), (2, 6)]
    (story,) = r.stories
    (row,) = story.rows
    assert [c.choice for c in row.cells] == ["x", "y", "x"]
    assert [(c.choice, c.sessions) for c in row.chosen] == [("x", (0, 2)), ("y", (1,))]
    assert row.cells[0].votes == (4, 1)
    assert [(cid, n) for cid, n, _text in row.options] == [("x", 1), ("y", 2)]


def test_group_report_leaves_out_tallies_of_fewer_than_five_voters():
    """Issue 13, problem 6: the group report showed "(2–0)" for a two-person secret ballot."""
    sessions = [week(0, 2).records, week(1, 4).records, week(2, 5).records]
    r = group_report("g-1", "Tiistai", sessions, people(5))
    (story,) = r.stories
    (row,) = story.rows
    assert [c.votes for c in row.cells] == [(), (), (4, 1)]
    assert [c.suppressed for c in row.cells] == [True, True, False]
    assert story.votes_suppressed == 2


def test_group_report_leaves_demo_sessions_out_unless_asked():
    sessions = [week(0, 5).records, week(1, 5, simulated=True).records,
                week(2, 5, simulated=False).records]
    r = group_report("g-1", "Tiistai", sessions, people(5))
    assert len(r.sessions) == 2 and r.left_out_simulated == 1
    assert not any(s.simulated for s in r.sessions)
    both = group_report("g-1", "Tiistai", sessions, people(5), include_simulated=True)
    assert len(both.sessions) == 3 and both.left_out_simulated == 0
    assert [s.simulated for s in both.sessions] == [False, True, False]


def test_group_report_with_no_sessions():
    r = group_report("g-1", "Tiistai", [], people(3))
    assert r.sessions == () and r.stories == () and r.people == ()


def test_group_report_orders_sessions_oldest_first():
    later, earlier = week(2, 5).records, week(0, 5).records
    r = group_report("g-1", "T", [later, earlier], people(5))
    assert [s.started for s in r.sessions] == sorted(s.started for s in r.sessions)
    assert r.sessions[0].started == datetime(2025, 1, 14, 9, 30, tzinfo=UTC)
