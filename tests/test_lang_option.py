"""`--lang` has one meaning on every command: the language of the messages (issue 16).

Where a command also needs another language it has its own option: --story-lang (run, play,
test, simulate, graph, demo), --target-lang (strings export), --source-lang (import-twee). The
old spelling, where --lang used to name that language, works for a while with a note on stderr
in the user's language.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import launcher

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_STORY = ROOT / "tests" / "story" / "data" / "runtime.yaml"
TWEE = ROOT / "tests" / "authoring" / "twee" / "clean.twee"


@pytest.fixture(autouse=True)
def english_locale(monkeypatch, tmp_path):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "PORUKKA_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("PORUKKA_DATA_DIR", str(tmp_path / "data"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = launcher.main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_every_command_takes_lang_as_the_language_of_the_messages():
    import argparse

    parser = launcher.build_parser("en")

    def leaves(p: argparse.ArgumentParser, name: str = ""):
        subs = [a for a in p._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs and name:
            yield name, p
        for action in subs:
            for n, sp in action.choices.items():
                yield from leaves(sp, f"{name} {n}".strip())

    found = dict(leaves(parser))
    assert {"run", "play", "schema", "strings export", "strings import", "simulate"} <= set(found)
    for name, p in found.items():
        option = p._option_string_actions.get("--lang")
        assert option is not None, name
        assert "message" in (option.help or ""), (name, option.help)


def test_run_story_lang_picks_the_story_language_and_lang_the_messages(capsys):
    status, out, err = run(capsys, "run", str(RUNTIME_STORY), "--choose", "2,2",
                           "--story-lang", "sv", "--lang", "fi", "--json")
    assert status == 0 and err == ""
    assert json.loads(out)["ending"] == "loppu-hyva"
    status, out, err = run(capsys, "run", str(RUNTIME_STORY), "--choose", "2,2",
                           "--story-lang", "sv")
    assert "Pengar: 20 €." in out and err == ""
    status, out, err = run(capsys, "run", str(RUNTIME_STORY), "--choose", "2,2",
                           "--story-lang", "de", "--lang", "fi", "--json")
    assert "tarinassa ei ole kieltä 'de'" in err  # the fallback note in the messages' language


def test_run_old_lang_still_picks_the_story_language_with_a_note(capsys):
    status, out, err = run(capsys, "run", str(RUNTIME_STORY), "--choose", "2,2", "--lang", "sv")
    assert status == 0
    assert "Pengar: 20 €." in out
    assert "--story-lang sv" in err and "--lang" in err
    assert "obs:" in err  # said in the user's language


def test_play_story_lang_and_the_old_spelling(capsys, monkeypatch):
    from game.ui.app import App
    from game.ui.main import Game

    chosen = []
    real = Game.play_view

    def spy(self, loaded, lang, *args, **kwargs):
        chosen.append((lang, self.app.settings.ui_lang))
        return real(self, loaded, lang, *args, **kwargs)

    monkeypatch.setattr(Game, "play_view", spy)
    monkeypatch.setattr(App, "run", lambda app, clock=None, max_frames=None: None)
    status, _, err = run(capsys, "play", str(RUNTIME_STORY), "--story-lang", "sv",
                         "--lang", "fi")
    assert status == 0 and chosen[-1] == ("sv", "fi") and "--story-lang" not in err
    status, _, err = run(capsys, "play", str(RUNTIME_STORY), "--lang", "sv")
    assert status == 0 and chosen[-1] == ("sv", "sv") and "--story-lang sv" in err


def test_test_command_story_lang(capsys, tmp_path):
    status, out, err = run(capsys, "test", "rahat-loppuu", "--story-lang", "sv", "--walks", "5",
                           "--max-states", "2000")
    assert "--story-lang" not in err
    status_old, out_old, err_old = run(capsys, "test", "rahat-loppuu", "--lang", "sv",
                                       "--walks", "5", "--max-states", "2000")
    assert status_old == status
    assert "--story-lang sv" in err_old


def test_graph_story_lang(capsys, tmp_path):
    out = tmp_path / "map.mmd"
    assert run(capsys, "graph", str(RUNTIME_STORY), "--story-lang", "sv", "-o", str(out))[0] == 0
    assert "Jag köper" in out.read_text("utf-8")
    status, _, err = run(capsys, "graph", str(RUNTIME_STORY), "--lang", "sv", "-o", str(out))
    assert status == 0 and "Jag köper" in out.read_text("utf-8") and "--story-lang sv" in err


def test_strings_export_target_lang(capsys, tmp_path):
    out = tmp_path / "s.csv"
    status, _, err = run(capsys, "strings", "export", "rahat-loppuu", "--target-lang", "en",
                         "--lang", "fi", "-o", str(out))
    assert status == 0 and out.exists() and "--target-lang" not in err
    out.unlink()
    status, _, err = run(capsys, "strings", "export", "rahat-loppuu", "--lang", "en",
                         "-o", str(out))
    assert status == 0 and out.exists() and "--target-lang en" in err
    status, _, err = run(capsys, "strings", "export", "rahat-loppuu")
    assert status == 2 and "--target-lang" in err


def test_import_twee_source_lang(capsys, tmp_path):
    from game.story.loader import check_file

    status, _, err = run(capsys, "import-twee", str(TWEE), "-o", str(tmp_path / "a.yaml"),
                         "--source-lang", "sv", "--lang", "fi")
    assert status == 0 and "--source-lang" not in err
    assert check_file(tmp_path / "a.yaml").loaded.story.languages == ["sv"]
    status, _, err = run(capsys, "import-twee", str(TWEE), "-o", str(tmp_path / "b.yaml"),
                         "--lang", "en")
    assert status == 0 and "--source-lang en" in err
    assert check_file(tmp_path / "b.yaml").loaded.story.languages == ["en"]
    status, _, err = run(capsys, "import-twee", str(TWEE), "-o", str(tmp_path / "c.yaml"))
    assert check_file(tmp_path / "c.yaml").loaded.story.languages == ["fi"]


def test_simulate_story_lang(capsys, monkeypatch):
    from facilitator.errors import FacilitatorError
    from facilitator.simulation import engine

    seen = []

    class Stop(engine.Simulation):
        def __init__(self, options, **kwargs):
            seen.append(options.language)
            raise FacilitatorError("stop here")

    monkeypatch.setattr(engine, "Simulation", Stop)
    run(capsys, "simulate", "rahat-loppuu", "--story-lang", "sv", "--sessions", "1")
    _, _, err = run(capsys, "simulate", "rahat-loppuu", "--lang", "en", "--sessions", "1")
    assert seen == ["sv", "en"]
    assert "--story-lang en" in err


def test_validate_lang_is_still_the_language_of_the_messages(capsys, tmp_path):
    bad = tmp_path / "b.yaml"
    bad.write_text("format: 1\nid: b\nstart: x\nscenes:\n  a:\n    lines: [A]\n    goto: b\n")
    _, out, err = run(capsys, "validate", str(bad), "--lang", "sv")
    assert "--lang" not in err and "error[unknown-scene]" in out + err
