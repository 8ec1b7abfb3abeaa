"""Counting votes: pure functions, no pygame. Majority decides; a tie goes to the counsellor."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    """Votes per choice id, in the order the choices were offered."""

    counts: dict[str, int]

    @classmethod
    def of_votes(cls, offered: Iterable[str], votes: Mapping[str, str]) -> Tally:
        """From participant → choice id votes."""
        counts = {cid: 0 for cid in offered}
        for choice in votes.values():
            if choice in counts:
                counts[choice] += 1
        return cls(counts)

    @classmethod
    def of_counts(cls, offered: Iterable[str], counts: Mapping[str, int]) -> Tally:
        return cls({cid: max(0, int(counts.get(cid, 0))) for cid in offered})

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def leaders(self) -> list[str]:
        """The choice ids with the most votes (more than one is a tie); none when no votes."""
        top = max(self.counts.values(), default=0)
        if top == 0:
            return []
        return [cid for cid, n in self.counts.items() if n == top]

    @property
    def winner(self) -> str | None:
        leaders = self.leaders
        return leaders[0] if len(leaders) == 1 else None

    @property
    def is_tie(self) -> bool:
        return len(self.leaders) > 1

    @property
    def split(self) -> bool:
        """Votes went to more than one option: a point to return to in the reflection."""
        return sum(1 for n in self.counts.values() if n > 0) > 1

    def share(self, cid: str) -> float:
        return self.counts.get(cid, 0) / self.total if self.total else 0.0

    @property
    def divided(self) -> bool:
        """The vote was close (see `divided`): "opinions were divided" is said only then, on the
    results screen and in the reports."""
        return divided(self.counts.values())


# --- the "divided" rule ------------------------------------------------------------------------
# One rule, used by the game's results screen and by the reports (docs/reports.md).

DIVIDED_MARGIN = 1  # the two largest counts at most this far apart
DIVIDED_SHARE = 0.6  # or the winner has less than this share of the votes


def divided(counts: Mapping[str, int] | Iterable[int]) -> bool:
    """Whether a vote was close enough to be a point to return to in the reflection.

    Divided: at least two options got votes, and either the two largest counts are within
    one vote of each other (3–2, 2–2, 2–1) or the winner has under 60 % of the votes
    (3–2–1, 4–2–1). A unanimous vote or a clear majority (5–1, 4–1, 3–1) is not divided:
    calling every non-unanimous vote a split made the list of points to return to useless.
    """
    values: list[int] = sorted(
        counts.values() if isinstance(counts, Mapping) else counts, reverse=True)
    if any(n < 0 for n in values):
        raise ValueError("vote counts cannot be negative")
    if sum(1 for n in values if n > 0) < 2:
        return False
    first, second = values[0], values[1]
    return first - second <= DIVIDED_MARGIN or first / sum(values) < DIVIDED_SHARE
