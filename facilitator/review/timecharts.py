"""The group report's charts over time, written as SVG directly from the data.

A group report over a hundred sessions drew its attendance, feedback and rating charts with
matplotlib, and that was most of its time; these pictures are simple (dots, lines, a legend),
so they are written here in a few hundred microseconds each. What they keep from the
matplotlib charts: deterministic output, ids prefixed with the chart's key, a title and a
description, text as text (escaped, no mathtext), and a second cue beside colour (each
person's shape; each domain's dash pattern and marker shape).

Time is real time: a session is placed by its date, so a gap of three months looks like one.
Date labels are placed where they fit and never run past the picture's edges. Each rating
chart carries its own legend, so it reads on its own on a phone and on a printed page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .charts import INK, LIGHT, Chart
from .shapes import points

GREY = "#6E7781"
# Domain colours: chosen (from the Okabe–Ito, Tol and CARTO palettes) so that every pair stays
# at least ΔE 20 apart under simulated protanopia, deuteranopia and tritanopia and for typical
# vision, each with a contrast of at least 3:1 on white for thin lines
# (tests/review/test_colour_vision.py checks both). Okabe–Ito alone has pairs at ΔE 16–18.
DOMAIN_COLOURS = ("#3969AC", "#CC3311", "#000000", "#CC79A7", "#332288", "#EE6677", "#882255")
DOMAIN_DASHES = ("", "7 3", "2 3", "9 3 2 3", "4 2 1 2", "1 2", "12 4")
DOMAIN_SHAPES = ("circle", "square", "triangle", "diamond", "star", "hexagon", "cross")


def domain_style(i: int) -> tuple[str, str, str]:
    """(colour, dash pattern, marker shape) of the i-th domain; the same everywhere."""
    return (DOMAIN_COLOURS[i % len(DOMAIN_COLOURS)], DOMAIN_DASHES[i % len(DOMAIN_DASHES)],
            DOMAIN_SHAPES[i % len(DOMAIN_SHAPES)])


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _f(x: float) -> str:
    return f"{x:.1f}"


class Marks:
    """Each shape drawn once in the chart's <defs> and placed with <use>: a hundred sessions
    of six people are 600 markers, and a circle alone is a 40-point polygon."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.used: dict[str, None] = {}

    def __call__(self, shape: str, x: float, y: float, size: float, fill: str,
                 stroke: str = INK, width: float = 0.8) -> str:
        self.used[shape] = None
        k = size / 20
        return (f'<use href="#{self.key}-{shape}" transform="translate({_f(x)} {_f(y)}) '
                f'scale({k:.3f})" fill="{fill}" stroke="{stroke}" '
                f'stroke-width="{width / k:.2f}"/>')

    def defs(self) -> str:
        paths = "".join(
            f'<path id="{self.key}-{shape}" d="M'
            + " L".join(f"{px:.2f} {py:.2f}" for px, py in points(shape)) + ' Z"/>'
            for shape in self.used)
        return f"<defs>{paths}</defs>" if paths else ""


def _text_width(text: str, size: float) -> float:
    return len(text) * size * 0.56


def _svg(key: str, width: float, height: float, title: str, desc: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
            f'aria-labelledby="{key}-title {key}-desc" class="chart" '
            f'viewBox="0 0 {_f(width)} {_f(height)}" width="{_f(width)}" '
            f'height="{_f(height)}" preserveAspectRatio="xMinYMin meet" '
            f'font-family="system-ui, \'DejaVu Sans\', Arial, sans-serif">\n'
            f'<title id="{key}-title">{_esc(title)}</title>'
            f'<desc id="{key}-desc">{_esc(desc)}</desc>\n' + "\n".join(body) + "\n</svg>")


class TimeAxis:
    """Sessions placed by their real time between x0 and x1."""

    def __init__(self, times: Sequence[datetime], x0: float, x1: float) -> None:
        self.x0, self.x1 = x0, x1
        self.t0 = min(times).timestamp() if times else 0.0
        span = (max(times).timestamp() - self.t0) if times else 0.0
        self.span = span
        self.xs = [self.x(t) for t in times]

    def x(self, moment: datetime) -> float:
        if self.span <= 0:
            return (self.x0 + self.x1) / 2
        return self.x0 + (moment.timestamp() - self.t0) / self.span * (self.x1 - self.x0)

    def labels(self, texts: Sequence[str], y: float, size: float, width: float) -> list[str]:
        """Date labels where they fit: the first and the last always, others with room
        between them; each kept inside the picture."""
        out: list[str] = []
        placed: list[tuple[float, float]] = []
        n = len(texts)
        order = [0, n - 1, *range(1, n - 1)] if n > 1 else list(range(n))
        for i in order:
            w = _text_width(texts[i], size)
            cx = min(max(self.xs[i], w / 2 + 2), width - w / 2 - 2)
            lo, hi = cx - w / 2 - 6, cx + w / 2 + 6
            if any(lo < b and hi > a for a, b in placed):
                continue
            placed.append((lo, hi))
            out.append(f'<line x1="{_f(self.xs[i])}" x2="{_f(self.xs[i])}" y1="{_f(y - size - 6)}"'
                       f' y2="{_f(y - size - 2)}" stroke="{GREY}" stroke-width="1"/>')
            out.append(f'<text x="{_f(cx)}" y="{_f(y)}" font-size="{_f(size)}" fill="{INK}" '
                       f'text-anchor="middle">{_esc(texts[i])}</text>')
        return out


