"""A real Learning Record Store for the xAPI tests: Ralph, over HTTP on 127.0.0.1.

Ralph lives in its own virtual environment (`.venv-ralph/` in the checkout, gitignored; its
`[lrs]` extra pins its own fastapi, uvicorn and httpx), made here when missing so that the
README's test command works on a fresh machine; `.ci/run` makes it first. The server is one
uvicorn process started through `ralph_server.py` (which fixes Ralph 5.1.0's file-system
backend to append) and killed by its PID at the end. In CI a server that does not start is a
test failure, never a skip.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
RALPH_VENV = Path(os.environ.get("PORUKKA_RALPH_VENV", ROOT / ".venv-ralph"))
RALPH_REQUIREMENTS = ["ralph-malph[cli,lrs]==5.1.0", "requests"]
SERVER = Path(__file__).with_name("ralph_server.py")
USER, PASSWORD = "porukka-test", "salasana-123"
READER = "vain-luku"  # a user that may read but not write statements
HOME = "https://lrs.example.org"
START = datetime(2025, 1, 7, 10, 0, tzinfo=UTC)


def ralph_python() -> Path:
    """The Ralph venv's python, made (once) when missing."""
    python = RALPH_VENV / "bin" / "python"
    if not (RALPH_VENV / "bin" / "ralph").exists():
        subprocess.run(["python3", "-m", "venv", str(RALPH_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *RALPH_REQUIREMENTS],
                       check=True)
    return python


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Ralph:
    """One Ralph server with its own statements folder; `stop()`/`start()` keep the data."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(folder / "app"),
            "RALPH_AUTH_FILE": str(folder / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder / "lrs"),
            # Users' scopes are enforced (so a read-only user gets 403); Ralph needs
            # statements restricted by authority for that.
            "RALPH_LRS_RESTRICT_BY_SCOPES": "true",
            "RALPH_LRS_RESTRICT_BY_AUTHORITY": "true",
        }
        (folder / "lrs").mkdir(parents=True, exist_ok=True)
        python = ralph_python()
        for user, scope in ((USER, "all"), (READER, "statements/read/mine")):
            subprocess.run([str(python.parent / "ralph"), "auth", "-u", user, "-p", PASSWORD,
                            "-s", scope, "-A", user, HOME, "-w"], env=self.env, check=True,
                           capture_output=True)

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/xAPI/"

    def start(self, timeout: float = 60.0) -> None:
        # Ralph's fs backend rewrites its own history file (a log of its reads, not the
        # statements) in place: a SIGKILL from `stop()` mid-write can leave it empty, and then
        # every request after a restart fails with 500. A real LRS keeps its database; this
        # test double gets its bookkeeping back (the statements file is never touched).
        history = self.folder / "app" / "history.json"
        try:
            json.loads(history.read_text("utf-8"))
        except FileNotFoundError:
            pass
        except ValueError:
            history.unlink()
        with open(self.folder / "server.log", "ab") as log:  # the child keeps its own copy
            self.proc = subprocess.Popen([str(ralph_python()), str(SERVER), str(self.port)],
                                         env=self.env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/__heartbeat__",
                             timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        tail = (self.folder / "server.log").read_text("utf-8", "replace")[-2000:]
        pytest.fail(f"Ralph did not start on port {self.port}:\n{tail}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.endpoint, auth=(USER, PASSWORD), timeout=30,
                            headers={"X-Experience-API-Version": "1.0.3"})

    def get(self, statement_id: str, *, voided: bool = False) -> dict[str, Any] | None:
        key = "voidedStatementId" if voided else "statementId"
        with self.client() as c:
            r = c.get("statements", params={key: statement_id})
        if r.status_code == 404:
            return None
        r.raise_for_status()
        body = r.json()
        found = body.get("statements", [body]) if "statements" in body else [body]
        return found[0] if found else None

    def stored(self) -> list[dict[str, Any]]:
        """Every statement as the LRS wrote it: the fs backend's file, line by line (so a
        statement stored twice shows twice)."""
        path = self.folder / "lrs" / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text("utf-8").splitlines()
                if line.strip()]

    def env_for(self, **more: str) -> dict[str, str]:
        return {"PORUKKA_LRS_ENDPOINT": self.endpoint, "PORUKKA_LRS_USER": USER,
                "PORUKKA_LRS_PASSWORD": PASSWORD, "PORUKKA_XAPI_HOME_PAGE": HOME, **more}


@pytest.fixture(scope="session")
def ralph(tmp_path_factory: pytest.TempPathFactory):
    server = Ralph(tmp_path_factory.mktemp("ralph"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def loaded():
    from game.story import load_story

    return load_story(ROOT / "stories" / "rahat-loppuu")


@pytest.fixture()
def base_iri() -> str:
    """A base IRI of the test's own, so that tests sharing the LRS never share ids."""
    return f"https://porukka.test/{uuid.uuid4().hex[:12]}/xapi"


def simulate(root: Path, *, sessions: int = 2, participants: int = 6, seed: int = 7,
             group: str = "Testiryhmä") -> list[str]:
    """Sessions of a simulated group, played through the real log; their ids."""
    from facilitator.simulation.engine import SimOptions, Simulation, builtin_stories

    stories = tuple(s for s in builtin_stories() if s.story.id == "rahat-loppuu")
    options = SimOptions(stories=stories, group=group, participants=participants,
                         sessions=sessions, seed=seed)
    result = Simulation(options, root=root, start=START, writer="sync").run()
    assert result.interrupted is None
    return result.sessions


def porukka(root: Path, *args: str, env: dict[str, str] | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The command line in its own process, with the data folder `root` and no LRS settings
    from outside the test."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PORUKKA_LRS_", "PORUKKA_XAPI_"))}
    full = {**clean, "PORUKKA_DATA_DIR": str(root), "PYTHONPATH": str(ROOT),
            "LANG": "C.UTF-8", **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "launcher.py"), *args], env=full,
                          capture_output=True, text=True, timeout=timeout)
