"""The counsellor's console: a second window beside the projected one, when there is a second
display. It shows what comes next, who has voted, the timer, the controls and the story's guide
notes (never shown on the shared screen). Keys typed in it control the game as usual.

It reads the play flow the app hands it (`App.current_flow`), never the play screen itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import pygame

from ..i18n import t
from .canvas import Canvas, font, panel, wrap
from .theme import Metrics

if TYPE_CHECKING:
    from ..play.flow import PlayFlow
    from .theme import Settings, Theme


class ConsoleHost(Protocol):
    """What the console needs of the app: its settings, theme and the flow being played."""

    settings: Settings

    @property
    def theme(self) -> Theme: ...

    def current_flow(self) -> PlayFlow | None: ...


def second_display_present() -> bool:
    try:
        return pygame.display.get_num_displays() > 1
    except pygame.error:
        return False


class Console:
    """Draws the state of the story being played (the app's current flow) in its own window."""

    def __init__(self, app: ConsoleHost, size: tuple[int, int] = (900, 700)) -> None:
        self.app = app
        position: tuple[int, int] | int = pygame.WINDOWPOS_CENTERED
        try:
            sizes = pygame.display.get_desktop_sizes()
            if len(sizes) > 1:
                position = (sizes[0][0] + 40, 40)  # the next display, in an extended desktop
        except pygame.error:
            pass
        self.window = pygame.Window(t("console-title", app.settings.ui_lang), size, position,
                                    resizable=True)
        self.boxes: list = []

    def close(self) -> None:
        self.window.destroy()

    def draw(self) -> None:
        flow = self.app.current_flow()
        surface = self.window.get_surface()
        theme = self.app.theme
        lang = self.app.settings.ui_lang
        w, h = surface.get_size()
        m = Metrics(w, h, 1.0)
        surface.fill(theme.bg)
        canvas = Canvas(surface)
        px = max(14, m.ui_px(20))
        x, y = m.margin, m.margin
        width = w - 2 * m.margin
        canvas.text(t("console-title", lang), (x, y), int(px * 1.3), theme.accent, True)
        y += int(px * 2.2)
        if flow is not None:
            c = flow.c
            y = self._line(canvas, t("console-scene", lang, scene=c.scene_id), x, y, width, px)
            nxt = [f"{o.number}) {o.id} -> {o.goto}" for o in c.offered()]
            scene = c.runtime.scene(c.state)
            if scene.goto:
                nxt = [f"-> {scene.goto}"]
            if nxt:
                y = self._line(canvas, t("console-next", lang, items="; ".join(nxt)), x, y,
                               width, px)
            if c.ballot is not None and c.vote_mode in ("secret", "gamepads"):
                done = c.voters_done()
                y = self._line(canvas, t("who-voted", lang, n=len(done),
                                         total=len(c.participants)), x, y, width, px)
            if flow.timer_left is not None:
                left = int(flow.timer_left + 0.999)
                y = self._line(canvas, t("ui-timer", lang, m=left // 60, s=left % 60), x, y,
                               width, px)
            guide = c.runtime.text(c.runtime.story.guide, c.state) if c.runtime.story.guide \
                else ""
            if guide:
                y += m.gap
                y = self._line(canvas, t("console-guide", lang), x, y, width, px, bold=True)
                box_h = max(0, h // 2 - y)
                if box_h > px * 2:
                    panel(surface, pygame.Rect(x - 6, y, width + 12, box_h), theme.panel, 255, 8)
                    f = font(int(px * 0.9))
                    step = int(f.get_linesize() * 1.1)
                    for row in [r for part in guide.split("\n") for r in wrap(part, f, width)]:
                        if y + step > h // 2:
                            break
                        canvas.text(row, (x, y), int(px * 0.9), theme.text)
                        y += step
        y = max(y + m.gap, h // 2 + m.gap)
        for row in t("help-keys", lang).split("\n"):
            if y + px * 1.4 > h - m.margin:
                break
            y = self._line(canvas, row, x, y, width, int(px * 0.9))
        self.boxes = canvas.boxes
        self.window.flip()

    def _line(self, canvas: Canvas, text: str, x: int, y: int, width: int, px: int,
              bold: bool = False) -> int:
        f = font(px, bold)
        for row in wrap(text, f, width):
            canvas.text(row, (x, y), px, self.app.theme.text, bold)
            y += int(f.get_linesize() * 1.15)
        return y
