"""Twine links written as macros, macros over several lines and HTML (issue 16).

A public 152-passage Harlowe story imported as a start scene that was an ending and 148
unreachable scenes: its links were `(link-goto:)` and `(go-to:)`, which the import dropped with
the advice to "rewrite it with if, set or add". A SugarCube `<<set … = [` over several lines left
`<<set _choices = [,,` and `]>>` on screen, and every HTML tag was a warning of its own.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from game.authoring.twee import convert, quoted_args
from game.story import check_file

from ._helpers import porukka

TWEE = Path(__file__).parent / "twee"
HEAD = ':: StoryTitle\nT\n\n:: StoryData\n{"start": "Alku"}\n\n'


def story(body: str) -> dict:
    conv = convert(HEAD + body, story_id="t")
    return {"data": conv.data, "notes": [(n.code, n.params) for n in conv.notes], "conv": conv}


def scene(result: dict, name: str) -> dict:
    return result["data"]["scenes"][name]


def choices(result: dict, name: str) -> list[tuple[str, str]]:
    return [(c["text"], c["goto"]) for c in scene(result, name)["choices"]]


END = ":: Koti\nKotona.\n\n:: Kauppa\nKaupassa.\n"


def test_harlowe_link_goto_with_text_and_target_becomes_a_choice():
    r = story(':: Alku\nMitä teet?\n(link-goto: "Menen kotiin", "Koti")\n'
              "(link-goto: 'Käyn kaupassa', 'Kauppa')\n\n" + END)
    assert choices(r, "alku") == [("Menen kotiin", "koti"), ("Käyn kaupassa", "kauppa")]
    assert scene(r, "alku")["lines"] == ["Mitä teet?"]
    assert r["notes"] == []


def test_harlowe_link_goto_with_only_the_target_uses_its_name_as_the_text():
    r = story(':: Alku\nMitä teet?\n(link-goto: "Koti") (link-goto: "Kauppa")\n\n' + END)
    assert choices(r, "alku") == [("Koti", "koti"), ("Kauppa", "kauppa")]


def test_harlowe_go_to_becomes_a_goto():
    r = story(':: Alku\nBussi tulee.\n(go-to: "Koti")\n\n' + END)
    assert scene(r, "alku") == {"lines": ["Bussi tulee."], "goto": "koti"}
    assert r["notes"] == []


def test_harlowe_link_with_a_go_to_hook_becomes_a_choice():
    r = story(':: Alku\nNo?\n(link: "Kotiin")[(go-to: "Koti")]\n'
              "(link: 'Kauppaan')[ (goto: 'Kauppa') ]\n\n" + END)
    assert choices(r, "alku") == [("Kotiin", "koti"), ("Kauppaan", "kauppa")]
    assert r["notes"] == []


def test_links_keep_their_order_whatever_their_spelling():
    r = story(':: Alku\nNo?\n[[Kotiin->Koti]]\n(link-goto: "Kauppaan", "Kauppa")\n'
              "[[Takaisin->Alku]]\n\n" + END)
    assert [t for t, _ in choices(r, "alku")] == ["Kotiin", "Kauppaan", "Takaisin"]


def test_a_computed_link_is_reported_as_a_link_not_as_a_macro_to_rewrite_with_if():
    r = story(':: Alku\nNo?\n(link-goto: "Kotiin", $minne)\n[[Kauppa]]\n\n' + END)
    assert [c for c, _ in r["notes"]] == ["twee-link-macro"]
    res_text = r["notes"][0][1]["text"]
    assert res_text.startswith("(link-goto:")
    from game.i18n import t

    for lang in ("fi", "sv", "en"):
        message = t("twee-link-macro", lang, passage="Alku", text=res_text)
        assert "'if'" not in message and "goto:" in message


def test_a_go_to_beside_links_becomes_a_choice_with_a_note():
    r = story(':: Alku\nNo?\n[[Kauppa]]\n(go-to: "Koti")\n\n' + END)
    assert choices(r, "alku") == [("Kauppa", "kauppa"), ("Koti", "koti")]
    assert [c for c, _ in r["notes"]] == ["twee-goto-among-links"]


@pytest.mark.parametrize("macro", ['<<link "Kotiin" "Koti">><</link>>',
                                   '<<link [[Kotiin|Koti]]>><</link>>',
                                   "<<button 'Kotiin' 'Koti'>><</button>>"])
def test_sugarcube_link_macros_become_choices(macro):
    r = story(f":: Alku\nNo?\n{macro}\n[[Kauppaan->Kauppa]]\n\n" + END)
    assert choices(r, "alku") == [("Kotiin", "koti"), ("Kauppaan", "kauppa")]
    assert r["notes"] == []


@pytest.mark.parametrize("macro", ['<<goto "Koti">>', "<<goto [[Koti]]>>"])
def test_sugarcube_goto_becomes_a_goto(macro):
    r = story(f":: Alku\nBussi tulee.\n{macro}\n\n" + END)
    assert scene(r, "alku") == {"lines": ["Bussi tulee."], "goto": "koti"}


def test_a_sugarcube_link_that_runs_code_is_reported_as_a_link():
    r = story(':: Alku\nNo?\n<<link "Kotiin">><<set $x to 1>><<goto $minne>><</link>>\n'
              "[[Kauppa]]\n\n" + END)
    assert [c for c, _ in r["notes"]] == ["twee-link-macro", "twee-macro", "twee-link-macro"]


def test_a_macro_over_several_lines_is_one_finding_and_leaves_no_text():
    r = story(":: Alku\nAamu.\n<<set _choices = [\n  \"kahvi\",\n  \"tee\",\n]>>\n"
              "<<set $x to 1>>\nIlta.\n[[Koti]]\n\n" + END)
    assert [c for c, _ in r["notes"]] == ["twee-macro", "twee-macro"]
    assert r["notes"][0][1]["text"].startswith("<<set _choices = [")
    assert scene(r, "alku")["lines"] == ["Aamu.", "Ilta."]
    text = r["conv"].yaml("t.twee")
    for leftover in ("<<", ">>", ",,", "]", "kahvi"):
        assert leftover not in text.split("scenes:", 1)[1], leftover


def test_html_tags_are_removed_with_one_summary_line(tmp_path):
    body = "".join(f":: Kohta {i}\n<p>Teksti <b>{i}</b>.</p><br>\n[[Kohta {i + 1}]]\n\n"
                   for i in range(20))
    src = tmp_path / "html.twee"
    src.write_text(HEAD.replace("Alku", "Kohta 0") + body + ":: Kohta 20\nLoppu.\n", "utf-8")
    r = convert(src.read_text("utf-8"), story_id="html")
    assert [(n.code, n.params, n.passage) for n in r.notes] == [
        ("twee-html-removed", {"n": 100}, "Kohta 0")]
    assert r.data["scenes"]["kohta-3"]["lines"] == ["Teksti 3."]
    res = porukka("import-twee", str(src), "-o", str(tmp_path / "out"), "--lang", "en",
                  "--source-lang", "fi")
    assert res.returncode == 0, res.stderr
    assert res.stderr.count("warning[") == 1
    assert "100 HTML tags were removed, the first in passage 'Kohta 0'" in res.stderr
    fi = porukka("import-twee", str(src), "-o", str(tmp_path / "out"), "--force", "--lang", "fi",
                 "--source-lang", "fi")
    assert "100 HTML-tagia poistettiin" in fi.stderr


def test_quoted_args():
    assert quoted_args('"a", "b"') == ["a", "b"]
    assert quoted_args("'a' 'b'") == ["a", "b"]
    assert quoted_args('"a", $b') is None
    assert quoted_args('"a" + "b"') is None
    assert quoted_args("") == []


def _kesatyo() -> str:
    sys.path.insert(0, str(TWEE))
    try:
        from make_harlowe_story import story as make
    finally:
        sys.path.remove(str(TWEE))
    return make()


def test_a_realistic_harlowe_story_of_150_passages_imports_whole(tmp_path):
    """Regression: a public 152-passage Harlowe story imported as a start scene that was an
    ending and 148 unreachable scenes."""
    text = _kesatyo()
    assert 150 <= text.count("\n:: ") + 1 <= 160
    conv = convert(text, story_id="kesatyo")
    out = tmp_path / "kesatyo" / "story.yaml"
    out.parent.mkdir()
    out.write_text(conv.yaml("kesatyo.twee"), "utf-8")
    result = check_file(out)
    assert result.ok, [i.format() for i in result.issues if i.is_error]
    codes = Counter(i.code for i in result.issues)
    assert codes["unreachable"] == 0 and codes["trapped"] == 0, codes
    story = result.loaded.story
    assert story.scenes[story.start].choices and len(story.scenes[story.start].choices) == 3
    assert len(story.scenes) >= 150
    notes = Counter(n.code for n in conv.notes)
    assert notes["twee-link-macro"] == 0 and notes["twee-html-removed"] == 1
    assert set(notes) <= {"twee-macro", "twee-html-removed"}  # only (set:) and (if:) are left
