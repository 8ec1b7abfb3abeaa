"""The first mistakes of an author who has never seen YAML, each answered where it is made.

tests/story/novice/ holds one small story per mistake. Its first two lines say what validate
must find and what the fix is:

    # expect: LINE:COL code
    # fix: words the English message or hint must contain

Each is checked in Finnish, Swedish and English: exactly one finding (one cause, one
message), at the place where the author types the fix, with the source line and a caret
under that place, and no phrase of the YAML library's English in the Finnish or Swedish text.
Both YAML readers (libyaml and the pure-Python one) must agree on every case.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.i18n import has, t
from game.story.loader import check_bytes
from game.story.yamlsource import LOADERS, SourceError, read_source

HERE = Path(__file__).parent / "novice"
CASES = sorted(HERE.glob("[0-9][0-9]-*.yaml"))
HEAD = re.compile(r"# expect: (\d+):(\d+) ([a-z0-9-]+)\r?\n# fix: (.+?)\r?\n")
HEADLINE = re.compile(r"(.+):(\d+):(\d+): (error|warning)\[([a-z0-9-]+)\]: (.+)")
LIBRARY_ENGLISH = ("did not find expected", "mapping values are not allowed", "found character",
                   "while scanning", "could not find expected", "while parsing",
                   "found unexpected", "expected <block end>", "cannot start any token",
                   "unknown escape", "YAMLia:", "is not valid YAML")


def header(path: Path) -> tuple[int, int, str, str]:
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16")
    else:
        text = raw.decode("utf-8", errors="replace")
    m = HEAD.match(text)
    assert m, f"{path.name} has no '# expect:' and '# fix:' header"
    return int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)


def findings(path: Path):
    return check_bytes(path.read_bytes(), path, name=path.name, shared_assets=None).issues


def test_there_are_at_least_forty_mistakes_with_distinct_stories():
    assert len(CASES) >= 40
    assert len({p.read_bytes() for p in CASES}) == len(CASES)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_one_message_at_the_place_of_the_fix(case, lang):
    line, column, code, fix = header(case)
    issues = findings(case)
    assert [(i.line, i.column, i.code) for i in issues] == [(line, column, code)], [
        i.format("en") for i in issues]
    (issue,) = issues
    printed = issue.format(lang)
    rows = printed.split("\n")
    head = HEADLINE.fullmatch(rows[0])
    assert head and head.groups()[1:5] == (str(line), str(column), issue.severity, code)
    if issue.excerpt is not None:
        # `NN | source line` and, under it, the caret at the column.
        assert rows[2] == f"{line} | {issue.excerpt.replace(chr(9), '→').replace(chr(160), '·')}"
        caret = rows[3].split(" | ", 1)[1]
        assert caret.index("^") == column - 1
    else:
        assert code == "file-utf16"
    if lang == "en":
        assert fix in printed, f"the message does not tell how to fix it: {fix!r}\n{printed}"
    else:
        assert not [p for p in LIBRARY_ENGLISH if p.lower() in printed.lower()], printed
        assert issue.message(lang) != issue.message("en")
        hint = issue.hint_text(lang)
        if hint is not None:
            assert hint != issue.hint_text("en")
    assert "{" + "text}" not in printed and "{" + "word}" not in printed


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_json_carries_the_same_finding_with_its_span_and_hint(case):
    (issue,) = findings(case)
    body = json.loads(json.dumps(issue.to_json("fi"), ensure_ascii=False))
    assert (body["line"], body["column"], body["code"]) == (issue.line, issue.column, issue.code)
    assert (body["end_line"], body["end_column"]) >= (body["line"], body["column"] + 1)
    assert body["hint"] == issue.hint_text("fi")
    assert body["excerpt"] == issue.excerpt


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_both_yaml_readers_report_the_same(case):
    raw = case.read_bytes()
    seen = []
    for reader in LOADERS:
        try:
            source = read_source(raw, case.name, reader=reader)
            seen.append(("read", repr(source.data), [(i.line, i.column, i.code)
                                                      for i in source.issues]))
        except SourceError as exc:
            seen.append(("refused", exc.issue.line, exc.issue.column, exc.issue.code))
    assert seen[0] == seen[1]


NOVICE_CODES = frozenset({
    "colon-in-line",
    "comma-in-braces",
    "file-latin1",
    "file-utf16",
    "forgot-dash",
    "hash-in-text",
    "plain-text",
    "plain-texts",
    "scene-not-indented",
    "yaml-apostrophe-inside",
    "yaml-backslash",
    "yaml-brace-start",
    "yaml-braces-text",
    "yaml-colon-in-text",
    "yaml-colon-space",
    "yaml-continuation",
    "yaml-continued",
    "yaml-dash-in-text",
    "yaml-dash-space",
    "yaml-hash-in-braces",
    "yaml-indent",
    "yaml-missing-colon",
    "yaml-missing-dash",
    "yaml-nbsp",
    "yaml-other",
    "yaml-quote-inside",
    "yaml-quote-mismatch",
    "yaml-smart-quotes",
    "yaml-special-start",
    "yaml-stray-dash",
    "yaml-structure",
    "yaml-tab",
    "yaml-unclosed-bracket",
    "yaml-unclosed-quote",
})
"""The codes of the file-layout findings (their texts and `.hint`s are in the catalogue)."""


def test_every_message_and_hint_is_written_in_all_three_languages():
    keys = [k for c in NOVICE_CODES for k in (c, f"{c}.hint") if has(k) and c != "plain-texts"]
    assert len(keys) > len(NOVICE_CODES)
    for key in keys:
        texts = {lang: t(key, lang) for lang in ("fi", "sv", "en")}
        assert all(x.strip() for x in texts.values()), key
        assert len(set(texts.values())) == 3, key


def test_every_layout_code_is_in_the_corpus():
    # plain-texts, yaml-structure and yaml-other are tested in test_validate_extra
    codes = NOVICE_CODES - {"plain-texts", "yaml-structure", "yaml-other"}
    covered = {header(p)[2] for p in CASES}
    assert codes <= covered, sorted(codes - covered)


@pytest.mark.slow
def test_any_small_slip_gives_a_clean_finding_and_both_readers_agree():
    """Random one-character slips in the tutorial story: never an exception, every finding
    printable in each language, and libyaml and the pure reader accept or refuse alike."""
    import random

    import yaml

    from game.story._pure_yaml import PureSafeLoader

    base = (Path(__file__).parents[1] / "authoring" / "mistakes" / "00-tutorial.yaml").read_text(
        "utf-8")
    slips = ["\t", "  ", ":", ": ", "- ", '"', "'", "”", "{", "}", "[", "]", ",", "#", "*", "&",
             "!", "?", "|", ">", "%", "@", "`", "\\", "\n"]
    rng = random.Random(16)
    for _ in range(400):
        i = rng.randrange(len(base))
        text = (base[:i] + rng.choice(slips) + base[i:]) if rng.random() < 0.7 else (
            base[:i] + base[i + rng.randint(1, 3):])
        for issue in check_bytes(text.encode(), Path("t.yaml"), shared_assets=None).issues:
            for lang in ("fi", "sv", "en"):
                assert issue.format(lang)
        verdicts = []
        for loader in (yaml.CSafeLoader, PureSafeLoader):
            try:
                list(yaml.parse(text, Loader=loader))
                verdicts.append(True)
            except yaml.YAMLError:
                verdicts.append(False)
        assert verdicts[0] == verdicts[1], text
