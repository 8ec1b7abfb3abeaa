"""Drawing and input helpers shared by the facilitator's screens.

Everything symbolic is drawn with pygame.draw (domain icons, faces, marks, checks), so nothing
depends on the font having an emoji or a symbol glyph.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from game.play.controller import Participant
from game.ui.app import App, pointer  # noqa: F401  (re-exported for the screens)
from game.ui.canvas import Canvas, fit, font, icon, rounded, shape
from game.ui.theme import Colour, Theme, contrast, hex_colour
from game.ui.widgets import Button

# Soft colours per standard domain (a drawn icon always goes with the colour and the name).
DOMAIN_COLOURS: dict[str, Colour] = {
    "mieli": (196, 120, 190),
    "keho": (222, 120, 80),
    "arki": (70, 150, 120),
    "taidot": (80, 130, 200),
    "yhdessa": (230, 170, 40),
}
EXTRA_COLOURS: tuple[Colour, ...] = ((150, 120, 200), (120, 160, 60), (200, 110, 130),
                                     (90, 160, 180))

CONFIRM = (pygame.K_RETURN, pygame.K_KP_ENTER)
DIGITS = {getattr(pygame, f"K_{i}"): i for i in range(10)}
DIGITS.update({getattr(pygame, f"K_KP{i}"): i for i in range(10)})


def text_width(text: str, px: int, bold: bool = False) -> int:
    return font(px, bold).size(text)[0]


def line_height(px: int) -> int:
    return int(font(px).get_linesize() * 1.25 / 1.1)


def icon_ink(background: Colour) -> Colour:
    """White on the domain colours where it shows well enough for a picture, else dark."""
    return (255, 255, 255) if contrast((255, 255, 255), background) >= 2.2 else (45, 38, 32)


def domain_colour(domain: str, theme: Theme, index: int = 0) -> Colour:
    if theme.name == "high-contrast":
        return theme.accent
    return DOMAIN_COLOURS.get(domain, EXTRA_COLOURS[index % len(EXTRA_COLOURS)])


def domain_icon(surface: pygame.Surface, domain: str, rect: pygame.Rect, colour: Colour) -> None:
    """A simple drawn picture per domain: a thought cloud (mind), a figure (body), a house
    (everyday life), a star-burst (skills), two heads together (together), a leaf otherwise."""
    x, y, w, h = rect
    cx, cy = rect.center
    s = min(w, h)
    lw = max(2, s // 14)
    if domain == "mieli":
        for dx, dy, r in ((-0.2, 0.05, 0.22), (0.0, -0.12, 0.26), (0.22, 0.02, 0.22),
                          (0.02, 0.12, 0.2)):
            pygame.draw.circle(surface, colour, (int(cx + dx * s), int(cy + dy * s)), int(r * s))
        pygame.draw.circle(surface, colour, (int(cx - 0.3 * s), int(cy + 0.36 * s)),
                           max(2, int(0.06 * s)))
        pygame.draw.circle(surface, colour, (int(cx - 0.4 * s), int(cy + 0.46 * s)),
                           max(1, int(0.035 * s)))
    elif domain == "keho":
        head = max(3, int(0.12 * s))
        pygame.draw.circle(surface, colour, (cx, int(cy - 0.3 * s)), head)
        top, hip = (cx, int(cy - 0.15 * s)), (cx, int(cy + 0.12 * s))
        pygame.draw.line(surface, colour, top, hip, lw * 2)
        pygame.draw.line(surface, colour, (int(cx - 0.3 * s), int(cy - 0.22 * s)),
                         (int(cx + 0.3 * s), int(cy - 0.02 * s)), lw * 2)
        pygame.draw.line(surface, colour, hip, (int(cx - 0.22 * s), int(cy + 0.44 * s)), lw * 2)
        pygame.draw.line(surface, colour, hip, (int(cx + 0.25 * s), int(cy + 0.4 * s)), lw * 2)
    elif domain == "arki":
        body = pygame.Rect(0, 0, int(0.6 * s), int(0.42 * s))
        body.midbottom = (cx, int(cy + 0.4 * s))
        pygame.draw.rect(surface, colour, body)
        pygame.draw.polygon(surface, colour, [(cx - 0.42 * s, body.top + 1),
                                              (cx, cy - 0.42 * s), (cx + 0.42 * s, body.top + 1)])
        door = pygame.Rect(0, 0, int(0.16 * s), int(0.24 * s))
        door.midbottom = body.midbottom
        pygame.draw.rect(surface, (255, 255, 255), door)
    elif domain == "taidot":
        pts = []
        for i in range(16):
            r = 0.45 * s if i % 2 == 0 else 0.22 * s
            a = -math.pi / 2 + i * math.pi / 8
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        pygame.draw.polygon(surface, colour, pts)
    elif domain == "yhdessa":
        clip = surface.get_clip()
        for dx in (-0.21, 0.21):
            px_ = int(cx + dx * s)
            pygame.draw.circle(surface, colour, (px_, int(cy - 0.17 * s)), int(0.13 * s))
            shoulders = pygame.Rect(0, 0, int(0.38 * s), int(0.56 * s))
            shoulders.midtop = (px_, int(cy + 0.02 * s))
            surface.set_clip(pygame.Rect(shoulders.left, shoulders.top, shoulders.width,
                                         shoulders.height // 2).clip(clip))
            pygame.draw.ellipse(surface, colour, shoulders)
            surface.set_clip(clip)
    else:  # a leaf, leaning, with its stem
        ax, ay = cx + 0.3 * s, cy - 0.34 * s
        bx, by = cx - 0.22 * s, cy + 0.26 * s
        length = math.hypot(ax - bx, ay - by)
        nx, ny = -(ay - by) / length, (ax - bx) / length
        side1: list[tuple[float, float]] = []
        side2: list[tuple[float, float]] = []
        for i in range(13):
            t = i / 12
            qx, qy = bx + (ax - bx) * t, by + (ay - by) * t
            half = 0.2 * s * math.sin(math.pi * t)
            side1.append((qx + nx * half, qy + ny * half))
            side2.append((qx - nx * half, qy - ny * half))
        pygame.draw.polygon(surface, colour, side1 + side2[::-1])
        pygame.draw.line(surface, colour, (int(bx), int(by)),
                         (int(cx - 0.36 * s), int(cy + 0.42 * s)), lw * 2)
    _ = (x, y)


FACE_COLOURS: tuple[Colour, ...] = ((120, 150, 200), (140, 175, 200), (200, 200, 150),
                                    (240, 200, 90), (250, 170, 60))


def face(surface: pygame.Surface, level: int, centre: tuple[int, int], r: int, theme: Theme,
         selected: bool = False) -> None:
    """One of five drawn faces, 1 (a heavy day) to 5 (a great day)."""
    cx, cy = centre
    if theme.name == "high-contrast":
        fill, ink = (theme.accent if selected else theme.bg), (theme.text if not selected
                                                                  else theme.accent_text)
    else:
        fill, ink = FACE_COLOURS[level - 1], (50, 40, 35)
    pygame.draw.circle(surface, fill, centre, r)
    pygame.draw.circle(surface, theme.border, centre, r, max(2, r // 18))
    eye = max(2, r // 9)
    for dx in (-0.33, 0.33):
        pygame.draw.circle(surface, ink, (int(cx + dx * r), int(cy - 0.22 * r)), eye)
    width = max(2, r // 12)
    bend = {1: -0.24, 2: -0.11, 3: 0.0, 4: 0.16, 5: 0.3}[level]
    base = {1: 0.46, 2: 0.4, 3: 0.36, 4: 0.28, 5: 0.22}[level]
    half = 0.4 if level != 3 else 0.32
    pts = []
    for i in range(13):
        t = -1 + i / 6
        pts.append((cx + t * half * r, cy + (base + bend * (1 - t * t)) * r))
    if level == 5:
        pygame.draw.polygon(surface, ink, pts)
    else:
        pygame.draw.lines(surface, ink, False, pts, width)
    if selected:
        pygame.draw.circle(surface, theme.accent, centre, r + max(4, r // 8), max(3, r // 10))


def mark(canvas: Canvas, who: Participant, centre: tuple[int, int], r: int, theme: Theme) -> None:
    """A participant's colour and shape."""
    colour = hex_colour(who.colour)
    shape(canvas.surface, who.shape, centre, r, colour, theme.text)


