"""Simulated groups: demo data, rehearsal and load through the game's own code path.

A simulated session is played by the same pieces as a real one: the story `Runtime`, the
`PlayController` (votes, decisions, counsellor actions), the `SessionRecorder` and the durable
`SessionLog` of a `SessionStore`. Only the people are made up. Their nicknames come from a
fixed list of animal and nature words; each has leanings (which domains their votes favour),
some unpredictability, a liking for the first option, an attendance rate, ratings of the
story's domains that drift gently over the sessions, and a mood for the feedback. Everything
random comes from `random.Random` objects made from the seed (the run's choices, new ids) or
from a participant's id (their traits), never from the global generator, so a seed replays
exactly; with `start` the clock is simulated too and two runs write byte-identical logs.

`Simulation.steps()` is the whole run as the front end's steps (read a scene, a participant
votes, the counsellor confirms the result, …). `Simulation.run()` carries them out on the
play controller at once, with no window; `facilitator.simulation.show` carries the same steps
out on the game's play screen at reading pace, so both log the same events.

Simulated groups are marked (`Group.simulated`), and so is every simulated session
(`session_started.simulated`): reports can label them as demo data. A real group never gets
simulated sessions: their ratings would show up as the earlier ratings of real people.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal, Protocol

from game.constants import VOTE_MODES
from game.play.controller import Participant as Player
from game.play.controller import PlayController
from game.play.events import DecisionHow, Happened, Listener, VoteMode
from game.play.vote import Tally
from game.story.loader import LoadedStory
from game.story.runtime import OfferedChoice, Runtime, ShownLine, StoryState
from game.story.text import fallback_chain

from .. import paths
from .._time import Clock, iso, utc_now
from ..errors import FacilitatorError, InvalidInput, NotFound
from ..groups import Group, GroupStore, Participant
from ..sessions import ActiveSession, SessionStore, SessionSummary

# Playful nicknames, never anything that looks like a real name.
NICKNAMES: tuple[str, ...] = (
    "Kettu", "Ilves", "Saukko", "Orava", "Siili", "Majava", "Kurki", "Pöllö", "Mustikka",
    "Kanerva", "Sammal", "Tunturi", "Lumikko", "Tikka", "Puolukka", "Kuikka", "Varis", "Näätä",
)
# One-word feedback, by the face it goes with (low, middle, high), in the interface language.
WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "fi": (("väsyttävä", "tylsä", "raskas"), ("ihan-ok", "outo", "erilainen"),
           ("kiva", "hauska", "mukava", "rento", "jännä", "hyödyllinen")),
    "sv": (("tröttsamt", "tråkigt", "tungt"), ("okej", "annorlunda", "konstigt"),
           ("kul", "roligt", "trevligt", "skönt", "spännande", "nyttigt")),
    "en": (("tiring", "boring", "heavy"), ("okay", "different", "strange"),
           ("fun", "nice", "relaxed", "exciting", "useful")),
}
MIN_PARTICIPANTS = 2
MAX_PARTICIPANTS = 8
REFLECTION = "private"

# How often the counsellor does something at a choice point, and how often a tie is voted
# again rather than decided.
P_PAUSE = 0.02
P_BACK = 0.02
P_SKIP = 0.004
P_REVOTE = 0.3

Writer = Literal["sync", "thread"]


# --- the steps of play ----------------------------------------------------------------------


@dataclass(frozen=True)
class Begin:
    """A session has started; `controller` is where the story stands."""

    session: ActiveSession
    controller: PlayController
    story: LoadedStory
    language: str
    players: tuple[Player, ...]
    index: int  # 0-based, within this run
    total: int


@dataclass(frozen=True)
class Read:
    """The group reads the scene; `advance`: it has a `goto`, so the story moves on after."""

    state: StoryState
    lines: tuple[ShownLine, ...]
    advance: bool


@dataclass(frozen=True)
class Stuck:
    """A choice scene with every choice hidden: on to the nearest ending."""

    state: StoryState


@dataclass(frozen=True)
class Pause:
    """The counsellor pauses: the screen hides the story until `Resume`."""

    state: StoryState


@dataclass(frozen=True)
class Resume:
    state: StoryState


@dataclass(frozen=True)
class Back:
    state: StoryState


@dataclass(frozen=True)
class SkipToEnding:
    state: StoryState


@dataclass(frozen=True)
class Vote:
    """One participant's vote (secret ballot, gamepads); `choice` None: they let it pass."""

    participant: str
    choice: OfferedChoice | None
    turn: int


