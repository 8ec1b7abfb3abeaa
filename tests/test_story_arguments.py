"""Every command that takes a story takes a built-in id, a folder or a file alike.

The commands run from a working folder outside the checkout, so an id can only be found as an
id (not as a relative path that happens to exist).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.resources import builtin_stories_dir

ROOT = Path(__file__).resolve().parents[1]
STORY = "rahat-loppuu"


def porukka(*args: str, cwd: Path, data: Path | None = None):
    env = {**os.environ, "LANG": "en_US.UTF-8", "PYTHONPATH": str(ROOT)}
    for var in ("LANGUAGE", "LC_ALL", "DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):
        env.pop(var, None)
    if data is not None:
        env["PORUKKA_DATA_DIR"] = str(data)
    return subprocess.run([sys.executable, str(ROOT / "launcher.py"), *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=120)


def _names() -> list[str]:
    folder = builtin_stories_dir() / STORY
    return [STORY, str(folder), str(folder / "story.yaml")]


@pytest.mark.parametrize("name", _names(), ids=["id", "folder", "file"])
def test_validate(tmp_path, name):
    res = porukka("validate", name, "--format", "json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    body = json.loads(res.stdout)
    assert body["errors"] == 0
    assert [Path(f["file"]).parent.name for f in body["files"]] == [STORY]


def test_validate_several_ids_and_a_folder_together(tmp_path):
    res = porukka("validate", STORY, "oma-koti", str(builtin_stories_dir()), "--format", "json",
                  cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    files = [Path(f["file"]).parent.name for f in json.loads(res.stdout)["files"]]
    assert files[:2] == [STORY, "oma-koti"] and len(files) == len(set(files)) >= 4


@pytest.mark.parametrize("name", _names(), ids=["id", "folder", "file"])
def test_test(tmp_path, name):
    res = porukka("test", name, "--walks", "10", cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "✓" in res.stdout and " 0 failed" in res.stdout


def test_graph(tmp_path):
    out = tmp_path / "map.mmd"
    res = porukka("graph", STORY, "-o", str(out), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    text = out.read_text("utf-8")
    assert "flowchart" in text and 'title: "Rahat loppuu kesken"' in text


def test_strings_export(tmp_path):
    out = tmp_path / "de.csv"
    res = porukka("strings", "export", STORY, "--lang", "de", "-o", str(out), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert out.read_text("utf-8").count("\n") > 10


def test_run(tmp_path):
    res = porukka("run", STORY, "--choose", "1", "--json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["story"] == STORY


def test_simulate(tmp_path):
    res = porukka("simulate", STORY, "--sessions", "1", "--seed", "1", cwd=tmp_path,
                  data=tmp_path / "data")
    assert res.returncode == 0, res.stderr
    from facilitator.sessions import SessionStore

    assert [s.story_id for s in SessionStore(tmp_path / "data").list_sessions()] == [STORY]


def test_play(tmp_path, monkeypatch):
    import launcher
    from game.ui.app import App
    from game.ui.main import Game

    played: list[str] = []
    play_view = Game.play_view

    def record(game, loaded, *args, **kwargs):
        played.append(loaded.story.id)
        return play_view(game, loaded, *args, **kwargs)

    monkeypatch.setattr(Game, "play_view", record)
    monkeypatch.setattr(App, "run", lambda app, clock=None, max_frames=None: None)
    monkeypatch.chdir(tmp_path)
    assert launcher.main(["play", STORY]) == 0
    assert played == [STORY]


@pytest.mark.parametrize("args", [
    ["validate", "no-such-story"], ["test", "no-such-story"], ["graph", "no-such-story"],
    ["strings", "export", "no-such-story", "--lang", "de"], ["run", "no-such-story"],
    ["simulate", "no-such-story"],
], ids=lambda a: a[0] if a[0] != "strings" else "strings-export")
def test_an_unknown_story_is_a_usage_error_naming_it(tmp_path, args):
    res = porukka(*args, cwd=tmp_path, data=tmp_path / "data")
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert "no-such-story" in res.stderr and "Traceback" not in res.stderr
