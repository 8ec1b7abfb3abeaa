"""The flow of the play screen: which phase a scene is in and what each input may do there.

`PlayFlow` is the state machine behind the play screen, with no pygame: the phases of a scene
(`Phase`), the hands-up counts being entered, whose turn it is in a secret ballot, which
gamepad belongs to whom, and the discussion timer. The play view draws it and turns keys,
clicks, touches and pad buttons into calls on it; the counsellor's console and the simulator
ask it where the group is. Every decision and counsellor action goes through the
`PlayController` it holds, which logs them.

Laying lines out in pages is the view's (it depends on the window): the view reveals the
lines and calls `lines_done()` when the last one has been read.
"""

from __future__ import annotations

from enum import StrEnum

from ..story.runtime import OfferedChoice
from .controller import Participant, PlayController
from .events import CounsellorActionKind, DecisionHow, VoteMode
from .vote import Tally

TIMER_EXTEND = 60  # seconds one "more time" adds
PAD_CHOICE_BUTTONS = 4  # buttons 0–3 pick choices 1–4


class Phase(StrEnum):
    """Where the group is within a scene."""

    LINES = "lines"  # reading the scene's lines
    CHECKPOINT = "checkpoint"  # a reflection point after the lines (`reflect: true`)
    HANDOVER = "handover"  # secret ballot: the screen is handed to the next voter
    CHOICES = "choices"  # the choices are shown; votes are being given
    OVERCOUNT = "overcount"  # hands up: more hands counted than people present; accept?
    RESULTS = "results"  # the tally is shown; the counsellor confirms or decides
    DECIDED = "decided"  # the counsellor broke a tie: what they chose is shown, then on
    STUCK = "stuck"  # every choice is hidden: on to the nearest ending
    ENDING = "ending"  # the story has ended


VOTING = (Phase.HANDOVER, Phase.CHOICES)


