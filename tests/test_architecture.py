"""The story core stays pure: no pygame, no TinyDB, no facilitator anywhere under game/story."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {"pygame", "tinydb", "facilitator", "launcher"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_story_core_imports_nothing_forbidden():
    files = sorted((ROOT / "game" / "story").rglob("*.py"))
    assert files
    for path in files:
        bad = imported_modules(path) & FORBIDDEN
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_engine_never_imports_facilitator():
    for path in sorted((ROOT / "game").rglob("*.py")):
        assert "facilitator" not in imported_modules(path), path


@pytest.mark.slow
def test_loading_and_playing_never_loads_pygame():
    code = (
        "import sys, random\n"
        "from game.story import load_story, Runtime\n"
        "from game.story.runtime import random_walk\n"
        "s = load_story('stories/rahat-loppuu')\n"
        "random_walk(Runtime(s.story), random.Random(1))\n"
        "assert 'pygame' not in sys.modules, 'pygame was imported'\n"
        "assert 'tinydb' not in sys.modules, 'tinydb was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_import_contracts_hold():
    """The layers, the pure packages and no import cycles, as pyproject.toml's import-linter
    contracts state them: a cycle or an import against the layers fails the normal suite."""
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout, done.stdout
