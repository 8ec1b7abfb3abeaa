"""Porukka's entry point: `python launcher.py [COMMAND ...]`, also installed as `porukka`.

The command line only parses arguments, calls library functions and prints what they return.
What every command shares (exit codes, the parser, converters, story loading) is in game/cli.py;
each area adds its own commands through a `register(subparsers, lang)`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# Porukka uses no pydantic plugins; looking for them scans every installed package's metadata,
# which costs a noticeable part of the start-up on an old laptop.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from typing import TYPE_CHECKING

from facilitator.review.commands import register as register_review
from facilitator.review.xapi.commands import register as register_xapi
from facilitator.simulation.commands import register as register_simulate
from game.authoring.cli import register as register_authoring
from game.cli import (
    EXIT_ERRORS,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    add_lang,
    add_other_lang,
    has_screen,
    lang_from_argv,
    load_story,
    other_language,
    story_language,
    story_paths,
    usage,
    window_size,
)
from game.constants import DEMO_STORY, VOTE_MODES
from game.i18n import interface_language, t, tn
from game.resources import builtin_stories_dir

if TYPE_CHECKING:  # the heavy modules load only when a command needs them
    from game.story.loader import LoadedStory
    from game.terminal import Outcome, Printer

# Modules that add their own commands: each `register(subparsers, lang)` adds sub-parsers whose
# defaults name a `handler(args, ui_lang) -> exit status`.
PLUGINS: list[Callable[[Any, str], None]] = [register_authoring, register_review,
                                              register_simulate, register_xapi]


def _window_options(p: argparse.ArgumentParser, lang: str) -> None:
    p.add_argument("--fullscreen", action="store_true", help=t("help-fullscreen", lang))
    p.add_argument("--size", type=window_size(lang), default="1280x720", metavar="WxH",
                   help=t("help-size", lang))
    p.add_argument("--text-size", type=int, default=100, choices=range(100, 201),
                   metavar="100-200", help=t("help-text-size", lang))
    p.add_argument("--high-contrast", action="store_true", help=t("help-contrast", lang))
    p.add_argument("--reduce-motion", action="store_true", help=t("help-motion", lang))
    p.add_argument("--console", choices=["auto", "on", "off"], default="auto",
                   help=t("help-console", lang))


def build_parser(lang: str) -> argparse.ArgumentParser:
    Parser.ui_lang = lang
    parser = Parser(prog="porukka", description=t("prog-description", lang))
    parser.add_argument("-v", "--verbose", action="store_true", help=t("help-verbose", lang))
    _window_options(parser, lang)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    p = sub.add_parser("validate", help=t("help-validate", lang),
                       description=t("help-validate", lang))
    p.add_argument("paths", nargs="+", metavar="STORY", help=t("help-paths", lang))
    p.add_argument("--lang", choices=["fi", "sv", "en"], help=t("help-msg-lang", lang))
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help=t("help-format", lang))
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("run", help=t("help-run", lang), description=t("help-run", lang))
    p.add_argument("story", metavar="STORY", help=t("help-story", lang))
    p.add_argument("--choose", metavar="N,N,...", help=t("help-choose", lang))
    add_other_lang(p, lang, "--story-lang", "help-story-lang")
    p.add_argument("--json", action="store_true", help=t("help-json", lang))
    p.set_defaults(handler=cmd_run)

    p = sub.add_parser("schema", help=t("help-schema", lang), description=t("help-schema", lang))
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help=t("help-output", lang))
    add_lang(p, lang)
    p.set_defaults(handler=cmd_schema)

    p = sub.add_parser("play", help=t("help-play", lang), description=t("help-play", lang))
    p.add_argument("story", metavar="STORY", help=t("help-story", lang))
    add_other_lang(p, lang, "--story-lang", "help-story-lang")
    p.add_argument("--vote", choices=VOTE_MODES, default="counsellor",
                   help=t("help-vote", lang))
    p.add_argument("--players", type=int, default=4, choices=range(2, 9), metavar="2-8",
                   help=t("help-players", lang))
    p.add_argument("--watch", action="store_true", help=t("help-watch", lang))
    _window_options(p, lang)
    p.set_defaults(handler=cmd_play)

    p = sub.add_parser("demo", help=t("help-demo", lang), description=t("help-demo", lang))
    add_other_lang(p, lang, "--story-lang", "help-demo-story-lang")
    p.set_defaults(handler=cmd_demo)

    for register in PLUGINS:
        register(sub, lang)
    return parser


# --- validate --------------------------------------------------------------------------------


def cmd_validate(args: argparse.Namespace, ui: str) -> int:
    from game.story.loader import validate_paths

    lang = args.lang or ui
    paths = story_paths(args.paths, ui, "porukka validate")
    if paths is None:
        return EXIT_USAGE
    results = validate_paths(paths)
    issues = [i for r in results for i in r.issues]
    errors = sum(1 for i in issues if i.is_error)
    warnings = len(issues) - errors
    if args.format == "json":
        body = {
            "version": 1,
            "files": [{"file": str(r.file), "ok": r.ok} for r in results],
            "errors": errors,
            "warnings": warnings,
            "issues": [i.to_json(lang) for i in issues],
        }
        print(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        for issue in issues:
            print(issue.format(lang))
        print(t("summary", lang, files=tn("summary-files", len(results), lang),
                errors=tn("summary-errors", errors, lang),
                warnings=tn("summary-warnings", warnings, lang)), file=sys.stderr)
    return EXIT_ERRORS if errors else EXIT_OK


# --- run ----------------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace, ui: str) -> int:
    from game.story.runtime import Runtime
    from game.terminal import ChoiceNotAvailable, Printer, parse_choose, play, scripted

    numbers: list[int] | None = None
    if args.choose is not None:
        try:
            numbers = parse_choose(args.choose)
        except ValueError:
            return usage(ui, "porukka run", t("bad-choose", ui, value=args.choose))
    loaded = load_story(args.story, ui)
    if isinstance(loaded, int):
        return loaded
    lang = story_language(loaded.story, other_language(args, "--story-lang", ui), ui)
    say = ui
    runtime = Runtime(loaded.story, lang, story_hash=loaded.content_hash)
    printer = None if args.json else Printer(runtime, print)

    def on_stuck(state: Any, target: str) -> None:
        print(t("no-choice-available", say, scene=state.scene, target=target), file=sys.stderr)

    try:
        if numbers is not None:
            pick, left = scripted(numbers)
            outcome = play(runtime, pick, printer, on_stuck)
            if outcome.state.ended and left():
                print(tn("choices-left-over", left(), say, scene=outcome.state.scene),
                      file=sys.stderr)
                return EXIT_USAGE
        else:
            outcome = play_interactive(runtime, printer, on_stuck, say,
                                       auto=not sys.stdin.isatty())
    except ChoiceNotAvailable as exc:
        available = ", ".join(f"{c.number}) {c.text}" for c in exc.offered) or "-"
        print(t("choice-not-available", say, number=exc.number, scene=exc.scene,
                available=available), file=sys.stderr)
        return EXIT_USAGE
    _finish(outcome, args.json, say)
    return EXIT_OK


def play_interactive(runtime: Any, printer: Printer | None, on_stuck: Any, say: str,
                     auto: bool = False) -> Outcome:
    """Ask at a prompt; without a terminal, read one number per line from standard input."""
    from game.terminal import ChoiceNotAvailable, play

    def ask(prompt: str) -> str | None:
        try:
            if auto:
                line = sys.stdin.readline()
                return None if line == "" else line.strip()
            return input(prompt).strip()
        except EOFError:
            return None

    def pick(state: Any, offered: list[Any]) -> int | None:
        while True:
            answer = ask(t("prompt-choice", say, n=len(offered)))
            if answer is None or answer.lower() in ("q", "quit", "lopeta", "sluta"):
                return None
            if answer.isdigit() and 1 <= int(answer) <= len(offered):
                return int(answer)
            if auto:
                raise ChoiceNotAvailable(int(answer) if answer.isdigit() else 0, state.scene,
                                         offered)
            print(t("invalid-input", say, n=len(offered)))

    def pause() -> bool:
        if auto:
            return True
        return ask(t("prompt-continue", say)) is not None

    return play(runtime, pick, printer, on_stuck, pause)


def _finish(outcome: Outcome, as_json: bool, say: str) -> None:
    if as_json:
        print(json.dumps(outcome.to_json(), ensure_ascii=False))
    elif outcome.ending is None:
        print(t("stopped", say))


# --- schema --------------------------------------------------------------------------------


def cmd_schema(args: argparse.Namespace, ui: str) -> int:
    from game.story.schema import story_schema

    text = json.dumps(story_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(t("write-failed", ui, path=args.output, reason=exc.strerror or exc),
              file=sys.stderr)
        return EXIT_ERRORS
    return EXIT_OK


# --- demo (and no command) ----------------------------------------------------------------


def cmd_demo(args: argparse.Namespace, ui: str) -> int:
    """The built-in story in the terminal: interactive at a terminal, automatic otherwise."""
    from game.story.runtime import Runtime
    from game.terminal import Printer, play

    loaded = load_story(str(builtin_stories_dir() / DEMO_STORY), ui)
    if isinstance(loaded, int):
        return loaded
    wanted = getattr(args, "story_lang", None)  # else the messages' language, if it has it
    lang = story_language(loaded.story, wanted or _story_lang_for(ui, loaded), ui)
    say = ui
    runtime = Runtime(loaded.story, lang, story_hash=loaded.content_hash)
    printer = Printer(runtime, print)
    print(t("demo-intro", say))
    interactive = sys.stdin.isatty()
    if not interactive:
        print(t("demo-auto", say))
        rng = random.Random(7)

        def pick(state: Any, offered: list[Any]) -> int | None:
            return int(rng.choice(offered).number)

        outcome = play(runtime, pick, printer)
    else:
        outcome = play_interactive(runtime, printer, None, say)
    _finish(outcome, False, say)
    return EXIT_OK


# --- the window ----------------------------------------------------------------------------


def _open_window(args: argparse.Namespace, ui: str, ui_given: bool = False) -> Any:
    """The game window with its first frame drawn, before the heavier modules load.

    The counsellor's saved settings (language, text size, contrast, motion, read-aloud) are laid
    over the defaults; options given on the command line win. Changes are saved as they happen.
    """
    from dataclasses import replace

    from facilitator.ui.prefs import load_settings, save_settings
    from game.ui.app import App, SplashView
    from game.ui.theme import window_settings

    given = window_settings(args, ui)
    settings = load_settings(given)
    if ui_given:
        settings = replace(settings, ui_lang=given.ui_lang)
    if getattr(args, "text_size", 100) != 100:
        settings = replace(settings, text_scale=given.text_scale)
    if getattr(args, "high_contrast", False):
        settings = replace(settings, theme=given.theme)
    if getattr(args, "reduce_motion", False):
        settings = replace(settings, reduce_motion=True)
    try:
        app = App(size=args.size, settings=settings, fullscreen=getattr(args, "fullscreen", False),
                  on_settings=save_settings)
        SplashView(app).show()
        from game.ui.console import second_display_present

        console = getattr(args, "console", "auto")
        if console == "on" or (console == "auto" and second_display_present()):
            app.open_console()
        return app
    except Exception as exc:  # pygame.error and friends: no usable display
        print(t("no-window", ui, reason=str(exc)), file=sys.stderr)
        return None


def cmd_menu(args: argparse.Namespace, ui: str) -> int:
    """The menu with the facilitator: session set-up, the log, reflection, resume."""
    app = _open_window(args, ui)
    if app is None:
        return EXIT_ERRORS
    from facilitator.errors import FacilitatorError

    fac = None
    try:
        from facilitator.ui.prefs import language_saved
        from facilitator.ui.session import install

        fac = install(app, [builtin_stories_dir()], ask_language=not language_saved())
    except (OSError, FacilitatorError) as exc:  # no usable data folder: play without a log
        logging.getLogger("porukka").error("the session log is not available: %s", exc)
        from facilitator.strings import error_text
        from game.ui.main import Game

        app.views[:] = [Game(app, [builtin_stories_dir()]).menu()]
        app.note(error_text(exc, app.settings.ui_lang), 15)  # in the counsellor's language
    try:
        app.run()
    finally:
        if fac is not None:
            fac.shutdown()
        app.close()
    return EXIT_OK


def cmd_play(args: argparse.Namespace, ui: str) -> int:
    """Straight into a story with anonymous players (not logged: the menu sets up sessions)."""
    app = _open_window(args, interface_language(args.lang) if args.lang else ui,
                       ui_given=bool(args.lang))
    if app is None:
        return EXIT_ERRORS
    loaded = load_story(args.story, ui)
    if isinstance(loaded, int):
        app.close()
        return loaded
    from game.play.controller import default_participants
    from game.ui.main import Game

    lang = story_language(loaded.story, other_language(args, "--story-lang", ui), ui)
    game = Game(app, [builtin_stories_dir()])
    label = lambda n: t("ui-player-n", app.settings.ui_lang, n=n)  # noqa: E731
    people = default_participants(args.players, label)
    app.views[:] = [game.play_view(loaded, lang, args.vote, people, watch=args.watch)]
    app.run()
    app.close()
    return EXIT_OK


def _story_lang_for(ui: str, loaded: LoadedStory) -> str:
    return ui if ui in loaded.story.languages else loaded.story.default_language



def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ui = lang_from_argv(argv)
    parser = build_parser(ui)
    args = parser.parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG, format="porukka: %(message)s", stream=sys.stderr)
        for noisy in ("matplotlib", "PIL"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
    try:
        if args.command is None:
            if has_screen():
                return cmd_menu(args, ui)
            return cmd_demo(args, ui)
        return int(args.handler(args, ui))
    except KeyboardInterrupt:
        print("\n" + t("interrupted", ui), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last resort: a message, never a traceback, for a user
        logging.getLogger("porukka").debug("unexpected error", exc_info=True)
        from facilitator.strings import not_writable

        said = not_writable(exc, ui)
        if said is not None:  # e.g. a read-only copy of the data folder, or a full disk
            print(said, file=sys.stderr)
            return EXIT_ERRORS
        print(t("unexpected", ui, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_ERRORS


if __name__ == "__main__":
    sys.exit(main())
