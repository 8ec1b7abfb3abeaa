"""The window and its main loop: a stack of views, redrawn only when something changed.

The loop takes an injectable clock and a frame limit so tests drive real windows without any
test-only branch inside the product. When nothing animates, it sleeps in `event.wait`, so an
idle screen costs next to no CPU and draws nothing new.
"""

from __future__ import annotations

import logging
import os
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import pygame

from ..i18n import t, tn
from .canvas import Canvas, fit, font, panel, wrap
from .console import Console
from .theme import THEMES, Metrics, Settings, Theme

log = logging.getLogger("porukka.ui")

def pointer(app: App, event: pygame.event.Event) -> tuple[int, int] | None:
    """Where a left click or a touch landed, or None for any other event."""
    if event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) == 1:
        return (int(event.pos[0]), int(event.pos[1]))
    if event.type == pygame.FINGERDOWN:
        w, h = app.screen.get_size()
        return (int(event.x * w), int(event.y * h))
    return None


# --- intents: what a view asks the app to do ----------------------------------------------


@dataclass(frozen=True)
class Push:
    view: View


@dataclass(frozen=True)
class Pop:
    pass


@dataclass(frozen=True)
class Replace:
    view: View


@dataclass(frozen=True)
class Quit:
    pass


Intent = Push | Pop | Replace | Quit


class View(Protocol):
    """A screen: turns events into intents, moves on with time, draws itself."""

    opaque: bool  # draws the whole window (views below it need not be drawn)

    def handle(self, event: pygame.event.Event) -> Intent | None: ...

    def update(self, dt: float) -> bool:
        """Advance animations by `dt` seconds; True if the view needs drawing again."""
        ...

    def draw(self, canvas: Canvas) -> None: ...

    def animating(self) -> bool:
        """True while the view wants frames without input (an animation, a running timer)."""
        ...


class BaseView:
    """Defaults for a view; concrete views override what they need."""

    opaque = True

    def __init__(self, app: App) -> None:
        self.app = app

    def handle(self, event: pygame.event.Event) -> Intent | None:
        return None

    def update(self, dt: float) -> bool:
        return False

    def draw(self, canvas: Canvas) -> None:
        canvas.surface.fill(self.app.theme.bg)

    def animating(self) -> bool:
        return False

    def on_resize(self) -> None:
        """The window size or the text size changed: drop cached layouts."""

    # helpers
    @property
    def lang(self) -> str:
        return self.app.settings.ui_lang

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.app.settings.ui_lang, **params)

    def trn(self, key: str, n: int, **params: object) -> str:
        """A plural entry in the form for the count `n`."""
        return tn(key, n, self.app.settings.ui_lang, **params)


