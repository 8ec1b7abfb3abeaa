"""UI tests open real windows under Xvfb (pytest-xvfb) and drive them with posted events."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.ui.app import App
from game.ui.theme import Settings

SNAPSHOTS = Path(__file__).parent / "snapshots"


def pytest_addoption(parser):
    parser.addoption("--update-snapshots", action="store_true",
                     help="write the UI snapshot images instead of comparing with them")


@pytest.fixture
def update_snapshots(request) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


class Driver:
    """Posts input to a real window and turns the loop a few frames at a time."""

    def __init__(self, app: App) -> None:
        self.app = app
        app.idle_timeout_ms = 1

    def frames(self, n: int = 2) -> None:
        self.app.run(max_frames=self.app.frames + n)

    def key(self, key: int, mod: int = 0, n: int = 1) -> None:
        for _ in range(n):
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="",
                                                 scancode=0))
            self.frames()

    def click(self, pos) -> None:
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=tuple(pos), button=1,
                                             touch=False))
        self.frames()

    def post(self, type_: int, **attrs) -> None:
        pygame.event.post(pygame.event.Event(type_, **attrs))
        self.frames()

    @property
    def top(self):
        return self.app.views[-1] if self.app.views else None

    def redraw(self) -> None:
        self.app.dirty = True
        self.frames(1)


@pytest.fixture
def make_app():
    apps: list[App] = []

    def make(size=(1280, 720), **settings) -> Driver:
        assert os.environ.get("DISPLAY"), "UI tests need a display (pytest-xvfb provides one)"
        defaults = {"ui_lang": "fi", "reduce_motion": True}
        defaults.update(settings)
        app = App(size=size, settings=Settings(**defaults))
        apps.append(app)
        return Driver(app)

    yield make
    for app in apps:
        app.close()
