"""The story map, checked by structure: the DOT and Mermaid we write are parsed back.

DOT is parsed with a small regex rather than pydot: `to_dot` writes one node or edge per line
with every id and value quoted, so the regex is exact for our own output and the test needs
no extra package.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from game.authoring._common import read_draft
from game.authoring.graph import (
    dot_string,
    mermaid_string,
    render,
    story_map,
    to_dot,
    to_mermaid,
)
from game.story import load_story
from game.story.validate import edges

from ._helpers import BUILTIN, porukka, write

STORY = r"""
    format: 1
    id: kartta
    title: {fi: 'Kartta "testi"', en: Map}
    languages: [fi, en]
    start: alku
    variables:
      rahat: {initial: 5}
    scenes:
      alku:
        lines:
          - {fi: 'Hän sanoi: "Hei" [ok] {{x}} #1 | <b> \N ä ö å', en: He said hi}
        choices:
          - id: a
            text: {fi: 'Valitse "A" [1]', en: Pick A}
            goto: valitsin
            domains: [arki]
          - id: b
            text: {fi: Ehdollinen, en: Conditional}
            if: rahat > 3
            goto: loppu-hyva
            domains: [arki]
          - id: c
            text: {fi: Kehälle, en: Round}
            goto: kehä
            domains: [arki]
      valitsin:
        lines: [{fi: "Kaksi\nriviä", en: Two lines}]
        choices:
          - {id: auki, text: {fi: Auki, en: Open}, goto: loppu-auki, domains: [arki]}
          - {id: neutraali, text: {fi: Neutraali, en: Neutral}, goto: loppu-neutraali,
             domains: [arki]}
      kehä:
        lines: [{fi: Taas täällä, en: Here again}]
        goto: kehä
      unohdettu:
        lines: [{fi: Kukaan ei tule, en: Nobody comes}]
        goto: loppu-hyva
      umpikuja:
        lines: [{fi: Umpikuja, en: Dead end}]
        goto: umpikuja
      loppu-hyva:
        lines: [{fi: Hyvä, en: Good}]
        end: {title: {fi: Hyvä loppu, en: Good end}, mood: hopeful}
      loppu-auki:
        lines: [{fi: Auki, en: Open}]
        end: {title: {fi: Avoin, en: Open}, mood: open}
      loppu-neutraali:
        lines: [{fi: Neutraali, en: Neutral}]
        end: {mood: neutral}
    """

TRAPPED = {"kehä", "umpikuja"}
UNREACHABLE = {"unohdettu", "umpikuja"}

Q = r'"((?:[^"\\]|\\.)*)"'
NODE = re.compile(rf"^  {Q} \[(.*)\];$")
EDGE = re.compile(rf"^  {Q} -> {Q} \[(.*)\];$")
ATTR = re.compile(rf"(\w+)={Q}")


def unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def parse_dot(text: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str, dict]]]:
    nodes: dict[str, dict[str, str]] = {}
    found_edges: list[tuple[str, str, dict]] = []
    for line in text.splitlines():
        if m := EDGE.match(line):
            attrs = {k: unquote(v) for k, v in ATTR.findall(m.group(3))}
            found_edges.append((unquote(m.group(1)), unquote(m.group(2)), attrs))
        elif m := NODE.match(line):
            nodes[unquote(m.group(1))] = {k: unquote(v) for k, v in ATTR.findall(m.group(2))}
    return nodes, found_edges


@pytest.fixture
def story(tmp_path):
    draft = read_draft(write(tmp_path / "kartta" / "story.yaml", STORY))
    assert draft.story is not None, [i.format() for i in draft.issues]
    # the trapped scenes are errors: the map must still be drawn
    assert {i.code for i in draft.errors} == {"trapped"}
    return draft.story


def test_dot_has_a_node_per_scene_and_an_edge_per_exit(story):
    nodes, found = parse_dot(to_dot(story_map(story)))
    assert list(nodes) == list(story.scenes)
    expected = [(sid, target) for sid, sc in story.scenes.items() for target in edges(sc)]
    assert [(a, b) for a, b, _ in found] == expected
    kinds = [attrs["class"].split()[0] for _, _, attrs in found]
    assert kinds.count("goto") == sum(1 for sc in story.scenes.values() if sc.goto)


def test_dot_highlights_exactly_the_unreachable_and_trapped_scenes(story):
    nodes, _ = parse_dot(to_dot(story_map(story)))
    classes = {sid: set(attrs["class"].split()) for sid, attrs in nodes.items()}
    assert {s for s, c in classes.items() if "trapped" in c} == TRAPPED
    assert {s for s, c in classes.items() if "unreachable" in c} == UNREACHABLE
    assert {s for s, a in nodes.items() if a.get("color") == "#c62828"} == TRAPPED
    assert {s for s, a in nodes.items() if "dashed" in a["style"]} == UNREACHABLE
    assert {s for s, c in classes.items() if "start" in c} == {"alku"}
    moods = {s: (c & {"hopeful", "neutral", "open"}) for s, c in classes.items() if "ending" in c}
    assert moods == {"loppu-hyva": {"hopeful"}, "loppu-auki": {"open"},
                     "loppu-neutraali": {"neutral"}}
    fills = {nodes[s]["fillcolor"] for s in moods}
    assert len(fills) == 3


def test_dot_labels_survive_quotes_brackets_newlines_and_letters(story):
    nodes, found = parse_dot(to_dot(story_map(story)))
    assert nodes["alku"]["label"].startswith("▶ alku\nHän sanoi: \"Hei\" [ok] {{x}} #1 | <b>")
    assert "\\N" in nodes["alku"]["label"] or "…" in nodes["alku"]["label"]
    assert nodes["valitsin"]["label"] == "valitsin\nKaksi riviä"
    assert nodes["loppu-hyva"]["label"] == "loppu-hyva\nHyvä\n■ Hyvä loppu"
    labels = {attrs.get("label") for _, _, attrs in found}
    assert 'Valitse "A" [1]' in labels
    conditional = [attrs for a, b, attrs in found if b == "loppu-hyva" and a == "alku"]
    assert conditional[0]["style"] == "dashed"


def test_dot_string_escapes():
    assert dot_string('a"b') == r'"a\"b"'
    assert dot_string("a\\N") == r'"a\\N"'
    assert dot_string("yksi\ntoinen") == r'"yksi\ntoinen"'
    assert dot_string("äöå") == '"äöå"'


def test_map_in_another_language(story):
    nodes, found = parse_dot(to_dot(story_map(story, "en")))
    assert nodes["alku"]["label"] == "▶ alku\nHe said hi"
    assert "Pick A" in {attrs.get("label") for _, _, attrs in found}


MM_NODE = re.compile(r'^  (n\d+)(\[|\(\[)"([^"]*)"(\]|\]\))$')
MM_EDGE = re.compile(r'^  (n\d+) (-->|-\.->|==>)(?:\|"([^"]*)"\|)? (n\d+)$')
MM_CLASS = re.compile(r"^  class ([\w,]+) (\w+)$")


def mm_unescape(text: str) -> str:
    text = text.replace("<br/>", "\n")
    named = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}
    return re.sub(r"#(\w+);", lambda m: named.get(m.group(1)) or chr(int(m.group(1))), text)


def test_mermaid_structure_matches_the_story(story):
    text = to_mermaid(story_map(story))
    lines = text.splitlines()
    assert "flowchart TD" in lines
    nodes = {m.group(1): m for line in lines if (m := MM_NODE.match(line))}
    found = [m for line in lines if (m := MM_EDGE.match(line))]
    classes: dict[str, set[str]] = {}
    for line in lines:
        if m := MM_CLASS.match(line):
            for nid in m.group(1).split(","):
                classes.setdefault(nid, set()).add(m.group(2))
    assert len(nodes) == len(story.scenes)
    ids = {mm_unescape(m.group(3)).split("\n")[0].removeprefix("▶ "): nid
           for nid, m in nodes.items()}
    assert set(ids) == set(story.scenes)
    expected = [(ids[s], ids[t]) for s, sc in story.scenes.items() for t in edges(sc)]
    assert [(m.group(1), m.group(4)) for m in found] == expected
    by_class = {name: {s for s, nid in ids.items() if name in classes.get(nid, set())}
                for name in ("trapped", "unreachable", "start")}
    assert by_class == {"trapped": TRAPPED, "unreachable": UNREACHABLE, "start": {"alku"}}
    endings = {s for s, nid in ids.items() if nodes[nid].group(2) == "(["}
    assert endings == {"loppu-hyva", "loppu-auki", "loppu-neutraali"}
    label = mm_unescape(nodes[ids["alku"]].group(3))
    assert label.startswith('▶ alku\nHän sanoi: "Hei" [ok] {{x}} #1 | <b>')
    assert 'Valitse "A" [1]' in {mm_unescape(m.group(3) or "") for m in found}


def test_mermaid_string_never_leaves_a_raw_quote_or_bar():
    out = mermaid_string('"|<>#&`\\ä\nx')
    inner = out[1:-1]
    assert '"' not in inner and "|" not in inner and "<" not in inner.replace("<br/>", "")
    assert mm_unescape(inner) == '"|<>#&`\\ä\nx'


needs_dot = pytest.mark.skipif(shutil.which("dot") is None,
                               reason="Graphviz 'dot' is not installed (CI installs it)")


@needs_dot
def test_svg_from_graphviz_has_every_scene_and_arrow(story):
    smap = story_map(story)
    svg = render(to_dot(smap), "svg")
    root = ET.fromstring(svg)
    groups = [g for g in root.iter("{http://www.w3.org/2000/svg}g")]
    node_classes = [g.get("class", "").split() for g in groups
                    if g.get("class", "").startswith("node")]
    assert len(node_classes) == len(story.scenes)
    assert sum(1 for g in groups if g.get("class", "").startswith("edge")) == len(smap.edges)
    assert sum(1 for c in node_classes if "trapped" in c) == len(TRAPPED)
    text = svg.decode("utf-8")
    assert "Hän sanoi" in text and "äöå" not in text.replace("ä ö å", "")


@pytest.mark.slow
@needs_dot
def test_graph_command_writes_svg_png_dot_and_mermaid(tmp_path):
    for ext in ("svg", "png", "dot", "mmd"):
        out = tmp_path / f"map.{ext}"
        res = porukka("graph", "rahat-loppuu", "-o", str(out))
        assert res.returncode == 0, res.stderr
        assert out.stat().st_size > 100
    assert (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in (tmp_path / "map.svg").read_bytes()


def test_builtin_story_map_has_no_highlight():
    story = load_story(BUILTIN).story
    nodes, found = parse_dot(to_dot(story_map(story)))
    assert len(nodes) == len(story.scenes)
    assert len(found) == sum(len(edges(sc)) for sc in story.scenes.values())
    assert not any({"trapped", "unreachable"} & set(a["class"].split()) for a in nodes.values())


@pytest.mark.slow
def test_graph_without_graphviz_says_how_to_install(tmp_path):
    res = porukka("graph", "rahat-loppuu", "-o", str(tmp_path / "m.svg"),
                  env={"PATH": str(tmp_path)})
    assert res.returncode == 1
    assert "apt-get install graphviz" in res.stderr and ".dot" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "m.svg").exists()


@pytest.mark.slow
def test_graph_draws_a_story_with_errors_and_marks_missing_scenes(tmp_path):
    path = write(tmp_path / "rikki.yaml", """\
        format: 1
        id: rikki
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            goto: lopu
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    res = porukka("graph", str(path), "-o", str(tmp_path / "m.dot"))
    assert res.returncode == 0, res.stderr
    assert "error[unknown-scene]" in res.stderr
    nodes, found = parse_dot((tmp_path / "m.dot").read_text("utf-8"))
    assert "missing" in nodes["lopu"]["class"]
    assert ("alku", "lopu") in [(a, b) for a, b, _ in found]


@pytest.mark.slow
def test_graph_prints_dot_without_output_and_refuses_unknown_types(tmp_path):
    res = porukka("graph", "rahat-loppuu")
    assert res.returncode == 0 and res.stdout.startswith('digraph "rahat-loppuu"')
    res = porukka("graph", "rahat-loppuu", "-o", str(tmp_path / "map.txt"))
    assert res.returncode == 2 and ".svg" in res.stderr
    res = porukka("graph", "no-such-story", "-o", str(tmp_path / "map.dot"))
    assert res.returncode == 2 and "no-such-story" in res.stderr
