"""The command line as DESIGN.md specifies it: `run`, `schema`, help, and clean failures."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import launcher

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_STORY = ROOT / "tests" / "story" / "data" / "runtime.yaml"


def porukka(*args: str, stdin: str | None = "", env: dict | None = None):
    import os

    full_env = {**os.environ, "LANG": "en_US.UTF-8", **(env or {})}
    full_env.pop("LANGUAGE", None)
    full_env.pop("LC_ALL", None)
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"):  # the terminal, no screen
        if var not in (env or {}):
            full_env.pop(var, None)
    return subprocess.run(
        [sys.executable, "launcher.py", *args],
        cwd=ROOT, capture_output=True, text=True, input=stdin, env=full_env, timeout=60,
    )


@pytest.mark.slow
def test_run_json_has_exactly_the_specified_keys():
    res = porukka("run", str(RUNTIME_STORY), "--choose", "2,2", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out == {
        "story": "runtime-test",
        "path": ["alku", "puhelu", "loppu-hyva"],
        "choices": ["soita", "loppuun"],
        "variables": {"rahat": 30, "jaksaminen": 3, "soitti": True},
        "ending": "loppu-hyva",
    }


@pytest.mark.slow
def test_run_numbers_count_only_available_choices():
    # In 'alku' the third authored choice is hidden, so after a visit to the shop the choices
    # are numbered again among those shown: 3 = 'lepaa' once energy reaches 4.
    res = porukka("run", str(RUNTIME_STORY), "--choose", "1,3", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["path"] == ["alku", "kauppa", "alku", "loppu-hyva"]
    assert out["choices"] == ["osta", "lepaa"]


@pytest.mark.slow
def test_run_stops_when_numbers_run_out_with_null_ending():
    res = porukka("run", str(RUNTIME_STORY), "--choose", "1", "--json")
    assert res.returncode == 0
    out = json.loads(res.stdout)
    assert out["ending"] is None and out["path"] == ["alku", "kauppa", "alku"]


def test_run_unavailable_number_is_exit_2_naming_scene_and_choices():
    res = porukka("run", str(RUNTIME_STORY), "--choose", "3", "--json")
    assert res.returncode == 2
    assert "alku" in res.stderr and "1) Ostan" in res.stderr and "2) Soitan" in res.stderr
    assert "Traceback" not in res.stderr
    assert res.stdout == ""


@pytest.mark.parametrize("value", ["a,b", "0", "1,,2", "-1"])
def test_run_bad_choose_is_usage_error(value):
    res = porukka("run", str(RUNTIME_STORY), "--choose", value)
    assert res.returncode == 2
    assert "--choose" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.slow
def test_run_prints_story_text_in_chosen_language():
    res = porukka("run", str(RUNTIME_STORY), "--choose", "2,2", "--story-lang", "sv")
    assert res.returncode == 0, res.stderr
    assert "Pengar: 20 €." in res.stdout
    assert "Mira: Hej!" in res.stdout
    assert "1) Jag köper" in res.stdout
    assert "Slut: Bra" in res.stdout
    fi = porukka("run", str(RUNTIME_STORY), "--choose", "2,2")
    assert "Rahaa on 20 €." in fi.stdout and "Loppu: Hyvä" in fi.stdout


@pytest.mark.slow
def test_run_by_id_folder_and_file():
    for name in ("rahat-loppuu", "stories/rahat-loppuu", "stories/rahat-loppuu/story.yaml"):
        res = porukka("run", name, "--choose", "1", "--json")
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout)["story"] == "rahat-loppuu"


def test_run_reads_numbers_from_stdin_without_a_terminal():
    res = porukka("run", str(RUNTIME_STORY), "--json", stdin="2\n2\n")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["ending"] == "loppu-hyva"


@pytest.mark.slow
def test_run_missing_and_broken_stories(tmp_path):
    res = porukka("run", "no-such-story")
    assert res.returncode == 2 and "no-such-story" in res.stderr
    broken = tmp_path / "b.yaml"
    broken.write_text("format: 1\nid: b\nstart: x\nscenes:\n  a:\n    lines: [A]\n    goto: b\n")
    res = porukka("run", str(broken))
    assert res.returncode == 1
    assert "error[unknown-scene]" in res.stderr and "Traceback" not in res.stderr


def test_run_unknown_language_falls_back_with_a_note():
    res = porukka("run", str(RUNTIME_STORY), "--choose", "2,2", "--story-lang", "de", "--json")
    assert res.returncode == 0
    assert "'de'" in res.stderr


def test_extra_numbers_after_the_ending_are_an_error():
    res = porukka("run", str(RUNTIME_STORY), "--choose", "2,2,1", "--json")
    assert res.returncode == 2
    assert "loppu-hyva" in res.stderr


def test_demo_plays_to_an_ending_without_a_terminal():
    res = porukka(stdin="")
    assert res.returncode == 0, res.stderr
    assert "***" in res.stdout  # the ending's title line


@pytest.mark.slow
def test_schema_is_json_schema_and_matches_the_shipped_copy(tmp_path):
    res = porukka("schema")
    assert res.returncode == 0
    schema = json.loads(res.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"format", "id", "start", "scenes"} <= set(schema["required"])
    shipped = json.loads((ROOT / "docs" / "story.schema.json").read_text("utf-8"))
    assert shipped == schema, "regenerate: python launcher.py schema -o docs/story.schema.json"
    out = tmp_path / "s.json"
    assert porukka("schema", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text("utf-8")) == schema


def _commands() -> list[str]:
    parser = launcher.build_parser("en")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_and_is_documented(command):
    res = porukka(command, "--help")
    assert res.returncode == 0 and "usage:" in res.stdout
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"launcher.py {command}" in readme or f"porukka {command}" in readme


@pytest.mark.parametrize("lang,word", [("fi", "tarina"), ("sv", "berättelse"), ("en", "story")])
def test_help_in_three_languages(lang, word):
    res = porukka("run", "--help", env={"LANG": f"{lang}_FI.UTF-8"})
    assert word in res.stdout.lower()


def test_unknown_command_is_usage_error():
    res = porukka("frobnicate")
    assert res.returncode == 2 and "Traceback" not in res.stderr


def test_an_unexpected_error_is_a_message_not_a_traceback(monkeypatch, capsys):
    parser = launcher.build_parser("en")
    args = parser.parse_args(["validate", "stories"])
    monkeypatch.setattr(launcher, "build_parser", lambda ui: _Fixed(args))
    assert launcher.main(["validate", "stories"]) == 1
    err = capsys.readouterr().err
    assert "disk on fire" in err and "Traceback" not in err and "--verbose" in err


class _Fixed:
    def __init__(self, args):
        args.handler = lambda a, ui: (_ for _ in ()).throw(RuntimeError("disk on fire"))
        args.verbose = False
        self.args = args

    def parse_args(self, argv):
        return self.args


SHARED_HELPERS = {"has_screen", "_has_screen", "_size", "parse_size", "parse_day", "_day",
                  "_load_for_play", "_find_story", "_play_language", "_text_language"}
EXIT_NAMES = {"EXIT_OK", "EXIT_ERRORS", "EXIT_PROBLEMS", "EXIT_USAGE", "EXIT_INTERRUPTED"}


def _sources() -> list[Path]:
    return [ROOT / "launcher.py", *sorted((ROOT / "game").rglob("*.py")),
            *sorted((ROOT / "facilitator").rglob("*.py"))]


def test_each_fact_of_the_command_line_is_defined_once():
    """The vote modes, the exit codes, the demo story and the shared helpers (screen, size,
    date, story loading) once had copies in four modules; each now has one definition."""
    import ast

    from game.constants import DEMO_STORY, VOTE_MODES

    where: dict[str, set[str]] = {"vote modes": set(), "exit codes": set(), "demo": set(),
                                  "helpers": set()}
    for path in _sources():
        name = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Tuple | ast.List | ast.Set):
                words = {e.value for e in node.elts if isinstance(e, ast.Constant)}
                if set(VOTE_MODES) <= words:
                    where["vote modes"].add(name)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id in EXIT_NAMES for t in targets):
                    where["exit codes"].add(name)
            elif isinstance(node, ast.Constant) and node.value == DEMO_STORY:
                where["demo"].add(name)
            elif isinstance(node, ast.FunctionDef) and node.name in SHARED_HELPERS:
                where["helpers"].add(name)
    assert where == {"vote modes": {"game/constants.py"}, "exit codes": {"game/cli.py"},
                     "demo": {"game/constants.py"}, "helpers": {"game/cli.py"}}


def test_the_vote_modes_offered_are_the_one_definition():
    from game.constants import VOTE_MODES
    from game.play.events import VOTE_MODES as PLAY_MODES

    parser = launcher.build_parser("en")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    offered = {a.dest: a.choices for a in sub.choices["play"]._actions}
    simulated = {a.dest: a.choices for a in sub.choices["simulate"]._actions}
    assert offered["vote"] is VOTE_MODES and simulated["vote_mode"] is VOTE_MODES
    assert PLAY_MODES is VOTE_MODES
