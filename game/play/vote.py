"""Counting votes: pure functions, no pygame. Majority decides; a tie goes to the counsellor."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

CLOSE_SHARE = 0.6  # a winner with less than this share of the votes won a close vote


def divided(counts: Mapping[str, int] | Iterable[int]) -> bool:
    """Was the vote close, a point to return to? Yes when the two largest counts are within
    one vote of each other, or the winner got under 60 % of the votes. A unanimous vote, or
    one with a single vote, is never divided; 2–1 and 3–2 are; 4–1 and 3–1 are "most chose"."""
    values = sorted((counts.values() if isinstance(counts, Mapping) else counts), reverse=True)
    values = [v for v in values if v > 0]
    if len(values) < 2:
        return False
    total = sum(values)
    return values[0] - values[1] <= 1 or values[0] / total < CLOSE_SHARE


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

    @property
    def divided(self) -> bool:
        """A close vote (see `divided`): "opinions were divided" is said only then."""
        return divided(self.counts)

    def share(self, cid: str) -> float:
        return self.counts.get(cid, 0) / self.total if self.total else 0.0
