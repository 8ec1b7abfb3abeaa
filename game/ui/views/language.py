"""The first start: the counsellor picks the interface language once; it is kept from then on.

Shown over the menu when no language has been saved yet, so a machine with an English locale
does not open in English every time for a counsellor who works in Finnish.
"""

from __future__ import annotations

from dataclasses import replace

import pygame

from ...i18n import LANGUAGES, t
from ..app import App, BaseView, Intent, Pop, pointer
from ..canvas import Canvas, fit
from ..widgets import Button, button_column

KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_KP1: 0, pygame.K_KP2: 1,
        pygame.K_KP3: 2}


class LanguageView(BaseView):
    """Three big buttons, each language named in itself; keys 1–3, arrows and Enter, a click
    or a tap. The title asks in all three languages, since none is known yet."""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        lang = app.settings.ui_lang
        self.focus = LANGUAGES.index(lang) if lang in LANGUAGES else 0
        self.buttons: list[Button] = []

    def choose(self, index: int) -> Intent:
        code = LANGUAGES[index]
        self.app.change_settings(replace(self.app.settings, ui_lang=code))
        return Pop()

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame.KEYDOWN:
            if event.key in KEYS:
                return self.choose(KEYS[event.key])
            if event.key in (pygame.K_DOWN, pygame.K_TAB, pygame.K_RIGHT):
                self.focus = (self.focus + 1) % len(LANGUAGES)
            elif event.key in (pygame.K_UP, pygame.K_LEFT):
                self.focus = (self.focus - 1) % len(LANGUAGES)
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self.choose(self.focus)
            return None
        if event.type == pygame.JOYBUTTONDOWN and getattr(event, "button", -1) == 0:
            return self.choose(self.focus)
        if event.type == pygame.JOYHATMOTION:
            self.focus = (self.focus - event.value[1]) % len(LANGUAGES)
            return None
        pos = pointer(self.app, event)
        if pos is not None:
            for i, b in enumerate(self.buttons):
                if b.hit(pos):
                    return self.choose(i)
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        px = m.ui_px(28)
        title_px = m.ui_px(30)
        width = min(m.width - 2 * m.margin, int(px * 16))
        titles = [t("lang-choose", code) for code in LANGUAGES]
        step = int(title_px * 1.35)
        btn_h = int(px * 2.1)
        total = step * len(titles) + m.gap * 2 + len(LANGUAGES) * (btn_h + m.gap)
        y = max(m.margin, (m.height - total) // 2)
        for i, title in enumerate(titles):
            canvas.text(fit(title, title_px, m.width - 2 * m.margin, i == 0), (m.width // 2, y),
                        title_px, theme.text if i == 0 else theme.muted, i == 0, "midtop")
            y += step
        y += m.gap * 2
        labels = [(t(f"lang-{code}", code).capitalize(), code) for code in LANGUAGES]
        self.buttons = button_column(labels, m.width // 2, y, width, px, m.gap)
        for i, b in enumerate(self.buttons):
            b.label = f"{i + 1}  {b.label}"
            b.focused = i == self.focus
            b.draw(canvas, theme, px)
