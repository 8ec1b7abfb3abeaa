"""A rehearsal to watch: simulated sessions played on the game's own play screen.

`Director` is a view at the bottom of the window's stack. The app calls every view's `update`
each frame, so the director sees time pass while the game's play screen is on top. It takes the
simulation's steps one at a time and carries each out as the counsellor and the group would:
it posts key presses and gamepad buttons to the window, at reading pace, and waits until the
play flow (`PlayFlow`, which the director makes and hands to the screen) has done what the step
says. It reads where the group is from the flow, never from the screen. Everything that is
logged therefore goes through the same screen, controller, recorder and log as a real session,
and the log is the same as the headless run's for the same seed.

Between sessions (reflection, feedback) the director itself is on top and shows what is
happening: who has rated and answered (never what). Esc still opens the counsellor's menu:
the rehearsal waits while it is open, and "End session" ends the simulated session.
"""

from __future__ import annotations

import pygame

from game.i18n import t, tn
from game.play.controller import PlayController
from game.play.flow import Phase, PlayFlow
from game.ui.app import App, BaseView, Clock, Intent, Pop, Quit
from game.ui.canvas import Canvas, panel
from game.ui.main import Game, SessionHooks
from game.ui.theme import Settings
from game.ui.views.overlays import ConfirmSkip, PauseOverlay
from game.ui.views.play import PlayView

from .engine import (
    Back,
    Begin,
    Confirm,
    Counts,
    Ended,
    Feedback,
    Finish,
    Pause,
    Pick,
    Read,
    Reflect,
    Resume,
    Revote,
    ShowResults,
    SimResult,
    Simulation,
    SkipToEnding,
    Step,
    Stuck,
    Vote,
)

PAD_BASE = 7100  # instance ids of the simulated gamepads: PAD_BASE + place in the group
MAX_PRESSES = 200  # presses for one step before the director gives up (something else moved)
NUMBER_KEYS = [getattr(pygame, f"K_{i}") for i in range(1, 10)]

DONE = "done"
POSTED = "posted"
WAIT = "wait"


def _key(key: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)


def _reading(text: str) -> float:
    """Seconds to read a line aloud at the table (the pace factor scales it)."""
    return 1.2 + len(text) / 20


