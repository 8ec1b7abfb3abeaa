"""`porukka simulate` from the command line: what it prints, what it stores, clean failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from facilitator.groups import GroupStore
from facilitator.paths import groups_path
from facilitator.sessions import SessionStore

from .conftest import ROOT

pytestmark = pytest.mark.slow  # each test runs `launcher.py simulate` in a new process


def porukka(*args: str, data=None, lang: str = "en"):
    env = {**os.environ, "LANG": f"{lang}_FI.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}
    for var in ("LANGUAGE", "LC_ALL", "PORUKKA_LANG", "DISPLAY", "WAYLAND_DISPLAY",
                "SDL_VIDEODRIVER"):
        env.pop(var, None)
    if data is not None:
        env["PORUKKA_DATA_DIR"] = str(data)
    return subprocess.run([sys.executable, "launcher.py", "simulate", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env, timeout=120)


def test_plays_sessions_into_the_data_folder_and_says_so(tmp_path):
    res = porukka("rahat-loppuu", "oma-koti", "--group", "Kokeilu", "--participants", "4",
                  "--sessions", "3", "--seed", "7", "--vote-mode", "hands", data=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "Simulated 3 sessions for" in res.stdout and "Seed 7" in res.stdout
    assert str(tmp_path) in res.stdout and "porukka report --group" in res.stdout
    store = SessionStore(tmp_path)
    sessions = sorted(store.list_sessions(), key=lambda s: s.started)
    assert [s.story_id for s in sessions] == ["rahat-loppuu", "oma-koti", "rahat-loppuu"]
    assert all(s.simulated and s.status == "finished" and s.vote_mode == "hands"
               for s in sessions)
    group = store.groups.find_group("Kokeilu")
    assert group is not None and group.simulated
    assert len(store.groups.participants(group.id)) == 4
    events = sum(s.events for s in sessions)
    assert f"{events} events" in res.stdout
    first = store.events(sessions[0].id)[0]
    assert first.kind == "session_started" and first.data["simulated"] is True


def test_a_second_run_carries_on_with_the_same_people(tmp_path):
    assert porukka("--sessions", "1", "--participants", "3", "--seed", "1",
                   data=tmp_path).returncode == 0
    groups = GroupStore(groups_path(tmp_path))
    group = groups.find_group("Demo group")
    before = [p.nickname for p in groups.participants(group.id)]
    assert porukka("--sessions", "1", "--participants", "5", "--seed", "2",
                   data=tmp_path).returncode == 0
    after = [p.nickname for p in GroupStore(groups_path(tmp_path)).participants(group.id)]
    assert after[:3] == before and len(after) == 5
    assert len(SessionStore(tmp_path).list_sessions(group=group.id)) == 2


def test_messages_follow_the_language(tmp_path):
    res = porukka("--sessions", "1", "--seed", "3", data=tmp_path, lang="fi")
    assert res.returncode == 0, res.stderr
    assert "Simuloitiin 1 tapaaminen ryhmälle 'Demoryhmä'" in res.stdout
    res = porukka("--sessions", "1", "--seed", "3", data=tmp_path, lang="sv")
    assert "Simulerade 1 träff för gruppen 'Demogrupp'" in res.stdout


@pytest.mark.parametrize("start", ["2025-01-07", "7.1.2025"])
def test_start_dates_the_sessions_a_week_apart(tmp_path, start):
    """Days are written as everywhere else on the command line: ISO or the Finnish D.M.YYYY."""
    res = porukka("--sessions", "2", "--start", start, "--seed", "1", data=tmp_path)
    assert res.returncode == 0, res.stderr
    started = sorted(s.started.astimezone().strftime("%Y-%m-%d %H")
                     for s in SessionStore(tmp_path).list_sessions())
    assert started == ["2025-01-07 10", "2025-01-14 10"]


@pytest.mark.parametrize(
    "args,says",
    [
        (["no-such-story"], "no-such-story"),
        (["--participants", "9"], "between 2 and 8"),
        (["--participants", "1"], "between 2 and 8"),
        (["--sessions", "0"], "at least 1"),
        (["--participants", "many"], "--participants"),
        (["--vote-mode", "dice"], "--vote-mode"),
        (["--start", "7.1."], "YYYY-MM-DD"),
        (["--start", "2025-02-30"], "not a date"),
        (["--size", "10x10", "--show"], "--size"),
        (["--pace", "-1", "--show"], "--pace"),
        (["--group", "kettu@example.fi"], "e-mail"),
        (["--group", "   "], "Write a group name"),
    ],
)
def test_bad_input_is_a_clear_message_and_exit_2(tmp_path, args, says):
    res = porukka(*args, "--sessions" if "--sessions" not in args else "--seed", "1",
                  data=tmp_path)
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert says in res.stderr and "Traceback" not in res.stderr
    assert res.stdout == ""


def test_a_real_group_is_never_simulated_into(tmp_path):
    real = GroupStore(groups_path(tmp_path)).create_group("Tiistairyhmä")
    res = porukka("--group", "tiistairyhmä", "--sessions", "1", data=tmp_path)
    assert res.returncode == 2 and "real group" in res.stderr
    assert "Traceback" not in res.stderr
    assert SessionStore(tmp_path).list_sessions(group=real.id) == []


def test_a_story_with_errors_is_exit_1(tmp_path):
    broken = tmp_path / "b.yaml"
    broken.write_text("format: 1\nid: b\nstart: x\nscenes:\n  a:\n    lines: [A]\n    goto: b\n")
    res = porukka(str(broken), "--sessions", "1", data=tmp_path / "data")
    assert res.returncode == 1 and "error[" in res.stderr and "Traceback" not in res.stderr


def test_without_a_screen_show_says_why(tmp_path):
    res = porukka("--show", "--sessions", "1", data=tmp_path)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "window" in res.stderr


def test_trace_prints_a_marker_per_durable_event(tmp_path):
    res = porukka("--sessions", "2", "--trace", "--writer", "sync", "--seed", "4",
                  data=tmp_path)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "READY"
    starts = [i for i, line in enumerate(lines) if line.startswith("S ")]
    assert len(starts) == 2
    store = SessionStore(tmp_path)
    for i in starts:
        sid = lines[i][2:]
        end = lines.index(f"F {sid}")
        seqs = [int(x) for x in lines[i + 1:end]]
        assert seqs == list(range(1, len(store.events(sid)) + 1))
    assert "Simulated 2 sessions for" in res.stderr  # the summary goes to stderr with --trace


def test_help_lists_the_options():
    res = subprocess.run([sys.executable, "launcher.py", "simulate", "--help"], cwd=ROOT,
                         capture_output=True, text=True, env={**os.environ, "LANG": "en_US"})
    assert res.returncode == 0
    for option in ("--group", "--participants", "--sessions", "--seed", "--vote-mode", "--show",
                   "--pace", "--start", "--writer", "--trace"):
        assert option in res.stdout


def test_json_of_the_log_is_plain(tmp_path):
    """The log stays TinyDB JSON that any tool reads."""
    assert porukka("--sessions", "1", "--seed", "9", data=tmp_path).returncode == 0
    files = list((tmp_path / "sessions").glob("*Z-*.json"))
    logs = [f for f in files if not f.name.endswith(".summary.json")]
    assert len(logs) == 1
    body = json.loads(logs[0].read_text("utf-8"))
    assert body["events"]["1"]["data"]["simulated"] is True
