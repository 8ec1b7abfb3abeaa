"""Screens over the story: the counsellor's menu, pause, help, confirmation and errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..app import App, BaseView, Intent, Pop, Replace, pointer
from ..canvas import Canvas, fit, font, panel, paragraph_height
from ..widgets import Button, button_column


class _Buttons(BaseView):
    """A column of buttons over a dimmed screen; keyboard (arrows, Enter) and mouse both work."""

    opaque = False
    title_key = ""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.focus = 0
        self.cols = 1
        self.buttons: list[Button] = []

    def items(self) -> list[tuple[str, str]]:
        return []

    def message(self) -> str:
        return ""

    def choose(self, action: str) -> Intent | None:
        return Pop()

    def handle(self, event: pygame.event.Event) -> Intent | None:
        items = self.items()
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_ESCAPE:
                return Pop()
            rows = -(-len(items) // max(1, self.cols))
            if event.key in (pygame.K_DOWN, pygame.K_TAB):
                self.focus = (self.focus + 1) % len(items)
            elif event.key == pygame.K_UP:
                self.focus = (self.focus - 1) % len(items)
            elif event.key == pygame.K_RIGHT and self.cols > 1:
                self.focus = min(len(items) - 1, self.focus + rows)
            elif event.key == pygame.K_LEFT and self.cols > 1 and self.focus >= rows:
                self.focus -= rows
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.choose(items[self.focus][1])
            return None
        pos = pointer(self.app, event)
        if pos is not None:
            for b in self.buttons:
                if b.hit(pos):
                    return self.choose(b.action)
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        shade = pygame.Surface(canvas.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        canvas.surface.blit(shade, (0, 0))
        items = self.items()
        px = m.ui_px(24)
        gap = max(4, m.gap // 2)
        title = self.tr(self.title_key) if self.title_key else ""
        message = self.message()
        room = m.height - 2 * m.margin
        start_px = px
        while True:
            # One column while the buttons fit, else two: the text keeps its size.
            btn_h = int(px * 2.1)
            single = min(m.width - 2 * m.margin, int(px * 22))
            head = int(px * 2) if title else 0
            for cols in (1, 2):
                width = single if cols == 1 else min(m.width - 2 * m.margin, single * 2 + gap)
                msg_h = paragraph_height(message, width, px) if message else 0
                rows = -(-len(items) // cols)
                height = head + msg_h + rows * (btn_h + gap) + 2 * m.gap
                if height <= room:
                    break
            # A label that does not fit its button makes the text a little smaller (to 4/5),
            # so the key on it ("(askelpalautin)") stays readable; past that, "…".
            bw = width if cols == 1 else (width - gap) // 2
            labels_fit = all(font(px, True).size(label)[0] <= bw - max(8, px // 2)
                             for label, _ in items) or px <= start_px * 4 // 5
            if (height <= room and labels_fit) or px <= 11:
                break
            px -= 1
        self.cols = cols
        box = pygame.Rect(0, 0, width + 2 * m.gap, height)
        box.center = (m.width // 2, m.height // 2)
        panel(canvas.surface, box, theme.panel, 255, m.gap)
        y = box.top + m.gap
        if title:
            canvas.text(fit(title, px, width, True), (box.centerx, y), px, theme.text, True,
                        "midtop")
            y += int(px * 2)
        if message:
            canvas.paragraph(message, pygame.Rect(box.left + m.gap, y, width, msg_h), px,
                             theme.text, align="center")
            y += msg_h
        if cols == 1:
            self.buttons = button_column(items, box.centerx, y, width, px, gap)
        else:
            bw = (width - gap) // 2
            rows = -(-len(items) // 2)
            left = button_column(items[:rows], box.left + m.gap + bw // 2, y, bw, px, gap)
            right = button_column(items[rows:], box.right - m.gap - bw // 2, y, bw, px, gap)
            self.buttons = left + right
        for i, b in enumerate(self.buttons):
            b.focused = i == self.focus
            b.draw(canvas, theme, px)


class CounsellorMenu(_Buttons):
    """Every counsellor control, for mouse-only use too (Esc or the Menu button)."""

    title_key = "menu-title"

    def __init__(self, app: App, play: Any) -> None:
        super().__init__(app)
        self.play = play

    def items(self) -> list[tuple[str, str]]:
        out = [
            (self.tr("menu-continue"), "continue"),
            (self.tr("menu-pause"), "pause"),
            (self.tr("menu-back"), "back"),
            (self.tr("menu-skip"), "skip"),
            (self.tr("menu-bigger"), "bigger"),
            (self.tr("menu-smaller"), "smaller"),
        ]
        if self.play.flow.phase in ("choices", "handover"):
            out.append((self.tr("menu-timer-extend"), "timer-extend"))
            if self.play.flow.timer_left is not None:
                out.append((self.tr("menu-timer-stop"), "timer-stop"))
        out += [(self.tr("menu-help"), "help"), (self.tr("menu-end"), "end")]
        return out

    def choose(self, action: str) -> Intent | None:
        if action == "continue":
            return Pop()
        if action == "end":
            return Replace(ConfirmEnd(self.app, self.play))
        if action in ("bigger", "smaller"):
            # The menu stays open, so the counsellor can take several steps and see each.
            self.play.menu_action(action)
            return None
        self.app.pop()
        return self.play.menu_action(action)


class ConfirmEnd(_Buttons):
    title_key = "menu-end"

    def __init__(self, app: App, play: Any) -> None:
        super().__init__(app)
        self.play = play

    def message(self) -> str:
        return self.tr("confirm-end")

    def items(self) -> list[tuple[str, str]]:
        return [(self.tr("no-continue"), "no"), (self.tr("yes-end"), "yes")]

    def choose(self, action: str) -> Intent | None:
        if action == "yes":
            self.app.pop()
            return self.play.end_session()
        return Pop()


class ConfirmSkip(_Buttons):
    """E or "skip to an ending": asked first, so a stray key never ends the story."""

    title_key = "menu-skip"

    def __init__(self, app: App, play: Any) -> None:
        super().__init__(app)
        self.play = play

    def message(self) -> str:
        return self.tr("confirm-skip")

    def items(self) -> list[tuple[str, str]]:
        return [(self.tr("no-continue"), "no"), (self.tr("yes-skip"), "yes")]

    def choose(self, action: str) -> Intent | None:
        if action == "yes":
            self.app.pop()
            return self.play.skip()
        return Pop()


class PauseOverlay(BaseView):
    """Hides the story behind a calm screen until any key or tap."""

    opaque = True

    def __init__(self, app: App, on_resume: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.on_resume = on_resume

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN,
                          pygame.JOYBUTTONDOWN):
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_F11, pygame.K_LCTRL,
                                                              pygame.K_RCTRL):
                return None
            if self.on_resume:
                self.on_resume()
            return Pop()
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        cx, cy = m.width // 2, m.height // 2
        pygame.draw.circle(canvas.surface, theme.tile_hover, (cx, cy - m.text_px(40)),
                           m.text_px(70))
        canvas.text(self.tr("pause-title"), (cx, cy - m.text_px(40)), m.text_px(56), theme.text,
                    True, "center")
        rect = pygame.Rect(m.margin * 2, cy + m.text_px(50), m.width - 4 * m.margin, m.height)
        canvas.paragraph(self.tr("pause-hint"), rect, m.ui_px(24), theme.muted, align="center")


class HelpOverlay(BaseView):
    """F1: every key, in the interface language."""

    opaque = False

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN):
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_LCTRL, pygame.K_RCTRL):
                return None
            return Pop()
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        shade = pygame.Surface(canvas.size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 170))
        canvas.surface.blit(shade, (0, 0))
        rows = self.tr("help-keys").split("\n")
        px = m.ui_px(24)
        width = min(m.width - 2 * m.margin, int(m.ui_px(24) * 30))
        inner = width - 4 * m.gap
        while True:
            title_h = int(px * 2.4)
            body = sum(paragraph_height(r, inner, px) for r in rows)
            height = title_h + body + int(px * 2) + 2 * m.gap
            if height <= m.height - 2 * m.margin or px <= 11:
                break
            px -= 1
        box = pygame.Rect(0, 0, width, height)
        box.center = (m.width // 2, m.height // 2)
        panel(canvas.surface, box, theme.panel, 255, m.gap)
        y = box.top + m.gap
        canvas.text(self.tr("help-title"), (box.centerx, y), int(px * 1.2), theme.text, True,
                    "midtop")
        y += title_h
        for row in rows:
            y += canvas.paragraph(row, pygame.Rect(box.left + 2 * m.gap, y, inner, height), px,
                                  theme.text)
        canvas.text(self.tr("help-close"), (box.centerx, box.bottom - m.gap), int(px * 0.85),
                    theme.muted, anchor="midbottom")


class ErrorView(_Buttons):
    """A calm screen for an unexpected error: the session can still be ended properly."""

    opaque = True
    title_key = "error-title"

    def __init__(self, app: App, details: str, on_end: Callable[[], Intent | None] | None = None
                 ) -> None:
        super().__init__(app)
        self.details = details
        self.on_end = on_end

    def items(self) -> list[tuple[str, str]]:
        if self.on_end is None:  # no story is being played: there is no session to end
            return [(self.tr("error-retry"), "retry")]
        return [(self.tr("error-retry"), "retry"), (self.tr("menu-end"), "end")]

    def message(self) -> str:
        return self.tr("error-body" if self.on_end is not None else "error-body-no-session")

    def draw(self, canvas: Canvas) -> None:
        canvas.surface.fill(self.app.theme.bg)
        super().draw(canvas)

    def choose(self, action: str) -> Intent | None:
        if action == "end" and self.on_end is not None:
            self.app.pop()
            return self.on_end()
        return Pop()