class SplashView(BaseView):
    """The first frame, shown while the stories load: the window is there at once."""

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        canvas.text(self.tr("ui-title"), (m.width // 2, m.height // 2), m.text_px(56),
                    theme.accent, True, "center")
        canvas.text(self.tr("ui-loading"), (m.width // 2, m.height // 2 + m.text_px(56)),
                    m.ui_px(24), theme.muted, False, "center")

    def show(self) -> None:
        self.app.push(self)
        self.app.draw()
        self.app.pump()


class Clock(Protocol):
    def tick(self, framerate: int = 0) -> int: ...


class RealClock:
    def __init__(self) -> None:
        self._clock = pygame.time.Clock()

    def tick(self, framerate: int = 0) -> int:
        return self._clock.tick(framerate)


class App:
    """One game window. Views are pushed and popped; the top one gets the input."""

    def __init__(
        self,
        size: tuple[int, int] = (1280, 720),
        settings: Settings | None = None,
        fullscreen: bool = False,
        title: str = "Porukka",
        on_settings: Callable[[Settings], None] | None = None,
    ) -> None:
        # SDL's default "accelerated" window surface copies the whole window through a renderer
        # on every update; on the laptops this runs on (often no usable GPU) the native
        # framebuffer path is many times faster and lets an update send only what changed.
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        pygame.joystick.init()
        self.settings = settings or Settings()
        self.on_settings = on_settings
        self.windowed_size = (max(size[0], 320), max(size[1], 240))
        self.fullscreen = False
        pygame.display.set_caption(title)
        self.screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
        if fullscreen:
            self.toggle_fullscreen()
        self.views: list[View] = []
        self.running = False
        self.dirty = True
        self.frames = 0
        self.draws = 0
        self.last_boxes: list = []
        self.last_sent: list[pygame.Rect] | None = None  # what the last draw sent; None: all
        self.partial = False  # the frame being drawn sends only what animates
        self.idle_timeout_ms = 250
        self.fps = 60
        self.notes: list[tuple[str, float]] = []  # (text, seconds left) shown at the bottom
        self._size_note = ""
        self.error_view_factory: Callable[[App, str], View] | None = None
        self.console: Any = None  # the counsellor's console window, when open
        # The play flow the console shows (a `PlayFlow` or None); `main.Game` wires it, so
        # neither the app nor the console needs to know the play screen.
        self.current_flow: Callable[[], Any] = lambda: None
        self.joysticks: dict[int, Any] = {}

    def open_console(self) -> None:
        """Open the counsellor's console window (beside the projected one)."""
        if self.console is None:
            self.console = Console(self)
            self.dirty = True

    def close_console(self) -> None:
        if self.console is not None:
            self.console.close()
            self.console = None

    # -- state --

    @property
    def theme(self) -> Theme:
        return THEMES.get(self.settings.theme, THEMES["warm"])

    @property
    def metrics(self) -> Metrics:
        w, h = self.screen.get_size()
        return Metrics(w, h, self.settings.text_scale)

    def change_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.on_settings:
            self.on_settings(settings)
        for v in self.views:
            resize = getattr(v, "on_resize", None)
            if resize:
                resize()
        self.dirty = True

    def change_text_size(self, step: int) -> None:
        """One step bigger (step > 0) or smaller, with a short note of the new size."""
        settings = self.settings.bigger() if step > 0 else self.settings.smaller()
        self.change_settings(settings)
        self.notes = [n for n in self.notes if n[0] != self._size_note]
        self._size_note = t("note-text-size", settings.ui_lang,
                            size=round(settings.text_scale * 100))
        self.note(self._size_note, 2.5)

    def note(self, text: str, seconds: float = 6.0) -> None:
        """A short visible note at the bottom of the screen (a missing picture, a gamepad …)."""
        self.notes = [n for n in self.notes if n[0] != text] + [(text, seconds)]
        self.dirty = True

    # -- views --

    def push(self, view: View) -> None:
        self.views.append(view)
        self.dirty = True

    def pop(self) -> None:
        if self.views:
            self.views.pop()
        self.dirty = True
        if not self.views:
            self.running = False

    def apply(self, intent: Intent | None) -> None:
        if intent is None:
            return
        if isinstance(intent, Push):
            self.push(intent.view)
        elif isinstance(intent, Pop):
            self.pop()
        elif isinstance(intent, Replace):
            if self.views:
                self.views.pop()
            self.push(intent.view)
        elif isinstance(intent, Quit):
            self.running = False

    # -- window --

    def toggle_fullscreen(self) -> None:
        if self.fullscreen:
            self.screen = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)
            self.fullscreen = False
        else:
            self.windowed_size = self.screen.get_size()
            self.screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            self.fullscreen = True
        self._resized()

    def resize(self, size: tuple[int, int]) -> None:
        w, h = max(size[0], 320), max(size[1], 240)
        if not self.fullscreen:
            self.screen = pygame.display.set_mode((w, h), pygame.RESIZABLE)
            self.windowed_size = (w, h)
        self._resized()

    def _resized(self) -> None:
        for v in self.views:
            resize = getattr(v, "on_resize", None)
            if resize:
                resize()
        self.dirty = True

    # -- the loop --

    def _global(self, event: pygame.event.Event) -> bool:
        """Keys that work on every screen. True if the event was used here."""
        if event.type == pygame.WINDOWCLOSE and self.console is not None and \
                getattr(event, "window", None) == self.console.window:
            self.close_console()
            return True
        if event.type == pygame.QUIT:
            self.running = False
            return True
        if event.type == pygame.JOYDEVICEADDED:
            # A pad sends input only while it is open: open each one as it is plugged in (also
            # those present at start, whatever screen is showing), then let the view know.
            try:
                joy = pygame.joystick.Joystick(event.device_index)
                self.joysticks[joy.get_instance_id()] = joy
            except pygame.error:
                pass
            return False
        if event.type == pygame.JOYDEVICEREMOVED:
            self.joysticks.pop(getattr(event, "instance_id", -1), None)
            return False
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return True
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWSIZECHANGED, pygame.WINDOWRESTORED):
            self.dirty = True
            return False
        if event.type != pygame.KEYDOWN:
            return False
        ctrl = event.mod & pygame.KMOD_CTRL
        if event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        if ctrl and event.key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.change_text_size(+1)
            return True
        if ctrl and event.key in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.change_text_size(-1)
            return True
        return False

    def dispatch(self, event: pygame.event.Event) -> None:
        if self._global(event):
            return
        if not self.views:
            return
        top = self.views[-1]
        try:
            intent = top.handle(event)
        except Exception:
            self.fail(traceback.format_exc())
            return
        self.apply(intent)
        self.dirty = True

    def fail(self, details: str) -> None:
        log.error("unexpected error in a view:\n%s", details)
        if self.error_view_factory is not None:
            self.push(self.error_view_factory(self, details))
        else:
            self.running = False

    def draw(self, rects: list[pygame.Rect] | None = None) -> None:
        """Draw every visible view; send the whole window to the screen, or only `rects`."""
        canvas = Canvas(self.screen)
        # Views may draw only what animates when the frame sends only `rects` (see PlayView).
        self.partial = rects is not None and not self.notes
        start = 0
        for i in range(len(self.views) - 1, -1, -1):
            if getattr(self.views[i], "opaque", True):
                start = i
                break
        for view in self.views[start:]:
            try:
                view.draw(canvas)
            except Exception:
                self.views.remove(view)
                self.fail(traceback.format_exc())
                return
        self._draw_notes(canvas)
        self.last_boxes = canvas.boxes
        if rects is None or self.notes:
            pygame.display.flip()
            self.last_sent = None
        else:
            pygame.display.update(rects)
            self.last_sent = list(rects)
        if self.console is not None:
            self.console.draw()
        if self.draws == 0:
            log.info("first frame drawn")
        self.draws += 1

    def _draw_notes(self, canvas: Canvas) -> None:
        if not self.notes:
            return
        m = self.metrics
        px = m.ui_px(20)
        f = font(px)
        width = m.width - 2 * m.margin
        step = f.get_linesize()
        y = m.height - m.margin // 2
        for text, _ in reversed(self.notes[-3:]):
            # A long note (a damaged file named with its path) wraps on a panel of its own,
            # at most three rows, the last ending in "…": never cut at the window's edges.
            rows = wrap(text, f, width)
            if len(rows) > 3:
                rows = rows[:2] + [fit(" ".join(rows[2:]), px, width)]
            box = pygame.Rect(0, 0, max(f.size(r)[0] for r in rows) + 2 * m.gap,
                              step * len(rows) + m.gap)
            box.midbottom = (m.width // 2, y)
            panel(canvas.surface, box, self.theme.panel, self.theme.panel_alpha, m.gap // 2)
            ry = box.top + m.gap // 2
            for row in rows:
                canvas.text(row, (m.width // 2, ry), px, self.theme.warn, anchor="midtop")
                ry += step
            y = box.top - 4

    def run(self, clock: Clock | None = None, max_frames: int | None = None) -> None:
        """Run until the last view is gone, Quit, or `max_frames` loop turns (for tests)."""
        clock = clock or RealClock()
        self.running = True
        last = time.monotonic()
        while self.running and self.views:
            animating = any(v.animating() for v in self.views) or bool(self.notes)
            if animating or self.dirty:
                events = pygame.event.get()
            else:
                wakes = [w for v in self.views if (w := getattr(v, "wake_ms", None))]
                first = pygame.event.wait(min([self.idle_timeout_ms, *wakes]))
                events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
            for event in events:
                self.dispatch(event)
                if not self.running:
                    break
            now = time.monotonic()
            dt = min(0.25, now - last)
            last = now
            moved = False
            for view in list(self.views):
                try:
                    if view.update(dt):
                        moved = True
                except Exception:
                    self.views.remove(view)
                    self.fail(traceback.format_exc())
            if self.notes:
                before = len(self.notes)
                self.notes = [(n, s - dt) for n, s in self.notes if s - dt > 0]
                if len(self.notes) != before:
                    self.dirty = True
            if self.running and self.views:
                if self.dirty:
                    self.dirty = False
                    self.draw()
                elif moved:
                    # Only an animation moved: draw the frame, send just what changed.
                    rects = getattr(self.views[-1], "animation_rects", lambda: None)()
                    self.draw(rects)
            self.frames += 1
            if max_frames is not None and self.frames >= max_frames:
                break
            if animating:
                clock.tick(self.fps)

    def pump(self) -> None:
        """Let the window system know we are alive while loading (no events are lost)."""
        pygame.event.pump()

    def close(self) -> None:
        self.close_console()
        pygame.display.quit()
