"""Drawing text and boxes, with a record of every text box drawn (for layout tests).

Rendered text is cached by (text, size, colour), so a frame that redraws an unchanged screen
only blits surfaces it already has.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

import pygame

from .theme import Colour, font


@dataclass(frozen=True)
class TextBox:
    text: str
    rect: pygame.Rect
    full: str = ""  # the text before `fit` shortened it (the same as `text` when it was not)


ELLIPSIS = "…"
_SHORTENED: OrderedDict[str, str] = OrderedDict()  # shortened text -> the text it came from


def ellipsize(text: str, f: pygame.font.Font, width: int) -> str:
    """`text` if it is at most `width` pixels wide, else its longest run of whole words that
    fits with "…" after it. Only a first word that alone is too wide is cut inside the word
    (there is no word boundary to cut at)."""
    if f.size(text)[0] <= width:
        return text
    words = text.split(" ")

    def kept(n: int) -> str:
        return " ".join(words[:n]).rstrip(" ,.;:–—-(/·") + ELLIPSIS

    lo, hi = 0, len(words) - 1  # the most words that fit, found by halving
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if f.size(kept(mid))[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    if lo > 0 and kept(lo) != ELLIPSIS:
        return kept(lo)
    word = words[0]
    while len(word) > 1 and f.size(word + ELLIPSIS)[0] > width:
        word = word[:-1]
    return word + ELLIPSIS


def fit(text: str, px: int, width: int, bold: bool = False) -> str:
    """`text` shortened with an ellipsis at a word boundary to at most `width` pixels; the
    one helper every screen uses, so a clipped text always shows that it was clipped."""
    out = ellipsize(text, font(px, bold), width)
    if out != text:
        _SHORTENED[out] = text
        _SHORTENED.move_to_end(out)
        if len(_SHORTENED) > 1024:
            _SHORTENED.popitem(last=False)
    return out


def wrap(text: str, f: pygame.font.Font, width: int) -> list[str]:
    """Break `text` into rows no wider than `width` pixels (a too-long word is split)."""
    rows: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        row = ""
        for word in words:
            candidate = f"{row} {word}" if row else word
            if f.size(candidate)[0] <= width:
                row = candidate
                continue
            if row:
                rows.append(row)
            while f.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and f.size(word[:cut])[0] > width:
                    cut -= 1
                rows.append(word[:cut])
                word = word[cut:]
            row = word
        rows.append(row)
    return rows


def shorten(text: str, f: pygame.font.Font, width: int) -> str:
    """`text` as it is when it fits in `width` pixels, else cut at a word boundary and ended
    with "…" (mid-word only when even the first word is too wide)."""
    if f.size(text)[0] <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(" ,.:;–-") + "…"
        if f.size(candidate)[0] <= width:
            return candidate
    word = words[0] if words else ""
    while word and f.size(word + "…")[0] > width:
        word = word[:-1]
    return word + "…" if word else ""


class _SurfaceCache:
    def __init__(self, limit: int = 512) -> None:
        self.limit = limit
        self.items: OrderedDict[tuple[object, ...], pygame.Surface] = OrderedDict()

    def get(self, text: str, px: int, bold: bool, colour: Colour) -> pygame.Surface:
        key = (text, px, bold, colour)
        surf = self.items.get(key)
        if surf is None:
            surf = font(px, bold).render(text, True, colour)
            self.items[key] = surf
            if len(self.items) > self.limit:
                self.items.popitem(last=False)
        else:
            self.items.move_to_end(key)
        return surf


_CACHE = _SurfaceCache()


class Canvas:
    """A surface to draw on that remembers where each text went."""

    def __init__(self, surface: pygame.Surface) -> None:
        self.surface = surface
        self.boxes: list[TextBox] = []

    @property
    def size(self) -> tuple[int, int]:
        return self.surface.get_size()

    def text(
        self,
        text: str,
        pos: tuple[int, int],
        px: int,
        colour: Colour,
        bold: bool = False,
        anchor: str = "topleft",
        alpha: int = 255,
    ) -> pygame.Rect:
        surf = _CACHE.get(text, px, bold, colour)
        rect = surf.get_rect(**{anchor: pos})
        if alpha < 255:
            surf = surf.copy()
            surf.set_alpha(alpha)
        self.surface.blit(surf, rect)
        if text.strip():
            self.boxes.append(TextBox(text, rect, _SHORTENED.get(text, text)))
        return rect

    def paragraph(
        self,
        text: str,
        rect: pygame.Rect,
        px: int,
        colour: Colour,
        bold: bool = False,
        align: str = "left",
        line_gap: float = 1.25,
        alpha: int = 255,
    ) -> int:
        """Wrap `text` into `rect`'s width from its top; returns the height used."""
        f = font(px, bold)
        step = int(f.get_linesize() * line_gap / 1.1)
        y = rect.top
        for row in wrap(text, f, rect.width):
            if align == "center":
                self.text(row, (rect.centerx, y), px, colour, bold, "midtop", alpha)
            else:
                self.text(row, (rect.left, y), px, colour, bold, "topleft", alpha)
            y += step
        return y - rect.top


