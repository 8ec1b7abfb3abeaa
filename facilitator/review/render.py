"""Rendering a report model as one self-contained HTML page: inline CSS and SVG, nothing
fetched, readable on screen and printable on A4.

The templates (`templates/*.html.j2`, Jinja2 with autoescaping) lay the page out; this module
translates, formats and asks `charts` for the pictures. Every text from the log (choice
texts, nicknames, feedback words) is escaped by the template.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from game.i18n import has, interface_language, t, tn
from game.story.text import pick

from . import _format as fmt
from . import charts, shapes, timecharts
from .model import (
    MIN_PEOPLE,
    ChoicePointRow,
    Decision,
    GroupReport,
    Option,
    Person,
    SessionReport,
    StoryComparison,
)
from .texts import Said, StoryTexts

TEMPLATES = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class MapData:
    """The story map's shape, when the story file at hand is the one that was played."""

    nodes: tuple[tuple[str, bool], ...]  # scene id, is an ending
    edges: tuple[tuple[str, str], ...]
    start: str


@cache
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["shape_path"] = shapes.svg_path
    return env


class _Words:
    """What the templates call: `w('rev-key', n=1)` and a few formatters, in one language."""

    def __init__(self, lang: str, domain_names: Mapping[str, Any] | None, story_lang: str,
                 texts: StoryTexts | None = None, story_id: str = ""):
        self.lang = interface_language(lang)
        self.domain_names = dict(domain_names or {})
        self.story_lang = story_lang
        self.texts = texts or StoryTexts({}, self.lang)
        self.story_id = story_id
        self.scene_lines: dict[str, str] = {}
        self.scene_order: dict[str, int] = {}

    # --- the story's words, in the report's language where the story has them ------------

    def said(self, said: Said | None) -> Markup:
        """A story text; one in another language is marked with `lang` and a small marker."""
        if said is None:
            return Markup("")
        if self.texts.same(said.lang):
            return escape(said.text)
        return Markup('<span lang="{0}">{1}</span> <span class="lang-mark" title="{2}">{0}'
                      '</span>').format(said.lang, said.text, self("rev-other-language"))

    def title(self, story_id: str, logged: str, logged_lang: str) -> Said:
        return self.texts.title(story_id, logged, logged_lang)

    def option(self, scene: str, o: Option, *, story_id: str = "",
               lang: str = "") -> Said:
        return self.texts.option(story_id or self.story_id, scene, o.id, o.text,
                                 lang or self.story_lang)

    def prompt(self, d: Decision) -> Said | None:
        return self.texts.prompt(self.story_id, d.scene, d.prompt, self.story_lang)

    def scene(self, scene: str | None, *, story_id: str = "", lang: str = "") -> Markup:
        """A scene by its first line (never its id), or "scene N"."""
        if not scene:
            return Markup("")
        sid = story_id or self.story_id
        said = self.texts.scene(sid, scene, self.scene_lines.get(scene), lang or self.story_lang)
        if said is not None:
            return self.said(said)
        return escape(self.scene_plain(scene, story_id=sid))

    def ending(self, scene: str, logged_title: str) -> Markup:
        said = self.texts.scene(self.story_id, scene, logged_title, self.story_lang)
        return Markup(self("rev-glance-ending", title="{0}")).format(self.said(said))

    def scene_plain(self, scene: str | None, *, story_id: str = "") -> str:
        """The scene's name as plain text (for chart titles)."""
        if not scene:
            return ""
        sid = story_id or self.story_id
        said = self.texts.scene(sid, scene, self.scene_lines.get(scene), self.story_lang)
        if said is not None:
            return said.text
        n = self.texts.scene_number(sid, scene) or self.scene_order.setdefault(
            scene, len(self.scene_order) + 1)
        return self("rev-scene-n", number=n)

    def __call__(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def n(self, key: str, count: int, **params: Any) -> str:
        """A plural entry in the form for `count` (`w.n('rev-key', 2)` in the templates)."""
        return tn(key, count, self.lang, **params)

    # --- the group report's rows ----------------------------------------------------------

    @staticmethod
    def row_lang(st: StoryComparison, row: ChoicePointRow) -> str:
        """The language of the newest session that reached the row (whose texts it shows)."""
        reached = [i for i, c in enumerate(row.cells) if c is not None]
        return st.sessions[reached[-1]].language if reached else "fi"

    def story_title(self, st: StoryComparison) -> Said:
        return self.texts.title(st.story_id, st.title, st.sessions[-1].language)

    def row_name(self, st: StoryComparison, row: ChoicePointRow) -> Markup:
        said = self.texts.prompt(st.story_id, row.scene, row.prompt, self.row_lang(st, row))
        if said is None:
            name = self.texts.scene(st.story_id, row.scene, None, self.row_lang(st, row))
            if name is None:
                return escape(self("rev-choice-point-n", number=row.number))
            said = name
        return Markup("{0}. {1}").format(row.number, self.said(said))

    def row_option(self, st: StoryComparison, row: ChoicePointRow, cid: str,
                   text: str) -> Said:
        return self.texts.option(st.story_id, row.scene, cid, text, self.row_lang(st, row))

    def view_changes(self, changes: Sequence[tuple[str, int, int]]) -> Markup:
        """A person's own view, first → latest, in words: what is higher, what lower, and
        that the rest stayed about the same (a change of one step is "about the same")."""
        up = [(d, a, b) for d, a, b in changes if b - a >= 2]
        down = [(d, a, b) for d, a, b in changes if a - b >= 2]
        parts = []
        for label, group in (("rev-view-up", up), ("rev-view-down", down)):
            if group:
                items = ", ".join(f"{self.domain(d)} {a} → {b}" for d, a, b in group)
                parts.append(Markup("<i>{0}</i>: {1}").format(self(label), items))
        if len(up) + len(down) < len(changes):
            parts.append(escape(self("rev-view-rest-same" if parts else "rev-view-all-same")))
        return Markup(" · ").join(parts)

    def votes_key(self, row: ChoicePointRow, votes: Sequence[int]) -> str:
        """A tally with its key: "1: 2 votes · 2: 1 vote" (numbers as in the row's list)."""
        return " · ".join(f"{num}: {self.n('rev-votes-count', n)}"
                          for (_cid, num, _t), n in zip(row.options, votes, strict=False))

    def domain(self, dom: str) -> str:
        if dom in self.domain_names:
            return pick(self.domain_names[dom], self.lang, self.story_lang) or dom
        key = f"rev-domain-{dom}"
        if has(key):
            return t(key, self.lang)
        said = self.texts.domain([self.story_id] if self.story_id else [], dom)
        return said.text if said is not None else self("rev-domain-other")

    def face(self, face: int | None) -> str:
        return self("rev-face-none") if face is None else self(f"rev-face-{face}")

    def names(self, people: Sequence[Person]) -> str:
        return ", ".join(p.nickname for p in people) or self("rev-nobody")

    def when(self, moment: datetime) -> str:
        return fmt.when(moment, self.lang)

    def day(self, moment: datetime) -> str:
        return fmt.day(moment, self.lang)

    def short(self, moment: datetime) -> str:
        return fmt.short_day(moment, self.lang)

    def number(self, value: float) -> str:
        return fmt.number(value, self.lang)

    def minutes(self, span: Any) -> str:
        return f"{fmt.minutes(span)} min"  # the same in Finnish, Swedish and English

    def seconds(self, value: float) -> str:
        return fmt.seconds(value)

    def clock(self, value: float) -> str:
        return fmt.clock(value)

    def how(self, how: str) -> str:
        key = f"rev-how-{how}"
        return self(key) if has(key) else how

    def action(self, action: str) -> str:
        key = f"rev-action-{action}"
        return self(key) if has(key) else action


MIN_TEXT_PX = 9.0  # no text of a report smaller than this, on a phone too
_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) [\d.]+"')
_FONT = re.compile(r'font-size(?::\s*|=")([\d.]+)')


