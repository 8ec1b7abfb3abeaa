"""Sessions: starting, listing, resuming and closing them, reflection history, and erasure.

On disk, under the data folder's `sessions/` (all 0600, the folder 0700):

- `<id>.json` and, while open or after a crash, `<id>.journal`: the session's log
  (`eventlog.SessionLog` on a `storage.JournalStorage`);
- `<id>.summary.json`: a small summary for listing (story, who was present, times, status,
  the last rating per participant and domain). It is derived from the log, rewritten when the
  session starts and ends; when it is missing or says the session is still open, the log
  itself is read, so a crash between the two can never make the list wrong.

Session ids start with the UTC start time (`20250114T093012Z-3f9a1c`), so they sort by age.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from stat import S_ISREG
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from game.play.events import VOTE_MODES, CounsellorAction, Happened, VoteMode
from game.story.errors import StateError
from game.story.loader import LoadedStory
from game.story.model import Story
from game.story.runtime import Runtime, StoryState
from game.story.text import pick

from . import _files, paths
from ._time import Clock, iso, parse_time, utc_now
from .errors import (
    DamagedEventError,
    EmptySession,
    InvalidInput,
    LogError,
    LogVersionError,
    NotFound,
    SessionBusyError,
    SessionStateError,
)
from .groups import GroupStore
from .log.eventlog import SessionLog, session_file, session_files
from .log.recorder import (
    BALLOT_SUFFIX,
    BackgroundWriter,
    BallotBox,
    SessionRecorder,
    Sink,
    read_ballot,
)
from .log.records import (
    REFLECTION_PRIVACY,
    RESUME_DETAIL,
    ChoicesOfferedData,
    ChoiceTakenData,
    CounsellorActionData,
    DecisionMadeData,
    FeedbackData,
    Record,
    ReflectionPrivacy,
    ReflectionRatingData,
    SceneEnteredData,
    SessionEndedData,
    SessionStartedData,
    SessionStatus,
    SkippedToEndingData,
    StoryRef,
    VoteAttendanceData,
    VoteCastData,
    VoteCountsData,
    last_of,
    payloads,
    resolve_states,
    resume_count,
)
from .log.storage import DEFAULT_COMPACT_LINES, JOURNAL_SUFFIX

SUMMARY_SCHEMA = "porukka-session-summary"
SUMMARY_VERSION = 1
SUMMARY_SUFFIX = ".summary.json"
MIGRATIONS_FILE = "migrations.json"  # one-time rewrites of the data folder that are done
VOTES_DROPPED = "votes-per-person-dropped"
SUMMARIES_STAMPED = "summaries-stamped"
REGISTER_FILE = "erasures.jsonl"  # the register of processing: erasures and purges

Status = Literal["finished", "ended-early", "interrupted", "in-progress"]


class SummaryDoc(BaseModel):
    """The summary file of a session (`<id>.summary.json`), as written and as read back.

    Derived from the log (`summarise`); one that does not fit this model is rebuilt from the
    log, as is one that is missing or still open."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)

    schema_: Literal["porukka-session-summary"] = Field(
        default="porukka-session-summary", alias="schema"
    )
    version: Literal[1] = 1
    session: str
    group: str
    story: StoryRef
    language: str
    vote_mode: VoteMode
    reflection: ReflectionPrivacy
    present: list[str]
    started: str
    last_event: str
    ended: str | None
    status: SessionStatus | None  # None while the session has no session_ended
    events: int
    ratings: dict[str, dict[str, int | None]] = {}  # participant → domain → the last rating
    simulated: bool = False  # summaries written before the mark read as real
    resumed: int = 0  # times resumed after an interruption (older summaries: 0)
    # The ended session's log files as this summary was written from them (`_log_stamp`):
    # a log changed or damaged since no longer matches, and is read instead of trusted
    # (older summaries lack it, and their logs are always read).
    log: list[int] | None = None


def new_session_id(now: datetime) -> str:
    return f"{iso(now)[:19].replace('-', '').replace(':', '')}Z-{secrets.token_hex(3)}"


