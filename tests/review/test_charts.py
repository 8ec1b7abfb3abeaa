"""The charts on their own: deterministic SVG with its text alternative, ids that cannot clash
on a page, and shapes that still work with many sessions."""

from __future__ import annotations

import re

from facilitator.review import charts


def attendance(cols: int) -> charts.Chart:
    grid = [[(c + r) % 3 != 0 for c in range(cols)] for r in range(3)]
    return charts.attendance(
        "att", ["Kettu", "Susi", "Ilves"], ["#E69F00", "#56B4E9", "#009E73"],
        ["circle", "square", "triangle"], [f"{c + 1}.1.25" for c in range(cols)], grid,
        title="Who was there", desc="3 people", head=("", *map(str, range(cols))),
        yes="there", no="–")


def test_svg_is_deterministic_with_title_desc_and_prefixed_ids():
    a, b = attendance(6), attendance(6)
    assert a.svg == b.svg
    assert a.svg.startswith("<svg") and "<?xml" not in a.svg and "<metadata" not in a.svg
    assert 'role="img"' in a.svg and 'aria-labelledby="att-title att-desc"' in a.svg
    assert '<title id="att-title">Who was there</title>' in a.svg
    assert '<desc id="att-desc">3 people</desc>' in a.svg
    ids = re.findall(r'\bid="([^"]+)"', a.svg)
    assert ids and all(i.startswith("att-") for i in ids)
    for ref in re.findall(r'(?:url\(#|href="#)([^")]+)', a.svg):
        assert ref.startswith("att-") and ref in ids
    assert len(a.rows) == 3 and a.rows[0][0] == "Kettu"


def test_attendance_with_many_sessions_draws_runs_not_a_marker_each():
    few, many = attendance(30), attendance(100)
    assert few.svg.count("<use ") > 50
    assert many.svg.count("<use ") < few.svg.count("<use ")
    assert len(many.rows[0]) == 101  # the table still has every session


def test_text_in_charts_is_escaped_and_kept_as_text():
    ch = charts.vote_bars("v", ["1. <b>A</b> & B", "2. C"], [2, 1], 0, title="T <x>",
                          desc="D & E", head=("Option", "Votes"), chosen_mark="✓")
    assert "<b>" not in ch.svg and "&lt;b&gt;" in ch.svg
    assert "<title id=\"v-title\">T &lt;x&gt;</title>" in ch.svg
    assert "<text" in ch.svg  # selectable text, not outlines
    assert ch.rows == (("1. <b>A</b> & B", "2 ✓"), ("2. C", "1"))


def test_ratings_over_many_sessions_leave_the_markers_out():
    dates = [str(i) for i in range(60)]
    pts = [(i, i % 11) for i in range(60)]
    ch = charts.ratings_trend("r", dates, [(0, pts), (1, pts[:10])], labels=["A", "B"],
                              title="t", desc="d", head=("date", "A", "B"))
    assert ch.svg.count("<use ") < 30  # the ticks only; 70 points would need 70 markers
    assert ch.rows[0] == ("0", "0", "0") and ch.rows[-1] == ("59", "4", "–")
