"""One test per code the loader and validator report, with its severity, line and column.

Each `test_code_*` test writes its story as literal YAML (dedented: line 1 is the line right
after the opening quotes) and checks the one issue the rule is about. Positions are 1-based
and point at the node the rule is about: an unknown key at the key, an unknown name at the
value naming it, a condition problem at the character inside the expression, a scene-level
finding at the scene's key.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import string
import subprocess
import sys
import time
from pathlib import Path

import pytest

import game.story
from game.i18n import LANGUAGES as LANGS
from game.i18n import entries
from game.story import validate
from game.story.loader import check_bytes, check_file, validate_paths
from game.story.yamlsource import MAX_DEPTH, MAX_FILE_BYTES

from .._catalogue import validator_codes
from ._stories import MINIMAL, PRODUCED, check, describe, expect, png_header, story_text
from .test_hostile import LIMIT_CODES
from .test_novice_mistakes import NOVICE_CODES

REPO_ROOT = Path(__file__).resolve().parents[2]


# --- a clean story ---------------------------------------------------------------------------


def test_minimal_story_has_no_issues(tmp_path):
    result = check_bytes(MINIMAL.encode(), tmp_path / "story.yaml", shared_assets=None)
    assert result.issues == [], describe(result.issues)
    assert result.ok
    assert result.loaded is not None and result.loaded.story.id == "testi"


# --- reading the file ----------------------------------------------------------------------------


def test_code_no_file(tmp_path):
    result = check_file(tmp_path / "puuttuu.yaml")
    expect(result.issues, "no-file", "error", 1, 1)
    assert result.loaded is None


def test_code_no_story_yaml(tmp_path):
    folder = tmp_path / "tarina"
    folder.mkdir()
    result = check_file(folder)
    expect(result.issues, "no-story-yaml", "error", 1, 1)


def test_code_unreadable(tmp_path):
    not_a_folder = tmp_path / "tiedosto"
    not_a_folder.write_text("x")
    result = check_file(not_a_folder / "story.yaml")
    issue = expect(result.issues, "unreadable", "error", 1, 1)
    assert issue.params["reason"]


def test_code_duplicate_story_id(tmp_path):
    first = tmp_path / "eka.yaml"
    second = tmp_path / "toka.yaml"
    first.write_text(MINIMAL, "utf-8")
    second.write_text(MINIMAL.replace("id: testi", "id:   testi"), "utf-8")
    results = validate_paths([first, second])
    assert results[0].ok and results[0].issues == []
    # line 2 is "id:   testi": the id's value starts in column 7
    issue = expect(results[1].issues, "duplicate-story-id", "error", 2, 7)
    assert not results[1].ok
    assert issue.params["id"] == "testi"


def test_code_file_too_large(tmp_path):
    raw = b"format: 1\n" + b"# " + b"x" * MAX_FILE_BYTES + b"\n"
    expect(check(tmp_path, raw), "file-too-large", "error", 1, 1)


def test_code_not_utf8(tmp_path):
    # 0x81 is neither UTF-8 nor a Windows letter: line 2, column 6.
    raw = b"format: 1\nid: t\x81sm\n"
    expect(check(tmp_path, raw), "not-utf8", "error", 2, 6)


def test_code_empty_file(tmp_path):
    expect(check(tmp_path, "# vain kommentti\n"), "empty-file", "error", 1, 1)


def test_code_not_mapping(tmp_path):
    issues = check(tmp_path, """\
        # a list instead of keys and values
        - format: 1
        - id: testi
        """)
    expect(issues, "not-mapping", "error", 2, 1)


def test_a_yaml_syntax_error_is_named_by_its_cause(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        title: Huomio: tämä ei käy
        """)
    # YAML gives up at the second ': ' (column 14); the quote goes before the text (column 8).
    issue = expect(issues, "yaml-colon-in-text", "error", 2, 8)
    assert issue.hint_text("en") == 'put the whole text in quotes: "Huomio: tämä ei käy"'


def test_code_yaml_anchor(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        title: &otsikko Testi
        description: *otsikko
        """)
    expect(issues, "yaml-anchor", "error", 2, 8)


def test_code_yaml_tag(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: !!python/object/apply:os.system ["echo hei"]
        """)
    issue = expect(issues, "yaml-tag", "error", 3, 8)
    assert issue.params["tag"] == "!!python/object/apply:os.system"
    assert "!!python/object/apply:os.system" in issue.message()