@dataclass(frozen=True)
class Counts:
    """The hands-up counts the counsellor enters (choice id → hands, in offered order)."""

    counts: dict[str, int]
    offered: tuple[OfferedChoice, ...]


@dataclass(frozen=True)
class ShowResults:
    """Everyone has voted (or let it pass): the bars are shown."""


@dataclass(frozen=True)
class Confirm:
    """The counsellor confirms the majority."""

    state: StoryState
    how: DecisionHow


@dataclass(frozen=True)
class Pick:
    """The counsellor decides: a tie, no votes, or the 'counsellor decides' mode."""

    state: StoryState
    choice: OfferedChoice
    how: DecisionHow


@dataclass(frozen=True)
class Revote:
    state: StoryState
    round: int  # the round that ends


@dataclass(frozen=True)
class Finish:
    """The group has seen the ending and goes on to the reflection."""

    state: StoryState


@dataclass(frozen=True)
class Reflect:
    """One participant has rated the story's domains (privately: only that it is done)."""

    nickname: str


@dataclass(frozen=True)
class Feedback:
    nickname: str


@dataclass(frozen=True)
class Ended:
    summary: SessionSummary


Step = (
    Begin | Read | Stuck | Pause | Resume | Back | SkipToEnding | Vote | Counts | ShowResults
    | Confirm | Pick | Revote | Finish | Reflect | Feedback | Ended
)


# --- what a run is given and what it returns -----------------------------------------------


@dataclass(frozen=True)
class SimOptions:
    stories: tuple[LoadedStory, ...]  # played in turn, one a session
    group: str  # the group's name
    participants: int = 6
    sessions: int = 20
    seed: int = 7
    vote_mode: VoteMode = "secret"
    language: str | None = None  # the stories' language (default: each one's first)

    def check(self) -> None:
        """InvalidInput with a code the command line translates (`sim-…`)."""
        if not self.stories:
            raise InvalidInput("sim-no-stories", "no stories to play")
        if not MIN_PARTICIPANTS <= self.participants <= MAX_PARTICIPANTS:
            raise InvalidInput(
                "sim-participants", f"participants must be {MIN_PARTICIPANTS}–{MAX_PARTICIPANTS}",
                low=MIN_PARTICIPANTS, high=MAX_PARTICIPANTS,
            )
        if self.sessions < 1:
            raise InvalidInput("sim-sessions", "at least one session")
        if self.vote_mode not in VOTE_MODES:
            raise InvalidInput("vote-mode", f"unknown vote mode {self.vote_mode!r}")


@dataclass
class SimResult:
    group: Group | None = None
    sessions: list[str] = field(default_factory=list)  # ids of the sessions played to the end
    events: int = 0  # events logged (every one durable)
    seconds: float = 0.0  # wall-clock time of the run
    interrupted: str | None = None  # a session stopped part-way (window closed, Ctrl-C)


class Tracer(Protocol):
    """Told about every event the moment it is durable (`--trace`, the crash tests)."""

    def started(self, session_id: str) -> None: ...

    def durable(self, session_id: str, seq: int) -> None: ...

    def finished(self, session_id: str) -> None: ...


# --- time ------------------------------------------------------------------------------------


class SimTime:
    """The simulation's sense of time.

    `monotonic()` (the play controller's clock, behind `decision_made.seconds`) is always
    simulated: seconds of reading, discussing and voting, however fast the run goes. `now()`
    (the times in the log) is the wall clock, or, with `start`, simulated as well: the run's
    k-th session (counting from 0) begins k weeks after `start`, so the first new session is
    on that day whatever the group played before, and its events follow the simulated seconds.
    """

    def __init__(self, start: datetime | None, wall: Clock = utc_now) -> None:
        self.start = start
        self.wall = wall
        self.elapsed = 0.0
        self._base = start

    def begin_session(self, index: int) -> None:
        self.elapsed = 0.0
        if self.start is not None:
            self._base = self.start + timedelta(weeks=index)

    def advance(self, seconds: float) -> None:
        self.elapsed += max(0.0, seconds)

    def monotonic(self) -> float:
        return round(self.elapsed, 3)

    def now(self) -> datetime:
        if self._base is None:
            return self.wall()
        return self._base + timedelta(seconds=round(self.elapsed, 3))


