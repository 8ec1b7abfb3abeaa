"""Gathering what a report needs from the data folder: the events, the people, the story.

The only part of the review that reads files; `model` stays pure and `render` only formats.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from game.resources import builtin_stories_dir
from game.story.model import STANDARD_DOMAINS, Story
from game.story.yamlsource import SourceError, read_source

from .._bulk import collector_paused
from .._time import parse_time
from ..errors import LogError, NotFound
from ..groups import Group
from ..log.eventlog import SessionLog, session_file
from ..log.records import Record
from ..sessions import SessionStore, begun
from .model import EarlierRating, GroupReport, Person, SessionReport, group_report, session_report
from .render import MapData, render_group, render_session


def resolve_group(store: SessionStore, name_or_id: str) -> Group:
    group = store.groups.find_group(name_or_id)
    if group is None:
        raise NotFound(f"there is no group {name_or_id!r}")
    return group


def people_of(store: SessionStore, group_id: str) -> dict[str, Person]:
    """Everyone of the group, also those who have left (erased people are gone)."""
    out: dict[str, Person] = {}
    for p in store.groups.participants(group_id, include_left=True):
        out[p.id] = Person(
            id=p.id, nickname=p.nickname, colour=p.colour, shape=p.shape,
            joined=parse_time(p.joined), left=parse_time(p.left) if p.left else None,
            active=p.active,
        )
    return out


def find_story(
    story_id: str, story_hash: str | None, dirs: Sequence[Path] | None = None
) -> Story | None:
    """The story file, only when it is still the one that was played (same content hash).

    The content is compared first and only a match is parsed, without the author's lint
    (it was valid when it was played): a report over many sessions reads a story in
    milliseconds instead of checking its pictures again."""
    if not story_hash:
        return None
    for folder in dirs or [builtin_stories_dir()]:
        for path in (folder / story_id / "story.yaml", folder / f"{story_id}.yaml"):
            if not path.is_file():
                continue
            try:
                raw = path.read_bytes()
            except OSError:
                return None
            if hashlib.sha256(raw).hexdigest() != story_hash:
                return None
            try:
                return Story.model_validate(read_source(raw, path.name).data)
            except (SourceError, ValueError):
                return None
    return None


def map_data(story: Story) -> MapData:
    from game.authoring.graph import story_map  # the authoring tools build the map's graph

    smap = story_map(story)
    return MapData(
        nodes=tuple((n.id, n.mood is not None) for n in smap.nodes if not n.missing),
        edges=tuple((e.source, e.target) for e in smap.edges),
        start=story.start,
    )


def domain_names(story: Story | None) -> dict[str, Any]:
    if story is None or not story.domains:
        return {}
    return {d.id: d.label for d in story.domains if not isinstance(d, str)}


@dataclass(frozen=True)
class SessionBundle:
    report: SessionReport
    group_name: str
    story: Story | None
    story_map: MapData | None
    domain_names: dict[str, Any] = field(default_factory=dict)


def load_session(
    store: SessionStore, session_id: str, *, story_dirs: Sequence[Path] | None = None
) -> SessionBundle:
    """Everything the session report needs. Raises NotFound or LogError."""
    summary = store.summary(session_id)
    records = store.events(session_id)
    people = people_of(store, summary.group)
    try:
        group_name = store.groups.group(summary.group).name
    except NotFound:
        group_name = summary.group
    history: dict[str, dict[str, list[EarlierRating]]] = {}
    for s in sorted(store.list_sessions(group=summary.group), key=lambda s: s.started):
        if s.started >= summary.started or s.id == session_id:
            continue
        for pid in summary.present:
            for dom, value in s.ratings.get(pid, {}).items():
                if value is not None:
                    history.setdefault(pid, {}).setdefault(dom, []).append(
                        EarlierRating(s.id, s.started, value))
    story = find_story(summary.story_id, summary.story_hash, story_dirs)
    report = session_report(
        records, people, history=history,
        domains=story.domain_ids() if story is not None else STANDARD_DOMAINS,
        open_now=summary.status == "in-progress",
    )
    return SessionBundle(report, group_name, story, map_data(story) if story else None,
                         domain_names(story))


def session_html(
    store: SessionStore,
    session_id: str,
    lang: str,
    *,
    now: datetime | None = None,
    story_dirs: Sequence[Path] | None = None,
) -> str:
    b = load_session(store, session_id, story_dirs=story_dirs)
    return render_session(b.report, lang, group_name=b.group_name, story_map=b.story_map,
                          domain_names=b.domain_names, now=now,
                          stories={b.report.story_id: b.story} if b.story else None)


# What the group report reads of each log: the scenes' texts and states, the single votes and
# the story's own events are not needed, and leaving them unread halves the work.
GROUP_KINDS = ("session_started", "choices_offered", "decision_made", "counsellor_action",
               "reflection_rating", "feedback", "session_ended")


def group_records(store: SessionStore, session_id: str) -> list[Record]:
    log = SessionLog.open_file(session_file(store.folder, session_id))
    try:
        return begun(log.records(GROUP_KINDS), log)
    finally:
        log.close()


@dataclass(frozen=True)
class GroupBundle:
    report: GroupReport
    domain_names: dict[str, Any]
    unreadable: tuple[tuple[str, str], ...]
    stories: dict[str, Story] = field(default_factory=dict)  # at hand, as played, by id


def load_group(
    store: SessionStore,
    group: Group,
    *,
    include_simulated: bool = False,
    story_dirs: Sequence[Path] | None = None,
) -> GroupBundle:
    listed = store.list_sessions(group=group.id)
    unreadable = list(store.unreadable)
    sessions: list[list[Record]] = []
    summaries = []
    for summary in listed:
        try:
            sessions.append(group_records(store, summary.id))
        except (LogError, NotFound) as exc:  # e.g. a damaged event: the others still show
            unreadable.append((summary.id, str(exc)))
            continue
        summaries.append(summary)
    report = group_report(
        group.id, group.name, sessions, people_of(store, group.id),
        domains=STANDARD_DOMAINS, include_simulated=include_simulated,
        open_now=[s.id for s in summaries if s.status == "in-progress"],
    )
    names: dict[str, Any] = {}
    stories: dict[str, Story] = {}
    # Newest first: the texts of the story as it was last played win.
    for s in dict.fromkeys((x.story_id, x.story_hash) for x in
                           sorted(summaries, key=lambda x: x.started, reverse=True)):
        if s[0] in stories:
            continue
        story = find_story(s[0], s[1], story_dirs)
        if story is not None:
            stories[s[0]] = story
            for key, label in domain_names(story).items():
                names.setdefault(key, label)
    return GroupBundle(report, names, tuple(unreadable), stories)


@dataclass(frozen=True)
class GroupPage:
    """A group's report page, with what the command says beside it."""

    html: str
    unreadable: tuple[tuple[str, str], ...]
    left_out_simulated: int
    shown: int  # sessions in the report


def group_page(
    store: SessionStore,
    group: Group,
    lang: str,
    *,
    include_simulated: bool = False,
    now: datetime | None = None,
    story_dirs: Sequence[Path] | None = None,
) -> GroupPage:
    """Read and draw a group's report with the cyclic collector paused (`_bulk`), and let go
    of everything read before it runs again: it then has next to nothing to look at."""
    with collector_paused():
        b = load_group(store, group, include_simulated=include_simulated, story_dirs=story_dirs)
        page = GroupPage(
            render_group(b.report, lang, domain_names=b.domain_names, now=now,
                         stories=b.stories),
            b.unreadable, b.report.left_out_simulated, len(b.report.sessions),
        )
        del b  # the records and the model go now, freed as they are counted
    return page


def group_html(
    store: SessionStore,
    group: Group,
    lang: str,
    *,
    include_simulated: bool = False,
    now: datetime | None = None,
    story_dirs: Sequence[Path] | None = None,
) -> str:
    return group_page(store, group, lang, include_simulated=include_simulated, now=now,
                      story_dirs=story_dirs).html
