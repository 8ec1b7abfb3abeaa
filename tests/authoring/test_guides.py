"""The authoring guides cannot silently rot: what they quote is what Porukka prints today.

tests/authoring/mistakes/ holds the tutorial story (00-tutorial.yaml) and twenty copies of it
with one typical mistake each, with what `validate` prints for them in English and Finnish next
to them. The guides must quote exactly those messages, show exactly that story, and show the
real output of `run` and `test` for it.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest

from game.authoring.storytest import check_story
from game.story.loader import check_bytes

from ._helpers import ROOT, porukka

MISTAKES = Path(__file__).parent / "mistakes"
GUIDES = {"en": ROOT / "docs" / "authoring-guide.md", "fi": ROOT / "docs" / "kirjoitusopas.md"}
NAME = "stories/kamppis/story.yaml"
CASES = sorted(MISTAKES.glob("[0-9][0-9]-*.yaml"))
TUTORIAL = MISTAKES / "00-tutorial.yaml"
CASES.remove(TUTORIAL)


def printed(path: Path, lang: str) -> str:
    result = check_bytes(path.read_bytes(), Path(NAME), name=NAME, shared_assets=None)
    return "".join(issue.format(lang) + "\n" for issue in result.issues)


def guide(lang: str) -> str:
    return GUIDES[lang].read_text("utf-8")


def blocks(text: str, kind: str | None = None) -> list[str]:
    """The fenced code blocks of a Markdown text (of one kind, e.g. "yaml", if given)."""
    out: list[str] = []
    info: str | None = None
    body: list[str] = []
    for line in text.splitlines(keepends=True):
        fence = line.strip()
        if info is None and fence.startswith("```"):
            info, body = fence[3:], []
        elif info is not None and fence == "```":
            if kind is None or info == kind:
                out.append("".join(_dedent(body)))
            info = None
        elif info is not None:
            body.append(line)
    return out


def _dedent(lines: list[str]) -> list[str]:
    """Blocks inside a list item are indented; their content is not."""
    margin = min((len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()), default=0)
    return [ln[margin:] if ln.strip() else ln.lstrip(" ") for ln in lines]


def test_there_are_twenty_mistakes_each_a_small_change_of_the_tutorial():
    assert len(CASES) == 20
    base = TUTORIAL.read_text("utf-8").splitlines()
    for case in CASES:
        diff = [d for d in difflib.unified_diff(base, case.read_text("utf-8").splitlines(),
                                                 lineterm="", n=0)
                if d[:1] in "+-" and not d.startswith(("+++", "---"))]
        assert 0 < len(diff) <= 6, case.name


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_expected_messages_are_what_validate_prints(case, lang):
    expected = case.with_suffix(f".{lang}.txt").read_text("utf-8")
    assert expected, f"{case.name} gives no message"
    assert printed(case, lang) == expected, (
        "validate's message changed: run tests/authoring/mistakes/regenerate.py, "
        "then update the guides")


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_guide_quotes_the_message_exactly(case, lang):
    expected = case.with_suffix(f".{lang}.txt").read_text("utf-8")
    assert expected in blocks(guide(lang)), (
        f"{GUIDES[lang].name} does not quote, as one block, what validate prints for "
        f"{case.name}:\n{expected}")


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_guide_has_twenty_numbered_mistakes(lang):
    text = guide(lang)
    section = text.split("\n## ")[[i for i, s in enumerate(text.split("\n## "))
                                   if re.match(r"(The twenty|Kaksikymmentä)", s)][0]]
    numbers = re.findall(r"^### (\d+)\. ", section, re.M)
    assert numbers == [str(n) for n in range(1, 21)]


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_tutorial_story_is_the_one_in_the_guide_and_clean(lang):
    stories = [b for b in blocks(guide(lang), "yaml") if "\nformat: 1\n" in b
               and "scenes:" in b]
    assert stories == [TUTORIAL.read_text("utf-8")]
    assert printed(TUTORIAL, "en") == ""


@pytest.fixture
def tutorial(tmp_path):
    folder = tmp_path / "stories" / "kamppis"
    folder.mkdir(parents=True)
    shutil.copy(TUTORIAL, folder / "story.yaml")
    plans = [b for b in blocks(guide("en"), "yaml") if b.startswith("format: 1\nplans:")]
    assert len(plans) == 1
    assert plans == [b for b in blocks(guide("fi"), "yaml") if b.startswith("format: 1\nplans:")]
    (folder / "story.test.yaml").write_text(plans[0], "utf-8")
    return tmp_path


def test_the_guides_test_plan_passes(tutorial):
    rep = check_story(tutorial / NAME)
    assert [r.passed for r in rep.plans] == [True, True]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_guide_shows_the_real_output_of_run_and_test(tutorial, lang):
    env = {"LANG": f"{lang}_FI.UTF-8" if lang == "fi" else "en_US.UTF-8"}
    text = guide(lang)
    res = porukka("test", "stories/kamppis", cwd=tutorial, env=env)
    assert res.returncode == 0, res.stdout
    assert res.stdout in blocks(text)
    res = porukka("run", "stories/kamppis", "--choose", "2,1", "--json", cwd=tutorial, env=env)
    assert res.stdout in blocks(text)
    res = porukka("validate", "stories/kamppis", cwd=tutorial, env=env)
    assert res.returncode == 0 and res.stdout == ""
    summary = res.stderr.strip()
    assert " ".join(summary.split()) in " ".join(text.replace("`", "").split())


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_the_guide_links_to_the_format_reference_and_the_other_guide(lang):
    text = guide(lang)
    for target in ("story-format.md", "tarinamuoto.md"):
        assert f"]({target})" in text
    other = "kirjoitusopas.md" if lang == "en" else "authoring-guide.md"
    assert f"]({other})" in text
