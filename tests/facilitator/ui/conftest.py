"""The facilitator's screens in real windows under Xvfb, driven by posted events."""

from __future__ import annotations

import os

import pygame
import pytest

from facilitator.sessions import SessionStore
from facilitator.ui.session import Facilitator, install
from game.resources import builtin_stories_dir
from game.ui.app import App
from game.ui.theme import Settings
from tests.ui.conftest import Driver

BUILTIN_STORIES = builtin_stories_dir()

STORY = BUILTIN_STORIES / "rahat-loppuu"


class FacDriver(Driver):
    """The game driver, plus typing (TEXTINPUT events) and the texts now on the screen."""

    def type(self, text: str) -> None:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
        self.frames()

    def texts(self) -> list[str]:
        self.redraw()
        return [b.text for b in self.app.last_boxes]

    def shown(self, text: str) -> bool:
        return any(text in t for t in self.texts())

    @property
    def kind(self) -> str:
        return type(self.top).__name__

    def click_button(self, action: str) -> None:
        self.redraw()
        button = next(b for b in self.top.buttons if b.action == action)
        self.click(button.rect.center)


@pytest.fixture
def make_fac_app():
    apps: list[App] = []

    def make(size=(1280, 720), **settings) -> FacDriver:
        assert os.environ.get("DISPLAY"), "UI tests need a display (pytest-xvfb provides one)"
        defaults = {"ui_lang": "fi", "reduce_motion": True}
        defaults.update(settings)
        app = App(size=size, settings=Settings(**defaults))
        apps.append(app)
        return FacDriver(app)

    yield make
    for app in apps:
        app.close()


@pytest.fixture
def menu(make_fac_app):
    """The menu with the facilitator's hooks over the per-test data folder: (driver, fac)."""

    def open_menu(store: SessionStore | None = None, size=(1280, 720),
                  **settings) -> tuple[FacDriver, Facilitator]:
        d = make_fac_app(size, **settings)
        fac = install(d.app, [STORY], store)
        d.frames()
        return d, fac

    return open_menu
