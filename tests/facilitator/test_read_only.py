"""A read-only data folder (an archived copy): it lists, reports and exports; writing
commands say what is wrong in the user's language, never the last-resort message. The folder
is a tmpfs remounted read-only (root cannot be stopped by file modes); the test is skipped,
saying why, where mounting is not allowed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.sessions import SessionStore
from game.story import load_story

from .conftest import play

ROOT = Path(__file__).resolve().parents[2]


def mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@pytest.fixture
def read_only_copy(tmp_path: Path):
    mnt = tmp_path / "archive"
    mnt.mkdir()
    done = mount("-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        store = SessionStore(mnt / "data")
        loaded = load_story(ROOT / "stories" / "rahat-loppuu")
        group = store.groups.create_group("Tiistairyhmä")
        people = [store.groups.add_participant(group.id, n).id for n in ("Kettu", "Susi")]
        ids = []
        for seed in range(2):
            s = store.start(group.id, people, loaded, vote_mode="secret", reflection="private")
            play(s, loaded, people, seed=seed, steps=2)
            s.end()
            ids.append(s.id)
        os.chmod(mnt / "data", 0o755)  # as a copy made by hand may be: wider than ours
        done = mount("-o", "remount,ro", str(mnt))
        if done.returncode != 0:
            pytest.skip(f"cannot remount the tmpfs read-only: {done.stderr.strip()}")
        yield mnt / "data", ids
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PORUKKA_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, str(ROOT / "launcher.py"), *args], env=env,
                          capture_output=True, text=True, timeout=120, cwd=ROOT)


@pytest.mark.slow
def test_a_read_only_data_folder_lists_reports_and_exports(read_only_copy, tmp_path):
    data, ids = read_only_copy
    listing = cli(data, "sessions", "--lang", "en")
    assert listing.returncode == 0, listing.stderr
    assert all(i in listing.stdout for i in ids)
    report = cli(data, "report", "--group", "Tiistairyhmä", "-o", str(tmp_path / "r.html"))
    assert report.returncode == 0, report.stderr
    one = cli(data, "report", ids[0], "-o", str(tmp_path / "s.html"))
    assert one.returncode == 0, one.stderr
    out = cli(data, "export", "--format", "json", "-o", "-")
    assert out.returncode == 0, out.stderr
    assert sorted(r["session"] for r in json.loads(out.stdout)["sessions"]) == sorted(ids)


@pytest.mark.slow
@pytest.mark.parametrize("command", [
    ("forget", "Kettu", "--group", "Tiistairyhmä", "--yes"),
    ("purge", "--older-than", "0d", "--yes"),
    ("simulate", "--sessions", "1", "--seed", "1"),
])
def test_writing_to_a_read_only_folder_is_said_plainly(read_only_copy, command):
    """Regression (issue 14): these ended in the last-resort message."""
    data, _ = read_only_copy
    done = cli(data, *command, "--lang", "fi")
    assert done.returncode == 1
    assert "ei voi kirjoittaa" in done.stderr and "vain luettava kopio" in done.stderr
    assert "odottamatonta" not in done.stderr and "unexpected" not in done.stderr