def reading_seconds(lines: Sequence[ShownLine]) -> float:
    """How long a group takes to read lines aloud together. No random numbers here: the play
    screen runs past a scene without lines by itself, and the run must draw the same numbers
    with a window as without."""
    return sum(2.0 + len(line.text) / 15 for line in lines)


# --- people -----------------------------------------------------------------------------------


@dataclass
class Person:
    """A simulated participant's ways. They come from the participant's id, so a person keeps
    their leanings and the line of their ratings from one run to the next (the ids of a new
    group come from the run's seed). Domain traits are made on first use."""

    participant: Participant
    attendance: float
    first_bias: float  # liking for the first option
    noise: float  # how unpredictable their vote is
    pass_vote: float  # chance of letting a vote pass
    skip_rating: float
    mood: float  # their usual face, 1–5
    talkative: float  # chance of adding a word to the feedback
    _leaning: dict[str, float] = field(default_factory=dict)
    _rating: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.participant.id

    @property
    def nickname(self) -> str:
        return self.participant.nickname

    @classmethod
    def make(cls, participant: Participant) -> Person:
        rng = random.Random(f"person:{participant.id}")
        return cls(
            participant=participant,
            attendance=rng.uniform(0.72, 0.97),
            first_bias=rng.uniform(0.0, 0.5),
            noise=rng.uniform(0.4, 1.2),
            pass_vote=rng.uniform(0.0, 0.05),
            skip_rating=rng.uniform(0.02, 0.12),
            mood=rng.uniform(2.8, 4.6),
            talkative=rng.uniform(0.1, 0.5),
        )

    def _traits(self, domain: str) -> random.Random:
        return random.Random(f"domain:{self.id}:{domain}")

    def leaning(self, domain: str) -> float:
        value = self._leaning.get(domain)
        if value is None:
            value = self._leaning[domain] = self._traits(domain).gauss(0.0, 1.0)
        return value

    def rating_line(self, domain: str) -> tuple[float, float]:
        """(where they start, how much it moves per session): mostly gently upwards."""
        line = self._rating.get(domain)
        if line is None:
            rng = self._traits(domain)
            rng.random()  # the leaning's draw
            line = self._rating[domain] = (rng.uniform(2.0, 7.5), rng.uniform(-0.08, 0.3))
        return line

    def utility(self, choice: OfferedChoice, shared: float, rng: random.Random) -> float:
        domains = choice.domains
        lean = sum(self.leaning(d) for d in domains) / math.sqrt(len(domains)) if domains else 0
        gumbel = -math.log(-math.log(rng.random() or 1e-12) or 1e-12)
        first = self.first_bias if choice.number == 1 else 0.0
        return 0.6 * lean + shared + first + self.noise * gumbel


def story_language(story: LoadedStory, wanted: str | None) -> str:
    """`wanted` if the story has it (or its base language), else the story's first."""
    languages = story.story.languages
    if not wanted:
        return story.story.default_language
    if wanted in languages:
        return wanted
    base = wanted.split("-", 1)[0]
    return base if base in languages else story.story.default_language


def _interface(lang: str) -> str:
    return next((c for c in fallback_chain(lang, "en") if c in WORDS), "en")


# --- the simulation -----------------------------------------------------------------------------


