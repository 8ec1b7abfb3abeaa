"""The data folder: where it is, and that only the user can read it (folders 0700, files 0600)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from facilitator import paths
from facilitator.sessions import SessionStore

from .conftest import crash, play

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def modes(root: Path) -> dict[str, int]:
    out = {}
    for folder, _dirs, files in os.walk(root):
        out[folder] = stat.S_IMODE(os.stat(folder).st_mode)
        for name in files:
            path = os.path.join(folder, name)
            out[path] = stat.S_IMODE(os.stat(path).st_mode)
    return out


def test_the_data_folder_is_the_environments_when_set(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.ENV_VAR, str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"
    assert stat.S_IMODE((tmp_path / "elsewhere").stat().st_mode) == 0o700


def test_otherwise_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    found = paths.data_dir(create=False)
    assert found.name == "porukka"
    assert str(found).startswith(str(tmp_path))


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_every_folder_is_0700_and_every_file_0600(loaded, umask):
    old = os.umask(umask)
    try:
        store = SessionStore()
        g = store.groups.create_group("Ryhmä")
        p = store.groups.add_participant(g.id, "Kettu")
        done = store.start(g.id, [p.id], loaded, vote_mode="hands", reflection="skip")
        play(done, loaded, [])
        done.end()
        open_now = store.start(g.id, [p.id], loaded, vote_mode="hands", reflection="skip")
        play(open_now, loaded, [], steps=1)
        open_now.flush()
        crash(open_now)
    finally:
        os.umask(old)
    found = modes(store.root)
    files = [k for k in found if os.path.isfile(k)]
    assert any(k.endswith(".journal") for k in files)
    assert any(k.endswith("groups.json") for k in files)
    assert any(k.endswith(".summary.json") for k in files)
    for path, mode in found.items():
        want = 0o600 if os.path.isfile(path) else 0o700
        assert mode == want, f"{path}: {oct(mode)}"


def test_existing_files_and_folders_are_narrowed(tmp_path, monkeypatch):
    root = tmp_path / "data"
    (root / "sessions").mkdir(parents=True)
    os.chmod(root, 0o755)
    os.chmod(root / "sessions", 0o775)
    old = root / "sessions" / "copied.summary.json"
    old.write_text("{}")
    os.chmod(old, 0o644)
    monkeypatch.setenv(paths.ENV_VAR, str(root))
    SessionStore()
    for path, mode in modes(root).items():
        assert mode == (0o600 if os.path.isfile(path) else 0o700), path
