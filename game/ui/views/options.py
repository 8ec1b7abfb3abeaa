"""Screens of rows with a value to change (◀ value ▶): the game set-up and the settings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import pygame

from ...constants import VOTE_MODES
from ..app import App, BaseView, Intent, Pop, pointer
from ..canvas import Canvas, fit, font, icon, panel, rounded
from ..theme import HIGH_CONTRAST, WARM
from ..widgets import Button


@dataclass
class Option:
    key: str  # label's string key
    values: Sequence[str]  # machine values
    labels: list[str]  # shown
    index: int = 0
    enabled: bool = True

    @property
    def value(self) -> str:
        return self.values[self.index]


class OptionsView(BaseView):
    """Rows of options and buttons; arrows, Enter, mouse and touch all work."""

    title_key = ""

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.row = 0
        self.options: list[Option] = []
        self.arrows: list[tuple[pygame.Rect, int, int]] = []  # rect, row, step
        self.buttons: list[Button] = []

    def actions(self) -> list[tuple[str, str]]:
        return [(self.tr("ui-back"), "back")]

    def act(self, action: str) -> Intent | None:
        return Pop()

    def changed(self, option: Option) -> None:
        """An option changed; subclasses apply it."""

    def _rows(self) -> int:
        return len(self.options) + len(self.actions())

    def _step(self, row: int, step: int) -> None:
        opt = self.options[row]
        if not opt.enabled:
            return
        opt.index = (opt.index + step) % len(opt.values)
        self.changed(opt)

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                return self.act("back")
            if key in (pygame.K_DOWN, pygame.K_TAB):
                self.row = (self.row + 1) % self._rows()
            elif key == pygame.K_UP:
                self.row = (self.row - 1) % self._rows()
            elif key in (pygame.K_LEFT, pygame.K_RIGHT) and self.row < len(self.options):
                self._step(self.row, 1 if key == pygame.K_RIGHT else -1)
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if self.row < len(self.options):
                    self._step(self.row, 1)
                else:
                    return self.act(self.actions()[self.row - len(self.options)][1])
            return None
        pos = pointer(self.app, event)
        if pos is not None:
            for rect, row, step in self.arrows:
                if rect.collidepoint(pos):
                    self.row = row
                    self._step(row, step)
                    return None
            for b in self.buttons:
                if b.hit(pos):
                    return self.act(b.action)
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        px = m.ui_px(26)
        rows = len(self.options) + 1
        while True:
            # Rows just tall enough for the text and its arrows, so 200 % text fits 720 px.
            row_h = int(px * 1.9)
            title_h = int(px * 2.1)
            total = title_h + rows * (row_h + m.gap) + m.gap
            if total <= m.height - 2 * m.margin or px <= 11:
                break
            px -= 1
        width = min(m.width - 2 * m.margin, int(px * 34))
        left = (m.width - width) // 2
        y = max(m.margin, (m.height - total) // 2)
        canvas.text(fit(self.tr(self.title_key), int(px * 1.3), width, True), (m.width // 2, y),
                    int(px * 1.3), theme.text, True, "midtop")
        y += title_h
        self.arrows = []
        # The labels take what the longest needs (up to 45 %); the values get the rest.
        longest = max((font(px, True).size(self.tr(o.key))[0] for o in self.options), default=0)
        label_w = max(width * 28 // 100, min(width * 45 // 100, longest + 2 * m.gap))
        for i, opt in enumerate(self.options):
            rect = pygame.Rect(left, y, width, row_h)
            focused = i == self.row
            panel(canvas.surface, rect, theme.tile_hover if focused else theme.panel, 255, 8)
            if focused:
                rounded(canvas.surface, rect, theme.accent, 8, 3)
            canvas.text(_fit(self.tr(opt.key), px, label_w - m.gap),
                        (rect.left + m.gap, rect.centery), px, theme.text, True, "midleft")
            size = int(row_h * 0.75)
            lrect = pygame.Rect(rect.left + label_w, rect.centery - size // 2, size, size)
            rrect = pygame.Rect(rect.right - m.gap - size, lrect.top, size, size)
            colour = theme.accent if opt.enabled else theme.muted
            for r, sym in ((lrect, "left"), (rrect, "right")):
                rounded(canvas.surface, r, colour, 6)
                icon(canvas.surface, sym, r.inflate(-r.width // 3, -r.height // 3),
                     theme.accent_text)
            value = _fit(opt.labels[opt.index], px, rrect.left - lrect.right - 2 * m.gap)
            canvas.text(value, ((lrect.right + rrect.left) // 2, rect.centery), px,
                        theme.text if opt.enabled else theme.muted, False, "center")
            self.arrows += [(lrect, i, -1), (rrect, i, 1)]
            y += row_h + m.gap
        actions = self.actions()
        bw = (width - m.gap * (len(actions) - 1)) // len(actions)
        self.buttons = []
        for j, (label, action) in enumerate(actions):
            rect = pygame.Rect(left + j * (bw + m.gap), y + m.gap, bw, row_h)
            b = Button(rect, _fit(label, px, bw - m.gap), action,
                       focused=self.row == len(self.options) + j)
            b.draw(canvas, theme, px)
            self.buttons.append(b)


def _fit(text: str, px: int, width: int, bold: bool = True) -> str:
    return fit(text, px, width, bold)


class SettingsView(OptionsView):
    """Interface language, text size, contrast, motion, read-aloud: changes apply at once."""

    title_key = "ui-settings"

    def __init__(self, app: App, speech_available: bool) -> None:
        super().__init__(app)
        s = app.settings
        on_off = [self.tr("off"), self.tr("on")]
        sizes = ["1.0", "1.25", "1.5", "1.75", "2.0"]
        self.options = [
            Option("set-language", ["fi", "sv", "en"],
                   [self.tr("lang-fi"), self.tr("lang-sv"), self.tr("lang-en")],
                   ["fi", "sv", "en"].index(s.ui_lang) if s.ui_lang in ("fi", "sv", "en") else 0),
            Option("set-text-size", sizes, ["100 %", "125 %", "150 %", "175 %", "200 %"],
                   min(range(5), key=lambda i: abs(float(sizes[i]) - s.text_scale))),
            Option("set-contrast", [WARM.name, HIGH_CONTRAST.name], on_off,
                   1 if s.theme == HIGH_CONTRAST.name else 0),
            Option("set-motion", ["0", "1"], on_off, int(s.reduce_motion)),
            # Without speech the row says why in its value, where there is room for it.
            Option("set-read-aloud", ["0", "1"], self._read_aloud_labels(speech_available),
                   int(s.read_aloud and speech_available), enabled=speech_available),
        ]

    def _read_aloud_labels(self, available: bool) -> list[str]:
        if available:
            return [self.tr("off"), self.tr("on")]
        return [self.tr("set-read-aloud-missing")] * 2

    def changed(self, option: Option) -> None:
        s = self.app.settings
        v = option.value
        if option.key == "set-language":
            s = replace(s, ui_lang=v)
        elif option.key == "set-text-size":
            s = replace(s, text_scale=float(v))
        elif option.key == "set-contrast":
            s = replace(s, theme=v)
        elif option.key == "set-motion":
            s = replace(s, reduce_motion=v == "1")
        else:
            s = replace(s, read_aloud=v == "1")
        self.app.change_settings(s)
        self._relabel()

    def _relabel(self) -> None:
        on_off = [self.tr("off"), self.tr("on")]
        self.options[0].labels = [self.tr("lang-fi"), self.tr("lang-sv"), self.tr("lang-en")]
        for opt in self.options[2:4]:
            opt.labels = on_off
        self.options[4].labels = self._read_aloud_labels(self.options[4].enabled)


@dataclass
class SetupChoice:
    lang: str
    vote_mode: str
    players: int


class QuickSetupView(OptionsView):
    """Before playing without a facilitator session: story language, voting, players."""

    title_key = "ui-setup-title"

    def __init__(self, app: App, languages: list[str],
                 start: Callable[[SetupChoice], Intent | None]) -> None:
        super().__init__(app)
        self.start = start
        ui = app.settings.ui_lang
        lang_index = languages.index(ui) if ui in languages else 0
        modes = sorted(VOTE_MODES, key=lambda mode: mode != "counsellor")  # the default first
        self.options = [
            Option("ui-story-language", languages,
                   [self._lang_label(code) for code in languages], lang_index),
            Option("ui-vote-mode", modes, [self.tr(f"vote-{mode}") for mode in modes], 0),
            Option("ui-players", [str(n) for n in range(2, 9)], [str(n) for n in range(2, 9)],
                   2),
        ]
        self.row = len(self.options)  # Start is focused: Enter begins at once

    def _lang_label(self, code: str) -> str:
        from ...i18n import has

        key = f"lang-{code}"
        return self.tr(key) if has(key) else code

    def actions(self) -> list[tuple[str, str]]:
        return [(self.tr("ui-start"), "start"), (self.tr("ui-back"), "back")]

    def act(self, action: str) -> Intent | None:
        if action == "start":
            o = self.options
            return self.start(SetupChoice(o[0].value, o[1].value, int(o[2].value)))
        return Pop()
