"""Reaching into parsed story data by a path of keys and list indexes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

MISSING: Any = object()  # `lookup`'s default when a path must tell "absent" from None


def lookup(root: Any, path: Iterable[Any], default: Any = None) -> Any:
    """What sits at `path` (keys and list indexes) in parsed data; `default` when nothing does."""
    node = root
    for step in path:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        else:
            return default
    return node
