"""The HTML reports: self-contained, accessible, deterministic, in three languages, and
honest about what they leave out."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from facilitator.review.load import group_html, load_group, load_session, session_html
from facilitator.review.model import session_report
from facilitator.review.render import render_group, render_session

from .conftest import Log, people

pytestmark = pytest.mark.slow  # whole reports rendered with their charts

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def charts_in(html: str) -> list[str]:
    return re.findall(r'<figure class="chart" id="fig-([\w-]+)"', html)


def assert_self_contained(html: str) -> None:
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "@font-face" not in html
    for ref in re.findall(r"url\(([^)]*)\)", html):
        assert ref.startswith("#"), ref  # only references inside the same SVG
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def assert_accessible_charts(html: str) -> None:
    svgs = re.findall(r"<svg\b[^>]*>", html)
    assert svgs
    for tag in svgs:
        if 'aria-hidden="true"' in tag:  # a person's shape beside their name: decoration
            continue
        assert 'role="img"' in tag and "aria-labelledby" in tag
    for key in charts_in(html):
        assert f'<title id="{key}-title">' in html and f'<desc id="{key}-desc">' in html
    assert html.count('<table class="sr-only">') == len(charts_in(html))
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids must be unique across the page"


def test_session_report_is_self_contained_and_complete(shared):
    sid = shared["sessions"][1]
    html = session_html(shared["store"], sid, "fi", now=NOW)
    assert_self_contained(html)
    assert_accessible_charts(html)
    b = load_session(shared["store"], sid)
    assert b.story_map is not None, "the built-in story is the one that was played"
    keys = charts_in(html)
    assert "map" in keys
    # Votes, the story mirror and the faces are page text (they wrap on a phone).
    assert '<figure class="chart faces" id="fig-faces"' in html
    bars = re.findall(r'<figure class="chart bars" id="fig-([\w-]+)"', html)
    assert "mirror" in bars
    assert sum(k.startswith("vote") for k in bars) == len(b.report.decisions)
    assert sum(k.startswith("me") for k in keys) == len(b.report.reflections) == 6
    assert "Tiistairyhmä" in html and "Kettu" in html and "Rahat loppuu kesken" in html
    assert "ei ole kenenkään arviointi" in html
    assert "Date" not in re.findall(r"<metadata>.*?</metadata>", html, re.S).__str__()
    assert "<metadata>" not in html
    # every decision, with its options' texts
    for dec in b.report.decisions:
        for o in dec.options:
            assert o.text.replace("'", "&#39;")[:30] in html.replace("&#34;", '"')


def test_reports_are_deterministic(shared):
    sid = shared["sessions"][0]
    a = session_html(shared["store"], sid, "en", now=NOW)
    b = session_html(shared["store"], sid, "en", now=NOW)
    assert a == b
    g = shared["group"]
    assert group_html(shared["store"], g, "sv", now=NOW) == group_html(
        shared["store"], g, "sv", now=NOW)


@pytest.mark.parametrize("lang,words", [
    ("fi", ["Tapaamisen raportti", "Päätökset", "Minä nyt"]),
    ("sv", ["Träffrapport", "Beslut", "Jag nu"]),
    ("en", ["Session report", "Decisions", "Me now"]),
])
def test_session_report_in_three_languages(shared, lang, words):
    html = session_html(shared["store"], shared["sessions"][0], lang, now=NOW)
    assert f'<html lang="{lang}">' in html
    for word in words:
        assert word in html
    assert "rev-" not in re.sub(r"<[^>]+>", "", html)  # no untranslated key leaks


def test_group_report_contents_and_demo_data(shared):
    store, group = shared["store"], shared["group"]
    html = group_html(store, group, "en", now=NOW)
    assert_self_contained(html)
    assert_accessible_charts(html)
    keys = charts_in(html)
    assert "attend" in keys and "feedback" in keys
    assert sum(k.startswith("ratings") for k in keys) == 6
    assert "1 simulated demo session was left out" in html  # a plural entry since issue 17
    assert "demo data" not in html.split("</header>", 1)[1]
    # the session with four people: its feedback average is not shown
    assert "fewer than 5 people answered: sessions 2" in html  # 4 answered; none
    with_demo = render_group(load_group(store, group, include_simulated=True).report, "en",
                             now=NOW)
    assert "included in this report, marked as demo data: 1" in with_demo


def test_a_simulated_session_is_labelled_as_demo_data(shared):
    html = session_html(shared["store"], shared["demo"], "en", now=NOW)
    assert "Demo data: this session was simulated" in html


def test_an_interrupted_session_says_so(shared):
    html = session_html(shared["store"], shared["sessions"][3], "en", now=NOW)
    assert "The session stopped before the story" in html
    assert "No feedback was given" in html


def test_story_changed_since_no_map_but_the_timeline(shared, tmp_path):
    b = load_session(shared["store"], shared["sessions"][0], story_dirs=[tmp_path])
    assert b.story_map is None
    html = render_session(b.report, "en", now=NOW)
    assert "The story map is not shown" in html and "map" not in charts_in(html)
    assert 'class="timeline"' in html


def test_small_group_feedback_is_suppressed_with_a_note():
    log = Log().start(["p0", "p1", "p2", "p3"]).scene("loppu")
    for i in range(4):
        log.feedback(f"p{i}", 5, "kiva")
    html = render_session(session_report(log.end().records, people(4)), "en", now=NOW)
    assert "The summary is not shown: people who answered: 4" in html
    assert "facecounts" not in charts_in(html) and 'id="fig-faces"' in html
    log5 = Log().start([f"p{i}" for i in range(5)]).scene("loppu")
    for i in range(5):
        log5.feedback(f"p{i}", 4)
    html5 = render_session(session_report(log5.end().records, people(5)), "en", now=NOW)
    assert "People who answered: 5. The average face was 4.0" in html5
    assert "facecounts" in charts_in(html5)


def test_text_from_the_log_is_escaped():
    log = Log().start(["p0"]).scene("a", "<script>alert(1)</script>")
    log.offer("a", [("x", [])], discuss="<b>bold</b> & more")
    log.decide("a", "x", {"x": 1})
    html = render_session(session_report(log.end().records,
                                         {"p0": people(1)["p0"]}), "en", now=NOW)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html


def test_wording_never_scores_or_ranks_anyone(shared):
    text = (session_html(shared["store"], shared["sessions"][0], "en", now=NOW)
            + group_html(shared["store"], shared["group"], "en", now=NOW)).lower()
    text = re.sub(r"<[^>]+>", " ", text)
    for word in ("score:", "rank", "best participant", "worst", "failed", "poor"):
        assert word not in text
    assert "not an assessment" in text and "not scores" in text


def test_group_report_shows_no_small_tally_and_says_why():
    """Issue 13, problem 6: "(2–0)" of a two-person secret ballot was on the group report."""
    from facilitator.review.model import group_report

    from .test_model import week

    report = group_report("g-1", "Tiistai", [week(0, 2).records, week(1, 6).records],
                          people(6))
    html = render_group(report, "en", now=NOW)
    # The six-person vote is shown with its key; the two-person one has no count anywhere.
    assert "(1: 5 votes · 2: 1 vote)" in html
    assert "(1: 1 vote · 2: 1 vote)" not in html and "1–1" not in html
    assert "The counts of one vote are left out, because fewer than 5 people voted." in html
