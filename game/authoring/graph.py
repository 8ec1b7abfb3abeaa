"""The story map: scenes as boxes, choices and gotos as arrows, problems highlighted.

`story_map` turns a story into a `StoryMap` value; `to_dot` and `to_mermaid` write it as text
with our own escaping; `render` asks Graphviz's `dot` program for SVG or PNG. The reachability
rules are the validator's own (`reachable_scenes`, `scenes_that_can_end`), so the map and
`validate` never disagree about which scenes are unreachable or trapped.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from game.i18n import t
from game.story.model import Story
from game.story.text import pick
from game.story.validate import reachable_scenes, scenes_that_can_end

from ._common import shorten

NODE_TEXT = 40
EDGE_TEXT = 28
DOT_TIMEOUT = 60.0

Format = Literal["dot", "mmd", "svg", "png"]
FORMATS: dict[str, Format] = {
    ".dot": "dot", ".gv": "dot", ".mmd": "mmd", ".mermaid": "mmd", ".svg": "svg", ".png": "png",
}

MOOD_COLORS = {"hopeful": "#c8e6c9", "neutral": "#dde3ea", "open": "#fff1c1"}
SCENE_COLOR = "#ffffff"
START_COLOR = "#d7ecff"
UNREACHABLE_COLOR = "#eeeeee"
TRAPPED_COLOR = "#ffcdd2"
TRAPPED_BORDER = "#c62828"
MISSING_COLOR = "#ffe0b2"


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    text: str  # the start of the scene's first line, shortened
    start: bool = False
    mood: str | None = None  # set for endings
    title: str = ""  # an ending's title
    unreachable: bool = False
    trapped: bool = False
    missing: bool = False  # a goto names a scene that does not exist

    @property
    def highlighted(self) -> bool:
        return self.unreachable or self.trapped or self.missing


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: Literal["choice", "goto"]
    label: str = ""
    conditional: bool = False


@dataclass
class StoryMap:
    story_id: str
    title: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)


def story_map(story: Story, lang: str | None = None) -> StoryMap:
    """The map of `story` with its texts in `lang` (default: the story's default language)."""
    default = story.default_language
    lang = lang or default
    scenes = story.scenes
    reached = reachable_scenes(story)
    can_end = scenes_that_can_end(story)
    out = StoryMap(story.id, pick(story.title, lang, default) or story.id)
    missing: list[str] = []
    for sid, scene in scenes.items():
        first = ""
        if scene.lines:
            first = pick(scene.lines[0].text, lang, default)
        elif scene.discuss is not None:
            first = pick(scene.discuss, lang, default)
        end = scene.end
        out.nodes.append(Node(
            id=sid,
            text=shorten(first, NODE_TEXT),
            start=sid == story.start,
            mood=end.mood if end is not None else None,
            title=shorten(pick(end.title, lang, default), NODE_TEXT) if end is not None else "",
            unreachable=sid not in reached,
            trapped=sid not in can_end,
        ))
        if scene.goto is not None:
            out.edges.append(Edge(sid, scene.goto, "goto"))
        for ch in scene.choices or []:
            out.edges.append(Edge(sid, ch.goto, "choice",
                                  shorten(pick(ch.text, lang, default), EDGE_TEXT),
                                  ch.if_ is not None))
    for edge in out.edges:
        if edge.target not in scenes and edge.target not in missing:
            missing.append(edge.target)
    out.nodes.extend(Node(id=m, text="", missing=True) for m in missing)
    return out


# --- DOT ----------------------------------------------------------------------------------------


def dot_string(text: str) -> str:
    """A DOT quoted string: backslashes and quotes escaped, line breaks as `\\n`.

    Escaping the backslash first also disarms Graphviz's own escapes (`\\N`, `\\G`, `\\l`),
    so a story's text is always shown as written.
    """
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{body}"'


def _node_label(node: Node) -> str:
    parts = [("▶ " if node.start else "") + node.id]
    if node.missing:
        parts.append("?")
    if node.text:
        parts.append(node.text)
    if node.mood is not None:
        parts.append(f"■ {node.title}" if node.title else "■")
    return "\n".join(parts)


def _classes(node: Node) -> list[str]:
    out: list[str] = []
    if node.start:
        out.append("start")
    if node.mood is not None:
        out += ["ending", node.mood]
    if node.unreachable:
        out.append("unreachable")
    if node.trapped:
        out.append("trapped")
    if node.missing:
        out.append("missing")
    return out or ["scene"]


def _dot_node_attrs(node: Node) -> dict[str, str]:
    attrs = {"label": _node_label(node), "class": " ".join(_classes(node))}
    style = ["filled"]
    fill = SCENE_COLOR
    if node.mood is not None:
        style.append("rounded")
        attrs["peripheries"] = "2"
        fill = MOOD_COLORS.get(node.mood, SCENE_COLOR)
    elif node.start:
        fill = START_COLOR
    if node.start:
        style.append("bold")
    if node.unreachable:
        style.append("dashed")
        fill = UNREACHABLE_COLOR
        attrs["fontcolor"] = "#555555"
    if node.trapped:
        fill = TRAPPED_COLOR
        attrs["color"] = TRAPPED_BORDER
        attrs["penwidth"] = "3"
    if node.missing:
        style.append("dashed")
        fill = MISSING_COLOR
        attrs["color"] = TRAPPED_BORDER
    attrs["style"] = ",".join(style)
    attrs["fillcolor"] = fill
    return attrs


def _attr_list(attrs: dict[str, str]) -> str:
    return ", ".join(f"{k}={dot_string(v)}" for k, v in attrs.items())


def _title_label(title: str, ui: str) -> str:
    """The title, with the legend in small grey type under it (a Graphviz HTML-like label:
    everything from the story is escaped as HTML)."""
    items = [html.escape(item) for item in t("graph-legend", ui).split(" · ")]
    half = (len(items) + 1) // 2
    legend = "<BR/>".join(" · ".join(part) for part in (items[:half], items[half:]) if part)
    return (f'<<B>{html.escape(title)}</B><BR/>'
            f'<FONT POINT-SIZE="9" COLOR="#555555">{legend}</FONT>>')


def to_dot(smap: StoryMap, ui: str = "en") -> str:
    """The map as Graphviz DOT: one node per line, then one edge per line."""
    graph = {"labelloc": "t", "rankdir": "TB", "fontname": "sans-serif", "charset": "UTF-8"}
    lines = [
        f"digraph {dot_string(smap.story_id)} {{",
        f"  graph [label={_title_label(smap.title, ui)}, {_attr_list(graph)}];",
        '  node [shape="box", fontname="sans-serif", fontsize="11", margin="0.15,0.08"];',
        '  edge [fontname="sans-serif", fontsize="9", color="#555555"];',
    ]
    for node in smap.nodes:
        lines.append(f"  {dot_string(node.id)} [{_attr_list(_dot_node_attrs(node))}];")
    for edge in smap.edges:
        attrs: dict[str, str] = {"class": edge.kind}
        if edge.kind == "choice":
            attrs["label"] = edge.label
            if edge.conditional:
                attrs["style"] = "dashed"
                attrs["class"] = "choice conditional"
        else:
            attrs["style"] = "bold"
        lines.append(f"  {dot_string(edge.source)} -> {dot_string(edge.target)} "
                     f"[{_attr_list(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# --- Mermaid ----------------------------------------------------------------------------------

_MERMAID_ESCAPES = {
    "#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "|": "#124;",
    "`": "#96;", "\\": "#92;",
}


def mermaid_string(text: str) -> str:
    """A Mermaid quoted label: entity codes for characters that end or change a label.

    Line breaks become `<br/>`; letters such as ä, ö and å are written as they are.
    """
    parts = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        parts.append("".join(_MERMAID_ESCAPES.get(c, c) for c in line))
    return '"' + "<br/>".join(parts) + '"'


def to_mermaid(smap: StoryMap, ui: str = "en") -> str:
    """The map as a Mermaid flowchart. Scene ids become n1, n2, …: Mermaid has reserved words
    (`end`) and characters a scene id may hold, so the id is shown in the label instead."""
    ids = {node.id: f"n{i}" for i, node in enumerate(smap.nodes, 1)}
    lines = [
        "---",
        f"title: {json.dumps(smap.title, ensure_ascii=False)}",
        "---",
        "flowchart TD",
        f"  %% {' '.join(t('graph-legend', ui).split())}",
    ]
    for node in smap.nodes:
        label = mermaid_string(_node_label(node))
        if node.mood is not None:
            lines.append(f"  {ids[node.id]}([{label}])")
        else:
            lines.append(f"  {ids[node.id]}[{label}]")
    for edge in smap.edges:
        arrow = "-.->" if edge.conditional else "-->"
        if edge.kind == "goto":
            arrow = "==>"
        label = f"|{mermaid_string(edge.label)}|" if edge.kind == "choice" else ""
        lines.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
    lines += [
        f"  classDef start fill:{START_COLOR},stroke:#1f4e79,stroke-width:3px",
        f"  classDef hopeful fill:{MOOD_COLORS['hopeful']}",
        f"  classDef neutral fill:{MOOD_COLORS['neutral']}",
        f"  classDef open fill:{MOOD_COLORS['open']}",
        f"  classDef unreachable fill:{UNREACHABLE_COLOR},stroke-dasharray:5 5,color:#555555",
        f"  classDef trapped fill:{TRAPPED_COLOR},stroke:{TRAPPED_BORDER},stroke-width:3px",
        f"  classDef missing fill:{MISSING_COLOR},stroke:{TRAPPED_BORDER},"
        "stroke-dasharray:5 5",
    ]
    for name in ("start", "hopeful", "neutral", "open", "unreachable", "trapped", "missing"):
        members = [ids[n.id] for n in smap.nodes if name in _classes(n)]
        if members:
            lines.append(f"  class {','.join(members)} {name}")
    return "\n".join(lines) + "\n"


# --- Graphviz ----------------------------------------------------------------------------------


class GraphvizError(Exception):
    """Graphviz is missing, failed or took too long; `code` and `params` say which."""

    def __init__(self, code: str, **params: str) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


def find_dot() -> str | None:
    return shutil.which("dot")


def render(dot_text: str, fmt: Literal["svg", "png"], *, timeout: float = DOT_TIMEOUT,
           dot: str | None = None) -> bytes:
    """SVG or PNG bytes from Graphviz's `dot` (run without a shell, with a time limit)."""
    program = dot or find_dot()
    if program is None:
        raise GraphvizError("graph-no-dot")
    try:
        proc = subprocess.run(
            [program, f"-T{fmt}"], input=dot_text.encode("utf-8"), capture_output=True,
            timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired:
        raise GraphvizError("graph-dot-timeout", seconds=str(int(timeout))) from None
    except OSError as exc:
        raise GraphvizError("graph-dot-failed", reason=exc.strerror or str(exc)) from None
    if proc.returncode != 0 or not proc.stdout:
        reason = proc.stderr.decode("utf-8", "replace").strip() or f"exit {proc.returncode}"
        raise GraphvizError("graph-dot-failed", reason=reason)
    return proc.stdout


def output_format(path: Path) -> Format | None:
    return FORMATS.get(path.suffix.lower())


def draw(story: Story, fmt: Format, *, lang: str | None = None, ui: str = "en") -> bytes:
    """The story map in `fmt`, as bytes ready to write."""
    smap = story_map(story, lang)
    if fmt == "mmd":
        return to_mermaid(smap, ui).encode("utf-8")
    dot_text = to_dot(smap, ui)
    if fmt == "dot":
        return dot_text.encode("utf-8")
    return render(dot_text, fmt)
