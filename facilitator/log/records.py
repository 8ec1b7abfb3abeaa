"""What the session log holds: one payload model per kind of event, and the record around it.

The payloads form one discriminated union (`Payload`, tagged by `kind`), so an event is the
same typed model where the recorder makes it, where `SessionLog` checks and stores it, and
where a report, an export or the resume screen reads it back: readers narrow with
`isinstance` (or `match`) and use fields, never keys with guessed defaults.

On disk a record keeps the shape it has always had (`kind` beside the record's other fields,
the payload without `kind` in `data`), so logs written before the payloads were typed read
unchanged and the schema version stays 1. A stored payload that does not fit its model is
damage: `Record.from_doc` raises `DamagedEventError` naming the log and the event.

A leaf module: pydantic, the play's literal types and the facilitator's errors, nothing that
opens a file, so reports and tests can import it cheaply.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from game.play.events import CounsellorActionKind, DecisionHow, VoteMode

from .._time import parse_time
from ..errors import DamagedEventError, InvalidInput, LogVersionError
from ..validation import check_feedback_word

SCHEMA_VERSION = 1

Kind = Literal[
    "session_started", "scene_entered", "choices_offered", "vote_cast", "vote_attendance",
    "vote_counts", "decision_made", "choice_taken", "skipped_to_ending", "ending_reached",
    "counsellor_action", "reflection_rating", "feedback", "session_ended",
]
ReflectionPrivacy = Literal["private", "skip"]
REFLECTION_PRIVACY: tuple[ReflectionPrivacy, ...] = ("private", "skip")
# finished: the story reached an ending; ended-early: the counsellor ended the session before
# an ending; interrupted: it stopped and was closed without being resumed. Old logs have only
# finished and interrupted.
SessionStatus = Literal["finished", "ended-early", "interrupted"]


# --- payloads, one per kind -----------------------------------------------------------------


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class StoryRef(_Data):
    id: str
    hash: str | None
    title: str


class SessionStartedData(_Data):
    kind: Literal["session_started"] = "session_started"
    group: str
    present: list[str]  # participant ids
    vote_mode: VoteMode
    reflection: ReflectionPrivacy
    language: str
    story: StoryRef
    # Played by `porukka simulate` (demo data, rehearsal, load tests), not by a real group.
    # Logs written before the field existed lack it and read as real sessions.
    simulated: bool = False


class LineData(_Data):
    text: str
    name: str | None = None  # the speaker's name as shown
    who: str | None = None  # the character's id


class SceneEnteredData(_Data):
    kind: Literal["scene_entered"] = "scene_entered"
    lines: list[LineData]
    variables: dict[str, int | bool]
    reflect: bool = False
    state: dict[str, Any]  # `StoryState.to_json()`, parsed: resume from here exactly


class OfferedData(_Data):
    id: str
    number: int
    text: str
    domains: list[str]


class ChoicesOfferedData(_Data):
    kind: Literal["choices_offered"] = "choices_offered"
    choices: list[OfferedData]
    discuss: str | None = None
    timer: int | None = None


class VoteCastData(_Data):
    """Who chose what: written by earlier versions; never written now (`check_payload`
    refuses it), dropped from old logs by a one-time rewrite, and ignored by every reader."""

    kind: Literal["vote_cast"] = "vote_cast"
    participant: str
    choice: str


class VoteAttendanceData(_Data):
    """Who took part in one round of a secret or gamepad ballot, logged once when it closes:
    the ids sorted, so neither the order they voted in nor any time links a person to a
    choice. What they chose is only in the tally (`decision_made`)."""

    kind: Literal["vote_attendance"] = "vote_attendance"
    voters: list[str]
    round: int = Field(default=1, ge=1)

    @field_validator("voters")
    @classmethod
    def _sorted(cls, value: list[str]) -> list[str]:
        return sorted(set(value))


class VoteCountsData(_Data):
    kind: Literal["vote_counts"] = "vote_counts"
    counts: dict[str, int]

    @field_validator("counts")
    @classmethod
    def _not_negative(cls, value: dict[str, int]) -> dict[str, int]:
        if any(n < 0 for n in value.values()):
            raise ValueError("a count cannot be negative")
        return value


class DecisionMadeData(_Data):
    kind: Literal["decision_made"] = "decision_made"
    choice: str
    how: DecisionHow
    seconds: float = Field(ge=0)
    tally: dict[str, int]
    split: bool
    domains: list[str]
    offered: list[str]
    state: dict[str, Any] | None  # the state after the decision


class ChoiceTakenData(_Data):
    kind: Literal["choice_taken"] = "choice_taken"
    choice: str
    number: int
    text: str
    domains: list[str]


class SkippedToEndingData(_Data):
    kind: Literal["skipped_to_ending"] = "skipped_to_ending"
    target: str


class EndingReachedData(_Data):
    kind: Literal["ending_reached"] = "ending_reached"
    title: str
    mood: str


class UndoneData(_Data):
    """The decision a "back" took back: the decision_made at `scene` with `choice`."""

    scene: str
    choice: str


class CounsellorActionData(_Data):
    kind: Literal["counsellor_action"] = "counsellor_action"
    action: CounsellorActionKind
    # One token such as "1.25" or "+60": never free text.
    detail: str = Field(default="", max_length=40, pattern=r"^[\w.:+\-]*$")
    state: dict[str, Any] | None = None  # the state after the action (e.g. after "back")
    # "back" only: the decision it took back. Logs written before the field existed lack it.
    undone: UndoneData | None = Field(default=None, exclude_if=lambda value: value is None)


class ReflectionRatingData(_Data):
    kind: Literal["reflection_rating"] = "reflection_rating"
    participant: str
    domain: str
    value: int | None = Field(ge=0, le=10)  # None: the participant skipped


class FeedbackData(_Data):
    kind: Literal["feedback"] = "feedback"
    participant: str
    face: int | None = Field(ge=1, le=5)  # 1–5; None: skipped
    word: str | None = None

    @field_validator("word")
    @classmethod
    def _one_word(cls, value: str | None) -> str | None:
        return check_feedback_word(value)


class SessionEndedData(_Data):
    kind: Literal["session_ended"] = "session_ended"
    status: SessionStatus


Payload = Annotated[
    Union[  # reason: the discriminated union reads best as a list of members
        SessionStartedData,
        SceneEnteredData,
        ChoicesOfferedData,
        VoteCastData,
        VoteAttendanceData,
        VoteCountsData,
        DecisionMadeData,
        ChoiceTakenData,
        SkippedToEndingData,
        EndingReachedData,
        CounsellorActionData,
        ReflectionRatingData,
        FeedbackData,
        SessionEndedData,
    ],
    Field(discriminator="kind"),
]
PAYLOAD: TypeAdapter[Payload] = TypeAdapter(Payload)

PAYLOADS: dict[str, type[_Data]] = {
    "session_started": SessionStartedData,
    "scene_entered": SceneEnteredData,
    "choices_offered": ChoicesOfferedData,
    "vote_cast": VoteCastData,
    "vote_attendance": VoteAttendanceData,
    "vote_counts": VoteCountsData,
    "decision_made": DecisionMadeData,
    "choice_taken": ChoiceTakenData,
    "skipped_to_ending": SkippedToEndingData,
    "ending_reached": EndingReachedData,
    "counsellor_action": CounsellorActionData,
    "reflection_rating": ReflectionRatingData,
    "feedback": FeedbackData,
    "session_ended": SessionEndedData,
}
KINDS: tuple[str, ...] = tuple(PAYLOADS)
# Read in old logs, never written: a record linking a person to a choice.
RETIRED_KINDS = frozenset({"vote_cast"})
WRITTEN_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k not in RETIRED_KINDS)
STATE_KINDS = frozenset({"scene_entered", "decision_made", "counsellor_action"})
StateCarrier = SceneEnteredData | DecisionMadeData | CounsellorActionData


def check_payload(kind: str, data: Mapping[str, Any] | BaseModel) -> Payload:
    """`data` as the payload model of `kind`, or InvalidInput saying what is wrong with it.

    A mapping is validated into the model; a payload model must be the one of `kind`."""
    if kind not in PAYLOADS:
        raise InvalidInput("log-kind", f"unknown event kind {kind!r}", kind=kind)
    if kind in RETIRED_KINDS:
        raise InvalidInput(
            "log-kind", f"{kind} links a person to a choice; it is no longer logged", kind=kind
        )
    given = getattr(data, "kind", None)
    if isinstance(data, Mapping):
        fields = dict(data)
        given = fields.setdefault("kind", kind)  # a writer's mapping may leave the tag out
        data = fields
    if given != kind:
        raise InvalidInput(
            "log-payload", f"{kind}: kind: the payload is {given!r}", kind=kind, field="kind"
        )
    try:
        return PAYLOAD.validate_python(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        cause = err.get("ctx", {}).get("error")
        if isinstance(cause, InvalidInput):
            raise cause from None
        where = ".".join(str(p) for p in err["loc"][1:])  # the first is the union's tag
        raise InvalidInput(
            "log-payload", f"{kind}: {where}: {err['msg']}", kind=kind, field=where
        ) from None


def stored(payload: BaseModel) -> dict[str, Any]:
    """A payload as the log stores it under `data`: JSON values, without the `kind` tag."""
    return payload.model_dump(mode="json", exclude={"kind"})


# --- records --------------------------------------------------------------------------------


class Record(BaseModel):
    """One logged event: where and when, and its typed `payload` (the kind is the payload's).

    Made from the stored document (`from_doc`) or with `kind=` and `data=` as stored; both
    validate the payload against its kind's model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    session: str
    seq: int
    time: str
    story: str | None
    story_hash: str | None
    scene: str | None
    payload: Payload

    @model_validator(mode="before")
    @classmethod
    def _from_stored_shape(cls, value: Any) -> Any:
        if isinstance(value, Mapping) and "payload" not in value and "kind" in value:
            fields = {k: v for k, v in value.items() if k not in ("kind", "data")}
            data = value.get("data")
            fields["payload"] = (
                {**data, "kind": value["kind"]} if isinstance(data, Mapping) else data
            )
            return fields
        return value

    @property
    def kind(self) -> Kind:
        return self.payload.kind

    @property
    def data(self) -> dict[str, Any]:
        """The payload as stored (JSON values, no `kind`): for comparing the stored form.
        Readers use `payload`'s typed fields."""
        return stored(self.payload)

    @property
    def when(self) -> datetime:
        return parse_time(self.time)

    @property
    def state(self) -> dict[str, Any] | None:
        """The runtime state this event carries (parsed JSON), None when it carries none."""
        if isinstance(self.payload, StateCarrier):
            return self.payload.state or None
        return None

    @property
    def state_json(self) -> str | None:
        """The runtime state this event carries, as `Runtime.restore` takes it, when it
        carries the whole state (the first of a session, and logs written before deltas);
        None for a delta, which `resolve_states` reads against the events before it."""
        state = self.state
        if not state or state.get("schema") == STATE_DELTA:
            return None
        return json.dumps(state, ensure_ascii=False, sort_keys=True)

    def to_doc(self) -> dict[str, Any]:
        """The document the log stores: the same shape as before payloads were typed."""
        return {
            "version": self.version,
            "session": self.session,
            "seq": self.seq,
            "time": self.time,
            "story": self.story,
            "story_hash": self.story_hash,
            "kind": self.kind,
            "scene": self.scene,
            "data": stored(self.payload),
        }

    @classmethod
    def from_doc(
        cls, doc: Mapping[str, Any], where: str = "the log", path: Path | None = None
    ) -> Record:
        """A stored event, validated. Raises LogVersionError for another schema version and
        DamagedEventError (a LogDamagedError) for a document or payload that does not fit."""
        if not isinstance(doc, Mapping):
            raise DamagedEventError(where, path, None, "an event is not a JSON object")
        version = doc.get("version")
        if version != SCHEMA_VERSION:
            raise LogVersionError(version_message(where, version))
        try:
            return cls.model_validate(dict(doc))
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = [str(p) for p in err["loc"]]
            if loc[:1] == ["payload"]:
                loc = ["data", *loc[2:]]  # payload.<kind>.field → data.field, as stored
            seq = doc.get("seq")
            raise DamagedEventError(
                where, path, seq if isinstance(seq, int) else None,
                f"{doc.get('kind')!s}: {'.'.join(loc)}: {err['msg']}",
            ) from None

    @classmethod
    def from_docs(
        cls, docs: Sequence[Any], where: str = "the log", path: Path | None = None
    ) -> list[Record]:
        """Stored events, validated in one pass (a report reads thousands): the same records
        as `from_doc` of each, and for the first that does not fit the same error."""
        shaped: list[dict[str, Any]] = []
        for doc in docs:
            if not (isinstance(doc, dict) and doc.get("version") == SCHEMA_VERSION
                    and "payload" not in doc and isinstance(doc.get("data"), dict)):
                break  # what does not fit is said by `from_doc`, below
            fields = {k: v for k, v in doc.items() if k != "kind" and k != "data"}
            fields["payload"] = {**doc["data"], "kind": doc.get("kind")}
            shaped.append(fields)
        else:
            try:
                return _RECORDS.validate_python(shaped)
            except ValidationError:
                pass
        return [cls.from_doc(doc, where, path) for doc in docs]


_RECORDS: TypeAdapter[list[Record]] = TypeAdapter(list[Record])

P = TypeVar("P", bound=_Data)


def payloads(records: Iterable[Record], model: type[P]) -> Iterator[tuple[Record, P]]:
    """Each record whose payload is a `model`, with the payload typed as one."""
    for record in records:
        if isinstance(record.payload, model):
            yield record, record.payload


def version_message(where: str, version: Any) -> str:
    if isinstance(version, int) and version > SCHEMA_VERSION:
        return (
            f"{where} was written by a newer Porukka (log version {version}); this Porukka "
            f"reads version {SCHEMA_VERSION}. Update Porukka to open it."
        )
    return f"{where} has log version {version!r}; this Porukka reads version {SCHEMA_VERSION}."



def last_of(records: Sequence[Record], model: type[P]) -> tuple[Record, P] | None:
    """The last record whose payload is a `model`, with the payload typed as one."""
    for record in reversed(records):
        if isinstance(record.payload, model):
            return record, record.payload
    return None


RESUME_DETAIL = "restart"  # the detail of the "resume" a resume after an interruption logs


def resume_count(records: Sequence[Record]) -> int:
    """How many times the session was carried on after an interruption (`resume` writes a
    counsellor_action "resume" with the detail "restart"; a pause's resume has none)."""
    return sum(1 for _r, a in payloads(records, CounsellorActionData)
               if a.action == "resume" and a.detail == RESUME_DETAIL)


# --- story states stored as deltas ----------------------------------------------------------

# A state-carrying event stores the whole story state only when nothing came before it; later
# ones store what changed since the previous state-carrying event (`base`, its sequence
# number): the scene, the variables and `ended` as they are, and for each growing list
# (`seen`, `path`, `choices`) how many of the earlier items stay and which come after them.
# So an event costs what it changed, not the length of the playthrough so far, and a log
# grows linearly with the story.
STATE_DELTA = "porukka-state-delta"
STATE_LISTS = ("seen", "path", "choices")


def resolve_states(records: Iterable[Record]) -> tuple[Record, dict[str, Any]] | None:
    """The last state-carrying record with the whole state it stands for (`StoryState`'s
    JSON, parsed), deltas applied in order; None when no record carries a state. Linear in
    the records. DamagedEventError when a delta does not fit what came before it."""
    current: dict[str, Any] | None = None
    last: Record | None = None
    for record in records:
        state = record.state
        if not state:
            continue
        if state.get("schema") != STATE_DELTA:
            current = {k: (list(v) if k in STATE_LISTS and isinstance(v, list) else v)
                       for k, v in state.items()}
        else:
            current = _apply_delta(current, last, record, state)
        last = record
    if current is None or last is None:
        return None
    return last, current


def _apply_delta(
    current: dict[str, Any] | None, last: Record | None, record: Record, delta: dict[str, Any]
) -> dict[str, Any]:
    def damaged(why: str) -> DamagedEventError:
        return DamagedEventError(f"session {record.session}", None, record.seq, f"state: {why}")

    if current is None or last is None or delta.get("base") != last.seq:
        raise damaged(f"it changes event {delta.get('base')!r}, which is not the state "
                      "before it")
    for key, value in delta.items():
        if key in ("schema", "base"):
            continue
        if key not in STATE_LISTS:
            current[key] = value
            continue
        items = current.get(key)
        if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)
                and isinstance(value[1], list) and isinstance(items, list)
                and 0 <= value[0] <= len(items)):
            raise damaged(f"{key} does not fit the state before it")
        del items[value[0]:]
        items.extend(value[1])
    return current


def state_json_at(records: Sequence[Record], seq: int) -> str | None:
    """The whole state event `seq` stands for, as `Runtime.restore` takes it (None when that
    event carries no state)."""
    upto = [r for r in records if r.seq <= seq]
    resolved = resolve_states(upto)
    if resolved is None or resolved[0].seq != seq:
        return None
    return json.dumps(resolved[1], ensure_ascii=False, sort_keys=True)
