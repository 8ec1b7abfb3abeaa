"""Shared bits of the authoring tool tests: running `porukka` and writing small stories."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "stories" / "rahat-loppuu" / "story.yaml"


def porukka(*args: str, cwd: Path = ROOT, env: dict | None = None, stdin: str = ""):
    full_env = {**os.environ, "LANG": "en_US.UTF-8", "PYTHONPATH": str(ROOT), **(env or {})}
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "PORUKKA_LANG"):
        full_env.pop(var, None)
    return subprocess.run(
        [sys.executable, str(ROOT / "launcher.py"), *args],
        cwd=cwd, capture_output=True, text=True, input=stdin, env=full_env, timeout=120,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), "utf-8")
    return path
