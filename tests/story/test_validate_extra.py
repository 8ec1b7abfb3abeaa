"""Regression tests for validator behaviour found while using the tools."""

from __future__ import annotations

import re
from pathlib import Path

from game.story import check_bytes
from game.story.yamlsource import SourceError, read_source

STORY = b"""format: 1
id: t
start: a
scenes:
  a:
    lines: [A]
    choices:
      - {id: x, text: X, goto: b, domains: [arki]}
      - {id: y, text: Y, goto: c, domains: [arki]}
  b:
    lines: [B]
    goto: cc
  c:
    lines: [C]
    end: {title: C}
"""


def test_a_goto_to_an_unknown_scene_is_not_also_called_trapped():
    """A typo in a goto used to give a second, confusing 'trapped' error for the same scene
    (and for every scene leading only to it): the unknown name is the one thing to fix."""
    res = check_bytes(STORY, Path("t.yaml"))
    assert [(i.code, i.line, i.column) for i in res.issues] == [("unknown-scene", 12, 11)]


def test_a_real_loop_is_still_trapped():
    looped = STORY.replace(b"goto: cc", b"goto: b")
    res = check_bytes(looped, Path("t.yaml"))
    # Named once, at the goto that closes the loop (`goto: b` on line 12), not at the scene.
    assert [(i.code, i.line, i.column) for i in res.issues] == [("trapped", 12, 11)]
    assert res.issues[0].hint_text("en").startswith("this goto leads back to scene 'b'")


# --- one root cause, one message ------------------------------------------------------------

CHAIN = "".join(f"  s{n}:\n    lines: [S{n}]\n    goto: s{n + 1}\n" for n in range(1, 24))
LONG = ("format: 1\nid: t\nstart: a\nscenes:\n  a:\n    lines: [A]\n    goto: GOTO\n" + CHAIN
        + "  s24:\n    lines: [Loppu]\n    end: {}\n")


def test_a_misspelt_goto_does_not_make_the_scenes_after_it_unreachable():
    """Issue 16: a wrong `goto` gave 1 error and 23 'unreachable' warnings."""
    res = check_bytes(LONG.replace("GOTO", "s01").encode(), Path("t.yaml"))
    assert [(i.code, i.params.get("hint")) for i in res.issues] == [("unknown-scene", "s1")]


def test_a_goto_to_nowhere_known_silences_unreachable_until_it_is_fixed():
    res = check_bytes(LONG.replace("GOTO", "virasto").encode(), Path("t.yaml"))
    assert [i.code for i in res.issues] == ["unknown-scene"]


def test_a_scene_really_left_out_is_still_unreachable_beside_a_misspelt_goto():
    text = LONG.replace("GOTO", "s01") + "  unohdettu:\n    lines: [U]\n    goto: s24\n"
    res = check_bytes(text.encode(), Path("t.yaml"))
    assert [(i.code, i.params.get("scene")) for i in res.issues] == [
        ("unknown-scene", None), ("unreachable", "unohdettu")]


def test_each_trapped_loop_is_named_once_at_its_closing_goto():
    """Issue 16: `trapped` listed every trapped scene, not the goto that closes the loop."""
    text = LONG.replace("GOTO", "s1").replace("    goto: s24\n", "    goto: s20\n")
    res = check_bytes(text.encode(), Path("t.yaml"))
    issue, left_out = res.issues
    # From the start on, every scene is trapped: one message, at `goto: s20` in s23.
    assert (issue.code, issue.params) == ("trapped", {"scene": "a", "to": "s20"})
    assert text.splitlines()[issue.line - 1] == "    goto: s20"
    assert (left_out.code, left_out.params) == ("unreachable", {"scene": "s24"})


def test_a_duplicated_scene_is_the_only_message():
    """Issue 16: a duplicated scene put the real cause third among ten."""
    text = LONG.replace("GOTO", "s1").replace(
        "  s5:\n", "  s3:\n    lines: [Toinen]\n    goto: s24\n  s5:\n")
    res = check_bytes(text.encode(), Path("t.yaml"))
    assert [i.code for i in res.issues] == ["duplicate-key"]
    assert "give one of them its own name" in res.issues[0].hint_text("en")


