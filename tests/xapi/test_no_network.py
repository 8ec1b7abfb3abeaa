"""With no LRS configured, Porukka opens no connection: the commands run in a process whose
every socket connect is recorded and refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.xapi.conftest import ROOT, simulate

# Runs the launcher with socket connects recorded in $CONNECT_LOG and refused.
pytestmark = pytest.mark.slow  # each case runs the command line in a process


WRAPPER = """
import os, runpy, socket, sys
log = os.environ["CONNECT_LOG"]
def refuse(self, address, *a):
    with open(log, "a") as f:
        f.write(repr(address) + "\\n")
    raise OSError("no network in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
sys.argv = ["launcher.py", *sys.argv[1:]]
runpy.run_path(os.path.join(os.environ["PORUKKA_ROOT"], "launcher.py"), run_name="__main__")
"""


def run(root: Path, log: Path, *args: str, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("PORUKKA_LRS_", "PORUKKA_XAPI_"))}
    full = {**clean, "PORUKKA_DATA_DIR": str(root), "PYTHONPATH": str(ROOT),
            "PORUKKA_ROOT": str(ROOT), "CONNECT_LOG": str(log), **(env or {})}
    return subprocess.run([sys.executable, "-c", WRAPPER, *args], env=full,
                          capture_output=True, text=True, timeout=300)


def test_the_wrapper_does_notice_a_connection(tmp_path):
    """The check itself can fail: a push with an endpoint does try to connect."""
    simulate(tmp_path / "data", sessions=1)
    log = tmp_path / "connects.log"
    res = run(tmp_path / "data", log, "xapi", "push", "--include-simulated",
              env={"PORUKKA_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI/",
                   "PORUKKA_XAPI_RETRIES": "0"})
    assert res.returncode == 1
    assert "127.0.0.1" in log.read_text()


@pytest.mark.parametrize("args", [
    ("sessions",),
    ("export", "--format", "xapi", "-o", "{tmp}/s.json", "--include-simulated"),
    ("export", "--format", "json", "-o", "{tmp}/e.json", "--include-simulated"),
    ("report", "--group", "Testiryhmä", "-o", "{tmp}/r.html", "--include-simulated"),
    ("xapi", "status"),
    ("xapi", "push", "--dry-run", "--include-simulated"),
    ("xapi", "push", "--include-simulated"),
])
def test_no_connection_without_an_endpoint(tmp_path_factory, args):
    tmp = tmp_path_factory.mktemp("net")
    data = tmp / "data"
    simulate(data, sessions=1)
    log = tmp / "connects.log"
    res = run(data, log, *(a.format(tmp=tmp) for a in args))
    expected = 2 if args == ("xapi", "push", "--include-simulated") else 0
    assert res.returncode == expected, res.stderr
    assert not log.exists(), log.read_text()
    if args[:3] == ("export", "--format", "xapi"):
        assert len(json.loads((tmp / "s.json").read_text())) > 10
    if args == ("xapi", "push", "--include-simulated"):
        assert "No LRS is configured" in res.stderr


def test_a_setting_that_cannot_be_used_is_named(tmp_path):
    """Regression: the message naming a bad setting itself failed (a clash of parameter
    names), so a typo in xapi.json ended in 'something unexpected went wrong'."""
    log = tmp_path / "connects.log"
    for args in (("xapi", "push"), ("xapi", "status"),
                 ("export", "--format", "xapi", "-o", str(tmp_path / "s.json"))):
        res = run(tmp_path / "data", log, *args, "--lang", "en",
                  env={"PORUKKA_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI/",
                       "PORUKKA_XAPI_BATCH": "lots"})
        assert res.returncode == 2, res.stderr
        assert "The xAPI setting PORUKKA_XAPI_BATCH cannot be used" in res.stderr
    assert not log.exists()


@pytest.mark.parametrize("args", [("xapi", "status"),
                                  ("xapi", "push", "--dry-run", "--include-simulated")])
def test_status_and_dry_run_open_no_connection_even_with_an_endpoint(tmp_path, args):
    simulate(tmp_path / "data", sessions=1)
    log = tmp_path / "connects.log"
    res = run(tmp_path / "data", log, *args, "--lang", "en",
              env={"PORUKKA_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI/"})
    assert res.returncode == 0, res.stderr
    assert not log.exists(), log.read_text()
    assert "http://127.0.0.1:9/xAPI/" in res.stdout or "would be sent" in res.stdout
