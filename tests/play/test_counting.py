"""Hands-up counting, ties and close votes in the play flow, without a window (issue 15)."""

from __future__ import annotations

import pytest

from game.play.events import DecisionMade, VoteCounts
from game.play.flow import Phase
from game.play.vote import Tally, divided

from .test_flow import PEOPLE, STORY, make


@pytest.fixture(scope="module")
def story():
    from pathlib import Path

    from game.story.loader import check_bytes

    result = check_bytes(STORY, Path("kokeilu/story.yaml"))
    assert result.loaded is not None
    return result.loaded.story


def to_vote(flow):
    while flow.phase in (Phase.LINES, Phase.CHECKPOINT):
        flow.lines_done() if flow.phase == Phase.LINES else flow.checkpoint_passed()
    assert flow.phase in (Phase.CHOICES, Phase.HANDOVER)


def test_a_number_selects_and_plus_counts(story):
    """Regression: pressing 1 selected the option *and* added a vote, so "1, then + three
    times" gave 4."""
    flow, log = make(story, "hands")
    to_vote(flow)
    flow.choose(1)
    for _ in range(2):
        flow.add_hands(1)
    flow.choose(2)
    flow.add_hands(1)
    assert flow.counts == {"a": 2, "b": 1, "c": 0} and flow.counted == 3
    flow.show_results()
    assert flow.phase is Phase.RESULTS
    assert log.of(VoteCounts)[-1].counts == {"a": 2, "b": 1, "c": 0}


def test_more_hands_than_people_asks_before_accepting(story):
    """Regression: 8 of 5 (20 in play) were accepted without a word."""
    flow, log = make(story, "hands")
    to_vote(flow)
    flow.add_hands(1, 0)
    flow.add_hands(1, 0)
    flow.add_hands(1, 1)
    flow.add_hands(1, 1)  # 4 hands, 3 present
    flow.show_results()
    assert flow.phase is Phase.OVERCOUNT and not log.of(VoteCounts)
    flow.fix_counts()
    assert flow.phase is Phase.CHOICES and flow.counted == 4  # the counts stay to correct
    flow.add_hands(-1, 1)
    flow.show_results()
    assert flow.phase is Phase.RESULTS and log.of(VoteCounts)[-1].counts["b"] == 1
    flow.revote()
    flow.add_hands(4, 2)
    flow.show_results()
    assert flow.phase is Phase.OVERCOUNT
    flow.accept_overcount()
    assert flow.phase is Phase.RESULTS and log.of(VoteCounts)[-1].counts["c"] == 4


def test_exactly_as_many_hands_as_people_needs_no_question(story):
    flow, _ = make(story, "hands")
    to_vote(flow)
    flow.add_hands(3, 0)
    flow.show_results()
    assert flow.phase is Phase.RESULTS


def tie(story, mode="secret"):
    flow, log = make(story, mode, people=PEOPLE[:2])
    to_vote(flow)
    for number in (1, 2):
        flow.open_turn()
        flow.choose(number)
    assert flow.phase is Phase.RESULTS and flow.tally().is_tie
    return flow, log


def test_only_a_tied_option_breaks_a_tie(story):
    """Regression: an option not among the tied ones was accepted as the counsellor's pick."""
    flow, log = tie(story)
    assert not flow.can_pick(3)
    flow.choose(3)
    assert flow.phase is Phase.RESULTS and not log.of(DecisionMade)
    assert flow.can_pick(2)
    flow.choose(2)
    decision = log.of(DecisionMade)[-1]
    assert decision.how == "tie-counsellor" and decision.choice_id == "b"


def test_the_counsellors_pick_is_shown_before_the_story_goes_on(story):
    """Regression: after a counsellor's decision the story moved on without showing it."""
    flow, _ = tie(story)
    scenes = flow.scene_count
    flow.choose(1)
    assert flow.phase is Phase.DECIDED and flow.decided is not None
    assert flow.decided.id == "a" and flow.scene_count == scenes
    flow.go_on()
    assert flow.phase is Phase.LINES and flow.scene_count == scenes + 1
    assert flow.c.scene_id == "valissa"


def test_with_no_votes_any_option_may_be_picked(story):
    flow, log = make(story, "secret", people=PEOPLE[:1])
    to_vote(flow)
    flow.skip_turn()
    assert flow.phase is Phase.RESULTS and flow.can_pick(3)
    flow.choose(3)
    assert flow.phase is Phase.DECIDED and log.of(DecisionMade)[-1].how == "counsellor"


def test_a_majority_cannot_be_overridden_by_a_number(story):
    flow, log = make(story, "secret", people=PEOPLE[:3])
    to_vote(flow)
    for number in (1, 1, 2):
        flow.open_turn()
        flow.choose(number)
    assert not flow.can_pick(2)
    flow.choose(2)
    assert flow.phase is Phase.RESULTS and not log.of(DecisionMade)


def test_the_secret_voter_whose_vote_is_in_is_known(story):
    flow, _ = make(story, "secret")
    to_vote(flow)
    assert flow.phase is Phase.HANDOVER and flow.last_voter is None  # the first ballot too
    flow.open_turn()
    flow.choose(2)
    assert flow.phase is Phase.HANDOVER and flow.last_voter == PEOPLE[0]
    assert flow.voter() == PEOPLE[1]


def test_the_counsellors_pad_counts_hands_and_goes_on(story):
    flow, log = make(story, "hands")
    to_vote(flow)
    flow.pad_hat(5, 0, -1)  # down: the second option
    flow.pad_hat(5, 1, 0)
    flow.pad_hat(5, 1, 0)
    assert flow.counts["b"] == 2
    flow.pad_button(5, 0)  # A: show the result
    assert flow.phase is Phase.RESULTS
    flow.pad_button(5, 0)  # A: go on with the majority
    assert log.of(DecisionMade)[-1].choice_id == "b"


def test_the_counsellors_pad_breaks_a_tie_or_votes_again(story):
    flow, log = tie(story)
    flow.pad_button(5, 3)  # Y: vote again
    assert flow.phase is Phase.HANDOVER and flow.c.ballot.round == 2
    for number in (1, 2):
        flow.pad_button(5, 0)  # A: the voter has the screen
        flow.choose(number)
    flow.pad_button(5, 2)  # the third option is not tied: nothing
    assert flow.phase is Phase.RESULTS
    flow.pad_button(5, 1)
    assert flow.phase is Phase.DECIDED
    flow.pad_button(5, 0)
    assert flow.phase is Phase.LINES and log.of(DecisionMade)[-1].choice_id == "b"


@pytest.mark.parametrize(("counts", "close"), [
    ([5], False), ([4, 1], False), ([3, 1], False), ([2, 1], True), ([3, 2], True),
    ([2, 2], True), ([1, 1, 1], True), ([5, 2, 2], True), ([6, 2, 1], False), ([0, 3], False),
    ([], False), ([1], False),
])
def test_divided_only_when_the_vote_was_close(counts, close):
    assert divided(counts) is close
    assert Tally({str(i): n for i, n in enumerate(counts)}).divided is close
