"""Exports for Excel and for other programs: the sessions as tables, in CSV or JSON.

Seven tables, one row per thing: `sessions`, `participation` (who was present), `decisions`,
`votes`, `reflections` and `feedback`, and `domains`: each domain id used with its label in
Finnish, Swedish and English, so that the ids can be read. Participants appear by their
random id and, unless left out, their nickname; never by a real name (there is none to give).
Votes are counts only: the hands-up counts, and each secret or gamepad ballot's tally. Who
chose what is not stored anywhere, so no export can hold it.

CSV: one file per table, in a folder or in a .zip (`-o export/` or `-o export.zip`), UTF-8
with a byte order mark so that Excel reads the letters ä, ö and å right. With `excel_fi` the
fields are separated by `;` and decimals written with a comma, as Excel with Finnish settings
expects. Times are UTC, written `YYYY-MM-DD HH:MM:SS`, which Excel reads as a date and time;
yes/no columns hold 1 or 0. JSON: one document with a schema name and version
(`docs/export.schema.json`), the same tables with real numbers, booleans, lists and nulls.
"""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from game.csvcell import neutral

from .. import _files
from .._time import iso, parse_time
from ..errors import LogError, NotFound
from ..log.records import FeedbackData, Record, ReflectionRatingData, VoteCountsData
from ..sessions import SessionStore, SessionSummary
from .model import decisions_of, is_simulated

SCHEMA = "porukka-export"
SCHEMA_VERSION = 2  # 2: the votes table holds counts only (no participant, no nickname)

COLUMNS: dict[str, tuple[str, ...]] = {
    "sessions": ("session", "group", "group_name", "started_utc", "ended_utc", "minutes",
                 "story", "story_title", "story_hash", "language", "vote_mode", "reflection",
                 "status", "resumed", "simulated", "present", "decisions"),
    "participation": ("session", "participant", "nickname"),
    "decisions": ("session", "seq", "time_utc", "scene", "choice", "choice_text", "how",
                  "seconds", "votes", "tally", "tie", "split", "divided", "revotes",
                  "domains"),
    "votes": ("session", "seq", "time_utc", "scene", "kind", "choice", "count"),
    "reflections": ("session", "seq", "time_utc", "participant", "nickname", "domain",
                    "value", "skipped"),
    "feedback": ("session", "seq", "time_utc", "participant", "nickname", "face", "word"),
    "domains": ("domain", "fi", "sv", "en"),
}
TABLES = tuple(COLUMNS)


@dataclass
class Export:
    """The tables, each a list of rows (dicts with typed values, as JSON holds them)."""

    tables: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {name: [] for name in TABLES})
    groups: list[dict[str, str]] = field(default_factory=list)
    left_out_simulated: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


def _utc(text: str | None) -> str | None:
    return iso(parse_time(text)) if text else None


def session_rows(
    records: list[Record],
    summary: SessionSummary,
    names: Mapping[str, str],
    group_name: str,
    *,
    nicknames: bool = True,
) -> dict[str, list[dict[str, Any]]]:
    """The rows one session adds to each table (pure: from its records)."""
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    start = records[0]
    sid = start.session

    def nick(pid: str | None) -> str | None:
        return names.get(pid, "") if nicknames and pid else None

    decisions, _actions, _steps = decisions_of(records, parse_time(start.time))
    ended = summary.ended
    out["sessions"].append({
        "session": sid,
        "group": summary.group,
        "group_name": group_name,
        "started_utc": iso(summary.started),
        "ended_utc": iso(ended) if ended else None,
        "minutes": round(summary.duration.total_seconds() / 60, 1),
        "story": summary.story_id,
        "story_title": summary.story_title,
        "story_hash": summary.story_hash,
        "language": summary.language,
        "vote_mode": summary.vote_mode,
        "reflection": summary.reflection,
        "status": summary.status,
        "resumed": summary.resumed,
        "simulated": is_simulated(records) or summary.simulated,
        "present": len(summary.present),
        "decisions": len(decisions),
    })
    for pid in summary.present:
        out["participation"].append({"session": sid, "participant": pid,
                                     "nickname": nick(pid)})
    times = {r.seq: r.time for r in records}
    for dec in decisions:
        chosen = dec.chosen
        out["decisions"].append({
            "session": sid,
            "seq": dec.seq,
            "time_utc": _utc(times[dec.seq]),
            "scene": dec.scene,
            "choice": dec.choice,
            "choice_text": chosen.text if chosen else dec.choice,
            "how": dec.how,
            "seconds": round(dec.seconds, 3),
            "votes": dec.total_votes,
            "tally": {o.id: o.votes for o in dec.options},
            "tie": dec.tie,
            "split": dec.split,
            "divided": dec.divided,
            "revotes": dec.revotes,
            "domains": list(dec.domains),
        })
        if summary.vote_mode in ("secret", "gamepads"):
            for option in dec.options:
                out["votes"].append({"session": sid, "seq": dec.seq,
                                     "time_utc": _utc(times[dec.seq]), "scene": dec.scene,
                                     "kind": "ballot", "choice": option.id,
                                     "count": option.votes})
    for r in records:
        p = r.payload
        base = {"session": sid, "seq": r.seq, "time_utc": _utc(r.time)}
        if isinstance(p, VoteCountsData):
            for choice, n in p.counts.items():
                out["votes"].append({**base, "scene": r.scene, "kind": "hands",
                                     "choice": choice, "count": n})
        elif isinstance(p, ReflectionRatingData):
            out["reflections"].append({**base, "participant": p.participant,
                                       "nickname": nick(p.participant),
                                       "domain": p.domain, "value": p.value,
                                       "skipped": p.value is None})
        elif isinstance(p, FeedbackData):
            out["feedback"].append({**base, "participant": p.participant,
                                    "nickname": nick(p.participant), "face": p.face,
                                    "word": p.word})
    return out