# --- attendance ----------------------------------------------------------------------------


def attendance(
    key: str,
    names: Sequence[str],
    colours: Sequence[str],
    shapes: Sequence[str],
    times: Sequence[datetime],
    dates: Sequence[str],
    grid: Sequence[Sequence[bool]],
    *,
    title: str,
    desc: str,
    head: tuple[str, ...],
    yes: str,
    no: str,
) -> Chart:
    """Who was there: a row per person, their own shape and colour at each session they
    came to, sessions placed by date."""
    size = 12.0
    width = 640.0
    left = min(170.0, max((_text_width(n, size) for n in names), default=40) + 16)
    row_h = 22.0
    top = 10.0
    height = top + row_h * len(names) + 34
    axis = TimeAxis(times, left + 10, width - 14)
    gaps = [b - a for a, b in zip(axis.xs, axis.xs[1:], strict=False) if b > a]
    mark = max(4.0, min(13.0, (min(gaps) if gaps else 13.0) * 0.9))
    marks = Marks(key)
    body: list[str] = []
    for r, (name, colour, shape) in enumerate(zip(names, colours, shapes, strict=True)):
        y = top + row_h * r + row_h / 2
        body.append(f'<line x1="{_f(left)}" x2="{_f(width - 6)}" y1="{_f(y)}" y2="{_f(y)}" '
                    f'stroke="{LIGHT}" stroke-width="1"/>')
        body.append(f'<text x="{_f(left - 8)}" y="{_f(y + size * 0.35)}" font-size="{_f(size)}" '
                    f'fill="{INK}" text-anchor="end">{_esc(name)}</text>')
        for c, here in enumerate(grid[r]):
            if here:
                body.append(marks(shape, axis.xs[c], y, mark, colour,
                                  width=0.8 if mark > 6 else 0.4))
    base = top + row_h * len(names)
    body.append(f'<line x1="{_f(left)}" x2="{_f(width - 6)}" y1="{_f(base)}" y2="{_f(base)}" '
                f'stroke="{GREY}" stroke-width="1"/>')
    body += axis.labels(dates, base + 24, size, width)
    body.insert(0, marks.defs())
    table = tuple((names[r], *(yes if here else no for here in grid[r]))
                  for r in range(len(names)))
    return Chart(key, _svg(key, width, height, title, desc, body), title, desc, head, table)


# --- feedback over time --------------------------------------------------------------------


def feedback_trend(
    key: str,
    times: Sequence[datetime],
    dates: Sequence[str],
    means: Sequence[float | None],
    *,
    face_labels: Sequence[str],
    title: str,
    desc: str,
    head: tuple[str, str],
    hidden: str,
) -> Chart:
    """The average face (1–5) per session over time; suppressed sessions leave a gap."""
    size = 12.0
    width, height = 640.0, 210.0
    left = max(_text_width(t, size) for t in face_labels) + 16
    top, bottom = 12.0, 160.0
    axis = TimeAxis(times, left + 10, width - 14)

    def y(v: float) -> float:
        return bottom - (v - 1) / 4 * (bottom - top)

    body: list[str] = []
    for v, label in enumerate(face_labels, 1):
        body.append(f'<line x1="{_f(left)}" x2="{_f(width - 6)}" y1="{_f(y(v))}" '
                    f'y2="{_f(y(v))}" stroke="#EEEEEE" stroke-width="1"/>')
        body.append(f'<text x="{_f(left - 8)}" y="{_f(y(v) + size * 0.35)}" '
                    f'font-size="{_f(size)}" fill="{INK}" text-anchor="end">{_esc(label)}</text>')
    runs: list[list[tuple[float, float]]] = [[]]
    for x, m in zip(axis.xs, means, strict=True):
        if m is None:
            runs.append([])
        else:
            runs[-1].append((x, y(m)))
    for run in runs:
        if len(run) > 1:
            body.append('<polyline fill="none" stroke="#0072B2" stroke-width="2" points="'
                        + " ".join(f"{_f(a)},{_f(b)}" for a, b in run) + '"/>')
        for a, b in run:
            body.append(f'<circle cx="{_f(a)}" cy="{_f(b)}" r="3.5" fill="#0072B2"/>')
    body.append(f'<line x1="{_f(left)}" x2="{_f(width - 6)}" y1="{_f(bottom + 8)}" '
                f'y2="{_f(bottom + 8)}" stroke="{GREY}" stroke-width="1"/>')
    body += axis.labels(dates, bottom + 32, size, width)
    rows = tuple((d, hidden if m is None else f"{m:.1f}") for d, m in zip(dates, means,
                                                                        strict=True))
    return Chart(key, _svg(key, width, height, title, desc, body), title, desc, head, rows)


