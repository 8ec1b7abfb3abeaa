"""The reflection after an ending (and at a `reflect: true` scene): the story mirror, "me now"
and "how was today?".

These screens speak to the group, so they use the session's story language (its fi/sv/en base)
rather than the counsellor's interface language. Ratings are given one person at a time and
never drawn for the others: between turns only a check by each person's mark shows who is done.
"""

from __future__ import annotations

import pygame

from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.reflection import MirrorDomain, change, domain_label, story_mirror
from facilitator.strings import message
from facilitator.validation import WORD_MAX, check_feedback_word
from game.i18n import interface_language, t, tn
from game.play.controller import Participant, PlayController
from game.ui.app import App, BaseView, Intent, Pop, Replace, View
from game.ui.canvas import Canvas, font, panel, paragraph_height, rounded, wrap
from game.ui.theme import readable_on
from game.ui.widgets import Button

from ._draw import (
    CONFIRM,
    DIGITS,
    TextField,
    button_row,
    domain_colour,
    domain_icon,
    draw_buttons,
    face,
    fit,
    icon_ink,
    line_height,
    mark,
    marks_strip,
    pointer,
    text_width,
)
from .host import ReflectionHost, Run


class ReflectionFlow:
    """The order of the reflection's screens for one ending or checkpoint."""

    def __init__(self, app: App, fac: ReflectionHost, run: Run, controller: PlayController,
                 final: bool) -> None:
        self.app = app
        self.fac = fac
        self.run = run
        self.final = final
        self.lang = interface_language(run.lang)
        self.people: list[Participant] = list(run.participants)
        self.private = run.reflection == "private"
        self.story = run.loaded.story
        self.domains = self.story.domain_ids()
        self.rated: set[str] = set()
        self.answered: set[str] = set()
        self.mirror: list[MirrorDomain] = story_mirror(controller.runtime, controller.state,
                                                       fac.splits())

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def trn(self, key: str, n: int, **params: object) -> str:
        """A plural entry in the form for the count `n`."""
        return tn(key, n, self.lang, **params)

    def domain_name(self, domain: str) -> str:
        own = domain_label(self.story, domain, self.run.lang)
        if own is not None:
            return own
        key = f"fs-domain-{domain}"
        from game.i18n import has

        return self.tr(key) if has(key) else domain

    def can_rate(self) -> bool:
        return self.private and bool(self.people) and bool(self.domains)

    def save_ratings(self, who: Participant, values: dict[str, int | None]) -> None:
        """Log one person's answers (None: skipped). A failed write is said, not hidden; the
        reflection goes on either way."""
        try:
            for domain in self.domains:
                self.run.session.rate(who.id, domain, values.get(domain))
        except FacilitatorError as exc:
            self.app.note(str(exc), 10)
        self.rated.add(who.id)

    # -- the steps --

    def first(self) -> View:
        return MirrorView(self.app, self)

    def after_mirror(self, rate: bool) -> Intent | None:
        if rate and self.can_rate():
            return Replace(RatingHandoverView(self.app, self, 0))
        return self.after_ratings()

    def after_rating(self, index: int) -> Intent | None:
        if index + 1 < len(self.people):
            return Replace(RatingHandoverView(self.app, self, index + 1))
        return self.after_ratings()

    def after_ratings(self) -> Intent | None:
        if not self.final:
            return Pop()  # back to the story, where it paused
        if self.people:
            return Replace(FeedbackView(self.app, self))
        return self.after_feedback()

    def after_feedback(self) -> Intent | None:
        error = self.fac.end_run()
        return Replace(ThanksView(self.app, self, error))


