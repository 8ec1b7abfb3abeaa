"""Facts the whole program shares, each defined once, in a module that imports nothing.

The command line, the play flow, the set-up screens and the simulation all name the vote modes
and the demo story; keeping them here lets `porukka --help` use them without loading the story
core.
"""

from __future__ import annotations

from typing import Literal

VoteMode = Literal["hands", "secret", "gamepads", "counsellor"]
VOTE_MODES: tuple[VoteMode, ...] = ("hands", "secret", "gamepads", "counsellor")

DEMO_STORY = "rahat-loppuu"
"""The built-in story that `porukka demo` (and `porukka` with no screen) plays."""
