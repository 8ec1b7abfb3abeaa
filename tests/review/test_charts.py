"""The charts on their own: deterministic SVG with its text alternative, ids that cannot clash
on a page, and shapes that still work with many sessions."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from facilitator.review import charts, timecharts

T0 = datetime(2025, 1, 7, 9, 0, tzinfo=UTC)


def attendance(cols: int, gap_after: int | None = None) -> charts.Chart:
    grid = [[(c + r) % 3 != 0 for c in range(cols)] for r in range(3)]
    times = [T0 + timedelta(weeks=c + (12 if gap_after is not None and c > gap_after else 0))
             for c in range(cols)]
    return timecharts.attendance(
        "att", ["Kettu", "Susi", "Ilves"], ["#E69F00", "#56B4E9", "#009E73"],
        ["circle", "square", "triangle"], times, [f"{c + 1}.1.25" for c in range(cols)], grid,
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


def test_sessions_are_placed_by_their_real_dates():
    """Regression (issue 17): the axis spaced sessions evenly, so 3.12. came one step after
    25.3. Here the sixth session comes twelve weeks after the fifth."""
    ch = attendance(6, gap_after=4)
    axis = timecharts.TimeAxis([T0 + timedelta(weeks=w) for w in (0, 1, 2, 3, 4, 17)], 0, 170)
    assert [round(x, 6) for x in axis.xs] == [0, 10, 20, 30, 40, 170]
    assert ch.svg.count("<use ") == sum(1 for r in range(3) for c in range(6)
                                          if (c + r) % 3 != 0)


def test_with_300_sessions_no_date_label_leaves_the_picture():
    """Regression (issue 17): with 300 sessions the first date label was clipped."""
    ch = attendance(300)
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', ch.svg)[1])
    for x, text in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="middle">([^<]*)<', ch.svg):
        half = len(text) * 12 * 0.56 / 2
        assert float(x) - half >= 0 and float(x) + half <= width, text
    assert ">1.1.25<" in ch.svg and ">300.1.25<" in ch.svg  # the first and the last
    assert len(ch.rows[0]) == 301  # the table still has every session


def _bar_list(labels, values, chosen=None):
    from facilitator.review.render import _bars, _env

    made = _bars("v", labels, values, [str(v) for v in values], chosen=chosen,
                 chosen_word="valittu <i>", title="T <x>", desc="D & E")
    page = _env().from_string('{% import "macros.html.j2" as m %}{{ m.bars(b) }}').render(b=made)
    return made, page


def test_vote_bars_are_page_text_escaped_and_whole_at_any_width():
    """Issue 17: at 390 px the vote pictures scrolled sideways (counts out of sight) and cut
    long option texts with "…". They are a list of page text now."""
    long = "Elektroniikkanurkkaan testaamaan pelikonsoleita. Pelaaminen on opettanut " * 3
    made, page = _bar_list(["1. <b>A</b> & B", "2. C", f"3. {long}"], [4, 1, 0], chosen=0)
    assert "<b>A" not in page and "&lt;b&gt;A&lt;/b&gt; &amp; B" in page
    assert '<figcaption class="sr-only">T &lt;x&gt;. D &amp; E</figcaption>' in page
    assert long.strip() in page  # whole, never shortened
    assert "<svg" not in page and "min-width" not in page
    items = re.findall(r"<li( class=\"chosen\")?>.*?</li>", page, re.S)
    assert [bool(c) for c in items] == [True, False, False]
    widths = re.findall(r"\* ([\d.]+)\)", page)
    assert widths == ["1.000", "0.250", "0.000"]  # in proportion to the largest
    assert "4 ✓" in page and "valittu &lt;i&gt;" in page  # the chosen one said in words too
    assert [b.value for b in made.items] == ["4", "1", "0"]
    _none, page = _bar_list(["1. a", "2. b"], [0, 0])
    assert re.findall(r"\* ([\d.]+)\)", page) == ["0.000", "0.000"]


def test_ratings_over_many_sessions_leave_the_markers_out_and_carry_their_legend():
    dates = [str(i) for i in range(60)]
    times = [T0 + timedelta(days=7 * i) for i in range(60)]
    pts = [(i, i % 11) for i in range(60)]
    ch = timecharts.ratings_trend("r", times, dates, [(0, pts), (1, pts[:10])],
                                  labels=["A <b>", "B"], title="t", desc="d",
                                  head=("date", "A", "B"))
    assert ch.svg.count("<use ") < 10  # the legend's two markers; 70 points would need 70
    assert ch.rows[0] == ("0", "0", "0") and ch.rows[-1] == ("59", "4", "–")
    assert ">A &lt;b&gt;</text>" in ch.svg and ">B</text>" in ch.svg  # the legend, escaped