def min_width(svg: str) -> int:
    """The narrowest a chart may be drawn so that its smallest text is still MIN_TEXT_PX:
    narrower screens scroll the chart sideways instead of shrinking its text."""
    box = _VIEWBOX.search(svg)
    sizes = [float(x) for x in _FONT.findall(svg)]
    if box is None or not sizes:
        return 0
    return math.ceil(MIN_TEXT_PX * float(box.group(1)) / min(sizes))


def _markup(chart: charts.Chart) -> dict[str, Any]:
    svg = chart.svg
    need = min_width(svg)
    if need:
        svg = svg.replace("<svg ", f'<svg style="min-width: {need}px" ', 1)
    return {"key": chart.key, "svg": Markup(svg), "title": chart.title,
            "desc": chart.desc, "head": chart.head, "rows": chart.rows}


@dataclass(frozen=True)
class Bar:
    label: Markup
    value: str  # as written: "3", "4×"
    share: float  # of the longest bar, 0–1
    chosen: bool = False


@dataclass(frozen=True)
class BarList:
    """Bars drawn as HTML (`macros.bars`): the option texts stay whole page text that wraps
    at a phone's width, where a picture would shrink or scroll sideways."""

    key: str
    title: str
    desc: str
    items: tuple[Bar, ...]
    chosen_word: str = ""