def paragraph_height(text: str, width: int, px: int, bold: bool = False,
                     line_gap: float = 1.25) -> int:
    f = font(px, bold)
    step = int(f.get_linesize() * line_gap / 1.1)
    return step * len(wrap(text, f, width))


def rounded(surface: pygame.Surface, rect: pygame.Rect, colour: Colour, radius: int,
            width: int = 0) -> None:
    pygame.draw.rect(surface, colour, rect, width=width, border_radius=radius)


def panel(surface: pygame.Surface, rect: pygame.Rect, colour: Colour, alpha: int,
          radius: int) -> None:
    """A softly rounded panel, translucent over pictures."""
    if alpha >= 255:
        pygame.draw.rect(surface, colour, rect, border_radius=radius)
        return
    layer = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(layer, (*colour, alpha), layer.get_rect(), border_radius=radius)
    surface.blit(layer, rect)


def shape(surface: pygame.Surface, kind: str, centre: tuple[int, int], r: int,
          colour: Colour, outline: Colour) -> None:
    """A participant's mark: colour always paired with a shape."""
    import math

    x, y = centre
    pts: list[tuple[float, float]]
    if kind == "circle":
        pygame.draw.circle(surface, colour, centre, r)
        pygame.draw.circle(surface, outline, centre, r, 2)
        return
    if kind == "square":
        rect = pygame.Rect(0, 0, int(r * 1.7), int(r * 1.7))
        rect.center = centre
        pygame.draw.rect(surface, colour, rect)
        pygame.draw.rect(surface, outline, rect, 2)
        return
    if kind == "triangle":
        pts = [(x, y - r), (x + r * 0.95, y + r * 0.75), (x - r * 0.95, y + r * 0.75)]
    elif kind == "diamond":
        pts = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    elif kind == "hexagon":
        pts = [(x + r * math.cos(a), y + r * math.sin(a))
               for a in (math.pi / 3 * i for i in range(6))]
    elif kind == "star":
        pts = []
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.45
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
    elif kind == "cross":
        t = r * 0.38
        pts = [(x - t, y - r), (x + t, y - r), (x + t, y - t), (x + r, y - t), (x + r, y + t),
               (x + t, y + t), (x + t, y + r), (x - t, y + r), (x - t, y + t), (x - r, y + t),
               (x - r, y - t), (x - t, y - t)]
    else:  # heart
        pts = []
        for i in range(24):
            a = i / 24 * 2 * math.pi
            hx = 16 * math.sin(a) ** 3
            hy = -(13 * math.cos(a) - 5 * math.cos(2 * a) - 2 * math.cos(3 * a) - math.cos(4 * a))
            pts.append((x + hx * r / 17, y + hy * r / 17))
    pygame.draw.polygon(surface, colour, pts)
    pygame.draw.polygon(surface, outline, pts, 2)


def icon(surface: pygame.Surface, kind: str, rect: pygame.Rect, colour: Colour) -> None:
    """Simple drawn icons, so no symbol depends on the font having the glyph."""
    x, y, w, h = rect
    if kind == "menu":
        t = max(2, h // 7)
        for i in range(3):
            pygame.draw.rect(surface, colour, (x, y + i * (h - t) // 2, w, t), border_radius=t)
    elif kind == "left":
        pygame.draw.polygon(surface, colour, [(x + w * 0.75, y + h * 0.2),
                                              (x + w * 0.25, y + h * 0.5),
                                              (x + w * 0.75, y + h * 0.8)])
    elif kind == "right":
        pygame.draw.polygon(surface, colour, [(x + w * 0.25, y + h * 0.2),
                                              (x + w * 0.75, y + h * 0.5),
                                              (x + w * 0.25, y + h * 0.8)])
    elif kind == "check":
        pygame.draw.lines(surface, colour, False, [(x + w * 0.1, y + h * 0.55),
                                                   (x + w * 0.4, y + h * 0.85),
                                                   (x + w * 0.9, y + h * 0.15)],
                          max(2, h // 6))


def has_glyphs(text: str, px: int = 20, bold: bool = False) -> bool:
    """True when the font can draw every character of `text` (no empty boxes)."""
    f = font(px, bold)
    missing = f.metrics("\uffff")
    return all(ch.isspace() or f.metrics(ch) != missing for ch in text)
