"""The listener that turns the engine's and the front end's events into log records.

`SessionRecorder` is handed to the play controller as its listener. The controller tells it
what each move did *and* the story state after it (`Happened`), so the recorder is a plain
mapping from events to records: every `scene_entered`, `decision_made` and `counsellor_action`
record carries the state it was handed, exactly the one to resume from. It keeps no copy of
the story state and no undo history of its own; only the last state it was told, to name the
scene of a rating.

A secret or gamepad ballot is the one thing not logged as it happens: no record links a person
to a choice. While a ballot is open its votes are kept for crash-resume in a `BallotBox` (a file
of its own beside the log, 0600, replaced atomically); when the ballot closes (a decision, a
re-vote, "back", a skip) the recorder logs one `vote_attendance` record (who took part, ids
sorted) just before what closed it, and the box's file is deleted and the deletion fsynced.

`BackgroundWriter` keeps the durable writes off the frame: events are numbered and checked at
once in the caller's thread, then written (in batches, one fsync each) by a writer thread.
`durable_seq`, `wait(seq)` and `on_durable` say what is already stored.
"""

from __future__ import annotations

import atexit
import json
import threading
import weakref
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from game.play.events import (
    CounsellorAction,
    DecisionMade,
    Happened,
    VoteCast,
    VoteCounts,
)
from game.story.model import Story
from game.story.runtime import (
    ChoicesOffered,
    ChoiceTaken,
    EndingReached,
    SceneEntered,
    SkippedToEnding,
    StoryState,
)

from .. import _files
from ..errors import LogError, LogWriteError
from ..validation import check_feedback_word
from .eventlog import Record, SessionLog
from .records import STATE_DELTA, STATE_KINDS


class Sink(Protocol):
    """Where records go: a `SessionLog` (durable on return) or a `BackgroundWriter`."""

    def submit(self, kind: str, data: Mapping[str, Any], *, scene: str | None = None) -> int: ...


# --- the writer thread ----------------------------------------------------------------------

_LIVE: weakref.WeakSet[BackgroundWriter] = weakref.WeakSet()


@atexit.register
def _flush_at_exit() -> None:
    for writer in list(_LIVE):
        try:
            writer.close(timeout=5.0)
        except Exception:  # exiting anyway; the journal keeps what was written
            pass