@dataclass(frozen=True)
class Face:
    name: str
    said: str  # the face in words: "good"
    word: str  # their one word, quoted, or ""
    svg: Markup


@dataclass(frozen=True)
class FaceList:
    """Each person's face for "How was today?" as page text that wraps (`macros.faces`),
    the name always shown and the word beside it, never instead of it."""

    key: str
    title: str
    desc: str
    items: tuple[Face, ...]


def _bars(key: str, labels: Sequence[Markup | str], values: Sequence[int],
          said: Sequence[str], *, title: str, desc: str, chosen: int | None = None,
          chosen_word: str = "") -> BarList:
    top = max(values, default=0)
    return BarList(key, title, desc, tuple(
        Bar(escape(label), text, value / top if top else 0.0, i == chosen)
        for i, (label, value, text) in enumerate(zip(labels, values, said, strict=True))
    ), chosen_word)


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


# --- session -------------------------------------------------------------------------------


def session_charts(
    report: SessionReport, w: _Words, story_map: MapData | None
) -> dict[str, Any]:
    out: dict[str, Any] = {"votes": {}, "reflections": {}}
    if story_map is not None:
        out["map"] = _markup(charts.story_map(
            "map", story_map.nodes, story_map.edges, story_map.start, report.path,
            title=w("rev-map-title"),
            desc=w.n("rev-map-desc", len(story_map.nodes),
                     story=w.title(report.story_id, report.story_title, report.language).text,
                     visited=len(set(report.path))),
            head=(w("rev-th-step"), w("rev-th-scene")),
            visited_word=w("rev-map-visited"),
            order_word=lambda n: w("rev-map-order", n=n),
            name=w.scene_plain,
            number=lambda sid: w.texts.scene_number(report.story_id, sid) or 0,
        ))
    for dec in report.decisions:
        if not dec.has_votes:
            continue
        chosen_opt = dec.chosen
        out["votes"][dec.seq] = _bars(
            f"vote{dec.seq}",
            [Markup("{0}. {1}").format(o.number, w.said(w.option(dec.scene, o)))
             for o in dec.options],
            [o.votes for o in dec.options], [str(o.votes) for o in dec.options],
            chosen=next((j for j, o in enumerate(dec.options) if o.chosen), None),
            chosen_word=w("rev-chosen"),
            title=w("rev-chart-votes", scene=w.scene_plain(dec.scene)),
            desc=w("rev-chart-votes-desc", total=dec.total_votes, n=len(dec.options),
                   chosen=w.option(dec.scene, chosen_opt).text if chosen_opt else ""),
        )
    if report.mirror:
        out["mirror"] = _bars(
            "mirror", [w.domain(d) for d, _ in report.mirror], [n for _, n in report.mirror],
            [f"{n}×" for _, n in report.mirror],
            title=w("rev-chart-mirror"),
            desc=w("rev-chart-mirror-desc", n=len(report.decisions)),
        )
    for i, refl in enumerate(report.reflections, 1):
        out["reflections"][refl.person.id] = _markup(charts.reflection(
            f"me{i}",
            [w.domain(r.domain) for r in refl.ratings],
            [r.value for r in refl.ratings],
            [r.earlier for r in refl.ratings],
            colour=refl.person.colour,
            title=w("rev-chart-reflection", name=refl.person.nickname),
            desc=w("rev-chart-reflection-desc", name=refl.person.nickname,
                   n=len(refl.ratings)),
            head=(w("rev-th-domain"), w("rev-th-today"), w("rev-th-earlier")),
            skipped=w("rev-skipped"),
            scale=w("rev-scale"),
        ))
    if report.feedback:
        out["faces"] = FaceList(
            "faces", w("rev-chart-faces"),
            # Counted as the page counts: those who chose a face.
            w("rev-chart-faces-desc", n=sum(1 for f in report.feedback if f.face is not None)),
            tuple(Face(f.person.nickname, w.face(f.face),
                       w("rev-quoted", text=f.word) if f.word else "",
                       Markup(charts.face_svg(f.face))) for f in report.feedback),
        )
    summary = report.feedback_summary
    if not summary.suppressed:
        out["face_counts"] = _markup(charts.face_counts(
            "facecounts", [w.face(i) for i in range(1, 6)], list(summary.counts),
            title=w("rev-chart-face-counts"),
            desc=w("rev-feedback-summary", n=summary.n, mean=w.number(summary.value or 0)),
            head=(w("rev-th-face"), w("rev-th-count")),
        ))
    return out


