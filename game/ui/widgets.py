"""Small building blocks shared by the screens: buttons and the choice tile layout."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .canvas import Canvas, fit, paragraph_height, rounded
from .theme import Metrics, Theme


@dataclass
class Button:
    rect: pygame.Rect
    label: str
    action: str
    focused: bool = False

    def draw(self, canvas: Canvas, theme: Theme, px: int) -> None:
        fill = theme.accent if self.focused else theme.tile
        text = theme.accent_text if self.focused else theme.tile_text
        radius = max(6, self.rect.height // 4)
        rounded(canvas.surface, self.rect, fill, radius)
        rounded(canvas.surface, self.rect, theme.border, radius, width=2)
        label = fit(self.label, px, self.rect.width - max(8, px // 2), bold=True)
        canvas.text(label, self.rect.center, px, text, bold=True, anchor="center")

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.rect.collidepoint(pos)


def button_column(
    labels: list[tuple[str, str]], centre_x: int, top: int, width: int, px: int, gap: int,
    height: int | None = None,
) -> list[Button]:
    height = height or int(px * 2.1)
    out = []
    y = top
    for label, action in labels:
        rect = pygame.Rect(0, y, width, height)
        rect.centerx = centre_x
        out.append(Button(rect, label, action))
        y += height + gap
    return out


@dataclass
class TileLayout:
    rects: list[pygame.Rect]
    px: int
    badge: int  # diameter of the number badge


def layout_tiles(
    texts: list[str], area: pygame.Rect, m: Metrics, reserve_right: int = 0
) -> TileLayout:
    """Place 1–6 choice tiles in `area`: two columns when they fit, else one; the text shrinks
    step by step (to at most 3/4 of the 100 % size) until every tile holds its text."""
    n = max(1, len(texts))
    gap = m.gap
    base_px = m.text_px(28)
    floor_px = max(12, int(28 * m.unit))
    px = base_px
    while True:
        for cols in ((2, 1) if n >= 3 else (1,)):
            rows = -(-n // cols)
            tile_w = (area.width - gap * (cols - 1)) // cols
            tile_h = (area.height - gap * (rows - 1)) // rows
            badge = int(px * 1.6)
            inner_w = tile_w - badge - gap * 3 - reserve_right
            if inner_w < px * 4 or tile_h < badge + gap:
                continue
            need = max(paragraph_height(t, inner_w, px) for t in texts) if texts else 0
            if need + gap <= tile_h:
                height = min(tile_h, max(need + gap * 2, badge + gap * 2))
                rects = []
                for i in range(n):
                    r, c = divmod(i, cols)
                    rects.append(pygame.Rect(area.left + c * (tile_w + gap),
                                             area.top + r * (height + gap), tile_w, height))
                return TileLayout(rects, px, badge)
        if px <= floor_px * 0.75:
            break
        px = int(px * 0.9)
    # Nothing fits even small: one column at the smallest size (the area is tiny).
    rows = n
    height = max(1, (area.height - gap * (rows - 1)) // rows)
    rects = [pygame.Rect(area.left, area.top + i * (height + gap), area.width, height)
             for i in range(n)]
    return TileLayout(rects, px, int(px * 1.6))


def draw_tile(
    canvas: Canvas,
    rect: pygame.Rect,
    number: int,
    text: str,
    theme: Theme,
    layout: TileLayout,
    m: Metrics,
    highlight: bool = False,
    dim: bool = False,
    reserve_right: int = 0,
) -> pygame.Rect:
    """A choice tile: a number badge and the wrapped text. Returns the text area."""
    radius = max(8, m.gap)
    fill = theme.tile_hover if highlight else theme.tile
    rounded(canvas.surface, rect, fill, radius)
    rounded(canvas.surface, rect, theme.accent if highlight else theme.border, radius,
            width=4 if highlight else 2)
    badge = max(8, min(layout.badge, rect.height - m.gap * 2))  # never out of its tile
    bx = rect.left + m.gap + layout.badge // 2
    by = rect.top + m.gap + badge // 2
    pygame.draw.circle(canvas.surface, theme.accent, (bx, by), badge // 2)
    canvas.text(str(number), (bx, by), min(int(layout.px * 1.05), int(badge * 0.7)),
                theme.accent_text, bold=True, anchor="center")
    text_rect = pygame.Rect(rect.left + layout.badge + m.gap * 2, rect.top + m.gap,
                            rect.width - layout.badge - m.gap * 3 - reserve_right,
                            rect.height - m.gap * 2)
    colour = theme.muted if dim else theme.tile_text
    canvas.paragraph(text, text_rect, layout.px, colour)
    return text_rect
