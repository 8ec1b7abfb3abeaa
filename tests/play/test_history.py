""""Back one step" keeps a history linear in the story: each step back gives exactly the
state the group was in, also after a long playthrough."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

from game.play.controller import Participant, PlayController
from game.story import Runtime
from game.story.loader import check_bytes

LOOP = b"""format: 1
id: silmukka
start: alku
variables:
  kierros: {initial: 0, min: 0, max: 1000}
scenes:
  alku:
    lines: ["Kierros {kierros}."]
    choices:
      - {id: uudestaan, text: Uudestaan, goto: alku, add: {kierros: 1}}
      - {id: sivuun, text: Sivuun, goto: sivu}
      - {id: eteen, text: Eteen, goto: loppu}
  sivu:
    lines: [Sivussa.]
    goto: alku
  loppu:
    lines: [Loppu.]
    end: {title: Loppu}
"""
PEOPLE = [Participant("p1", "N1", "#000000", "circle")]


def test_going_back_gives_every_earlier_state_exactly() -> None:
    loaded = check_bytes(LOOP, Path("silmukka/story.yaml")).loaded
    assert loaded is not None
    c = PlayController(Runtime(loaded.story), "counsellor", PEOPLE)
    rng = random.Random(3)
    states = [c.state]
    for _ in range(200):
        if c.is_choice_point():
            c.decide(rng.choice(["uudestaan", "uudestaan", "sivuun"]), "counsellor")
        else:
            c.advance()
        states.append(c.state)
    assert c.history == states[:-1]
    for expected in reversed(states[:-1]):
        c.back()
        assert c.state == expected
    assert not c.can_go_back()


def test_the_history_grows_linearly_with_the_playthrough() -> None:
    """Regression (issue 14): each history entry held the whole state, whose path grows with
    the playthrough, so a long `goto` chain held a quadratic amount of memory."""
    loaded = check_bytes(LOOP, Path("silmukka/story.yaml")).loaded
    assert loaded is not None

    def held(moves: int) -> int:
        c = PlayController(Runtime(loaded.story), "counsellor", PEOPLE)
        tracemalloc.start()
        for _ in range(moves):
            c.decide("sivuun", "counsellor")
            c.advance()
        size, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert len(c.state.path) == 2 * moves + 1
        return size

    small, large = held(300), held(1200)
    assert large < 6 * small  # 4× the moves: linear is 4×, quadratic would be 16×
