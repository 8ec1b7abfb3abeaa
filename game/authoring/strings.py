"""Translations through a spreadsheet: export a story's texts to CSV, import them back.

The CSV opens in Excel as it is (UTF-8 with a byte order mark): one row per text field, with
its key, the text in the story's default language, the current translation, where it stands
(file:line) and a short hash of the source text. On import the hash tells whether the source
has changed since the export (a stale translation). Writing back goes through ruamel.yaml's
round-trip mode, so the story keeps its comments, key order, quoting and layout; only the
translated values change.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.csvcell import neutral, plain
from game.story.limits import CONTROL_RE, control_name
from game.story.loader import Result, check_bytes
from game.story.model import Story
from game.story.text import LANG_RE, PlaceholderError, pick, placeholders
from game.story.validate import MAX_TEXT, iter_texts
from game.story.yamlsource import Path as YPath

from ._common import Draft

HASH_LEN = 12
"""A cell starting with one of these is a formula to a spreadsheet: it is written with a
leading apostrophe, which the import takes off again."""


@dataclass(frozen=True)
class TextEntry:
    key: str
    path: YPath  # of the text node in the YAML
    source: str  # in the story's default language
    translation: str | None  # in the target language, if there is one
    line: int
    plain: bool  # a plain string (no language map yet)


def text_key(path: YPath) -> str:
    """A text's key in the CSV: its path, with a line's `text` left out so a line keeps its
    key whether it is written plainly or as {text: …, who: …}."""
    parts = list(path)
    if len(parts) == 5 and parts[0] == "scenes" and parts[2] == "lines" and parts[4] == "text":
        parts = parts[:4]
    return ".".join(str(p) for p in parts)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LEN]


def entries(draft: Draft, lang: str) -> list[TextEntry]:
    """Every text field of the story, in file order, with its translation into `lang`."""
    story = draft.story
    assert story is not None and draft.source is not None
    ctx = draft.context()
    default = story.default_language
    out: list[TextEntry] = []
    for path, text in iter_texts(ctx):
        line = draft.source.where.value(path)[0]
        if isinstance(text, str):
            out.append(TextEntry(text_key(path), path, text, None, line, True))
        else:
            source = pick(text, default, default)
            out.append(TextEntry(text_key(path), path, source, text.get(lang), line, False))
    out.sort(key=lambda e: e.line)
    return out


# --- CSV ---------------------------------------------------------------------------------------


_cell_out = neutral
_cell_in = plain


def export_csv(draft: Draft, lang: str) -> bytes:
    """The CSV of every text of the story with its translation into `lang`."""
    story = draft.story
    assert story is not None
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["key", neutral(story.default_language), neutral(lang), "where", "hash"])
    for e in entries(draft, lang):
        writer.writerow([neutral(e.key), _cell_out(e.source), _cell_out(e.translation or ""),
                         neutral(f"{draft.name}:{e.line}"), text_hash(e.source)])
    return buf.getvalue().encode("utf-8-sig")


class CsvError(Exception):
    """A CSV that cannot be imported; `code` and `params` say why, `row` where (1-based)."""

    def __init__(self, code: str, row: int = 1, **params: Any) -> None:
        self.code = code
        self.row = row
        self.params = params
        super().__init__(f"{code} at row {row}")


@dataclass(frozen=True)
class Row:
    number: int  # 1-based row in the file, the header being row 1
    key: str
    translation: str
    where: str
    hash: str


@dataclass
class Table:
    source_lang: str
    lang: str
    rows: list[Row]

    def story_file(self) -> str | None:
        """The story file the rows say they come from, when they all name the same one."""
        files = {r.where.rsplit(":", 1)[0] for r in self.rows if ":" in r.where}
        return files.pop() if len(files) == 1 else None


MAX_CSV_BYTES = 20 * 1024 * 1024


def read_csv(raw: bytes) -> Table:
    """Read an exported (and edited) CSV; Excel's `;`-separated variant reads as well."""
    if len(raw) > MAX_CSV_BYTES:
        raise CsvError("strings-csv-too-large", limit=str(MAX_CSV_BYTES // (1024 * 1024)))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        raise CsvError("strings-csv-not-utf8", row) from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise CsvError("strings-csv-syntax", 1, problem=str(exc)) from None
    if not records:
        raise CsvError("strings-csv-header", 1)
    header = [h.strip() for h in records[0]]
    if (len(header) < 5 or header[0] != "key" or header[3] != "where" or header[4] != "hash"
            or not LANG_RE.match(header[1]) or not LANG_RE.match(header[2])):
        raise CsvError("strings-csv-header", 1)
    rows: list[Row] = []
    for n, rec in enumerate(records[1:], 2):
        if not any(cell.strip() for cell in rec):
            continue
        if len(rec) < 5:
            raise CsvError("strings-csv-columns", n, count=str(len(rec)))
        rows.append(Row(n, plain(rec[0].strip()), _cell_in(rec[2]), plain(rec[3].strip()),
                        rec[4].strip()))
    return Table(header[1], header[2], rows)


# --- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    row: Row
    entry: TextEntry
    text: str


@dataclass
class ImportPlan:
    """What an import would do: the changes, and every row it leaves out and why."""

    lang: str
    changes: list[Change] = field(default_factory=list)
    stale: list[tuple[Row, TextEntry]] = field(default_factory=list)
    forced: list[tuple[Row, TextEntry]] = field(default_factory=list)
    unknown: list[Row] = field(default_factory=list)
    rejected: list[tuple[Row, str, dict[str, Any]]] = field(default_factory=list)
    unchanged: int = 0
    empty: int = 0
    add_language: bool = False


def plan_import(draft: Draft, table: Table, *, force: bool = False) -> ImportPlan:
    """Match the CSV's rows with the story's texts as they are now."""
    story = draft.story
    assert story is not None
    if table.lang == story.default_language:
        raise CsvError("strings-same-language", 1, lang=table.lang)
    plan = ImportPlan(table.lang, add_language=table.lang not in story.languages)
    current = {e.key: e for e in entries(draft, table.lang)}
    done: set[str] = set()
    for row in table.rows:
        if not row.translation.strip():
            plan.empty += 1
            continue
        entry = current.get(row.key)
        if entry is None or row.key in done:
            plan.unknown.append(row)
            continue
        done.add(row.key)
        if row.hash != text_hash(entry.source):
            if not force:
                plan.stale.append((row, entry))
                continue
            plan.forced.append((row, entry))
        if entry.translation == row.translation:
            plan.unchanged += 1
            continue
        problem = _text_problem(row.translation, story)
        if problem is not None:
            plan.rejected.append((row, *problem))
            continue
        plan.changes.append(Change(row, entry, row.translation))
    return plan


def _text_problem(text: str, story: Story) -> tuple[str, dict[str, Any]] | None:
    if len(text) > MAX_TEXT:
        return "strings-too-long", {"length": len(text), "limit": MAX_TEXT}
    bad = CONTROL_RE.search(text)
    if bad is not None:
        return "strings-control-character", {"char": control_name(bad.group())}
    try:
        names = placeholders(text)
    except PlaceholderError:
        return "strings-bad-braces", {"open": "{{", "close": "}}"}
    for ph in names:
        if ph.name not in story.variables:
            return "strings-unknown-variable", {"name": ph.name}
    return None


# --- writing with ruamel.yaml ------------------------------------------------------------------


def guess_indent(text: str) -> tuple[int, int]:
    """(mapping indent, offset of a block sequence's dash) as the file is written.

    Read from the parser's own events, so lines inside a block scalar (`guide: |` with a
    bulleted list) are never mistaken for YAML structure.
    """
    import yaml
    from yaml.events import (
        CollectionEndEvent,
        CollectionStartEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceStartEvent,
    )

    mapping = offset = None
    # each frame: [is_mapping, expecting_key, column of the last key]
    stack: list[list[Any]] = []
    try:
        for ev in yaml.parse(text, Loader=yaml.CSafeLoader if yaml.__with_libyaml__
                             else yaml.SafeLoader):
            frame = stack[-1] if stack else None
            is_value = frame is not None and frame[0] and not frame[1]
            if isinstance(ev, CollectionStartEvent):
                if is_value and not ev.flow_style and frame is not None:
                    step = ev.start_mark.column - frame[2]
                    if isinstance(ev, SequenceStartEvent) and offset is None:
                        offset = step
                    elif isinstance(ev, MappingStartEvent) and mapping is None and step > 0:
                        mapping = step
                if frame is not None and frame[0]:
                    frame[1] = True
                stack.append([isinstance(ev, MappingStartEvent), True, 0])
            elif isinstance(ev, CollectionEndEvent):
                stack.pop()
            elif isinstance(ev, ScalarEvent) and frame is not None and frame[0]:
                if frame[1]:
                    frame[2] = ev.start_mark.column
                frame[1] = not frame[1]
            if mapping is not None and offset is not None:
                break
    except yaml.YAMLError:
        pass
    return mapping or 2, offset if offset is not None else 2


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    mapping, offset = guess_indent(text)
    yaml.indent(mapping=mapping, sequence=offset + 2, offset=offset)
    return yaml


def _styled(text: str, like: Any, flow: bool) -> Any:
    """A new scalar written the way its neighbour in the source language is."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    if "\n" in text:
        if flow:
            return DoubleQuotedScalarString(text)
        return LiteralScalarString(text)
    if isinstance(like, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    if isinstance(like, SingleQuotedScalarString):
        return SingleQuotedScalarString(text)
    return text


def _is_flow(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return bool(fa is not None and fa.flow_style())


def _comment_slot(container: Any) -> int:
    return 2 if isinstance(container, dict) else 0


def _split_comment(container: Any, key: Any) -> tuple[Any, Any]:
    """The comment after `container[key]` as (its end-of-line part, the blank lines and
    comment lines after it); both are tokens or None."""
    entry = container.ca.items.get(key)
    if not entry:
        return None, None
    slot = _comment_slot(container)
    tok = entry[slot] if len(entry) > slot else None
    if tok is None:
        return None, None
    value = tok.value
    i = value.find("\n")
    head, tail = (value, "") if i < 0 else (value[:i], value[i:])
    first = rest = None
    if head.strip():
        first = copy.copy(tok)
        first.value = head + "\n"
    if tail.count("\n") > 1 or tail.strip():
        rest = copy.copy(tok)
        rest.value = tail
    entry[slot] = None
    if not any(entry):
        del container.ca.items[key]
    return first, rest


def _set_comment(container: Any, key: Any, tok: Any) -> None:
    if tok is None:
        return
    slot = _comment_slot(container)
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    entry[slot] = tok


def _append(container: Any, key: Any, value: Any) -> None:
    """Add an entry at the end, moving the blank lines that followed the old last entry so
    they still come after the whole container."""
    last: Any = None
    if isinstance(container, dict):
        last = next(reversed(container), None) if len(container) else None
    elif len(container):
        last = len(container) - 1
    first, rest = _split_comment(container, last) if last is not None else (None, None)
    if last is not None:
        _set_comment(container, last, first)
    if isinstance(container, dict):
        container[key] = value
    else:
        container.append(value)
        key = len(container) - 1
    _set_comment(container, key, rest)


def _node(data: Any, path: YPath) -> Any:
    for step in path:
        data = data[step]
    return data


def apply_changes(text: str, story: Story, changes: list[Change], lang: str,
                  add_language: bool) -> str:
    """The story's YAML with the translations written in, everything else left as it was."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = _yaml(text)
    data = yaml.load(text)
    default = story.default_language
    for ch in changes:
        parent = _node(data, ch.entry.path[:-1])
        key = ch.entry.path[-1]
        node = parent[key]
        flow = _is_flow(parent)
        if isinstance(node, dict):
            like = node.get(default, next(iter(node.values()), None))
            value = _styled(ch.text, like, _is_flow(node) or flow)
            if lang in node:
                node[lang] = value
            else:
                _append(node, lang, value)
            continue
        new = CommentedMap()
        new[default] = node
        new[lang] = _styled(ch.text, node, flow)
        if flow:
            new.fa.set_flow_style()
        first, rest = _split_comment(parent, key)
        parent[key] = new
        _set_comment(new, default, first)
        _set_comment(new, lang, rest)
    if add_language:
        langs = data.get("languages")
        if langs is None:
            seq = CommentedSeq([default, lang])
            seq.fa.set_flow_style()
            keys = list(data)
            pos = keys.index("id") + 1 if "id" in keys else len(keys)
            data.insert(pos, "languages", seq)
        else:
            _append(langs, None, lang)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@dataclass
class Imported:
    plan: ImportPlan
    text: str  # the new YAML
    result: Result  # the validator's findings on it
    written: bool = False


def import_translations(draft: Draft, table: Table, *, force: bool = False,
                        write: bool = True) -> Imported:
    """Write the CSV's translations into the story file when the result validates."""
    story = draft.story
    assert story is not None
    plan = plan_import(draft, table, force=force)
    raw_text = draft.raw.decode("utf-8")
    bom = raw_text.startswith("\ufeff")
    text = raw_text[1:] if bom else raw_text
    crlf = "\r\n" in text
    if crlf:
        text = text.replace("\r\n", "\n")
    if plan.changes:
        try:
            new = apply_changes(text, story, plan.changes, plan.lang, plan.add_language)
        except Exception as exc:  # ruamel.yaml's errors, or a structure it reads differently
            raise CsvError("strings-yaml-failed", 1,
                           problem=" ".join(str(exc).split())[:200]) from None
    else:
        new = text
    if crlf:
        new = new.replace("\n", "\r\n")
    if bom:
        new = "\ufeff" + new
    data = new.encode("utf-8")
    result = check_bytes(data, draft.file, name=draft.name)
    imported = Imported(plan, new, result)
    if write and plan.changes and result.ok:
        _write_atomic(draft.file, data)
        imported.written = True
    return imported


def _write_atomic(file: Path, data: bytes) -> None:
    """Replace `file` in one step, so an interrupted import never leaves half a story."""
    fd, tmp = tempfile.mkstemp(prefix=".porukka-", suffix=".yaml", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            os.chmod(tmp, file.stat().st_mode & 0o777)
        except OSError:
            pass
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


SAFE_WHERE = re.compile(r"[^/\\:][^:]*\Z")


def story_from_where(table: Table, cwd: Path) -> Path | None:
    """The story file the CSV's `where` column names, if it is a plain relative path inside the
    current folder (the CSV is someone else's file: it must not point the import elsewhere)."""
    name = table.story_file()
    if not name or not SAFE_WHERE.match(name):
        return None
    rel = Path(name)
    if rel.is_absolute() or ".." in rel.parts or rel.suffix not in (".yaml", ".yml"):
        return None
    path = cwd / rel
    try:
        if not path.resolve().is_relative_to(cwd.resolve()) or not path.is_file():
            return None
    except OSError:
        return None
    return path
