"""Shared fixtures: the repository root, and a data folder that is never the user's own.

The whole suite runs with strict interface strings: asking for a key that is not in the
catalogue (or leaving one of its placeholders unfilled) raises instead of falling back.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
os.environ["PORUKKA_STRICT_STRINGS"] = "1"  # also for the commands the tests run as processes


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PORUKKA_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def root() -> Path:
    return ROOT