def render_session(
    report: SessionReport,
    lang: str,
    *,
    group_name: str = "",
    story_map: MapData | None = None,
    domain_names: Mapping[str, Any] | None = None,
    now: datetime | None = None,
    stories: Mapping[str, Any] | None = None,
) -> str:
    """The session report as an HTML page, in `lang` (fi, sv or en). `stories`: the story
    files at hand by id (only ones whose content is the one played), for the texts in `lang`."""
    w = _Words(lang, domain_names, report.language,
               StoryTexts(stories or {}, interface_language(lang)), report.story_id)
    for step in report.timeline:
        if step.kind == "scene" and step.scene and step.text:
            w.scene_lines.setdefault(step.scene, step.text)
    return _env().get_template("session.html.j2").render(
        r=report, w=w, lang=w.lang, c=session_charts(report, w, story_map),
        has_map=story_map is not None, min_people=MIN_PEOPLE,
        group_name=group_name or report.group, made=w.day(_now(now)),
    )


# --- group ---------------------------------------------------------------------------------


def group_charts(report: GroupReport, w: _Words) -> dict[str, Any]:
    out: dict[str, Any] = {"ratings": {}}
    if not report.sessions:
        return out
    times = [s.started for s in report.sessions]
    dates = [w.short(s.started) for s in report.sessions]
    out["attendance"] = _markup(timecharts.attendance(
        "attend",
        [p.nickname for p in report.people],
        [p.colour for p in report.people],
        [p.shape for p in report.people],
        times,
        dates,
        report.attendance,
        title=w("rev-chart-attendance"),
        desc=w("rev-chart-attendance-desc", people=len(report.people),
               sessions=len(report.sessions)),
        head=(w("rev-th-name"), *dates),
        yes=w("rev-here"),
        no=w("rev-not-here"),
    ))
    if report.feedback_shown:
        out["feedback"] = _markup(timecharts.feedback_trend(
            "feedback", times, dates, [s.feedback.value for s in report.sessions],
            face_labels=[w.face(i) for i in range(1, 6)],
            title=w("rev-chart-feedback-trend"),
            desc=w.n("rev-chart-feedback-trend-desc", len(report.feedback_shown),
                     min=MIN_PEOPLE),
            head=(w("rev-date"), w("rev-th-average")),
            hidden=w("rev-hidden"),
        ))
    rated = [d for d in report.domains if any(d in s.points for s in report.ratings)]
    order = {d: i for i, d in enumerate(rated)}  # the same style for a domain everywhere
    for i, series in enumerate(report.ratings, 1):
        if not series.points:
            continue
        labels = [w.domain(d) for d in series.points]
        out["ratings"][series.person.id] = _markup(timecharts.ratings_trend(
            f"ratings{i}", times, dates,
            [(order[d], pts) for d, pts in series.points.items()],
            labels=labels,
            title=w("rev-chart-ratings", name=series.person.nickname),
            desc=w("rev-chart-ratings-desc", name=series.person.nickname, n=len(labels),
                   sessions=len({c for pts in series.points.values() for c, _ in pts})),
            head=(w("rev-date"), *labels),
        ))
    return out


def render_group(
    report: GroupReport,
    lang: str,
    *,
    domain_names: Mapping[str, Any] | None = None,
    now: datetime | None = None,
    stories: Mapping[str, Any] | None = None,
) -> str:
    """The group report as an HTML page, in `lang` (fi, sv or en)."""
    w = _Words(lang, domain_names, "fi", StoryTexts(stories or {}, interface_language(lang)))
    divided_rows = sorted(
        ((st, row) for st in report.stories for row in st.rows if row.divided_count),
        key=lambda sr: (-sr[1].divided_count / max(1, sr[1].reached), -sr[1].divided_count))
    shown = [s.feedback.value for s in report.feedback_shown if s.feedback.value is not None]
    feeling = {"key": "rev-glance-felt-trend", "first": w.number(shown[0]) if shown else "",
               "last": w.number(shown[-1]) if shown else ""}
    if len(shown) == 1:
        feeling["key"] = "rev-glance-felt-once"
    return _env().get_template("group.html.j2").render(
        r=report, w=w, lang=w.lang, c=group_charts(report, w), min_people=MIN_PEOPLE,
        made=w.day(_now(now)), divided_rows=divided_rows, feeling=feeling,
    )
