"""Command-line commands of the facilitator (review), added to `porukka` by launcher.py.

Keep this module light: import heavy modules inside the command handlers, so that starting the
game stays fast.
"""

from __future__ import annotations

from typing import Any


def register(sub: Any, lang: str) -> None:
    """Add this module's commands to the `porukka` sub-parsers (`sub`), with help in `lang`.

    Each command sets `handler=function(args: argparse.Namespace, ui: str) -> int`.
    """
    _ = (sub, lang)
