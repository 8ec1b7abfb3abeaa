"""Putting the window together: the menu, a quick set-up, and play, wired to a listener.

The facilitator (or a test) hands in a `SessionHooks` to replace the quick set-up with its own
session set-up and to receive every event; without one, the game plays on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..i18n import t
from ..play.controller import Participant, PlayController, default_participants
from ..play.events import Listener, VoteMode
from ..play.flow import PlayFlow
from ..resources import shared_assets_dir
from ..story.loader import LoadedStory
from ..story.runtime import Runtime
from .app import App, Intent, Pop, Push, Replace
from .media import Media
from .speech import Speaker
from .theme import Settings
from .views.menu import MenuView, StoryEntry, discover
from .views.options import QuickSetupView, SettingsView, SetupChoice
from .views.overlays import ErrorView
from .views.play import PlayView
from .views.saving import Saving
from .watch import StoryWatcher


@dataclass
class SessionHooks:
    """How a session around the game plugs in. Every field is optional."""

    # Replace the quick set-up: given the story, return the first view of your own set-up.
    setup: Callable[[App, LoadedStory], Intent | None] | None = None
    # Called when a story is started; returns the listener for its events.
    listener: Callable[[LoadedStory, str, VoteMode, list[Participant]],
                       Listener | None] | None = None
    # Called at the end ("ended" or "ended-early"); may push the reflection.
    finished: Callable[[App, PlayController, str], Intent | None] | None = None
    # Called at a scene marked `reflect: true`.
    reflect: Callable[[App, PlayController], Intent | None] | None = None


class Game:
    """The window's screens and how they lead to one another."""

    def __init__(self, app: App, folders: list[Path], hooks: SessionHooks | None = None,
                 speaker: Speaker | None = None) -> None:
        self.app = app
        self.folders = folders
        self.hooks = hooks or SessionHooks()
        self.speaker = speaker or Speaker()
        app.error_view_factory = self._error_view
        app.current_flow = self.current_flow

    # -- screens --

    def menu(self) -> MenuView:
        entries = discover(self.folders, self.app.settings.ui_lang)
        return MenuView(self.app, entries, self.open_story, self.open_settings)

    def open_settings(self) -> Intent:
        return Push(SettingsView(self.app, self.speaker.available))

    def open_story(self, entry: StoryEntry) -> Intent | None:
        loaded = entry.loaded
        if loaded is None:
            return None
        if self.hooks.setup is not None:
            return self.hooks.setup(self.app, loaded)
        return Push(QuickSetupView(self.app, list(loaded.story.languages),
                                   lambda choice: self._quick_start(loaded, choice)))

    def _quick_start(self, loaded: LoadedStory, choice: SetupChoice) -> Intent:
        label = lambda n: t("ui-player-n", self.app.settings.ui_lang, n=n)  # noqa: E731
        participants = default_participants(choice.players, label)
        view = self.play_view(loaded, choice.lang, choice.vote_mode,  # type: ignore[arg-type]
                              participants)
        return Replace(view)

    def play_view(self, loaded: LoadedStory, lang: str, vote_mode: VoteMode,
                  participants: list[Participant],
                  controller: PlayController | None = None,
                  watch: bool = False, flow: PlayFlow | None = None,
                  saving: Saving | None = None) -> PlayView:
        """The play screen. `flow` (or `controller`): a playthrough already under way, e.g. a
        resumed session or the simulator's; otherwise the story starts, logged to the hooks'
        listener."""
        if flow is None:
            if controller is None:
                listener = None
                if self.hooks.listener is not None:
                    listener = self.hooks.listener(loaded, lang, vote_mode, participants)
                runtime = Runtime(loaded.story, lang, story_hash=loaded.content_hash)
                controller = PlayController(runtime, vote_mode, participants, listener)
            flow = PlayFlow(controller)
        media = Media(loaded.folder, shared_assets_dir())
        watcher = StoryWatcher(loaded.file) if watch else None
        return PlayView(self.app, flow, media, self.speaker, self._finished,
                        self._reflect, watcher, saving)

    def _finished(self, controller: PlayController, how: str) -> Intent | None:
        if self.hooks.finished is not None:
            return self.hooks.finished(self.app, controller, how)
        return Pop()

    def _reflect(self, controller: PlayController) -> Intent | None:
        if self.hooks.reflect is not None:
            return self.hooks.reflect(self.app, controller)
        return None

    def current_flow(self) -> PlayFlow | None:
        """The flow of the story being played (the console shows it), if any."""
        play = next((v for v in reversed(self.app.views) if isinstance(v, PlayView)), None)
        return play.flow if play is not None else None

    def _error_view(self, app: App, details: str) -> ErrorView:
        play = next((v for v in reversed(app.views) if isinstance(v, PlayView)), None)
        return ErrorView(app, details, on_end=play.end_session if play else None)


def open_app(size: tuple[int, int] = (1280, 720), settings: Settings | None = None,
             fullscreen: bool = False,
             on_settings: Callable[[Settings], None] | None = None) -> App:
    return App(size=size, settings=settings, fullscreen=fullscreen, on_settings=on_settings)