class BackgroundWriter:
    """A queue and a thread doing a `SessionLog`'s durable writes.

    `submit()` returns the event's sequence number at once; it is durable when
    `durable_seq >= seq` (or `wait(seq)` returns True). A failed write stops the thread:
    `error` says why, `flush`/`wait` raise `LogWriteError`, and `retry()` tries the pending
    records again. `submit` still queues: nothing the group did is dropped while the disk is
    full; the records wait in memory, in order, for `retry()`. While attached, `log.log()`
    goes through the queue and still returns only when durable.
    """

    def __init__(
        self,
        log: SessionLog,
        *,
        on_durable: Callable[[int], None] | None = None,
        max_batch: int = 256,
    ) -> None:
        if log.writer is not None:
            raise LogError("the log already has a writer")
        self.session_log = log
        self.on_durable = on_durable
        self.max_batch = max_batch
        self.error: BaseException | None = None
        self._queue: deque[Record] = deque()
        self._cond = threading.Condition()
        self._durable = log.durable_seq
        self._closing = False
        self._closed = False
        self._thread = self._start()
        log.writer = self
        _LIVE.add(self)

    def _start(self) -> threading.Thread:
        thread = threading.Thread(
            target=self._run, name=f"porukka-log-{self.session_log.session_id}", daemon=True
        )
        thread.start()
        return thread

    # -- the caller's side --

    def _submit(self, kind: str, data: Mapping[str, Any], scene: str | None) -> Record:
        with self._cond:
            if self._closing:
                raise LogError("the log writer is closed")
            record = self.session_log.prepare(kind, data, scene=scene)  # in order, under the lock
            self._queue.append(record)
            self._cond.notify_all()
            return record

    def submit(self, kind: str, data: Mapping[str, Any], *, scene: str | None = None) -> int:
        """Queue an event; returns its sequence number. Raises InvalidInput at once."""
        return self._submit(kind, data, scene).seq

    def log(self, kind: str, data: Mapping[str, Any], *, scene: str | None = None) -> Record:
        """Queue an event and wait until it is durable."""
        record = self._submit(kind, data, scene)
        self.wait(record.seq)
        return record

    @property
    def durable_seq(self) -> int:
        return self._durable

    @property
    def pending(self) -> int:
        with self._cond:
            return len(self._queue)

    def waiting(self) -> list[Record]:
        """The records queued and not yet durable, in order."""
        with self._cond:
            return list(self._queue)

    def is_durable(self, seq: int) -> bool:
        return self._durable >= seq

    def wait(self, seq: int, timeout: float | None = None) -> bool:
        """Wait until event `seq` is durable; False on timeout, LogWriteError on failure."""
        with self._cond:
            self._cond.wait_for(lambda: self._durable >= seq or self.error is not None, timeout)
            if self._durable >= seq:
                return True
            self._raise_if_failed()
            return False

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything submitted so far is durable."""
        return self.wait(self.session_log.last_seq, timeout)

    def retry(self) -> bool:
        """After a failed write (e.g. the disk was full): try the pending records again."""
        with self._cond:
            if self.error is None:
                return True
            self.error = None
            if not self._thread.is_alive():
                self._thread = self._start()
        try:
            return self.flush()
        except LogWriteError:
            return False

    def close(self, timeout: float | None = None) -> None:
        """Write what is queued, stop the thread and detach from the log. Raises
        LogWriteError if something could not be written (it stays in the queue)."""
        if self._closed:
            return
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        self._closed = not self._thread.is_alive()
        if self.session_log.writer is self and self._closed:
            self.session_log.writer = None
        _LIVE.discard(self)
        self._raise_if_failed()

    def __enter__(self) -> BackgroundWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _raise_if_failed(self) -> None:
        if self.error is not None:
            raise LogWriteError(f"the session log could not be written: {self.error}") from (
                self.error
            )

    # -- the thread --

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._queue or self._closing)
                if not self._queue:
                    return
                batch = [self._queue[i] for i in range(min(len(self._queue), self.max_batch))]
            try:
                self.session_log.write(batch)
            except BaseException as exc:  # reported to the caller through `error`
                with self._cond:
                    self.error = exc
                    self._cond.notify_all()
                return
            with self._cond:
                for _ in batch:
                    self._queue.popleft()
                self._durable = batch[-1].seq
                self._cond.notify_all()
            if self.on_durable is not None:
                for record in batch:
                    self.on_durable(record.seq)


# --- the open ballot -------------------------------------------------------------------------


BALLOT_SUFFIX = ".ballot"


class BallotBox:
    """The votes of the ballot being held, for crash-resume only: participant id → choice id.

    With a `path` every vote replaces the file atomically (0600; not fsynced: it runs on the
    frame, and a power cut only costs a re-vote) and `close()` deletes it durably; without
    one (rehearsal, tests) the votes live in memory. Nothing here ever reaches the session
    log."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.scene: str | None = None
        self.round = 1
        self.votes: dict[str, str] = {}
        # Whether a file (or a crash's half-written copy) may be on disk: only then does
        # closing look for it, so a decision costs no folder listing.
        self._on_disk = path is not None and (path.exists() or bool(_files.stray_temps(path)))
        if path is not None:
            found = read_ballot(path)
            if found is not None:
                self.scene, self.round, self.votes = found

    def cast(self, scene: str, participant: str, choice: str) -> None:
        if scene != self.scene:
            self.scene, self.round, self.votes = scene, 1, {}
        self.votes[participant] = choice
        self._save()

    def close(self, scene: str | None, *, revote: bool = False) -> tuple[list[str], int] | None:
        """The ballot at `scene` closes: (who voted, sorted; the round), or None when no
        one voted there. The kept votes are removed from disk. `revote`: the group votes
        again at the same scene, in the next round."""
        same = scene is not None and scene == self.scene
        voted = sorted(self.votes) if same else []
        rnd = self.round if same else 1
        self.discard()
        if revote and scene is not None:
            self.scene, self.round = scene, rnd + 1
        else:
            self.scene, self.round = None, 1
        return (voted, rnd) if voted else None

    def new_round(self, scene: str) -> None:
        """Choices are offered at `scene`: its first round begins."""
        self.discard()
        self.scene, self.round = scene, 1

    def forget(self, participant: str) -> None:
        """An erased person's vote in a ballot left open by a crash."""
        if self.votes.pop(participant, None) is None:
            return
        if self.votes:
            self._save()
        else:
            self.discard()

    def discard(self) -> None:
        self.votes = {}
        if self.path is not None and self._on_disk:
            _files.remove_durably([self.path, *_files.stray_temps(self.path)])
            self._on_disk = False

    def _save(self) -> None:
        if self.path is None:
            return
        self._on_disk = True
        doc = {"scene": self.scene, "round": self.round, "votes": self.votes}
        # No fsync: this runs on the frame, once per vote. A kill still leaves the old or the
        # new file; a power cut may lose the open ballot, which is only a re-vote. Removing
        # it when the ballot closes is durable (`discard`).
        _files.atomic_write(
            self.path, json.dumps(doc, sort_keys=True).encode("utf-8"), sync=False
        )


