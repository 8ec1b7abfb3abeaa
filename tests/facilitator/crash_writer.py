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
from game.play.events import CounsellorAction, DecisionMade, VoteCast  # noqa: E402
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

        def listener(event: object, recorder=recorder) -> None:
            seq = recorder(event)  # type: ignore[arg-type]  # reason: engine events only
            if background:
                return
            if isinstance(event, SceneEntered):
                digest = hashlib.sha256(recorder.state.to_json().encode()).hexdigest()
                say(f"{seq} {digest}")
            else:
                say(str(seq))

        def log(event: object, recorder=recorder) -> None:
            seq = recorder(event)  # type: ignore[arg-type]  # reason: play events only
            if not background:
                say(str(seq))

        rt = Runtime(loaded.story, session.recorder._runtime.lang, listener=listener,
                     story_hash=loaded.content_hash)
        state = rt.start()
        while not state.ended:
            scene = rt.scene(state)
            if scene.goto is not None:
                state = rt.advance(state)
                continue
            offered = rt.offered_choices(state)
            if not offered:
                log(CounsellorAction(state.scene, "skip-to-ending"))
                state = rt.skip_to_ending(state)
                continue
            for pid in present:
                log(VoteCast(state.scene, pid, rng.choice(offered).id))
            if rng.random() < 0.1:
                log(CounsellorAction(state.scene, "pause"))
                log(CounsellorAction(state.scene, "resume"))
            chosen = rng.choice(offered)
            log(DecisionMade(state.scene, chosen.id, "majority", rng.uniform(1, 60),
                             {chosen.id: len(present)}, tuple(c.id for c in offered),
                             chosen.domains, rng.random() < 0.5))
            state = rt.choose(state, chosen.id)
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