def test_a_forgotten_dash_is_one_message_not_one_per_key():
    """Issue 16: forgetting `- ` before a choice gave five duplicate-key errors."""
    text = (b"format: 1\nid: t\nstart: a\nscenes:\n  a:\n    lines: [A]\n    choices:\n"
            b"      - text: X\n        goto: b\n        domains: [arki]\n"
            b"        text: Y\n        goto: b\n        domains: [keho]\n"
            b"  b:\n    lines: [B]\n    end: {}\n")
    res = check_bytes(text, Path("t.yaml"))
    assert [(i.code, i.line, i.column) for i in res.issues] == [("forgot-dash", 11, 7)]
    assert res.issues[0].params["keys"] == "'text', 'goto', 'domains'"


def test_plain_texts_in_a_multi_language_story_are_one_warning():
    text = LONG.replace("GOTO", "s1").replace("languages", "x").replace(
        "start: a\n", "start: a\nlanguages: [fi, sv]\n")
    res = check_bytes(text.encode(), Path("t.yaml"))
    (issue,) = res.issues
    assert (issue.code, issue.params["n"]) == ("plain-texts", 24)
    assert issue.message("fi").startswith("tämä ja 24 muuta tekstiä")
    one = re.sub(r"lines: \[(S\d+|A|Loppu)\]", r"lines: [{fi: \1, sv: \1}]", text)
    one = one.replace("lines: [{fi: S7, sv: S7}]", "lines: [S7]")
    (issue,) = check_bytes(one.encode(), Path("t.yaml")).issues
    assert issue.code == "plain-text" and issue.excerpt == "    lines: [S7]"


def test_names_units_and_signs_need_no_translation():
    text = (b"format: 1\nid: t\nlanguages: [fi, sv]\nstart: a\n"
            b"variables:\n"
            b"  rahat: {initial: 1, unit: \xe2\x82\xac, label: {fi: Rahat, sv: Pengar}}\n"
            b"characters:\n  sami: {name: Sami}\n"
            b"scenes:\n  a:\n    lines: [{fi: A, sv: A}, '{rahat} \xe2\x82\xac']\n    end: {}\n")
    assert check_bytes(text, Path("t.yaml")).issues == []


def test_a_yaml_error_without_a_known_shape_still_speaks_the_authors_language():
    for text, code in ((b"format: 1\nscenes:\n  a:\n    lines: [A]\n  - b\n", "yaml-stray-dash"),
                       (b"format: 1\n]\n", "yaml-structure"),
                       (b"%YAML 1.1\n%YAML 1.1\n---\nformat: 1\n", "yaml-other")):
        (issue,) = check_bytes(text, Path("t.yaml")).issues
        assert issue.code == code
        assert "expected" not in issue.format("fi")
        assert issue.hint_text("sv")


# --- the same story with and without libyaml ------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def _yaml_texts() -> list[tuple[str, bytes]]:
    out = [(str(p.relative_to(ROOT)), p.read_bytes())
           for p in sorted(ROOT.glob("stories/*/story.yaml"))
           + sorted(ROOT.glob("tests/**/*.yaml"))]
    for doc in sorted(ROOT.glob("docs/*.md")):
        for n, block in enumerate(re.findall(r"```yaml\n(.*?)```", doc.read_text("utf-8"), re.S)):
            out.append((f"{doc.name}#{n}", block.encode()))
    return out


def _read(raw: bytes, reader: str) -> object:
    try:
        src = read_source(raw, "x", reader=reader)
    except SourceError as exc:
        params = {k: v for k, v in exc.issue.params.items() if k != "problem"}
        return ("refused", exc.issue.line, exc.issue.column, exc.issue.code, params)
    spots = []

    def walk(node: object, path: tuple) -> None:
        spots.append((path, src.where.value(path), src.where.key(path)))
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(
            node, list) else ()
        for k, v in items:
            walk(v, path + (k,))

    walk(src.data, ())
    return repr(src.data), spots, [(i.line, i.column, i.code) for i in src.issues]


def test_every_story_reads_the_same_with_and_without_libyaml():
    """Issue 16: with PyYAML's pure-Python reader the full example of docs/tarinamuoto.md
    failed (a '?' ended a text inside {…}); data and every position must now be equal."""
    texts = _yaml_texts()
    assert len(texts) > 100
    differ = [name for name, raw in texts if _read(raw, "libyaml") != _read(raw, "pure")]
    assert differ == []


def test_the_format_guide_example_loads_with_the_pure_reader():
    guide = (ROOT / "docs" / "tarinamuoto.md").read_text("utf-8")
    full = max(re.findall(r"```yaml\n(.*?)```", guide, re.S), key=len)
    src = read_source(full.encode(), "x", reader="pure")
    assert "?" in repr(src.data)