def read_ballot(path: Path) -> tuple[str, int, dict[str, str]] | None:
    """(scene, round, votes) of a ballot file; None when there is none or it is unreadable
    (a damaged ballot is only a re-vote)."""
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("scene"), str):
        return None
    votes = doc.get("votes")
    rnd = doc.get("round", 1)
    if not isinstance(votes, dict) or not isinstance(rnd, int):
        return None
    clean = {str(k): v for k, v in votes.items() if isinstance(v, str)}
    return doc["scene"], max(1, rnd), clean


# --- the listener ---------------------------------------------------------------------------


def state_doc(state: StoryState) -> dict[str, Any]:
    """The whole state: `StoryState.to_json()`, parsed."""
    return json.loads(state.to_json())


def _kept(before: tuple[str, ...], after: tuple[str, ...]) -> list[Any]:
    """`[how many of before's items stay, the items after them]` (see records.STATE_DELTA)."""
    n = len(before)
    if len(after) >= n and after[:n] == before:  # the usual case, compared in C
        return [n, list(after[n:])]
    keep = 0
    while keep < min(n, len(after)) and before[keep] == after[keep]:
        keep += 1
    return [keep, list(after[keep:])]


def state_delta(before: StoryState, base: int, after: StoryState) -> dict[str, Any]:
    """What changed from `before` (stored at event `base`) to `after`, as the log stores it:
    its size does not depend on how long the playthrough already is."""
    return {
        "schema": STATE_DELTA,
        "base": base,
        "story_id": after.story_id,
        "story_hash": after.story_hash,
        "scene": after.scene,
        "variables": dict(after.variables),
        "ended": after.ended,
        "seen": _kept(before.seen, after.seen),
        "path": _kept(before.path, after.path),
        "choices": _kept(before.choices, after.choices),
    }


Handler = Callable[[Any, StoryState], tuple[str, str | None, dict[str, Any]]]


class SessionRecorder:
    """Call it with what a move did (`Happened`): it logs one record per event, each with the
    state it was handed (a vote only goes to the ballot box; a closing ballot adds its
    attendance), and returns the sequence number of the last (0: nothing logged). `logged`
    lists what the last call logged.

    `state` (optional) is where a resumed session stands: the scene ratings are logged at
    until the first move is reported.
    """

    def __init__(
        self,
        sink: Sink,
        story: Story,
        *,
        story_hash: str | None = None,
        lang: str | None = None,
        state: StoryState | None = None,
        ballot: BallotBox | None = None,
        state_seq: int | None = None,
    ) -> None:
        """`state_seq`: the event that stored `state` (a resumed session), so the next state
        is stored as what changed since it."""
        self.sink = sink
        self.story = story
        self.story_hash = story_hash
        self.lang = lang
        self._state = state
        self.ballot = ballot if ballot is not None else BallotBox()
        # What the last call logged: (sequence number, the event it records, or None for a
        # ballot's attendance). A vote logs nothing; a decision may log two records.
        self.logged: tuple[tuple[int, object], ...] = ()
        self._ending_logged = False
        # The last state stored and its event: the base of the next delta.
        self._stored: tuple[int, StoryState] | None = (
            (state_seq, state) if state is not None and state_seq is not None else None
        )

    @property
    def state(self) -> StoryState | None:
        """The story state the recorder was last told."""
        return self._state

    def __call__(self, happened: Happened) -> int:
        if not isinstance(happened, Happened):
            raise TypeError(f"not what a move of play did: {happened!r}")
        handlers = [_HANDLERS.get(type(event)) for event in happened.events]
        for event, handler in zip(happened.events, handlers, strict=True):
            if handler is None:
                raise TypeError(f"not an engine or play event: {event!r}")
        self._state = happened.state
        logged: list[tuple[int, object]] = []
        seq = 0
        for event, handler in zip(happened.events, handlers, strict=True):
            if isinstance(event, VoteCast):
                self.ballot.cast(event.scene, event.participant, event.choice_id)
                continue  # kept for resume only: never logged
            if isinstance(event, ChoicesOffered):
                self.ballot.new_round(event.scene)
            if _closes_ballot(event):
                revote = isinstance(event, CounsellorAction) and event.action == "revote"
                closed = self.ballot.close(event.scene, revote=revote)
                if closed is not None:
                    voters, rnd = closed
                    seq = self.sink.submit(
                        "vote_attendance", {"voters": voters, "round": rnd}, scene=event.scene
                    )
                    logged.append((seq, None))
            if isinstance(event, EndingReached):
                self._ending_logged = True
            kind, scene, data = handler(event, happened.state)  # type: ignore[misc]
            if kind in STATE_KINDS:
                data["state"] = self._stored_form(happened.state)
            seq = self.sink.submit(kind, data, scene=scene)
            logged.append((seq, event))
            if kind in STATE_KINDS:
                self._stored = (seq, happened.state)
        self.logged = tuple(logged)
        return seq

    def _stored_form(self, state: StoryState) -> dict[str, Any]:
        if self._stored is None:
            return state_doc(state)
        base, before = self._stored
        return state_delta(before, base, state)

    @property
    def reached_ending(self) -> bool:
        """Whether the story reached an ending (logged now, or where a resume started)."""
        if self._ending_logged:
            return True
        scene = self.story.scenes.get(self._state.scene) if self._state is not None else None
        return scene is not None and scene.is_ending

    # -- reflection and feedback --

    def rating(self, participant: str, domain: str, value: int | None) -> int:
        """A participant's "me now" rating of a domain, 0–10, or None when skipped."""
        data = {"participant": participant, "domain": domain, "value": value}
        return self.sink.submit("reflection_rating", data, scene=self._scene())

    def feedback(self, participant: str, face: int | None, word: str | None = None) -> int:
        """ "How was today?": a face 1–5 (None: skipped) and optionally one word."""
        data = {"participant": participant, "face": face, "word": check_feedback_word(word)}
        return self.sink.submit("feedback", data, scene=self._scene())

    def _scene(self) -> str | None:
        return self._state.scene if self._state is not None else None


