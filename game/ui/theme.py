"""Colours, sizes and fonts of the shared screen: a warm default and a high-contrast theme."""

from __future__ import annotations

from argparse import Namespace
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import pygame

Colour = tuple[int, int, int]


def hex_colour(value: str | None, fallback: Colour = (120, 120, 120)) -> Colour:
    if not value or len(value) != 7 or not value.startswith("#"):
        return fallback
    try:
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))
    except ValueError:
        return fallback


def luminance(c: Colour) -> float:
    def ch(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = c
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio of two colours (1–21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: Colour) -> Colour:
    """Black or white, whichever reads better on `background`."""
    black, white = (0, 0, 0), (255, 255, 255)
    return black if contrast(black, background) >= contrast(white, background) else white


@dataclass(frozen=True)
class Theme:
    name: str
    bg: Colour
    panel: Colour  # behind text, over pictures
    panel_alpha: int
    text: Colour
    muted: Colour
    accent: Colour
    accent_text: Colour
    tile: Colour
    tile_hover: Colour
    tile_text: Colour
    border: Colour
    bar: Colour
    warn: Colour


WARM = Theme(
    name="warm",
    bg=(250, 243, 232),
    panel=(255, 251, 244),
    panel_alpha=235,
    text=(33, 30, 28),
    muted=(84, 76, 70),
    accent=(173, 74, 38),
    accent_text=(255, 255, 255),
    tile=(255, 255, 255),
    tile_hover=(255, 236, 214),
    tile_text=(33, 30, 28),
    border=(120, 92, 70),
    bar=(52, 110, 150),
    warn=(150, 40, 20),
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    bg=(0, 0, 0),
    panel=(0, 0, 0),
    panel_alpha=255,
    text=(255, 255, 255),
    muted=(235, 235, 235),
    accent=(255, 221, 0),
    accent_text=(0, 0, 0),
    tile=(0, 0, 0),
    tile_hover=(40, 40, 0),
    tile_text=(255, 255, 255),
    border=(255, 255, 255),
    bar=(255, 221, 0),
    warn=(255, 160, 160),
)

THEMES = {WARM.name: WARM, HIGH_CONTRAST.name: HIGH_CONTRAST}


@dataclass(frozen=True)
class Settings:
    """What the counsellor can change at any time; nothing here is about a person."""

    ui_lang: str = "fi"
    text_scale: float = 1.0  # 1.0–2.0
    theme: str = WARM.name
    reduce_motion: bool = False
    read_aloud: bool = False

    def bigger(self) -> Settings:
        return replace(self, text_scale=min(2.0, round(self.text_scale + 0.25, 2)))

    def smaller(self) -> Settings:
        return replace(self, text_scale=max(1.0, round(self.text_scale - 0.25, 2)))


# --- fonts --------------------------------------------------------------------------------


def _font_dir() -> Path | None:
    try:
        import fontpkg_atkinson_hyperlegible as pkg
    except ImportError:
        return None
    path = Path(pkg.ROOT) / "files"
    return path if path.is_dir() else None


FONT_FILES = {
    False: "AtkinsonHyperlegible-Regular.ttf",
    True: "AtkinsonHyperlegible-Bold.ttf",
}


@lru_cache(maxsize=128)
def font(px: int, bold: bool = False) -> pygame.font.Font:
    """Atkinson Hyperlegible (designed for low-vision readers; has ä ö å), else pygame's own."""
    px = max(8, int(px))
    folder = _font_dir()
    if folder is not None:
        path = folder / FONT_FILES[bold]
        if path.is_file():
            return pygame.font.Font(str(path), px)
    f = pygame.font.Font(None, int(px * 1.3))
    f.set_bold(bold)
    return f


@dataclass(frozen=True)
class Metrics:
    """Sizes for one window size and text scale: everything derives from the window height."""

    width: int
    height: int
    scale: float

    @property
    def unit(self) -> float:
        return min(self.height / 720, self.width / 1024 * 0.8 + 0.2)

    @property
    def margin(self) -> int:
        return max(8, int(24 * self.unit))

    @property
    def gap(self) -> int:
        return max(6, int(14 * self.unit))

    def text_px(self, base: float = 30) -> int:
        return max(12, int(base * self.unit * self.scale))

    def ui_px(self, base: float = 22) -> int:
        """Chrome (status bar, hints): grows with the text size, but less."""
        return max(11, int(base * self.unit * (1 + (self.scale - 1) * 0.75)))


def window_settings(args: Namespace, ui: str) -> Settings:
    """The game's Settings from the window options (`--text-size`, `--high-contrast`, ...).

    A command without those options gets the defaults.
    """
    return Settings(
        ui_lang=ui,
        text_scale=max(1.0, min(2.0, getattr(args, "text_size", 100) / 100)),
        theme=HIGH_CONTRAST.name if getattr(args, "high_contrast", False) else WARM.name,
        reduce_motion=bool(getattr(args, "reduce_motion", False)),
    )
