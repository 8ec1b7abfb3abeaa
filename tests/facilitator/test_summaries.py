"""A session's summary is what listings read instead of its log: it is trusted only while the
log is exactly as it was when the summary was written from it, it is written while the log is
still locked (so no erasure can be followed by an older summary), and summaries written before
they carried the log's stamp get it once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator import _files
from facilitator.errors import LogError
from facilitator.sessions import SessionStore
from game.story import LoadedStory

from .conftest import crash, play


def _ended(store: SessionStore, group, people, loaded: LoadedStory, n: int = 2) -> list[str]:
    ids = []
    for seed in range(n):
        session = store.start(group.id, [p.id for p in people], loaded, vote_mode="secret",
                              reflection="private")
        play(session, loaded, [p.id for p in people], seed=seed, steps=2)
        session.rate(people[0].id, "mieli", 7)
        session.end()
        ids.append(session.id)
    return ids


def _locked_when_written(store: SessionStore, monkeypatch) -> list[bool]:
    seen: list[bool] = []
    write = SessionStore._write_summary

    def watching(self, summary):
        if summary.ended is not None:
            journal = self.folder / f"{summary.session}.journal"
            seen.append(_files.is_locked(journal))
        return write(self, summary)

    monkeypatch.setattr(SessionStore, "_write_summary", watching)
    return seen


def test_every_ended_summary_is_written_while_its_log_is_locked(
        store, group, people, loaded, monkeypatch):
    seen = _locked_when_written(store, monkeypatch)
    ids = _ended(store, group, people, loaded)  # ending
    left = store.start(group.id, [p.id for p in people], loaded, vote_mode="secret",
                       reflection="private")
    play(left, loaded, [p.id for p in people], steps=1)
    crash(left)
    store.close_interrupted(left.id)  # closing an interrupted one
    store.forget_participant(group.id, people[0].id)  # erasing
    assert len(seen) >= len(ids) + 1 + 3 and all(seen), seen
    for sid in [*ids, left.id]:
        assert not (store.folder / f"{sid}.journal").exists()  # closed after, as before
        assert store.summary(sid).closed


def test_a_summary_is_trusted_only_while_its_log_is_unchanged(
        store, group, people, loaded, monkeypatch):
    sid = _ended(store, group, people, loaded, n=1)[0]
    log = store.folder / f"{sid}.json"
    before = log.read_bytes()
    kettu = people[0]
    store.forget_participant(group.id, kettu.id)
    assert kettu.id not in store.summary(sid).present

    # The summary is trusted: listing reads no log at all.
    def no_log(self, session_id):
        raise AssertionError("a log was read")

    with monkeypatch.context() as m:
        m.setattr(SessionStore, "events", no_log)
        assert [s.id for s in SessionStore().list_sessions()] == [sid]

    # An older copy of the log put back (say from a backup): the log says, not the summary.
    log.write_bytes(before)
    again = SessionStore()
    assert kettu.id in again.summary(sid).present
    # Damaged: not listed as finished any more.
    log.write_bytes(before[:100])
    with pytest.raises(LogError):
        SessionStore().summary(sid)


def _unstamp(root: Path) -> None:
    for path in (root / "sessions").glob("*.summary.json"):
        doc = json.loads(path.read_text("utf-8"))
        doc.pop("log", None)
        path.write_text(json.dumps(doc), "utf-8")
    marks = root / "migrations.json"
    done = json.loads(marks.read_text("utf-8"))
    done.pop("summaries-stamped")
    marks.write_text(json.dumps(done), "utf-8")


def test_summaries_from_before_the_stamp_get_it_once(store, group, people, loaded,
                                                     monkeypatch):
    ids = _ended(store, group, people, loaded)
    before = {sid: store.summary(sid) for sid in ids}
    _unstamp(store.root)
    seen = _locked_when_written(store, monkeypatch)

    again = SessionStore()  # a data folder from the version before: stamped once, under lock
    assert seen == [True, True]
    done = json.loads((store.root / "migrations.json").read_text("utf-8"))
    assert done == {"votes-per-person-dropped": True, "summaries-stamped": True}
    for sid in ids:
        doc = json.loads((store.folder / f"{sid}.summary.json").read_text("utf-8"))
        assert isinstance(doc["log"], list) and len(doc["log"]) == 4
        assert again.summary(sid) == before[sid]
    SessionStore()
    assert len(seen) == 2  # once

    def no_log(self, session_id):
        raise AssertionError("a log was read")

    monkeypatch.setattr(SessionStore, "events", no_log)
    assert sorted(s.id for s in SessionStore().list_sessions()) == sorted(ids)
