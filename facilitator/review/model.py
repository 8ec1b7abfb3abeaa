"""The report model: pure functions from a session's events to what a report shows.

Nothing here reads a file, draws a chart or picks a language: `session_report` and
`group_report` take the records of the log (`records.Record`, each with its typed payload)
and what the groups file says about the people, and return plain values that `render` turns
into HTML. So the rules of a report (what counts as a tie, what is suppressed) are tested on
hand-built event lists.

Privacy rule: a figure that sums up the answers of several people (an average of the
feedback faces, a distribution, ratings pooled over people) is shown only when at least
`MIN_PEOPLE` people answered; otherwise it is `Aggregate.suppressed` and the report says why.
What is one person's own (their ratings beside their earlier ones, their face and word) is
shown by nickname: the worker knows the group. The vote counts of a decision are what the
group saw on its shared screen and are shown as such; who voted for what is never shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from game.play.events import CounsellorActionKind, DecisionHow, VoteMode
from game.play.vote import divided

from .._time import parse_time
from ..log.records import (
    ChoicesOfferedData,
    CounsellorActionData,
    DecisionMadeData,
    EndingReachedData,
    FeedbackData,
    Record,
    ReflectionPrivacy,
    ReflectionRatingData,
    SceneEnteredData,
    SessionEndedData,
    SessionStartedData,
    SkippedToEndingData,
    last_of,
    payloads,
    resume_count,
)
from ..log.undone import undone_decisions

MIN_PEOPLE = 5

Status = Literal["finished", "ended-early", "interrupted", "in-progress"]
ACTIONS_SHOWN: tuple[CounsellorActionKind, ...] = (
    "pause", "resume", "back", "skip-to-ending", "revote", "timer-extend", "timer-stop",
    "end-session",
)


# --- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """A participant as the report shows them: nickname, colour and shape."""

    id: str
    nickname: str
    colour: str = "#999999"
    shape: str = "circle"
    joined: datetime | None = None
    left: datetime | None = None
    active: bool = True

    def member_at(self, moment: datetime) -> bool:
        """Whether they belonged to the group at `moment` (to tell "absent" from "not yet")."""
        if self.joined is not None and self.joined > moment:
            return False
        return self.left is None or self.left > moment


@dataclass(frozen=True)
class EarlierRating:
    session: str
    time: datetime
    value: int


# --- pieces of a report ----------------------------------------------------------------------


@dataclass(frozen=True)
class Aggregate:
    """A figure over several people's answers: `value` is None when fewer than MIN_PEOPLE
    answered (suppressed), and then only `n` is shown, never the figure."""

    n: int
    value: float | None
    counts: tuple[int, ...] = ()  # a distribution (e.g. faces 1–5), empty when suppressed

    @property
    def suppressed(self) -> bool:
        return self.value is None


def too_few(n: int) -> bool:
    """The one suppression rule of group-level views: a figure, tally or distribution about
    fewer than MIN_PEOPLE people is left out (and the view says why)."""
    return n < MIN_PEOPLE


def aggregate(values: Sequence[float], *, bins: Sequence[int] = ()) -> Aggregate:
    n = len(values)
    if too_few(n):
        return Aggregate(n, None)
    counts = tuple(sum(1 for v in values if v == b) for b in bins)
    return Aggregate(n, sum(values) / n, counts)


@dataclass(frozen=True)
class Option:
    id: str
    number: int
    text: str
    domains: tuple[str, ...]
    votes: int
    chosen: bool


@dataclass(frozen=True)
class Decision:
    seq: int
    scene: str
    at: float  # seconds from the start of the session
    prompt: str | None
    options: tuple[Option, ...]
    choice: str
    how: DecisionHow
    seconds: float
    split: bool  # as logged: not unanimous (kept for old readers; reports use `divided`)
    tie: bool
    revotes: int
    domains: tuple[str, ...]
    undone: bool = False  # a "back one step" took it back; the group decided again

    @property
    def divided(self) -> bool:
        """The vote was close, by the one rule the game shares (`game.play.vote.divided`)."""
        return divided(o.votes for o in self.options)

    @property
    def margin(self) -> tuple[int, float]:
        """How close the vote was (smaller first): the gap between the two largest counts and
        the winner's share, to put the most divided decisions first."""
        votes = sorted((o.votes for o in self.options), reverse=True) + [0, 0]
        total = self.total_votes or 1
        return votes[0] - votes[1], votes[0] / total

    @property
    def total_votes(self) -> int:
        return sum(o.votes for o in self.options)

    @property
    def has_votes(self) -> bool:
        return self.total_votes > 0

    @property
    def point_for_discussion(self) -> bool:
        return (self.tie or self.divided) and not self.undone

    @property
    def chosen(self) -> Option | None:
        return next((o for o in self.options if o.chosen), None)


