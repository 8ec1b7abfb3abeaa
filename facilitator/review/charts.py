"""The report's charts, drawn by matplotlib as SVG to inline in the HTML.

matplotlib is the most maintained Python plotting library and renders SVG itself, offline,
with no browser or JavaScript. Each chart comes with a title, a description and the same data
as a small table (`Chart`), so a screen reader or a printout without colour loses nothing.
Colours are Okabe–Ito (told apart with the common kinds of colour blindness), always with a
second cue: a marker shape, a line style, a hatch or a label.

Output is deterministic: no dates in the metadata, a fixed hash salt, and every id in an SVG
prefixed with the chart's own key so that many charts can share one HTML page.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("svg")

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.path import Path

from .shapes import points

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

# Okabe–Ito, in the order charts use them (yellow last: it needs a dark edge on white).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000",
             "#F0E442")
BLUE, ORANGE, GREEN, PURPLE, VERMILLION, SKY, BLACK, YELLOW = OKABE_ITO
GREY = "#8C8C8C"
LIGHT = "#D9D9D9"
INK = "#222222"
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "h")
LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1)), (0, (3, 1, 1, 1, 1, 1)), "-", "--")
def shape_marker(shape: str) -> Path:
    """The participant's shape as a matplotlib marker: the same polygon the HTML draws."""
    return Path([(x, -y) for x, y in points(shape)] + [(0.0, 0.0)],
                [Path.MOVETO] + [Path.LINETO] * (len(points(shape)) - 1) + [Path.CLOSEPOLY])

RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # text stays text: selectable, searchable, read aloud
    # Story text is text: `$…$` in a choice is not mathematics, and no TeX is ever run.
    "text.parse_math": False,
    "text.usetex": False,
    "svg.hashsalt": "porukka",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.edgecolor": GREY,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "path.simplify": True,
}
WIDTH = 6.8  # inches: the text width of an A4 page with 15 mm margins


@dataclass(frozen=True)
class Chart:
    """An inline SVG with its text alternative: `title`, `desc`, and the data as a table."""

    key: str
    svg: str
    title: str
    desc: str
    head: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = field(default_factory=tuple)


_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^")]+)')


def _margins(fig: Figure, left: float, right: float, top: float, bottom: float) -> None:
    """Margins in inches. Fixed margins instead of a "tight" box: that would draw every
    chart twice, and a report has dozens."""
    w, h = fig.get_size_inches()
    fig.subplots_adjust(left=left / w, right=1 - right / w, top=1 - top / h,
                        bottom=bottom / h)


def _svg(fig: Figure, key: str, title: str, desc: str) -> str:
    buf = io.StringIO()
    with rc_context(RC):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    text = _ID.sub(lambda m: f'id="{key}-{m.group(1)}"', text)
    text = _REF.sub(lambda m: f"{m.group(1)}{key}-{m.group(2)}", text)
    text = re.sub(r"\n\s*", "\n", text)  # matplotlib's indentation is a fifth of the size
    head = (f'<svg role="img" aria-labelledby="{key}-title {key}-desc" class="chart" '
            f'preserveAspectRatio="xMinYMin meet"')
    text = text.replace("<svg", head, 1)
    close = text.index(">", text.index("<svg")) + 1
    return (text[:close] + f'\n<title id="{key}-title">{_esc(title)}</title>'
            f'<desc id="{key}-desc">{_esc(desc)}</desc>' + text[close:])


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _figure(width: float, height: float) -> Figure:
    with rc_context(RC):
        return Figure(figsize=(width, height))


def wrap(text: str, width: int = 38, lines: int = 2) -> str:
    """A label of at most `lines` lines of `width` characters (shortened with …)."""
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder=" …")) or text


# --- session report -----------------------------------------------------------------------