def marks_strip(canvas: Canvas, people: Sequence[Participant], done: set[str],
                current: str | None, rect: pygame.Rect, px: int, theme: Theme) -> None:
    """Everyone's mark in a row, a check by those whose turn is done; never what they
    answered. Names are left out when they would not fit."""
    gap = max(8, px * 4 // 5)
    for size, names in ((px, True), (int(px * 0.8), True), (px, False)):
        size = max(11, size)
        widths = [size + gap // 2 + (text_width(p.nickname, size, p.id == current) if names
                                     else 0) + size + gap for p in people]
        if sum(widths) <= rect.width:
            break
    x = rect.left + max(0, (rect.width - sum(widths)) // 2)
    y = rect.centery
    for p, w in zip(people, widths, strict=True):
        if x + w > rect.right + 1:
            break
        if p.id == current:
            rounded(canvas.surface, pygame.Rect(x - gap // 3, y - size, w - gap // 3, size * 2),
                    theme.tile_hover, size // 2)
        mark(canvas, p, (x + size // 2, y), size // 2, theme)
        tx = x + size + gap // 2
        if names:
            r = canvas.text(p.nickname, (tx, y), size, theme.text, p.id == current, "midleft")
            tx = r.right + gap // 3
        if p.id in done:
            icon(canvas.surface, "check", pygame.Rect(tx, y - size // 2, size, size), theme.accent)
        x += w


@dataclass
class TextField:
    """A one-line text entry fed by TEXTINPUT events (so any keyboard layout and IME work)."""

    limit: int
    text: str = ""
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    reject: str = ""  # characters never inserted (e.g. digits where they choose a face)

    def insert(self, text: str) -> None:
        clean = "".join(ch for ch in text if ch.isprintable() and ch not in self.reject)
        self.text = (self.text + clean)[: self.limit]

    def backspace(self) -> None:
        self.text = self.text[:-1]

    def clear(self) -> None:
        self.text = ""

    def draw(self, canvas: Canvas, theme: Theme, px: int, focused: bool,
             placeholder: str = "") -> None:
        radius = max(6, self.rect.height // 5)
        rounded(canvas.surface, self.rect, theme.tile, radius)
        rounded(canvas.surface, self.rect, theme.accent if focused else theme.border, radius,
                3 if focused else 2)
        pad = max(6, px // 2)
        room = self.rect.width - 2 * pad - max(3, px // 8) - 2
        y = self.rect.centery
        if self.text:
            shown = self.text
            f = font(px)
            while len(shown) > 1 and f.size(shown)[0] > room:
                shown = shown[1:]
            r = canvas.text(shown, (self.rect.left + pad, y), px, theme.text, False, "midleft")
            caret_x = r.right + 2
        else:
            if placeholder:
                canvas.text(fit(placeholder, px, room), (self.rect.left + pad, y), px,
                            theme.muted, False, "midleft")
            caret_x = self.rect.left + pad
        if focused:
            h = int(px * 0.6)
            pygame.draw.line(canvas.surface, theme.accent, (caret_x, y - h), (caret_x, y + h),
                             max(2, px // 12))


def button_row(items: Sequence[tuple[str, str]], rect: pygame.Rect, px: int, gap: int,
               align: str = "right") -> list[Button]:
    """Buttons side by side in `rect`, each as wide as its label needs (shrunk to fit)."""
    pad = px * 2
    widths = [text_width(label, px, True) + pad for label, _ in items]
    total = sum(widths) + gap * (len(items) - 1)
    if total > rect.width:
        each = (rect.width - gap * (len(items) - 1)) // max(1, len(items))
        widths = [each] * len(items)
        total = rect.width
    if align == "right":
        x = rect.right - total
    elif align == "center":
        x = rect.centerx - total // 2
    else:
        x = rect.left
    out = []
    for (label, action), w in zip(items, widths, strict=True):
        out.append(Button(pygame.Rect(x, rect.top, w, rect.height),
                          fit(label, px, w - px, True), action))
        x += w + gap
    return out


def draw_buttons(canvas: Canvas, buttons: list[Button], theme: Theme, px: int,
                 focused: str | None) -> None:
    for b in buttons:
        b.focused = b.action == focused
        b.draw(canvas, theme, px)


def arrow_box(canvas: Canvas, rect: pygame.Rect, direction: str, theme: Theme,
              enabled: bool = True) -> None:
    rounded(canvas.surface, rect, theme.accent if enabled else theme.muted, 6)
    icon(canvas.surface, direction, rect.inflate(-rect.width // 3, -rect.height // 3),
         theme.accent_text)


def shade(canvas: Canvas, alpha: int = 150) -> None:
    layer = pygame.Surface(canvas.size, pygame.SRCALPHA)
    layer.fill((0, 0, 0, alpha))
    canvas.surface.blit(layer, (0, 0))