@dataclass(frozen=True)
class Action:
    seq: int
    at: float
    scene: str | None
    action: CounsellorActionKind
    detail: str


@dataclass(frozen=True)
class Step:
    """One entry of the timeline: a scene entered, a decision, an action, the ending."""

    kind: Literal["scene", "decision", "action", "skip", "ending", "reflection"]
    at: float
    scene: str | None
    text: str = ""
    detail: str = ""
    seq: int = 0
    undone: bool = False  # a decision that a "back one step" took back


@dataclass(frozen=True)
class Rating:
    domain: str
    value: int | None  # None: skipped
    earlier: tuple[int, ...] = ()  # the same person's earlier ratings, oldest first

    @property
    def skipped(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Reflection:
    person: Person
    ratings: tuple[Rating, ...]

    @property
    def all_skipped(self) -> bool:
        return all(r.skipped for r in self.ratings)


@dataclass(frozen=True)
class Feedback:
    person: Person
    face: int | None  # 1–5, None: skipped
    word: str | None


@dataclass(frozen=True)
class Ending:
    scene: str
    title: str
    mood: str


@dataclass(frozen=True)
class SessionReport:
    id: str
    group: str
    story_id: str
    story_title: str
    story_hash: str | None
    language: str
    vote_mode: VoteMode
    reflection_mode: ReflectionPrivacy
    started: datetime
    last_event: datetime
    ended: datetime | None
    status: Status
    simulated: bool
    present: tuple[Person, ...]
    absent: tuple[Person, ...]
    path: tuple[str, ...]  # scenes in the order entered
    timeline: tuple[Step, ...]
    decisions: tuple[Decision, ...]
    actions: tuple[Action, ...]
    ending: Ending | None
    skipped_to_ending: bool
    mirror: tuple[tuple[str, int], ...]  # domain, how many decisions drew on it
    domains: tuple[str, ...]  # the reflection domains, in the story's order
    reflections: tuple[Reflection, ...]
    not_rated: tuple[Person, ...]  # present, but no rating logged
    feedback: tuple[Feedback, ...]
    no_feedback: tuple[Person, ...]
    feedback_summary: Aggregate
    resumed: int = 0  # times carried on after an interruption

    @property
    def duration(self) -> timedelta:
        return (self.ended or self.last_event) - self.started

    @property
    def points_for_discussion(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.point_for_discussion)


# --- the session report ----------------------------------------------------------------------


def _unknown(pid: str) -> Person:
    return Person(id=pid, nickname="?")


def _started(records: Sequence[Record]) -> tuple[Record, SessionStartedData]:
    first = records[0] if records else None
    if first is None or not isinstance(first.payload, SessionStartedData):
        raise ValueError("a session's records start with session_started")
    return first, first.payload


def session_status(records: Sequence[Record], *, open_now: bool = False) -> Status:
    ended = last_of(records, SessionEndedData)
    if ended is not None:
        return ended[1].status
    return "in-progress" if open_now else "interrupted"


def is_simulated(records: Sequence[Record]) -> bool:
    """Simulated demo data carries `simulated: true` in session_started; missing means real."""
    first = records[0].payload if records else None
    return isinstance(first, SessionStartedData) and first.simulated


# Payloads that are neither a step, a decision nor an action (checked by exact type: a
# payload model's isinstance goes through the ABC machinery, and a report asks thousands).
_NOT_STEPS = frozenset({ReflectionRatingData, FeedbackData, SessionStartedData,
                        SessionEndedData})


def decisions_of(
    records: Sequence[Record], start: datetime
) -> tuple[list[Decision], list[Action], list[Step]]:
    decisions: list[Decision] = []
    actions: list[Action] = []
    steps: list[Step] = []
    offer: tuple[Record, ChoicesOfferedData] | None = None
    offers: dict[str | None, tuple[Record, ChoicesOfferedData]] = {}  # the last offer per scene
    undone = undone_decisions(records)
    revotes = 0

    def at(r: Record) -> float:
        return max(0.0, (parse_time(r.time) - start).total_seconds())

    for r in records:
        p = r.payload
        if type(p) in _NOT_STEPS:  # most of a session's events: ratings, feedback, attendance
            continue
        if isinstance(p, SceneEnteredData):
            first = p.lines[0].text if p.lines else ""
            steps.append(Step("scene", at(r), r.scene, first, seq=r.seq))
        elif isinstance(p, ChoicesOfferedData):
            offer, revotes = (r, p), 0
            offers[r.scene] = (r, p)
        elif isinstance(p, CounsellorActionData):
            if p.action == "revote":
                revotes += 1
            elif p.action == "back":
                # Back to a choice point: its choices are on offer again (the log does not
                # repeat them), and its votes start afresh.
                offer, revotes = offers.get((p.state or {}).get("scene")), 0
            if p.action in ACTIONS_SHOWN:
                actions.append(Action(r.seq, at(r), r.scene, p.action, p.detail))
                steps.append(Step("action", at(r), r.scene, p.action, p.detail, seq=r.seq))
        elif isinstance(p, DecisionMadeData):
            shown = offer[1].choices if offer is not None and offer[0].scene == r.scene else []
            texts = {c.id: c for c in shown}
            ids = list(p.offered or texts or p.tally)
            options = tuple(
                Option(
                    id=cid,
                    number=texts[cid].number if cid in texts else i + 1,
                    text=texts[cid].text if cid in texts else cid,
                    domains=tuple(texts[cid].domains) if cid in texts else (),
                    votes=p.tally.get(cid, 0),
                    chosen=cid == p.choice,
                )
                for i, cid in enumerate(ids)
            )
            top = max((o.votes for o in options), default=0)
            leaders = [o for o in options if top > 0 and o.votes == top]
            decision = Decision(
                seq=r.seq,
                scene=r.scene or "",
                at=at(r),
                prompt=offer[1].discuss if offer is not None else None,
                options=options,
                choice=p.choice,
                how=p.how,
                seconds=p.seconds,
                split=p.split,
                tie=len(leaders) > 1 or p.how == "tie-counsellor",
                revotes=revotes,
                domains=tuple(p.domains),
                undone=r.seq in undone,
            )
            decisions.append(decision)
            chosen = decision.chosen
            steps.append(Step("decision", at(r), r.scene, chosen.text if chosen else p.choice,
                              p.how, seq=r.seq, undone=decision.undone))
            offer = None
        elif isinstance(p, SkippedToEndingData):
            steps.append(Step("skip", at(r), r.scene, p.target, seq=r.seq))
        elif isinstance(p, EndingReachedData):
            steps.append(Step("ending", at(r), r.scene, p.title, p.mood, seq=r.seq))
    return decisions, actions, steps


def _mirror(decisions: Iterable[Decision], order: Sequence[str]) -> tuple[tuple[str, int], ...]:
    counts: dict[str, int] = {}
    for dec in decisions:
        if dec.undone:
            continue  # taken back: the group did not go that way
        for dom in dec.domains:
            counts[dom] = counts.get(dom, 0) + 1
    rank = {d: i for i, d in enumerate(order)}
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], rank.get(kv[0], 99), kv[0])))


