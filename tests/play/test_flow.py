"""The play flow without a window: phases, every vote mode, ties, revotes, back, skipping to
the ending, gamepads and secret-ballot turns, driven by calls and checked against the log."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from game.play.controller import Participant, PlayController
from game.play.events import (
    CounsellorAction,
    DecisionMade,
    Happened,
    VoteCast,
    VoteCounts,
)
from game.play.flow import Phase, PlayFlow
from game.story import Runtime
from game.story.loader import check_bytes

ROOT = Path(__file__).resolve().parents[2]

STORY = b"""format: 1
id: kokeilu
start: alku
variables:
  rahat: {initial: 10, min: 0, max: 20}
scenes:
  alku:
    lines: ["Alku."]
    discuss: "Mita tehdaan?"
    timer: 30
    choices:
      - {id: a, text: A, goto: valissa, domains: [mieli]}
      - {id: b, text: B, goto: valissa}
      - {id: c, text: C, goto: loppu}
  valissa:
    lines: [Valissa.]
    reflect: true
    goto: toinen
  toinen:
    lines: [Toinen.]
    choices:
      - {id: x, text: X, goto: loppu, if: "rahat > 15"}
      - {id: y, text: Y, goto: loppu, if: "rahat > 16"}
  loppu:
    lines: [Loppu.]
    end: {title: Loppu}
