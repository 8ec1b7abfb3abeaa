"""A damaged data folder: one bad file makes exactly its session unreadable, with its path
and a plain reason, while every other session still lists, reports and exports; a FIFO, a
folder or a link where a data file belongs is never opened for reading."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.log.eventlog import session_file
from facilitator.review import export
from facilitator.review.load import load_group
from facilitator.sessions import SessionStore
from game.story import LoadedStory

from .conftest import play

ROOT = Path(__file__).resolve().parents[2]


def _folder(store: SessionStore, loaded: LoadedStory, n: int = 3) -> list[str]:
    group = store.groups.create_group("Tiistairyhmä")
    people = [store.groups.add_participant(group.id, name).id for name in ("Kettu", "Susi")]
    ids = []
    for seed in range(n):
        session = store.start(group.id, people, loaded, vote_mode="secret",
                              reflection="private")
        play(session, loaded, people, seed=seed, steps=2)
        session.end()
        ids.append(session.id)
    return ids


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, loaded: LoadedStory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("base")
    ids = _folder(SessionStore(root), loaded)
    return root, ids


def _copy(base: tuple[Path, list[str]], into: Path) -> tuple[SessionStore, list[str]]:
    shutil.copytree(base[0], into / "d")
    return SessionStore(into / "d"), base[1]


def _journal(line: str) -> Callable[[Path], None]:
    def damage(log: Path) -> None:
        log.with_suffix(".journal").write_text(line + "\n", "utf-8")
    return damage


def _snapshot(change: Callable[[dict], object]) -> Callable[[Path], None]:
    def damage(log: Path) -> None:
        data = json.loads(log.read_text("utf-8"))
        change(data)
        log.write_text(json.dumps(data), "utf-8")
    return damage


def _replace(make: Callable[[Path], None], name: str = ".json") -> Callable[[Path], None]:
    def damage(log: Path) -> None:
        target = log.with_name(log.stem + name)
        target.unlink(missing_ok=True)
        make(target)
    return damage


DAMAGE = {
    "journal: a list where a table belongs": _journal('{"t": [1]}'),
    "journal: a number where a document belongs": _journal('{"t": {"events": {"99": 3}}}'),
    "journal: a key that is no sequence number": _journal('{"t": {"events": {"x": {}}}}'),
    "journal: a number where dropped tables belong": _journal('{"x": 5}'),
    "journal: a JSON list as a line": _journal("[1, 2]"),
    "journal: deeply nested arrays before a line": _journal(
        "[" * 100_000 + "]" * 100_000 + '\n{"t": {}}'),
    "event: a wrong-typed field": _snapshot(lambda d: d["events"]["2"].update(seq="two")),
    "event: a string, not an object": _snapshot(lambda d: d["events"].update({"2": {}})),
    "header: no session id": _snapshot(lambda d: d["session"]["1"].pop("session")),
    "header: a number as the session id": _snapshot(
        lambda d: d["session"]["1"].update(session=7)),
    "log: bytes that are not UTF-8": lambda log: log.write_bytes(b"\xff\xfe\x00\x80garbage"),
    "log: a folder": _replace(lambda p: p.mkdir()),
    "log: another session's log copied over it": lambda log: log.write_bytes(next(
        p for p in sorted(log.parent.glob("*.json"))
        if p != log and not p.name.endswith(".summary.json")).read_bytes()),
    "log: a FIFO": _replace(os.mkfifo),
    "log: a link to a device": _replace(lambda p: p.symlink_to("/dev/zero")),
    "journal: a FIFO": _replace(os.mkfifo, ".journal"),
    "journal: a folder": _replace(lambda p: p.mkdir(), ".journal"),
}


@pytest.mark.parametrize("summary", ["kept", "gone"])
@pytest.mark.parametrize("how", list(DAMAGE))
def test_one_damaged_session_is_named_and_the_others_still_work(
    base: tuple[Path, list[str]], tmp_path: Path, how: str, summary: str
) -> None:
    """Also when the session's summary is still there: a listing trusts a summary only while
    the log is as it was when the summary was written (issue 17: a damaged log listed as
    finished)."""
    store, ids = _copy(base, tmp_path)
    bad = ids[1]
    if summary == "gone":
        (store.folder / f"{bad}.summary.json").unlink()
    DAMAGE[how](session_file(store.folder, bad))

    listed = [s.id for s in store.list_sessions()]
    assert sorted(listed) == sorted(i for i in ids if i != bad)
    assert [sid for sid, _ in store.unreadable] == [bad]
    why = store.unreadable[0][1]
    assert bad in why and why.strip()

    data = export.collect(store, include_simulated=True)
    assert {r["session"] for r in data.tables["sessions"]} == set(listed)
    assert [sid for sid, _ in data.unreadable] == [bad]

    bundle = load_group(store, store.groups.groups()[0])
    assert [sid for sid, _ in bundle.unreadable] == [bad]
    assert len(bundle.report.sessions) == len(listed)


@pytest.mark.parametrize("how", ["a wrong summary", "a FIFO summary", "a folder summary"])
def test_a_damaged_summary_is_rebuilt_from_its_log(
    base: tuple[Path, list[str]], tmp_path: Path, how: str
) -> None:
    """Regression: a summary with missing keys failed the listing of every session."""
    store, ids = _copy(base, tmp_path)
    summary = store.folder / f"{ids[0]}.summary.json"
    summary.unlink()
    if how == "a FIFO summary":
        os.mkfifo(summary)
    elif how == "a folder summary":
        summary.mkdir()
    else:
        summary.write_text('{"schema": "porukka-session-summary", "version": 1}', "utf-8")
    assert sorted(s.id for s in store.list_sessions()) == sorted(ids)
    assert store.unreadable == []


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PORUKKA_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, str(ROOT / "launcher.py"), *args], env=env,
                          capture_output=True, text=True, timeout=60, cwd=ROOT)


@pytest.mark.slow
def test_fifos_never_hang_the_commands_and_incomplete_results_exit_non_zero(
    base: tuple[Path, list[str]], tmp_path: Path
) -> None:
    """Regression: a FIFO named like a session made `sessions`, `export` and `report` hang."""
    store, ids = _copy(base, tmp_path)
    for name in ("20990101T000000Z-ffffff.json", "20990101T000000Z-eeeeee.journal",
                 "20990101T000000Z-dddddd.summary.json"):
        os.mkfifo(store.folder / name)
    (store.folder / f"{ids[0]}.summary.json").unlink()
    os.mkfifo(store.folder / f"{ids[0]}.journal")

    listing = _cli(store.root, "sessions", "--lang", "en")
    assert listing.returncode == 1, listing.stderr  # listed, but not all of it can be read
    assert all(i in listing.stdout for i in ids[1:])
    assert "FIFO" in listing.stderr and ids[0] in listing.stderr
    unreadable = [ln for ln in listing.stdout.splitlines()
                  if "cannot be read" in ln and ln.startswith("  ")]
    assert sorted(ln.split()[-1] for ln in unreadable) == sorted(
        [ids[0], "20990101T000000Z-ffffff", "20990101T000000Z-eeeeee",
         "20990101T000000Z-dddddd"])
    assert "4 sessions cannot be read" in listing.stderr

    out = tmp_path / "out.json"
    done = _cli(store.root, "export", "--format", "json", "-o", str(out), "--lang", "en")
    assert done.returncode == 1
    assert "incomplete: 4 sessions could not be read" in done.stderr
    rows = json.loads(out.read_text("utf-8"))["sessions"]
    assert sorted(r["session"] for r in rows) == sorted(ids[1:])

    report = _cli(store.root, "report", "--group", "Tiistairyhmä", "-o",
                  str(tmp_path / "r.html"), "--lang", "fi")
    assert report.returncode == 1
    assert "Tulos on vajaa: 4 tapaamista" in report.stderr
    assert (tmp_path / "r.html").stat().st_size > 0


@pytest.mark.slow
def test_export_to_standard_output(base: tuple[Path, list[str]], tmp_path: Path) -> None:
    store, ids = _copy(base, tmp_path)
    done = _cli(store.root, "export", "--format", "json", "-o", "-", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert sorted(r["session"] for r in json.loads(done.stdout)["sessions"]) == sorted(ids)
    assert not (ROOT / "-").exists()
    assert "to standard output" in done.stderr
    refused = _cli(store.root, "export", "--format", "csv", "-o", "-", "--lang", "en")
    assert refused.returncode == 2
    assert "--format json" in refused.stderr and refused.stdout == ""


# --- random damage ---------------------------------------------------------------------------

JSON_SHAPES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                 max_size=3),
    max_leaves=8,
)


@st.composite
def damages(draw: st.DrawFn) -> list[tuple[str, str, object]]:
    out = []
    for _ in range(draw(st.integers(1, 3))):
        which = draw(st.sampled_from([".json", ".journal", ".summary.json"]))
        how = draw(st.sampled_from(["bytes", "truncate", "json", "journal-line", "fifo",
                                    "folder", "link", "deep"]))
        extra = draw(st.binary(max_size=40) if how == "bytes" else JSON_SHAPES)
        out.append((which, how, extra))
    return out


def _damage(path: Path, how: str, extra: object) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        raw = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
        path.unlink()
        if how == "truncate":
            path.write_bytes(raw[: len(raw) // 2])
            return
        if how == "bytes":
            path.write_bytes(raw[:50] + bytes(extra) + raw[50:])  # type: ignore[arg-type]
            return
    if how == "json":
        path.write_text(json.dumps(extra), "utf-8")
    elif how == "journal-line":
        path.write_text(json.dumps({"t": {"events": {"1": extra}}}) + "\n", "utf-8")
    elif how == "deep":
        path.write_text("[" * 50_000 + "]" * 50_000 + "\n", "utf-8")
    elif how == "fifo":
        os.mkfifo(path)
    elif how == "folder":
        path.mkdir()
    elif how == "link":
        path.symlink_to("/dev/zero")
    else:
        path.write_bytes(bytes(extra) if isinstance(extra, bytes) else b"")


@pytest.mark.slow
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=damages(), victim=st.integers(0, 2))
def test_random_damage_never_hides_an_undamaged_session(
    base: tuple[Path, list[str]], tmp_path_factory: pytest.TempPathFactory,
    damage: list[tuple[str, str, object]], victim: int,
) -> None:
    store, ids = _copy(base, tmp_path_factory.mktemp("h"))
    bad = ids[victim]
    for which, how, extra in damage:
        _damage(store.folder / f"{bad}{which}", how, extra)
    undamaged = {i for i in ids if i != bad}

    listed = {s.id for s in store.list_sessions()}
    assert undamaged <= listed
    assert listed | {sid for sid, _ in store.unreadable} >= set(ids)

    data = export.collect(store, include_simulated=True)
    exported = {r["session"] for r in data.tables["sessions"]}
    assert undamaged <= exported
    assert exported | {sid for sid, _ in data.unreadable} >= set(ids)

    bundle = load_group(store, store.groups.groups()[0])
    assert len(bundle.report.sessions) >= len(undamaged)
