"""The crash tests' child: plays and logs sessions until it is killed.

    python crash_writer.py DATA_DIR SEED sync|background COMPACT_LINES

Prints `READY` once set up, `S <session id>` when a session has started, one line per event
the moment its logging call returns (sync) or the writer reports it durable (background):
`<seq>` or, for a scene_entered in sync mode, `<seq> <sha256 of the state JSON>`, and
`F <session id>` once a session has ended. The test kills it with SIGKILL at random moments.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from facilitator.sessions import SessionStore  # noqa: E402
from game.play.controller import Participant as Player  # noqa: E402
from game.play.controller import PlayController  # noqa: E402
from game.play.events import Happened  # noqa: E402
from game.story import Runtime, SceneEntered, load_story  # noqa: E402

GROUP = "Kaatoryhmä"
NICKNAMES = ("Kettu", "Susi", "Ilves", "Karhu", "Saukko")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def main() -> None:
    root, seed, mode, compact = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    rng = random.Random(seed)
    store = SessionStore(root, compact_lines=compact)
    group = store.groups.find_group(GROUP) or store.groups.create_group(GROUP)
    people = store.groups.participants(group.id)
    for name in NICKNAMES[len(people):]:
        people.append(store.groups.add_participant(group.id, name))
    loaded = load_story(ROOT / "stories" / "rahat-loppuu")
    background = mode == "background"
    say("READY")
    while True:
        present = [p.id for p in people if rng.random() < 0.85] or [people[0].id]
        session = store.start(
            group.id, present, loaded, vote_mode="secret", reflection="private",
            language=rng.choice(["fi", "sv", "en"]), background=background,
            on_durable=(lambda seq: say(str(seq))) if background else None,
        )
        say(f"S {session.id}")
        recorder = session.recorder

        def listener(happened: Happened, recorder=recorder) -> None:
            recorder(happened)
            if background:
                return
            for seq, event in recorder.logged:  # a vote logs nothing; a decision may log two
                if isinstance(event, SceneEntered):
                    digest = hashlib.sha256(happened.state.to_json().encode()).hexdigest()
                    say(f"{seq} {digest}")
                else:
                    say(str(seq))

        rt = Runtime(loaded.story, recorder.lang, story_hash=loaded.content_hash)
        players = [Player(pid, pid, "#000000", "circle") for pid in present]
        elapsed = [0.0]

        def clock(elapsed=elapsed) -> float:  # 1–60 s from one call to the next
            elapsed[0] += rng.uniform(1, 60)
            return elapsed[0]

        c = PlayController(rt, "secret", players, listener=listener, clock=clock)
        while not c.ended:
            if not c.is_choice_point():
                c.advance()
                continue
            offered = c.offered()
            if not offered:
                c.skip_to_ending()
                continue
            for pid in present:
                c.vote(pid, rng.choice(offered).id)
            if rng.random() < 0.1:
                c.action("pause")
                c.action("resume")
            c.decide(rng.choice(offered).id, "majority")
        for pid in present:
            for domain in loaded.story.domain_ids():
                seq = session.rate(pid, domain, rng.choice([None, *range(11)]))
                if not background:
                    say(str(seq))
            seq = session.give_feedback(pid, rng.randint(1, 5), rng.choice([None, "kiva"]))
            if not background:
                say(str(seq))
        session.end()
        say(f"F {session.id}")


if __name__ == "__main__":
    main()
