"""The one rule for a "divided" vote, shared by the game and the reports (issue 17).

Regression: "split" meant any vote that was not unanimous, so 97 % of simulated decisions,
a 5–1 among them, were listed as points to return to.
"""

from __future__ import annotations

import pytest

from game.play.vote import Tally, divided


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((4, 1), False),
        ((5, 1), False),
        ((6, 0), False),
        ((6,), False),
        ((0, 0, 0), False),
        ((3, 2), True),
        ((2, 2), True),
        ((3, 2, 1), True),
        ((1, 1, 1), True),
        ((1, 0, 1), True),
        ((1, 1), True),
        ((2, 1), True),  # within one vote
        ((3, 1), False),  # 75 %, two apart
        ((4, 2), False),  # 67 %, two apart
        ((3, 3, 0, 0), True),
        ((4, 2, 1), True),  # 57 %: under 60 %
        ((5, 2, 1), False),  # 62.5 %, three apart
        ((2, 1, 0, 1), True),  # the group report's "(2–1–0–1)"
    ],
)
def test_divided_on_hand_built_tallies(counts: tuple[int, ...], expected: bool) -> None:
    assert divided(counts) is expected
    tally = Tally({f"c{i}": n for i, n in enumerate(counts)})
    assert tally.divided is expected


def test_a_clear_majority_is_not_divided_though_it_was_split() -> None:
    tally = Tally({"a": 5, "b": 1})
    assert tally.split and not tally.divided


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError):
        divided((3, -1))
