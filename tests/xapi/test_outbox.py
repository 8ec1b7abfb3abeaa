"""The outbox on its own: durable lines, a torn last line, lines it cannot use, 0600."""

from __future__ import annotations

import json
import os
import stat

from facilitator.review.xapi._quick import nothing_waiting, session_stamp
from facilitator.review.xapi.outbox import JOURNAL, Outbox, folder, read_state


def test_lines_are_kept_private_and_read_back(tmp_path):
    with Outbox(tmp_path).locked() as ob:
        ob.append([{"t": "attempt", "ids": ["a", "b"]}, {"t": "ack", "ids": ["a"],
                                                          "status": 200}])
    state = read_state(tmp_path)
    assert state.attempted == {"a", "b"} and set(state.acked) == {"a"}
    path = folder(tmp_path) / JOURNAL
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_a_torn_last_line_is_ignored_and_cut_before_the_next(tmp_path):
    with Outbox(tmp_path).locked() as ob:
        ob.append([{"t": "ack", "ids": ["a"], "status": 200}])
    path = folder(tmp_path) / JOURNAL
    with open(path, "ab") as f:
        f.write(b'{"t":"ack","ids":["b"],"sta')  # a kill in the middle of a write
    assert set(read_state(tmp_path).acked) == {"a"}
    with Outbox(tmp_path).locked() as ob:
        ob.append([{"t": "ack", "ids": ["c"], "status": 204}])
    lines = path.read_text().splitlines()
    assert [json.loads(x)["ids"] for x in lines] == [["a"], ["c"]]


def test_a_line_it_cannot_use_is_skipped_not_fatal(tmp_path):
    """Regression: a `done` line of another shape (an older outbox) stopped every push with a
    KeyError; such a line only means the session is read again."""
    path = folder(tmp_path) / JOURNAL
    path.parent.mkdir(parents=True)
    path.write_text('{"t":"done","session":"s1","fp":"x","events":3}\n'
                    '{"t":"ack","ids":"not-a-list-but-ok"}\n'
                    '{"t":"reject","ids":["z"]}\n'
                    '[1, 2]\n'
                    '{"t":"ack","ids":["a"],"status":200}\n')
    state = read_state(tmp_path)
    assert "a" in state.acked and state.done == {}
    with Outbox(tmp_path).locked() as ob:
        assert "a" in ob.state.acked


def test_nothing_waiting_only_when_every_session_is_done_with_the_same_files(tmp_path):
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    (sessions / "s1.json").write_text("{}")
    (sessions / "s1.summary.json").write_text('{"ended": "x"}')
    kw = {"base_iri": "https://b.example/x", "fingerprint": "fp", "include_simulated": False}
    with Outbox(tmp_path).locked() as ob:
        ob.append([{"t": "ack", "ids": ["a"], "status": 200}])
        assert not nothing_waiting(tmp_path, ob.state, **kw)  # s1 was never done
        ob.append([{"t": "done", "session": "s1", "fp": "fp",
                    "stamp": session_stamp(sessions, "s1")}])
        assert nothing_waiting(tmp_path, ob.state, **kw)
        assert not nothing_waiting(tmp_path, ob.state, **{**kw, "fingerprint": "other"})
        (sessions / "s2.journal").write_text("")  # a new session
        assert not nothing_waiting(tmp_path, ob.state, **kw)
        (sessions / "s2.journal").unlink()
        (sessions / "s1.json").write_text('{"changed": 1}')  # erasure rewrote it
        assert not nothing_waiting(tmp_path, ob.state, **kw)
        ob.append([{"t": "done", "session": "s1", "fp": "fp",
                    "stamp": session_stamp(sessions, "s1")}])
        assert nothing_waiting(tmp_path, ob.state, **kw)
        ob.append([{"t": "void", "targets": ["a"], "why": "forget"}])
        assert not nothing_waiting(tmp_path, ob.state, **kw)  # a voiding statement waits