def session_report(
    records: Sequence[Record],
    people: Mapping[str, Person],
    *,
    history: Mapping[str, Mapping[str, Sequence[EarlierRating]]] | None = None,
    domains: Sequence[str] | None = None,
    open_now: bool = False,
) -> SessionReport:
    """The report of one session.

    `people`: the group's participants by id (also those who have left); `history`: each
    participant's earlier ratings per domain, oldest first (`SessionStore.rating_history`
    with `before=` this session); `domains`: the story's reflection domains in order, when the
    story is at hand; `open_now`: the session is being played right now.
    """
    first, d = _started(records)
    start = parse_time(first.time)
    ended_rec = last_of(records, SessionEndedData)
    present_ids = list(d.present)
    present = tuple(people.get(pid) or _unknown(pid) for pid in present_ids)
    absent = tuple(
        p for pid, p in people.items() if pid not in present_ids and p.member_at(start)
    )
    decisions, actions, steps = decisions_of(records, start)
    ending_rec = last_of(records, EndingReachedData)

    ratings: dict[str, dict[str, int | None]] = {}
    face: dict[str, tuple[int | None, str | None]] = {}
    for r in records:
        p = r.payload
        if isinstance(p, ReflectionRatingData):
            ratings.setdefault(p.participant, {})[p.domain] = p.value
        elif isinstance(p, FeedbackData):
            face[p.participant] = (p.face, p.word)

    order = list(domains or [])
    for dec in decisions:
        order += [x for x in dec.domains if x not in order]
    for given in ratings.values():
        order += [x for x in given if x not in order]
    rated_domains = [x for x in order if any(x in g for g in ratings.values())]
    history = history or {}
    reflections = []
    for person in present:
        mine = ratings.get(person.id)
        if not mine:
            continue
        earlier = history.get(person.id, {})
        reflections.append(Reflection(person, tuple(
            Rating(dom, mine[dom], tuple(p.value for p in earlier.get(dom, ())))
            for dom in rated_domains if dom in mine
        )))
    # Someone who rated or gave feedback but is no longer on the list of who was present
    # (it cannot happen through the app) is left out rather than guessed at.
    feedback = tuple(
        Feedback(p, *face[p.id]) for p in present if p.id in face
    )
    faces = [f.face for f in feedback if f.face is not None]

    return SessionReport(
        id=first.session,
        group=d.group,
        story_id=d.story.id,
        story_title=d.story.title,
        story_hash=d.story.hash,
        language=d.language,
        vote_mode=d.vote_mode,
        reflection_mode=d.reflection,
        started=start,
        last_event=parse_time(records[-1].time),
        ended=parse_time(ended_rec[0].time) if ended_rec else None,
        status=session_status(records, open_now=open_now),
        simulated=is_simulated(records),
        present=present,
        absent=absent,
        path=tuple(s.scene for s in steps if s.kind == "scene" and s.scene),
        timeline=tuple(steps),
        decisions=tuple(decisions),
        actions=tuple(actions),
        ending=(Ending(ending_rec[0].scene or "", ending_rec[1].title, ending_rec[1].mood)
                if ending_rec else None),
        skipped_to_ending=any(True for _ in payloads(records, SkippedToEndingData)),
        mirror=_mirror(decisions, order),
        domains=tuple(rated_domains),
        reflections=tuple(reflections),
        not_rated=tuple(p for p in present if not ratings.get(p.id)),
        feedback=feedback,
        no_feedback=tuple(p for p in present if p.id not in face),
        feedback_summary=aggregate(faces, bins=(1, 2, 3, 4, 5)),
        resumed=resume_count(records),
    )