def id_time(session_id: str) -> datetime | None:
    """When a session began, as its id says (`new_session_id`); None for another name."""
    try:
        return datetime.strptime(session_id[:16], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


# --- what the screens get -------------------------------------------------------------------


@dataclass(frozen=True)
class SessionSummary:
    """One session as the session list shows it."""

    id: str
    group: str
    story_id: str
    story_title: str
    story_hash: str | None
    language: str
    vote_mode: VoteMode
    reflection: ReflectionPrivacy
    present: tuple[str, ...]  # participant ids
    present_nicknames: tuple[str, ...]  # the same, as nicknames (erased people are missing)
    started: datetime
    last_event: datetime
    ended: datetime | None
    status: Status  # finished; ended-early; interrupted (ended so, or never ended);
    # in-progress (open now)
    closed: bool  # has a session_ended event
    events: int
    ratings: dict[str, dict[str, int | None]] = field(default_factory=dict, repr=False)
    simulated: bool = False  # played by `porukka simulate`: demo data, not a real group
    resumed: int = 0  # times carried on after an interruption

    @property
    def duration(self) -> timedelta:
        return (self.ended or self.last_event) - self.started

    @property
    def resumable(self) -> bool:
        """Interrupted without a session_ended: the app offers to carry on."""
        return not self.closed and self.status == "interrupted"


@dataclass(frozen=True)
class ResumePoint:
    """Where an interrupted session stopped: restore with `Runtime.restore(state_json)`."""

    session_id: str
    group: str
    present: tuple[str, ...]
    story_id: str
    story_hash: str | None
    language: str
    vote_mode: VoteMode
    reflection: ReflectionPrivacy
    state_json: str | None  # None: stopped before the first scene was shown
    scene: str | None
    variables: dict[str, int | bool]
    state_seq: int | None  # the event the state comes from
    last_seq: int
    at_choice: bool  # the group was at an open choice
    offered: tuple[str, ...] = ()
    votes: dict[str, str] = field(default_factory=dict)  # participant id → choice id
    counts: dict[str, int] | None = None  # hands-up counts entered so far


@dataclass(frozen=True)
class RatingPoint:
    session_id: str
    time: datetime
    value: int


@dataclass(frozen=True)
class ForgetCounts:
    sessions: int  # session logs rewritten
    events_removed: int
    events_changed: int
    participant_removed: bool  # from the groups file
    # Sessions that name the person and could not be rewritten (damaged): (id, why). While
    # any is left the person stays in the groups file, so that running `forget` again (after
    # `delete-session` of the damaged one) finishes the job.
    failed: tuple[tuple[str, str], ...] = ()


# --- pure functions over a session's records ------------------------------------------------


def summarise(records: Sequence[Record]) -> SummaryDoc:
    """The summary document of a session's records (the first must be session_started)."""
    start = records[0] if records else None
    if start is None or not isinstance(start.payload, SessionStartedData):
        raise LogError("the session has no session_started event")
    started = start.payload
    ended = last_of(records, SessionEndedData)
    ratings: dict[str, dict[str, int | None]] = {}
    for _r, rating in payloads(records, ReflectionRatingData):
        ratings.setdefault(rating.participant, {})[rating.domain] = rating.value
    return SummaryDoc(
        session=start.session,
        group=started.group,
        story=started.story,
        language=started.language,
        vote_mode=started.vote_mode,
        reflection=started.reflection,
        present=list(started.present),
        started=start.time,
        last_event=records[-1].time,
        ended=ended[0].time if ended else None,
        status=ended[1].status if ended else None,
        events=len(records),
        ratings=ratings,
        simulated=started.simulated,
        resumed=resume_count(records),
    )



_CHOICE_CLOSED = (ChoiceTakenData, DecisionMadeData, SkippedToEndingData, SceneEnteredData)


def _saved_state(holder: Record, whole: dict[str, Any]) -> tuple[StoryState, str]:
    """The state a record stands for (deltas applied), read as the runtime's own saved state,
    and its JSON as `Runtime.restore` takes it."""
    text = json.dumps(whole, ensure_ascii=False, sort_keys=True)
    try:
        return StoryState.from_json(text), text
    except StateError as exc:
        raise DamagedEventError(
            f"session {holder.session}", None, holder.seq, f"state: {exc}"
        ) from None


def find_resume_point(
    records: Sequence[Record], ballot: tuple[str, int, dict[str, str]] | None = None
) -> ResumePoint:
    """Where the session stood at its last logged event. `ballot`: the open ballot kept
    beside the log (`recorder.read_ballot`): its votes are the ones given so far."""
    start = records[0].payload if records else None
    if not isinstance(start, SessionStartedData):
        raise LogError("the session has no session_started event")
    resolved = resolve_states(records)
    holder = resolved[0] if resolved is not None else None
    state, state_json = _saved_state(*resolved) if resolved is not None else (None, None)
    offer_at = next(
        (i for i in range(len(records) - 1, -1, -1)
         if isinstance(records[i].payload, ChoicesOfferedData)),
        None,
    )
    votes: dict[str, str] = {}
    counts: dict[str, int] | None = None
    offered: tuple[str, ...] = ()
    at_choice = False
    offer = records[offer_at].payload if offer_at is not None else None
    if (offer_at is not None and isinstance(offer, ChoicesOfferedData) and state is not None
            and records[offer_at].scene == state.scene):
        at_choice = True
        offered = tuple(c.id for c in offer.choices)
        for r in records[offer_at + 1:]:
            p = r.payload
            if isinstance(p, _CHOICE_CLOSED) or (
                isinstance(p, CounsellorActionData) and p.action in ("back", "skip-to-ending")
            ):
                at_choice, votes, counts, offered = False, {}, None, ()
                break
            if isinstance(p, CounsellorActionData) and p.action == "revote":
                votes, counts = {}, None
            elif isinstance(p, VoteCountsData):
                counts = dict(p.counts)
        if at_choice and ballot is not None and state is not None and ballot[0] == state.scene:
            votes = dict(ballot[2])
    return ResumePoint(
        session_id=records[0].session,
        group=start.group,
        present=tuple(start.present),
        story_id=start.story.id,
        story_hash=start.story.hash,
        language=start.language,
        vote_mode=start.vote_mode,
        reflection=start.reflection,
        state_json=state_json,
        scene=state.scene if state else None,
        variables=dict(state.variables) if state else {},
        state_seq=holder.seq if holder else None,
        last_seq=records[-1].seq,
        at_choice=at_choice,
        offered=offered,
        votes=votes,
        counts=counts,
    )


def _story_parts(story: LoadedStory | Story, story_hash: str | None) -> tuple[Story, str | None]:
    if isinstance(story, LoadedStory):
        return story.story, story_hash or story.content_hash
    return story, story_hash


# --- an open session ------------------------------------------------------------------------


class ActiveSession:
    """A session being played: hand `recorder` to the play controller as its listener."""

    def __init__(
        self,
        store: SessionStore,
        log: SessionLog,
        story: Story,
        *,
        story_hash: str | None,
        language: str,
        state: StoryState | None,
        background: bool,
        on_durable: Callable[[int], None] | None,
        state_seq: int | None = None,
    ) -> None:
        self.store = store
        self.log = log
        self.id = log.session_id
        self.writer = BackgroundWriter(log, on_durable=on_durable) if background else None
        sink: Sink = self.writer if self.writer is not None else log
        self.recorder = SessionRecorder(
            sink, story, story_hash=story_hash, lang=language, state=state,
            ballot=BallotBox(store._ballot_path(self.id)),
            state_seq=state_seq,
        )
        self._closed = False

    @property
    def listener(self) -> SessionRecorder:
        return self.recorder

    @property
    def durable_seq(self) -> int:
        return self.writer.durable_seq if self.writer is not None else self.log.durable_seq

    def rate(self, participant: str, domain: str, value: int | None) -> int:
        return self.recorder.rating(participant, domain, value)

    def give_feedback(self, participant: str, face: int | None, word: str | None = None) -> int:
        return self.recorder.feedback(participant, face, word)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything logged so far is durable."""
        return self.writer.flush(timeout) if self.writer is not None else True

    def end(self, status: SessionStatus | None = None) -> SessionSummary:
        """Log session_ended, make everything durable, compact, and write the summary.

        Without a status: "finished" when the story reached an ending, else "ended-early"
        (the counsellor ended the session before the story's end)."""
        if self._closed:
            raise SessionStateError(f"session {self.id} is already closed")
        if status is None:
            status = "finished" if self.recorder.reached_ending else "ended-early"
        self.recorder.sink.submit("session_ended", {"status": status})
        self.recorder.ballot.discard()  # a ballot left open is never decided now
        return self._finish()

    def close(self) -> SessionSummary:
        """Stop without ending (e.g. the app quits): the session stays resumable."""
        if self._closed:
            raise SessionStateError(f"session {self.id} is already closed")
        return self._finish()

    def _finish(self) -> SessionSummary:
        self._closed = True
        try:
            if self.writer is not None:
                self.writer.close()
            self.store._seal(self.log, self.log.records())
        except BaseException:
            # What was durable stays, and the session is offered for resuming later.
            self.log.close(compact=False)
            raise
        finally:
            self.store._active.pop(self.id, None)
        return self.store.summary(self.id)


# --- the store ------------------------------------------------------------------------------


class SessionStore:
    """All sessions in the data folder. `SessionStore()` uses `paths.data_dir()`."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        groups: GroupStore | None = None,
        clock: Clock = utc_now,
        compact_lines: int = DEFAULT_COMPACT_LINES,
        make_session_id: Callable[[datetime], str] = new_session_id,
    ) -> None:
        """`make_session_id` makes a new session's id from its start time (the simulator passes
        a seeded one so that a run can be repeated exactly)."""
        self.root = paths.private_dir(root) if root is not None else paths.data_dir()
        paths.secure_tree(self.root)
        self.folder = paths.sessions_dir(self.root)
        self.groups = groups if groups is not None else GroupStore(paths.groups_path(self.root))
        self.clock = clock
        self.compact_lines = compact_lines
        self.make_session_id = make_session_id
        self.unreadable: list[tuple[str, str]] = []  # (session id, why), from the last listing
        self._active: dict[str, ActiveSession] = {}
        self._remove_shells()
        done = self._migrations_done()
        if not done.get(VOTES_DROPPED):
            self._drop_old_votes()
        if not done.get(SUMMARIES_STAMPED):
            self._stamp_summaries()

    # -- files --

    def _log_path(self, session_id: str) -> Path:
        if not session_id or "/" in session_id or "\\" in session_id or session_id[0] == ".":
            raise NotFound(f"there is no session {session_id!r}")
        return session_file(self.folder, session_id)

    def _ballot_path(self, session_id: str) -> Path:
        """The open ballot's votes, kept only until it closes (`recorder.BallotBox`)."""
        return self.folder / f"{session_id}{BALLOT_SUFFIX}"

    def _summary_path(self, session_id: str) -> Path:
        return self.folder / f"{session_id}{SUMMARY_SUFFIX}"

    def _log_stamp(self, session_id: str) -> list[int]:
        """The size and modification time of the log's snapshot and journal: what changes
        whenever anything writes, replaces or damages the log. A journal that is missing or
        an empty file holds nothing and stamps as 0, 0 (closing a log removes its empty
        journal)."""
        stamp: list[int] = []
        for path in (self._log_path(session_id),
                     self.folder / f"{session_id}{JOURNAL_SUFFIX}"):
            try:
                st = os.stat(path)
            except FileNotFoundError:
                stamp += [0, 0]
                continue
            if path.suffix == JOURNAL_SUFFIX and st.st_size == 0 and S_ISREG(st.st_mode):
                stamp += [0, 0]
            else:
                stamp += [st.st_size, st.st_mtime_ns]
        return stamp

    def _seal(self, log: SessionLog, records: Sequence[Record]) -> None:
        """Close a writable log with its summary written first, while the log is still
        locked: settled (compacted), the summary with the log's stamp, then closed (which
        changes no data file). Nothing else can write the log between reading `records` and
        writing their summary, so no erasure can be followed by an older summary."""
        log.settle()
        if records and records[0].kind == "session_started":
            self._write_summary(summarise(records))
        log.close()

    def _write_summary(self, summary: SummaryDoc) -> None:
        """Write the summary; an ended session's is written by `_seal`, while its log is still
        locked and settled, and carries the log's stamp, so a listing trusts it only while the
        log is as it was."""
        if summary.ended is not None:
            summary = summary.model_copy(update={"log": self._log_stamp(summary.session)})
        text = json.dumps(summary.model_dump(mode="json", by_alias=True), ensure_ascii=False,
                          indent=1)
        _files.atomic_write(self._summary_path(summary.session), text.encode("utf-8"))

    def session_ids(self) -> list[str]:
        """Every stored session, newest first."""
        ids: set[str] = set()
        for name in os.listdir(self.folder):
            if name.startswith("."):
                continue
            if name.endswith(SUMMARY_SUFFIX):
                ids.add(name[: -len(SUMMARY_SUFFIX)])
            elif name.endswith(JOURNAL_SUFFIX):
                ids.add(name[: -len(JOURNAL_SUFFIX)])
            elif name.endswith(".json"):
                ids.add(name[: -len(".json")])
        return sorted(ids, reverse=True)

    def _remove_shells(self) -> None:
        """Remove what a crash during `start()` may leave: a session file with nothing in it.
        Only sessions without a summary can be such shells, so this reads next to nothing."""
        for sid in self.session_ids():
            if self._summary_path(sid).exists() or self._is_open(sid):
                continue
            try:
                SessionLog.open_file(self._log_path(sid)).close()
            except EmptySession:
                _files.remove_durably(session_files(self.folder, sid))
            except (LogError, NotFound):
                pass

    def _drop_old_votes(self) -> None:
        """Once per data folder: logs written before votes stopped being logged per person
        lose their `vote_cast` records (the tallies stay in decision_made). Sessions open
        or unreadable now are done when they are next resumed, closed or erased."""
        done = True
        for sid in self.session_ids():
            files = session_files(self.folder, sid)
            if not any(_contains(p, b'"vote_cast"') for p in files):
                continue
            if self._is_open(sid):
                done = False
                continue
            try:
                done = self._reseal(sid, _without_votes) and done
            except (LogError, NotFound):
                done = False
        if done:
            self._mark_done(VOTES_DROPPED)

    def _reseal(self, sid: str, rewrite: Callable[[Record], Record | None] | None = None) -> bool:
        """Open a closed session's log for writing (LogError or NotFound when it cannot be),
        pass it through `rewrite` when given, and seal it with its summary (`_seal`). False
        when that failed midway: what was durable stays, and it can be done again."""
        log = SessionLog.open_file(self._log_path(sid), writable=True,
                                   compact_lines=self.compact_lines)
        try:
            if rewrite is not None:
                log.rewrite(rewrite)
            self._seal(log, log.records())
        except (LogError, OSError):
            log.close(compact=False)
            return False
        return True

    def _migrations_done(self) -> dict[str, Any]:
        """Which one-time rewrites this data folder has had (a damaged record: none, and
        each is done again: they are all safe to repeat)."""
        try:
            done = json.loads(_files.read_regular(self.root / MIGRATIONS_FILE))
        except (OSError, ValueError, RecursionError):
            return {}
        return done if isinstance(done, dict) else {}

    def _mark_done(self, key: str) -> None:
        done = {**self._migrations_done(), key: True}
        try:
            _files.atomic_write(self.root / MIGRATIONS_FILE, json.dumps(done).encode("utf-8"))
        except OSError:
            pass  # e.g. a read-only folder: tried again next time, and harmless to repeat

    def _stamp_summaries(self) -> None:
        """Once per data folder: the summaries of ended sessions written before summaries
        carried their log's stamp get it, read from the log under its lock, so that a
        listing trusts them again instead of reading every log every time."""
        if not os.access(self.folder, os.W_OK):
            return
        done = True
        for sid in self.session_ids():
            try:
                raw = json.loads(_files.read_regular(self._summary_path(sid)))
            except (OSError, ValueError, RecursionError):
                continue  # none, or damaged: a listing reads the log, as it must
            if not isinstance(raw, dict) or raw.get("ended") is None or "log" in raw:
                continue
            if self._is_open(sid):
                done = False
                continue
            try:
                done = self._reseal(sid) and done
            except (LogError, NotFound):
                continue  # unreadable: listed as such, with nothing to stamp
        if done:
            self._mark_done(SUMMARIES_STAMPED)

    def _is_open(self, session_id: str) -> bool:
        if session_id in self._active:
            return True
        return _files.is_locked(self.folder / f"{session_id}{JOURNAL_SUFFIX}")

    # -- starting and resuming --

    def start(
        self,
        group_id: str,
        present: Sequence[str],
        story: LoadedStory | Story,
        *,
        vote_mode: str,
        reflection: str,
        language: str | None = None,
        story_hash: str | None = None,
        background: bool = True,
        on_durable: Callable[[int], None] | None = None,
        simulated: bool = False,
    ) -> ActiveSession:
        """Start a session: logs session_started (durable) and writes the summary.
        `simulated`: played by `porukka simulate`, marked so in the log and the summary."""
        model, digest = _story_parts(story, story_hash)
        group = self.groups.group(group_id)
        active = {p.id for p in self.groups.participants(group.id)}
        unknown = [p for p in present if p not in active]
        if unknown:
            raise InvalidInput(
                "participant-unknown", f"not active participants of {group.name}: {unknown}"
            )
        if len(set(present)) != len(present):
            raise InvalidInput("participant-twice", "a participant is listed twice")
        if vote_mode not in VOTE_MODES:
            raise InvalidInput("vote-mode", f"unknown vote mode {vote_mode!r}")
        if reflection not in REFLECTION_PRIVACY:
            raise InvalidInput("reflection", f"reflection must be one of {REFLECTION_PRIVACY}")
        lang = language or model.default_language
        now = self.clock()
        session_id = self.make_session_id(now)
        started: dict[str, Any] = {
            "group": group.id,
            "present": list(present),
            "vote_mode": vote_mode,
            "reflection": reflection,
            "language": lang,
            "story": {
                "id": model.id,
                "hash": digest,
                "title": pick(model.title, lang, model.default_language) or model.id,
            },
        }
        if simulated:
            started["simulated"] = True
        log = SessionLog.create_file(
            self._log_path(session_id), session_id, story_id=model.id, story_hash=digest,
            clock=self.clock, compact_lines=self.compact_lines, started=started,
        )
        try:
            self._write_summary(summarise(log.records()))
        except BaseException:
            log.close()
            raise
        session = ActiveSession(
            self, log, model, story_hash=digest, language=lang, state=None,
            background=background, on_durable=on_durable,
        )
        self._active[session_id] = session
        return session

    def resume(
        self,
        session_id: str,
        story: LoadedStory | Story,
        *,
        story_hash: str | None = None,
        background: bool = True,
        on_durable: Callable[[int], None] | None = None,
    ) -> tuple[ActiveSession, StoryState | None]:
        """Carry on an interrupted session in the same log. Returns the session and the
        state to give the play controller (None: start the story from its beginning)."""
        model, digest = _story_parts(story, story_hash)
        if self._is_open(session_id):
            raise SessionBusyError(f"session {session_id} is open already")
        log = SessionLog.open_file(
            self._log_path(session_id), writable=True, clock=self.clock,
            compact_lines=self.compact_lines,
        )
        try:
            if log.rewrite(_without_votes)[0]:  # an old log: who chose what goes now
                self._write_summary(summarise(log.records()))
            records = log.records()
            if any(r.kind == "session_ended" for r in records):
                raise SessionStateError(f"session {session_id} has ended; it cannot be resumed")
            point = find_resume_point(records, read_ballot(self._ballot_path(session_id)))
            if point.story_id != model.id:
                raise SessionStateError(
                    f"session {session_id} plays story {point.story_id!r}, not {model.id!r}"
                )
            runtime = Runtime(model, point.language, story_hash=digest)
            state = runtime.restore(point.state_json) if point.state_json else None
            if digest is not None:
                log.story_hash = digest  # events from now on name the story as it is now
        except BaseException:
            log.close(compact=False)
            raise
        session = ActiveSession(
            self, log, model, story_hash=digest, language=point.language, state=state,
            background=background, on_durable=on_durable, state_seq=point.state_seq,
        )
        self._active[session_id] = session
        if point.scene is not None and state is not None:
            session.recorder(
                Happened((CounsellorAction(point.scene, "resume", RESUME_DETAIL),), state))
        else:
            session.recorder.sink.submit(
                "counsellor_action", {"action": "resume", "detail": RESUME_DETAIL}
            )
        return session, state

    # -- reading --

    def _summary_doc(self, session_id: str) -> SummaryDoc:
        doc: SummaryDoc | None = None
        raw: Any
        try:
            raw = json.loads(_files.read_regular(self._summary_path(session_id)))
        except (OSError, ValueError, RecursionError):
            # Missing, not a regular file (never opened), unreadable or not JSON: the summary
            # is only derived from the log, which is read below instead.
            raw = None
        if isinstance(raw, dict) and raw.get("schema") == SUMMARY_SCHEMA:
            if raw.get("version") != SUMMARY_VERSION:
                raise LogVersionError(
                    f"the summary of session {session_id} has version {raw.get('version')!r}; "
                    f"this Porukka reads version {SUMMARY_VERSION}. Update Porukka to open it."
                )
            try:
                doc = SummaryDoc.model_validate(raw)
            except ValidationError:
                doc = None  # damaged: rebuilt from the log below
            if doc is not None and doc.session != session_id:
                doc = None  # another session's summary under this name: not to be trusted
        if doc is None or doc.ended is None or doc.log != self._log_stamp(session_id):
            # Open, or its log changed since (or was damaged, or is gone): the log says.
            doc = summarise(self.events(session_id))
        return doc

    def last_known(self, session_id: str) -> SummaryDoc | None:
        """The session's summary as last written, even when its log cannot be read now
        (to name an unreadable session's group, day and story); None without one."""
        try:
            raw = json.loads(_files.read_regular(self._summary_path(session_id)))
            doc = SummaryDoc.model_validate(raw)
        except (OSError, ValueError, RecursionError):  # ValidationError is a ValueError
            return None
        return doc if doc.session == session_id else None

    def _summary(self, doc: SummaryDoc) -> SessionSummary:
        sid = doc.session
        names = self.groups.nicknames(doc.present)
        closed = doc.ended is not None
        status: Status
        if doc.ended is not None and doc.status is not None:
            status = doc.status
        else:
            status = "in-progress" if self._is_open(sid) else "interrupted"
        return SessionSummary(
            id=sid,
            group=doc.group,
            story_id=doc.story.id,
            story_title=doc.story.title,
            story_hash=doc.story.hash,
            language=doc.language,
            vote_mode=doc.vote_mode,
            reflection=doc.reflection,
            present=tuple(doc.present),
            present_nicknames=tuple(names[p] for p in doc.present if p in names),
            started=parse_time(doc.started),
            last_event=parse_time(doc.last_event),
            ended=parse_time(doc.ended) if doc.ended is not None else None,
            status=status,
            closed=closed,
            events=doc.events,
            ratings={p: dict(given) for p, given in doc.ratings.items()},
            simulated=doc.simulated,
            resumed=doc.resumed,
        )

    def summary(self, session_id: str) -> SessionSummary:
        return self._summary(self._summary_doc(session_id))

    def list_sessions(
        self,
        *,
        group: str | None = None,
        since: date | datetime | None = None,
        until: date | datetime | None = None,
    ) -> list[SessionSummary]:
        """Sessions newest first; `since`/`until` are inclusive (a date: the local day).
        Sessions that cannot be read are left out and named in `self.unreadable`."""
        out: list[SessionSummary] = []
        self.unreadable = []
        for sid in self.session_ids():
            try:
                summary = self.summary(sid)
            except EmptySession as exc:
                if os.path.lexists(self._summary_path(sid)):  # it was a session: its log is gone
                    self.unreadable.append((sid, str(exc)))
                continue  # otherwise a start that crashed before anything was logged
            except (LogError, NotFound) as exc:
                self.unreadable.append((sid, str(exc)))
                continue
            except OSError as exc:  # e.g. no permission to read it, or an I/O error
                self.unreadable.append((sid, f"{exc.filename or sid}: {exc.strerror or exc}"))
                continue
            if group is not None and summary.group != group:
                continue
            if not within(summary.started, since, until):
                continue
            out.append(summary)
        out.sort(key=lambda s: (s.started, s.id), reverse=True)
        return out

    def events(self, session_id: str) -> list[Record]:
        """The session's events in order (read-only; works while the session is open)."""
        log = SessionLog.open_file(self._log_path(session_id))
        try:
            return begun(log.records(), log)
        finally:
            log.close()

    def interrupted(self, *, group: str | None = None) -> list[SessionSummary]:
        """Sessions that stopped without session_ended and are not open now."""
        return [s for s in self.list_sessions(group=group) if s.resumable]

    def resume_point(self, session_id: str) -> ResumePoint:
        return find_resume_point(
            self.events(session_id), read_ballot(self._ballot_path(session_id))
        )

    def close_interrupted(self, session_id: str) -> SessionSummary:
        """Mark an interrupted session as ended (interrupted): it is no longer offered."""
        if self._is_open(session_id):
            raise SessionBusyError(f"session {session_id} is open")
        log = SessionLog.open_file(
            self._log_path(session_id), writable=True, clock=self.clock,
            compact_lines=self.compact_lines,
        )
        try:
            if any(r.kind == "session_ended" for r in log.records()):
                raise SessionStateError(f"session {session_id} has already ended")
            log.rewrite(_without_votes)  # an old log: who chose what goes now
            log.log("session_ended", {"status": "interrupted"})
            BallotBox(self._ballot_path(session_id)).discard()
            self._seal(log, log.records())
        except BaseException:
            log.close(compact=False)
            raise
        return self.summary(session_id)

    # -- reflection history --

    def rating_history(
        self, group_id: str, participant_id: str, *, before: str | None = None
    ) -> dict[str, list[RatingPoint]]:
        """A participant's earlier ratings per domain across the group's sessions, oldest
        first (skipped ones left out). `before`: only sessions started before that one."""
        limit = self.summary(before).started if before is not None else None
        history: dict[str, list[RatingPoint]] = {}
        for s in sorted(self.list_sessions(group=group_id), key=lambda s: s.started):
            if limit is not None and (s.started >= limit or s.id == before):
                continue
            for domain, value in s.ratings.get(participant_id, {}).items():
                if value is not None:
                    history.setdefault(domain, []).append(RatingPoint(s.id, s.started, value))
        return history

    def last_ratings(
        self, group_id: str, participant_id: str, *, before: str | None = None
    ) -> dict[str, int]:
        """The latest earlier rating per domain: the faint outline on the "me now" screen."""
        return {
            domain: points[-1].value
            for domain, points in self.rating_history(
                group_id, participant_id, before=before
            ).items()
        }

    # -- erasure --

    def delete_session(self, session_id: str) -> int:
        """Delete a session's every file (log, journal, summary, leftovers). Returns how
        many files were removed."""
        self._log_path(session_id)
        if self._is_open(session_id):
            raise SessionBusyError(f"session {session_id} is open")
        return _files.remove_durably(session_files(self.folder, session_id))

    def forget_participant(self, group_id: str, participant_id: str) -> ForgetCounts:
        """Remove a participant from every file: their votes, ratings and feedback are
        deleted, their id is taken off the sessions' lists of who was present, each log is
        rewritten and compacted (journal included), and they leave the groups file."""
        try:
            person = self.groups.participant(participant_id)
        except NotFound:
            person = None
        if person is not None and person.group != group_id:
            raise InvalidInput(
                "participant-group", f"{participant_id} is not in group {group_id}"
            )
        needle = participant_id.encode("utf-8")
        named = [sid for sid in self.session_ids()
                 if any(_contains(p, needle) for p in session_files(self.folder, sid))]
        busy = [sid for sid in named if self._is_open(sid)]
        if busy:  # before anything is changed: nothing half done
            raise SessionBusyError(f"session {busy[0]} is open; end it first")
        sessions = removed = changed = 0
        failed: list[tuple[str, str]] = []
        for sid in named:
            try:
                r, c = self._scrub(sid, participant_id)
            except (LogError, NotFound, OSError) as exc:
                failed.append((sid, str(exc)))
                continue
            sessions += 1
            removed += r
            changed += c
        gone = False if failed else self.groups.remove_participant(participant_id)
        if sessions or gone:
            self.register("forget", person.group if person else group_id, removed + changed)
        return ForgetCounts(sessions, removed, changed, gone, tuple(failed))

    def register(self, action: str, group: str, records: int, sessions: int = 0) -> None:
        """Note in the register of processing (`erasures.jsonl`, 0600) that an erasure or a
        purge happened: when, the group, how many records. No person id, no nickname."""
        entry = {"time": iso(self.clock()), "action": action, "group": group,
                 "records": records}
        if sessions:
            entry["sessions"] = sessions
        _files.append_line(self.root / REGISTER_FILE, json.dumps(entry, ensure_ascii=False))

    def _scrub(self, session_id: str, participant_id: str) -> tuple[int, int]:
        log = SessionLog.open_file(
            self._log_path(session_id), writable=True, clock=self.clock,
            compact_lines=self.compact_lines,
        )
        try:
            counts = log.rewrite(lambda r: _without(r, participant_id))
            BallotBox(self._ballot_path(session_id)).forget(participant_id)
            _files.remove_durably(_files.stray_temps(self._summary_path(session_id)))
            self._seal(log, log.records())
        except BaseException:
            log.close(compact=False)
            raise
        return counts


def _without_votes(record: Record) -> Record | None:
    """Old logs: who chose what (`vote_cast`) goes; the tallies stay in decision_made."""
    return None if isinstance(record.payload, VoteCastData) else record


def _without(record: Record, participant_id: str) -> Record | None:
    p = record.payload
    if isinstance(p, VoteCastData):
        return None  # every one: with the others' votes, the tally would give theirs away
    if isinstance(p, ReflectionRatingData | FeedbackData):
        if p.participant == participant_id:
            return None
    if isinstance(p, VoteAttendanceData) and participant_id in p.voters:
        voters = [x for x in p.voters if x != participant_id]
        if not voters:
            return None
        return record.model_copy(update={"payload": p.model_copy(update={"voters": voters})})
    if isinstance(p, SessionStartedData) and participant_id in p.present:
        present = [x for x in p.present if x != participant_id]
        return record.model_copy(update={"payload": p.model_copy(update={"present": present})})
    if participant_id in json.dumps(record.to_doc(), ensure_ascii=False):
        return None  # anything else that names them goes too
    return record


def _contains(path: Path, needle: bytes) -> bool:
    try:
        return needle in path.read_bytes()
    except FileNotFoundError:
        return False


def begun(records: list[Record], log: SessionLog) -> list[Record]:
    """A session's records, which must begin with session_started: a log whose first event
    was lost or replaced is damaged, not a shorter session."""
    if records and records[0].kind != "session_started":
        raise DamagedEventError(log.where, log.path, records[0].seq,
                                "the session does not begin with session_started")
    return records


def within(moment: datetime, since: date | datetime | None, until: date | datetime | None) -> bool:
    """`moment` falls between `since` and `until`, inclusive (a date: the local day)."""
    def cmp_value(bound: date | datetime) -> Any:
        return moment if isinstance(bound, datetime) else moment.astimezone().date()

    if since is not None and cmp_value(since) < since:
        return False
    if until is not None and cmp_value(until) > until:
        return False
    return True


def forget_participant(
    group: str, participant_id: str, *, root: Path | None = None
) -> ForgetCounts:
    """Erase a participant's data from every file (for `porukka forget`)."""
    return SessionStore(root).forget_participant(group, participant_id)


def delete_session(session_id: str, *, root: Path | None = None) -> int:
    """Delete a session and all its files (for `porukka purge`)."""
    return SessionStore(root).delete_session(session_id)

