"""Command-line commands of the facilitator (simulate), added to `porukka` by launcher.py.

Keep this module light: import heavy modules inside the command handlers, so that starting the
game stays fast.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from game.cli import (
    EXIT_ERRORS,
    EXIT_OK,
    add_other_lang,
    day,
    has_screen,
    load_story,
    other_language,
    usage,
    window_size,
)
from game.constants import VOTE_MODES
from game.i18n import interface_language, t, tn

if TYPE_CHECKING:
    from datetime import datetime

PROG = "porukka simulate"


def register(sub: Any, lang: str) -> None:
    """Add this module's commands to the `porukka` sub-parsers (`sub`), with help in `lang`.

    Each command sets `handler=function(args: argparse.Namespace, ui: str) -> int`.
    """
    p = sub.add_parser("simulate", help=t("sim-help", lang), description=t("sim-help", lang))
    p.add_argument("stories", nargs="*", metavar="STORY", help=t("sim-help-stories", lang))
    p.add_argument("--group", metavar="NAME",
                   help=t("sim-help-group", lang, default=t("sim-default-group", lang)))
    p.add_argument("--participants", type=int, default=6, metavar="2-8",
                   help=t("sim-help-participants", lang))
    p.add_argument("--sessions", type=int, default=20, metavar="N",
                   help=t("sim-help-sessions", lang))
    p.add_argument("--seed", type=int, metavar="N", help=t("sim-help-seed", lang))
    p.add_argument("--vote-mode", choices=VOTE_MODES, default="secret",
                   help=t("sim-help-vote-mode", lang))
    add_other_lang(p, lang, "--story-lang", "sim-help-lang")
    p.add_argument("--start", type=day(lang), metavar="DATE", help=t("sim-help-start", lang))
    p.add_argument("--show", action="store_true", help=t("sim-help-show", lang))
    p.add_argument("--pace", type=float, default=1.0, metavar="FACTOR",
                   help=t("sim-help-pace", lang))
    # SUPPRESS: without them here, the game's own window options (before the command) count.
    p.add_argument("--size", type=window_size(lang), default=argparse.SUPPRESS, metavar="WxH",
                   help=t("sim-help-size", lang))
    p.add_argument("--fullscreen", action="store_true", default=argparse.SUPPRESS,
                   help=t("sim-help-fullscreen", lang))
    p.add_argument("--writer", choices=("thread", "sync"), default="thread",
                   help=t("sim-help-writer", lang))
    p.add_argument("--trace", action="store_true", help=t("sim-help-trace", lang))
    p.set_defaults(handler=cmd_simulate)


def _usage(ui: str, message: str) -> int:
    return usage(ui, PROG, message)


def _number(value: float, ui: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if ui in ("fi", "sv") else text


class _PrintTracer:
    """`--trace`: `READY`, `S <session>`, one `<seq>` per durable event, `F <session>`."""

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()

    def say(self, text: str) -> None:
        with self._lock:  # the writer thread reports too
            sys.stdout.write(text + "\n")
            sys.stdout.flush()

    def started(self, session_id: str) -> None:
        self.say(f"S {session_id}")

    def durable(self, session_id: str, seq: int) -> None:
        self.say(str(seq))

    def finished(self, session_id: str) -> None:
        self.say(f"F {session_id}")


def cmd_simulate(args: argparse.Namespace, ui: str) -> int:
    """Check the input, load the stories, then play (with or without a window)."""
    from datetime import datetime, time

    from .engine import MAX_PARTICIPANTS, MIN_PARTICIPANTS

    if not MIN_PARTICIPANTS <= args.participants <= MAX_PARTICIPANTS:
        return _usage(ui, t("sim-bad-participants", ui, low=MIN_PARTICIPANTS,
                            high=MAX_PARTICIPANTS, value=args.participants))
    if args.sessions < 1:
        return _usage(ui, t("sim-bad-sessions", ui, value=args.sessions))
    if not args.pace >= 0:
        return _usage(ui, t("sim-bad-pace", ui, value=args.pace))
    start = None
    if args.start is not None:  # a date: the sessions begin at ten in the morning, local time
        start = datetime.combine(args.start, time(10)).astimezone()

    stories = []
    for name in args.stories:
        loaded = load_story(name, ui)
        if isinstance(loaded, int):
            return loaded
        stories.append(loaded)
    return _simulate(args, ui, stories, start, getattr(args, "size", None))


def _simulate(args: argparse.Namespace, ui: str, stories: list[Any], start: datetime | None,
              size: tuple[int, int] | None) -> int:
    import random

    from .. import paths
    from ..errors import FacilitatorError, InvalidInput
    from ..strings import message, not_writable
    from .engine import SimOptions, Simulation, builtin_stories, story_language

    loaded = tuple(stories) or builtin_stories()
    wanted = other_language(args, "--story-lang", ui)
    if wanted:
        for story in loaded:
            if wanted not in story.story.languages:
                used = story_language(story, wanted)
                print(t("sim-story-lang", ui, story=story.story.id, lang=wanted, used=used),
                      file=sys.stderr)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    group = args.group or t("sim-default-group", ui)
    options = SimOptions(
        stories=loaded, group=group, participants=args.participants, sessions=args.sessions,
        seed=seed, vote_mode=args.vote_mode, language=wanted,
    )
    if args.show and not has_screen():
        print(t("no-window", ui, reason="DISPLAY"), file=sys.stderr)
        return EXIT_ERRORS
    tracer = _PrintTracer() if args.trace else None
    try:
        sim = Simulation(options, start=start, writer=args.writer, tracer=tracer)
        if tracer is not None:
            tracer.say("READY")
        if args.show:
            result = _show(sim, args, ui, size or (1280, 720))
            if result is None:
                return EXIT_ERRORS
        else:
            result = sim.run()
    except InvalidInput as exc:
        text = message(exc, ui) if not exc.code.startswith("sim-") else _sim_message(exc, ui)
        return _usage(ui, text)
    except (FacilitatorError, OSError) as exc:
        said = not_writable(exc, ui)
        if said is None and not isinstance(exc, FacilitatorError):
            raise
        print(said or f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    out = sys.stderr if args.trace else sys.stdout
    group = result.group.name if result.group is not None else group
    played = len(result.sessions)
    rate = played / result.seconds if result.seconds > 0 else 0.0
    print(tn("sim-summary", played, ui, group=group, events=result.events,
            seconds=_number(result.seconds, ui), rate=_number(rate, ui), seed=seed), file=out)
    if result.interrupted:
        print(t("sim-stopped", ui, session=result.interrupted), file=out)
    print(t("sim-where", ui, path=paths.data_dir(create=False)), file=out)
    print(t("sim-next", ui, group=group), file=out)
    return EXIT_OK


def _sim_message(exc: Any, ui: str) -> str:
    if exc.code == "sim-real-group":
        return t("sim-real-group", ui, **exc.params)
    return str(exc)


def _show(sim: Any, args: argparse.Namespace, ui: str, size: tuple[int, int]) -> Any:
    """The rehearsal in the game window; None (after a message) when no window can open."""
    try:
        from game.ui.theme import window_settings

        from .show import open_window, run_show

        settings = window_settings(args, interface_language(args.lang) if args.lang else ui)
        app = open_window(size, settings, fullscreen=bool(getattr(args, "fullscreen", False)))
    except Exception as exc:  # pygame.error and friends: no usable display
        print(t("no-window", ui, reason=str(exc)), file=sys.stderr)
        return None
    try:
        return run_show(sim, app, pace=args.pace)
    finally:
        app.close()
