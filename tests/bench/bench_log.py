"""Benchmark of the durable session log, run on demand: `python tests/bench/bench_log.py`.

Durable logging of one event (median and 99th percentile), with 1 and with 1,000 earlier
sessions stored, side by side in one run with:

- sqlite3 in WAL mode, `synchronous=FULL`, a commit per row (all sessions in one database);
- a plain TinyDB `insert` into one default JSON file holding every session (it rewrites the
  whole file on each insert, so it grows linearly with what is stored: shown at several sizes).

Targets: Porukka's median within 5× of sqlite3's, and its cost with 1,000 sessions stored no
more than 1.5× its cost with 1. Also shown: what logging costs the frame with the writer
thread (`BackgroundWriter.submit`), and how long until the event is durable.

The events are those of real playthroughs of the built-in story (scenes with the runtime
state, choices, votes, decisions, ratings, feedback). Run it on the disk the data will live
on: a tmpfs makes fsync free and the comparison meaningless (`--dir` picks the folder).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import tinydb  # noqa: E402
from tinydb import TinyDB  # noqa: E402

from facilitator import _files  # noqa: E402
from facilitator.log.recorder import BackgroundWriter  # noqa: E402
from facilitator.sessions import SessionStore  # noqa: E402
from game.play.events import DecisionMade, VoteCast  # noqa: E402
from game.story import Runtime, load_story  # noqa: E402

Event = tuple[str, dict[str, Any], str | None]


def filesystem(path: Path) -> str:
    """The type of the file system `path` is on (Linux: from /proc/mounts)."""
    best, kind = "", "?"
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            _dev, mount, fstype, *_ = line.split()
            if str(path.resolve()).startswith(mount) and len(mount) > len(best):
                best, kind = mount, fstype
    except OSError:
        pass
    return kind


def machine(folder: Path) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"TinyDB {tinydb.__version__}; data on {filesystem(folder)} ({folder})"
    )


# --- the events -----------------------------------------------------------------------------


def recorded_session(folder: Path, seed: int) -> tuple[SessionStore, str, list[Event]]:
    """Play the built-in story once through the real log; return its events to replay."""
    store = SessionStore(folder / "seed-data")
    group = store.groups.create_group("Mittaus")
    people = [store.groups.add_participant(group.id, f"Pelaaja{i}") for i in range(6)]
    loaded = load_story(ROOT / "stories" / "rahat-loppuu")
    session = store.start(group.id, [p.id for p in people], loaded, vote_mode="secret",
                          reflection="private", language="fi", background=False)
    rng = random.Random(seed)
    rt = Runtime(loaded.story, "fi", listener=session.recorder, story_hash=loaded.content_hash)
    state = rt.start()
    while not state.ended:
        if rt.scene(state).goto is not None:
            state = rt.advance(state)
            continue
        offered = rt.offered_choices(state)
        for p in people:
            session.recorder(VoteCast(state.scene, p.id, rng.choice(offered).id))
        chosen = rng.choice(offered)
        session.recorder(DecisionMade(state.scene, chosen.id, "majority", 40.0,
                                      {chosen.id: 4}, tuple(c.id for c in offered),
                                      chosen.domains, True))
        state = rt.choose(state, chosen.id)
    for p in people:
        for domain in loaded.story.domain_ids():
            session.rate(p.id, domain, rng.randint(0, 10))
        session.give_feedback(p.id, rng.randint(1, 5), "kiva")
    summary = session.end()
    events = [(r.kind, r.data, r.scene) for r in store.events(summary.id)[1:]]
    return store, summary.id, events


def stream(events: list[Event], count: int) -> list[Event]:
    body = [e for e in events if e[0] != "session_ended"]
    return [body[i % len(body)] for i in range(count)]


# --- stored sessions ------------------------------------------------------------------------


def porukka_folder(base: Path, seed_store: SessionStore, seed_id: str, sessions: int) -> Path:
    """A data folder with `sessions` finished sessions: copies of a real one, new ids."""
    root = base / f"porukka-{sessions}"
    (root / "sessions").mkdir(parents=True)
    shutil.copy(seed_store.root / "groups.json", root / "groups.json")
    snapshot = (seed_store.folder / f"{seed_id}.json").read_text("utf-8")
    summary = (seed_store.folder / f"{seed_id}.summary.json").read_text("utf-8")
    for i in range(sessions):
        sid = f"20240101T{i // 3600 % 24:02d}{i // 60 % 60:02d}{i % 60:02d}Z-{i:06x}"
        for text, suffix in ((snapshot, ".json"), (summary, ".summary.json")):
            path = root / "sessions" / f"{sid}{suffix}"
            path.write_text(text.replace(seed_id, sid), "utf-8")
            os.chmod(path, 0o600)
    return root


def docs_of(events: list[Event], session: str) -> list[dict[str, Any]]:
    return [
        {"version": 1, "session": session, "seq": i + 1, "time": "2024-01-01T09:00:00.000Z",
         "story": "rahat-loppuu", "story_hash": "0" * 64, "kind": k, "scene": s, "data": d}
        for i, (k, d, s) in enumerate(events)
    ]


def sqlite_db(base: Path, events: list[Event], sessions: int) -> sqlite3.Connection:
    path = base / f"sqlite-{sessions}.db"
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute(
        "CREATE TABLE events (session TEXT, seq INTEGER, time TEXT, kind TEXT, scene TEXT, "
        "data TEXT, PRIMARY KEY (session, seq))"
    )
    con.execute("BEGIN")
    for i in range(sessions):
        con.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
            [(f"s{i}", d["seq"], d["time"], d["kind"], d["scene"], json.dumps(d["data"]))
             for d in docs_of(events, f"s{i}")],
        )
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return con


def tinydb_file(base: Path, events: list[Event], sessions: int) -> Path:
    path = base / f"tinydb-{sessions}.json"
    table: dict[str, Any] = {}
    for i in range(sessions):
        for d in docs_of(events, f"s{i}"):
            table[str(len(table) + 1)] = d
    path.write_text(json.dumps({"_default": table}), "utf-8")
    return path


# --- measuring ------------------------------------------------------------------------------


def figures(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]
    return statistics.median(ordered), p99


class PorukkaLane:
    """A new session in a data folder, logging synchronously (durable on return)."""

    def __init__(self, root: Path) -> None:
        self.store = SessionStore(root)
        group = self.store.groups.groups()[0]
        people = [p.id for p in self.store.groups.participants(group.id)]
        loaded = load_story(ROOT / "stories" / "rahat-loppuu")
        self.session = self.store.start(group.id, people, loaded, vote_mode="secret",
                                        reflection="private", background=False)
        self.times: list[float] = []

    def log(self, event: Event) -> None:
        kind, data, scene = event
        t0 = time.perf_counter()
        self.session.log.log(kind, data, scene=scene)
        self.times.append(time.perf_counter() - t0)

    def end(self) -> None:
        self.session.end()


class SqliteLane:
    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.seq = 0
        self.times: list[float] = []

    def log(self, event: Event) -> None:
        kind, data, scene = event
        self.seq += 1
        t0 = time.perf_counter()
        self.con.execute("BEGIN")
        self.con.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)",
                         ("new", self.seq, "2024-01-01T09:00:00.000Z", kind, scene,
                          json.dumps(data)))
        self.con.execute("COMMIT")
        self.times.append(time.perf_counter() - t0)


def measure_background(root: Path, events: list[Event], pace: float) -> tuple[list, list]:
    """The frame's cost of `submit`, and the time until each event is durable."""
    store = SessionStore(root)
    group = store.groups.groups()[0]
    people = [p.id for p in store.groups.participants(group.id)]
    loaded = load_story(ROOT / "stories" / "rahat-loppuu")
    session = store.start(group.id, people, loaded, vote_mode="secret", reflection="private",
                          background=False)
    submitted: dict[int, float] = {}
    durable: dict[int, float] = {}
    writer = BackgroundWriter(session.log, on_durable=lambda s: durable.__setitem__(
        s, time.perf_counter()))
    session.writer = writer
    submit_times = []
    for kind, data, scene in events:
        t0 = time.perf_counter()
        seq = writer.submit(kind, data, scene=scene)
        t1 = time.perf_counter()
        submitted[seq] = t0
        submit_times.append(t1 - t0)
        time.sleep(pace)  # events come a few frames apart in play
    writer.flush()
    session.recorder.sink = writer
    session.end()
    lags = [durable[s] - t for s, t in submitted.items()]
    return submit_times, lags