class _GroupView(BaseView):
    """A screen for the group: words in the session's language."""

    def __init__(self, app: App, flow: ReflectionFlow) -> None:
        super().__init__(app)
        self.flow = flow

    @property
    def lang(self) -> str:
        return self.flow.lang

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.flow.lang, **params)

    def trn(self, key: str, n: int, **params: object) -> str:
        """A plural entry in the form for the count `n`."""
        return tn(key, n, self.flow.lang, **params)

    def _hint(self, canvas: Canvas, text: str) -> None:
        m = self.app.metrics
        px = m.ui_px(18)
        canvas.text(fit(text, px, m.width - 2 * m.margin), (m.width - m.margin,
                    m.height - m.margin // 2), px, self.app.theme.muted, False, "bottomright")

    def _hint_height(self) -> int:
        return line_height(self.app.metrics.ui_px(18)) + self.app.metrics.margin // 2


# --- the story mirror ----------------------------------------------------------------------


class MirrorView(_GroupView):
    """Which domains the group's choices drew on, as bubbles sized by how often, and the
    choices that fed the domain in focus."""

    def __init__(self, app: App, flow: ReflectionFlow) -> None:
        super().__init__(app, flow)
        counts = [d.count for d in flow.mirror]
        self.domain = counts.index(max(counts)) if counts else 0
        self.bubbles: list[tuple[pygame.Rect, int]] = []
        self.buttons: list[Button] = []
        self.focus = self.actions()[0][1]

    def actions(self) -> list[tuple[str, str]]:
        if self.flow.final:
            return [(self.tr("fs-continue"), "continue")]
        out = [(self.tr("fs-back-to-story"), "story")]
        if self.flow.can_rate():
            out.append((self.tr("fs-rate-now"), "rate"))
        return out

    def act(self, action: str) -> Intent | None:
        if action == "continue":
            return self.flow.after_mirror(True)
        return self.flow.after_mirror(action == "rate")

    def handle(self, event: pygame.event.Event) -> Intent | None:
        n = len(self.flow.mirror)
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key in (pygame.K_LEFT, pygame.K_RIGHT) and n:
                self.domain = (self.domain + (1 if key == pygame.K_RIGHT else -1)) % n
            elif key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_UP):
                acts = [a for _, a in self.actions()]
                step = -1 if key == pygame.K_UP else 1
                self.focus = acts[(acts.index(self.focus) + step) % len(acts)]
            elif key in CONFIRM or key == pygame.K_SPACE:
                return self.act(self.focus)
            return None
        pos = pointer(self.app, event)
        if pos is None:
            return None
        for rect, i in self.bubbles:
            if rect.collidepoint(pos):
                self.domain = i
                return None
        for b in self.buttons:
            if b.hit(pos):
                return self.act(b.action)
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        width = m.width - 2 * m.margin
        left = m.margin
        title_px = m.ui_px(40)
        sub_px = m.ui_px(22)
        btn_px = m.ui_px(24)
        btn_h = int(btn_px * 2.1)
        y = m.margin
        drawn = canvas.text(fit(self.tr("fs-mirror-title"), title_px, width, True), (left, y),
                            title_px, theme.accent, True)
        subtitle = self.tr("fs-mirror-subtitle")
        if drawn.right + 2 * m.gap + text_width(subtitle, sub_px) <= left + width:
            canvas.text(subtitle, (drawn.right + 2 * m.gap, drawn.bottom - drawn.height // 5),
                        sub_px, theme.muted, False, "bottomleft")
            y += line_height(title_px) + m.gap
        else:
            y += line_height(title_px)
            canvas.text(fit(subtitle, sub_px, width), (left, y), sub_px, theme.muted)
            y += line_height(sub_px) + m.gap
        bottom = m.height - self._hint_height() - m.gap - btn_h
        mirror = self.flow.mirror
        self.bubbles = []
        if not any(d.count for d in mirror):
            canvas.paragraph(self.tr("fs-mirror-none"), pygame.Rect(left, y + m.gap, width,
                             bottom - y), m.text_px(28), theme.text, align="center")
        else:
            room = bottom - y - m.gap
            bubble_h = min(room * 42 // 100, int(m.height * 0.34))
            self._draw_bubbles(canvas, pygame.Rect(left, y, width, bubble_h))
            detail = pygame.Rect(left, y + bubble_h + m.gap, width,
                                 bottom - y - bubble_h - 2 * m.gap)
            self._draw_detail(canvas, detail, mirror[self.domain])
        self.buttons = button_row(self.actions(), pygame.Rect(left, bottom, width, btn_h),
                                  btn_px, m.gap)
        draw_buttons(canvas, self.buttons, theme, btn_px, self.focus)
        if any(d.count for d in mirror):
            self._hint(canvas, self.tr("fs-mirror-hint"))

    def _draw_bubbles(self, canvas: Canvas, area: pygame.Rect) -> None:
        theme = self.app.theme
        m = self.app.metrics
        mirror = self.flow.mirror
        n = len(mirror)
        slot = area.width // max(1, n)
        names = [self.flow.domain_name(d.id) for d in mirror]
        px = m.ui_px(22)
        while px > 11 and max(text_width(s, px, True) for s in names) > slot - m.gap:
            px -= 1
        label_h = line_height(px)
        dot = max(4, px // 4)
        r_max = max(12, min(int(slot * 0.4), (area.height - label_h - dot * 3 - m.gap) // 2))
        r_min = max(10, r_max * 55 // 100)
        top = max(d.count for d in mirror) or 1
        for i, d in enumerate(mirror):
            cx = area.left + slot * i + slot // 2
            r = r_min + (r_max - r_min) * d.count // top
            cy = area.top + r_max
            colour = domain_colour(d.id, theme, i)
            focused = i == self.domain
            if d.count == 0:
                pygame.draw.circle(canvas.surface, theme.panel, (cx, cy), r)
                pygame.draw.circle(canvas.surface, theme.border, (cx, cy), r, 2)
                ink = theme.muted
            else:
                pygame.draw.circle(canvas.surface, colour, (cx, cy), r)
                ink = icon_ink(colour) if theme.name != "high-contrast" else theme.accent_text
            if focused:
                pygame.draw.circle(canvas.surface, theme.accent, (cx, cy), r + max(4, r // 7),
                                   max(3, r // 12))
            size = int(r * 1.15)
            domain_icon(canvas.surface, d.id, pygame.Rect(cx - size // 2, cy - size // 2, size,
                                                          size), ink)
            ly = area.top + 2 * r_max + m.gap // 2
            canvas.text(names[i], (cx, ly), px, theme.text if d.count else theme.muted, focused,
                        "midtop")
            dots = min(d.count, 10)
            dx = dot * 3
            x0 = cx - (dots - 1) * dx // 2
            for k in range(dots):
                pygame.draw.circle(canvas.surface, colour if theme.name != "high-contrast"
                                   else theme.accent, (x0 + k * dx, ly + label_h + dot), dot)
            hit = pygame.Rect(cx - slot // 2, area.top, slot, area.height)
            self.bubbles.append((hit, i))

    def _draw_detail(self, canvas: Canvas, area: pygame.Rect, d: MirrorDomain) -> None:
        theme = self.app.theme
        m = self.app.metrics
        panel(canvas.surface, area, theme.panel, 255, m.gap)
        rounded(canvas.surface, area, theme.border, m.gap, 1)
        inner = area.inflate(-2 * m.gap, -2 * m.gap)
        name = self.flow.domain_name(d.id)
        if d.count == 0:
            sentence = self.tr("fs-mirror-zero", domain=name)
        elif d.count == 2:  # "twice" is its own word, not a grammatical number
            sentence = self.tr("fs-mirror-twice", domain=name)
        else:
            sentence = self.trn("fs-mirror-times", d.count, domain=name)
        px = m.text_px(26)
        body_px = m.text_px(22)
        small = m.ui_px(18)
        while True:
            head_h = paragraph_height(sentence, inner.width, px, True)
            if head_h + 2 * line_height(body_px) <= inner.height or px <= 12:
                break
            px -= 1
            body_px = max(12, body_px - 1)
        y = inner.top
        y += canvas.paragraph(sentence, pygame.Rect(inner.left, y, inner.width, head_h), px,
                              theme.text, True)
        y += m.gap // 2
        bullet = "• "
        indent = text_width(bullet, body_px)
        f = font(body_px)
        # every row to show: (text, size, colour, is the first row of a choice, choice index)
        rows: list[tuple[str, int, tuple[int, int, int], bool, int]] = []
        for k, choice in enumerate(d.choices):
            quoted = self.tr("quoted", text=choice.text)
            for j, row in enumerate(wrap(quoted, f, inner.width - indent)):
                rows.append((row, body_px, theme.text, j == 0, k))
            if choice.split:
                rows.append((self.tr("fs-mirror-split"), small, theme.muted, False, k))
        heights = [line_height(size) for _, size, _, _, _ in rows]
        room = inner.bottom - y
        if sum(heights) > room:

            def fitting(room: int) -> int:
                used = shown = 0
                while shown < len(rows) and used + heights[shown] <= room:
                    used += heights[shown]
                    shown += 1
                return shown

            shown = fitting(room)
            cut = rows[shown - 1][4] if shown else -1
            if len(d.choices) - (cut + 1) > 0:  # room for the "… more" line only when needed
                shown = fitting(room - line_height(small))
                cut = rows[shown - 1][4] if shown else -1
            if shown and shown < len(rows) and rows[shown][4] == cut:
                # The last row shown ends with "…" after a whole word of what follows.
                text, size, colour, first, k = rows[shown - 1]
                rest = " ".join([text] + [r[0] for r in rows[shown:] if r[4] == k
                                          and r[1] == size])
                rows[shown - 1] = (fit(rest, size, inner.width - indent), size, colour,
                                   first, k)
            left_out = len(d.choices) - (cut + 1)
            rows = rows[:shown]
            if left_out > 0:
                rows.append((self.trn("fs-mirror-more", left_out), small, theme.muted, False,
                             -1))
        for text, size, colour, first, _ in rows:
            if first:
                canvas.text(bullet, (inner.left, y), size, domain_colour(d.id, theme))
            canvas.text(text, (inner.left + indent, y), size, colour)
            y += line_height(size)


# --- me now ----------------------------------------------------------------------------------


class RatingHandoverView(_GroupView):
    """Whose turn it is to rate, with everyone's mark (a check for each turn done)."""

    def __init__(self, app: App, flow: ReflectionFlow, index: int) -> None:
        super().__init__(app, flow)
        self.index = index
        self.who = flow.people[index]
        self.buttons: list[Button] = []
        self.focus = "start"

    def start(self) -> Intent:
        previous = self.flow.fac.last_ratings(self.who.id)
        return Replace(RatingView(self.app, self.flow, self.index, previous))

    def skip(self) -> Intent | None:
        self.flow.save_ratings(self.who, {d: None for d in self.flow.domains})
        return self.flow.after_rating(self.index)

    def act(self, action: str) -> Intent | None:
        return self.skip() if action == "skip" else self.start()

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_s:
                return self.skip()
            if event.key in (pygame.K_TAB, pygame.K_LEFT, pygame.K_RIGHT):
                self.focus = "skip" if self.focus == "start" else "start"
            elif event.key in CONFIRM or event.key == pygame.K_SPACE:
                return self.act(self.focus)
            return None
        pos = pointer(self.app, event)
        if pos is None:
            return None
        for b in self.buttons:
            if b.hit(pos):
                return self.act(b.action)
        return self.start()

    def draw(self, canvas: Canvas) -> None:
        draw_handover(self, canvas, self.who, self.flow.rated,
                      self.tr("fs-rating-turn", name=self.who.nickname),
                      self.tr("fs-rating-handover-hint", name=self.who.nickname),
                      [(self.tr("fs-skip-turn"), "skip"), (self.tr("ui-start"), "start")])


def draw_handover(view: RatingHandoverView, canvas: Canvas, who: Participant, done: set[str],
                  title: str, hint: str, actions: list[tuple[str, str]]) -> None:
    app = view.app
    theme = app.theme
    m = app.metrics
    canvas.surface.fill(theme.bg)
    width = m.width - 2 * m.margin
    strip_px = m.ui_px(20)
    strip = pygame.Rect(m.margin, m.margin, width, int(strip_px * 2))
    marks_strip(canvas, view.flow.people, done, who.id, strip, strip_px, theme)
    btn_px = m.ui_px(24)
    btn_h = int(btn_px * 2.1)
    bottom = m.height - view._hint_height() - m.gap - btn_h
    area = pygame.Rect(m.margin, strip.bottom + m.gap, width, bottom - strip.bottom - 2 * m.gap)
    px = m.text_px(40)
    hint_px = m.ui_px(22)
    inner_w = min(area.width, int(m.width * 0.7))
    while True:
        r = int(px * 0.9)
        title_h = paragraph_height(title, inner_w, px, True)
        hint_h = paragraph_height(hint, inner_w, hint_px)
        total = 2 * r + m.gap + title_h + m.gap + hint_h
        if total <= area.height or px <= 14:
            break
        px = int(px * 0.9)
        hint_px = max(11, int(hint_px * 0.95))
    y = area.top + max(0, (area.height - total) // 2)
    mark(canvas, who, (area.centerx, y + r), r, theme)
    y += 2 * r + m.gap
    left = area.centerx - inner_w // 2
    y += canvas.paragraph(title, pygame.Rect(left, y, inner_w, title_h), px, theme.text, True,
                          align="center")
    canvas.paragraph(hint, pygame.Rect(left, y + m.gap, inner_w, hint_h), hint_px, theme.muted,
                     align="center")
    view.buttons = button_row(actions, pygame.Rect(m.margin, bottom, width, btn_h), btn_px, m.gap,
                              "center")
    draw_buttons(canvas, view.buttons, theme, btn_px, view.focus)


class RatingView(_GroupView):
    """One person's "me now": each domain 0–10 on a staircase of big steps; their previous
    rating as a faint dashed outline; any row may stay empty (skipped)."""

    def __init__(self, app: App, flow: ReflectionFlow, index: int,
                 previous: dict[str, int]) -> None:
        super().__init__(app, flow)
        self.index = index
        self.who = flow.people[index]
        self.previous = previous
        self.values: dict[str, int | None] = {d: None for d in flow.domains}
        self.cleared: set[str] = set()
        self.row = 0
        self.steps: list[tuple[pygame.Rect, str, int]] = []
        self.buttons: list[Button] = []

    def items(self) -> list[str]:
        return [*self.flow.domains, "done", "skip"]

    @property
    def focus(self) -> str:
        return self.items()[self.row]

    def set_value(self, domain: str, value: int | None) -> None:
        self.values[domain] = value
        if value is None:
            self.cleared.add(domain)
        else:
            self.cleared.discard(domain)

    def done(self) -> Intent | None:
        self.flow.save_ratings(self.who, self.values)
        return self.flow.after_rating(self.index)

    def skip(self) -> Intent | None:
        for domain in self.flow.domains:
            self.values[domain] = None
        return self.done()

    def handle(self, event: pygame.event.Event) -> Intent | None:
        n = len(self.items())
        if event.type == pygame.KEYDOWN:
            key = event.key
            focus = self.focus
            on_row = focus in self.values
            if key in (pygame.K_DOWN, pygame.K_TAB):
                back = key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT
                self.row = (self.row + (-1 if back else 1)) % n
            elif key == pygame.K_UP:
                self.row = (self.row - 1) % n
            elif key == pygame.K_s:
                return self.skip()
            elif on_row and key in DIGITS:
                self.set_value(focus, DIGITS[key])
            elif on_row and key in (pygame.K_LEFT, pygame.K_RIGHT):
                now = self.values[focus]
                if now is None:
                    now = self.previous.get(focus, 5)
                else:
                    now += 1 if key == pygame.K_RIGHT else -1
                self.set_value(focus, max(0, min(10, now)))
            elif on_row and key in (pygame.K_DELETE, pygame.K_BACKSPACE):
                self.set_value(focus, None)
            elif key in CONFIRM or key == pygame.K_SPACE:
                if focus == "done":
                    return self.done()
                if focus == "skip":
                    return self.skip()
                self.row = min(n - 1, self.row + 1)
            elif not on_row and key in (pygame.K_LEFT, pygame.K_RIGHT):
                self.row = self.items().index("skip" if focus == "done" else "done")
            return None
        pos = pointer(self.app, event)
        if pos is None:
            return None
        for rect, domain, value in self.steps:
            if rect.collidepoint(pos):
                self.row = self.items().index(domain)
                self.set_value(domain, None if self.values[domain] == value else value)
                return None
        for b in self.buttons:
            if b.hit(pos):
                return self.done() if b.action == "done" else self.skip()
        return None

    def note(self, domain: str) -> str:
        how = change(self.previous.get(domain), self.values[domain],
                     answered=domain in self.cleared)
        return self.tr(f"fs-change-{how}")

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        width = m.width - 2 * m.margin
        left = m.margin
        domains = self.flow.domains
        title = self.tr("fs-rating-title", name=self.who.nickname)
        question = self.tr("fs-rating-question")
        calm = self.tr("fs-not-assessment")
        scale = 1.0
        while True:
            title_px = max(14, int(m.text_px(34) * scale))
            px = max(12, int(m.text_px(24) * scale))
            small = max(12, int(px * 0.82))
            btn_px = max(12, int(m.ui_px(24) * min(1.0, scale * 1.1)))
            fits = False
            btn_h = int(btn_px * 2.1)
            bottom = m.height - self._hint_height() - m.gap - btn_h
            q_h = paragraph_height(question, width, px)
            calm_h = paragraph_height(calm, width, small)
            head = line_height(title_px) + q_h + calm_h + m.gap
            avail = bottom - m.margin - m.gap - head
            # One column of domains while they fit, else two: the text keeps its size.
            for cols in (1, 2):
                rows = -(-max(1, len(domains)) // cols)
                row_h = min(avail // rows, int(px * 5))
                step_h = row_h - line_height(px) - m.gap
                col_w = (width - m.gap * 2 * (cols - 1)) // cols
                fits = step_h >= max(22, int(px * 1.6)) and col_w >= px * 14
                if fits:
                    break
            if fits or scale < 0.5:
                step_h = max(22, step_h)
                break
            scale *= 0.93
        y = m.margin
        r = title_px // 2
        mark(canvas, self.who, (left + r, y + line_height(title_px) // 2), r, theme)
        canvas.text(fit(title, title_px, width - 3 * r, True), (left + 2 * r + m.gap, y),
                    title_px, theme.text, True)
        y += line_height(title_px)
        y += canvas.paragraph(question, pygame.Rect(left, y, width, q_h), px, theme.text)
        y += canvas.paragraph(calm, pygame.Rect(left, y, width, calm_h), small, theme.muted)
        y += m.gap
        self.steps = []
        for i, domain in enumerate(domains):
            col, row = divmod(i, rows)
            rect = pygame.Rect(left + col * (col_w + m.gap * 2), y + row * row_h, col_w,
                               row_h - m.gap)
            self._draw_row(canvas, rect, domain, i, px, small, step_h)
        items = [(self.tr("fs-skip-turn"), "skip"), (self.tr("fs-done"), "done")]
        self.buttons = button_row(items, pygame.Rect(left, bottom, width, btn_h), btn_px, m.gap)
        draw_buttons(canvas, self.buttons, theme, btn_px, self.focus)
        if self.previous:
            legend = self.tr("fs-outline-last-time")
            room = self.buttons[0].rect.left - left - m.gap * 3 - btn_h
            if room > btn_px * 4:
                dash = pygame.Rect(left, bottom + btn_h // 4, btn_h // 2, btn_h // 2)
                _dashed(canvas.surface, dash, theme.muted)
                canvas.text(fit(legend, btn_px, room), (dash.right + m.gap, bottom + btn_h // 2),
                            btn_px, theme.muted, False, "midleft")
        self._hint(canvas, self.tr("fs-rating-hint"))

    def _draw_row(self, canvas: Canvas, rect: pygame.Rect, domain: str, index: int, px: int,
                  small: int, step_h: int) -> None:
        theme = self.app.theme
        m = self.app.metrics
        focused = self.focus == domain
        if focused:
            panel(canvas.surface, rect.inflate(m.gap, m.gap // 2), theme.tile_hover, 255, 8)
            rounded(canvas.surface, rect.inflate(m.gap, m.gap // 2), theme.accent, 8, 2)
        colour = domain_colour(domain, theme, index)
        lh = line_height(px)
        domain_icon(canvas.surface, domain, pygame.Rect(rect.left, rect.top, lh, lh), colour)
        name = self.flow.domain_name(domain)
        name_rect = canvas.text(fit(name, px, rect.width // 2, True),
                                (rect.left + lh + m.gap // 2, rect.top), px, theme.text, True)
        note = self.note(domain)
        room = rect.right - name_rect.right - 2 * m.gap
        if room > small * 3:
            canvas.text(fit(note, small, room), (rect.right, rect.top + lh // 2), small,
                        theme.muted, False, "midright")
        top = rect.top + lh
        gap = max(3, m.gap // 2)
        sw = (rect.width - 10 * gap) // 11
        value = self.values[domain]
        before = self.previous.get(domain)
        num_px = max(11, min(int(px * 0.8), int(sw * 0.45), int(step_h * 0.42)))
        radius = max(4, min(sw, step_h // 2) // 4)
        for v in range(11):
            h = min(step_h, max(int(num_px * 1.35) + 4, int(step_h * (0.55 + 0.45 * v / 10))))
            step = pygame.Rect(rect.left + v * (sw + gap), top + step_h - h, sw, h)
            lit = value is not None and v <= value
            fill = colour if lit else theme.tile
            if theme.name == "high-contrast" and lit:
                fill = theme.accent
            rounded(canvas.surface, step, fill, radius)
            rounded(canvas.surface, step, theme.border, radius, 1)
            if value == v:
                rounded(canvas.surface, step.inflate(6, 6), theme.accent if not lit or
                        theme.name == "high-contrast" else theme.text, radius, 3)
            if before == v:
                _dashed(canvas.surface, step.inflate(10, 10), theme.muted)
            ink = readable_on(fill) if theme.name != "high-contrast" else (
                theme.accent_text if lit else theme.text)
            canvas.text(str(v), (step.centerx, step.bottom - max(2, radius // 2)), num_px, ink,
                        lit, "midbottom")
            hit = pygame.Rect(step.left - gap // 2, top - lh // 2, sw + gap, step_h + lh // 2)
            self.steps.append((hit, domain, v))


def _dashed(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> None:
    """A dashed outline: the faint trace of an earlier answer."""
    dash = max(4, min(rect.width, rect.height) // 6)
    width = 2
    for x0, y0, x1, y1 in ((rect.left, rect.top, rect.right, rect.top),
                           (rect.left, rect.bottom, rect.right, rect.bottom),
                           (rect.left, rect.top, rect.left, rect.bottom),
                           (rect.right, rect.top, rect.right, rect.bottom)):
        length = max(abs(x1 - x0), abs(y1 - y0))
        for s in range(0, length, dash * 2):
            e = min(length, s + dash)
            if x0 == x1:
                pygame.draw.line(surface, colour, (x0, y0 + s), (x0, y0 + e), width)
            else:
                pygame.draw.line(surface, colour, (x0 + s, y0), (x0 + e, y0), width)


# --- how was today? --------------------------------------------------------------------------


class FeedbackView(_GroupView):
    """Each present person in turn: five drawn faces and one optional word."""

    def __init__(self, app: App, flow: ReflectionFlow) -> None:
        super().__init__(app, flow)
        self.index = 0
        self.face: int | None = None
        self.field = TextField(WORD_MAX + 10, reject="0123456789")
        self.error: str | None = None
        self.focus = "faces"
        self.faces: list[tuple[pygame.Rect, int]] = []
        self.buttons: list[Button] = []

    @property
    def who(self) -> Participant:
        return self.flow.people[self.index]

    def items(self) -> list[str]:
        return ["faces", "field", "done", "skip"]

    def _next(self) -> Intent | None:
        self.flow.answered.add(self.who.id)
        if self.index + 1 < len(self.flow.people):
            self.index += 1
            self.face = None
            self.field.clear()
            self.error = None
            self.focus = "faces"
            return None
        return self.flow.after_feedback()

    def done(self) -> Intent | None:
        try:
            word = check_feedback_word(self.field.text)
            self.flow.run.session.give_feedback(self.who.id, self.face, word)
        except InvalidInput as err:
            self.error = message(err, self.lang)
            self.focus = "field"
            return None
        except FacilitatorError as err:
            self.error = str(err)
            return None
        return self._next()

    def skip(self) -> Intent | None:
        try:
            self.flow.run.session.give_feedback(self.who.id, None, None)
        except FacilitatorError as err:
            self.error = str(err)
            return None
        return self._next()

    def choose(self, level: int) -> None:
        self.face = level
        self.focus = "field"

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame.TEXTINPUT:
            if self.focus == "field":
                self.field.insert(event.text)
                self.error = None
            return None
        if event.type == pygame.KEYDOWN:
            key = event.key
            items = self.items()
            if key in DIGITS and 1 <= DIGITS[key] <= 5:
                self.choose(DIGITS[key])
            elif key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_UP):
                back = key == pygame.K_UP or (key == pygame.K_TAB and event.mod
                                              & pygame.KMOD_SHIFT)
                self.focus = items[(items.index(self.focus) + (-1 if back else 1)) % len(items)]
            elif key in CONFIRM:
                return self.skip() if self.focus == "skip" else self.done()
            elif self.focus == "field":
                if key == pygame.K_BACKSPACE:
                    self.field.backspace()
                    self.error = None
            elif key == pygame.K_s:
                return self.skip()
            elif self.focus == "faces" and key in (pygame.K_LEFT, pygame.K_RIGHT):
                now = self.face or 3
                if self.face is not None:
                    now += 1 if key == pygame.K_RIGHT else -1
                self.face = max(1, min(5, now))
            elif key == pygame.K_SPACE:
                if self.focus == "done":
                    return self.done()
                if self.focus == "skip":
                    return self.skip()
            return None
        pos = pointer(self.app, event)
        if pos is None:
            return None
        for rect, level in self.faces:
            if rect.collidepoint(pos):
                self.choose(level)
                return None
        if self.field.rect.collidepoint(pos):
            self.focus = "field"
            return None
        for b in self.buttons:
            if b.hit(pos):
                return self.done() if b.action == "done" else self.skip()
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        width = m.width - 2 * m.margin
        left = m.margin
        strip_px = m.ui_px(20)
        strip = pygame.Rect(left, m.margin, width, int(strip_px * 2))
        marks_strip(canvas, self.flow.people, self.flow.answered, self.who.id, strip, strip_px,
                    theme)
        btn_px = m.ui_px(24)
        btn_h = int(btn_px * 2.1)
        bottom = m.height - self._hint_height() - m.gap - btn_h
        title = self.tr("fs-feedback-title", name=self.who.nickname)
        label = self.tr("fs-feedback-word")
        scale = 1.0
        while True:
            title_px = max(14, int(m.text_px(36) * scale))
            px = max(12, int(m.ui_px(24) * scale))
            small = max(11, int(m.ui_px(19) * scale))
            title_h = paragraph_height(title, width, title_px, True)
            row_h = int(px * 2.1)
            error_h = line_height(small) if self.error else 0
            fixed = title_h + m.gap + line_height(small) + 2 * m.gap + row_h + error_h
            room = bottom - strip.bottom - m.gap - fixed - 2 * m.gap
            # The faces take what room is left (they are the answer, at any text size).
            radius = min(width // 13, int((room - max(6, room // 12)) * 0.5))
            if radius >= max(20, int(m.height * 0.07)) or scale < 0.5:
                break
            scale *= 0.92
        radius = max(14, radius)
        y = strip.bottom + m.gap
        y += canvas.paragraph(title, pygame.Rect(left, y, width, title_h), title_px, theme.text,
                              True, align="center")
        y += m.gap
        slot = min(width // 5, radius * 3)
        x0 = m.width // 2 - slot * 5 // 2
        self.faces = []
        cy = y + radius + max(4, radius // 8) + 2
        for level in range(1, 6):
            cx = x0 + slot * (level - 1) + slot // 2
            face(canvas.surface, level, (cx, cy), radius, theme, self.face == level)
            canvas.text(str(level), (cx, cy + radius + max(6, radius // 6)), small,
                        theme.text if self.face == level else theme.muted, self.face == level,
                        "midtop")
            self.faces.append((pygame.Rect(cx - slot // 2, cy - radius - 4, slot, 2 * radius
                                           + line_height(small) + 8), level))
        if self.focus == "faces":
            box = pygame.Rect(x0 - m.gap // 2, cy - radius - m.gap, slot * 5 + m.gap,
                              2 * radius + max(6, radius // 6) + line_height(small) + 2 * m.gap)
            rounded(canvas.surface, box, theme.accent, m.gap, 2)
        y = cy + radius + max(6, radius // 6) + line_height(small) + 2 * m.gap
        label_w = text_width(label, px)
        field_w = min(width - label_w - m.gap, int(px * 14))
        total = label_w + m.gap + field_w
        lx = m.width // 2 - total // 2
        canvas.text(label, (lx, y + row_h // 2), px, theme.text, False, "midleft")
        self.field.rect = pygame.Rect(lx + label_w + m.gap, y, field_w, row_h)
        self.field.draw(canvas, theme, px, self.focus == "field",
                        self.tr("fs-feedback-word-placeholder"))
        y += row_h
        if self.error:
            canvas.text(fit(self.error, small, width), (m.width // 2, y + 2), small, theme.warn,
                        False, "midtop")
        items = [(self.tr("fs-skip-turn"), "skip"), (self.tr("fs-done"), "done")]
        self.buttons = button_row(items, pygame.Rect(left, bottom, width, btn_h), btn_px, m.gap,
                                  "center")
        draw_buttons(canvas, self.buttons, theme, btn_px, self.focus)
        self._hint(canvas, self.tr("fs-feedback-hint"))


# --- the end ---------------------------------------------------------------------------------


class ThanksView(_GroupView):
    """The session is over and saved; back to the menu.

    This screen is the group's (it is on the projector): the report, which holds each
    person's private ratings and feedback words, is behind a counsellor step that says so
    (`confirming`), and no single key opens it: the counsellor chooses the report button,
    reads the warning, and then confirms."""

    def __init__(self, app: App, flow: ReflectionFlow, error: str | None) -> None:
        super().__init__(app, flow)
        self.error = error
        self.buttons: list[Button] = []
        self.confirming = False
        self.focus = "menu"

    def _actions(self) -> list[str]:
        return ["cancel", "report"] if self.confirming else ["menu", "report-ask"]

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key in (pygame.K_TAB, pygame.K_LEFT, pygame.K_RIGHT):
                order = self._actions()
                step = -1 if key == pygame.K_LEFT else 1
                self.focus = order[(order.index(self.focus) + step) % len(order)]
                return None
            if key == pygame.K_ESCAPE:
                return self._act("cancel" if self.confirming else "menu")
            if key in CONFIRM:
                return self._act(self.focus)
            if key == pygame.K_SPACE and not self.confirming:
                return Pop()
            return None
        pos = pointer(self.app, event)
        if pos is not None:
            for b in self.buttons:
                if b.hit(pos):
                    return self._act(b.action)
        return None

    def _act(self, action: str) -> Intent | None:
        if action == "report-ask":
            self.confirming, self.focus = True, "cancel"
        elif action == "cancel":
            self.confirming, self.focus = False, "report-ask"
        elif action == "report" and self.confirming:
            return self._report()
        elif action == "menu":
            return Pop()
        return None

    def _report(self) -> Intent | None:
        """The session's report in the browser, for the counsellor, after the warning."""
        problem = self.flow.fac.open_report(self.app.settings.ui_lang)
        self.app.note(t("fs-report-failed" if problem else "fs-report-opened",
                        self.app.settings.ui_lang))
        self.confirming, self.focus = False, "menu"
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        canvas.surface.fill(theme.bg)
        width = min(m.width - 2 * m.margin, int(m.width * 0.8))
        left = (m.width - width) // 2
        ui = self.app.settings.ui_lang
        title = self.tr("fs-thanks-title")
        body = self.tr("fs-thanks-body", n=len(self.flow.people))
        if self.error:
            body = self.tr("fs-end-failed", reason=self.error)
        if self.confirming:  # the counsellor's step, in the counsellor's language
            title = t("fs-report-private-title", ui)
            body = t("fs-report-private-body", ui)
        btn_px = m.ui_px(24)
        btn_h = int(btn_px * 2.1)
        px = m.text_px(48)
        body_px = m.text_px(26)
        while True:
            title_h = paragraph_height(title, width, px, True)
            body_h = paragraph_height(body, width, body_px)
            r = 0 if self.confirming else int(px * 1.3)  # no smile over a warning
            total = 2 * r + m.gap + title_h + m.gap + body_h + 2 * m.gap + btn_h
            if total <= m.height - 2 * m.margin or px <= 14:
                break
            px = int(px * 0.9)
            body_px = max(12, int(body_px * 0.92))
        y = (m.height - total) // 2
        if r and theme.name != "high-contrast":
            pygame.draw.circle(canvas.surface, theme.tile_hover, (m.width // 2, y + r), r)
        if r:
            face(canvas.surface, 5, (m.width // 2, y + r), int(r * 0.75), theme)
        y += 2 * r + m.gap
        y += canvas.paragraph(title, pygame.Rect(left, y, width, title_h), px, theme.accent, True,
                              align="center")
        y += m.gap
        y += canvas.paragraph(body, pygame.Rect(left, y, width, body_h), body_px,
                              theme.warn if self.error else theme.text, align="center")
        y += 2 * m.gap
        items = ([(t("fs-report-back", ui), "cancel"), (t("fs-report-open", ui), "report")]
                 if self.confirming else
                 [(self.tr("fs-to-menu"), "menu"), (t("fs-open-report", ui), "report-ask")])
        self.buttons = button_row(items, pygame.Rect(left, y, width, btn_h), btn_px, m.gap,
                                  "center")
        draw_buttons(canvas, self.buttons, theme, btn_px, self.focus)
