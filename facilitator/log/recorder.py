"""The listener that turns the engine's and the front end's events into log records.

`SessionRecorder` is handed to the play controller as its listener. It keeps a shadow copy
of the story state, driven only by the events (and a pure `Runtime` for a decision logged
before the runtime moves), so every `scene_entered`, `decision_made` and `counsellor_action`
record carries the exact `StoryState` JSON to resume from.

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
from typing import Any, Protocol

from game.play.events import AnyEvent, CounsellorAction, DecisionMade, VoteCast, VoteCounts
from game.story.errors import StoryError
from game.story.model import Story
from game.story.runtime import (
    ChoicesOffered,
    ChoiceTaken,
    Choose,
    EndingReached,
    Runtime,
    SceneEntered,
    SkippedToEnding,
    StoryState,
)

from ..errors import LogError, LogWriteError
from ..validation import check_feedback_word
from .eventlog import Record, SessionLog


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
    `error` says why, `submit`/`flush`/`wait` raise `LogWriteError`, and `retry()` tries
    the pending records again. While attached, `log.log()` goes through the queue and still
    returns only when durable.
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
            self._raise_if_failed()
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


# --- the listener ---------------------------------------------------------------------------


def state_doc(state: StoryState) -> dict[str, Any]:
    """The state as stored in the log: `StoryState.to_json()`, parsed."""
    return json.loads(state.to_json())


class SessionRecorder:
    """Call it with any engine or play event; it logs a record and returns its sequence number.

    `state` (optional) is where a resumed session stands. After the counsellor's "back" the
    recorder steps its own history back just as the play controller does; a front end that
    moves the state in some other way passes the new state along:
    `recorder(CounsellorAction(scene, "back"), state=previous)`.
    """

    def __init__(
        self,
        sink: Sink,
        story: Story,
        *,
        story_hash: str | None = None,
        lang: str | None = None,
        state: StoryState | None = None,
    ) -> None:
        self.sink = sink
        self.story = story
        self.story_hash = story_hash
        self._runtime = Runtime(story, lang, story_hash=story_hash)
        self._state = state
        self._history: list[StoryState] = []
        self._before: StoryState | None = None  # the state a transition started from
        self._expected: tuple[str, str] | None = None  # decision logged before the runtime moved
        self._taken: tuple[str, str] | None = None  # the runtime moved before the decision
        self._ending_logged = False

    @property
    def state(self) -> StoryState | None:
        """The story state as the log knows it."""
        return self._state

    def set_state(self, state: StoryState) -> None:
        """Follow a state change that came with no event (nothing is logged)."""
        self._state = state
        self._before = None
        self._expected = self._taken = None

    def _blank(self) -> StoryState:
        return StoryState(
            story_id=self.story.id,
            story_hash=self.story_hash,
            scene=self.story.start,
            variables={n: v.initial for n, v in self.story.variables.items()},
            seen=(),
            path=(),
            choices=(),
        )

    def __call__(self, event: AnyEvent, *, state: StoryState | None = None) -> int:
        handler = _HANDLERS.get(type(event))
        if handler is None:
            raise TypeError(f"not an engine or play event: {event!r}")
        kind, scene, data = handler(self, event, state)
        return self.sink.submit(kind, data, scene=scene)

    # -- engine events --

    def _scene_entered(self, ev: SceneEntered, _: StoryState | None) -> tuple:
        prev = self._state if self._state is not None else self._blank()
        if self._state is not None:
            self._history.append(self._before if self._before is not None else self._state)
        self._before = None
        seen = prev.seen if ev.scene in prev.seen else prev.seen + (ev.scene,)
        self._state = prev.model_copy(
            update={
                "scene": ev.scene,
                "variables": dict(ev.variables),
                "seen": seen,
                "path": prev.path + (ev.scene,),
                "ended": self.story.scenes[ev.scene].end is not None,
            }
        )
        data = {
            "lines": [{"text": ln.text, "name": ln.name, "who": ln.who} for ln in ev.lines],
            "variables": dict(ev.variables),
            "reflect": ev.reflect,
            "state": state_doc(self._state),
        }
        return "scene_entered", ev.scene, data

    def _choices_offered(self, ev: ChoicesOffered, _: StoryState | None) -> tuple:
        data = {
            "choices": [
                {"id": c.id, "number": c.number, "text": c.text, "domains": list(c.domains)}
                for c in ev.choices
            ],
            "discuss": ev.discuss,
            "timer": ev.timer,
        }
        return "choices_offered", ev.scene, data

    def _choice_taken(self, ev: ChoiceTaken, _: StoryState | None) -> tuple:
        key = (ev.scene, ev.choice.id)
        if self._expected == key:
            self._expected = None
        else:
            self._taken = key
        if self._state is not None:
            self._before = self._before or self._state
            self._state = self._state.model_copy(
                update={"choices": self._state.choices + (ev.choice.id,)}
            )
        c = ev.choice
        data = {"choice": c.id, "number": c.number, "text": c.text, "domains": list(c.domains)}
        return "choice_taken", ev.scene, data

    def _skipped(self, ev: SkippedToEnding, _: StoryState | None) -> tuple:
        self._expected = self._taken = None
        self._before = self._before or self._state
        return "skipped_to_ending", ev.scene, {"target": ev.target}

    @property
    def reached_ending(self) -> bool:
        """Whether the story reached an ending (logged now, or where a resume started)."""
        if self._ending_logged:
            return True
        scene = self.story.scenes.get(self._state.scene) if self._state is not None else None
        return scene is not None and scene.is_ending

    def _ending(self, ev: EndingReached, _: StoryState | None) -> tuple:
        self._ending_logged = True
        return "ending_reached", ev.scene, {"title": ev.title, "mood": ev.mood}

    # -- play events --

    def _vote_cast(self, ev: VoteCast, _: StoryState | None) -> tuple:
        return "vote_cast", ev.scene, {"participant": ev.participant, "choice": ev.choice_id}

    def _vote_counts(self, ev: VoteCounts, _: StoryState | None) -> tuple:
        return "vote_counts", ev.scene, {"counts": dict(ev.counts)}

    def _decision(self, ev: DecisionMade, given: StoryState | None) -> tuple:
        key = (ev.scene, ev.choice_id)
        after: StoryState | None = None
        if given is not None:
            after = given
        elif self._taken == key:
            after = self._state  # the runtime has already moved on
            self._taken = None
        elif self._state is not None and self._state.scene == ev.scene and not self._state.ended:
            try:
                after = self._runtime.step(self._state, Choose(ev.choice_id)).state
                self._expected = key
            except StoryError:
                after = None  # not a choice the story offers here: log it without a state
        data = {
            "choice": ev.choice_id,
            "how": ev.how,
            "seconds": float(ev.seconds),
            "tally": dict(ev.tally),
            "split": ev.split,
            "domains": list(ev.domains),
            "offered": list(ev.offered),
            "state": state_doc(after) if after is not None else None,
        }
        return "decision_made", ev.scene, data

    def _counsellor(self, ev: CounsellorAction, given: StoryState | None) -> tuple:
        if given is not None:
            self.set_state(given)
        elif ev.action == "back" and self._history:
            self.set_state(self._history.pop())
        data = {
            "action": ev.action,
            "detail": ev.detail,
            "state": state_doc(self._state) if self._state is not None else None,
        }
        return "counsellor_action", ev.scene, data

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


_HANDLERS: dict[type, Callable[[SessionRecorder, Any, StoryState | None], tuple]] = {
    SceneEntered: SessionRecorder._scene_entered,
    ChoicesOffered: SessionRecorder._choices_offered,
    ChoiceTaken: SessionRecorder._choice_taken,
    SkippedToEnding: SessionRecorder._skipped,
    EndingReached: SessionRecorder._ending,
    VoteCast: SessionRecorder._vote_cast,
    VoteCounts: SessionRecorder._vote_counts,
    DecisionMade: SessionRecorder._decision,
    CounsellorAction: SessionRecorder._counsellor,
}
