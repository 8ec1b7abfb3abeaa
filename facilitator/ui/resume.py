"""A calm screen at start-up when a session was left unfinished: carry on, or close it."""

from __future__ import annotations

import logging

import pygame

from facilitator.errors import FacilitatorError, NotFound
from facilitator.sessions import ResumePoint, SessionSummary
from game.play.controller import Participant
from game.story.errors import StoryError
from game.story.loader import LoadedStory
from game.story.text import interpolate, pick
from game.ui.app import App, BaseView, Intent, Pop, Replace
from game.ui.canvas import Canvas, panel, paragraph_height, rounded
from game.ui.widgets import Button, button_column

from ._draw import CONFIRM, fit, line_height, marks_strip, pointer
from .host import ResumeHost, as_player


def resume_view(app: App, fac: ResumeHost) -> ResumeView | None:
    """The resume screen for the newest interrupted session, or None when there is none."""
    for summary in fac.interrupted():
        try:
            point = fac.store.resume_point(summary.id)
        except FacilitatorError:
            continue
        return ResumeView(app, fac, summary, point, fac.find_story(app, summary.story_id))
    return None


log = logging.getLogger("porukka.facilitator")

class ResumeView(BaseView):
    """Where the interrupted session stopped, who was there, and what to do with it."""

    def __init__(self, app: App, fac: ResumeHost, summary: SessionSummary, point: ResumePoint,
                 loaded: LoadedStory | None) -> None:
        super().__init__(app)
        self.fac = fac
        self.summary = summary
        self.point = point
        self.loaded = loaded
        self.error: str | None = None
        self.focus = 0
        self.buttons: list[Button] = []
        self.people: list[Participant] = []
        for pid in point.present:
            try:
                self.people.append(as_player(fac.store.groups.participant(pid)))
            except NotFound:
                continue
        try:
            self.group_name = fac.store.groups.group(summary.group).name
        except NotFound:
            self.group_name = "?"

    def actions(self) -> list[tuple[str, str]]:
        out = []
        if self.loaded is not None:
            out.append((self.tr("fs-resume-resume"), "resume"))
        out += [(self.tr("fs-resume-close"), "close"), (self.tr("fs-resume-later"), "later")]
        return out

    def where(self) -> str:
        p = self.point
        if p.scene is None:
            return self.tr("fs-resume-at-start")
        if self.loaded is None or p.scene not in self.loaded.story.scenes:
            return p.scene
        story = self.loaded.story
        scene = story.scenes[p.scene]
        source = scene.discuss if (p.at_choice and scene.discuss) else (
            scene.lines[0].text if scene.lines else None)
        if source is None:
            return p.scene
        text = interpolate(pick(source, p.language, story.default_language), p.variables,
                           p.language)
        if len(text) > 140:
            text = text[:140].rsplit(" ", 1)[0].rstrip(" ,.;:–—-") + "…"
        return self.tr("quoted", text=text)

    def act(self, action: str) -> Intent | None:
        if action == "later":
            return Pop()
        if action == "close":
            try:
                self.fac.close_interrupted(self.summary.id)
            except FacilitatorError as exc:
                log.error("closing session %s failed: %s", self.summary.id, exc)
                self.error = self.tr("fs-close-failed")
                return None
            following = resume_view(self.app, self.fac)
            return Replace(following) if following is not None else Pop()
        assert self.loaded is not None
        try:
            return self.fac.resume(self.app, self.summary.id, self.loaded)
        except (FacilitatorError, StoryError) as exc:
            # The technical reason (often English, from the engine) goes to the log; the
            # counsellor gets a sentence in their own language and a way on.
            log.error("resuming session %s failed: %s", self.summary.id, exc)
            self.error = self.tr("fs-resume-failed")
            return None

    def handle(self, event: pygame.event.Event) -> Intent | None:
        actions = self.actions()
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                return Pop()
            if key in (pygame.K_DOWN, pygame.K_RIGHT, pygame.K_TAB):
                self.focus = (self.focus + 1) % len(actions)
            elif key in (pygame.K_UP, pygame.K_LEFT):
                self.focus = (self.focus - 1) % len(actions)
            elif key in CONFIRM or key == pygame.K_SPACE:
                return self.act(actions[self.focus][1])
            return None
        pos = pointer(self.app, event)
        if pos is None:
            return None
        for b in self.buttons:
            if b.hit(pos):
                return self.act(b.action)
        return None

    def lines(self) -> list[str]:
        when = self.summary.started.astimezone()
        out = [f"{self.group_name} · {self.summary.story_title}",
               self.tr("fs-resume-when", day=when.day, month=when.month, hour=when.hour,
                       minute=when.minute),
               self.tr("fs-resume-where", where=self.where())]
        if self.point.at_choice and self.point.votes and self.point.vote_mode in ("secret",
                                                                                   "gamepads"):
            out.append(self.tr("fs-resume-votes", n=len(self.point.votes),
                               total=len(self.point.present)))
        if self.loaded is None:
            out.append(self.tr("fs-resume-no-story", story=self.summary.story_title))
        return out

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        width = min(m.width - 2 * m.margin, int(m.ui_px(24) * 34))
        inner = width - 2 * m.gap
        title = self.tr("fs-resume-title")
        calm = self.tr("fs-resume-calm")
        lines = self.lines()
        actions = self.actions()
        px = m.ui_px(24)
        while True:
            title_px = int(px * 1.4)
            btn_h = int(px * 1.8)  # compact: the sentences keep their size at 200 %
            strip_h = int(px * 1.6) if self.people else 0
            body = sum(paragraph_height(s, inner, px, i == 0) for i, s in enumerate(lines))
            calm_h = paragraph_height(calm, inner, px)
            err_h = paragraph_height(self.error, inner, px) if self.error else 0
            card_h = body + strip_h + 2 * m.gap
            total = (line_height(title_px) + calm_h + m.gap + card_h + m.gap + err_h
                     + len(actions) * (btn_h + m.gap // 2))
            if total <= m.height - 2 * m.margin or px <= 11:
                break
            px -= 1
        left = (m.width - width) // 2
        y = max(m.margin, (m.height - total) // 2)
        canvas.text(fit(title, title_px, width, True), (m.width // 2, y), title_px, theme.text,
                    True, "midtop")
        y += line_height(title_px)
        y += canvas.paragraph(calm, pygame.Rect(left + m.gap, y, inner, calm_h), px, theme.muted,
                              align="center")
        y += m.gap
        card = pygame.Rect(left, y, width, card_h)
        panel(canvas.surface, card, theme.panel, 255, m.gap)
        rounded(canvas.surface, card, theme.border, m.gap, 1)
        cy = card.top + m.gap
        for i, s in enumerate(lines):
            h = paragraph_height(s, inner, px, i == 0)
            canvas.paragraph(s, pygame.Rect(card.left + m.gap, cy, inner, h), px,
                             theme.text, i == 0)
            cy += h
        if self.people:
            marks_strip(canvas, self.people, set(), None,
                        pygame.Rect(card.left + m.gap, cy, inner, strip_h), int(px * 0.85), theme)
        y = card.bottom + m.gap
        if self.error:
            y += canvas.paragraph(self.error, pygame.Rect(left + m.gap, y, inner, err_h), px,
                                  theme.warn, align="center")
        self.buttons = button_column(actions, m.width // 2, y, width, px, m.gap // 2,
                                     height=btn_h)
        for i, b in enumerate(self.buttons):
            b.label = fit(b.label, px, b.rect.width - px, True)
            b.focused = i == self.focus
            b.draw(canvas, theme, px)
