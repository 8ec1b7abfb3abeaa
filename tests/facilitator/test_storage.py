"""The journal storage on real files: appends, torn lines, compaction, reopening, locking."""

from __future__ import annotations

import json
import os

import pytest
from tinydb import TinyDB
from tinydb.storages import JSONStorage
from tinydb.table import Document

from facilitator.errors import LogDamagedError, LogWriteError, SessionBusyError
from facilitator.log.storage import AtomicJSONStorage, JournalStorage


def open_db(path, **kw) -> TinyDB:
    return TinyDB(path, storage=JournalStorage, **kw)


def journal_lines(path) -> list[dict]:
    raw = path.with_suffix(".journal").read_bytes()
    return [json.loads(line) for line in raw.splitlines()]


def test_each_write_appends_only_what_changed(tmp_path):
    db = open_db(tmp_path / "s.json")
    t = db.table("events")
    for i in range(1, 4):
        t.insert(Document({"seq": i, "text": "x" * 100}, doc_id=i))
    lines = journal_lines(tmp_path / "s.json")
    assert len(lines) == 3
    assert lines[2] == {"t": {"events": {"3": {"seq": 3, "text": "x" * 100}}}}
    t.update({"text": "y"}, doc_ids=[2])
    t.remove(doc_ids=[1])
    lines = journal_lines(tmp_path / "s.json")
    assert lines[3] == {"t": {"events": {"2": {"seq": 2, "text": "y"}}}}
    assert lines[4] == {"t": {"events": {"1": None}}}
    db.storage.close(compact=False)
    assert not (tmp_path / "s.json").exists()  # no snapshot yet: the journal is everything
    again = open_db(tmp_path / "s.json", read_only=True)
    assert {d.doc_id: d["text"] for d in again.table("events").all()} == {2: "y", 3: "x" * 100}


def test_a_write_that_changes_nothing_writes_nothing(tmp_path):
    db = open_db(tmp_path / "s.json")
    db.table("t").insert({"a": 1})
    before = (tmp_path / "s.journal").read_bytes()
    db.table("t").update({"a": 1}, doc_ids=[1])
    assert (tmp_path / "s.journal").read_bytes() == before


def test_torn_last_line_is_ignored_and_cut_before_the_next_append(tmp_path):
    path = tmp_path / "s.json"
    db = open_db(path)
    db.table("t").insert({"n": 1})
    db.table("t").insert({"n": 2})
    db.storage.close(compact=False)
    journal = tmp_path / "s.journal"
    whole = journal.read_bytes()
    with open(journal, "ab") as f:
        f.write(b'{"t":{"t":{"3":{"n":')  # a crash in the middle of a write
    readonly = open_db(path, read_only=True)
    assert [d["n"] for d in readonly.table("t").all()] == [1, 2]
    assert journal.read_bytes().endswith(b'{"n":')  # reading repairs nothing
    db = open_db(path)
    assert [d["n"] for d in db.table("t").all()] == [1, 2]
    db.table("t").insert({"n": 3})
    assert journal.read_bytes().startswith(whole)
    assert [json.loads(x) for x in journal.read_bytes().splitlines()][-1] == {
        "t": {"t": {"3": {"n": 3}}}
    }
    db.storage.close(compact=False)
    assert [d["n"] for d in open_db(path, read_only=True).table("t").all()] == [1, 2, 3]


@pytest.mark.parametrize("tail", [b"\x00" * 40, b"garbage\n", b'{"t":{}}trailing\n\x00\x00'])
def test_any_torn_tail_is_ignored(tmp_path, tail):
    path = tmp_path / "s.json"
    db = open_db(path)
    db.table("t").insert({"n": 1})
    db.storage.close(compact=False)
    with open(tmp_path / "s.journal", "ab") as f:
        f.write(tail)
    assert [d["n"] for d in open_db(path, read_only=True).table("t").all()] == [1]


