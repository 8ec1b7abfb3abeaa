"""What every command of `porukka` shares: exit codes, the parser, converters, story loading.

launcher.py, the authoring tools (game/authoring/cli.py), the review and the simulation
commands add their commands with these helpers, so a rule of the command line (what exit status
a mistake gives, how a size or a day is written, how a story is named, when there is a screen)
is written once. It lives in `game/` because the authoring tools use it and the engine never
imports the facilitator.

Cheap to import (argparse and the message table only): the story core loads when a command
asks for a story, so `porukka --help` and the game's start-up stay fast.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .i18n import detect_language, interface_language, t

if TYPE_CHECKING:
    from .story.loader import LoadedStory
    from .story.model import Story

EXIT_OK = 0
EXIT_ERRORS = 1  # the input has problems: a story with errors, a failing plan, a write failed
EXIT_USAGE = 2  # the command was given wrongly (argparse's own status for usage errors)
EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports it

MIN_WINDOW = (320, 240)


class Parser(argparse.ArgumentParser):
    """argparse, with its usage errors said in the user's language (exit status 2)."""

    ui_lang = "en"

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(t("usage-error", self.ui_lang, prog=self.prog, message=message) + "\n")
        raise SystemExit(EXIT_USAGE)


def lang_from_argv(argv: Sequence[str]) -> str:
    """The language of the messages: `--lang` anywhere on the line, else the locale's.

    Read before parsing, because the parser's own help and errors are already in it.
    """
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return interface_language(argv[i + 1])
        if arg.startswith("--lang="):
            return interface_language(arg.split("=", 1)[1])
    return detect_language()


def err(text: str) -> None:
    print(text, file=sys.stderr)


def usage(ui: str, prog: str, message: str) -> int:
    """Say a usage error the way argparse would (in the user's language); EXIT_USAGE."""
    err(t("usage-error", ui, prog=prog, message=message))
    return EXIT_USAGE


# --- converters for argparse `type=`: a wrong value is a usage error before anything runs ---


def window_size(lang: str) -> Callable[[str], tuple[int, int]]:
    """`WxH` (e.g. 1280x720, at least 320x240) → (width, height)."""

    def convert(text: str) -> tuple[int, int]:
        size = parse_size(text)
        if size is None:
            raise argparse.ArgumentTypeError(t("bad-size", lang, value=text))
        return size

    return convert


def parse_size(text: str) -> tuple[int, int] | None:
    try:
        w, h = (int(v) for v in text.lower().split("x", 1))
    except ValueError:
        return None
    return (w, h) if w >= MIN_WINDOW[0] and h >= MIN_WINDOW[1] else None


_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FI_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def day(lang: str) -> Callable[[str], date]:
    """`YYYY-MM-DD` or the Finnish `D.M.YYYY` → a date."""

    def convert(text: str) -> date:
        try:
            return parse_day(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t("bad-date", lang, value=text)) from None

    return convert


def parse_day(text: str) -> date:
    """YYYY-MM-DD or D.M.YYYY; ValueError otherwise (also for a day that does not exist)."""
    text = text.strip()
    m = _ISO_DAY.match(text)
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = _FI_DAY.match(text)
    if m:
        return date(int(m[3]), int(m[2]), int(m[1]))
    raise ValueError(text)


# --- languages: --lang is always the language of the messages --------------------------------


def add_lang(p: argparse.ArgumentParser, ui: str) -> None:
    """`--lang`: the language of the messages, the same on every command (read before parsing
    by `lang_from_argv`)."""
    p.add_argument("--lang", metavar="fi|sv|en", help=t("help-msg-lang", ui))


def add_other_lang(p: argparse.ArgumentParser, ui: str, option: str, help_key: str,
                   **kwargs: Any) -> None:
    """`--lang` and, where a command needs another language (the story's, the one translated
    into or from), that language as `option`: --story-lang, --target-lang or --source-lang."""
    add_lang(p, ui)
    p.add_argument(option, metavar="LANG", help=t(help_key, ui), **kwargs)


def other_language(args: argparse.Namespace, option: str, ui: str) -> str | None:
    """The language given as `option`. Before --lang had one meaning it named this language on
    these commands: `--lang X` alone still does for a while, with a note giving the new name."""
    value = getattr(args, option.lstrip("-").replace("-", "_"), None)
    if value:
        return str(value)
    old = getattr(args, "lang", None)
    if old:
        err(t("lang-renamed", ui, option=option, lang=old))
        return str(old)
    return None


# --- stories ------------------------------------------------------------------------------------


def find_story(name: str, ui: str) -> Path | None:
    """The story named by an id, a folder or a file; None after saying it was not found."""
    from .story.loader import resolve_story

    path = resolve_story(name)
    if not path.exists():
        err(t("story-not-found", ui, name=name))
        return None
    return path


def story_paths(names: Sequence[str], ui: str, prog: str) -> list[Path] | None:
    """The story files and folders named by ids, folders or files (for `validate`, `test`);
    None after a usage error naming the first that is not there or holds no story."""
    from .story.loader import expand_paths, resolve_story

    paths = []
    for name in names:
        path = resolve_story(name)
        if not path.exists():
            usage(ui, prog, t("story-not-found", ui, name=name))
            return None
        if path.is_dir() and not expand_paths([path]):
            usage(ui, prog, t("no-stories", ui, path=name))
            return None
        paths.append(path)
    return paths


def load_story(name: str, ui: str) -> LoadedStory | int:
    """A playable story, or the exit status after its errors were printed (2 not found, 1
    invalid)."""
    from .story.loader import check_file

    path = find_story(name, ui)
    if path is None:
        return EXIT_USAGE
    result = check_file(path)
    if result.loaded is None:
        for issue in result.issues:
            if issue.is_error:
                err(issue.format(ui))
        err(t("story-invalid", ui, path=path))
        return EXIT_ERRORS
    return result.loaded


def story_language(story: Story, wanted: str | None, ui: str | None = None) -> str:
    """The story language to use, with a note on stderr (in `ui`, else in the wanted language)
    when the wanted one is missing."""
    if not wanted:
        return story.default_language
    if wanted in story.languages:
        return wanted
    base = wanted.split("-", 1)[0]
    used = base if base in story.languages else story.default_language
    err(t("lang-fallback", ui or interface_language(wanted), lang=wanted, used=used,
          languages=", ".join(story.languages)))
    return used


# --- the screen ---------------------------------------------------------------------------------


def has_screen() -> bool:
    """Whether a window can be opened (on Linux: an X11 or Wayland display, or an SDL driver)."""
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                    or os.environ.get("SDL_VIDEODRIVER"))
    return True