class Director(BaseView):
    """Plays the simulation's steps on the play screen, paced; see the module's doc."""

    opaque = True

    def __init__(self, app: App, sim: Simulation, pace: float = 1.0) -> None:
        super().__init__(app)
        self.sim = sim
        self.pace = max(0.0, pace)
        self.game = Game(app, [], SessionHooks(finished=self._finished))
        self.steps = sim.steps()
        self.step: Step | None = None
        self.presses = 0
        self.wait = 0.0
        self.begin: Begin | None = None
        self.play: PlayView | None = None
        self.flow: PlayFlow | None = None
        self.heading = ""
        self.lines: list[str] = []
        self.done = False
        self.stopped = False  # gave up: the play screen went its own way

    # -- the hook the play screen calls at its end --

    def _finished(self, app: App, controller: PlayController, how: str) -> Intent | None:
        if how == "ended-early":
            self.sim.end_session_early()
        self.play = self.flow = None
        return Pop()

    # -- time --

    def animating(self) -> bool:
        return not self.done

    def update(self, dt: float) -> bool:
        if self.done:
            return False
        self.wait -= dt
        changed = False
        for _ in range(64):  # steps that need no press may follow each other in one frame
            if self.wait > 0:
                return changed
            if self.step is None:
                if not self._next():
                    return True
                changed = True
                continue
            outcome = self._act(self.step)
            if outcome == DONE:
                self.step = None
                continue
            if outcome == POSTED:
                self.presses += 1
                if self.presses > MAX_PRESSES:
                    self._give_up()
                    return True
                self.wait = self._delay(self.step)
            return changed
        return changed

    def _next(self) -> bool:
        try:
            self.step = next(self.steps)
        except StopIteration:
            self.step = None
            self._finish()
            return False
        self.presses = 0
        self.wait = self._delay(self.step)
        return True

    def _finish(self) -> None:
        self.done = True
        self.app.dirty = True
        if self.pace == 0:
            self.app.apply(Quit())  # nobody is watching at that speed

    def _give_up(self) -> None:
        self.stopped = True
        self.step = None
        self.close()
        while self.app.views and self.app.views[-1] is not self:
            self.app.pop()
        self.heading = t("sim-title", self.lang)
        self.lines = [t("sim-desync", self.lang)]
        self.done = True
        self.app.dirty = True

    def close(self) -> None:
        """Stop the run: an open session is ended as interrupted."""
        self.steps.close()

    # -- pacing --

    def _delay(self, step: Step) -> float:
        """Seconds before the next press of `step`, at reading pace."""
        if self.pace == 0:
            return 0.0
        n = self.presses
        if isinstance(step, Read):
            if not step.lines:
                return 0.5 * self.pace
            return _reading(step.lines[min(n, len(step.lines) - 1)].text) * self.pace
        seconds: float
        if isinstance(step, Begin):
            seconds = 0.0 if step.index == 0 else 3.0
        elif isinstance(step, Vote):
            seconds = 1.5 if n else 1.0
        elif isinstance(step, Counts):
            seconds = 0.35 if n else 1.0
        elif isinstance(step, (Confirm, Pick, Finish)):
            seconds = 3.0
        elif isinstance(step, (Revote, Resume)):
            seconds = 2.5
        elif isinstance(step, (Reflect, Feedback)):
            seconds = 0.8
        elif isinstance(step, Ended):
            seconds = 1.5
        else:
            seconds = 1.0
        return seconds * self.pace

    # -- carrying out a step --

    def _post(self, event: pygame.event.Event) -> str:
        pygame.event.post(event)
        return POSTED

    def _act(self, step: Step) -> str:
        if isinstance(step, Begin):
            return self._begin(step)
        if isinstance(step, (Reflect, Feedback, Ended)):
            return self._interlude(step)
        play, flow = self.play, self.flow
        if play is None or flow is None or self.begin is None or self.sim.session_stopped:
            return DONE  # the counsellor ended the session from the menu
        c = flow.c
        top = self.app.views[-1] if self.app.views else None
        if isinstance(step, Resume):
            if not isinstance(top, PauseOverlay):
                return DONE if self.presses else WAIT
            return self._post(_key(pygame.K_SPACE))
        if isinstance(step, Finish):
            if play not in self.app.views:
                return DONE
            if top is not play:
                return WAIT
            return self._post(_key(pygame.K_SPACE))
        if top is not play:
            if isinstance(step, Pause) and isinstance(top, PauseOverlay):
                return DONE
            if isinstance(step, SkipToEnding) and isinstance(top, ConfirmSkip):
                pygame.event.post(_key(pygame.K_DOWN))  # from "no" to "yes, to the ending"
                return self._post(_key(pygame.K_RETURN))
            return WAIT  # the counsellor's menu or help is open: wait
        if flow.phase == Phase.DECIDED:  # "the counsellor chose …" is read, then on
            return self._post(_key(pygame.K_RETURN))
        if isinstance(step, Read):
            if c.state is not step.state or flow.phase not in (Phase.LINES, Phase.CHECKPOINT):
                return DONE
            return self._post(_key(pygame.K_SPACE))
        if isinstance(step, (Stuck, SkipToEnding, Back, Confirm, Pick)):
            if c.state is not step.state:
                return DONE
            if isinstance(step, Pick):
                return self._post(_key(NUMBER_KEYS[step.choice.number - 1]))
            return self._post(_key(_KEYS[type(step)]))
        if isinstance(step, Pause):
            return self._post(_key(pygame.K_p))
        if isinstance(step, Revote):
            if c.ballot is not None and c.ballot.round > step.round:
                return DONE
            return self._post(_key(pygame.K_r))
        if isinstance(step, Vote):
            return self._vote(step, flow)
        if isinstance(step, Counts):
            if flow.phase == Phase.RESULTS:
                return DONE
            if flow.phase == Phase.OVERCOUNT:  # the simulated count is what it is
                return self._post(_key(pygame.K_RETURN))
            for choice in step.offered:
                if flow.counts.get(choice.id, 0) < step.counts[choice.id]:
                    if flow.focus != choice.number - 1:  # a number selects, + counts
                        return self._post(_key(NUMBER_KEYS[choice.number - 1]))
                    return self._post(_key(pygame.K_PLUS))
            return self._post(_key(pygame.K_RETURN))
        if isinstance(step, ShowResults):
            if flow.phase == Phase.RESULTS:
                return DONE
            if c.vote_mode == "gamepads" and flow.phase == Phase.CHOICES:
                return self._post(_key(pygame.K_RETURN))
            return WAIT
        return DONE

    def _vote(self, step: Vote, flow: PlayFlow) -> str:
        c = flow.c
        if flow.phase == Phase.RESULTS:
            return DONE
        if c.vote_mode == "gamepads":
            if step.choice is None or step.participant in c.voters_done():
                return DONE
            pad = PAD_BASE + [p.id for p in c.participants].index(step.participant)
            number = step.choice.number
            if pad not in flow.pad_cursor and number <= 4:
                return self._post(pygame.event.Event(
                    pygame.JOYBUTTONDOWN, instance_id=pad, joy=pad, button=number - 1))
            if flow.pad_cursor.get(pad, -1) != number - 1:
                return self._post(pygame.event.Event(
                    pygame.JOYHATMOTION, instance_id=pad, joy=pad, hat=0, value=(0, -1)))
            return self._post(pygame.event.Event(
                pygame.JOYBUTTONDOWN, instance_id=pad, joy=pad, button=0))
        if flow.turn > step.turn:
            return DONE
        if step.choice is None:
            return self._post(_key(pygame.K_s))
        if flow.phase == Phase.HANDOVER:
            return self._post(_key(pygame.K_RETURN))
        return self._post(_key(NUMBER_KEYS[step.choice.number - 1]))

    def _begin(self, step: Begin) -> str:
        self.begin = step
        c = step.controller
        title = c.runtime.text(c.runtime.story.title, c.state) or c.runtime.story.id
        self.heading = t("sim-session-n", self.lang, n=step.index + 1, total=step.total,
                         story=title)
        self.lines = [t("sim-present", self.lang,
                        names=", ".join(p.nickname for p in step.players))]
        self.flow = PlayFlow(c)
        if c.vote_mode == "gamepads":  # one simulated pad per participant, in their order
            for i, p in enumerate(step.players):
                self.flow.bind_pad(PAD_BASE + i, p.id)
        self.play = self.game.play_view(step.story, step.language, c.vote_mode,
                                        list(step.players), flow=self.flow)
        self.app.push(self.play)
        self.app.note(t("sim-note", self.lang), 5.0)
        return DONE

    def _interlude(self, step: Reflect | Feedback | Ended) -> str:
        if self.app.views and self.app.views[-1] is not self:
            return WAIT  # the play screen is still closing
        if isinstance(step, Reflect):
            if not any(line == t("sim-reflecting", self.lang) for line in self.lines):
                self.lines = [t("sim-reflecting", self.lang)]
            self.lines.append(f"{step.nickname} ✓")
        elif isinstance(step, Feedback):
            if not any(line == t("sim-feedback", self.lang) for line in self.lines):
                self.lines = [t("sim-feedback", self.lang)]
            self.lines.append(f"{step.nickname} ✓")
        else:
            self.lines = [t("sim-ended", self.lang)]
            self.begin = None
        self.app.dirty = True
        return DONE

    # -- input and drawing (only when no play screen is on top) --

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if self.done and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN,
                                        pygame.FINGERDOWN):
            return Quit()
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        heading = self.heading or t("sim-title", self.lang)
        lines = list(self.lines)
        if self.done and not self.stopped:
            result = self.sim.result
            heading = t("sim-title", self.lang)
            lines = [tn("sim-done", len(result.sessions), self.lang, events=result.events)]
        px = m.text_px(28)
        width = m.width - 4 * m.margin
        canvas.text(heading, (m.width // 2, m.margin), m.text_px(40), theme.accent, True,
                    "midtop")
        # The hint goes under the heading: the bottom of the window is where the app's notes go.
        hint = t("sim-done-hint", self.lang) if self.done else t("sim-note", self.lang)
        hint_y = m.margin + int(m.text_px(40) * 1.4)
        canvas.text(hint, (m.width // 2, hint_y), m.ui_px(20), theme.muted, False, "midtop")
        top = hint_y + int(m.ui_px(20) * 2)
        box = pygame.Rect(2 * m.margin - m.gap, top, width + 2 * m.gap,
                          m.height - top - 2 * m.margin)
        panel(canvas.surface, box, theme.panel, theme.panel_alpha, m.gap)
        y = box.top + m.gap
        for i, line in enumerate(lines[-12:]):
            rect = pygame.Rect(box.left + m.gap, y, width, box.bottom - y)
            y += canvas.paragraph(line, rect, px, theme.text, bold=i == 0) + m.gap // 2


_KEYS: dict[type, int] = {  # the play screen's keys for the counsellor's one-press steps
    Stuck: pygame.K_SPACE,
    SkipToEnding: pygame.K_e,
    Back: pygame.K_BACKSPACE,
    Confirm: pygame.K_RETURN,
}


def open_window(size: tuple[int, int] = (1280, 720), settings: Settings | None = None,
                fullscreen: bool = False) -> App:
    """The game window, titled as a rehearsal with a simulated group."""
    lang = settings.ui_lang if settings is not None else "fi"
    return App(size=size, settings=settings, fullscreen=fullscreen,
               title=t("sim-window-title", lang))


def run_show(sim: Simulation, app: App, *, pace: float = 1.0, clock: Clock | None = None,
             max_frames: int | None = None) -> SimResult:
    """Play the simulation in `app`'s window until it is done and the window is closed (or
    `max_frames` turns of the loop, for tests); an unfinished session ends as interrupted."""
    director = Director(app, sim, pace)
    app.views[:] = [director]
    fps = app.fps
    if pace == 0:
        app.fps = 0  # no frame limit: as fast as the window draws
    try:
        app.run(clock=clock, max_frames=max_frames)
    finally:
        app.fps = fps
        director.close()
    return sim.result