def test_a_damaged_line_followed_by_good_ones_is_an_error(tmp_path):
    path = tmp_path / "s.json"
    db = open_db(path)
    for n in range(3):
        db.table("t").insert({"n": n})
    db.storage.close(compact=False)
    journal = tmp_path / "s.journal"
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(lines[0] + b"{broken\n" + lines[2])
    with pytest.raises(LogDamagedError, match="line 2"):
        open_db(path, read_only=True).table("t").all()


def test_compaction_writes_a_plain_tinydb_snapshot_and_empties_the_journal(tmp_path):
    path = tmp_path / "s.json"
    db = open_db(path, compact_lines=4)
    for n in range(10):
        db.table("t").insert({"n": n})
    storage = db.storage
    assert storage.compactions == 2
    assert storage.journal_lines == 2
    assert len(journal_lines(path)) == 2
    plain = TinyDB(path, storage=JSONStorage, access_mode="r")
    assert [d["n"] for d in plain.table("t").all()] == list(range(8))
    plain.close()
    assert [d["n"] for d in db.table("t").all()] == list(range(10))
    db.storage.close()
    assert not (tmp_path / "s.journal").exists()
    plain = TinyDB(path, storage=JSONStorage, access_mode="r")
    assert [d["n"] for d in plain.table("t").all()] == list(range(10))
    plain.close()
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]  # no temporary files left


def test_a_crash_between_snapshot_and_emptying_the_journal_doubles_nothing(tmp_path):
    """The snapshot is renamed into place before the journal is emptied: replaying a journal
    that is already inside the snapshot must give the same state."""
    path = tmp_path / "s.json"
    db = open_db(path)
    t = db.table("t")
    t.insert({"n": 1})
    t.insert({"n": 2})
    t.update({"n": 20}, doc_ids=[2])
    t.remove(doc_ids=[1])
    t.insert({"n": 3})
    journal = (tmp_path / "s.journal").read_bytes()
    db.storage.compact()
    db.storage.close(compact=False)
    (tmp_path / "s.journal").write_bytes(journal)  # as if the truncation never happened
    again = open_db(path)
    assert {d.doc_id: d["n"] for d in again.table("t").all()} == {2: 20, 3: 3}
    again.table("t").insert({"n": 4})
    again.storage.close(compact=False)
    assert [d["n"] for d in open_db(path, read_only=True).table("t").all()] == [20, 3, 4]


def test_reopen_after_many_compactions_and_drops(tmp_path):
    path = tmp_path / "s.json"
    db = open_db(path, compact_lines=3)
    db.table("a").insert({"x": 1})
    db.table("b").insert({"x": 2})
    db.drop_table("a")
    for i in range(7):
        db.table("b").insert({"x": i})
    db.storage.close(compact=False)
    again = open_db(path, read_only=True)
    assert again.tables() == {"b"}
    assert len(again.table("b")) == 8


def test_read_only_creates_and_locks_nothing(tmp_path):
    path = tmp_path / "s.json"
    ro = open_db(path, read_only=True)
    assert ro.tables() == set()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(LogWriteError):
        ro.table("t").insert({"a": 1})


def test_a_session_is_written_by_one_writer_only(tmp_path):
    path = tmp_path / "s.json"
    db = open_db(path)
    db.table("t").insert({"a": 1})
    with pytest.raises(SessionBusyError):
        open_db(path)
    assert len(open_db(path, read_only=True).table("t")) == 1  # readers are welcome
    db.storage.close()
    open_db(path).storage.close()


def test_leftover_temporary_files_are_removed_on_opening(tmp_path):
    path = tmp_path / "s.json"
    db = open_db(path)
    db.table("t").insert({"n": 1})
    db.storage.close()
    stray = tmp_path / ".s.json.0badc0de.tmp"  # a compaction cut short
    stray.write_text('{"old": "data"}')
    open_db(path).storage.close()
    assert not stray.exists()