# --- the group report ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionColumn:
    """One session as a column of the group report."""

    id: str
    started: datetime
    story_id: str
    story_title: str
    status: Status
    simulated: bool
    present: frozenset[str]
    feedback: Aggregate
    language: str = "fi"  # the language the session was played in (its logged texts)
    resumed: int = 0  # times carried on after an interruption


@dataclass(frozen=True)
class Cell:
    """What the group chose at one choice point in one session."""

    choice: str
    text: str
    votes: tuple[int, ...]  # per option, in the order of the row's `options`; () no votes
    tie: bool
    divided: bool
    session: str = ""
    suppressed: bool = False  # a tally of fewer than MIN_PEOPLE votes: left out (votes == ())


@dataclass(frozen=True)
class Chosen:
    """One option the group went on with at a choice point, and in which sessions."""

    choice: str
    text: str
    sessions: tuple[int, ...]  # indices into StoryComparison.sessions
    ties: int
    divided: int  # close votes that were not ties
    number: int = 0  # the option's number as the group saw it (0: not known)


@dataclass(frozen=True)
class ChoicePointRow:
    scene: str
    prompt: str | None
    cells: tuple[Cell | None, ...]  # one per session of the story, None: not reached
    options: tuple[tuple[str, int, str], ...] = ()  # (choice id, number, text) as offered
    number: int = 0  # the choice point's place in the story's order of first reaching it

    @property
    def divided_count(self) -> int:
        return sum(1 for c in self.cells if c is not None and (c.divided or c.tie))

    @property
    def reached(self) -> int:
        return sum(1 for c in self.cells if c is not None)

    @property
    def chosen(self) -> tuple[Chosen, ...]:
        """The options chosen here, most often first (ties in the order first chosen)."""
        seen: dict[str, list[int]] = {}
        for i, cell in enumerate(self.cells):
            if cell is not None:
                seen.setdefault(cell.choice, []).append(i)
        numbers = {cid: n for cid, n, _text in self.options}
        out = []
        for choice, idx in seen.items():
            cells = [self.cells[i] for i in idx]
            out.append(Chosen(choice, cells[0].text if cells[0] else choice, tuple(idx),
                              sum(1 for c in cells if c and c.tie),
                              sum(1 for c in cells if c and c.divided and not c.tie),
                              numbers.get(choice, 0)))
        return tuple(sorted(out, key=lambda c: -len(c.sessions)))