def collect(
    store: SessionStore,
    *,
    group: str | None = None,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    include_simulated: bool = False,
    nicknames: bool = True,
) -> Export:
    """Every stored session (of `group`, within the days given) as export tables. Simulated
    demo sessions are left out unless `include_simulated`."""
    out = Export()
    summaries = store.list_sessions(group=group, since=since, until=until)
    out.unreadable = list(store.unreadable)
    group_names = {g.id: g.name for g in store.groups.groups()}
    people: dict[str, str] = {}
    for gid in dict.fromkeys(s.group for s in summaries):
        people.update({p.id: p.nickname
                       for p in store.groups.participants(gid, include_left=True)})
    used_groups: dict[str, None] = {}
    for summary in sorted(summaries, key=lambda s: (s.started, s.id)):
        if summary.simulated and not include_simulated:
            out.left_out_simulated += 1
            continue
        try:
            records = store.events(summary.id)
        except (LogError, NotFound) as exc:
            out.unreadable.append((summary.id, str(exc)))
            continue
        if not records or records[0].kind != "session_started":
            continue
        if is_simulated(records) and not include_simulated:
            out.left_out_simulated += 1
            continue
        rows = session_rows(records, summary, people, group_names.get(summary.group, ""),
                            nicknames=nicknames)
        for name, extra in rows.items():
            out.tables[name].extend(extra)
        used_groups[summary.group] = None
    out.groups = [{"id": gid, "name": group_names.get(gid, "")} for gid in used_groups]
    out.tables["domains"] = domain_rows(out, summaries)
    return out


def domain_rows(data: Export, summaries: Iterable[SessionSummary]) -> list[dict[str, Any]]:
    """A label in fi, sv and en for every domain id the tables use: the interface's own
    labels for the standard domains, the story's for its own (when the story is at hand)."""
    from game.i18n import has, t
    from game.story.text import pick

    from .load import domain_names, find_story

    used: dict[str, None] = {}
    for dec in data.tables["decisions"]:
        used.update(dict.fromkeys(dec["domains"]))
    for rating in data.tables["reflections"]:
        used[rating["domain"]] = None
    labels: dict[str, Any] = {}
    if any(not has(f"rev-domain-{d}") for d in used):
        for sid, digest in dict.fromkeys((s.story_id, s.story_hash) for s in summaries):
            story = find_story(sid, digest)
            if story is not None:
                for key, label in domain_names(story).items():
                    labels.setdefault(key, (label, story.default_language))
    rows = []
    for dom in sorted(used):
        row: dict[str, Any] = {"domain": dom}
        for lang in ("fi", "sv", "en"):
            if dom in labels:
                row[lang] = pick(labels[dom][0], lang, labels[dom][1]) or None
            else:
                row[lang] = t(f"rev-domain-{dom}", lang) if has(f"rev-domain-{dom}") else None
        rows.append(row)
    return rows


# --- JSON ----------------------------------------------------------------------------------


def to_json(data: Export, *, now: datetime | None = None) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "exported_utc": iso(now or datetime.now(UTC)),
        "groups": data.groups,
        **{name: data.tables[name] for name in TABLES},
    }


def json_text(data: Export, *, now: datetime | None = None) -> str:
    return json.dumps(to_json(data, now=now), ensure_ascii=False, indent=1) + "\n"


def write_json(data: Export, out: Path, *, now: datetime | None = None) -> None:
    _files.atomic_write(out, json_text(data, now=now).encode("utf-8"))


# --- CSV -----------------------------------------------------------------------------------


def _cell(value: Any, excel_fi: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else str(
            int(value))
        return text.replace(".", ",") if excel_fi else text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return neutral(" ".join(f"{k}:{v}" for k, v in value.items()))
    if isinstance(value, list):
        return neutral(" ".join(str(v) for v in value))
    return neutral(str(value))


def _time_cell(value: Any) -> str:
    return parse_time(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def csv_text(rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...], *,
             excel_fi: bool = False) -> str:
    """One table as CSV text (without the byte order mark)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if excel_fi else ",", lineterminator="\r\n",
                        quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutral(c) for c in columns])
    for row in rows:
        writer.writerow([_time_cell(row.get(c)) if c.endswith("_utc") else
                         _cell(row.get(c), excel_fi) for c in columns])
    return buf.getvalue()


def csv_files(data: Export, *, excel_fi: bool = False) -> dict[str, bytes]:
    """File name → bytes (UTF-8 with BOM) for each table."""
    return {f"{name}.csv": ("\ufeff" + csv_text(data.tables[name], COLUMNS[name],
                                                 excel_fi=excel_fi)).encode("utf-8")
            for name in TABLES}


def write_csv(data: Export, out: Path, *, excel_fi: bool = False) -> list[Path]:
    """Into a folder (created; must be new or empty) or, for a `.zip` path, a zip file."""
    files = csv_files(data, excel_fi=excel_fi)
    if out.suffix.lower() == ".zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, body in files.items():
                info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                zf.writestr(info, body)
        _files.atomic_write(out, buf.getvalue())
        return [out]
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FileExistsError(out)
    out.mkdir(mode=0o700, parents=True, exist_ok=True)
    written = []
    for name, body in files.items():
        path = out / name
        _files.atomic_write(path, body)
        written.append(path)
    if os.name == "posix":
        os.chmod(out, 0o700)
    return written
