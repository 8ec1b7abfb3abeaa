"""The validator's checks against hostile stories: numbers, timers and control characters.

Like the checks in validate.py, each returns Issues; `validate.CHECKS` runs them. Numbers out
of range are already refused while the file is read (yamlsource), where they stand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .issues import Issue
from .limits import CONTROL_RE, MAX_TIMER, control_name
from .yamlsource import Path

if TYPE_CHECKING:
    from .validate import Context


def check_timers(ctx: Context) -> list[Issue]:
    out: list[Issue] = []
    for sid, scene in ctx.story.scenes.items():
        if scene.timer is not None and scene.timer > MAX_TIMER:
            out.append(ctx.error("timer-too-long", ("scenes", sid, "timer"), value=scene.timer,
                                 limit=MAX_TIMER))
    return out


def check_control_characters(ctx: Context) -> list[Issue]:
    """Any text, key, name or path of the file, however written (a YAML escape like "\\x1b"
    is the usual way in): one issue per string, at its first control character."""
    out: list[Issue] = []
    stack: list[tuple[Path, Any]] = [((), ctx.data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(key, str):
                    m = CONTROL_RE.search(key)
                    if m is not None:
                        out.append(ctx.error("control-character", path + (key,), key=True,
                                             offset=m.start(), char=control_name(m.group())))
                stack.append((path + (key,), value))
        elif isinstance(node, list):
            stack.extend((path + (i,), value) for i, value in enumerate(node))
        elif isinstance(node, str):
            m = CONTROL_RE.search(node)
            if m is not None:
                out.append(ctx.error("control-character", path, offset=m.start(),
                                     char=control_name(m.group())))
    return out


def without_echoes(issues: list[Issue]) -> list[Issue]:
    """A number refused as out of range is reported once: other findings at the very same
    place only repeat it (with the nearest allowed number it was read as)."""
    refused = {(i.file, i.line, i.column) for i in issues if i.code == "number-range"}
    if not refused:
        return issues
    return [i for i in issues
            if i.code == "number-range" or (i.file, i.line, i.column) not in refused]
