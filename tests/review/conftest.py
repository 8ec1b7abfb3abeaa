"""Helpers for the review tests: hand-built event lists, and real sessions played through the
data layer with the game's own play controller."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from facilitator.log.eventlog import SCHEMA_VERSION, Record
from facilitator.review.model import Person
from facilitator.sessions import SessionStore
from game.play.controller import Participant, PlayController
from game.story import LoadedStory, Runtime, load_story

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2025, 1, 14, 9, 30, tzinfo=UTC)
NAMES = ("Kettu", "Susi", "Ilves", "Karhu", "Orava", "Pöllö", "Siili")


class Log:
    """Builds a session's records by hand: `log.add(kind, data, scene=..., after=seconds)`."""

    def __init__(self, session: str = "20250114T093000Z-aaaaaa", start: datetime = T0):
        self.session = session
        self.now = start
        self.records: list[Record] = []

    def add(self, kind: str, data: dict[str, Any], *, scene: str | None = None,
            after: float = 1.0) -> Log:
        if self.records:
            self.now += timedelta(seconds=after)
        self.records.append(Record(
            version=SCHEMA_VERSION, session=self.session, seq=len(self.records) + 1,
            time=self.now.isoformat().replace("+00:00", "Z"), story="tarina",
            story_hash="abc", kind=kind, scene=scene, data=data,
        ))
        return self

    def start(self, present: list[str], *, mode: str = "secret", reflection: str = "private",
              simulated: bool | None = None, group: str = "g-1") -> Log:
        data: dict[str, Any] = {
            "group": group, "present": present, "vote_mode": mode, "reflection": reflection,
            "language": "fi", "story": {"id": "tarina", "hash": "abc", "title": "Tarina"},
        }
        if simulated is not None:
            data["simulated"] = simulated
        return self.add("session_started", data)

    def scene(self, scene: str, text: str = "Teksti.") -> Log:
        return self.add("scene_entered", {"lines": [{"text": text, "name": None, "who": None}],
                                          "variables": {}, "reflect": False, "state": {}},
                        scene=scene)

    def offer(self, scene: str, choices: list[tuple[str, list[str]]],
              discuss: str | None = "Mitä teette?") -> Log:
        return self.add("choices_offered", {
            "choices": [{"id": cid, "number": i + 1, "text": f"Valinta {cid}", "domains": doms}
                        for i, (cid, doms) in enumerate(choices)],
            "discuss": discuss, "timer": None}, scene=scene)

    def decide(self, scene: str, choice: str, tally: dict[str, int], *, how: str = "majority",
               seconds: float = 30.0, domains: list[str] | None = None) -> Log:
        split = sum(1 for n in tally.values() if n > 0) > 1
        return self.add("decision_made", {
            "choice": choice, "how": how, "seconds": seconds, "tally": tally, "split": split,
            "domains": domains or [], "offered": list(tally), "state": None}, scene=scene)

    def rate(self, pid: str, domain: str, value: int | None) -> Log:
        return self.add("reflection_rating", {"participant": pid, "domain": domain,
                                              "value": value}, scene="loppu")

    def feedback(self, pid: str, face: int | None, word: str | None = None) -> Log:
        return self.add("feedback", {"participant": pid, "face": face, "word": word},
                        scene="loppu")

    def end(self, status: str = "finished") -> Log:
        return self.add("session_ended", {"status": status})


def people(n: int) -> dict[str, Person]:
    return {f"p{i}": Person(f"p{i}", NAMES[i % len(NAMES)] + ("" if i < 7 else str(i)))
            for i in range(n)}


@pytest.fixture(scope="session")
def loaded() -> LoadedStory:
    return load_story(ROOT / "stories" / "rahat-loppuu")


class Clock:
    def __init__(self, start: datetime) -> None:
        self.t = start

    def __call__(self) -> datetime:
        self.t += timedelta(seconds=7.25)
        return self.t


def play_session(store: SessionStore, group_id: str, present: list[Any], loaded: LoadedStory,
                 *, seed: int = 1, finish: bool = True, simulated: bool = False,
                 max_steps: int | None = None, faces: list[int | None] | None = None) -> str:
    """A real session: the play controller drives the runtime, votes are cast, the group
    decides (a tie goes to the counsellor), then ratings and feedback; returns its id."""
    rng = random.Random(seed)
    kwargs = {"simulated": True} if simulated else {}
    session = store.start(group_id, [p.id for p in present], loaded, vote_mode="secret",
                          reflection="private", background=False, **kwargs)
    rt = Runtime(loaded.story, "fi", story_hash=loaded.content_hash)
    c = PlayController(rt, "secret",
                       [Participant(p.id, p.nickname, p.colour, p.shape) for p in present],
                       listener=session.recorder, clock=lambda: store.clock().timestamp())
    steps = 0
    while not c.ended and (max_steps is None or steps < max_steps):
        steps += 1
        if c.is_choice_point() and c.offered():
            ids = [o.id for o in c.offered()]
            for p in present:
                c.vote(p.id, rng.choice(ids))
            if steps == 3:
                c.action("pause")
                c.action("resume")
            tally = c.tally()
            c.decide(tally.winner or tally.leaders[0],
                     "majority" if tally.winner else "tie-counsellor")
        elif c.is_choice_point():
            c.skip_to_ending()
        else:
            c.advance()
    if not finish:
        session.close()
        return session.id
    for i, p in enumerate(present):
        for dom in loaded.story.domain_ids():
            session.rate(p.id, dom, rng.choice([None, *range(2, 11)]))
        face = faces[i] if faces is not None else rng.randint(1, 5)
        session.give_feedback(p.id, face, rng.choice([None, "kiva", "jännä"]))
    session.end()
    return session.id


def make_group(store: SessionStore, loaded: LoadedStory) -> dict[str, Any]:
    """A group of six with four real sessions a week apart (the third with four people, the
    last one interrupted) and one simulated session."""
    group = store.groups.create_group("Tiistairyhmä")
    members = [store.groups.add_participant(group.id, n) for n in NAMES[:6]]
    ids = []
    for k in range(4):
        store.clock.t = datetime(2025, 1, 7, 9, 0, tzinfo=UTC) + timedelta(days=7 * k)
        present = members if k != 2 else members[:4]
        ids.append(play_session(store, group.id, present, loaded, seed=k,
                                finish=k != 3, max_steps=10 if k == 3 else None))
    store.clock.t = datetime(2025, 2, 10, 9, 0, tzinfo=UTC)
    demo = play_session(store, group.id, members, loaded, seed=9, simulated=True)
    return {"store": store, "group": group, "members": members, "sessions": ids, "demo": demo}


@pytest.fixture(scope="session")
def shared(tmp_path_factory: pytest.TempPathFactory, loaded: LoadedStory) -> dict[str, Any]:
    """A data folder the read-only tests share (never the per-test PORUKKA_DATA_DIR)."""
    root = tmp_path_factory.mktemp("review-data")
    store = SessionStore(root, clock=Clock(datetime(2025, 1, 7, 9, 0, tzinfo=UTC)))
    return make_group(store, loaded)


@pytest.fixture
def fresh(loaded: LoadedStory) -> dict[str, Any]:
    """The same group in this test's own data folder (PORUKKA_DATA_DIR): for the commands."""
    store = SessionStore(clock=Clock(datetime(2025, 1, 7, 9, 0, tzinfo=UTC)))
    return make_group(store, loaded)
