"""The participants' shapes (game.play.controller.SHAPES) as polygons, once: the HTML draws
them as inline SVG and the charts use them as markers, so a person looks the same in both."""

from __future__ import annotations

import math

Point = tuple[float, float]


def _regular(n: int, r: float = 9.0, turn: float = -90.0) -> list[Point]:
    return [(r * math.cos(math.radians(turn + 360 * i / n)),
             r * math.sin(math.radians(turn + 360 * i / n))) for i in range(n)]


def _star() -> list[Point]:
    out = []
    for i in range(10):
        r = 9.5 if i % 2 == 0 else 4.0
        a = math.radians(-90 + 36 * i)
        out.append((r * math.cos(a), r * math.sin(a)))
    return out


def _heart() -> list[Point]:
    pts = []
    for i in range(36):
        t = 2 * math.pi * i / 36
        x = 16 * math.sin(t) ** 3
        y = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
        pts.append((x * 0.55, y * 0.55 - 1.0))
    return pts


_CROSS = [(-3, -9), (3, -9), (3, -3), (9, -3), (9, 3), (3, 3), (3, 9), (-3, 9), (-3, 3),
          (-9, 3), (-9, -3), (-3, -3)]

# Coordinates in a 20 × 20 box centred on 0, y downwards (as in SVG).
SHAPES: dict[str, list[Point]] = {
    "circle": _regular(40, 8.5),
    "square": [(-7.5, -7.5), (7.5, -7.5), (7.5, 7.5), (-7.5, 7.5)],
    "triangle": [(0, -9), (9, 7.5), (-9, 7.5)],
    "diamond": [(0, -9.5), (8, 0), (0, 9.5), (-8, 0)],
    "star": _star(),
    "hexagon": _regular(6, 9.0, 0),
    "cross": [(float(x), float(y)) for x, y in _CROSS],
    "heart": _heart(),
}


def points(shape: str) -> list[Point]:
    return SHAPES.get(shape, SHAPES["circle"])


def svg_path(shape: str) -> str:
    """The `d` of an SVG path for the shape, in the box -10…10."""
    pts = points(shape)
    return "M" + " L".join(f"{x:.2f} {y:.2f}" for x, y in pts) + " Z"