@dataclass(frozen=True)
class StoryComparison:
    story_id: str
    title: str
    sessions: tuple[SessionColumn, ...]
    rows: tuple[ChoicePointRow, ...]

    @property
    def votes_suppressed(self) -> int:
        """How many tallies are left out for having fewer than MIN_PEOPLE votes."""
        return sum(1 for row in self.rows for cell in row.cells if cell and cell.suppressed)


@dataclass(frozen=True)
class RatingSeries:
    person: Person
    # domain → [(index of the session in GroupReport.sessions, value)], skipped ones left out
    points: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    skipped: int = 0

    def changes(self) -> tuple[tuple[str, int, int], ...]:
        """Per domain rated in at least two sessions: (domain, first rating, latest rating),
        the person's own view then and now."""
        return tuple((dom, pts[0][1], pts[-1][1]) for dom, pts in self.points.items()
                     if len({i for i, _v in pts}) >= 2)


@dataclass(frozen=True)
class GroupReport:
    group: str
    name: str
    people: tuple[Person, ...]
    sessions: tuple[SessionColumn, ...]  # oldest first, demo sessions left out unless asked
    left_out_simulated: int
    attendance: tuple[tuple[bool, ...], ...]  # per person, per session
    domains: tuple[str, ...]
    ratings: tuple[RatingSeries, ...]
    stories: tuple[StoryComparison, ...]
    include_simulated: bool

    @property
    def feedback_shown(self) -> tuple[SessionColumn, ...]:
        return tuple(s for s in self.sessions if not s.feedback.suppressed)

    @property
    def feedback_suppressed(self) -> tuple[SessionColumn, ...]:
        return tuple(s for s in self.sessions if s.feedback.suppressed)


def _votes(dec: Decision, order: Sequence[str]) -> tuple[int, ...]:
    """The tally per option in `order`; () when nobody voted or too few did to show it."""
    if not dec.has_votes or too_few(dec.total_votes):
        return ()
    by_id = {o.id: o.votes for o in dec.options}
    return tuple(by_id.get(cid, 0) for cid in order)


