"""The facilitator's data layer is headless and offline: no pygame, no network."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.test_architecture import imported_modules

ROOT = Path(__file__).resolve().parents[2]
PURE = ("_files", "_time", "errors", "log.eventlog", "groups", "paths", "log.recorder",
        "sessions", "log.storage", "strings", "validation")
NETWORK = {"socket", "urllib", "http", "requests", "ssl", "ftplib", "smtplib", "asyncio"}


def test_the_pure_parts_import_no_pygame_and_nothing_of_the_network():
    for name in ("__init__", *PURE):
        path = ROOT / "facilitator" / (name.replace(".", "/") + ".py")
        found = imported_modules(path)
        assert "pygame" not in found, path
        assert not found & NETWORK, (path, found & NETWORK)
        assert "launcher" not in found, path


def test_importing_and_using_them_never_loads_pygame():
    code = (
        "import sys\n"
        + "".join(f"import facilitator.{name}\n" for name in PURE)
        + "import game.story\n"
        "from facilitator.log.eventlog import SessionLog\n"
        "SessionLog.in_memory().log('session_ended', {'status': 'finished'})\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
