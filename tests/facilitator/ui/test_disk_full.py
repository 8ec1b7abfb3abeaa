"""A disk that fills up mid-session, in a real window: the data folder lives on a tiny tmpfs
(mounted by the test; it is skipped, saying why, where mounting is not allowed)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pygame
import pytest

from facilitator.groups import GroupStore
from facilitator.paths import groups_path
from facilitator.sessions import SessionStore
from game.ui.views.play import PlayView
from game.ui.views.saving import SavingView

from .conftest import FacDriver


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs",
                           str(mnt)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(folder: Path) -> Path:
    """Fill the filesystem to the last byte."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512, 1):
            while True:
                try:
                    os.write(fd, b"\0" * size)
                except OSError:
                    break
    finally:
        os.close(fd)
    return filler


def wait_for(d: FacDriver, what, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not what():
        assert time.monotonic() < end, f"waited in vain; top view {d.kind}"
        d.frames()
        time.sleep(0.01)


def test_a_full_disk_stops_play_on_a_calm_screen_and_try_again_loses_nothing(
    tiny_disk: Path, menu
) -> None:
    """Regression (issue 14): the game showed more scenes after the log stopped, then the
    generic error; "try to carry on" never retried the pending records."""
    root = tiny_disk / "data"
    store = SessionStore(root, groups=GroupStore(groups_path(root)))
    group = store.groups.create_group("Tiistairyhmä")
    for name in ("Kettu", "Susi"):
        store.groups.add_participant(group.id, name)
    d, fac = menu(store)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    options = d.top
    options.options[1].index = options.options[1].values.index("counsellor")
    d.key(pygame.K_RETURN)
    play = d.top
    assert isinstance(play, PlayView)
    session = fac.run.session
    session.flush(5)

    filler = fill(tiny_disk)
    scenes = play.flow.scene_count
    for _ in range(40):  # the group reads on: the first move that is logged fails to write
        if isinstance(d.top, SavingView):
            break
        if play.flow.phase == "choices":
            d.key(pygame.K_1)  # the counsellor picks the first choice
            d.key(pygame.K_RETURN)
        else:
            d.key(pygame.K_SPACE)
        time.sleep(0.01)
    wait_for(d, lambda: isinstance(d.top, SavingView))
    moved = play.flow.scene_count
    assert moved > scenes
    # Play stopped at once: of the moves not yet written, at most the first (whose events
    # are queued) entered a scene; nothing was shown after the write had failed.
    queued = session.writer.waiting()
    assert sum(r.kind == "scene_entered" for r in queued) <= 1
    assert d.shown("Tietokoneen levy on täynnä. Vapauta tilaa")
    waiting = session.writer.pending
    assert waiting >= 1

    for _ in range(5):  # keys do not move the story on behind the screen
        d.key(pygame.K_RIGHT)
    assert play.flow.scene_count == moved
    d.key(pygame.K_RETURN)  # Try again, with the disk still full
    assert isinstance(d.top, SavingView) and d.shown("Ei onnistunut vieläkään")
    assert session.writer.pending >= waiting

    os.remove(filler)
    d.key(pygame.K_RETURN)  # Try again: everything waiting is written, then play goes on
    assert isinstance(d.top, PlayView)
    assert session.writer.error is None and session.writer.pending == 0
    assert session.durable_seq == session.log.last_seq
    for _ in range(3):
        d.key(pygame.K_SPACE)
    session.flush(5)
    seqs = [r.seq for r in store.events(session.id)]
    assert seqs == list(range(1, session.log.last_seq + 1))  # nothing lost, nothing twice


def test_start_on_a_read_only_data_folder_says_what_is_wrong(tiny_disk: Path, menu) -> None:
    """Regression (issue 14): Start on an archived (read-only) copy opened the generic error
    screen offering to "end the session", though none had started."""
    root = tiny_disk / "data"
    store = SessionStore(root, groups=GroupStore(groups_path(root)))
    group = store.groups.create_group("Tiistairyhmä")
    for name in ("Kettu", "Susi"):
        store.groups.add_participant(group.id, name)
    done = subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount the tmpfs read-only: {done.stderr.strip()}")
    store = SessionStore(root, groups=GroupStore(groups_path(root)))  # opens read-only data
    d, fac = menu(store)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_RETURN)
    before = d.kind
    d.key(pygame.K_RETURN)  # Start
    assert d.kind == before and fac.run is None  # still on the set-up, no session
    notes = " ".join(text for text, _ in d.app.notes)
    assert "Tapaamista ei voi aloittaa: datakansioon ei voi kirjoittaa" in notes
    assert not d.shown("Lopeta sessio") and not d.shown("Nyt meni jokin vikaan")