# --- one person's ratings ------------------------------------------------------------------


def ratings_trend(
    key: str,
    times: Sequence[datetime],
    dates: Sequence[str],
    series: Sequence[tuple[int, Sequence[tuple[int, int]]]],  # (domain's index, [(col, value)])
    *,
    labels: Sequence[str],
    title: str,
    desc: str,
    head: tuple[str, ...],
) -> Chart:
    """One person's own ratings (0–10) of each domain over time: a line per domain with its
    colour, dash pattern and marker shape, and the legend for these lines under the chart."""
    size = 11.0
    width = 360.0
    left, right, top, bottom = 26.0, 10.0, 8.0, 128.0
    used = sorted({c for _i, pts in series for c, _v in pts})
    shown_times = [times[c] for c in used] or list(times[:1])
    axis = TimeAxis(shown_times, left + 8, width - right - 6)
    xs = {c: axis.xs[k] for k, c in enumerate(used)}
    with_marks = len(used) <= 40  # with many sessions, markers would only blot the lines
    marks = Marks(key)

    def y(v: float) -> float:
        return bottom - v / 10 * (bottom - top)

    body: list[str] = []
    for v in (0, 5, 10):
        body.append(f'<line x1="{_f(left)}" x2="{_f(width - right)}" y1="{_f(y(v))}" '
                    f'y2="{_f(y(v))}" stroke="#EEEEEE" stroke-width="1"/>')
        body.append(f'<text x="{_f(left - 5)}" y="{_f(y(v) + size * 0.35)}" '
                    f'font-size="{_f(size)}" fill="{INK}" text-anchor="end">{v}</text>')
    for i, pts in series:
        colour, dash, shape = domain_style(i)
        coords = [(xs[c], y(v)) for c, v in pts]
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        if len(coords) > 1:
            body.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.6"{dashed} '
                        'points="' + " ".join(f"{_f(a)},{_f(b)}" for a, b in coords) + '"/>')
        if with_marks or len(coords) == 1:
            body += [marks(shape, a, b, 8, colour, stroke=colour, width=0.5)
                     for a, b in coords]
    body.append(f'<line x1="{_f(left)}" x2="{_f(width - right)}" y1="{_f(bottom + 6)}" '
                f'y2="{_f(bottom + 6)}" stroke="{GREY}" stroke-width="1"/>')
    body += axis.labels([dates[c] for c in used] or list(dates[:1]), bottom + 26, size, width)
    # The legend: this person's domains, in rows that fit the width.
    ly = bottom + 48
    lx = 6.0
    for (i, _pts), label in zip(series, labels, strict=True):
        colour, dash, shape = domain_style(i)
        w = 30 + _text_width(label, size) + 12
        if lx + w > width and lx > 6:
            lx, ly = 6.0, ly + 18
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        body.append(f'<line x1="{_f(lx)}" x2="{_f(lx + 24)}" y1="{_f(ly)}" y2="{_f(ly)}" '
                    f'stroke="{colour}" stroke-width="1.8"{dashed}/>')
        body.append(marks(shape, lx + 12, ly, 8, colour, stroke=colour, width=0.5))
        body.append(f'<text x="{_f(lx + 30)}" y="{_f(ly + size * 0.35)}" font-size="{_f(size)}" '
                    f'fill="{INK}">{_esc(label)}</text>')
        lx += w
    height = ly + 12
    body.insert(0, marks.defs())
    by_col: dict[int, dict[int, int]] = {}
    for i, pts in series:
        for c, v in pts:
            by_col.setdefault(c, {})[i] = v
    rows = tuple(
        (dates[c], *(str(by_col[c].get(i, "–")) for i, _ in series)) for c in sorted(by_col)
    )
    return Chart(key, _svg(key, width, height, title, desc, body), title, desc, head, rows)
