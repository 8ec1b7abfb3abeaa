"""The groups file is shared by processes: one writer at a time, never a stale copy written
back (issue 13, problem 3)."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest

from facilitator.groups import GroupStore
from facilitator.sessions import SessionStore

pytestmark = pytest.mark.slow  # several processes at once


CTX = mp.get_context("spawn")  # a fresh interpreter, as a second window or `simulate` run is


def _add_many(path: str, worker: int, count: int, start: object) -> None:
    store = GroupStore(Path(path))  # opened once and held, as the game window holds it
    start.wait()  # type: ignore[attr-defined]
    group = store.create_group(f"Ryhmä {worker}")
    for i in range(count):
        store.add_participant(group.id, f"W{worker}n{i}")
        store.add_participant(store.find_group("Yhteinen").id, f"Y{worker}n{i}")  # type: ignore[union-attr]


def test_processes_adding_groups_and_people_at_once_lose_nothing(tmp_path):
    """Two windows or several `simulate` runs lost each other's groups and participants."""
    path = tmp_path / "groups.json"
    GroupStore(path).create_group("Yhteinen")
    start = CTX.Event()
    workers = [CTX.Process(target=_add_many, args=(str(path), w, 8, start)) for w in range(4)]
    for w in workers:
        w.start()
    start.set()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    store = GroupStore(path)
    assert {g.name for g in store.groups()} == {"Yhteinen", *(f"Ryhmä {w}" for w in range(4))}
    for w in range(4):
        own = store.find_group(f"Ryhmä {w}")
        assert own is not None and len(store.participants(own.id)) == 8
    shared = store.find_group("Yhteinen")
    assert shared is not None and len(store.participants(shared.id)) == 32


def _window(root: str, group_id: str, ready: object, go: object) -> None:
    """The game window: a store opened before the erasure, then someone added after it."""
    store = SessionStore(Path(root))
    store.groups.participants(group_id)  # it has read the file
    ready.set()  # type: ignore[attr-defined]
    go.wait()  # type: ignore[attr-defined]
    store.groups.add_participant(group_id, "Uusi")


def test_forget_while_a_window_is_open_sticks(tmp_path):
    """`forget` while the game window was open was undone the next time the window added a
    participant: the window wrote back its cached copy of the file."""
    root = tmp_path / "data"
    store = SessionStore(root)
    group = store.groups.create_group("Tiistairyhmä")
    kettu = store.groups.add_participant(group.id, "Kettu")
    store.groups.add_participant(group.id, "Susi")
    ready, go = CTX.Event(), CTX.Event()
    window = CTX.Process(target=_window, args=(str(root), group.id, ready, go))
    window.start()
    assert ready.wait(60)
    store.forget_participant(group.id, kettu.id)
    go.set()
    window.join(60)
    assert window.exitcode == 0
    after = SessionStore(root).groups
    assert sorted(p.nickname for p in after.participants(group.id)) == ["Susi", "Uusi"]
    assert b"Kettu" not in (root / "groups.json").read_bytes()
    assert kettu.id.encode() not in (root / "groups.json").read_bytes()


def test_a_held_store_sees_changes_made_elsewhere(tmp_path):
    path = tmp_path / "groups.json"
    window = GroupStore(path)
    group = window.create_group("Tiistairyhmä")
    kettu = window.add_participant(group.id, "Kettu")
    GroupStore(path).remove_participant(kettu.id)
    GroupStore(path).add_participant(group.id, "Susi")
    assert [p.nickname for p in window.participants(group.id)] == ["Susi"]
    assert window.nicknames([kettu.id]) == {}
