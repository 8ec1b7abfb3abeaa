"""Command-line commands of the authoring tools, added to `porukka` by launcher.py."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, lang: str) -> None:
    """Add the authoring commands to the `porukka` sub-parsers (`sub`), with help in `lang`.

    Each command sets `handler=function(args: argparse.Namespace, ui: str) -> int`.
    """
    _ = (argparse, sub, lang)
