"""The main menu: stories as cards; a story that fails validation shows its first error."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from ...i18n import has, interface_language
from ...resources import shared_assets_dir
from ...story.loader import LoadedStory, check_file, find_story_files
from ...story.model import Story
from ...story.text import pick
from ..app import App, BaseView, Intent, Push, Quit, pointer
from ..canvas import Canvas, fit, font, panel, rounded, wrap
from ..media import Media
from ..widgets import Button

MENU_BACKGROUND = "ui/menu-background.svg"


@dataclass
class StoryEntry:
    path: Path
    loaded: LoadedStory | None
    error: str | None  # the first error, formatted, when the story does not load


def discover(folders: list[Path], lang: str = "en") -> list[StoryEntry]:
    """Every story in `folders`, valid or not (a broken one carries its first error)."""
    out: list[StoryEntry] = []
    seen_ids: set[str] = set()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in find_story_files(folder):
            res = check_file(path)
            if res.loaded is not None and res.loaded.story.id in seen_ids:
                continue
            if res.loaded is not None:
                seen_ids.add(res.loaded.story.id)
                out.append(StoryEntry(path, res.loaded, None))
            else:
                first = next((i for i in res.issues if i.is_error), None)
                out.append(StoryEntry(path, None, first.headline(lang) if first else "?"))
    return out


class MenuView(BaseView):
    """Stories as cards (title, description, time, languages, tags); settings; quit."""

    def __init__(self, app: App, entries: list[StoryEntry],
                 open_story: Callable[[StoryEntry], Intent | None],
                 open_settings: Callable[[], Intent | None]) -> None:
        super().__init__(app)
        self.entries = entries
        self.open_story = open_story
        self.open_settings = open_settings
        self.focus = 0
        self.scroll = 0  # first row shown
        self.cards: list[tuple[pygame.Rect, int]] = []
        self.buttons: list[Button] = []
        self.cols = 2
        self.rows_visible = 1
        self._media = Media(None, shared_assets_dir())

    def _items(self) -> int:
        return len(self.entries) + 2  # cards, then Settings and Quit

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame.KEYDOWN:
            key = event.key
            n = len(self.entries)
            if key in (pygame.K_ESCAPE, pygame.K_q):
                return Quit()
            if key == pygame.K_s:
                return self.open_settings()
            if key == pygame.K_F1:
                from .overlays import HelpOverlay

                return Push(HelpOverlay(self.app))
            if key == pygame.K_RIGHT:
                self.focus = min(self._items() - 1, self.focus + 1)
            elif key == pygame.K_LEFT:
                self.focus = max(0, self.focus - 1)
            elif key == pygame.K_DOWN:
                self.focus = min(self._items() - 1, self.focus + self.cols) if self.focus < n \
                    else min(self._items() - 1, self.focus + 1)
            elif key == pygame.K_UP:
                self.focus = max(0, self.focus - (self.cols if self.focus < n else 1))
            elif key == pygame.K_TAB:
                self.focus = (self.focus + 1) % self._items()
            elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                return self._activate(self.focus)
            self._keep_visible()
            return None
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y)
            return None
        pos = pointer(self.app, event)
        if pos is not None:
            for rect, index in self.cards:
                if rect.collidepoint(pos):
                    self.focus = index
                    return self._activate(index)
            for b in self.buttons:
                if b.hit(pos):
                    return self._activate(len(self.entries) + (0 if b.action == "settings" else 1))
        return None

    def _keep_visible(self) -> None:
        if self.focus >= len(self.entries):
            return
        row = self.focus // self.cols
        if row < self.scroll:
            self.scroll = row
        elif row >= self.scroll + self.rows_visible:
            self.scroll = row - self.rows_visible + 1

    def _activate(self, index: int) -> Intent | None:
        n = len(self.entries)
        if index == n:
            return self.open_settings()
        if index == n + 1:
            return Quit()
        entry = self.entries[index]
        if entry.loaded is None:
            return None
        return self.open_story(entry)

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        surf = canvas.surface
        surf.fill(theme.bg)
        self._draw_backdrop(surf)
        title_px = m.text_px(44)
        y = m.margin
        canvas.text(self.tr("ui-title"), (m.margin, y), title_px, theme.accent, True)
        tag_px = m.ui_px(22)
        canvas.text(self.tr("ui-tagline"), (m.margin, y + int(title_px * 1.25)), tag_px,
                    theme.muted)
        top = y + int(title_px * 1.25) + int(tag_px * 1.6) + m.gap
        btn_px = m.ui_px(24)
        btn_h = int(btn_px * 2.1)
        hint_px = m.ui_px(18)
        bottom = m.height - m.margin - btn_h - int(hint_px * 1.8)
        area = pygame.Rect(m.margin, top, m.width - 2 * m.margin, bottom - top - m.gap)
        self._draw_cards(canvas, area)
        # buttons
        labels = [(self.tr("ui-settings"), "settings"), (self.tr("ui-quit"), "quit")]
        bw = max(font(btn_px, True).size(lbl)[0] for lbl, _ in labels) + 3 * m.gap
        self.buttons = []
        x = m.margin
        for i, (label, action) in enumerate(labels):
            b = Button(pygame.Rect(x, bottom, bw, btn_h), label, action,
                       focused=self.focus == len(self.entries) + i)
            b.draw(canvas, theme, btn_px)
            self.buttons.append(b)
            x += bw + m.gap
        canvas.text(self.tr("ui-menu-hint"), (m.width - m.margin, m.height - m.margin // 2),
                    hint_px, theme.muted, anchor="bottomright")

    def _draw_backdrop(self, surf: pygame.Surface) -> None:
        theme = self.app.theme
        if theme.name == "high-contrast":
            return
        picture = self._media.picture(MENU_BACKGROUND, surf.get_size())
        if picture is not None:
            surf.blit(picture, (0, 0))
            return
        w, h = surf.get_size()
        for i, (cx, cy, r) in enumerate(((0.92, 0.1, 0.22), (0.05, 0.95, 0.18),
                                         (0.75, 1.0, 0.12))):
            colour = (theme.tile_hover if i != 1 else (230, 240, 236))
            pygame.draw.circle(surf, colour, (int(cx * w), int(cy * h)), int(r * h * 1.6))

    def _draw_cards(self, canvas: Canvas, area: pygame.Rect) -> None:
        theme = self.app.theme
        m = self.app.metrics
        self.cards = []
        if not self.entries:
            canvas.text(self.tr("ui-no-stories"), area.center, m.text_px(), theme.text,
                        anchor="center")
            return
        self.cols = 1 if area.width < 900 * m.unit * m.scale ** 0.5 else 2
        title_px = m.text_px(28)
        body_px = m.ui_px(20)
        card_h = int(title_px * 1.4) + int(body_px * 1.3) * 4 + 3 * m.gap
        self.rows_visible = max(1, (area.height + m.gap) // (card_h + m.gap))
        if self.cols == 1 and self.rows_visible == 1 and len(self.entries) > 1 and \
                area.width >= title_px * 18:
            # Big text on a small window: two cards side by side rather than one a page.
            self.cols = 2
        card_h = min((area.height - m.gap * (self.rows_visible - 1)) // self.rows_visible,
                     card_h + m.gap * 4)
        card_w = (area.width - m.gap * (self.cols - 1)) // self.cols
        rows = -(-len(self.entries) // self.cols)
        self.scroll = max(0, min(self.scroll, rows - self.rows_visible))
        first = self.scroll * self.cols
        for k, entry in enumerate(self.entries[first: first + self.rows_visible * self.cols]):
            index = first + k
            r, c = divmod(k, self.cols)
            rect = pygame.Rect(area.left + c * (card_w + m.gap), area.top + r * (card_h + m.gap),
                               card_w, card_h)
            self._draw_card(canvas, rect, entry, index == self.focus, title_px, body_px)
            self.cards.append((rect, index))
        if rows > self.rows_visible:
            last = min(rows, self.scroll + self.rows_visible)
            shown = f"{self.scroll + 1}–{last}" if last > self.scroll + 1 else f"{last}"
            more = f"{shown} / {rows}"
            canvas.text(more, (area.right, area.bottom + m.gap // 2), body_px, theme.muted,
                        anchor="topright")

    def _tag(self, tag: str, story: Story) -> str | None:
        """A tag in the interface language: from the catalogue, or as the author wrote it when
        the story is in the interface language; otherwise left out (no Finnish tags in the
        English menu)."""
        key = f"tag-{tag}"
        if has(key):
            return self.tr(key)
        return tag if interface_language(story.default_language) == self.lang else None

    def _draw_card(self, canvas: Canvas, rect: pygame.Rect, entry: StoryEntry, focused: bool,
                   title_px: int, body_px: int) -> None:
        theme = self.app.theme
        m = self.app.metrics
        radius = max(8, m.gap)
        panel(canvas.surface, rect, theme.tile_hover if focused else theme.tile, 255, radius)
        rounded(canvas.surface, rect, theme.accent if focused else theme.border, radius,
                4 if focused else 2)
        inner = rect.inflate(-2 * m.gap, -2 * m.gap)
        ui = self.lang
        if entry.loaded is None:
            title = entry.path.parent.name if entry.path.name == "story.yaml" else entry.path.stem
            desc = self.tr("ui-broken-story", error=entry.error or "")
            meta = ""
            colour = theme.warn
        else:
            story = entry.loaded.story
            lang = ui if ui in story.languages else story.default_language
            title = pick(story.title, lang, story.default_language) or story.id
            desc = pick(story.description, lang, story.default_language)
            parts = []
            if story.minutes:
                parts.append(self.tr("ui-minutes", n=story.minutes))
            parts.append(", ".join(story.languages))
            tags = [shown for tag in story.tags if (shown := self._tag(tag, story))]
            if tags:
                parts.append(", ".join(tags[:4]))
            meta = " · ".join(parts)
            colour = theme.text
        y = inner.top
        canvas.text(fit(title, title_px, inner.width, True), (inner.left, y), title_px,
                    theme.text, True)
        y += int(title_px * 1.4)
        meta_h = int(body_px * 1.4) if meta else 0
        room = inner.bottom - y - meta_h
        fb = font(body_px)
        step = int(fb.get_linesize() * 1.25 / 1.1)
        max_rows = max(0, room // step)
        desc_rows = wrap(desc, fb, inner.width) if desc else []
        if len(desc_rows) > max_rows and max_rows > 0:
            rest = " ".join(desc_rows[max_rows - 1:])
            desc_rows = desc_rows[:max_rows - 1] + [fit(rest, body_px, inner.width)]
        for row in desc_rows[:max_rows]:
            canvas.text(row, (inner.left, y), body_px, colour)
            y += step
        if meta:
            meta = fit(meta, body_px, inner.width)
            canvas.text(meta, (inner.left, inner.bottom), body_px, theme.muted,
                        anchor="bottomleft")
