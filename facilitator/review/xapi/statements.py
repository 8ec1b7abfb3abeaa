"""The session log as xAPI 1.0.3 statements: a pure mapping, documented in docs/xapi.md.

Actors: the group is an xAPI Group identified by an account (the organisation's home page and
the group's pseudonymous id). A person appears only in the individual statements (self-ratings
and feedback), made only when the organisation turns them on, and then as an Agent whose
account name is a keyed pseudonym (`Options.pseudonym`), never a nickname.

Statement ids are UUID 5 of the session id and the event's sequence number (plus a part name
for the statements one event makes several of), in a namespace made from the base IRI: the
same log gives the same ids, so sending again is never a new statement.

What is left out: who voted what (`vote_cast` never becomes a statement), nicknames, the
one-word feedback unless turned on, and any figure over fewer than `min_people` people.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ._records import (
    Decision,
    Ended,
    EndingReached,
    FeedbackGiven,
    Offer,
    RatingGiven,
    SceneSeen,
    SessionFacts,
)

XAPI_VERSION = "1.0.3"
MIN_PEOPLE = 5  # the reports' suppression threshold (facilitator.review.model.MIN_PEOPLE)
DEFAULT_BASE_IRI = "https://porukka.example/xapi"

Statement = dict[str, Any]


class Verb(NamedTuple):
    id: str
    en: str
    fi: str
    sv: str

    def json(self) -> dict[str, Any]:
        return {"id": self.id, "display": {"en": self.en, "fi": self.fi, "sv": self.sv}}


ADL = "http://adlnet.gov/expapi/verbs/"
INITIALIZED = Verb(ADL + "initialized", "started", "aloitti", "började")
COMPLETED = Verb(ADL + "completed", "completed", "pelasi loppuun", "spelade klart")
TERMINATED = Verb(ADL + "terminated", "ended early", "lopetti kesken", "avslutade i förtid")
ABANDONED = Verb("https://w3id.org/xapi/adl/verbs/abandoned", "was interrupted",
                 "keskeytyi", "avbröts")
EXPERIENCED = Verb(ADL + "experienced", "experienced", "koki", "upplevde")
ANSWERED = Verb(ADL + "answered", "decided", "päätti", "beslutade")
RATED = Verb("http://id.tincanapi.com/verb/rated", "rated", "arvioi", "bedömde")
RESPONDED = Verb(ADL + "responded", "gave feedback", "antoi palautetta", "gav respons")
VOIDED = Verb(ADL + "voided", "voided", "mitätöi", "makulerade")

# The kinds of statement, as `Made.kind` names them (and docs/xapi.md lists them).
KINDS = ("started", "completed", "ended-early", "interrupted", "scene", "decision",
         "ratings-group", "feedback-group", "rating", "feedback", "voided")


@dataclass(frozen=True)
class Options:
    """What the organisation has chosen (see `config.XapiConfig.options`)."""

    base_iri: str = DEFAULT_BASE_IRI
    home_page: str = "https://porukka.example"
    individual: bool = False  # individual self-ratings and feedback, under a pseudonym
    feedback_words: bool = False  # the one word of feedback too (needs `individual`)
    pseudonym: Callable[[str], str] | None = None  # participant id -> keyed pseudonym
    min_people: int = MIN_PEOPLE

    @property
    def base(self) -> str:
        return self.base_iri.rstrip("/")

    def iri(self, *parts: str) -> str:
        return "/".join([self.base, *(_segment(p) for p in parts)])

    def fingerprint(self) -> str:
        """What changes the statements made (not the key): sessions sent under another
        fingerprint are looked at again."""
        return "|".join([self.base, self.home_page, str(self.individual),
                         str(self.feedback_words), str(self.min_people)])


def _segment(part: str) -> str:
    """A path segment of an IRI: ids are letters, digits, '-' and '_'; anything else is
    percent-encoded."""
    from urllib.parse import quote

    return quote(part, safe="-_.~")


class Made(NamedTuple):
    kind: str
    statement: Statement


def namespace(base_iri: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, base_iri.rstrip("/"))


def statement_id(ns: uuid.UUID, session: str, seq: int, part: str = "") -> str:
    return str(uuid.uuid5(ns, f"{session}/{seq}" + (f"/{part}" if part else "")))


def registration(ns: uuid.UUID, session: str) -> str:
    return str(uuid.uuid5(ns, f"registration/{session}"))


def void_id(ns: uuid.UUID, target: str) -> str:
    return str(uuid.uuid5(ns, f"void/{target}"))


# --- building blocks -------------------------------------------------------------------------


def group_actor(opts: Options, group: str) -> dict[str, Any]:
    return {"objectType": "Group", "account": {"homePage": opts.home_page, "name": group}}


def person_actor(opts: Options, participant: str) -> dict[str, Any]:
    if opts.pseudonym is None:
        raise ValueError("individual statements need a pseudonym function")
    return {"objectType": "Agent",
            "account": {"homePage": opts.home_page, "name": opts.pseudonym(participant)}}


def _ext(opts: Options, name: str) -> str:
    return opts.iri("extensions", name)


def _activity(iri: str, type_iri: str, name: dict[str, str] | None = None,
              **more: Any) -> dict[str, Any]:
    definition: dict[str, Any] = {"type": type_iri}
    if name:
        definition["name"] = name
    definition.update(more)
    return {"objectType": "Activity", "id": iri, "definition": definition}


def _lang_map(lang: str, text: str) -> dict[str, str]:
    return {lang: text}


class _Maker:
    """Statements of one session, sharing its context."""

    def __init__(self, facts: SessionFacts, opts: Options) -> None:
        self.f = facts
        self.s = facts.started
        self.opts = opts
        self.ns = namespace(opts.base_iri)
        self.session_iri = opts.iri("sessions", facts.session)
        self.story_iri = opts.iri("stories", self.s.story_id)
        self.group = group_actor(opts, self.s.group)

    def context(self, seq: int, *, team: bool = False) -> dict[str, Any]:
        o, s = self.opts, self.s
        ext: dict[str, Any] = {
            _ext(o, "session"): self.f.session,
            _ext(o, "seq"): seq,
            _ext(o, "story-id"): s.story_id,
            _ext(o, "story-hash"): s.story_hash,
        }
        if s.simulated:
            ext[_ext(o, "simulated")] = True
        ctx: dict[str, Any] = {
            "registration": registration(self.ns, self.f.session),
            "platform": "Porukka",
            "language": s.language,
            "contextActivities": {
                "parent": [{"objectType": "Activity", "id": self.session_iri}],
                "grouping": [{"objectType": "Activity", "id": self.story_iri}],
            },
            "extensions": ext,
        }
        if team:
            ctx["team"] = self.group
        return ctx

    def statement(self, seq: int, time: str, verb: Verb, obj: dict[str, Any], *,
                  part: str = "", actor: dict[str, Any] | None = None,
                  result: dict[str, Any] | None = None, team: bool = False) -> Statement:
        out: Statement = {
            "id": statement_id(self.ns, self.f.key, seq, part),
            "actor": actor if actor is not None else self.group,
            "verb": verb.json(),
            "object": obj,
            "timestamp": time,
            "context": self.context(seq, team=team),
            "version": XAPI_VERSION,
        }
        if result:
            out["result"] = result
        return out

    def session_object(self) -> dict[str, Any]:
        return _activity(self.session_iri, "http://adlnet.gov/expapi/activities/meeting",
                         _lang_map(self.s.language, self.s.story_title or self.s.story_id))

    # -- one statement kind each --

    def started(self) -> Made:
        s = self.s
        result = {"extensions": {_ext(self.opts, "present"): len(s.present),
                                 _ext(self.opts, "vote-mode"): s.vote_mode}}
        return Made("started", self.statement(s.seq, s.time, INITIALIZED,
                                              self.session_object(), result=result))

    def scene(self, f: SceneSeen) -> Made:
        obj = _activity(self.opts.iri("stories", self.s.story_id, "scenes", f.scene),
                        self.opts.iri("activity-types", "scene"),
                        _lang_map(self.s.language, f.scene))
        return Made("scene", self.statement(f.seq, f.time, EXPERIENCED, obj))

    def decision(self, f: Decision, offer: Offer | None) -> Made:
        o = self.opts
        choices = [{"id": c.id, "description": _lang_map(self.s.language, c.text)}
                   for c in (offer.choices if offer else ())]
        if not choices:
            choices = [{"id": c, "description": _lang_map(self.s.language, c)}
                       for c in f.offered]
        definition: dict[str, Any] = {"interactionType": "choice", "choices": choices}
        if offer is not None and offer.discuss:
            definition["description"] = _lang_map(self.s.language, offer.discuss)
        obj = _activity(o.iri("stories", self.s.story_id, "scenes", f.scene, "decision"),
                        "http://adlnet.gov/expapi/activities/cmi.interaction",
                        _lang_map(self.s.language, f.scene), **definition)
        ext: dict[str, Any] = {_ext(o, "how"): f.how, _ext(o, "domains"): list(f.domains)}
        if sum(f.tally.values()) >= o.min_people:
            ext[_ext(o, "tally")] = dict(f.tally)
            ext[_ext(o, "split")] = f.split
        result = {"response": f.choice, "duration": f"PT{f.seconds:.2f}S",
                  "extensions": ext}
        return Made("decision", self.statement(f.seq, f.time, ANSWERED, obj, result=result))

    def end(self, f: Ended, ending: EndingReached | None) -> Made:
        o = self.opts
        result: dict[str, Any]
        if f.status == "interrupted":
            kind, verb, result = "interrupted", ABANDONED, {"completion": False}
        elif ending is not None:
            kind, verb = "completed", COMPLETED
            result = {"completion": True, "extensions": {
                _ext(o, "ending"): o.iri("stories", self.s.story_id, "scenes", ending.scene),
                _ext(o, "mood"): ending.mood}}
        else:
            kind, verb, result = "ended-early", TERMINATED, {"completion": False}
        return Made(kind, self.statement(f.seq, f.time, verb, self.session_object(),
                                         result=result))

    def domain_object(self, domain: str) -> dict[str, Any]:
        return _activity(self.opts.iri("domains", domain),
                         self.opts.iri("activity-types", "domain"),
                         _lang_map(self.s.language, domain))

    def feedback_object(self) -> dict[str, Any]:
        return _activity(self.opts.iri("feedback", "how-was-today"),
                         "http://adlnet.gov/expapi/activities/question",
                         {"fi": "Millainen päivä oli?", "sv": "Hur var dagen?",
                          "en": "How was today?"}, interactionType="likert",
                         scale=[{"id": str(i), "description": {"en": str(i)}}
                                for i in range(1, 6)])

    def ratings_group(self, end: Ended, ratings: list[RatingGiven]) -> list[Made]:
        out = []
        by_domain: dict[str, list[int]] = {}
        for r in ratings:
            if r.value is not None:
                by_domain.setdefault(r.domain, []).append(r.value)
        for domain, values in sorted(by_domain.items()):
            if len(values) < self.opts.min_people:
                continue
            result = {"score": {"raw": round(sum(values) / len(values), 2), "min": 0,
                                "max": 10},
                      "extensions": {_ext(self.opts, "people"): len(values)}}
            out.append(Made("ratings-group", self.statement(
                end.seq, end.time, RATED, self.domain_object(domain),
                part=f"ratings/{domain}", result=result)))
        return out

    def feedback_group(self, end: Ended, feedback: list[FeedbackGiven]) -> list[Made]:
        faces = [f.face for f in feedback if f.face is not None]
        if len(faces) < self.opts.min_people:
            return []
        result = {"score": {"raw": round(sum(faces) / len(faces), 2), "min": 1, "max": 5},
                  "extensions": {_ext(self.opts, "people"): len(faces),
                                 _ext(self.opts, "faces"): [faces.count(i)
                                                            for i in range(1, 6)]}}
        return [Made("feedback-group", self.statement(
            end.seq, end.time, RESPONDED, self.feedback_object(), part="feedback",
            result=result))]

    def rating(self, f: RatingGiven) -> Made | None:
        if f.value is None:
            return None
        result = {"score": {"raw": f.value, "min": 0, "max": 10}}
        return Made("rating", self.statement(
            f.seq, f.time, RATED, self.domain_object(f.domain),
            actor=person_actor(self.opts, f.participant), result=result, team=True))

    def feedback(self, f: FeedbackGiven) -> Made | None:
        word = f.word if self.opts.feedback_words else None
        if f.face is None and not word:
            return None
        result: dict[str, Any] = {}
        if f.face is not None:
            result["score"] = {"raw": f.face, "min": 1, "max": 5}
        if word:
            result["response"] = word
        return Made("feedback", self.statement(
            f.seq, f.time, RESPONDED, self.feedback_object(),
            actor=person_actor(self.opts, f.participant), result=result, team=True))


def session_statements(facts: SessionFacts, opts: Options) -> list[Made]:
    """Every statement of one session, in the order of its events.

    The group's reflection and feedback figures are made only once the session has ended
    (they sum up everyone's answers); the rest as the events come.
    """
    m = _Maker(facts, opts)
    out = [m.started()]
    last_offer: Offer | None = None
    ending: EndingReached | None = None
    ratings: list[RatingGiven] = []
    feedback: list[FeedbackGiven] = []
    for f in facts.facts:
        if isinstance(f, SceneSeen):
            out.append(m.scene(f))
        elif isinstance(f, Offer):
            last_offer = f
        elif isinstance(f, Decision):
            offer = last_offer if last_offer is not None and last_offer.scene == f.scene \
                else None
            out.append(m.decision(f, offer))
        elif isinstance(f, EndingReached):
            ending = f
        elif isinstance(f, RatingGiven):
            ratings.append(f)
            if opts.individual:
                made = m.rating(f)
                if made is not None:
                    out.append(made)
        elif isinstance(f, FeedbackGiven):
            feedback.append(f)
            if opts.individual:
                made = m.feedback(f)
                if made is not None:
                    out.append(made)
        elif isinstance(f, Ended):
            out.extend(m.ratings_group(f, ratings))
            out.extend(m.feedback_group(f, feedback))
            out.append(m.end(f, ending))
    return out


def person_statement_ids(facts: SessionFacts, base_iri: str, participant: str) -> set[str]:
    """The ids of every statement that holds something of this person's answers, whatever
    the settings were when it was made: their own ratings and feedback, and the group's
    reflection and feedback figures of a session where they answered."""
    ns = namespace(base_iri)
    out: set[str] = set()
    answered = False
    for f in facts.facts:
        if isinstance(f, RatingGiven | FeedbackGiven) and f.participant == participant:
            out.add(statement_id(ns, facts.key, f.seq))
            answered = True
    end = facts.ended
    if answered and end is not None:
        domains = {f.domain for f in facts.facts if isinstance(f, RatingGiven)}
        out.update(statement_id(ns, facts.key, end.seq, f"ratings/{d}") for d in domains)
        out.add(statement_id(ns, facts.key, end.seq, "feedback"))
    return out


def all_statement_ids(facts: SessionFacts, base_iri: str) -> set[str]:
    """Every id a statement of this session could have, under any settings."""
    ns = namespace(base_iri)
    out = {statement_id(ns, facts.key, facts.started.seq)}
    out.update(statement_id(ns, facts.key, f.seq) for f in facts.facts)
    end = facts.ended
    if end is not None:
        domains = {f.domain for f in facts.facts if isinstance(f, RatingGiven)}
        out.update(statement_id(ns, facts.key, end.seq, f"ratings/{d}") for d in domains)
        out.add(statement_id(ns, facts.key, end.seq, "feedback"))
    return out


def voiding_statement(target: str, time: str, opts: Options) -> Statement:
    """The statement that tells the LRS to void (erase from view) the statement `target`."""
    return {
        "id": void_id(namespace(opts.base_iri), target),
        "actor": {"objectType": "Agent",
                  "account": {"homePage": opts.home_page, "name": "porukka"}},
        "verb": VOIDED.json(),
        "object": {"objectType": "StatementRef", "id": target},
        "timestamp": time,
        "version": XAPI_VERSION,
    }


def kinds_count(made: Iterable[Made]) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in made:
        out[m.kind] = out.get(m.kind, 0) + 1
    return out