# -- one function per kind of event: (kind, scene, payload) --


def _scene_entered(ev: SceneEntered, state: StoryState) -> tuple[str, str | None, dict]:
    data = {
        "lines": [{"text": ln.text, "name": ln.name, "who": ln.who} for ln in ev.lines],
        "variables": dict(ev.variables),
        "reflect": ev.reflect,
        "state": None,  # filled in by the recorder: whole or a delta
    }
    return "scene_entered", ev.scene, data


def _choices_offered(ev: ChoicesOffered, _: StoryState) -> tuple[str, str | None, dict]:
    data = {
        "choices": [
            {"id": c.id, "number": c.number, "text": c.text, "domains": list(c.domains)}
            for c in ev.choices
        ],
        "discuss": ev.discuss,
        "timer": ev.timer,
    }
    return "choices_offered", ev.scene, data


def _choice_taken(ev: ChoiceTaken, _: StoryState) -> tuple[str, str | None, dict]:
    c = ev.choice
    data = {"choice": c.id, "number": c.number, "text": c.text, "domains": list(c.domains)}
    return "choice_taken", ev.scene, data


def _skipped(ev: SkippedToEnding, _: StoryState) -> tuple[str, str | None, dict]:
    return "skipped_to_ending", ev.scene, {"target": ev.target}


def _ending(ev: EndingReached, _: StoryState) -> tuple[str, str | None, dict]:
    return "ending_reached", ev.scene, {"title": ev.title, "mood": ev.mood}


def _closes_ballot(event: object) -> bool:
    if isinstance(event, DecisionMade):
        return True
    return isinstance(event, CounsellorAction) and event.action in (
        "revote", "back", "skip-to-ending"
    )


def _vote_cast(ev: VoteCast, _: StoryState) -> tuple[str, str | None, dict]:
    raise AssertionError("a vote is kept in the ballot box, never logged")  # pragma: no cover


def _vote_counts(ev: VoteCounts, _: StoryState) -> tuple[str, str | None, dict]:
    return "vote_counts", ev.scene, {"counts": dict(ev.counts)}


def _decision(ev: DecisionMade, state: StoryState) -> tuple[str, str | None, dict]:
    data = {
        "choice": ev.choice_id,
        "how": ev.how,
        "seconds": float(ev.seconds),
        "tally": dict(ev.tally),
        "split": ev.split,
        "domains": list(ev.domains),
        "offered": list(ev.offered),
        "state": None,  # filled in by the recorder: whole or a delta
    }
    return "decision_made", ev.scene, data


def _counsellor(ev: CounsellorAction, state: StoryState) -> tuple[str, str | None, dict]:
    data: dict[str, Any] = {"action": ev.action, "detail": ev.detail, "state": None}
    if ev.undone is not None:
        data["undone"] = {"scene": ev.undone.scene, "choice": ev.undone.choice}
    return "counsellor_action", ev.scene, data


_HANDLERS: dict[type, Handler] = {
    SceneEntered: _scene_entered,
    ChoicesOffered: _choices_offered,
    ChoiceTaken: _choice_taken,
    SkippedToEnding: _skipped,
    EndingReached: _ending,
    VoteCast: _vote_cast,
    VoteCounts: _vote_counts,
    DecisionMade: _decision,
    CounsellorAction: _counsellor,
}