class Simulation:
    """One simulated run: a group, its people, and `options.sessions` sessions.

    `root`: the data folder (default: `paths.data_dir()`, i.e. `PORUKKA_DATA_DIR` or the
    platform's). `start`: date the sessions on simulated time, one a week from then (default:
    the wall clock, `clock`). `writer`: "thread" writes through the log's writer thread in
    batches (the faster for bulk, and what the game does), "sync" makes one durable write per
    event. `tracer` hears of every durable event.
    """

    def __init__(
        self,
        options: SimOptions,
        *,
        root: Path | None = None,
        start: datetime | None = None,
        clock: Clock = utc_now,
        writer: Writer = "thread",
        tracer: Tracer | None = None,
    ) -> None:
        options.check()
        self.options = options
        self.rng = random.Random(options.seed)
        self._ids = random.Random(f"ids:{options.seed}:{options.group}")
        self.time = SimTime(start, clock)
        self.writer = writer
        self.tracer = tracer
        root = paths.private_dir(root) if root is not None else paths.data_dir()
        groups = GroupStore(paths.groups_path(root), clock=self.time.now, make_id=self._new_id)
        self.store = SessionStore(
            root, groups=groups, clock=self.time.now, make_session_id=self._new_session_id
        )
        self.result = SimResult()
        self.current: ActiveSession | None = None
        self._stop_session = False
        self._runtimes: dict[tuple[str, str, str], Runtime] = {}
        # The group first (a bad name or a real group fails here, before anything plays).
        self.group, self.people = self._group()
        self.result.group = self.group
        self._earlier = len(self.store.list_sessions(group=self.group.id))

    # -- ids that a seed repeats --

    def _new_id(self, prefix: str) -> str:
        while True:  # called once the store exists: by create_group and add_participant
            new = f"{prefix}{self._ids.getrandbits(48):012x}"
            if not _taken(self.store.groups, new):
                return new

    def _new_session_id(self, now: datetime) -> str:
        stamp = iso(now)[:19].replace("-", "").replace(":", "")
        while True:
            sid = f"{stamp}Z-{self._ids.getrandbits(24):06x}"
            if not (self.store.folder / f"{sid}.json").exists():
                return sid

    # -- the group --

    def _group(self) -> tuple[Group, list[Person]]:
        groups = self.store.groups
        name = self.options.group
        group = groups.find_group(name)
        if group is None:
            group = groups.create_group(name, simulated=True)
        elif not group.simulated:
            raise InvalidInput(
                "sim-real-group", f"{group.name} is a real group; simulate into another one",
                name=group.name,
            )
        people = groups.participants(group.id)
        taken = {p.nickname.casefold() for p in groups.participants(group.id, include_left=True)}
        names = [n for n in self.rng.sample(NICKNAMES, len(NICKNAMES)) if n.casefold() not in taken]
        while len(people) < self.options.participants:
            people.append(groups.add_participant(group.id, names.pop(0)))
        chosen = people[: self.options.participants]
        return group, [Person.make(p) for p in chosen]

    def _runtime(self, story: LoadedStory, lang: str) -> Runtime:
        key = (story.story.id, story.content_hash, lang)
        runtime = self._runtimes.get(key)
        if runtime is None:
            runtime = self._runtimes[key] = Runtime(
                story.story, lang, story_hash=story.content_hash
            )
        return runtime

    # -- the run as steps --

    def end_session_early(self) -> None:
        """The counsellor ended the session from the play screen (`--show`): its remaining
        play steps are left out, the reflection and feedback follow."""
        self._stop_session = True

    @property
    def session_stopped(self) -> bool:
        return self._stop_session

    def steps(self) -> Generator[Step, None, None]:
        """Every step of the run in order; closing the iterator part-way ends the open
        session as interrupted."""
        started = time.perf_counter()
        try:
            for index in range(self.options.sessions):
                yield from self._session(self.group, self.people, index, self._earlier + index)
        finally:
            self.result.seconds += time.perf_counter() - started
            self.close()

    def close(self) -> None:
        """End an open session as interrupted (the run was stopped)."""
        session, self.current = self.current, None
        if session is not None:
            self.result.interrupted = session.id
            try:
                session.end("interrupted")
            except FacilitatorError:  # e.g. the writer already stopped as Python exits
                return  # what is stored stays, and the session is offered for resuming
            self._count(session)

    def _count(self, session: ActiveSession) -> None:
        self.result.events += session.log.last_seq
        if self.tracer is not None:
            if self.writer == "sync":
                self.tracer.durable(session.id, session.log.last_seq)
            self.tracer.finished(session.id)

    def _present(self, people: list[Person]) -> list[Person]:
        here = [p for p in people if self.rng.random() < p.attendance]
        while len(here) < MIN_PARTICIPANTS:
            here.append(self.rng.choice([p for p in people if p not in here]))
        order = {p.id: i for i, p in enumerate(people)}
        return sorted(here, key=lambda p: order[p.id])

    def _listener(self, session: ActiveSession) -> Listener:
        recorder = session.recorder
        tracer = self.tracer
        if tracer is None or self.writer != "sync":
            return recorder

        def listener(happened: Happened) -> None:
            recorder(happened)  # one durable write after another: numbers in a row
            for seq, _event in recorder.logged:
                tracer.durable(session.id, seq)

        return listener

    def _logged(self, session: ActiveSession, seq: int) -> None:
        if self.tracer is not None and self.writer == "sync":
            self.tracer.durable(session.id, seq)

    def _session(
        self, group: Group, people: list[Person], index: int, nth: int
    ) -> Iterator[Step]:
        options = self.options
        rng = self.rng
        story = options.stories[index % len(options.stories)]
        lang = story_language(story, options.language)
        present = self._present(people)
        self.time.begin_session(index)
        tracer = self.tracer
        on_durable = None
        if tracer is not None and self.writer == "thread":
            box: list[str] = []
            on_durable = lambda seq: tracer.durable(box[0], seq)  # noqa: E731
        session = self.store.start(
            group.id, [p.id for p in present], story, vote_mode=options.vote_mode,
            reflection=REFLECTION, language=lang, background=self.writer == "thread",
            on_durable=on_durable, simulated=True,
        )
        self.current = session
        if tracer is not None:
            if on_durable is not None:
                box.append(session.id)
            tracer.started(session.id)
            tracer.durable(session.id, 1)
        self._stop_session = False
        players = tuple(
            Player(p.id, p.nickname, p.participant.colour, p.participant.shape) for p in present
        )
        controller = PlayController(
            self._runtime(story, lang), options.vote_mode, list(players),
            self._listener(session), clock=self.time.monotonic,
        )
        yield Begin(session, controller, story, lang, players, index, options.sessions)
        yield from self._play(controller, present)
        for person in present:
            for domain in story.story.domain_ids():
                self.time.advance(rng.uniform(4, 12))
                self._logged(session, session.rate(person.id, domain, self._rating(
                    person, domain, nth)))
            yield Reflect(person.nickname)
        for person in present:
            self.time.advance(rng.uniform(5, 15))
            face, word = self._feedback(person, lang)
            self._logged(session, session.give_feedback(person.id, face, word))
            yield Feedback(person.nickname)
        self.time.advance(rng.uniform(10, 60))
        self.current = None
        summary = session.end("finished")
        self._count(session)
        self.result.sessions.append(session.id)
        yield Ended(summary)

    def _play(self, c: PlayController, present: list[Person]) -> Iterator[Step]:
        rng = self.rng
        backs = decisions = 0
        while not self._stop_session:
            state = c.state
            lines = tuple(c.lines())
            self.time.advance(reading_seconds(lines))
            if c.ended:
                yield Read(state, lines, advance=False)
                if not self._stop_session:
                    yield Finish(c.state)
                return
            if not c.is_choice_point():
                yield Read(state, lines, advance=True)
                continue
            yield Read(state, lines, advance=False)
            if self._stop_session:
                return
            if c.is_stuck():
                yield Stuck(state)
                continue
            if rng.random() < P_PAUSE:
                yield Pause(state)
                self.time.advance(rng.uniform(60, 300))
                yield Resume(state)
            if backs == 0 and c.can_go_back() and rng.random() < P_BACK:
                backs += 1
                yield Back(state)
                continue
            if decisions >= 3 and rng.random() < P_SKIP:
                yield SkipToEnding(state)
                continue
            yield from self._ballot(c, present)
            decisions += 1

    def _ballot(self, c: PlayController, present: list[Person]) -> Iterator[Step]:
        rng = self.rng
        offered = c.offered()
        shared = {o.id: rng.gauss(0.0, 0.7) for o in offered}
        self.time.advance(rng.uniform(20, 120))  # discussion
        if c.vote_mode == "counsellor":
            prefs = {p.id: self._prefer(p, offered, shared, ()) for p in present}
            tally = Tally.of_votes([o.id for o in offered], prefs)
            chosen = tally.winner or rng.choice(tally.leaders)
            yield Pick(c.state, _by_id(offered, chosen), "counsellor")
            return
        leaders: tuple[str, ...] = ()
        for rnd in (1, 2):
            if c.vote_mode == "hands":
                counts = {o.id: 0 for o in offered}
                for p in present:
                    if rng.random() >= p.pass_vote:
                        counts[self._prefer(p, offered, shared, leaders)] += 1
                self.time.advance(rng.uniform(8, 20))
                yield Counts(counts, tuple(offered))
            else:
                order = list(present)
                if c.vote_mode == "gamepads":
                    rng.shuffle(order)
                for turn, p in enumerate(order):
                    choice = None
                    if rng.random() >= p.pass_vote:
                        choice = _by_id(offered, self._prefer(p, offered, shared, leaders))
                    self.time.advance(rng.uniform(3, 10))
                    yield Vote(p.id, choice, turn)
            yield ShowResults()
            tally = c.tally()
            self.time.advance(rng.uniform(3, 8))
            if tally.winner is not None:
                yield Confirm(c.state, "majority" if rnd == 1 else "revote-majority")
                return
            if tally.is_tie and rnd == 1 and rng.random() < P_REVOTE:
                self.time.advance(rng.uniform(30, 90))  # more discussion
                leaders = tuple(tally.leaders)
                yield Revote(c.state, rnd)
                continue
            pool = tally.leaders or [max(offered, key=lambda o: shared[o.id]).id]
            chosen = rng.choice(pool)
            yield Pick(c.state, _by_id(offered, chosen),
                       "tie-counsellor" if tally.is_tie else "counsellor")
            return

    def _prefer(
        self, person: Person, offered: list[OfferedChoice], shared: dict[str, float],
        leaders: tuple[str, ...],
    ) -> str:
        def score(o: OfferedChoice) -> float:
            bonus = 1.5 if o.id in leaders else 0.0  # after more talk, the leaders pull
            return person.utility(o, shared[o.id], self.rng) + bonus

        return max(offered, key=score).id

    def _rating(self, person: Person, domain: str, nth: int) -> int | None:
        if self.rng.random() < person.skip_rating:
            return None
        start, slope = person.rating_line(domain)
        target = min(9.5, max(0.5, start + slope * nth))
        return int(min(10, max(0, round(target + self.rng.gauss(0.0, 0.8)))))

    def _feedback(self, person: Person, lang: str) -> tuple[int | None, str | None]:
        rng = self.rng
        if rng.random() < 0.05:
            return None, None
        face = int(min(5, max(1, round(person.mood + rng.gauss(0.0, 0.8)))))
        word = None
        if rng.random() < person.talkative:
            low, middle, high = WORDS[_interface(lang)]
            word = rng.choice(low if face <= 2 else middle if face == 3 else high)
        return face, word

    # -- without a window --

    def run(self, on_session: Callable[[SessionSummary], None] | None = None) -> SimResult:
        """Play every session at once, no window: each step is done as the play screen
        would do it. `on_session` hears of each finished session."""
        steps = self.steps()
        play = Headless()
        try:
            for step in steps:
                play(step)
                if on_session is not None and isinstance(step, Ended):
                    on_session(step.summary)
        finally:
            steps.close()
        return self.result


