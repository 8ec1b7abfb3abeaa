"""Story text is text everywhere (issue 14): whatever a story holds, the terminal gets no raw
control characters and the report's charts no mathematics."""

from __future__ import annotations

from game.story.model import Story
from game.story.runtime import Runtime
from game.terminal import Printer

HOSTILE = "Hei \x1b[2J\x1b]0;title\x07 \x00 \x9b31m $x^2$ <b>&amp;</b>"


def _story() -> Story:
    """A story that skips the validator (as a damaged file or a bug might)."""
    return Story.model_validate({
        "format": 1, "id": "testi", "start": "alku",
        "variables": {"x": {"initial": 1, "show": True, "label": "raha\x1b[31m"}},
        "scenes": {
            "alku": {"lines": [HOSTILE], "discuss": HOSTILE,
                     "choices": [{"text": HOSTILE, "goto": "loppu"},
                                 {"text": "b\x1b", "goto": "loppu", "id": "b"}]},
            "loppu": {"lines": ["x"], "end": {"title": HOSTILE}},
        },
    })


def test_run_never_writes_control_characters_to_the_terminal():
    """Regression: ESC sequences in a story reached the terminal raw in `run`."""
    out: list[str] = []
    runtime = Runtime(_story())
    printer = Printer(runtime, out.append)
    state = runtime.start()
    printer.scene(state)
    state = runtime.choose(state, "loppu")
    printer.scene(state)
    text = "\n".join(out)
    assert "Hei" in text and "$x^2$" in text
    bad = [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert not bad, [hex(ord(c)) for c in bad]
    assert "\\x1b" in text  # shown, not obeyed