def group_report(
    group_id: str,
    name: str,
    sessions: Sequence[Sequence[Record]],
    people: Mapping[str, Person],
    *,
    domains: Sequence[str] = (),
    include_simulated: bool = False,
    open_now: Iterable[str] = (),
) -> GroupReport:
    """The report of a group over its sessions (each given as its records)."""
    opened = set(open_now)
    chosen = [s for s in sessions if s]
    left_out = 0
    if not include_simulated:
        kept = [s for s in chosen if not is_simulated(s)]
        left_out = len(chosen) - len(kept)
        chosen = kept
    chosen.sort(key=lambda recs: (recs[0].time, recs[0].session))

    columns: list[SessionColumn] = []
    per_session: list[tuple[list[Decision], dict[str, dict[str, int | None]]]] = []
    order = list(domains)
    for recs in chosen:
        first, d = _started(recs)
        decisions, _actions, _steps = decisions_of(recs, parse_time(first.time))
        ratings: dict[str, dict[str, int | None]] = {}
        faces: dict[str, int | None] = {}
        for r in recs:
            p = r.payload
            if type(p) is ReflectionRatingData:
                ratings.setdefault(p.participant, {})[p.domain] = p.value
                if p.domain not in order:
                    order.append(p.domain)
            elif type(p) is FeedbackData:
                faces[p.participant] = p.face
        answered = [f for f in faces.values() if f is not None]
        columns.append(SessionColumn(
            id=first.session,
            started=parse_time(first.time),
            story_id=d.story.id,
            story_title=d.story.title,
            status=session_status(recs, open_now=first.session in opened),
            simulated=is_simulated(recs),
            present=frozenset(d.present),
            feedback=aggregate(answered, bins=(1, 2, 3, 4, 5)),
            language=d.language,
            resumed=resume_count(recs),
        ))
        per_session.append((decisions, ratings))

    seen_ids = set().union(*(c.present for c in columns)) if columns else set()
    roster = [p for p in people.values()
              if p.id in seen_ids or any(p.member_at(c.started) for c in columns)]
    roster += [_unknown(pid) for pid in sorted(seen_ids - set(people))]
    attendance = tuple(tuple(p.id in c.present for c in columns) for p in roster)

    series = []
    for person in roster:
        points: dict[str, list[tuple[int, int]]] = {}
        skipped = 0
        for i, (_decs, ratings) in enumerate(per_session):
            for dom, value in ratings.get(person.id, {}).items():
                if value is None:
                    skipped += 1
                else:
                    points.setdefault(dom, []).append((i, value))
        series.append(RatingSeries(person, {k: points[k] for k in order if k in points},
                                   skipped))

    stories: list[StoryComparison] = []
    for story_id in dict.fromkeys(c.story_id for c in columns):
        idx = [i for i, c in enumerate(columns) if c.story_id == story_id]
        scenes: dict[str, str | None] = {}
        offered: dict[str, dict[str, tuple[int, str]]] = {}
        for i in reversed(idx):  # the newest texts and numbers win
            for dec in per_session[i][0]:
                if dec.scene not in scenes or scenes[dec.scene] is None:
                    scenes[dec.scene] = dec.prompt
                for o in dec.options:
                    offered.setdefault(dec.scene, {}).setdefault(o.id, (o.number, o.text))
        first_seen: dict[str, None] = {}
        for i in idx:
            for dec in per_session[i][0]:
                first_seen.setdefault(dec.scene)
        rows = []
        for number, scene in enumerate(first_seen, 1):
            prompt = scenes[scene]
            opts = tuple(sorted(((cid, n, text) for cid, (n, text)
                                 in offered.get(scene, {}).items()), key=lambda o: o[1]))
            offer_order = [cid for cid, _n, _t in opts]
            cells: list[Cell | None] = []
            for i in idx:
                # The last decision at that scene is what the group went on with.
                last = next((x for x in reversed(per_session[i][0])
                             if x.scene == scene and not x.undone), None)
                if last is None:
                    cells.append(None)
                    continue
                opt = last.chosen
                cells.append(Cell(last.choice, opt.text if opt else last.choice,
                                  _votes(last, offer_order), last.tie, last.divided,
                                  columns[i].id,
                                  suppressed=last.has_votes and too_few(last.total_votes)))
            rows.append(ChoicePointRow(scene, prompt, tuple(cells), opts, number))
        stories.append(StoryComparison(story_id, columns[idx[-1]].story_title,
                                       tuple(columns[i] for i in idx), tuple(rows)))

    return GroupReport(
        group=group_id,
        name=name,
        people=tuple(roster),
        sessions=tuple(columns),
        left_out_simulated=left_out,
        attendance=attendance,
        domains=tuple(order),
        ratings=tuple(series),
        stories=tuple(stories),
        include_simulated=include_simulated,
    )

