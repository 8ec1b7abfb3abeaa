"""The mid-ballot crash test's child: a secret ballot half given, then it waits to be killed.

    python ballot_child.py DATA_DIR

Prints `VOTED <scene>` once two of the four have voted at the first choice point (their
votes are kept for resume, not logged), then sleeps until SIGKILL.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitator.sessions import SessionStore  # noqa: E402
from game.play.controller import Participant as Player  # noqa: E402
from game.play.controller import PlayController  # noqa: E402
from game.story import Runtime, load_story  # noqa: E402


def main() -> None:
    store = SessionStore(Path(sys.argv[1]))
    group = store.groups.find_group("Tiistairyhmä")
    assert group is not None
    people = store.groups.participants(group.id)
    loaded = load_story(ROOT / "stories" / "rahat-loppuu")
    session = store.start(group.id, [p.id for p in people], loaded, vote_mode="secret",
                          reflection="private")
    rt = Runtime(loaded.story, session.recorder.lang, story_hash=loaded.content_hash)
    c = PlayController(rt, "secret", [Player(p.id, p.nickname, "#000000", "circle")
                                      for p in people], listener=session.recorder)
    while not c.is_choice_point():
        c.advance()
    offered = c.offered()
    c.vote(people[0].id, offered[0].id)
    c.vote(people[1].id, offered[-1].id)
    session.flush()
    print(f"VOTED {c.scene_id}", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main()