def test_a_new_database_does_not_list_the_folder(tmp_path, monkeypatch):
    """Starting a session used to list the whole sessions folder looking for leftovers, so
    starting got slower with every stored session; a new file can have none."""
    from facilitator import _files

    calls = []
    monkeypatch.setattr(_files, "stray_temps", lambda p: calls.append(p) or [])
    open_db(tmp_path / "new.json").storage.close()
    assert calls == []


def test_a_failed_write_keeps_nothing_of_it(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    db = open_db(path)
    db.table("t").insert({"n": 1})
    size = (tmp_path / "s.journal").stat().st_size

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    import facilitator._files as files

    monkeypatch.setattr(files, "fsync", full_disk)
    with pytest.raises(LogWriteError, match="No space left"):
        db.table("t").insert({"n": 2})
    assert (tmp_path / "s.journal").stat().st_size == size
    monkeypatch.undo()
    db.table("t").insert({"n": 3})
    db.storage.close(compact=False)
    assert [d["n"] for d in open_db(path, read_only=True).table("t").all()] == [1, 3]


def test_documents_changed_in_place_are_seen(tmp_path):
    """TinyDB's update() edits documents in place; the storage must still see the change."""
    path = tmp_path / "s.json"
    db = open_db(path)
    db.table("t").insert({"n": 1, "deep": {"k": 1}})
    db.table("t").update(lambda doc: doc.__setitem__("n", 2), doc_ids=[1])
    db.storage.close(compact=False)
    assert open_db(path, read_only=True).table("t").get(doc_id=1)["n"] == 2


def test_atomic_json_storage_replaces_the_whole_file(tmp_path):
    path = tmp_path / "g.json"
    db = TinyDB(path, storage=AtomicJSONStorage)
    db.insert({"a": 1})
    db.insert({"a": 2})
    assert json.loads(path.read_text())["_default"]["2"] == {"a": 2}
    assert sorted(os.listdir(tmp_path)) == ["g.json"]
    assert len(TinyDB(path, storage=AtomicJSONStorage).all()) == 2


@pytest.mark.slow
def test_readers_next_to_a_compacting_writer_always_see_a_whole_prefix(tmp_path):
    """A reader must never miss events that a compaction moved from the journal into a new
    snapshot while it was reading."""
    import threading

    path = tmp_path / "s.json"
    writer = open_db(path, compact_lines=2)
    done = threading.Event()

    def write() -> None:
        for i in range(1, 301):
            writer.storage.write_changes({"t": {str(i): {"n": i}}})
        done.set()

    thread = threading.Thread(target=write)
    thread.start()
    seen = 0
    while not done.is_set() or seen < 300:
        docs = open_db(path, read_only=True).storage.read().get("t", {})
        ids = sorted(int(k) for k in docs)
        assert ids == list(range(1, len(ids) + 1))
        assert len(ids) >= seen
        seen = len(ids)
    thread.join()
    writer.storage.close()


@pytest.mark.slow
def test_a_journal_cut_at_any_byte_gives_the_whole_lines_before_the_cut(tmp_path):
    """A power cut can leave any prefix of the last append (and zeros after it, on some file
    systems): reading must give exactly the entries whose lines are whole."""
    path = tmp_path / "s.json"
    db = open_db(path)
    for n in range(1, 6):
        db.table("t").insert({"n": n, "text": "ääkköset ja ∑"})
    db.storage.close(compact=False)
    journal = tmp_path / "s.journal"
    raw = journal.read_bytes()
    ends = [i + 1 for i, b in enumerate(raw) if b == ord("\n")]
    for cut in range(len(raw) + 1):
        whole = sum(1 for e in ends if e <= cut)
        for tail in (b"", b"\x00" * 17):
            journal.write_bytes(raw[:cut] + tail)
            docs = open_db(path, read_only=True).table("t").all()
            assert [d["n"] for d in docs] == list(range(1, whole + 1)), cut
