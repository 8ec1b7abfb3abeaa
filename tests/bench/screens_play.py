"""Screenshots of the play screen's phases and overlays (issue 15), for people to look at.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/screens_play.py

Saves PNGs into test-artifacts/play-screens/ at 1280×720 and 1920×1080, 100 % and 200 % text.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.play.controller import default_participants  # noqa: E402
from game.play.flow import Phase  # noqa: E402
from game.story.loader import load_story  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.main import Game  # noqa: E402
from game.ui.theme import Settings  # noqa: E402

OUT = ROOT / "test-artifacts" / "play-screens"
STORY = """format: 1
id: kuvat
title: {fi: Rahat loppuu kesken}
start: alku
scenes:
  alku:
    lines:
      - "Mira avaa pankkisovelluksen. Tilillä on 23 euroa, ja tukeen on kahdeksan päivää."
      - "Jääkaapissa on maitoa, kolme kananmunaa ja puolikas paketti makaroonia."
    discuss: Mitä Mira tekee, kun rahaa on viikon päästä enää kymmenen euroa?
    choices:
      - {id: a, text: "Soitan Kelaan ja kysyn, voiko toimeentulotuesta hakea ennakkoa", goto: loppu}
      - {id: b, text: "Pyydän kaverilta lainaksi vähän rahaa ja maksan sen takaisin", goto: loppu}
      - {id: c, text: "Teen ruokaa kaapin jämistä ja katson, riittääkö se viikon", goto: loppu}
      - {id: d, text: "Menen ruoka-apuun ja kysyn samalla velkaneuvonnasta neuvoa", goto: loppu}
  loppu:
    lines: [Viikko meni.]
    end: {title: Viikko selvittiin}
"""


class Shots:
    def __init__(self, size: tuple[int, int], scale: float, folder: Path) -> None:
        self.size, self.scale, self.folder = size, scale, folder
        self.app = App(size=size, settings=Settings(ui_lang="fi", reduce_motion=True,
                                                    text_scale=scale))
        self.app.idle_timeout_ms = 1

    def view(self, mode: str, people: int = 5):
        view = Game(self.app, [self.folder]).play_view(
            load_story(self.folder), "fi", mode,
            default_participants(people, lambda n: f"Osallistuja {n}"))
        self.app.views[:] = [view]
        self.frames()
        return view

    def frames(self, n: int = 2) -> None:
        self.app.run(max_frames=self.app.frames + n)

    def key(self, key: int, n: int = 1) -> None:
        for _ in range(n):
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="",
                                                 scancode=0))
            self.frames()

    def save(self, name: str) -> Path:
        self.app.dirty = True
        self.frames(1)
        path = OUT / f"{name}-{self.size[0]}x{self.size[1]}-{int(self.scale * 100)}.png"
        pygame.image.save(self.app.screen, str(path))
        return path

    def to_vote(self, view) -> None:
        while view.flow.phase == Phase.LINES:
            self.key(pygame.K_SPACE)


def shoot(size: tuple[int, int], scale: float, folder: Path) -> list[Path]:
    s = Shots(size, scale, folder)
    out = []
    view = s.view("hands")
    s.key(pygame.K_SPACE)
    out.append(s.save("lines"))
    s.to_vote(view)
    s.key(pygame.K_PLUS, n=2)
    s.key(pygame.K_2)
    s.key(pygame.K_PLUS, n=2)
    out.append(s.save("hands-counting"))
    s.key(pygame.K_3)
    s.key(pygame.K_PLUS, n=2)
    s.key(pygame.K_RETURN)
    out.append(s.save("hands-overcount"))
    s.key(pygame.K_ESCAPE)
    s.key(pygame.K_MINUS, n=2)
    s.key(pygame.K_1)
    s.key(pygame.K_PLUS)
    s.key(pygame.K_RETURN)
    out.append(s.save("results-divided"))
    s.key(pygame.K_r)
    s.key(pygame.K_1)
    s.key(pygame.K_PLUS, n=4)
    s.key(pygame.K_2)
    s.key(pygame.K_PLUS)
    s.key(pygame.K_RETURN)
    out.append(s.save("results-most-chose"))
    s.key(pygame.K_r)
    s.key(pygame.K_1)
    s.key(pygame.K_PLUS, n=2)
    s.key(pygame.K_2)
    s.key(pygame.K_PLUS, n=2)
    s.key(pygame.K_RETURN)
    out.append(s.save("results-tie"))
    s.key(pygame.K_2)
    out.append(s.save("decided"))

    view = s.view("secret", people=4)
    s.to_vote(view)
    out.append(s.save("secret-handover-first"))
    s.key(pygame.K_RETURN)
    out.append(s.save("secret-turn"))
    s.key(pygame.K_1)
    out.append(s.save("secret-vote-in"))

    view = s.view("gamepads", people=4)
    s.to_vote(view)
    out.append(s.save("gamepads-no-pads"))
    view = s.view("counsellor")
    s.to_vote(view)
    out.append(s.save("counsellor-choices"))
    s.key(pygame.K_e)
    out.append(s.save("confirm-skip"))
    s.key(pygame.K_ESCAPE)
    s.key(pygame.K_F1)
    out.append(s.save("help"))
    s.app.close()
    return out


def main() -> None:
    if not os.environ.get("DISPLAY"):
        sys.exit("needs a display: run under xvfb-run")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "kuvat"
        folder.mkdir()
        (folder / "story.yaml").write_text(STORY, encoding="utf-8")
        for size in ((1280, 720), (1920, 1080)):
            for scale in (1.0, 2.0):
                for path in shoot(size, scale, folder):
                    print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
