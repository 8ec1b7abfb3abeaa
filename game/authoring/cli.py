"""Command-line commands of the authoring tools, added to `porukka` by launcher.py.

Only the parsers live here: the handlers (and the story core they need) load when a command
runs, so that starting the game stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from game.cli import EXIT_USAGE, add_lang, add_other_lang
from game.i18n import t

# The explorer's defaults, repeated here so that `--help` needs no heavy import
# (tests/authoring checks they equal game.authoring.explorer's).
MAX_STATES = 50_000
WALKS = 1_000


def _lazy(name: str) -> Callable[[argparse.Namespace, str], int]:
    def handler(args: argparse.Namespace, ui: str) -> int:
        from . import commands

        return int(getattr(commands, name)(args, ui))

    return handler


def _strings_usage(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace, str], int]:
    def handler(args: argparse.Namespace, ui: str) -> int:
        parser.print_usage(sys.stderr)
        return EXIT_USAGE

    return handler


def register(sub: Any, lang: str) -> None:
    """Add the authoring commands to the `porukka` sub-parsers (`sub`), with help in `lang`.

    Each command sets `handler=function(args: argparse.Namespace, ui: str) -> int`.
    """
    p = sub.add_parser("graph", help=t("help-graph", lang), description=t("help-graph", lang))
    p.add_argument("story", metavar="STORY", help=t("help-story", lang))
    p.add_argument("-o", "--output", type=Path, metavar="FILE",
                   help=t("help-graph-output", lang))
    add_other_lang(p, lang, "--story-lang", "help-text-lang")
    p.set_defaults(handler=_lazy("cmd_graph"))

    p = sub.add_parser("test", help=t("help-test", lang), description=t("help-test", lang))
    p.add_argument("paths", nargs="+", metavar="STORY", help=t("help-test-paths", lang))
    p.add_argument("--junit", type=Path, metavar="FILE", help=t("help-junit", lang))
    p.add_argument("--seed", type=int, default=0, metavar="N", help=t("help-seed", lang))
    add_other_lang(p, lang, "--story-lang", "help-test-lang")
    p.add_argument("--strict", action="store_true", help=t("help-strict", lang))
    p.add_argument("--max-states", type=int, default=MAX_STATES, metavar="N",
                   help=t("help-max-states", lang, default=MAX_STATES))
    p.add_argument("--walks", type=int, default=WALKS, metavar="N",
                   help=t("help-walks", lang, default=WALKS))
    p.set_defaults(handler=_lazy("cmd_test"))

    p = sub.add_parser("strings", help=t("help-strings", lang),
                       description=t("help-strings", lang))
    actions = p.add_subparsers(dest="action", metavar="export|import", parser_class=type(p))
    p.set_defaults(handler=_strings_usage(p))
    e = actions.add_parser("export", help=t("help-strings-export", lang),
                           description=t("help-strings-export", lang))
    e.add_argument("story", metavar="STORY", help=t("help-story", lang))
    add_other_lang(e, lang, "--target-lang", "help-strings-lang")
    e.add_argument("-o", "--output", type=Path, metavar="FILE.csv",
                   help=t("help-strings-csv-out", lang))
    e.set_defaults(handler=_lazy("cmd_strings_export"))
    i = actions.add_parser("import", help=t("help-strings-import", lang),
                           description=t("help-strings-import", lang))
    i.add_argument("csv", type=Path, metavar="FILE.csv", help=t("help-strings-csv", lang))
    i.add_argument("--story", metavar="STORY", help=t("help-strings-story", lang))
    i.add_argument("--force", action="store_true", help=t("help-strings-force", lang))
    i.add_argument("--dry-run", action="store_true", help=t("help-dry-run", lang))
    add_lang(i, lang)
    i.set_defaults(handler=_lazy("cmd_strings_import"))

    p = sub.add_parser("import-twee", help=t("help-import-twee", lang),
                       description=t("help-import-twee", lang))
    p.add_argument("file", type=Path, metavar="FILE.twee", help=t("help-twee-file", lang))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="stories/NAME/",
                   help=t("help-twee-output", lang))
    add_other_lang(p, lang, "--source-lang", "help-twee-lang")
    p.add_argument("--force", action="store_true", help=t("help-twee-force", lang))
    p.set_defaults(handler=_lazy("cmd_import_twee"))


