"""Kill -9 at random moments: nothing logged is lost and no earlier session is touched.

A child process (`crash_writer.py`) plays and logs sessions, printing each sequence number
the moment its logging call returns (or, with the writer thread, the moment it is durable).
The test kills it with SIGKILL after a random delay, then checks the data folder. Compaction
is made frequent in most runs so that many kills land in the middle of one.

25 runs with a fixed seed by default; `PORUKKA_CRASH_RUNS=500` (and `PORUKKA_CRASH_SEED`)
for a longer hunt.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from facilitator.errors import SessionBusyError
from facilitator.log.records import state_json_at
from facilitator.sessions import SessionStore
from game.story import Runtime

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_writer.py")
RUNS = int(os.environ.get("PORUKKA_CRASH_RUNS", "25"))
SEED = int(os.environ.get("PORUKKA_CRASH_SEED", "20250114"))
LANES = 5

pytestmark = [pytest.mark.slow,  # crash tests: kill -9 at random moments
              pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]


@dataclass
class Seen:
    printed: list[int] = field(default_factory=list)
    digests: dict[int, str] = field(default_factory=dict)
    finished: bool = False


def run_and_kill(root: Path, seed: int, mode: str, compact: int, delay: float) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(root), str(seed), mode, str(compact)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            if not raw.endswith(b"\n"):
                break  # cut off by the kill: not printed
            lines.append(raw.decode().rstrip("\n"))
            if lines[-1] == "READY":
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    started = ready.wait(120)
    if started and proc.poll() is None:
        ready.clear()
        threading.Event().wait(delay)
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(60)
    reader.join(60)
    err = proc.stderr.read().decode() if proc.stderr else ""
    assert proc.returncode == -signal.SIGKILL, f"the child failed by itself:\n{err}"
    assert lines and lines[0] == "READY", err
    return lines


def parse(lines: list[str]) -> tuple[dict[str, Seen], str | None]:
    sessions: dict[str, Seen] = {}
    current: str | None = None
    for line in lines[1:]:
        if line.startswith("S "):
            current = line[2:]
            sessions[current] = Seen()
        elif line.startswith("F "):
            sessions[line[2:]].finished = True
        else:
            seq, *digest = line.split()
            assert current is not None
            sessions[current].printed.append(int(seq))
            if digest:
                sessions[current].digests[int(seq)] = digest[0]
    return sessions, current


def files_of(root: Path) -> dict[str, bytes]:
    out = {}
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            out[str(path.relative_to(root))] = path.read_bytes()
    return out


def _close_interrupted(store: SessionStore, session_id: str):
    """The lanes are threads of this one process, each starting children: a child forked by
    one lane holds a copy of every descriptor this process has open until it execs, so a
    journal another lane has just closed can look locked for a moment. Only the test's own
    threads do that; the product never forks while it holds a log."""
    deadline = time.monotonic() + 10
    while True:
        try:
            return store.close_interrupted(session_id)
        except SessionBusyError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_kill_9_at_random_moments_loses_nothing(tmp_path, loaded):
    """Several lanes run side by side, each with its own data folder and runs in sequence."""
    lanes = min(LANES, RUNS)
    results: list[BaseException | int] = [0] * lanes

    def work(lane: int) -> None:
        try:
            results[lane] = runs_in_one_folder(
                tmp_path / f"data{lane}", random.Random(SEED + lane),
                range(lane, RUNS, lanes), Runtime(loaded.story),
            )
        except BaseException as exc:  # re-raised below, in the test's own thread
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


def runs_in_one_folder(root: Path, rng: random.Random, runs: range, runtime: Runtime) -> int:
    interrupted_seen = 0
    for run in runs:
        earlier = files_of(root) if root.exists() else {}
        mode = "background" if run % 4 == 3 else "sync"
        compact = rng.choice([2, 3, 5, 3, 512])
        lines = run_and_kill(root, rng.randrange(1 << 30), mode, compact, rng.uniform(0, 0.6))
        sessions, last = parse(lines)
        where = f"run {run} ({mode}, compact every {compact})"

        # Earlier sessions (and the groups file) are byte for byte as they were.
        now = files_of(root)
        for name, content in earlier.items():
            assert now.get(name) == content, f"{where}: {name} changed"

        store = SessionStore(root)
        listed = {s.id: s for s in store.list_sessions()}
        assert store.unreadable == [], where
        for sid, seen in sessions.items():
            records = store.events(sid)
            seqs = [r.seq for r in records]
            assert seqs == list(range(1, len(records) + 1)), f"{where}: gaps in {sid}"
            missing = set(seen.printed) - set(seqs)
            assert not missing, f"{where}: {sid} lost events {sorted(missing)}"
            for r in records:
                if r.seq in seen.digests:
                    assert sha(state_json_at(records, r.seq)) == seen.digests[r.seq], (
                        f"{where}: {sid} #{r.seq}")
            if seen.finished:
                assert listed[sid].status == "finished", where

        # Killed after its session_ended was logged but before "F" was printed, a session is
        # finished; otherwise it is interrupted and offered for resuming where it stopped.
        if last is not None and listed[last].status != "finished":
            interrupted_seen += 1
            summary = listed[last]
            assert summary.status == "interrupted" and summary.resumable, where
            records = store.events(last)
            holder = [r for r in records if r.state is not None]
            point = store.resume_point(last)
            if holder:
                assert point.state_seq == holder[-1].seq, where
                assert point.state_json == state_json_at(records, holder[-1].seq), where
                assert runtime.restore(point.state_json).scene == point.scene, where
                printed_states = [s for s in sessions[last].digests if s <= point.state_seq]
                if printed_states:
                    assert max(printed_states) <= point.state_seq
            else:
                assert point.state_json is None, where
        # Whatever was left open is closed as interrupted before the next run.
        for s in store.interrupted():
            assert _close_interrupted(store, s.id).status == "interrupted", where
    return interrupted_seen
