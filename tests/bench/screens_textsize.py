"""Screenshots of the screens changed for text size, fitting and wording (issue 15, part B),
run on demand under a display (e.g. `xvfb-run -a python tests/bench/screens_textsize.py`).

Every screen at 1280×720 and 1920×1080, at 100 % and 200 % text, saved as
test-artifacts/textsize/<screen>-<w>x<h>-<pct>.png, for a person to look at.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PORUKKA_DATA_DIR", tempfile.mkdtemp(prefix="porukka-shots-"))

import pygame  # noqa: E402

from facilitator.sessions import SessionStore  # noqa: E402
from facilitator.ui.reflection import (  # noqa: E402
    FeedbackView,
    MirrorView,
    RatingView,
    ReflectionFlow,
)
from facilitator.ui.resume import resume_view  # noqa: E402
from facilitator.ui.session import Facilitator  # noqa: E402
from facilitator.ui.setup import SessionOptionsView, SetupView  # noqa: E402
from game.resources import builtin_stories_dir  # noqa: E402
from game.story.loader import load_story  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.main import Game  # noqa: E402
from game.ui.theme import Settings  # noqa: E402
from game.ui.views.language import LanguageView  # noqa: E402
from game.ui.views.options import QuickSetupView, SettingsView  # noqa: E402
from game.ui.views.overlays import CounsellorMenu, HelpOverlay  # noqa: E402

STORY = builtin_stories_dir() / "rahat-loppuu"
OUT = ROOT / "test-artifacts" / "textsize"
NAMES = ("Kettu", "Susi", "Ilves", "Karhu", "Pöllö Pekka", "Siili")


def shoot(app: App, views: list, name: str, tag: str) -> Path:
    app.views[:] = views
    app.draw()
    path = OUT / f"{name}-{tag}.png"
    pygame.image.save(app.screen, str(path))
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    saved = []
    for size in ((1280, 720), (1920, 1080)):
        for scale in (1.0, 2.0):
            tag = f"{size[0]}x{size[1]}-{int(scale * 100)}"
            lang = "fi"
            app = App(size=size, settings=Settings(ui_lang=lang, reduce_motion=True,
                                                   text_scale=scale))
            store = SessionStore()
            group = store.groups.create_group(f"Tiistai {tag}")
            people = [store.groups.add_participant(group.id, n) for n in NAMES]
            fac = Facilitator(store)
            fac.game = Game(app, [builtin_stories_dir()], fac.hooks())
            menu = fac.game.menu()
            loaded = load_story(STORY)
            defaults = fac.defaults(loaded, lang)
            saved.append(shoot(app, [menu], "menu", tag))
            saved.append(shoot(app, [menu, LanguageView(app)], "first-start-language", tag))
            saved.append(shoot(app, [SettingsView(app, False)], "settings", tag))
            quick = QuickSetupView(app, loaded.story.languages, lambda c: None)
            quick.options[1].index = quick.options[1].values.index("secret")
            saved.append(shoot(app, [quick], "quick-setup-secret", tag))
            setup = SetupView(app, fac, loaded, defaults)
            setup.select_group(group)
            saved.append(shoot(app, [setup], "setup", tag))
            saved.append(shoot(app, [SessionOptionsView(app, loaded, defaults,
                                                        lambda *a: None)], "options", tag))
            app.apply(fac.start(app, loaded, group, [p.id for p in people], lang, "counsellor",
                                "private"))
            play = app.views[-1]
            c = play.c
            while not c.is_choice_point():
                c.advance()
            c.decide(c.offered()[0].id, "counsellor")
            saved.append(shoot(app, [play, CounsellorMenu(app, play)], "counsellor-menu", tag))
            saved.append(shoot(app, [play, HelpOverlay(app)], "help", tag))
            flow = ReflectionFlow(app, fac, fac.run, c, final=True)
            saved.append(shoot(app, [MirrorView(app, flow)], "mirror", tag))
            saved.append(shoot(app, [RatingView(app, flow, 0, {})], "me-now", tag))
            saved.append(shoot(app, [FeedbackView(app, flow)], "feedback", tag))
            app.change_text_size(+1 if scale < 2 else -1)
            saved.append(shoot(app, [play], "text-size-note", tag))
            app.change_settings(Settings(ui_lang=lang, reduce_motion=True, text_scale=scale))
            while not c.is_choice_point():
                c.advance()
            c.vote(people[0].id, c.offered()[0].id)
            fac.shutdown()
            fac2 = Facilitator(SessionStore())
            fac2.game = Game(app, [builtin_stories_dir()], fac2.hooks())
            view = resume_view(app, fac2)
            if view is not None:
                app.notes.clear()
                saved.append(shoot(app, [view], "resume", tag))
                fac2.close_interrupted(view.summary.id)
            fac2.shutdown()
            app.close()
    for path in saved:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
