"""`porukka simulate --trace` killed with SIGKILL at random moments, many times.

The child prints `READY`, then `S <session>` when a session has started, one line `<seq>` the
moment an event is durable (with `--writer sync`: when its logging call has returned; with the
writer thread: when the thread reports it stored), and `F <session>` once a session is closed.
After each kill: every printed event is in the log, numbered without gaps; every database
opens; the files of earlier sessions are byte for byte as they were; the session that was cut
off is listed as interrupted, its resume point is its last stored state, and
`SessionStore.resume` carries it on to the end.

18 runs in 3 lanes by default (about 15 s); `PORUKKA_SIM_CRASH_RUNS=300` (and
`PORUKKA_SIM_CRASH_SEED`) for a longer hunt.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from facilitator.groups import GroupStore
from facilitator.log.records import resolve_states
from facilitator.paths import groups_path
from facilitator.sessions import SessionStore
from game.play.controller import Participant, PlayController
from game.story.runtime import Runtime

from .conftest import ROOT

RUNS = int(os.environ.get("PORUKKA_SIM_CRASH_RUNS", "18"))
SEED = int(os.environ.get("PORUKKA_SIM_CRASH_SEED", "20250107"))
LANES = 3
GROUP = "Kaatumistesti"
MODES = ("secret", "hands", "gamepads", "counsellor")

pytestmark = [pytest.mark.slow,  # crash tests: kill -9 at random moments
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]


@dataclass
class Seen:
    durable: list[int] = field(default_factory=list)
    closed: bool = False


def run_and_kill(root: Path, seed: int, writer: str, mode: str, delay: float) -> list[str]:
    env = {**os.environ, "PORUKKA_DATA_DIR": str(root), "LANG": "en_US.UTF-8"}
    proc = subprocess.Popen(
        [sys.executable, "launcher.py", "simulate", "--group", GROUP, "--participants", "5",
         "--sessions", "100000", "--seed", str(seed), "--writer", writer, "--vote-mode", mode,
         "--trace"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            if not raw.endswith(b"\n"):
                break  # cut off by the kill: never printed whole
            lines.append(raw.decode().rstrip("\n"))
            if lines[-1].startswith("S "):
                ready.set()  # a session has begun: the kill lands in one however slow the start
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if ready.wait(120) and proc.poll() is None:
        threading.Event().wait(delay)
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(60)
    reader.join(60)
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert proc.returncode == -signal.SIGKILL, f"the child stopped by itself:\n{err}"
    assert lines and lines[0] == "READY", err
    return lines


def parse(lines: list[str]) -> tuple[dict[str, Seen], str | None]:
    sessions: dict[str, Seen] = {}
    current = None
    for line in lines[1:]:
        if line.startswith("S "):
            current = line[2:]
            sessions[current] = Seen()
        elif line.startswith("F "):
            sessions[line[2:]].closed = True
        else:
            assert current is not None, line
            sessions[current].durable.append(int(line))
    return sessions, current


def files_of(root: Path) -> dict[str, bytes]:
    out = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            out[str(path.relative_to(root))] = path.read_bytes()
    return out


def resume_to_the_end(store: SessionStore, session_id: str, stories: dict, where: str) -> None:
    """Carry an interrupted session on with the facilitator's resume, as the app would."""
    point = store.resume_point(session_id)
    loaded = stories[point.story_id]
    session, state = store.resume(session_id, loaded, background=False)
    if point.state_json is not None:
        assert state is not None and state.scene == point.scene, where
    names = store.groups.nicknames(point.present)
    people = [Participant(p, names.get(p, "?"), "#E69F00", "circle") for p in point.present]
    runtime = Runtime(loaded.story, point.language, story_hash=loaded.content_hash)
    c = PlayController(runtime, point.vote_mode, people, session.recorder, state=state)
    while not c.ended:
        if not c.is_choice_point():
            c.advance()
        elif c.is_stuck():
            c.skip_to_ending()
        else:
            c.decide(c.offered()[0].id, "counsellor")
    summary = session.end()
    assert summary.status == "finished" and summary.simulated, where
    records = store.events(session_id)
    assert [r.seq for r in records] == list(range(1, len(records) + 1)), where


def one_lane(root: Path, rng: random.Random, runs: range, stories: dict) -> int:
    cut_off = 0
    for run in runs:
        earlier = files_of(root) if root.exists() else {}
        writer = "thread" if run % 2 else "sync"
        mode = rng.choice(MODES)
        delay = rng.uniform(0.0, 1.2)
        lines = run_and_kill(root, rng.randrange(1 << 30), writer, mode, delay)
        sessions, last = parse(lines)
        where = f"run {run} ({writer}, {mode}, killed after {delay:.2f} s)"

        now = files_of(root)
        for name, content in earlier.items():
            assert now.get(name) == content, f"{where}: {name} changed"

        assert GroupStore(groups_path(root)).find_group(GROUP).simulated, where
        store = SessionStore(root)
        listed = {s.id: s for s in store.list_sessions()}
        assert store.unreadable == [], where
        for sid, seen in sessions.items():
            records = store.events(sid)
            seqs = [r.seq for r in records]
            assert seqs == list(range(1, len(seqs) + 1)), f"{where}: gaps in {sid}"
            lost = set(seen.durable) - set(seqs)
            assert not lost, f"{where}: {sid} lost events {sorted(lost)}"
            assert listed[sid].simulated, where
            if seen.closed:
                assert listed[sid].closed, where

        # The session cut off (if the kill came inside one) is offered for resuming, where
        # it stopped; a session whose "S" line never came out may be there too.
        interrupted = {s.id for s in store.interrupted()}
        if last is not None and not sessions[last].closed and not listed[last].closed:
            assert last in interrupted, where
            point = store.resume_point(last)
            records = store.events(last)
            holders = [r for r in records if r.data.get("state")]
            if holders:
                assert point.state_seq == holders[-1].seq, where
                resolved = resolve_states(records)
                assert resolved is not None and resolved[0] is holders[-1], where
                assert json.loads(point.state_json or "") == resolved[1], where
            cut_off += 1
        assert interrupted <= {last} | (set(listed) - set(sessions)), where
        for sid in sorted(interrupted):
            resume_to_the_end(store, sid, stories, where)
        assert store.interrupted() == [], where
    return cut_off


def test_kill_9_at_random_moments_loses_nothing(tmp_path, stories):
    by_id = {s.story.id: s for s in stories}
    lanes = min(LANES, RUNS)
    results: list[BaseException | int] = [0] * lanes

    def work(lane: int) -> None:
        try:
            results[lane] = one_lane(tmp_path / f"data{lane}", random.Random(SEED + lane),
                                     range(lane, RUNS, lanes), by_id)
        except BaseException as exc:  # raised again below, in the test's thread
            results[lane] = exc

    threads = [threading.Thread(target=work, args=(lane,)) for lane in range(lanes)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for result in results:
        if isinstance(result, BaseException):
            raise result
    assert sum(results) >= RUNS // 2  # most kills landed inside a session