def reflection(
    key: str,
    labels: Sequence[str],
    today: Sequence[int | None],
    earlier: Sequence[Sequence[int]],
    *,
    colour: str,
    title: str,
    desc: str,
    head: tuple[str, str, str],
    skipped: str,
    scale: str,
) -> Chart:
    """One person's "me now": today's bar per domain, the last earlier view as a faint
    outline behind it (as the game shows it), older ones as small grey dots."""
    n = len(labels)
    with rc_context(RC):
        fig = _figure(3.3, 0.36 * n + 0.5)
        _margins(fig, 0.95, 0.1, 0.05, 0.45)
        ax = fig.add_subplot()
        ys = list(range(n))[::-1]
        last = [(y, e[-1]) for y, e in zip(ys, earlier, strict=True) if e]
        if last:
            ax.barh([y for y, _ in last], [v for _, v in last], height=0.66, color="none",
                    edgecolor=GREY, linestyle="--", linewidth=0.9, zorder=1)
        older = [(y - 0.26, v) for y, e in zip(ys, earlier, strict=True) for v in e[:-1][-4:]]
        if older:
            ax.scatter([v for _, v in older], [y for y, _ in older], s=5, color=GREY, zorder=3)
        given = [(y, v) for y, v in zip(ys, today, strict=True) if v is not None]
        if given:
            ax.barh([y for y, _ in given], [v for _, v in given], height=0.46, color=colour,
                    edgecolor=INK, linewidth=0.7, zorder=2)
        for y, value in zip(ys, today, strict=True):
            if value is None:
                ax.text(0.2, y, skipped, va="center", fontsize=8, color="#555555",
                        style="italic")
            else:
                ax.text(min(value, 10) + 0.25, y, str(value), va="center", fontsize=8.5,
                        color=INK, fontweight="bold")
        ax.set_yticks(ys, list(labels), fontsize=8.5)
        ax.set_xlim(0, 11.2)
        ax.set_xticks([0, 5, 10])
        ax.tick_params(axis="x", labelsize=7.5, length=2)
        ax.set_ylim(-0.6, n - 0.4)
        ax.set_xlabel(scale, fontsize=7.5, color="#555555")
        ax.tick_params(axis="y", length=0)
    rows = tuple(
        (lab, skipped if v is None else str(v), ", ".join(str(x) for x in e) or "–")
        for lab, v, e in zip(labels, today, earlier, strict=True)
    )
    return Chart(key, _svg(fig, key, title, desc), title, desc, head, rows)


FACE_FILL = {1: "#F4C7B4", 2: "#F8DDB0", 3: "#EDE8B8", 4: "#CDE6D6", 5: "#BFE0F2"}


def face_svg(face: int | None) -> str:
    """One answer to "How was today?" as a small inline SVG, for beside its word (so it is
    decoration): the mouth curves with the answer, 1 sad … 5 smiling; no answer is a dashed
    circle."""
    head = ('<svg class="face" viewBox="-20 -20 40 40" aria-hidden="true" focusable="false">')
    if face is None:
        return (head + f'<circle r="17" fill="#fff" stroke="{GREY}" stroke-width="1.2" '
                f'stroke-dasharray="3 2"/><path d="M-5 0H5" stroke="{GREY}" '
                'stroke-width="1.6"/></svg>')
    bend = (face - 3) / 2  # -1 … 1
    if abs(bend) < 0.01:
        mouth = "M-7 7H7"
    elif bend > 0:
        mouth = f"M-8 5Q0 {5 + 10 * bend:g} 8 5"
    else:
        mouth = f"M-8 10Q0 {10 + 10 * bend:g} 8 10"
    return (head + f'<circle r="17" fill="{FACE_FILL[face]}" stroke="{INK}" '
            f'stroke-width="1.2"/><circle cx="-6" cy="-4" r="1.9" fill="{INK}"/>'
            f'<circle cx="6" cy="-4" r="1.9" fill="{INK}"/><path d="{mouth}" fill="none" '
            f'stroke="{INK}" stroke-width="1.6" stroke-linecap="round"/></svg>')


def face_counts(
    key: str, labels: Sequence[str], counts: Sequence[int], *, title: str, desc: str,
    head: tuple[str, str],
) -> Chart:
    """How many chose each face (only drawn for at least five answers)."""
    with rc_context(RC):
        fig = _figure(WIDTH * 0.6, 1.7)
        _margins(fig, 0.1, 0.1, 0.05, 0.3)
        ax = fig.add_subplot()
        xs = list(range(len(labels)))
        ax.bar(xs, counts, color=[VERMILLION, ORANGE, YELLOW, GREEN, BLUE][: len(xs)],
               edgecolor=INK, linewidth=0.6, zorder=2)
        for x, c in zip(xs, counts, strict=True):
            ax.text(x, c + 0.1, str(c), ha="center", va="bottom", fontsize=8.5)
        ax.set_xticks(xs, list(labels), fontsize=8)
        ax.yaxis.set_visible(False)
        ax.spines["left"].set_visible(False)
        ax.set_ylim(0, max(max(counts, default=1), 1) * 1.25)
    rows = tuple((lab, str(c)) for lab, c in zip(labels, counts, strict=True))
    return Chart(key, _svg(fig, key, title, desc), title, desc, head, rows)


