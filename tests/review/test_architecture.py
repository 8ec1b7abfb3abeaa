"""The review stays out of the game's way: starting the game loads none of it, and none of
it needs pygame or the network."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.test_architecture import imported_modules

from .conftest import ROOT

MODULES = ("__init__", "_format", "charts", "export", "load", "model", "render", "retention")
NETWORK = {"socket", "urllib", "http", "requests", "ssl", "ftplib", "smtplib", "asyncio"}


def test_no_pygame_and_no_network_in_the_review():
    for name in MODULES:
        path = ROOT / "facilitator" / "review" / f"{name}.py"
        found = imported_modules(path)
        assert "pygame" not in found and not found & NETWORK, (path, found)
    pure = imported_modules(ROOT / "facilitator" / "review" / "model.py")
    assert not pure & {"matplotlib", "jinja2", "tinydb"}, "the report model is pure"


def test_starting_porukka_loads_no_report_machinery():
    code = (
        "import sys\n"
        "import launcher\n"
        "launcher.build_parser('fi')\n"
        "heavy = {'matplotlib', 'jinja2', 'facilitator.review.charts', "
        "'facilitator.review.render', 'facilitator.sessions', 'tinydb', 'numpy'}\n"
        "loaded = heavy & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.mark.slow
def test_building_a_report_never_loads_pygame(shared):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from facilitator.sessions import SessionStore\n"
        "from facilitator.review.load import session_html\n"
        f"store = SessionStore(Path({str(shared['store'].root)!r}))\n"
        f"session_html(store, {shared['sessions'][0]!r}, 'en')\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