"""

PEOPLE = [Participant(f"p{i}", f"N{i}", "#000000", "circle") for i in range(1, 4)]


@pytest.fixture(scope="module")
def story():
    result = check_bytes(STORY, Path("kokeilu/story.yaml"))
    assert result.loaded is not None
    return result.loaded.story


class Log(list):
    """Every event handed over, with the state it came with."""

    def __call__(self, happened: Happened) -> None:
        self.extend((e, happened.state) for e in happened.events)

    def of(self, kind: type) -> list:
        return [e for e, _ in self if isinstance(e, kind)]


def make(story, mode: str = "counsellor", people=PEOPLE) -> tuple[PlayFlow, Log]:
    log = Log()
    ticks = iter(range(1000))
    c = PlayController(Runtime(story), mode, list(people), listener=log,  # type: ignore[arg-type]
                       clock=lambda: float(next(ticks)))
    return PlayFlow(c), log


def to_vote(flow: PlayFlow) -> PlayFlow:
    flow.lines_done()
    return flow


def test_a_scene_starts_with_its_lines_then_the_vote_with_its_timer(story):
    flow, _ = make(story)
    assert flow.phase is Phase.LINES and flow.scene_count == 1
    flow.lines_done()
    assert flow.phase is Phase.CHOICES
    assert [c.id for c in flow.offered()] == ["a", "b", "c"]
    assert flow.timer_left == 30.0 and flow.timer_ticking()


def test_counsellor_mode_decides_at_once(story):
    flow, log = make(story)
    to_vote(flow).choose(2)
    decision = log.of(DecisionMade)[-1]
    assert (decision.choice_id, decision.how) == ("b", "counsellor")
    assert flow.c.scene_id == "valissa" and flow.phase is Phase.LINES
    assert flow.scene_count == 2
    flow.choose(1)  # nothing to choose while lines are read
    assert len(log.of(DecisionMade)) == 1


def test_a_number_out_of_range_does_nothing(story):
    flow, log = make(story)
    to_vote(flow).choose(9)
    assert flow.phase is Phase.CHOICES and not log.of(DecisionMade)


def test_hands_up_counts_then_majority(story):
    flow, log = make(story, "hands")
    to_vote(flow)
    flow.choose(1)  # selects; + counts
    flow.add_hands(1)
    flow.add_hands(1)
    flow.move_focus(1)
    flow.add_hands(1)
    flow.add_hands(-1)
    flow.add_hands(-1)  # never below zero
    flow.add_hands(1, index=2)
    assert flow.counts == {"a": 2, "b": 0, "c": 1} and flow.focus == 2
    flow.show_results()
    assert flow.phase is Phase.RESULTS
    assert log.of(VoteCounts)[-1].counts == {"a": 2, "b": 0, "c": 1}
    flow.confirm()
    decision = log.of(DecisionMade)[-1]
    assert (decision.choice_id, decision.how, decision.split) == ("a", "majority", True)


def test_secret_ballot_goes_round_in_turns_with_a_handover(story):
    flow, log = make(story, "secret")
    to_vote(flow)
    assert flow.phase is Phase.HANDOVER and flow.voter() == PEOPLE[0]
    flow.choose(1)  # not while the screen is being handed over
    assert not log.of(VoteCast)
    flow.open_turn()
    assert flow.phase is Phase.CHOICES
    flow.choose(3)
    assert flow.phase is Phase.HANDOVER and flow.turn == 1
    flow.skip_turn()  # the second lets it pass
    assert flow.voter() == PEOPLE[2]
    flow.open_turn()
    flow.choose(3)
    assert flow.phase is Phase.RESULTS
    votes = [(v.participant, v.choice_id) for v in log.of(VoteCast)]
    assert votes == [("p1", "c"), ("p3", "c")]
    flow.confirm()
    assert log.of(DecisionMade)[-1].how == "majority"
    assert flow.c.scene_id == "loppu" and flow.c.ended


def test_a_tie_waits_for_the_counsellor(story):
    flow, log = make(story, "secret", PEOPLE[:2])
    to_vote(flow)
    for number in (1, 2):
        flow.open_turn()
        flow.choose(number)
    assert flow.phase is Phase.RESULTS and flow.tally().is_tie
    flow.confirm()  # no majority to confirm
    assert not log.of(DecisionMade)
    flow.choose(2)
    decision = log.of(DecisionMade)[-1]
    assert (decision.choice_id, decision.how) == ("b", "tie-counsellor")


def test_no_votes_at_all_is_the_counsellors_call(story):
    flow, log = make(story, "secret", PEOPLE[:1])
    to_vote(flow)
    flow.skip_turn()
    assert flow.phase is Phase.RESULTS
    flow.choose(3)
    assert log.of(DecisionMade)[-1].how == "counsellor"


def test_a_revote_starts_the_turns_again_and_a_majority_then_says_so(story):
    flow, log = make(story, "secret", PEOPLE[:2])
    to_vote(flow)
    for number in (1, 2):
        flow.open_turn()
        flow.choose(number)
    flow.revote()
    assert flow.phase is Phase.HANDOVER and flow.turn == 0 and flow.c.ballot.round == 2
    assert not flow.voters_done()
    assert [e.action for e in log.of(CounsellorAction)] == ["revote"]
    for number in (2, 2):
        flow.open_turn()
        flow.choose(number)
    flow.confirm()
    decision = log.of(DecisionMade)[-1]
    assert (decision.choice_id, decision.how) == ("b", "revote-majority")


def test_revote_only_from_the_results(story):
    flow, log = make(story, "secret")
    to_vote(flow).revote()
    assert flow.phase is Phase.HANDOVER and not log.of(CounsellorAction)


def test_a_checkpoint_after_the_lines_of_a_reflect_scene(story):
    flow, _ = make(story)
    to_vote(flow).choose(1)
    flow.lines_done()
    assert flow.phase is Phase.CHECKPOINT and flow.c.scene_id == "valissa"
    flow.checkpoint_passed()
    assert flow.c.scene_id == "toinen" and flow.phase is Phase.LINES and flow.scene_count == 3


def test_a_scene_with_every_choice_hidden_goes_to_an_ending(story):
    flow, log = make(story)
    to_vote(flow).choose(1)
    flow.lines_done()
    flow.checkpoint_passed()
    flow.lines_done()
    assert flow.phase is Phase.STUCK
    flow.leave_stuck()
    assert flow.c.scene_id == "loppu" and flow.c.ended
    flow.lines_done()
    assert flow.phase is Phase.ENDING
    assert [e.action for e in log.of(CounsellorAction)] == ["skip-to-ending"]


def test_back_returns_to_the_scene_and_names_the_decision_undone(story):
    flow, log = make(story)
    start = flow.c.state
    assert not flow.back()  # nothing to go back to
    to_vote(flow).choose(1)
    assert flow.back()
    assert flow.c.state == start and flow.phase is Phase.LINES and flow.scene_count == 3
    back, state = [(e, s) for e, s in log if isinstance(e, CounsellorAction)][-1]
    assert back.action == "back" and back.scene == "valissa"
    assert (back.undone.scene, back.undone.choice) == ("alku", "a")
    assert state == start  # the log is told the state after going back
    flow.lines_done()
    flow.choose(2)  # made again, differently
    assert [d.choice_id for d in log.of(DecisionMade)] == ["a", "b"]


def test_skip_to_the_ending_from_anywhere(story):
    flow, log = make(story, "hands")
    assert flow.skip()
    assert flow.c.ended and flow.c.scene_id == "loppu"
    assert not flow.skip()
    assert [e.action for e in log.of(CounsellorAction)] == ["skip-to-ending"]


def test_gamepads_are_bound_in_order_and_vote_until_all_have(story):
    flow, log = make(story, "gamepads")
    assert flow.bind_pad(7) == "p1"
    assert flow.bind_pad(9, "p3") == "p3"
    assert flow.bind_pad(8) == "p2"
    assert flow.bind_pad(7) == "p1"  # already bound
    assert flow.bind_pad(10) is None  # everyone has a pad
    assert flow.pads == {7: "p1", 9: "p3", 8: "p2"}
    assert flow.pad_button(7, 0) is True  # A continues while the lines are read
    to_vote(flow)
    flow.pad_move(7, 1)
    flow.pad_move(7, 1)
    assert flow.pad_cursor[7] == 1
    flow.pad_button(7, 0)  # A votes for the choice under the cursor
    flow.pad_button(8, 2)  # button 2 votes for the third choice
    assert flow.phase is Phase.CHOICES
    assert flow.unbind_pad(9) == "p3"  # unplugged: those left have all voted
    assert flow.phase is Phase.RESULTS
    assert [(v.participant, v.choice_id) for v in log.of(VoteCast)] == [("p1", "b"),
                                                                       ("p2", "c")]
    flow.choose(3)
    assert log.of(DecisionMade)[-1].how == "tie-counsellor"


def test_the_counsellor_can_close_a_gamepad_vote_early(story):
    flow, log = make(story, "gamepads")
    flow.bind_pad(1)
    to_vote(flow).pad_button(1, 0)
    assert flow.phase is Phase.RESULTS  # the only pad has voted
    flow.confirm()
    assert log.of(DecisionMade)[-1].choice_id == "a"


def test_the_timer_counts_down_is_extended_and_stopped(story):
    flow, log = make(story)
    to_vote(flow)
    assert flow.tick(0.5) is True  # 30 → 29.5: the seconds shown change
    assert flow.tick(0.2) is False
    flow.tick(100)
    assert flow.timer_left == 0 and not flow.timer_ticking()
    assert flow.phase is Phase.CHOICES  # it never forces anything
    flow.extend_timer()
    assert flow.timer_left == 60
    flow.stop_timer()
    assert flow.timer_left is None
    assert [(e.action, e.detail) for e in log.of(CounsellorAction)] == [
        ("timer-extend", "60"), ("timer-stop", "")]


def test_a_resumed_secret_ballot_carries_on_with_the_next_voter(story):
    flow, _ = make(story, "secret")
    flow.c.ballot.votes.update({"p1": "a"})
    flow.continue_ballot()
    flow.lines_done()
    assert flow.phase is Phase.HANDOVER and flow.voter() == PEOPLE[1]


def test_a_resumed_ballot_everyone_had_voted_in_asks_the_last_again(story):
    flow, _ = make(story, "secret")
    flow.c.ballot.votes.update({p.id: "a" for p in PEOPLE})
    flow.continue_ballot()
    assert flow.turn == 2 and "p3" not in flow.voters_done()


# --- purity ---


def test_game_play_never_imports_pygame():
    for path in sorted((ROOT / "game" / "play").rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] == "pygame" for n in names), path


def test_playing_a_flow_loads_no_pygame():
    code = (
        "import sys\n"
        "from game.play.flow import PlayFlow\n"
        "from game.play.controller import PlayController\n"
        "from game.story import load_story, Runtime\n"
        "s = load_story('stories/rahat-loppuu')\n"
        "f = PlayFlow(PlayController(Runtime(s.story), 'counsellor', []))\n"
        "while not f.c.ended:\n"
        "    f.lines_done(); f.checkpoint_passed(); f.leave_stuck(); f.choose(1)\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