def _taken(groups: GroupStore, some_id: str) -> bool:
    try:
        if some_id.startswith("g-"):
            groups.group(some_id)
        else:
            groups.participant(some_id)
    except NotFound:
        return False
    return True


def _by_id(offered: Sequence[OfferedChoice], choice_id: str) -> OfferedChoice:
    return next(o for o in offered if o.id == choice_id)


class Headless:
    """Does each step on the play controller exactly as the play screen would (no window)."""

    def __init__(self) -> None:
        self.controller: PlayController | None = None

    def __call__(self, step: Step) -> None:
        if isinstance(step, Begin):
            self.controller = step.controller
            return
        c = self.controller
        if c is None:
            return
        if isinstance(step, Read):
            if step.advance:
                c.advance()
        elif isinstance(step, (Stuck, SkipToEnding)):
            c.skip_to_ending()
        elif isinstance(step, Pause):
            c.action("pause")
        elif isinstance(step, Resume):
            c.action("resume")
        elif isinstance(step, Back):
            c.back()
        elif isinstance(step, Vote):
            if step.choice is not None:
                c.vote(step.participant, step.choice.id)
        elif isinstance(step, Counts):
            c.set_counts(dict(step.counts))
        elif isinstance(step, Confirm):
            winner = c.tally().winner
            assert winner is not None
            c.decide(winner, step.how)
        elif isinstance(step, Pick):
            c.decide(step.choice.id, step.how)
        elif isinstance(step, Revote):
            c.revote()
        elif isinstance(step, Ended):
            self.controller = None


def builtin_stories() -> tuple[LoadedStory, ...]:
    """Every built-in story, in the order of their folders."""
    from game.resources import builtin_stories_dir
    from game.story.loader import find_story_files, load_story

    return tuple(load_story(f) for f in find_story_files(builtin_stories_dir()))
