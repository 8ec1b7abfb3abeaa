"""The session set-up: who is here today (group, nicknames, presence), then today's options.

Two short screens, each opening with the likeliest answer already chosen (the last group used,
everyone active marked present, the last vote mode), so Enter, Enter starts a usual session.
Keyboard and mouse each reach everything; names are typed through TEXTINPUT events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from facilitator.errors import FacilitatorError, InvalidInput
from facilitator.groups import Group
from facilitator.groups import Participant as Person
from facilitator.sessions import SessionStore
from facilitator.strings import message
from facilitator.validation import GROUP_NAME_MAX, NICKNAME_MAX
from game.play.events import VOTE_MODES
from game.story.loader import LoadedStory
from game.story.text import pick
from game.ui.app import App, BaseView, Intent, Pop, Push
from game.ui.canvas import Canvas, icon, panel, paragraph_height, rounded
from game.ui.views.options import Option, OptionsView
from game.ui.widgets import Button

from ._draw import (
    CONFIRM,
    TextField,
    arrow_box,
    button_row,
    draw_buttons,
    fit,
    line_height,
    mark,
    pointer,
    shade,
    text_width,
)
from .host import SetupHost, as_player

STATUSES = ("present", "absent", "left")


def real_groups(store: SessionStore) -> list[Group]:
    """The groups a counsellor plays with: not the demo groups of `porukka simulate`."""
    return [g for g in store.groups.groups() if not getattr(g, "simulated", False)]


@dataclass(frozen=True)
class SetupDefaults:
    group_id: str | None
    vote_mode: str
    reflection: str
    language: str


class SetupView(BaseView):
    """Who is here today: the group, its participants and their presence, adding people."""

    def __init__(self, app: App, fac: SetupHost, loaded: LoadedStory,
                 defaults: SetupDefaults) -> None:
        super().__init__(app)
        self.fac = fac
        self.loaded = loaded
        self.defaults = defaults
        self.groups: list[Group] = real_groups(fac.store)
        self.gi = next((i for i, g in enumerate(self.groups) if g.id == defaults.group_id),
                       0 if self.groups else -1)
        self.people: list[Person] = []
        self.present: set[str] = set()
        self.field = TextField(NICKNAME_MAX + 10)
        self.error: str | None = None
        self.info: str | None = None
        self.scroll = 0
        self.cols = 1
        self.rows_visible = 1
        self.hits: list[tuple[pygame.Rect, str, int]] = []  # rect, item, step (0: activate)
        self.buttons: list[Button] = []
        self._load_group()
        self.focus = self._initial_focus()

    # -- state --

    @property
    def group(self) -> Group | None:
        return self.groups[self.gi] if 0 <= self.gi < len(self.groups) else None

    def _load_group(self) -> None:
        group = self.group
        self.scroll = 0
        if group is None:
            self.people, self.present = [], set()
            return
        everyone = self.fac.store.groups.participants(group.id, include_left=True)
        self.people = [p for p in everyone if p.active] + [p for p in everyone if not p.active]
        self.present = {p.id for p in self.people if p.active}

    def _initial_focus(self) -> str:
        if self.group is None:
            return "new-group"
        if not self.people:
            return "field"
        return "next"

    def status(self, p: Person) -> str:
        if not p.active:
            return "left"
        return "present" if p.id in self.present else "absent"

    def present_people(self) -> list[Person]:
        return [p for p in self.people if p.active and p.id in self.present]

    def items(self) -> list[str]:
        return (["group", "new-group"] + [f"p:{p.id}" for p in self.people]
                + ["field", "add", "back", "next"])

    def _person(self, item: str) -> Person | None:
        if not item.startswith("p:"):
            return None
        pid = item[2:]
        return next((p for p in self.people if p.id == pid), None)

    # -- changes --

    def select_group(self, group: Group) -> None:
        self.groups = real_groups(self.fac.store)
        self.gi = next(i for i, g in enumerate(self.groups) if g.id == group.id)
        self._load_group()
        self.error = self.info = None
        self.focus = "field" if not self.people else "next"

    def _step_group(self, step: int) -> None:
        if len(self.groups) > 1:
            self.gi = (self.gi + step) % len(self.groups)
            self._load_group()
            self.error = self.info = None

    def _set_status(self, p: Person, status: str) -> None:
        store = self.fac.store.groups
        i = self.people.index(p)
        if status == "left" and p.active:
            p = store.leave(p.id)
        elif status != "left" and not p.active:
            p = store.rejoin(p.id)
        self.people[i] = p
        if status == "present":
            self.present.add(p.id)
        else:
            self.present.discard(p.id)

    def _cycle(self, p: Person, step: int) -> None:
        now = STATUSES.index(self.status(p))
        self._set_status(p, STATUSES[(now + step) % len(STATUSES)])

    def _toggle(self, p: Person) -> None:
        self._set_status(p, "absent" if self.status(p) == "present" else "present")

    def add_person(self) -> None:
        group = self.group
        self.info = None
        if group is None:
            self.error = self.tr("fs-make-group-first")
            return
        try:
            person = self.fac.store.groups.add_participant(group.id, self.field.text)
        except InvalidInput as err:
            self.error = message(err, self.lang)
            return
        self.error = None
        self.info = self.tr("fs-added", name=person.nickname)
        active = [p for p in self.people if p.active]
        self.people.insert(len(active), person)
        self.present.add(person.id)
        self.field.clear()
        self._keep_visible(f"p:{person.id}")

    def next(self) -> Intent | None:
        group = self.group
        if group is None:
            self.error = self.tr("fs-make-group-first")
            self.focus = "new-group"
            return None
        if not self.present_people():
            self.error = self.tr("fs-need-present")
            return None
        self.error = None
        return Push(SessionOptionsView(self.app, self.loaded, self.defaults,
                                       lambda lang, vote, refl: self.fac.start(
                                           self.app, self.loaded, group,
                                           [p.id for p in self.present_people()],
                                           lang, vote, refl)))

    def activate(self, item: str) -> Intent | None:
        if item == "new-group":
            return Push(NewGroupView(self.app, self.fac, self.select_group))
        if item in ("field", "add"):
            self.add_person()
            return None
        if item == "back":
            return Pop()
        if item == "next":
            return self.next()
        p = self._person(item)
        if p is not None:
            self._toggle(p)
        return None

    # -- input --

    def _move(self, step: int) -> None:
        items = self.items()
        i = items.index(self.focus) if self.focus in items else 0
        self.focus = items[(i + step) % len(items)]
        self._keep_visible(self.focus)

    def _keep_visible(self, item: str) -> None:
        p = self._person(item)
        if p is None:
            return
        row = self.people.index(p) // max(1, self.cols)
        if row < self.scroll:
            self.scroll = row
        elif row >= self.scroll + self.rows_visible:
            self.scroll = row - self.rows_visible + 1

    def handle(self, event: pygame.event.Event) -> Intent | None:
        if event.type == pygame.TEXTINPUT:
            if self.focus == "field":
                self.field.insert(event.text)
                self.error = None
            return None
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y)
            return None
        pos = pointer(self.app, event)
        if pos is None:
            return None
        for rect, item, step in self.hits:
            if rect.collidepoint(pos):
                if item == "more":  # the next rows of participants (mouse and touch)
                    rows = -(-len(self.people) // max(1, self.cols))
                    self.scroll += self.rows_visible
                    if self.scroll >= rows:
                        self.scroll = 0
                    return None
                self.focus = item
                if item == "field" and step == 0:
                    return None
                if step:
                    if item == "group":
                        self._step_group(step)
                    elif (p := self._person(item)) is not None:
                        self._cycle(p, step)
                    return None
                return self.activate(item)
        for b in self.buttons:
            if b.hit(pos):
                self.focus = b.action
                return self.activate(b.action)
        return None

    def _key(self, event: pygame.event.Event) -> Intent | None:
        key = event.key
        shift = event.mod & pygame.KMOD_SHIFT
        if key == pygame.K_TAB:
            self._move(-1 if shift else 1)
            return None
        if key == pygame.K_DOWN:
            self._move(1)
            return None
        if key == pygame.K_UP:
            self._move(-1)
            return None
        if self.focus == "field":
            if key in CONFIRM:
                self.add_person()
            elif key == pygame.K_BACKSPACE:
                self.field.backspace()
                self.error = None
            elif key == pygame.K_ESCAPE:
                if self.field.text:
                    self.field.clear()
                    self.error = None
                else:
                    return Pop()
            return None  # letters arrive as TEXTINPUT; no shortcut fires while typing
        if key == pygame.K_ESCAPE:
            return Pop()
        if key in (pygame.K_LEFT, pygame.K_RIGHT):
            step = 1 if key == pygame.K_RIGHT else -1
            if self.focus == "group":
                self._step_group(step)
            elif (p := self._person(self.focus)) is not None:
                self._cycle(p, step)
            elif self.focus in ("back", "next"):
                self.focus = "next" if step > 0 else "back"
            return None
        if key in CONFIRM or key == pygame.K_SPACE:
            return self.activate(self.focus)
        return None

    # -- drawing --

    def _layout(self) -> dict[str, int]:
        m = self.app.metrics
        px = m.ui_px(24)
        floor = max(11, m.ui_px(24) * 2 // 3)
        n = max(1, len(self.people))
        width = m.width - 2 * m.margin
        while True:
            title_px = int(px * 1.35)
            row_h = int(px * 2.1)
            small = max(11, int(px * 0.85))
            fixed = (int(title_px * 1.5) + m.gap + row_h + m.gap + line_height(px) + row_h
                     + line_height(small) + m.gap + row_h + line_height(m.ui_px(17)) + m.gap)
            avail = m.height - 2 * m.margin - fixed - m.gap
            name_w = max([text_width(p.nickname, px, True) for p in self.people] or [px * 6])
            status_w = max(text_width(self.tr(f"fs-status-{s}"), px) for s in STATUSES)
            arrow = int(row_h * 0.72)
            need = int(px * 2.4) + name_w + 2 * arrow + status_w + 6 * m.gap
            cols = 2 if 2 * need + m.gap <= width and n > 1 else 1
            rows_needed = -(-n // cols)
            step_h = row_h + m.gap // 2
            rows_fit = max(0, (avail + m.gap // 2) // step_h)
            # At big text sizes the list scrolls with two rows showing before the text shrinks.
            if rows_fit >= min(rows_needed, 3 if m.scale < 1.5 else 2) or px <= floor:
                return {"px": px, "title_px": title_px, "row_h": row_h, "small": small,
                        "cols": cols, "rows": max(1, min(rows_needed, rows_fit)),
                        "rows_needed": rows_needed, "arrow": arrow, "status_w": status_w}
            px -= 1

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        surf = canvas.surface
        surf.fill(theme.bg)
        lay = self._layout()
        px, row_h, small = lay["px"], lay["row_h"], lay["small"]
        self.cols, self.rows_visible = lay["cols"], lay["rows"]
        self.scroll = max(0, min(self.scroll, lay["rows_needed"] - self.rows_visible))
        self.hits = []
        left, width = m.margin, m.width - 2 * m.margin
        y = m.margin
        # title, and the story on the right
        title_px = lay["title_px"]
        story = self.loaded.story
        story_title = pick(story.title, self.lang, story.default_language) or story.id
        title = self.tr("fs-setup-title")
        title_w = text_width(title, title_px, True)
        canvas.text(fit(title, title_px, width, True), (left, y), title_px, theme.text, True)
        room = width - title_w - 2 * m.gap
        if room > px * 4:
            canvas.text(fit(story_title, px, room), (left + width, y + title_px // 2), px,
                        theme.muted, False, "midright")
        y += int(title_px * 1.5) + m.gap
        # the group
        self._draw_group_row(canvas, pygame.Rect(left, y, width, row_h), px, lay["arrow"])
        y += row_h + m.gap
        # participants
        step_h = row_h + m.gap // 2
        list_rect = pygame.Rect(left, y, width, self.rows_visible * step_h)
        self._draw_people(canvas, list_rect, lay)
        bottom = m.height - m.margin - line_height(m.ui_px(17)) - m.gap - row_h
        add_top = bottom - m.gap - line_height(small) - row_h - line_height(px)
        y = min(list_rect.bottom + m.gap // 2, add_top)
        # adding a participant, under the rule said plainly
        rule = canvas.text(fit(self.tr("fac-nickname-rule"), px, width * 3 // 4, True),
                           (left, y), px, theme.accent, True)
        total_rows = -(-len(self.people) // max(1, self.cols))
        if total_rows > self.rows_visible:
            more = f"{self.scroll + 1}–{self.scroll + self.rows_visible} / {total_rows}"
            tri = pygame.Rect(0, 0, small, small)
            tri.midright = (left + width, rule.centery)
            pygame.draw.polygon(canvas.surface, theme.accent, [tri.topleft, tri.topright,
                                                                tri.midbottom])
            drawn = canvas.text(more, (tri.left - m.gap // 2, rule.centery), small, theme.muted,
                                False, "midright")
            self.hits.append((drawn.union(tri).inflate(m.gap, m.gap), "more", 0))
        y += line_height(px)
        add_label = self.tr("fs-add")
        add_w = text_width(add_label, px, True) + px * 2
        self.field.rect = pygame.Rect(left, y, width - add_w - m.gap, row_h)
        self.field.draw(canvas, theme, px, self.focus == "field",
                        self.tr("fs-nickname-placeholder"))
        self.hits.append((self.field.rect, "field", 0))
        add = Button(pygame.Rect(self.field.rect.right + m.gap, y, add_w, row_h), add_label,
                     "add", self.focus == "add")
        add.draw(canvas, theme, px)
        self.hits.append((add.rect, "add", 0))
        y += row_h
        note = self.error or self.info
        if note:
            canvas.text(fit(note, small, width), (left, y + 2), small,
                        theme.warn if self.error else theme.muted)
        # back, the count, next
        brow = pygame.Rect(left, bottom, width, row_h)
        self.buttons = button_row([(self.tr("ui-back"), "back")], brow, px, m.gap, "left")
        self.buttons += button_row([(self.tr("fs-next"), "next")], brow, px, m.gap, "right")
        draw_buttons(canvas, self.buttons, theme, px, self.focus)
        count = self.tr("fs-present-count", n=len(self.present_people()))
        mid = (self.buttons[0].rect.right + self.buttons[1].rect.left) // 2
        room = self.buttons[1].rect.left - self.buttons[0].rect.right - 2 * m.gap
        if room > px * 3:
            canvas.text(fit(count, px, room, True), (mid, brow.centery), px, theme.text, True,
                        "center")
        hint_px = m.ui_px(17)
        canvas.text(fit(self.tr("fs-setup-hint"), hint_px, width), (left + width, m.height
                    - m.margin // 2), hint_px, theme.muted, False, "bottomright")

    def _draw_group_row(self, canvas: Canvas, rect: pygame.Rect, px: int, arrow: int) -> None:
        theme = self.app.theme
        m = self.app.metrics
        label = self.tr("fs-group")
        new_label = self.tr("fs-new-group")
        new_w = text_width(new_label, px, True) + px * 2
        label_w = text_width(label, px, True) + m.gap
        box = pygame.Rect(rect.left, rect.top, rect.width - new_w - m.gap, rect.height)
        focused = self.focus == "group"
        panel(canvas.surface, box, theme.tile_hover if focused else theme.panel, 255, 8)
        if focused:
            rounded(canvas.surface, box, theme.accent, 8, 3)
        canvas.text(label, (box.left + m.gap, box.centery), px, theme.text, True, "midleft")
        lrect = pygame.Rect(box.left + m.gap + label_w, box.centery - arrow // 2, arrow, arrow)
        rrect = pygame.Rect(box.right - m.gap - arrow, lrect.top, arrow, arrow)
        many = len(self.groups) > 1
        arrow_box(canvas, lrect, "left", theme, many)
        arrow_box(canvas, rrect, "right", theme, many)
        name = self.group.name if self.group else self.tr("fs-no-group")
        room = rrect.left - lrect.right - 2 * m.gap
        canvas.text(fit(name, px, room, True), ((lrect.right + rrect.left) // 2, box.centery), px,
                    theme.text if self.group else theme.muted, True, "center")
        self.hits += [(lrect, "group", -1), (rrect, "group", 1), (box, "group", 0)]
        new = Button(pygame.Rect(box.right + m.gap, rect.top, new_w, rect.height), new_label,
                     "new-group", self.focus == "new-group")
        new.draw(canvas, theme, px)
        self.hits.append((new.rect, "new-group", 0))

    def _draw_people(self, canvas: Canvas, area: pygame.Rect, lay: dict[str, int]) -> None:
        theme = self.app.theme
        m = self.app.metrics
        px, row_h, arrow = lay["px"], lay["row_h"], lay["arrow"]
        if not self.people:
            text = self.tr("fs-no-participants") if self.group else self.tr("fs-make-group-first")
            canvas.text(fit(text, px, area.width), (area.left, area.top + row_h // 2), px,
                        theme.muted, False, "midleft")
            return
        cols = self.cols
        col_w = (area.width - m.gap * (cols - 1)) // cols
        step_h = row_h + m.gap // 2
        first = self.scroll * cols
        shown = self.people[first: first + self.rows_visible * cols]
        for k, p in enumerate(shown):
            r, c = divmod(k, cols)
            rect = pygame.Rect(area.left + c * (col_w + m.gap), area.top + r * step_h, col_w,
                               row_h)
            self._draw_person(canvas, rect, p, px, arrow, lay["status_w"])

    def _draw_person(self, canvas: Canvas, rect: pygame.Rect, p: Person, px: int, arrow: int,
                     status_w: int) -> None:
        theme = self.app.theme
        m = self.app.metrics
        item = f"p:{p.id}"
        focused = self.focus == item
        status = self.status(p)
        fill = theme.tile_hover if focused else (theme.tile if status == "present"
                                                 else theme.panel)
        panel(canvas.surface, rect, fill, 255, 8)
        rounded(canvas.surface, rect, theme.accent if focused else theme.border, 8,
                3 if focused else 1)
        r = int(px * 0.55)
        mark(canvas, as_player(p), (rect.left + m.gap + r, rect.centery), r, theme)
        rrect = pygame.Rect(rect.right - m.gap - arrow, rect.centery - arrow // 2, arrow, arrow)
        lrect = pygame.Rect(rrect.left - status_w - 2 * m.gap - int(px * 0.8) - arrow, rrect.top,
                            arrow, arrow)
        name_left = rect.left + m.gap * 2 + 2 * r
        room = lrect.left - name_left - m.gap
        colour = theme.text if status != "left" else theme.muted
        canvas.text(fit(p.nickname, px, room, True), (name_left, rect.centery), px, colour,
                    True, "midleft")
        arrow_box(canvas, lrect, "left", theme)
        arrow_box(canvas, rrect, "right", theme)
        label = self.tr(f"fs-status-{status}")
        centre = (lrect.right + int(px * 0.8) + rrect.left) // 2
        drawn = canvas.text(fit(label, px, status_w + m.gap), (centre,
                            rect.centery), px, theme.text if status == "present"
                            else theme.muted, status == "present", "center")
        if status == "present":
            size = int(px * 0.8)
            icon(canvas.surface, "check", pygame.Rect(lrect.right + m.gap // 2, rect.centery
                                                      - size // 2, size, size), theme.accent)
        _ = drawn
        self.hits += [(lrect, item, -1), (rrect, item, 1), (rect, item, 0)]


class NewGroupView(BaseView):
    """A name for a new group, typed; the name is checked like a nickname."""

    opaque = False

    def __init__(self, app: App, fac: SetupHost, created: Callable[[Group], None]) -> None:
        super().__init__(app)
        self.fac = fac
        self.created = created
        self.field = TextField(GROUP_NAME_MAX + 10)
        self.focus = "field"
        self.error: str | None = None
        self.buttons: list[Button] = []

    def create(self) -> Intent | None:
        try:
            group = self.fac.store.groups.create_group(self.field.text)
        except InvalidInput as err:
            self.error = message(err, self.lang)
            return None
        except FacilitatorError as err:
            self.error = str(err)
            return None
        self.created(group)
        return Pop()

    def activate(self, item: str) -> Intent | None:
        if item in ("field", "create"):
            return self.create()
        return Pop()

    def handle(self, event: pygame.event.Event) -> Intent | None:
        items = ["field", "create", "cancel"]
        if event.type == pygame.TEXTINPUT:
            if self.focus == "field":
                self.field.insert(event.text)
                self.error = None
            return None
        if event.type == pygame.KEYDOWN:
            key = event.key
            if key == pygame.K_ESCAPE:
                return Pop()
            if key in (pygame.K_TAB, pygame.K_DOWN, pygame.K_UP):
                back = key == pygame.K_UP or (key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT)
                self.focus = items[(items.index(self.focus) + (-1 if back else 1)) % len(items)]
                return None
            if key in CONFIRM:
                return self.activate(self.focus)
            if self.focus == "field":
                if key == pygame.K_BACKSPACE:
                    self.field.backspace()
                    self.error = None
                return None
            if key == pygame.K_SPACE:
                return self.activate(self.focus)
            return None
        pos = pointer(self.app, event)
        if pos is None:
            return None
        if self.field.rect.collidepoint(pos):
            self.focus = "field"
            return None
        for b in self.buttons:
            if b.hit(pos):
                return self.activate(b.action)
        return None

    def draw(self, canvas: Canvas) -> None:
        theme = self.app.theme
        m = self.app.metrics
        shade(canvas)
        px = m.ui_px(24)
        width = min(m.width - 2 * m.margin, int(px * 26))
        inner = width - 2 * m.gap
        hint = self.tr("fs-group-name-hint")
        while True:
            row_h = int(px * 2.1)
            hint_h = paragraph_height(hint, inner, px)
            small = max(11, int(px * 0.85))
            height = (int(px * 2) + hint_h + m.gap + row_h + line_height(small) + m.gap + row_h
                      + 2 * m.gap)
            if height <= m.height - 2 * m.margin or px <= 11:
                break
            px -= 1
        box = pygame.Rect(0, 0, width, height)
        box.center = (m.width // 2, m.height // 2)
        panel(canvas.surface, box, theme.panel, 255, m.gap)
        rounded(canvas.surface, box, theme.border, m.gap, 2)
        y = box.top + m.gap
        canvas.text(fit(self.tr("fs-new-group-title"), px, inner, True), (box.centerx, y), px,
                    theme.text, True, "midtop")
        y += int(px * 2)
        y += canvas.paragraph(hint, pygame.Rect(box.left + m.gap, y, inner, hint_h), px,
                              theme.muted)
        y += m.gap
        self.field.rect = pygame.Rect(box.left + m.gap, y, inner, row_h)
        self.field.draw(canvas, theme, px, self.focus == "field",
                        self.tr("fs-group-name-placeholder"))
        y += row_h
        if self.error:
            canvas.text(fit(self.error, small, inner), (box.left + m.gap, y + 2), small,
                        theme.warn)
        y += line_height(small) + m.gap
        self.buttons = button_row([(self.tr("fs-cancel"), "cancel"),
                                   (self.tr("fs-create"), "create")],
                                  pygame.Rect(box.left + m.gap, y, inner, row_h), px, m.gap)
        draw_buttons(canvas, self.buttons, theme, px, self.focus)


class SessionOptionsView(OptionsView):
    """Today's options: story language, how to vote, whether to rate "me now"."""

    title_key = "fs-options-title"

    def __init__(self, app: App, loaded: LoadedStory, defaults: SetupDefaults,
                 start: Callable[[str, str, str], Intent | None]) -> None:
        super().__init__(app)
        self.start = start
        languages = list(loaded.story.languages)
        modes = list(VOTE_MODES)
        refl = ["private", "skip"]
        self.options = [
            Option("ui-story-language", languages, [self._lang_label(c) for c in languages],
                   languages.index(defaults.language) if defaults.language in languages else 0),
            Option("ui-vote-mode", modes, [self.tr(f"vote-{v}") for v in modes],
                   modes.index(defaults.vote_mode) if defaults.vote_mode in modes else 0),
            Option("fs-reflection", refl, [self.tr(f"fs-reflection-{r}") for r in refl],
                   refl.index(defaults.reflection) if defaults.reflection in refl else 0),
        ]
        self.row = len(self.options)  # Start is focused: Enter begins at once

    def _lang_label(self, code: str) -> str:
        from game.i18n import has

        key = f"lang-{code}"
        return self.tr(key) if has(key) else code

    def actions(self) -> list[tuple[str, str]]:
        return [(self.tr("ui-start"), "start"), (self.tr("ui-back"), "back")]

    def act(self, action: str) -> Intent | None:
        if action == "start":
            o = self.options
            return self.start(o[0].value, o[1].value, o[2].value)
        return Pop()
