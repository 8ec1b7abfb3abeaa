"""The authoring commands on the command line: help, exit codes, and no traceback ever."""

from __future__ import annotations

import pytest

from game.i18n import LANGUAGES, entries

from ._helpers import porukka, write

COMMANDS = [["graph"], ["test"], ["strings"], ["strings", "export"], ["strings", "import"],
            ["import-twee"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help(command):
    res = porukka(*command, "--help")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("usage: porukka " + " ".join(command))


@pytest.mark.parametrize("lang,word", [("fi", "tarina"), ("sv", "berättelse"), ("en", "story")])
def test_help_in_three_languages(lang, word):
    res = porukka("graph", "--help", env={"LANG": f"{lang}_FI.UTF-8"})
    assert word in res.stdout.lower()


def test_the_tools_strings_are_in_the_catalogue_in_three_languages():
    tools = ("graph", "test", "plan", "strings", "twee")
    ours = {lang: {k for k in entries(lang) if k.split("-")[0] in tools} for lang in LANGUAGES}
    assert len(ours["en"]) > 60
    assert ours["fi"] == ours["sv"] == ours["en"]


def test_strings_without_an_action_is_usage():
    res = porukka("strings")
    assert res.returncode == 2 and "export|import" in res.stderr


@pytest.mark.parametrize("args", [
    ["graph"],
    ["test"],
    ["strings", "export", "rahat-loppuu"],
    ["import-twee", "x.twee"],
    ["test", "stories", "--seed", "x"],
])
def test_missing_arguments_are_usage_errors(args):
    res = porukka(*args)
    assert res.returncode == 2 and "Traceback" not in res.stderr


GARBAGE = {
    "binary": b"\x00\x01\x02\xff\xfe",
    "not-yaml": b"format: 1\nid: [\n",
    "list": b"- a\n- b\n",
    "empty": b"",
    "anchor": b"format: 1\nid: &x a\nstart: *x\nscenes: {}\n",
    "wrong-shape": b"format: 1\nid: x\nstart: a\nscenes: 3\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(GARBAGE))
def test_bad_story_files_never_give_a_traceback(tmp_path, kind):
    path = tmp_path / "story.yaml"
    path.write_bytes(GARBAGE[kind])
    for args in (["graph", str(path), "-o", str(tmp_path / "m.dot")],
                 ["test", str(path), "--junit", str(tmp_path / "j.xml")],
                 ["strings", "export", str(path), "--target-lang", "sv",
                  "-o", str(tmp_path / "s.csv")]):
        res = porukka(*args)
        assert res.returncode == 1, (args, res.stdout, res.stderr)
        assert "Traceback" not in res.stderr + res.stdout
        assert "story.yaml:" in res.stderr + res.stdout
    assert not (tmp_path / "m.dot").exists() and not (tmp_path / "s.csv").exists()


@pytest.mark.slow
def test_missing_paths_are_usage_errors(tmp_path):
    for args in (["graph", str(tmp_path / "ei.yaml")],
                 ["test", str(tmp_path / "ei.yaml")],
                 ["test", str(tmp_path)],
                 ["strings", "export", "ei-ole", "--target-lang", "sv"],
                 ["strings", "import", str(tmp_path / "ei.csv")],
                 ["import-twee", str(tmp_path / "ei.twee"), "-o", str(tmp_path / "x")],
                 ["test", "stories", "--max-states", "0"]):
        res = porukka(*args)
        assert res.returncode == 2, (args, res.stderr)
        assert "Traceback" not in res.stderr and res.stderr.strip()


def test_unwritable_output_is_a_clean_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = porukka("graph", "rahat-loppuu", "-o", str(blocker / "map.dot"))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "cannot write" in res.stderr


def test_messages_in_finnish(tmp_path):
    path = write(tmp_path / "koe" / "story.yaml", """\
        format: 1
        id: koe
        start: alku
        scenes:
          alku: {lines: [Hei.], goto: loppu}
          loppu: {lines: [Loppu.], end: {}}
        """)
    write(path.parent / "story.test.yaml", """\
        format: 1
        plans:
          - name: Väärä loppu
            ending: alku
        """)
    res = porukka("test", str(path), env={"LANG": "fi_FI.UTF-8"})
    assert res.returncode == 1
    assert "'alku' ei ole loppu; loput ovat: loppu" in res.stdout


def test_parser_defaults_match_the_explorer_and_stay_light():
    """The parsers repeat the explorer's defaults so that `--help` and the game's start-up
    need no heavy import; this keeps the copies honest."""
    import subprocess
    import sys

    from game.authoring import cli, explorer

    assert (cli.MAX_STATES, cli.WALKS) == (explorer.MAX_STATES, explorer.WALKS)
    code = ("import sys, launcher\n"
            "heavy = [m for m in ('pydantic', 'yaml', 'game.story.model') if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    subprocess.run([sys.executable, "-c", code], check=True,
                   cwd=str(__import__("pathlib").Path(__file__).resolve().parents[2]))