def measure_tinydb(path: Path, events: list[Event], count: int) -> list[float]:
    db = TinyDB(path)
    times = []
    for d in docs_of(events, "new")[:count]:
        t0 = time.perf_counter()
        db.insert(d)
        times.append(time.perf_counter() - t0)
    db.close()
    return times


def ms(x: float) -> str:
    return f"{x * 1000:8.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=None, help="where to put the data (a real disk)")
    ap.add_argument("--events", type=int, default=400, help="events logged per measurement")
    ap.add_argument("--sizes", default="1,10,100,1000", help="earlier sessions stored")
    ap.add_argument("--tinydb-events", type=int, default=40,
                    help="inserts measured for plain TinyDB (slow when large)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    base = Path(tempfile.mkdtemp(prefix="porukka-bench-", dir=args.dir))
    try:
        print(f"machine: {machine(base)}")
        if filesystem(base) == "tmpfs":
            print("warning: tmpfs: fsync costs nothing here; use --dir on a real disk")
        seed_store, seed_id, recorded = recorded_session(base, seed=7)
        events = stream(recorded, args.events)
        print(f"a recorded session has {len(recorded) + 1} events "
              f"({(seed_store.folder / f'{seed_id}.json').stat().st_size / 1024:.0f} KB); "
              f"{len(events)} events are logged into a new session per configuration, "
              "the configurations taking turns event by event\n")
        # Everything is stored first and flushed; then every configuration logs the same
        # event in turn, one event at a time, so that the disk's moods fall on all alike. The
        # plain TinyDB file, which rewrites tens of MB per insert, is measured last.
        roots = {n: porukka_folder(base, seed_store, seed_id, n) for n in sizes}
        cons = {n: sqlite_db(base, recorded, n) for n in sizes}
        tpaths = {n: tinydb_file(base, recorded, n) for n in sizes}
        os.sync()
        time.sleep(2)
        por = {n: PorukkaLane(roots[n]) for n in sizes}
        sql = {n: SqliteLane(cons[n]) for n in sizes}
        for event in events:
            for n in sizes:
                por[n].log(event)
                sql[n].log(event)
        for lane in por.values():
            lane.end()
        rows = []
        for n in sizes:
            count = args.tinydb_events if n <= 100 else max(5, args.tinydb_events // 8)
            tdb = figures(measure_tinydb(tpaths[n], events, count))
            size_mb = tpaths[n].stat().st_size / 1e6
            rows.append((n, figures(por[n].times), figures(sql[n].times), tdb, size_mb))
            cons[n].close()
        print("durable logging of one event, ms (median / p99)")
        print(f"{'sessions stored':>16} | {'Porukka':>19} | {'sqlite3 WAL FULL':>19} | "
              f"{'plain TinyDB insert':>19} | TinyDB file")
        for n, por, sql, tdb, size_mb in rows:
            print(f"{n:>16} | {ms(por[0])} / {ms(por[1])} | {ms(sql[0])} / {ms(sql[1])} | "
                  f"{ms(tdb[0])} / {ms(tdb[1])} | {size_mb:7.1f} MB")
        first, last = rows[0], rows[-1]
        print()
        for n, por, sql, _tdb, _mb in (first, last):
            ratio = por[0] / sql[0]
            print(f"Porukka / sqlite3, median, {n} sessions: {ratio:.2f}× "
                  f"(target ≤ 5×: {'met' if ratio <= 5 else 'NOT met'})")
        growth = last[1][0] / first[1][0]
        print(f"Porukka at {last[0]} / at {first[0]} sessions, median: {growth:.2f}× "
              f"(target ≤ 1.5×: {'met' if growth <= 1.5 else 'NOT met'})")
        tgrowth = last[3][0] / first[3][0]
        print(f"plain TinyDB at {last[0]} / at {first[0]} sessions, median: {tgrowth:.0f}×")

        real_fsync = _files.fsync
        _files.fsync = lambda fd: None  # what is left: Porukka's own work, not the disk's
        try:
            cpu = {n: PorukkaLane(roots[n]) for n in sizes}
            for event in events:
                for n in sizes:
                    cpu[n].log(event)
            for lane in cpu.values():
                lane.end()
        finally:
            _files.fsync = real_fsync
        print("\nthe same without fsync (Porukka's own cost), ms (median / p99): " + ", ".join(
            f"{n} sessions {ms(figures(cpu[n].times)[0]).strip()} / "
            f"{ms(figures(cpu[n].times)[1]).strip()}" for n in sizes))

        os.sync()  # the lanes without fsync left dirty pages behind
        time.sleep(1)
        submit, lag = measure_background(roots[sizes[0]], events, pace=0.002)
        s_med, s_p99 = figures(submit)
        l_med, l_p99 = figures(lag)
        print(f"\nwith the writer thread: submit() costs the frame {ms(s_med).strip()} / "
              f"{ms(s_p99).strip()} ms (median / p99); durable after "
              f"{ms(l_med).strip()} / {ms(l_p99).strip()} ms")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
