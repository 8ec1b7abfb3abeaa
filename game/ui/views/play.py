"""The play screen: lines revealed one at a time, the discussion, the vote and its result.

The screen draws a `PlayFlow` and turns keys, clicks, touches and gamepad buttons into calls on
it; what phase the group is in, the counts, the turns and the pads live in the flow, where the
counsellor's console and the simulator read them. The view keeps only what is about drawing:
the pages of lines and how many are shown, the fade, the bars, and where things were drawn.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from ...play.controller import PlayController
from ...play.flow import Phase, PlayFlow
from ...story.runtime import OfferedChoice, Runtime, ShownLine
from ..app import App, BaseView, Intent, Pop, Push
from ..canvas import (
    Canvas,
    fit,
    font,
    icon,
    panel,
    paragraph_height,
    rounded,
    shape,
    shorten,
    wrap,
)
from ..media import Media
from ..speech import Speaker
from ..theme import hex_colour, readable_on
from ..watch import Reload, StoryWatcher, carry_over
from ..widgets import Button, TileLayout, draw_tile, layout_tiles
from .overlays import ConfirmSkip, CounsellorMenu, HelpOverlay, PauseOverlay
from .saving import Saving, SavingView

log = logging.getLogger("porukka.ui")

NUMBER_KEYS = {getattr(pygame, f"K_{i}"): i for i in range(1, 10)}
NUMBER_KEYS.update({getattr(pygame, f"K_KP{i}"): i for i in range(1, 10)})
ADVANCE_KEYS = (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_RIGHT)
CONFIRM_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)
# What Enter does, lit up on its button.
FOCUSED = ("advance", "confirm", "results", "open-turn", "go-on", "accept-counts")
PLUS_KEYS = (pygame.K_PLUS, pygame.K_KP_PLUS, pygame.K_EQUALS)
MINUS_KEYS = (pygame.K_MINUS, pygame.K_KP_MINUS)


@dataclass
class Row:
    """One row of laid-out text: which line it belongs to, and whether a name plate precedes."""

    line: int
    text: str
    speaker: ShownLine | None  # set on the first row of a spoken line


class PlayView(BaseView):
    """One story being played by the group: draws `flow` and feeds it the group's input."""

    def __init__(
        self,
        app: App,
        flow: PlayFlow | PlayController,
        media: Media | None = None,
        speaker: Speaker | None = None,
        on_finished: Callable[[PlayController, str], Intent | None] | None = None,
        on_reflect: Callable[[PlayController], Intent | None] | None = None,
        watcher: StoryWatcher | None = None,
        saving: Saving | None = None,
    ) -> None:
        """`saving`: the session log's state; when a write fails, play stops at once on a
        calm screen until everything waiting is written (or the session is ended)."""
        super().__init__(app)
        self.watcher = watcher
        self.saving = saving
        self.watch_error: str | None = None
        self.flow = flow if isinstance(flow, PlayFlow) else PlayFlow(flow)
        self.media = media
        self.speaker = speaker or Speaker()
        self.on_finished = on_finished
        self.on_reflect = on_reflect
        self.buttons: list[Button] = []
        self.tile_rects: list[pygame.Rect] = []
        self.minus_rects: list[pygame.Rect] = []
        self.plus_rects: list[pygame.Rect] = []
        self.menu_button = pygame.Rect(0, 0, 0, 0)
        self.notified_missing: set[str] = set()
        self._anim_rects: list[pygame.Rect] = []
        self._hint_right = 0
        self._bar_slots: list[tuple[pygame.Rect, float, bool]] = []
        self._drawn_boxes: list = []
        self._drawn_once = False
        for instance_id in self.app.joysticks:  # pads plugged in before the story started
            self.flow.bind_pad(instance_id)
        self._seen: tuple[int, Phase] = (-1, Phase.LINES)  # nothing laid out yet
        self._sync()

    @property
    def c(self) -> PlayController:
        """The controller the flow plays with (what the session's hooks are handed)."""
        return self.flow.c

    # -- following the flow ------------------------------------------------------------------

    def _sync(self) -> Intent | None:
        """After a call on the flow: lay out a new scene, start the bars, say what changed,
        and open the reflection at a checkpoint."""
        count, phase = self._seen
        flow = self.flow
        if flow.scene_count != count:
            self._enter_scene()
            phase = Phase.LINES
        self._seen = (flow.scene_count, flow.phase)
        if flow.phase == phase:
            return None
        if flow.phase == Phase.CHOICES and phase != Phase.RESULTS:
            self._say_choices()
        elif flow.phase == Phase.RESULTS:
            self.bars = 1.0 if self.app.settings.reduce_motion else 0.0
            self._say(self.result_text())
        elif flow.phase == Phase.DECIDED and flow.decided is not None:
            self._say(self.tr("results-chose", text=flow.decided.text))
        elif flow.phase == Phase.ENDING:
            ending = self.c.ending()
            if ending:
                self._say(ending[0])
        elif flow.phase == Phase.CHECKPOINT and self.on_reflect:
            return self.on_reflect(self.c)
        return None

    def _enter_scene(self) -> None:
        self.lines = self.c.lines()
        self.pages: list[list[Row]] = []
        self.page = 0
        self.revealed = 1  # lines of the current page shown
        self.fade = 0.0 if not self.app.settings.reduce_motion else 1.0
        self.bars = 0.0
        self._layout_pages()
        self._scene_audio()
        if self.lines:
            self._say_line(0)

    def _scene_audio(self) -> None:
        if self.media is None:
            return
        scene = self.c.runtime.scene(self.c.state)
        problem = self.media.play_scene_audio(scene.music, scene.sound)
        if problem == "no-audio" and not self.app_noted("no-audio"):
            self.app.note(self.tr("note-no-audio"))
        elif problem == "sound-failed":
            self.app.note(self.tr("note-sound", name=scene.music or scene.sound or ""))

    def app_noted(self, key: str) -> bool:
        """True the second time on: a note said once per session is enough."""
        if key in self.notified_missing:
            return True
        self.notified_missing.add(key)
        return False

    def on_resize(self) -> None:
        line = self._current_line_index()
        self._layout_pages()
        # Keep the group where it was: the page holding the last line shown.
        for p, rows in enumerate(self.pages):
            ids = sorted({r.line for r in rows})
            if line in ids:
                self.page = p
                self.revealed = ids.index(line) + 1
                break

    def _current_line_index(self) -> int:
        if not self.pages:
            return 0
        ids = sorted({r.line for r in self.pages[min(self.page, len(self.pages) - 1)]})
        return ids[min(self.revealed, len(ids)) - 1] if ids else 0

    def _page_lines(self) -> list[int]:
        if not self.pages:
            return []
        return sorted({r.line for r in self.pages[self.page]})

    @property
    def phase(self) -> Phase:
        """The flow's phase (read-only here: the flow decides)."""
        return self.flow.phase

    def advance(self) -> Intent | None:
        """Space, Enter, a click: the next line, or on from where the flow is."""
        phase = self.flow.phase
        if phase == Phase.LINES:
            ids = self._page_lines()
            if self.fade < 1.0:
                self.fade = 1.0  # the animation is skipped, not the line
                return None
            if self.revealed < len(ids):
                self.revealed += 1
                self.fade = 0.0 if not self.app.settings.reduce_motion else 1.0
                self._say_line(ids[self.revealed - 1])
                return None
            if self.page + 1 < len(self.pages):
                self.page += 1
                self.revealed = 1
                self.fade = 0.0 if not self.app.settings.reduce_motion else 1.0
                self._say_line(self._page_lines()[0])
                return None
            self.flow.lines_done()
            return self._sync()
        if phase == Phase.CHECKPOINT:
            self.flow.checkpoint_passed()
            return self._sync()
        if phase == Phase.STUCK:
            self.flow.leave_stuck()
            return self._sync()
        if phase == Phase.ENDING:
            return self._finish("ended")
        return None

    def _finish(self, how: str) -> Intent | None:
        self.speaker.stop()
        if self.media is not None:
            self.media.stop_audio()
        if self.on_finished:
            return self.on_finished(self.c, how)
        return Pop()

    # -- voting ----------------------------------------------------------------------------

    def offered(self) -> list[OfferedChoice]:
        return self.flow.offered()

    def _choose_number(self, n: int) -> Intent | None:
        if self.flow.phase == Phase.RESULTS and self.flow.tally().winner is None:
            self.speaker.stop()  # the counsellor decides
        elif self.flow.phase == Phase.CHOICES and self.flow.vote_mode in ("counsellor",
                                                                         "gamepads"):
            self.speaker.stop()
        self.flow.choose(n)
        return self._sync()

    def _open_turn(self) -> Intent | None:
        self.flow.open_turn()
        return self._sync()

    # -- counsellor actions ----------------------------------------------------------------

    def back(self) -> Intent | None:
        if self.c.can_go_back():
            self.speaker.stop()
            self.flow.back()
        return self._sync()

    def skip(self) -> Intent | None:
        if not self.c.ended:
            self.speaker.stop()
            self.flow.skip()
        return self._sync()

    def ask_skip(self) -> Intent | None:
        """E or the menu: skipping to an ending is asked about first (it cannot be undone
        with one step back)."""
        if self.c.ended:
            return None
        return Push(ConfirmSkip(self.app, self))

    def pause(self) -> Intent:
        self.speaker.stop()
        self.flow.action("pause")
        return Push(PauseOverlay(self.app, on_resume=lambda: self.flow.action("resume")))

    def end_session(self) -> Intent | None:
        self.flow.action("end-session")
        return self._finish("ended-early")

    def menu_action(self, action: str) -> Intent | None:
        """What the counsellor's on-screen menu asks for."""
        if action == "pause":
            return self.pause()
        if action == "back":
            return self.back()
        if action == "skip":
            return self.ask_skip()
        if action in ("bigger", "smaller"):
            self.app.change_text_size(+1 if action == "bigger" else -1)
            self.flow.action("text-size", str(self.app.settings.text_scale))
        elif action == "timer-extend":
            self.flow.extend_timer()
        elif action == "timer-stop":
            self.flow.stop_timer()
        elif action == "help":
            return Push(HelpOverlay(self.app))
        elif action == "end":
            return self.end_session()
        return None

    # -- input -----------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if self._stop_if_unsaved():
            return None  # this input waits: nothing moves until the log is written again
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self._click(event.pos)
        if event.type == pygame.FINGERDOWN:
            w, h = self.app.screen.get_size()
            return self._click((int(event.x * w), int(event.y * h)))
        if event.type == pygame.MOUSEWHEEL:
            if event.y:
                self.flow.add_hands(1 if event.y > 0 else -1)
            return None
        if event.type in (pygame.JOYBUTTONDOWN, pygame.JOYHATMOTION):
            return self._pad(event)
        if event.type == pygame.JOYDEVICEADDED:
            self._pad_added(event)
        if event.type == pygame.JOYDEVICEREMOVED:
            self._pad_removed(event)
        return None

    def _key(self, event: pygame.event.Event) -> Intent | None:
        key = event.key
        shift = event.mod & pygame.KMOD_SHIFT
        flow = self.flow
        phase = flow.phase
        if phase == Phase.OVERCOUNT:
            if key in CONFIRM_KEYS:
                return self._button("accept-counts")
            if key in (pygame.K_ESCAPE, *MINUS_KEYS):
                return self._button("fix-counts")
        if key == pygame.K_ESCAPE:
            return Push(CounsellorMenu(self.app, self))
        if key == pygame.K_F1:
            return Push(HelpOverlay(self.app))
        if key == pygame.K_p:
            return self.pause()
        if key == pygame.K_BACKSPACE:
            return self.back()
        if key == pygame.K_e:
            return self.ask_skip()
        if key == pygame.K_t:
            if shift:
                flow.stop_timer()
            else:
                flow.extend_timer()
            return None
        if phase == Phase.DECIDED:
            if key in CONFIRM_KEYS or key == pygame.K_SPACE:
                return self._button("go-on")
            return None
        if phase == Phase.HANDOVER:
            if key in CONFIRM_KEYS or key == pygame.K_SPACE:
                return self._open_turn()
            if key == pygame.K_s:
                return self._button("skip-turn")
            return None
        if key in NUMBER_KEYS:
            return self._choose_number(NUMBER_KEYS[key])
        if phase == Phase.CHOICES and flow.vote_mode == "hands":
            return self._hands_key(key)
        if phase == Phase.CHOICES and flow.vote_mode == "gamepads" and key in CONFIRM_KEYS:
            return self._button("results")
        if phase == Phase.CHOICES and flow.vote_mode == "secret" and key == pygame.K_s:
            return self._button("skip-turn")
        if phase == Phase.RESULTS:
            if key in CONFIRM_KEYS or key == pygame.K_SPACE:
                return self._button("confirm")
            if key == pygame.K_r:
                return self._button("revote")
            return None
        if key in ADVANCE_KEYS:
            return self.advance()
        return None

    def _hands_key(self, key: int) -> Intent | None:
        flow = self.flow
        if key in (pygame.K_UP, pygame.K_LEFT):
            flow.move_focus(-1)
        elif key in (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_TAB):
            flow.move_focus(1)
        elif key in PLUS_KEYS:
            flow.add_hands(1)
        elif key in MINUS_KEYS:
            flow.add_hands(-1)
        elif key in CONFIRM_KEYS:
            return self._button("results")
        return None

    def _click(self, pos: tuple[int, int]) -> Intent | None:
        flow = self.flow
        if self.menu_button.collidepoint(pos):
            return Push(CounsellorMenu(self.app, self))
        for b in self.buttons:
            if b.hit(pos):
                return self._button(b.action)
        if flow.phase == Phase.CHOICES and flow.vote_mode == "hands":
            for i, (minus, plus) in enumerate(zip(self.minus_rects, self.plus_rects,
                                                  strict=False)):
                if minus.collidepoint(pos):
                    flow.add_hands(-1, i)
                    return None
                if plus.collidepoint(pos):
                    flow.add_hands(1, i)
                    return None
        if flow.phase in (Phase.CHOICES, Phase.RESULTS):
            for i, rect in enumerate(self.tile_rects):
                if rect.collidepoint(pos):
                    if flow.phase == Phase.RESULTS and not flow.can_pick(i + 1):
                        return None
                    return self._choose_number(i + 1)
            return None
        if flow.phase in (Phase.OVERCOUNT, Phase.DECIDED):
            return None  # only their buttons: a stray tap decides nothing
        if flow.phase == Phase.HANDOVER:
            return self._open_turn()
        return self.advance()

    def _button(self, action: str) -> Intent | None:
        """An on-screen control, its key, or the counsellor's pad: the same call on the flow."""
        flow = self.flow
        if action == "results":
            flow.show_results()
        elif action == "confirm":
            self.speaker.stop()
            flow.confirm()
        elif action == "revote":
            flow.revote()
        elif action == "skip-turn":
            flow.skip_turn()
        elif action == "open-turn":
            flow.open_turn()
        elif action == "accept-counts":
            flow.accept_overcount()
        elif action == "fix-counts":
            flow.fix_counts()
        elif action == "go-on":
            flow.go_on()
        elif action == "advance":
            return self.advance()
        return self._sync()

    def controls(self) -> list[tuple[str, str]]:
        """The buttons of the current phase, with their keys on them: (label, action)."""
        flow = self.flow
        phase = flow.phase
        mode = flow.vote_mode
        if phase == Phase.LINES:
            return [(self.tr("btn-continue-space"), "advance")]
        if phase in (Phase.CHECKPOINT, Phase.STUCK, Phase.ENDING):
            return [(self.tr("btn-continue"), "advance")]
        if phase == Phase.HANDOVER:
            return [(self.tr("btn-skip-turn"), "skip-turn"), (self.tr("btn-open-turn"),
                                                              "open-turn")]
        if phase == Phase.CHOICES:
            if mode == "hands":
                return [(self.tr("btn-show-result"), "results")]
            if mode == "secret":
                return [(self.tr("btn-skip-turn"), "skip-turn")]
            if mode == "gamepads":
                return [(self.tr("btn-close-vote"), "results")]
            return []
        if phase == Phase.OVERCOUNT:
            return [(self.tr("btn-fix-counts"), "fix-counts"),
                    (self.tr("btn-accept-counts"), "accept-counts")]
        if phase == Phase.RESULTS:
            out = [(self.tr("btn-revote"), "revote")]
            if flow.tally().winner is not None:
                out.append((self.tr("btn-continue"), "confirm"))
            return out
        if phase == Phase.DECIDED:
            return [(self.tr("btn-continue"), "go-on")]
        return []

    # -- gamepads --------------------------------------------------------------------------

    def _pad_added(self, event: pygame.event.Event) -> None:
        for instance_id, joy in self.app.joysticks.items():
            if instance_id not in self.flow.pads:
                self.flow.bind_pad(instance_id)
                self.app.note(self.tr("gamepad-added", name=joy.get_name()))

    def _pad_removed(self, event: pygame.event.Event) -> None:
        pid = self.flow.unbind_pad(event.instance_id)
        name = next((p.nickname for p in self.c.participants if p.id == pid), "?")
        self.app.note(self.tr("gamepad-removed", name=name))
        self._sync()

    def _pad(self, event: pygame.event.Event) -> Intent | None:
        instance = getattr(event, "instance_id", getattr(event, "joy", -1))
        if event.type == pygame.JOYHATMOTION:
            self.flow.pad_hat(instance, event.value[0], event.value[1])
            return None
        if self.flow.pad_button(instance, event.button):
            return self.advance()
        return self._sync()

    # -- time ------------------------------------------------------------------------------

    def animating(self) -> bool:
        return self.fade < 1.0 or (self.flow.phase == Phase.RESULTS and self.bars < 1.0) or \
            self.flow.timer_ticking()

    def animation_rects(self) -> list[pygame.Rect] | None:
        """What an animation frame changes: the fading line, the bars, the timer."""
        rects = list(self._anim_rects)
        return rects or None

    @property
    def wake_ms(self) -> int | None:
        """How often an idle screen wakes up: often enough to notice a save in watch mode."""
        return self.watcher.wake_ms if self.watcher is not None else None

    def _reload(self, reload: Reload) -> None:
        if reload.loaded is None:
            first = reload.errors[0].format(self.lang) if reload.errors else "?"
            self.watch_error = self.tr("watch-error", error=first)
            log.info("story has errors; the last good version keeps playing")
            self.on_resize()
            self.app.dirty = True  # the banner moves everything: the whole window, now
            return
        self.watch_error = None
        self.app.dirty = True
        loaded = reload.loaded
        runtime = Runtime(loaded.story, self.c.runtime.lang, story_hash=loaded.content_hash)
        state = carry_over(self.c.state, runtime) or runtime.begin().state
        self.c.replace_story(runtime, state)
        if self.media is not None:
            self.media = self.media.reloaded(loaded.folder)
        self.flow.restart_scene()
        self._sync()
        self.app.note(self.tr("watch-reloaded"), 3)
        log.info("story reloaded in %.0f ms", reload.seconds * 1000)

    def _stop_if_unsaved(self) -> bool:
        """Cover the story with the calm saving screen when a log write has failed."""
        if self.saving is None:
            return False
        problem = self.saving.problem()
        if problem is None:
            return False
        if not any(isinstance(v, SavingView) for v in self.app.views):
            log.warning("the session log cannot be written (%s): play stops", problem.detail)
            self.app.push(SavingView(self.app, self.saving, problem, on_end=self.end_session))
            self.app.dirty = True
        return True

    def update(self, dt: float) -> bool:
        if self._stop_if_unsaved():
            return False  # nothing moves (no fade, no timer) while the story is covered
        changed = False
        if self.watcher is not None:
            reload = self.watcher.poll(dt)
            if reload is not None:
                self._reload(reload)
                changed = True
        if self.fade < 1.0:
            self.fade = min(1.0, self.fade + dt / 0.35)
            changed = True
        if self.flow.phase == Phase.RESULTS and self.bars < 1.0:
            self.bars = min(1.0, self.bars + dt / 0.6)
            changed = True
        if self.flow.tick(dt):
            changed = True
        return changed

    # -- read-aloud --------------------------------------------------------------------------

    def _say(self, text: str) -> None:
        if self.app.settings.read_aloud:
            self.speaker.say(text, self.c.runtime.lang)

    def _say_line(self, index: int) -> None:
        if 0 <= index < len(self.lines):
            line = self.lines[index]
            self._say(f"{line.name}: {line.text}" if line.name else line.text)

    def _say_choices(self) -> None:
        parts = [self.c.discuss() or ""] + [f"{c.number}. {c.text}" for c in self.offered()]
        self._say(" ".join(p for p in parts if p))

    # -- layout ----------------------------------------------------------------------------

    def _text_area(self) -> pygame.Rect:
        m = self.app.metrics
        top = self._status_height() + m.margin
        rect = pygame.Rect(m.margin, top, m.width - 2 * m.margin,
                           self._footer_rect().top - top)
        return rect.inflate(-2 * m.gap, -2 * m.gap)

    def _status_height(self) -> int:
        """The status bar, and under it the authoring error banner in watch mode."""
        return int(self.app.metrics.ui_px() * 2.2) + self._banner_height()

    def _banner_height(self) -> int:
        if not self.watch_error:
            return 0
        m = self.app.metrics
        width = m.width - 2 * m.margin - 2 * m.gap
        return paragraph_height(self.watch_error, width, m.ui_px(20)) + 2 * m.gap

    def _draw_banner(self, canvas: Canvas) -> None:
        if not self.watch_error:
            return
        theme = self.app.theme
        m = self.app.metrics
        top = int(m.ui_px() * 2.2)
        box = pygame.Rect(0, top, m.width, self._banner_height())
        panel(canvas.surface, box, theme.panel, 255, 0)
        pygame.draw.rect(canvas.surface, theme.warn, box, 3)
        canvas.paragraph(self.watch_error, box.inflate(-2 * (m.margin + m.gap), -2 * m.gap),
                         m.ui_px(20), theme.warn, bold=True)

    def _layout_pages(self) -> None:
        m = self.app.metrics
        area = self._text_area()
        px = m.text_px()
        f = font(px)
        step = int(f.get_linesize() * 1.25 / 1.1)
        plate = int(m.ui_px() * 1.9)
        pages: list[list[Row]] = [[]]
        used = 0
        for i, line in enumerate(self.lines):
            rows = wrap(line.text, f, area.width)
            need = step * len(rows) + (plate if line.name else 0) + m.gap
            if pages[-1] and used + need > area.height:
                pages.append([])
                used = 0
            for j, text in enumerate(rows):
                if j and used + step > area.height:  # one line longer than a screen
                    pages.append([])
                    used = 0
                head = line if (j == 0 and line.name) else None
                pages[-1].append(Row(i, text, head))
                used += step + (plate if head else 0)
            used += m.gap
        self.pages = [p for p in pages if p] or [[]]
        self.page = min(self.page, len(self.pages) - 1)

    # -- drawing ----------------------------------------------------------------------------

    def draw(self, canvas: Canvas) -> None:
        if not self._drawn_once:
            self._drawn_once = True
            log.info("the story is on the screen")
        if self._bars_only():
            self._grow_bars(canvas)
            return
        theme = self.app.theme
        surf = canvas.surface
        scene = self.c.runtime.scene(self.c.state)
        picture = None
        if self.media is not None and scene.background:
            picture = self.media.picture(scene.background, surf.get_size())
            if picture is None and scene.background not in self.notified_missing:
                self.notified_missing.add(scene.background)
                self.app.note(self.tr("note-image", name=scene.background))
        if picture is not None and theme.name != "high-contrast" \
                and self.flow.phase != Phase.HANDOVER:
            surf.blit(picture, (0, 0))
        else:
            surf.fill(theme.bg)
        self.buttons = []
        self.tile_rects = []
        self.minus_rects = []
        self.plus_rects = []
        self._anim_rects = []
        self._bar_slots = []
        self._draw_status(canvas)
        self._draw_banner(canvas)
        self._draw_controls(canvas)
        self._drawn_boxes = canvas.boxes  # the frame's texts, also for frames of bars only
        if self.flow.phase in (Phase.LINES, Phase.CHECKPOINT):
            self._draw_lines(canvas)
            if self.flow.phase == Phase.CHECKPOINT:
                self._hint(canvas, self.tr("reflect-checkpoint"))
        elif self.flow.phase == Phase.HANDOVER:
            self._draw_handover(canvas)
        elif self.flow.phase in (Phase.CHOICES, Phase.RESULTS):
            self._draw_choices(canvas)
        elif self.flow.phase == Phase.OVERCOUNT:
            self._draw_message(canvas, self.trn("overcount", self.flow.present,
                                                counted=self.flow.counted))
        elif self.flow.phase == Phase.DECIDED and self.flow.decided is not None:
            self._draw_message(canvas, self.tr("results-chose", text=self.flow.decided.text))
        elif self.flow.phase == Phase.STUCK:
            self._draw_message(canvas, self.tr("stuck"))
        elif self.flow.phase == Phase.ENDING:
            self._draw_ending(canvas)

    def _draw_status(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        h = int(m.ui_px() * 2.2)
        bar = pygame.Rect(0, 0, m.width, h)
        panel(canvas.surface, bar, theme.panel, theme.panel_alpha, 0)
        px = m.ui_px()
        label = self.tr("menu-button")
        ic = int(px * 0.8)
        bw = font(px, True).size(label)[0] + ic + 3 * m.gap
        self.menu_button = pygame.Rect(m.width - m.margin - bw, (h - int(px * 1.6)) // 2, bw,
                                       int(px * 1.6))
        rounded(canvas.surface, self.menu_button, theme.tile, 8)
        rounded(canvas.surface, self.menu_button, theme.border, 8, 2)
        icon(canvas.surface, "menu",
             pygame.Rect(self.menu_button.left + m.gap, self.menu_button.centery - ic // 2, ic,
                         ic), theme.tile_text)
        canvas.text(label, (self.menu_button.right - m.gap, self.menu_button.centery), px,
                    theme.tile_text, True, "midright")
        right = self.menu_button.left - m.gap * 2
        for label_text, value in reversed(self.c.shown_variables()):
            item = f"{label_text}: {value}"
            w = font(px, True).size(item)[0]
            if right - w < m.margin + m.width // 4:
                break
            canvas.text(item, (right, h // 2), px, theme.text, True, "midright")
            right -= w + m.gap * 2
        title = self.c.runtime.text(self.c.runtime.story.title, self.c.state) or \
            self.c.runtime.story.id
        room = right - m.margin - m.gap
        title = fit(title, px, room) if room > px * 3 else ""
        if title:
            canvas.text(title, (m.margin, h // 2), px, theme.muted, False, "midleft")

    def _draw_lines(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        area = self._text_area()
        px = m.text_px()
        f = font(px)
        step = int(f.get_linesize() * 1.25 / 1.1)
        plate_px = m.ui_px()
        plate_h = int(m.ui_px() * 1.9)
        rows = self.pages[self.page] if self.pages else []
        shown = set(self._page_lines()[: self.revealed])
        visible = [r for r in rows if r.line in shown]
        if not visible:
            return
        height = 0
        last_line = None
        for r in visible:
            if last_line is not None and r.line != last_line:
                height += m.gap
            height += step + (plate_h if r.speaker else 0)
            last_line = r.line
        box = pygame.Rect(area.left - m.gap, area.bottom - height - m.gap, area.width + 2 * m.gap,
                          height + 2 * m.gap)
        box.top = max(box.top, area.top - m.gap)
        self._draw_portrait(canvas, box, area, visible)
        panel(canvas.surface, box, theme.panel, theme.panel_alpha, max(8, m.gap))
        y = box.top + m.gap
        newest = max(shown)
        last_line = None
        for r in visible:
            if last_line is not None and r.line != last_line:
                y += m.gap
            last_line = r.line
            alpha = 255 if r.line != newest else int(255 * min(1.0, 0.25 + 0.75 * self.fade))
            if r.speaker is not None:
                colour = hex_colour(r.speaker.color, theme.accent)
                if theme.name == "high-contrast":
                    colour = theme.accent
                name_w = font(plate_px, True).size(r.speaker.name or "")[0] + 2 * m.gap
                plate = pygame.Rect(area.left, y, name_w, int(plate_px * 1.6))
                rounded(canvas.surface, plate, colour, 8)
                if r.line == newest:
                    self._anim_rects.append(plate)
                canvas.text(r.speaker.name or "", plate.center, plate_px, readable_on(colour),
                            True, "center", alpha)
                y += plate_h
            drawn = canvas.text(r.text, (area.left, y), px, theme.text, False, "topleft", alpha)
            if r.line == newest:
                self._anim_rects.append(drawn.inflate(4, 4))
            y += step

    def _draw_portrait(self, canvas: Canvas, box: pygame.Rect, area: pygame.Rect,
                       visible: list[Row]) -> None:
        """The speaking character's picture standing on the text panel, where there is room."""
        if self.media is None or not visible:
            return
        newest = max(r.line for r in visible)
        who = self.lines[newest].who if newest < len(self.lines) else None
        character = self.c.runtime.story.characters.get(who) if who else None
        if character is None or not character.image:
            return
        m = self.app.metrics
        room = box.top - area.top
        side = min(int(300 * m.unit), room)
        if side < int(120 * m.unit):
            return
        picture = self.media.portrait(character.image, side)
        if picture is None:
            if character.image not in self.notified_missing:
                self.notified_missing.add(character.image)
                self.app.note(self.tr("note-image", name=character.image))
            return
        rect = picture.get_rect(bottomright=(box.right - m.gap, box.top))
        canvas.surface.blit(picture, rect)

    def _footer_rect(self) -> pygame.Rect:
        """The bottom row: the hint on the left, the phase's buttons on the right."""
        m = self.app.metrics
        h = int(m.ui_px() * 2.4)
        return pygame.Rect(m.margin, m.height - h - m.margin // 2, m.width - 2 * m.margin, h)

    def _draw_controls(self, canvas: Canvas) -> None:
        """The phase's buttons, right-aligned in the bottom row, each with its key on it."""
        theme = self.app.theme
        m = self.app.metrics
        row = self._footer_rect()
        px = m.ui_px(20)
        h = row.height - 4
        right = row.right
        room = row.width * 3 // 4
        self._hint_right = row.right
        for label, action in reversed(self.controls()):
            f = font(px, True)
            label = shorten(label, f, max(px * 3, room // max(1, len(self.controls())) - 2 *
                                          m.gap))
            w = f.size(label)[0] + 2 * m.gap
            rect = pygame.Rect(right - w, row.top + 2, w, h)
            button = Button(rect, label, action, focused=action in FOCUSED)
            button.draw(canvas, theme, px)
            self.buttons.append(button)
            right = rect.left - m.gap
            self._hint_right = right

    def _hint(self, canvas: Canvas, text: str) -> None:
        """A hint left of the buttons, shortened with "…" when the row is too narrow."""
        theme = self.app.theme
        m = self.app.metrics
        px = m.ui_px(20)
        row = self._footer_rect()
        room = self._hint_right - row.left - 2 * m.gap
        if room < px * 3:
            return
        text = shorten(text, font(px), room)
        if not text:
            return
        w = font(px).size(text)[0]
        back = pygame.Rect(self._hint_right - w - 2 * m.gap, row.centery - px, w + 2 * m.gap,
                           2 * px)
        panel(canvas.surface, back, theme.panel, theme.panel_alpha, max(6, m.gap // 2))
        canvas.text(text, (back.right - m.gap, row.centery), px, theme.muted, False,
                    "midright")

    def _draw_message(self, canvas: Canvas, text: str) -> None:
        theme = self.app.theme
        m = self.app.metrics
        area = self._text_area()
        px = m.text_px()
        box = area.inflate(-area.width // 8, 0)
        h = paragraph_height(text, box.width - 2 * m.gap, px)
        box.height = h + 2 * m.gap
        box.centery = area.centery
        panel(canvas.surface, box, theme.panel, theme.panel_alpha, m.gap)
        canvas.paragraph(text, box.inflate(-2 * m.gap, -2 * m.gap), px, theme.text, align="center")

    def _draw_handover(self, canvas: Canvas) -> None:
        """The screen handed to the next voter: their mark and name in big letters, and
        "your vote is in ✓" for the one who just voted."""
        theme = self.app.theme
        m = self.app.metrics
        p = self.c.participants[self.flow.turn]
        area = self._text_area()
        done = self.flow.last_voter
        if done is not None:
            px_done = m.ui_px(24)
            text = self.tr("secret-vote-in", name=done.nickname)
            text = shorten(text, font(px_done, True), area.width - 2 * px_done)
            w = font(px_done, True).size(text)[0] + int(px_done * 1.4)
            x = area.centerx - w // 2
            icon(canvas.surface, "check", pygame.Rect(x, area.top, px_done, px_done),
                 theme.accent)
            canvas.text(text, (x + int(px_done * 1.4), area.top), px_done, theme.text, True)
            top = area.top + int(px_done * 1.8)
            area = pygame.Rect(area.left, top, area.width, area.bottom - top)
        px = m.text_px(40)
        hint_px = m.ui_px()
        title = self.tr("secret-handover", name=p.nickname)
        hint = self.tr("secret-handover-hint")
        while True:
            r = int(px * 0.9)
            title_h = paragraph_height(title, area.width, px, True)
            hint_h = paragraph_height(hint, area.width, hint_px)
            total = 2 * r + m.gap + title_h + m.gap + hint_h
            if total <= area.height or px <= m.text_px(20):
                break
            px = int(px * 0.9)
        y = area.top + max(0, (area.height - total) // 2)
        shape(canvas.surface, p.shape, (area.centerx, y + r), r, hex_colour(p.colour),
              theme.text)
        y += 2 * r + m.gap
        y += canvas.paragraph(title, pygame.Rect(area.left, y, area.width, title_h), px,
                              theme.text, True, align="center")
        canvas.paragraph(hint, pygame.Rect(area.left, y + m.gap, area.width, hint_h), hint_px,
                         theme.muted, align="center")

    def _draw_turn(self, canvas: Canvas, top: int) -> int:
        """Secret ballot: whose turn it is, big, above the choices. Returns the new top."""
        theme = self.app.theme
        m = self.app.metrics
        px = m.text_px(30)
        r = int(px * 0.5)
        f = font(px, True)
        voter = self.flow.voter() if self.flow.phase == Phase.CHOICES else None
        if voter is None:
            canvas.text(self.tr("results-title"), (m.width // 2, top), px, theme.text, True,
                        "midtop")
            return top + f.get_linesize() + m.gap // 2
        text = shorten(self.tr("secret-now", name=voter.nickname), f,
                       m.width - 2 * m.margin - 3 * r - m.gap)
        w = f.size(text)[0] + 2 * r + m.gap
        x = m.width // 2 - w // 2
        cy = top + f.get_linesize() // 2
        shape(canvas.surface, voter.shape, (x + r, cy), r, hex_colour(voter.colour), theme.text)
        canvas.text(text, (x + 2 * r + m.gap, cy), px, theme.text, True, "midleft")
        return top + f.get_linesize() + m.gap // 2

    def _tiles_area(self, top_used: int) -> pygame.Rect:
        m = self.app.metrics
        bottom = self._footer_rect().top - self._marks_height() - m.gap // 2
        return pygame.Rect(m.margin, top_used, m.width - 2 * m.margin, bottom - top_used)

    def _marks_height(self) -> int:
        if self.c.vote_mode in ("secret", "gamepads"):
            return int(self.app.metrics.ui_px() * 2.2)
        return 0

    def _reserve(self) -> int:
        """The column at a tile's right for the counter or the votes and their bar: the same
        while voting and at the result, so a choice's text never re-wraps between them."""
        m = self.app.metrics
        votes = font(m.ui_px(), True).size(self.trn("votes-n", 88))[0] + m.gap * 2
        if self.c.vote_mode == "hands":
            return max(votes, self._counter_width())
        return votes

    def _draw_choices(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        flow = self.flow
        top = self._status_height() + m.margin
        if flow.vote_mode == "secret":  # the same room at the result: no tile moves
            top = self._draw_turn(canvas, top)
        discuss = self.c.discuss()
        if discuss or flow.phase == Phase.RESULTS:
            px = m.text_px(25)
            timer_w = font(m.ui_px(), True).size("00:00")[0] + 2 * m.gap
            width = m.width - 2 * m.margin - 2 * m.gap - timer_w
            h = paragraph_height(discuss, width, px, bold=True) if discuss else 0
            # Room for two rows of the result at its smallest, while voting too: the tiles
            # keep their place and size when the result replaces the discussion.
            h = max(h, paragraph_height("x\nx", width, m.ui_px(18), bold=True))
            box = pygame.Rect(m.margin, top, m.width - 2 * m.margin, h + 2 * m.gap)
            panel(canvas.surface, box, theme.panel, theme.panel_alpha, m.gap)
            inner = pygame.Rect(box.left + m.gap, box.top + m.gap, width, h)
            if flow.phase == Phase.RESULTS:
                # The result in words takes the discussion's place, in the same room, so the
                # tiles stay where they were.
                self._fitted(canvas, self.result_text(), inner, px)
            else:
                canvas.paragraph(discuss or "", inner, px, theme.text, bold=True)
            self._draw_timer(canvas, box)
            top = box.bottom + m.gap
        offered = self.offered()
        reserve = self._reserve()
        layout = layout_tiles([c.text for c in offered], self._tiles_area(top), m, reserve)
        tally = self.c.tally() if flow.phase == Phase.RESULTS else None
        for i, (c, rect) in enumerate(zip(offered, layout.rects, strict=False)):
            highlight = (flow.vote_mode == "hands" and flow.phase == Phase.CHOICES
                         and i == flow.focus)
            dim = False
            if tally is not None:
                highlight = c.id in tally.leaders
                dim = tally.winner is None and not flow.can_pick(i + 1)
            draw_tile(canvas, rect, c.number, c.text, theme, layout, m, highlight, dim,
                      reserve_right=reserve)
            if tally is not None:
                self._draw_votes(canvas, rect, reserve, tally.counts.get(c.id, 0),
                                 tally.share(c.id), highlight)
            if flow.vote_mode == "hands" and flow.phase == Phase.CHOICES:
                self._draw_counter(canvas, rect, c.id, layout)
            self.tile_rects.append(rect)
        self._draw_vote_footer(canvas)

    def _bars_only(self) -> bool:
        """An animation frame in which only the vote bars move: they only grow, so each is drawn
        over the last frame's, and the rest of the window stays as it was drawn (a frame then
        costs a few small rectangles, not a whole screen)."""
        return (self.app.partial and bool(self.app.views) and self.app.views[-1] is self
                and self.flow.phase == Phase.RESULTS and bool(self._bar_slots)
                and self.fade >= 1.0 and not self.flow.timer_ticking())

    def _grow_bars(self, canvas: Canvas) -> None:
        for column, share, leader in self._bar_slots:
            self._bar(canvas, column, share * self.bars, leader)
        canvas.boxes.extend(self._drawn_boxes)

    def _bar(self, canvas: Canvas, column: pygame.Rect, share: float, leader: bool) -> None:
        m = self.app.metrics
        bar = pygame.Rect(column.left + m.gap, column.top, int((column.width - m.gap) * share),
                          column.height)
        if bar.width > 0:
            pygame.draw.rect(canvas.surface, self.app.theme.accent if leader else
                             self.app.theme.bar, bar, border_radius=4)

    def _fitted(self, canvas: Canvas, text: str, rect: pygame.Rect, px: int) -> None:
        """`text` in bold within `rect`: smaller until it fits, down to the hint's size; then
        the rows that fit, the last ended with "…" at a word."""
        m = self.app.metrics
        floor = m.ui_px(18)
        while px > floor and paragraph_height(text, rect.width, px, True) > rect.height:
            px = max(floor, int(px * 0.9))
        f = font(px, True)
        step = int(f.get_linesize() * 1.25 / 1.1)
        rows = wrap(text, f, rect.width)
        room = max(1, (rect.height + step - f.get_linesize()) // step)
        if len(rows) > room:
            rows = rows[:room]
            last = rows[-1].rstrip(" ,.:;–-") + "…"
            rows[-1] = last if f.size(last)[0] <= rect.width else \
                shorten(rows[-1] + " …", f, rect.width)
        y = rect.top
        for row in rows:
            canvas.text(row, (rect.left, y), px, self.app.theme.text, True)
            y += step

    def _draw_votes(self, canvas: Canvas, rect: pygame.Rect, reserve: int, votes: int,
                    share: float, leader: bool) -> None:
        """The votes and their bar (`share` of the votes, grown to `self.bars` of it) in the
        tile's right column, clear of the choice's text and its number."""
        theme = self.app.theme
        m = self.app.metrics
        px = m.ui_px()
        column = pygame.Rect(rect.right - reserve, rect.top, reserve - m.gap, rect.height)
        bar_h = max(6, m.gap // 2)
        label = canvas.text(self.trn("votes-n", votes), (column.right, column.centery - bar_h),
                            px, theme.text, True, "midright")
        slot = pygame.Rect(column.left, label.bottom + bar_h // 2, column.width, bar_h)
        self._anim_rects.append(slot)
        self._bar_slots.append((slot, share, leader))
        self._bar(canvas, slot, share * self.bars, leader)

    def _counter_width(self) -> int:
        m = self.app.metrics
        return int(m.ui_px() * 6.5)

    def _draw_counter(self, canvas: Canvas, rect: pygame.Rect, cid: str,
                      layout: TileLayout) -> None:
        theme = self.app.theme
        m = self.app.metrics
        px = m.ui_px()
        size = int(px * 1.7)
        right = rect.right - m.gap
        plus = pygame.Rect(right - size, rect.centery - size // 2, size, size)
        count_w = int(px * 2.2)
        minus = pygame.Rect(plus.left - count_w - size, plus.top, size, size)
        for r, label in ((minus, "−"), (plus, "+")):
            rounded(canvas.surface, r, theme.accent, 8)
            canvas.text(label, r.center, px, theme.accent_text, True, "center")
        canvas.text(str(self.flow.counts.get(cid, 0)), (minus.right + count_w // 2, plus.centery),
                    int(px * 1.2), theme.text, True, "center")
        self.minus_rects.append(minus)
        self.plus_rects.append(plus)

    def _draw_timer(self, canvas: Canvas, box: pygame.Rect) -> None:
        if self.flow.timer_left is None:
            return
        theme = self.app.theme
        m = self.app.metrics
        left = int(self.flow.timer_left + 0.999)
        text = self.tr("ui-timer", m=left // 60, s=left % 60)
        colour = theme.muted if left > 0 else theme.accent
        drawn = canvas.text(text, (box.right - m.gap, box.top + m.gap), m.ui_px(), colour, True,
                            "topright")
        self._anim_rects.append(drawn.inflate(m.ui_px(), 4))

    def result_text(self) -> str:
        """The result in words: "most chose …" for a clear vote; a close one (`divided`) is
        called divided, a point to come back to; a tie or no votes says who decides."""
        tally = self.c.tally()
        if tally.winner is not None:
            winner = next(c for c in self.offered() if c.id == tally.winner)
            if tally.divided:
                return f"{self.tr('results-close', text=winner.text)}\n{self.tr('results-split')}"
            return self.tr("results-most", text=winner.text)
        if tally.is_tie:
            return self.tr("results-tie-pick")
        return self.tr("results-none")

    def _draw_vote_footer(self, canvas: Canvas) -> None:
        mode = self.c.vote_mode
        if self.flow.phase == Phase.RESULTS:
            return
        if mode in ("secret", "gamepads"):
            self._draw_marks(canvas)
        if self.flow.timer_left == 0:
            self.app.note(self.tr("ui-timer-done"), 3)
        if mode == "counsellor":
            self._hint(canvas, self.tr("hint-counsellor"))
        elif mode == "hands":
            counted = self.trn("hands-counted", self.flow.present, counted=self.flow.counted)
            self._hint(canvas, f"{counted}. {self.tr('hint-hands')}")
        elif mode == "secret":
            name = self.c.participants[self.flow.turn].nickname
            self._hint(canvas, self.tr("hint-secret-turn", name=name))
        else:
            text = self.tr("hint-gamepads") if self.flow.pads else self.tr("gamepads-none")
            self._hint(canvas, text)

    def _draw_marks(self, canvas: Canvas) -> None:
        """Who has voted (never what): a mark per participant, ✓ when done; the one voting now
        is in bold on a lit plate."""
        m = self.app.metrics
        theme = self.app.theme
        px = m.ui_px(20)
        y = self._footer_rect().top - self._marks_height() // 2
        x = m.margin
        done = self.c.voters_done()
        now = self.flow.voter()
        bound = set(self.flow.pads.values()) if self.c.vote_mode == "gamepads" else None
        for p in self.c.participants:
            if bound is not None and p.id not in bound:
                continue
            label = p.nickname
            current = now is not None and p.id == now.id and self.flow.phase == Phase.CHOICES
            w = font(px, current).size(label)[0] + px * 3 + m.gap
            if x + w > m.width - m.margin:
                break
            if current:
                plate = pygame.Rect(x - m.gap // 2, y - px, w, 2 * px)
                rounded(canvas.surface, plate, theme.tile_hover, 8)
                rounded(canvas.surface, plate, theme.accent, 8, 3)
            shape(canvas.surface, p.shape, (x + px // 2, y), px // 2, hex_colour(p.colour),
                  theme.text)
            r = canvas.text(label, (x + px + m.gap // 2, y), px,
                            theme.text if current or p.id not in done else theme.muted,
                            current, "midleft")
            if p.id in done:
                icon(canvas.surface, "check", pygame.Rect(r.right + px // 4, y - px // 2, px, px),
                     theme.accent)
            x += w

    def _draw_ending(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        ending = self.c.ending() or ("", "open")
        area = self._text_area()
        px = m.text_px(44)
        title = ending[0]
        width = area.width * 3 // 4
        h = (paragraph_height(title, width, px, True) + m.text_px(24) * 2 + m.gap * 3)
        box = pygame.Rect(0, 0, width + 2 * m.gap, h + 2 * m.gap)
        box.midtop = (area.centerx, area.top)
        panel(canvas.surface, box, theme.panel, 250, m.gap)
        y = box.top + m.gap
        canvas.text(self.tr("ending-title"), (box.centerx, y), m.text_px(24), theme.muted, False,
                    "midtop")
        y += int(m.text_px(24) * 1.5)
        y += canvas.paragraph(title, pygame.Rect(box.left + m.gap, y, width, h), px, theme.accent,
                              True, align="center")
        canvas.text(self.tr(f"mood-{ending[1]}"), (box.centerx, y + m.gap // 2), m.text_px(24),
                    theme.text, False, "midtop")
