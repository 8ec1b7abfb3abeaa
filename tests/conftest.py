"""Shared fixtures: the repository root, and a data folder that is never the user's own."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PORUKKA_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def root() -> Path:
    return ROOT