# --- the story map ------------------------------------------------------------------------


def _layers(nodes: Sequence[str], edges: Sequence[tuple[str, str]], start: str) -> dict[str, int]:
    """Depth of each scene by breadth-first search from the start (unreached ones last)."""
    nexts: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        if a in nexts and b in nexts and b not in nexts[a]:
            nexts[a].append(b)
    depth = {start: 0} if start in nexts else {}
    queue = [start] if depth else []
    while queue:
        cur = queue.pop(0)
        for nxt in nexts[cur]:
            if nxt not in depth:
                depth[nxt] = depth[cur] + 1
                queue.append(nxt)
    last = max(depth.values(), default=-1) + 1
    for n in nodes:
        depth.setdefault(n, last)
    return depth


def story_map(
    key: str,
    nodes: Sequence[tuple[str, bool]],  # (scene id, is an ending)
    edges: Sequence[tuple[str, str]],
    start: str,
    path: Sequence[str],
    *,
    title: str,
    desc: str,
    head: tuple[str, str],
    visited_word: str,
    order_word: Callable[[int], str],
    name: Callable[[str], str] = str,
    number: Callable[[str], int] | None = None,
) -> Chart:
    """The scenes in layers from the start; the group's way through them highlighted.

    A box shows the scene's number in the story (never its internal id); the table under
    the picture names the scenes the group went through."""
    ids = [n for n, _ in nodes]
    numbers = {n: (number(n) if number else 0) or i for i, n in enumerate(ids, 1)}
    endings = {n for n, e in nodes if e}
    depth = _layers(ids, edges, start)
    layers: dict[int, list[str]] = {}
    for n in ids:
        layers.setdefault(depth[n], []).append(n)
    pos: dict[str, tuple[float, float]] = {}
    # Order each layer by where its parents are (one barycentre pass keeps lines short).
    for d in sorted(layers):
        row = layers[d]
        if d > 0:
            def centre(n: str, d: int = d) -> float:
                xs = [pos[a][0] for a, b in edges if b == n and a in pos and depth[a] < d]
                return sum(xs) / len(xs) if xs else 0.0
            row.sort(key=centre)
        width = len(row)
        for i, n in enumerate(row):
            pos[n] = (i - (width - 1) / 2, -d)
    walked = set(zip(path, path[1:], strict=False))
    visited = set(path)
    widest = max(len(r) for r in layers.values())
    with rc_context(RC):
        fig = _figure(min(WIDTH, 1.0 * widest + 0.3), 0.5 * len(layers) + 0.2)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.axis("off")
        ax.set_xlim(-widest / 2, widest / 2)
        ax.set_ylim(-len(layers) + 0.5, 0.5)
        for a, b in dict.fromkeys(edges):
            if a not in pos or b not in pos:
                continue
            on = (a, b) in walked
            bend = 0.0 if pos[b][1] < pos[a][1] else 0.35
            ax.add_patch(FancyArrowPatch(
                pos[a], pos[b], arrowstyle="-|>", mutation_scale=7,
                connectionstyle=f"arc3,rad={bend}", shrinkA=9, shrinkB=9,
                color=BLUE if on else LIGHT, lw=2.2 if on else 0.8, zorder=3 if on else 1))
        for n, (x, y) in pos.items():
            on = n in visited
            ax.add_patch(FancyBboxPatch(
                (x - 0.45, y - 0.17), 0.9, 0.34,
                boxstyle="round,pad=0.02,rounding_size=0.17" if n in endings
                else "square,pad=0.02",
                facecolor=BLUE if on else "white", edgecolor=BLUE if on else GREY,
                lw=1.6 if n == start else 0.8, zorder=4))
            ax.text(x, y, str(numbers[n]), ha="center", va="center",
                    fontsize=9, color="white" if on else "#444444", zorder=5,
                    fontweight="bold" if on else "normal")
    rows = tuple((order_word(i + 1), f"{numbers.get(sid, '')} {name(sid)}".strip())
                 for i, sid in enumerate(path))
    return Chart(key, _svg(fig, key, title, desc + " " + visited_word), title, desc, head, rows)
