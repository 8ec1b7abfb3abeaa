"""Sending survives everything: `kill -9` of the push at random moments, an LRS stopped and
started again mid-push, an LRS that answers 5xx, drops the connection after storing, or is
too slow. Each ends with every statement stored exactly once in the real LRS."""

from __future__ import annotations

import http.server
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.xapi.conftest import ROOT, Ralph, porukka, simulate

pytestmark = pytest.mark.slow


def expected_ids(root: Path, env: dict[str, str]) -> set[str]:
    out = root / "expected.json"
    res = porukka(root, "export", "--format", "xapi", "-o", str(out), "--include-simulated",
                  env=env)
    assert res.returncode == 0, res.stderr
    import json

    return {s["id"] for s in json.loads(out.read_text("utf-8"))}


def assert_exactly_once(ralph: Ralph, wanted: set[str]) -> None:
    counts = Counter(s["id"] for s in ralph.stored())
    missing = wanted - set(counts)
    twice = {i: n for i, n in counts.items() if i in wanted and n > 1}
    assert not missing, f"{len(missing)} statements never reached the LRS"
    assert not twice, f"stored more than once: {twice}"


def start_push(root: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PORUKKA_LRS_", "PORUKKA_XAPI_"))}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "launcher.py"), "xapi", "push", "--include-simulated",
         "--lang", "en"],
        env={**clean, "PORUKKA_DATA_DIR": str(root), "PYTHONPATH": str(ROOT), **env},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_at_random_moments_loses_nothing_and_sends_nothing_twice(
        ralph, base_iri, tmp_path):
    root = tmp_path / "data"
    simulate(root, sessions=8)
    env = ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri, PORUKKA_XAPI_INDIVIDUAL="on",
                        PORUKKA_XAPI_BATCH="1")
    wanted = expected_ids(root, env)
    assert len(wanted) > 300
    rng = random.Random(int(os.environ.get("PORUKKA_TEST_SEED", "18")))
    journal = root / "xapi" / "outbox.jsonl"
    kills = 0
    for round_ in range(12):
        size = journal.stat().st_size if journal.exists() else 0
        proc = start_push(root, env)
        if round_ % 3 == 2:  # now and then while it starts up or reads the logs
            time.sleep(rng.uniform(0.05, 0.8))
        else:  # mostly while it sends: after its outbox has grown, at a random moment
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline and (
                    not journal.exists() or journal.stat().st_size <= size):
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.3))
        if proc.poll() is not None:
            break  # it finished before the kill
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=60)
        kills += 1
    stored = len({s["id"] for s in ralph.stored()} & wanted)
    assert kills >= 5 and stored > 0  # cut short many times, mid-way
    res = porukka(root, "xapi", "push", "--include-simulated", env=env)
    assert res.returncode == 0, res.stderr
    assert_exactly_once(ralph, wanted)
    status = porukka(root, "xapi", "status", "--lang", "en", env=env)
    assert "0 statements are waiting" in status.stdout


def test_an_lrs_stopped_and_restarted_mid_push(base_iri, tmp_path):
    lrs = Ralph(tmp_path / "ralph")
    lrs.start()
    try:
        root = tmp_path / "data"
        simulate(root, sessions=4)
        env = lrs.env_for(PORUKKA_XAPI_BASE_IRI=base_iri, PORUKKA_XAPI_BATCH="2",
                          PORUKKA_XAPI_RETRIES="2")
        wanted = expected_ids(root, env)
        proc = start_push(root, env)
        deadline = time.monotonic() + 60
        while not lrs.stored() and time.monotonic() < deadline:
            time.sleep(0.02)
        lrs.stop()  # mid-push: the first statements are in
        _out, err = proc.communicate(timeout=120)  # gives up by itself: no endless retries
        assert proc.returncode == 1, err
        assert "could not be reached" in err
        stored_before = len(lrs.stored())
        assert 0 < stored_before < len(wanted)
        lrs.start()
        res = porukka(root, "xapi", "push", "--include-simulated", env=env)
        assert res.returncode == 0, res.stderr
        assert_exactly_once(lrs, wanted)
    finally:
        lrs.stop()


class Faulty(http.server.ThreadingHTTPServer):
    """A proxy in front of the LRS that misbehaves on purpose: `mode` "5xx" answers 503 to
    every other request without passing it on; "drop" passes each POST on and then closes
    the connection without answering (the LRS stored it, the client never heard); "slow"
    passes it on and answers only after the client's timeout."""

    def __init__(self, target: str, mode: str) -> None:
        self.target, self.mode, self.count = target, mode, 0
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Faulty

    def log_message(self, *args: object) -> None:
        pass

    def _forward(self, method: str) -> None:
        srv = self.server
        srv.count += 1
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
        if method == "POST" and srv.mode == "5xx" and srv.count % 2:
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() in ("authorization", "content-type",
                                    "x-experience-api-version")}
        r = httpx.request(method, srv.target + self.path.split("/xAPI/", 1)[1],
                          headers=headers, content=body, timeout=60)
        if method == "POST" and srv.mode == "drop" and srv.count % 2:
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if method == "POST" and srv.mode == "slow" and srv.count % 2:
            time.sleep(2.5)
        try:
            self.send_response(r.status_code)
            self.send_header("Content-Length", str(len(r.content)))
            self.send_header("Content-Type", r.headers.get("content-type", "application/json"))
            self.end_headers()
            self.wfile.write(r.content)
        except (BrokenPipeError, ConnectionResetError):
            pass  # "slow": the client gave up waiting, as it should

    def do_POST(self) -> None:
        self._forward("POST")

    def do_GET(self) -> None:
        self._forward("GET")


@pytest.fixture
def faulty(ralph, request) -> Iterator[Faulty]:
    server = Faulty(ralph.endpoint, request.param)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("faulty", ["5xx", "drop", "slow"], indirect=True)
def test_5xx_a_dropped_connection_and_a_slow_lrs(ralph, base_iri, faulty, tmp_path):
    root = tmp_path / "data"
    simulate(root, sessions=2)
    env = ralph.env_for(PORUKKA_XAPI_BASE_IRI=base_iri, PORUKKA_XAPI_BATCH="10",
                        PORUKKA_XAPI_TIMEOUT="1", PORUKKA_XAPI_RETRIES="3")
    env["PORUKKA_LRS_ENDPOINT"] = f"http://127.0.0.1:{faulty.server_address[1]}/xAPI/"
    wanted = expected_ids(root, env)
    res = porukka(root, "xapi", "push", "--include-simulated", env=env)
    assert res.returncode == 0, res.stderr
    assert f"{len(wanted)} statements sent" in res.stdout
    assert faulty.count > len(wanted) // 10 + 1  # the faults did make it try again
    assert_exactly_once(ralph, wanted)