def test_code_yaml_documents(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        ---
        format: 1
        """)
    expect(issues, "yaml-documents", "error", 3, 1)


def test_code_too_deep(tmp_path):
    # The top-level mapping is level 1; the 33rd nested "[" (column 35) is one too many.
    issues = check(tmp_path, "format: 1\nx: " + "[" * 40 + "]" * 40 + "\n")
    expect(issues, "too-deep", "error", 2, 3 + MAX_DEPTH)


def test_code_complex_key(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        ? [a, b]
        : c
        """)
    expect(issues, "complex-key", "error", 2, 3)


def test_code_duplicate_key(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        id: toinen
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    issue = expect(issues, "duplicate-key", "error", 4, 1)
    assert issue.params == {"key": "id", "first_line": 2}


# --- shapes and types ---------------------------------------------------------------------------


def test_code_unknown_key(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            choises:
              - text: Jään kotiin.
                goto: loppu
              - text: Lähden ulos.
                goto: loppu
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    issue = expect(issues, "unknown-key", "error", 7, 5)
    assert issue.params["hint"] == "choices"


def test_code_missing_field(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            choices:
              - text: Jään kotiin.
                goto: kotona
                domains: [arki]
              - text: Lähden ulos.
                domains: [yhdessa]
          kotona:
            lines: [Kotona.]
            end: {}
        """)
    # The second choice (its mapping starts at line 11, column 9) has no goto.
    issue = expect(issues, "missing-field", "error", 11, 9)
    assert issue.params["field"] == "goto"


def test_missing_top_level_field_points_at_the_first_key(tmp_path):
    issues = check(tmp_path, """\
        # Testitarina
        format: 1
        id: testi
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    issue = expect(issues, "missing-field", "error", 2, 1)
    assert issue.params["field"] == "start"


def test_code_format_version(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("format: 1", "format: 2"))
    expect(issues, "format-version", "error", 1, 9)


def test_code_bad_story_id(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("id: testi", "id: Testi_1"))
    expect(issues, "bad-story-id", "error", 2, 5)


def test_code_bad_value(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Loppu.]
            end: {title: Loppu, mood: sad}
        """)
    issue = expect(issues, "bad-value", "error", 7, 31)
    assert issue.params["value"] == "sad"


def test_code_not_positive(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        minutes: 0
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    expect(issues, "not-positive", "error", 4, 10)


def test_code_wrong_type(tmp_path):
    # YAML 1.2: `yes` is a word, not true.
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            reflect: yes
            end: {}
        """)
    issue = expect(issues, "wrong-type", "error", 7, 14)
    assert issue.params == {"field": "reflect", "expected": "bool", "found": "text"}


# --- names ------------------------------------------------------------------------------------


def test_code_bad_name(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          2kertaa: {initial: 0}
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    issue = expect(issues, "bad-name", "error", 5, 3)
    assert issue.params["kind"] == "variable"


def test_code_unknown_scene(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("goto: kotona", "goto: kotonna"))
    # line 9 is "        goto: kotonna"
    issue = expect(issues, "unknown-scene", "error", 9, 15)
    assert issue.params["hint"] == "kotona"


def test_code_unknown_variable(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          rahat: {initial: 140}
        scenes:
          alku:
            lines:
              - Tilillä on {rahat} €, ja {nimi} miettii.
            end: {}
        """)
    issue = expect(issues, "unknown-variable", "error", 9, 35)
    assert issue.params["name"] == "nimi"


def test_code_unknown_character(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        characters:
          mira: {name: Mira}
        scenes:
          alku:
            lines:
              - who: mirra
                text: Moi!
            end: {}
        """)
    issue = expect(issues, "unknown-character", "error", 9, 14)
    assert issue.params["hint"] == "mira"


def test_code_unknown_domain(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("domains: [arki]", "domains: [arkki]"))
    # line 10 is "        domains: [arkki]"
    issue = expect(issues, "unknown-domain", "error", 10, 19)
    assert issue.params["hint"] == "arki"


def test_code_duplicate_domain(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        domains: [arki, yhdessa, arki]
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    expect(issues, "duplicate-domain", "error", 4, 26)


# --- languages and texts -----------------------------------------------------------------------


def test_code_no_languages(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("start: alku", "start: alku\nlanguages: []"))
    expect(issues, "no-languages", "error", 4, 12)


def test_code_bad_language(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("start: alku", "start: alku\nlanguages: [fi, EN]"))
    issue = expect(issues, "bad-language", "error", 4, 17)
    assert issue.params["code"] == "EN"


def test_code_duplicate_language(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("start: alku",
                                             "start: alku\nlanguages: [fi, en, fi]"))
    expect(issues, "duplicate-language", "error", 4, 21)


def test_code_unlisted_language(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        languages: [fi, en]
        title: {fi: Testi, en: Test, sv: Test}
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    issue = expect(issues, "unlisted-language", "error", 5, 30)
    assert issue.params["code"] == "sv"


def test_code_missing_translation(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        languages: [fi, en, fi-selko]
        title: {fi: Testi}
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    # fi-selko falls back to fi, so only en is missing.
    issue = expect(issues, "missing-translation", "warning", 5, 8)
    assert issue.params["missing"] == "en"


def test_code_text_too_long(tmp_path):
    long_text = "a" * 2001
    issues = check(tmp_path, f"""\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines:
              - Lyhyt rivi.
              - {long_text}
            end: {{}}
        """)
    issue = expect(issues, "text-too-long", "error", 8, 9)
    assert issue.params["length"] == 2001


def test_code_bad_placeholder(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines:
              - "Aaltosulje { yksin"
            end: {}
        """)
    expect(issues, "bad-placeholder", "error", 7, 21)


def test_code_long_scene(tmp_path):
    a, b = "a" * 400, "b" * 400
    issues = check(tmp_path, f"""\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines:
              - {a}
              - {b}
            end: {{}}
        """)
    issue = expect(issues, "long-scene", "warning", 6, 5)
    assert issue.params["length"] == 800


# --- scenes and choices ------------------------------------------------------------------------


@pytest.mark.slow
def test_code_too_many_scenes(tmp_path):
    n = validate.MAX_SCENES
    head = "format: 1\nid: testi\nstart: s0\nscenes:\n"
    body = "".join(f"  s{i}: {{lines: [x], goto: s{i + 1}}}\n" for i in range(n))
    tail = f"  s{n}: {{lines: [x], end: {{}}}}\n"  # scene number 20,001
    issues = check(tmp_path, head + body + tail)
    issue = expect(issues, "too-many-scenes", "error", 4, 1)
    assert issue.params == {"count": n + 1, "limit": 20_000}


def test_code_scene_exit(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            goto: loppu
            end: {}
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    issue = expect(issues, "scene-exit", "error", 5, 3)
    assert "goto, end" in issue.message()


def test_scene_without_any_exit(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
        """)
    issue = expect(issues, "scene-exit", "error", 5, 3)
    assert "(it has none)" in issue.message()


def test_code_empty_lines(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: []
            goto: loppu
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    expect(issues, "empty-lines", "error", 5, 3)


def test_code_too_few_choices(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            choices:
              - text: Ainoa vaihtoehto.
                goto: loppu
                domains: [arki]
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    expect(issues, "too-few-choices", "error", 7, 5)


def _choices(n: int) -> str:
    return "".join(
        f"      - {{id: c{i}, text: Vaihtoehto {i}., goto: loppu, domains: [arki]}}\n"
        for i in range(1, n + 1)
    )


def test_code_too_many_choices(tmp_path):
    issues = check(tmp_path, f"""\
format: 1
id: testi
start: alku
scenes:
  alku:
    lines: [Hei.]
    choices:
{_choices(7)}\
  loppu:
    lines: [Loppu.]
    end: {{}}
""")
    expect(issues, "too-many-choices", "error", 7, 5)


def test_code_many_choices(tmp_path):
    issues = check(tmp_path, f"""\
format: 1
id: testi
start: alku
scenes:
  alku:
    lines: [Hei.]
    choices:
{_choices(5)}\
  loppu:
    lines: [Loppu.]
    end: {{}}
""")
    expect(issues, "many-choices", "warning", 7, 5)


def test_code_duplicate_choice_id(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            choices:
              - id: sama
                text: Ensimmäinen.
                goto: loppu
                domains: [arki]
              - id: sama
                text: Toinen.
                goto: loppu
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    issue = expect(issues, "duplicate-choice-id", "error", 12, 13)
    assert issue.params["first"] == 1


def test_choices_to_the_same_scene_need_ids(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            choices:
              - text: Ensimmäinen.
                goto: loppu
                domains: [arki]
              - text: Toinen.
                goto: loppu
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    issue = expect(issues, "duplicate-choice-id", "error", 11, 9)
    assert issue.params["implicit"] is True


def test_code_all_choices_conditional(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          rahat: {initial: 10}
        scenes:
          alku:
            lines: [Hei.]
            choices:
              - text: Leffaan.
                if: rahat >= 15
                goto: loppu
                domains: [yhdessa]
              - text: Kävelylle.
                if: rahat < 15
                goto: loppu2
          loppu:
            lines: [Loppu.]
            end: {}
          loppu2:
            lines: [Loppu.]
            end: {}
        """)
    expect(issues, "all-choices-conditional", "warning", 9, 5)


def test_code_trapped(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            choices:
              - text: Kotiin.
                goto: loppu
                domains: [arki]
              - text: Kehään.
                goto: kehä
          kehä:
            lines: [Taas täällä.]
            goto: kehä
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    # Reported once, at the goto that closes the loop (line 15, `goto: kehä`).
    issue = expect(issues, "trapped", "error", 15, 11)
    assert issue.params == {"scene": "kehä", "to": "kehä"}


def test_code_unreachable(tmp_path):
    issues = check(tmp_path, MINIMAL + "  unohdettu:\n    lines: [Kukaan ei tule tänne.]\n"
                               "    goto: kotona\n")
    # MINIMAL has 19 lines; the new scene's key is line 20.
    expect(issues, "unreachable", "warning", 20, 3)


def test_code_no_domains(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines: [Hei.]
            choices:
              - {text: Kotiin., goto: kotona}
              - {text: Ulos., goto: ulkona}
          kotona: {lines: [Kotona.], end: {}}
          ulkona: {lines: [Ulkona.], end: {}}
        """)
    expect(issues, "no-domains", "warning", 4, 1)


# --- variables ---------------------------------------------------------------------------------


def test_code_bool_range(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          soitti: {initial: false, max: 3}
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    expect(issues, "bool-range", "error", 5, 28)


def test_code_min_over_max(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          rahat: {initial: 5, min: 10, max: 0}
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    expect(issues, "min-over-max", "error", 5, 28)


def test_code_initial_range(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          jaksaminen: {initial: 7, min: 0, max: 5}
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    issue = expect(issues, "initial-range", "error", 5, 25)
    assert "7" in issue.message() and "0…5" in issue.message()


def test_code_add_bool(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          soitti: {initial: false}
        scenes:
          alku:
            lines: [Hei.]
            add: {soitti: 1}
            end: {}
        """)
    expect(issues, "add-bool", "error", 9, 11)


def test_code_set_type(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          rahat: {initial: 140}
        scenes:
          alku:
            lines: [Hei.]
            set: {rahat: true}
            end: {}
        """)
    issue = expect(issues, "set-type", "error", 9, 18)
    assert issue.message("en") == "'rahat' holds a whole number; set it to a value of the same kind"


# --- conditions --------------------------------------------------------------------------------


def test_code_condition_syntax(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          rahat: {initial: 140}
        scenes:
          alku:
            lines:
              - text: Rahaa on tasan kaksi.
                if: rahat = 2
            end: {}
        """)
    issue = expect(issues, "condition-syntax", "error", 10, 19)
    assert issue.params["problem"] == "single-equals"


def test_code_condition_type(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          soitti: {initial: false}
        scenes:
          alku:
            lines:
              - text: Jotain.
                if: 'soitti + 1 > 2'
            end: {}
        """)
    issue = expect(issues, "condition-type", "error", 10, 21)
    assert issue.params["problem"] == "arith-bool"


@pytest.mark.parametrize(
    ("condition", "code", "problem", "column"),
    [
        # column of the condition's first character is 13 ("        if: " is 12 wide)
        ("rahat > 2 and soitti > 1", "condition-type", "mixed-compare", 34),
        ("rahat == true", "condition-type", "mixed-compare", 19),
        ("not rahat", "condition-type", "not-number", 13),
        ("rahat or soitti", "condition-type", "logic-number", 19),
        ("rahat >= true", "condition-type", "mixed-compare", 19),
        ("soitti < false", "condition-type", "order-bool", 20),
        ("rahat", "condition-type", "not-bool", 13),
        ("rahat > 2 && soitti", "condition-syntax", "char", 23),
        ("(rahat > 1", "condition-syntax", "close-paren", 23),
        ("rahat > 1 > 0", "condition-syntax", "chained", 23),
        ("and rahat", "condition-syntax", "keyword", 13),
        ("seen alku", "condition-syntax", "seen-paren", 18),
        ("seen()", "condition-syntax", "seen-id", 18),
        ("rahat >", "condition-syntax", "missing-operand", 20),
        ("rahat > 1 )", "condition-syntax", "unexpected", 23),
        ("not seen(alkku)", "unknown-scene", None, 22),
        ("rahta > 2", "unknown-variable", None, 13),
    ],
)
def test_condition_errors_point_into_the_expression(tmp_path, condition, code, problem, column):
    issues = check(tmp_path, f"""\
        format: 1
        id: testi
        start: alku
        variables:
          rahat: {{initial: 5}}
          soitti: {{initial: false}}
        scenes:
          alku:
            lines:
              - text: Jotain.
                if: {condition}
            end: {{}}
        """)
    issue = expect(issues, code, "error", 11, column)
    if problem is not None:
        assert issue.params["problem"] == problem


def test_empty_condition(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            lines:
              - text: Jotain.
                if: ""
            end: {}
        """)
    issue = expect(issues, "condition-syntax", "error", 8, 14)
    assert issue.params["problem"] == "empty"


def test_positions_inside_multi_line_scalars(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          rahat: {initial: 5}
        scenes:
          alku:
            lines:
              - Tämä pitkä rivi jatkuu
                seuraavalle riville, jossa on {nimi}.
              - text: |
                  Ensimmäinen rivi.
                  Toinen rivi {kolmas}.
                if: rahat > 1 and
                  rahatt > 2
              - text: Jotain.
                if: |
                  rahat > 1 and
                  rahat >
            end: {}
        """)
    found = {(i.code, i.params.get("name"), i.params.get("problem")): (i.line, i.column)
             for i in issues}
    assert found == {
        ("unknown-variable", "nimi", None): (10, 40),
        ("unknown-variable", "kolmas", None): (13, 24),
        ("unknown-variable", "rahatt", None): (15, 11),
        ("condition-syntax", None, "missing-operand"): (19, 18),
    }, describe(issues)
    for issue in issues:
        assert "\n" not in issue.headline(), "an issue's headline is one line"


# --- characters and assets ---------------------------------------------------------------------


def test_code_bad_color(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        characters:
          mira: {name: Mira, color: red}
        scenes:
          alku: {lines: [Hei.], end: {}}
        """)
    expect(issues, "bad-color", "error", 5, 29)


ASSET_STORY = """\
    format: 1
    id: testi
    start: alku
    scenes:
      alku:
        background: {ref}
        lines: [Hei.]
        end: {{}}
    """
"""An asset reference on line 6; its value starts in column 17."""


def _asset_issues(tmp_path: Path, ref: str, shared: Path | None = None) -> list:
    return check(tmp_path, ASSET_STORY.format(ref=ref), shared=shared)


def test_code_asset_path_absolute(tmp_path):
    issue = expect(_asset_issues(tmp_path, "/etc/kuva.png"), "asset-path", "error", 6, 17)
    assert issue.params["problem"] == "absolute"


def test_code_asset_path_climbs(tmp_path):
    story = tmp_path / "tarina"
    story.mkdir()
    (tmp_path / "ulkona.png").write_bytes(png_header(10, 10))
    issue = expect(_asset_issues(story, "../ulkona.png"), "asset-path", "error", 6, 17)
    assert issue.params["problem"] == "climbs"


def test_code_asset_type(tmp_path):
    (tmp_path / "kuva.gif").write_bytes(b"GIF89a")
    issue = expect(_asset_issues(tmp_path, "kuva.gif"), "asset-type", "error", 6, 17)
    assert issue.params["kind"] == "image"


def test_code_missing_asset(tmp_path):
    expect(_asset_issues(tmp_path, "keittio.png"), "missing-asset", "error", 6, 17)


def test_code_bad_image(tmp_path):
    (tmp_path / "keittio.png").write_bytes(b"this is not a picture")
    expect(_asset_issues(tmp_path, "keittio.png"), "bad-image", "error", 6, 17)


def test_code_image_too_large(tmp_path):
    (tmp_path / "keittio.png").write_bytes(png_header(8193, 600))
    issue = expect(_asset_issues(tmp_path, "keittio.png"), "image-too-large", "error", 6, 17)
    assert (issue.params["width"], issue.params["height"]) == (8193, 600)


def test_code_bad_sound(tmp_path):
    (tmp_path / "ovikello.ogg").write_bytes(b"not a sound at all")
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        scenes:
          alku:
            sound: ovikello.ogg
            lines: [Hei.]
            end: {}
        """)
    expect(issues, "bad-sound", "error", 6, 12)


def test_good_assets_pass(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "yhteinen.png").write_bytes(png_header(1280, 720))
    (tmp_path / "iso.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="3000"/>', "utf-8")
    (tmp_path / "musa.ogg").write_bytes(b"OggS\x00\x02" + b"\x00" * 22)
    (tmp_path / "kello.wav").write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt ")
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        characters:
          mira: {name: Mira, image: iso.svg}
        scenes:
          alku:
            background: yhteinen.png
            music: musa.ogg
            sound: kello.wav
            lines: [Hei.]
            end: {}
        """, shared=shared)
    assert issues == [], describe(issues)


# --- hints ------------------------------------------------------------------------------------


def test_did_you_mean_hints(tmp_path):
    issues = check(tmp_path, """\
        format: 1
        id: testi
        start: alku
        variables:
          rahat: {initial: 140}
        scenes:
          alku:
            lines:
              - text: Rahaa on.
                if: rahta > 10
            choices:
              - text: Jään kotiin.
                goto: kotonna
                domains: [arki]
              - text: Lähden ulos.
                goto: kotona
                domains: [yhdessa]
          kotona:
            lines: [Kotona.]
            end: {}
        """)
    variable = expect(issues, "unknown-variable", "error", 10, 13)
    assert variable.params["hint"] == "rahat"
    assert variable.message("en").endswith("(did you mean 'rahat'?)")
    assert variable.message("fi").endswith("(tarkoititko 'rahat'?)")
    assert variable.message("sv").endswith("(menade du 'rahat'?)")
    scene = expect(issues, "unknown-scene", "error", 13, 15)
    assert scene.message("en") == "there is no scene 'kotonna' (did you mean 'kotona'?)"

    typo = check(tmp_path, MINIMAL.replace("goto: kotona", "gotto: kotona"))
    key = expect(typo, "unknown-key", "error", 9, 9)
    assert key.message("en") == "unknown key 'gotto' (did you mean 'goto'?)"


def test_unknown_key_without_a_close_match_lists_the_allowed_keys(tmp_path):
    issues = check(tmp_path, MINIMAL.replace("mood: hopeful", "tunnelma: hopeful"))
    issue = expect(issues, "unknown-key", "error", 16, 26)
    assert issue.message("en") == "unknown key 'tunnelma'; allowed here: title, mood"


# --- every code, every language ----------------------------------------------------------------


def _code_tests() -> dict[str, object]:
    return {name: fn for name, fn in globals().items()
            if name.startswith("test_code_") and callable(fn)}


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.slow
def test_every_code_has_a_test_and_renders_in_every_language(tmp_path_factory):
    PRODUCED.clear()
    for name, fn in _code_tests().items():
        kwargs = {}
        if "tmp_path" in inspect.signature(fn).parameters:
            kwargs["tmp_path"] = tmp_path_factory.mktemp(name.removeprefix("test_code_"))
        fn(**kwargs)
    produced = {issue.code for issue in PRODUCED}
    # The limit codes against hostile stories and the file-layout codes have their own tests
    # (tests/story/test_hostile.py, the corpus of tests/story/test_novice_mistakes.py).
    codes = validator_codes() - LIMIT_CODES - NOVICE_CODES
    assert produced == codes, (
        f"codes without a test: {sorted(codes - produced)}; "
        f"codes not in the catalog: {sorted(produced - codes)}"
    )
    # Fields filled in from small word tables may not be left over either.
    word_fields = {"hint", "allowed", "given", "text", "op", "declare", "implicit", "dash"}
    for issue in PRODUCED:
        texts = {lang: issue.message(lang) for lang in LANGS}
        for lang, text in texts.items():
            assert text.strip(), (issue.code, lang)
            assert "\n" not in text, (issue.code, lang, text)
            templates = entries(lang)[issue.code]
            leftover = [f for f in set().union(*map(_fields, templates)) | word_fields
                        if "{" + f + "}" in text]
            assert not leftover, (issue.code, lang, text)
        assert len(set(texts.values())) == len(LANGS), (issue.code, texts)


CODE_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Where the code stands among the positional arguments of each call that reports one.
EMITTERS = {"error": 0, "warning": 0, "issue": 1, "_fatal": 3, "_unknown": 1,
            "ConditionError": 0, "Issue": -2, "PictureProblem": 0, "found": 0,
            "value_issue": 0}


def test_every_emitted_code_is_in_the_catalog():
    """The codes the source can report (by reading it) and the message catalog agree."""
    package = Path(game.story.__file__).parent
    emitted: set[str] = set()
    for module in ("validate.py", "yamlsource.py", "loader.py", "conditions.py",
                   "pictures.py", "_yaml_diagnose.py", "_novice.py"):
        tree = ast.parse((package / module).read_text("utf-8"))
        for node in ast.walk(tree):
            values: list[ast.expr] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                index = EMITTERS.get(name)
                if index is not None and -len(node.args) <= index < len(node.args):
                    values = [node.args[index]]
                values += [k.value for k in node.keywords if k.arg == "code"]
            elif (isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple)
                  and isinstance(node.value, ast.Tuple)):
                first = node.targets[0].elts[0]
                if isinstance(first, ast.Name) and first.id == "code":
                    values = [node.value.elts[0]]
            for value in values:
                if (isinstance(value, ast.Constant) and isinstance(value.value, str)
                        and CODE_RE.fullmatch(value.value)):
                    emitted.add(value.value)
    assert emitted == validator_codes()


# --- refused quickly ---------------------------------------------------------------------------

BILLION_LAUGHS = """\
format: 1
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

REFUSED = {
    "billion-laughs": (BILLION_LAUGHS.encode(), "yaml-anchor", (2, 4)),
    "python-tag": (b"format: 1\nid: !!python/object:os.system {}\n", "yaml-tag", (2, 5)),
    "not-utf8": (b"format: 1\ntitle: \xff\xfe\n", "not-utf8", (2, 8)),
    "over-5-mb": (b"format: 1\ntitle: " + b"a" * MAX_FILE_BYTES + b"\n", "file-too-large",
                  (1, 1)),
    "nested-40": (("format: 1\n" + "".join("  " * i + f"k{i}:\n" for i in range(40))
                   + "  " * 40 + "v: 1\n").encode(), "too-deep", (34, 65)),
    "top-level-list": (b"- format: 1\n- id: testi\n", "not-mapping", (1, 1)),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_refused_quickly(tmp_path, case):
    raw, code, position = REFUSED[case]
    started = time.perf_counter()
    result = check_bytes(raw, tmp_path / "story.yaml")
    elapsed = time.perf_counter() - started
    assert [(i.code, (i.line, i.column)) for i in result.issues] == [(code, position)]
    assert result.loaded is None
    assert elapsed < 1.0, f"{case} took {elapsed:.2f} s"


def test_large_file_on_disk_is_refused_quickly(tmp_path):
    path = tmp_path / "story.yaml"
    path.write_bytes(b"format: 1\n" + b"#" * (MAX_FILE_BYTES + 100) + b"\n")
    started = time.perf_counter()
    result = check_file(path)
    assert time.perf_counter() - started < 1.0
    assert [i.code for i in result.issues] == ["file-too-large"]


# --- the command line --------------------------------------------------------------------------

LINE_RE = re.compile(r"^(.*):(\d+):(\d+): (error|warning)\[([a-z0-9-]+)\]: (.*)$")
# Under each headline: the source line and a caret under the place (` 9 | ...`, `   | ^`), and
# how to fix it (`  = fix: ...`).
BELOW_RE = re.compile(r"^ *(\d+ )?\|( .*)?$|^ += .+$")


def _headlines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if LINE_RE.match(line)]


def _validate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "launcher.py", "validate", *args],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
    )


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(story_text(text), "utf-8")
    return path


BROKEN = """\
format: 1
id: rikki
start: alku
scenes:
  alku:
    lines: [Hei.]
    choices:
      - text: Jään kotiin.
        gotto: kotona
        domains: [arki]
      - text: Lähden ulos.
        goto: ulkona
  ulkona:
    lines: [Ulkona.]
    end: {mood: sad}
"""


@pytest.mark.slow
def test_cli_clean_story_exits_0(tmp_path):
    path = _write(tmp_path, "story.yaml", MINIMAL)
    proc = _validate(str(path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""


@pytest.mark.slow
def test_cli_warnings_only_exit_0(tmp_path):
    path = _write(tmp_path, "story.yaml", MINIMAL + "  unohdettu:\n    lines: [x]\n"
                                                      "    goto: kotona\n")
    proc = _validate(str(path), "--lang", "en")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (line,) = _headlines(proc.stdout)
    assert line.endswith(":20:3: warning[unreachable]: scene 'unohdettu' cannot be reached "
                         "from the start")


@pytest.mark.slow
def test_cli_errors_exit_1(tmp_path):
    path = _write(tmp_path, "story.yaml", BROKEN)
    proc = _validate(str(path), "--lang", "en")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert f"{path}:9:9: error[unknown-key]: unknown key 'gotto' (did you mean 'goto'?)" in lines
    assert all(LINE_RE.match(line) or BELOW_RE.match(line) for line in lines), lines
    assert LINE_RE.match(lines[0])


@pytest.mark.slow
def test_cli_missing_path_exits_2(tmp_path):
    proc = _validate(str(tmp_path / "ei-ole.yaml"))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "ei-ole.yaml" in proc.stderr


@pytest.mark.slow
def test_cli_json_has_the_same_findings_as_text(tmp_path):
    broken = _write(tmp_path, "rikki.yaml", BROKEN)
    clean = _write(tmp_path, "ehja.yaml", MINIMAL)
    text = _validate(str(broken), str(clean), "--lang", "en")
    js = _validate(str(broken), str(clean), "--lang", "en", "--format", "json")
    assert text.returncode == js.returncode == 1
    body = json.loads(js.stdout)
    from_text = [LINE_RE.match(line).groups() for line in _headlines(text.stdout)]
    from_json = [(i["file"], str(i["line"]), str(i["column"]), i["severity"], i["code"],
                  i["message"]) for i in body["issues"]]
    assert from_json == from_text
    assert len(from_json) >= 2
    for issue in body["issues"]:
        assert issue["excerpt"] in text.stdout
        assert (issue["end_line"], issue["end_column"]) > (issue["line"], issue["column"])
        assert "hint" in issue
    assert body["errors"] == sum(1 for i in body["issues"] if i["severity"] == "error")
    assert {(Path(f["file"]).name, f["ok"]) for f in body["files"]} == {
        ("rikki.yaml", False), ("ehja.yaml", True)}


@pytest.mark.slow
def test_cli_lang_fi_speaks_finnish(tmp_path):
    path = _write(tmp_path, "story.yaml", BROKEN)
    proc = _validate(str(path), "--lang", "fi")
    assert proc.returncode == 1
    assert "error[unknown-key]: tuntematon avain 'gotto' (tarkoititko 'goto'?)" in proc.stdout
    js = json.loads(_validate(str(path), "--lang", "fi", "--format", "json").stdout)
    messages = {i["code"]: i["message"] for i in js["issues"]}
    assert messages["unknown-key"] == "tuntematon avain 'gotto' (tarkoititko 'goto'?)"