class PlayFlow:
    """One group playing one story: the controller plus what the screen's phases need.

    `scene_count` goes up each time a scene is entered (also after "back"), so a view knows
    when to lay out new lines. `pads` maps a gamepad's instance id to a participant id.
    """

    def __init__(self, controller: PlayController) -> None:
        self.c = controller
        self.pads: dict[int, str] = {}
        self.pad_cursor: dict[int, int] = {}
        self.scene_count = 0
        self._enter()

    # -- reading --

    @property
    def vote_mode(self) -> VoteMode:
        return self.c.vote_mode

    @property
    def participants(self) -> list[Participant]:
        return self.c.participants

    def offered(self) -> list[OfferedChoice]:
        """The choices of the open ballot, as numbered on the screen."""
        return self.c.ballot.offered if self.c.ballot else []

    def tally(self) -> Tally:
        return self.c.tally()

    def voters_done(self) -> set[str]:
        return self.c.voters_done()

    def voter(self) -> Participant | None:
        """Whose turn it is in a secret ballot."""
        if self.c.vote_mode != "secret" or not 0 <= self.turn < len(self.c.participants):
            return None
        return self.c.participants[self.turn]

    def bound_voters(self) -> set[str]:
        return set(self.pads.values())

    @property
    def timer_shown(self) -> bool:
        return self.timer_left is not None

    # -- the scene --

    def _enter(self) -> None:
        """A scene begins (or begins again after "back"): everything per scene is reset."""
        self.scene_count += 1
        self.phase = Phase.LINES
        self.counts: dict[str, int] = {}
        self.decided: OfferedChoice | None = None
        self.focus = 0
        self.turn = 0
        self.pad_cursor = {}
        self.timer_left: float | None = None
        self.timer_running = False
        self.checkpoint_done = False
        self.last_voter: Participant | None = None
        if not self.c.lines():
            self.lines_done()

    def lines_done(self) -> None:
        """The group has read the last line: a reflection point, the vote, or on."""
        if self.phase != Phase.LINES:
            return
        scene = self.c.runtime.scene(self.c.state)
        if scene.reflect and not self.checkpoint_done and not self.c.ended:
            self.phase = Phase.CHECKPOINT
            return
        self._after_checkpoint()

    def checkpoint_passed(self) -> None:
        if self.phase == Phase.CHECKPOINT:
            self.checkpoint_done = True
            self._after_checkpoint()

    def _after_checkpoint(self) -> None:
        if self.c.ended:
            self.phase = Phase.ENDING
            return
        if self.c.is_choice_point():
            if self.c.is_stuck():
                self.phase = Phase.STUCK
                return
            self._open_vote()
            timer = self.c.timer()
            self.timer_left = float(timer) if timer else None
            self.timer_running = bool(timer)
            return
        self.c.advance()
        self._enter()

    def _open_vote(self) -> None:
        """The vote begins; `turn` is kept (a resumed ballot carries on where it stopped)."""
        self.counts = {c.id: 0 for c in self.offered()}
        self.focus = 0
        self.phase = Phase.HANDOVER if self.c.vote_mode == "secret" else Phase.CHOICES

    def leave_stuck(self) -> None:
        """Every choice is hidden: on to the nearest ending."""
        if self.phase == Phase.STUCK:
            self.c.skip_to_ending()
            self._enter()

    # -- voting --

    def open_turn(self) -> None:
        """Secret ballot: the voter has the screen; show them the choices."""
        if self.phase == Phase.HANDOVER:
            self.phase = Phase.CHOICES

    def choose(self, number: int) -> None:
        """Choice `number` (1-based) as the mode takes it: the counsellor's pick, the option
        whose hands are being counted, or the voter's secret vote; at the results, the
        counsellor breaks a tie (only among the tied options) or picks when nobody voted."""
        offered = self.offered()
        if not 1 <= number <= len(offered):
            return
        cid = offered[number - 1].id
        mode = self.c.vote_mode
        if self.phase == Phase.RESULTS:
            if self.can_pick(number):
                tally = self.c.tally()
                self.decided = offered[number - 1]
                self.c.decide(cid, "tie-counsellor" if tally.is_tie else "counsellor")
                self.phase = Phase.DECIDED
            return
        if self.phase != Phase.CHOICES:
            return
        if mode in ("counsellor", "gamepads"):
            self._decide(cid, "counsellor")
        elif mode == "hands":
            self.focus = number - 1  # a number selects; + and − count
        elif mode == "secret":
            voter = self.c.participants[self.turn]
            self.c.vote(voter.id, cid)
            self.last_voter = voter
            self._next_turn()

    def can_pick(self, number: int) -> bool:
        """At the results, may the counsellor pick choice `number`? Only one of the tied
        options after a tie, any option when nobody voted, none when there is a majority."""
        offered = self.offered()
        if self.phase != Phase.RESULTS or not 1 <= number <= len(offered):
            return False
        tally = self.c.tally()
        if tally.winner is not None:
            return False
        return not tally.leaders or offered[number - 1].id in tally.leaders

    def go_on(self) -> None:
        """After "the counsellor chose …" has been seen: on to the next scene."""
        if self.phase == Phase.DECIDED:
            self._enter()

    def move_focus(self, step: int) -> None:
        """Hands up: the choice whose count + and − change."""
        if self.offered():
            self.focus = (self.focus + step) % len(self.offered())

    def add_hands(self, delta: int, index: int | None = None) -> None:
        """Hands up: one more (or fewer) for the choice in focus, or choice `index` (0-based)."""
        if self.phase != Phase.CHOICES or self.c.vote_mode != "hands" or not self.offered():
            return
        if index is not None:
            self.focus = index
        cid = self.offered()[self.focus].id
        self.counts[cid] = max(0, self.counts.get(cid, 0) + delta)

    @property
    def counted(self) -> int:
        """Hands up: all the hands counted so far."""
        return sum(self.counts.values())

    @property
    def present(self) -> int:
        return len(self.c.participants)

    def _next_turn(self) -> None:
        self.turn += 1
        if self.turn >= len(self.c.participants):
            self.show_results()
        else:
            self.phase = Phase.HANDOVER

    def skip_turn(self) -> None:
        """Secret ballot: the voter lets the vote pass."""
        if self.phase in VOTING and self.c.vote_mode == "secret":
            self._next_turn()

    def show_results(self) -> None:
        """Voting is over: hands-up counts are logged and the tally is shown. More hands than
        people present are never taken silently: the counsellor is asked first."""
        if self.phase not in VOTING:
            return
        if self.c.vote_mode == "hands":
            if self.phase == Phase.CHOICES and 0 < self.present < self.counted:
                self.phase = Phase.OVERCOUNT
                return
            self.c.set_counts(self.counts)
        self.phase = Phase.RESULTS

    def accept_overcount(self) -> None:
        """The counsellor says the count is right after all (someone raised both hands …)."""
        if self.phase == Phase.OVERCOUNT:
            self.c.set_counts(self.counts)
            self.phase = Phase.RESULTS

    def fix_counts(self) -> None:
        """Back to counting from the over-count question; the counts are kept to correct."""
        if self.phase == Phase.OVERCOUNT:
            self.phase = Phase.CHOICES

    def confirm(self) -> None:
        """The counsellor confirms the majority (a tie waits for their pick or a new vote)."""
        if self.phase != Phase.RESULTS:
            return
        tally = self.c.tally()
        if tally.winner is not None:
            first = self.c.ballot is not None and self.c.ballot.round == 1
            how: DecisionHow = "majority" if first else "revote-majority"
            self._decide(tally.winner, how)

    def revote(self) -> None:
        """Vote again after more discussion."""
        if self.phase != Phase.RESULTS:
            return
        self.c.revote()
        self.turn = 0
        self._open_vote()

    def _decide(self, cid: str, how: DecisionHow) -> None:
        self.c.decide(cid, how)
        self._enter()

    # -- gamepads --

    def bind_pad(self, instance_id: int, participant: str | None = None) -> str | None:
        """A pad joins: it is `participant`'s, or the first one's without a pad. Returns whose."""
        if instance_id in self.pads:
            return self.pads[instance_id]
        if participant is None:
            taken = set(self.pads.values())
            participant = next((p.id for p in self.c.participants if p.id not in taken), None)
        if participant is not None:
            self.pads[instance_id] = participant
        return participant

    def unbind_pad(self, instance_id: int) -> str | None:
        """A pad was unplugged: whose it was. Voting ends if everyone left has voted."""
        pid = self.pads.pop(instance_id, None)
        if self.phase == Phase.CHOICES and self.c.vote_mode == "gamepads":
            self._maybe_all_pads_voted()
        return pid

    def pad_move(self, instance_id: int, step: int) -> None:
        """The pad's cursor among the choices (the D-pad)."""
        if self.phase == Phase.CHOICES and self.offered():
            cur = self.pad_cursor.get(instance_id, -1)
            self.pad_cursor[instance_id] = (cur + step) % len(self.offered())

    def pad_button(self, instance_id: int, button: int) -> bool:
        """A pad's button: a vote (gamepads mode), a choice, or "continue" (A or Start).
        Returns True when it means "continue" in a phase where the view moves the lines."""
        pid = self.bind_pad(instance_id)
        offered = self.offered()
        if self.phase == Phase.CHOICES and self.c.vote_mode == "gamepads":
            if pid and offered:
                cursor = self.pad_cursor.get(instance_id)
                n = (cursor + 1) if (button == 0 and cursor is not None) else button + 1
                if 1 <= n <= len(offered) and button < PAD_CHOICE_BUTTONS:
                    self.c.vote(pid, offered[n - 1].id)
                    self._maybe_all_pads_voted()
            return False
        return self._counsellor_pad(button)

    def _counsellor_pad(self, button: int) -> bool:
        """The counsellor's pad outside a gamepad vote: A (0) continues, shows the result or
        accepts; B (1) skips a turn or goes back to the counts; Y (3) votes again; Start (7)
        as A. Choosing: buttons 0–3 in the counsellor's and secret modes; hands up counts with
        the D-pad (see `pad_hat`)."""
        phase = self.phase
        if phase == Phase.CHOICES and self.c.vote_mode != "hands" and \
                button < PAD_CHOICE_BUTTONS:
            self.choose(button + 1)
            return False
        if phase == Phase.RESULTS and self.c.tally().winner is None and \
                button < PAD_CHOICE_BUTTONS:
            if button == 3 or not self.can_pick(button + 1):
                if button == 3:
                    self.revote()
                return False
            self.choose(button + 1)
            return False
        if phase == Phase.HANDOVER and button == 1:
            self.skip_turn()
            return False
        if phase == Phase.OVERCOUNT and button == 1:
            self.fix_counts()
            return False
        if phase == Phase.RESULTS and button == 3:
            self.revote()
            return False
        if button in (0, 7):  # A or Start continues
            if phase == Phase.RESULTS:
                self.confirm()
            elif phase == Phase.HANDOVER:
                self.open_turn()
            elif phase == Phase.CHOICES and self.c.vote_mode == "hands":
                self.show_results()
            elif phase == Phase.OVERCOUNT:
                self.accept_overcount()
            elif phase == Phase.DECIDED:
                self.go_on()
            else:
                return True
        return False

    def pad_hat(self, instance_id: int, x: int, y: int) -> None:
        """The D-pad: a voter's cursor in a gamepad vote; in hands up, up/down pick the option
        and right/left count one more or one fewer."""
        if self.phase == Phase.CHOICES and self.c.vote_mode == "hands":
            if y:
                self.move_focus(-y)
            elif x:
                self.add_hands(x)
            return
        self.bind_pad(instance_id)
        self.pad_move(instance_id, -y or x)

    def _maybe_all_pads_voted(self) -> None:
        bound = self.bound_voters()
        if bound and bound <= self.c.voters_done():
            self.show_results()

    # -- the counsellor --

    def action(self, kind: CounsellorActionKind, detail: str = "") -> None:
        self.c.action(kind, detail)

    def back(self) -> bool:
        """One step back; False when there is nothing to go back to."""
        if not self.c.can_go_back():
            return False
        self.c.back()
        self._enter()
        return True

    def skip(self) -> bool:
        """Straight to the nearest ending; False when the story has ended already."""
        if self.c.ended:
            return False
        self.c.skip_to_ending()
        self._enter()
        return True

    def extend_timer(self) -> None:
        if self.timer_left is not None or self.phase in VOTING:
            self.timer_left = (self.timer_left or 0) + TIMER_EXTEND
            self.timer_running = True
            self.c.action("timer-extend", str(TIMER_EXTEND))

    def stop_timer(self) -> None:
        if self.timer_left is not None:
            self.timer_left = None
            self.timer_running = False
            self.c.action("timer-stop")

    def timer_ticking(self) -> bool:
        return self.timer_running and self.timer_left is not None and self.timer_left > 0

    def tick(self, dt: float) -> bool:
        """Time passes; True when the whole seconds shown changed. The timer never forces
        anything: at zero it only says so."""
        if not self.timer_ticking():
            return False
        assert self.timer_left is not None
        before = int(self.timer_left)
        self.timer_left = max(0.0, self.timer_left - dt)
        return int(self.timer_left) != before

    def restart_scene(self) -> None:
        """The story was reloaded (watch mode) and the controller moved: begin the scene."""
        self._enter()

    def continue_ballot(self) -> None:
        """A resumed secret ballot: the turn of the first who has not voted yet; when all
        had voted, the last one confirms their vote again."""
        ballot = self.c.ballot
        people = self.c.participants
        if self.c.vote_mode != "secret" or ballot is None or not people:
            return
        turn = 0
        while turn < len(people) and people[turn].id in ballot.votes:
            turn += 1
        if turn >= len(people):
            turn = len(people) - 1
            ballot.votes.pop(people[turn].id, None)
        self.turn = turn
