"""Story text is text in the report's charts (issue 14): no mathematics, no markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from facilitator.review import charts, timecharts

HOSTILE = ["$x^2$ kotiin", r"$\frac{1}{0}$ {", "a $ b $ c", "<b>&amp;</b> \"'"]


def _all_text(svg: str) -> str:
    root = ET.fromstring(svg)  # well-formed XML: story text is escaped, not markup
    return "".join(root.itertext())


def test_dollar_signs_in_story_text_are_not_mathematics():
    """Regression: `$…$` in a choice text was parsed as mathtext and the report failed."""
    made = [
        charts.reflection("r", HOSTILE, [1, None, 3, 10], [[2], [2], [], [5]], colour="#0072B2",
                          title="t", desc="d", head=("a", "b", "c"), skipped="–", scale="0–10"),
        timecharts.ratings_trend(
            "rt", [datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 1, 8, tzinfo=UTC)],
            ["1.1.", "8.1."], [(i, [(0, 1), (1, 2)]) for i in range(len(HOSTILE))],
            labels=HOSTILE,
            title="t", desc="d", head=("date", *HOSTILE)),
    ]
    for chart in made:
        text = _all_text(chart.svg)
        for label in HOSTILE:
            assert label.split()[0] in text or chart.key == "rt", (chart.key, label, text)
        if chart.key != "rt":  # the trend names its domains in the legend chart
            assert "$x^2$" in text, (chart.key, text)
        assert "<b>" not in chart.svg
