"""Finding, reading and validating story files: the one place that touches the disk."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..resources import builtin_stories_dir, shared_assets_dir
from ._novice import drop_follow_ons
from .errors import StoryLoadError
from .issues import Issue, sort_key
from .model import Story
from .validate import Context, lint, schema_issues, without_echoes
from .yamlsource import MAX_FILE_BYTES, SourceError, read_source

STORY_FILE = "story.yaml"
_SHARED = shared_assets_dir()  # the default for stories that name a shared picture or sound


@dataclass(frozen=True)
class LoadedStory:
    """A valid story with where it came from and a hash of its exact content."""

    story: Story
    file: Path
    folder: Path
    content_hash: str
    warnings: tuple[Issue, ...] = ()


@dataclass
class Result:
    """What validating one file found; `story` is set when there were no errors."""

    file: Path
    issues: list[Issue]
    loaded: LoadedStory | None

    @property
    def ok(self) -> bool:
        return self.loaded is not None


def display_name(file: Path) -> str:
    """The file as messages name it: relative to the working folder when it is inside it."""
    try:
        return str(file.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(file)


def story_folder(file: Path) -> Path:
    return file.parent


def check_bytes(
    raw: bytes, file: Path, *, name: str | None = None, shared_assets: Path | None = _SHARED
) -> Result:
    """Validate a story's bytes as if read from `file` (assets are looked up beside it)."""
    label = name or display_name(file)
    try:
        source = read_source(raw, label)
    except SourceError as exc:
        return Result(file, with_excerpts([exc.issue], _lines_of(raw)), None)
    issues = list(source.issues)
    text = raw.decode("utf-8-sig")
    lines = text.splitlines()
    try:
        story = Story.model_validate(source.data)
    except ValidationError as exc:
        issues.extend(schema_issues(exc, label, source.where, lines))
        issues = with_excerpts(without_echoes(issues), lines)
        issues.sort(key=sort_key)
        return Result(file, issues, None)
    ctx = Context(
        file=label,
        story=story,
        where=source.where,
        data=source.data,
        lines=lines,
        folder=story_folder(file),
        shared_assets=shared_assets,
    )
    issues.extend(drop_follow_ons(source.issues, lint(ctx)))
    issues = with_excerpts(without_echoes(issues), lines)
    issues.sort(key=sort_key)
    if any(i.is_error for i in issues):
        return Result(file, issues, None)
    loaded = LoadedStory(
        story=story,
        file=file,
        folder=story_folder(file),
        content_hash=hashlib.sha256(raw).hexdigest(),
        warnings=tuple(issues),
    )
    return Result(file, issues, loaded)


def _lines_of(raw: bytes) -> list[str]:
    try:
        return raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return []


def with_excerpts(issues: list[Issue], lines: list[str]) -> list[Issue]:
    """The issues with the source line each points into, for the caret under it."""
    return [
        dataclasses.replace(i, excerpt=lines[i.line - 1])
        if i.excerpt is None and 0 < i.line <= len(lines) else i
        for i in issues
    ]


def check_file(file: Path, *, shared_assets: Path | None = _SHARED) -> Result:
    """Validate one story file (or a story folder holding story.yaml)."""
    if file.is_dir():
        file = file / STORY_FILE
        if not file.exists():
            return Result(file, [Issue(display_name(file.parent), 1, 1, "error",
                                       "no-story-yaml", {})], None)
    label = display_name(file)
    try:
        with file.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return Result(file, [Issue(label, 1, 1, "error", "file-too-large",
                                           {"size": size, "limit": MAX_FILE_BYTES})], None)
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return Result(file, [Issue(label, 1, 1, "error", "no-file", {})], None)
    except IsADirectoryError:
        return Result(file, [Issue(label, 1, 1, "error", "no-story-yaml", {})], None)
    except OSError as exc:
        return Result(file, [Issue(label, 1, 1, "error", "unreadable",
                                   {"reason": exc.strerror or str(exc)})], None)
    return check_bytes(raw, file, name=label, shared_assets=shared_assets)


def load_story(path: Path | str, *, shared_assets: Path | None = _SHARED) -> LoadedStory:
    """Load a valid story or raise StoryLoadError with every error found."""
    result = check_file(Path(path), shared_assets=shared_assets)
    if result.loaded is None:
        raise StoryLoadError([i for i in result.issues if i.is_error])
    return result.loaded


def find_story_files(folder: Path) -> list[Path]:
    """Story files in a folder of stories: `<id>/story.yaml` and `<id>.yaml`, sorted.

    A folder that is itself a story (holds story.yaml) is that one story.
    """
    if (folder / STORY_FILE).is_file():
        return [folder / STORY_FILE]
    found: list[Path] = []
    for entry in sorted(folder.iterdir()):
        if entry.is_dir() and (entry / STORY_FILE).is_file():
            found.append(entry / STORY_FILE)
        elif entry.is_file() and entry.suffix in (".yaml", ".yml") and not entry.name.endswith(
            (".test.yaml", ".test.yml")
        ):
            found.append(entry)
    return found


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files to validate for the paths given on the command line, in order, without repeats."""
    out: list[Path] = []
    for path in paths:
        files = find_story_files(path) if path.is_dir() else [path]
        for f in files:
            if f not in out:
                out.append(f)
    return out


def validate_paths(
    paths: list[Path], *, shared_assets: Path | None = _SHARED
) -> list[Result]:
    """Validate every story under `paths`; ids must be unique among them."""
    results = [check_file(f, shared_assets=shared_assets) for f in expand_paths(paths)]
    first_by_id: dict[str, Result] = {}
    for res in results:
        if res.loaded is None:
            continue
        sid = res.loaded.story.id
        if sid in first_by_id:
            other = display_name(first_by_id[sid].file)
            issue = Issue(display_name(res.file), *_id_position(res.file), "error",
                          "duplicate-story-id", {"id": sid, "other": other})
            res.issues.append(issue)
            res.loaded = None
        else:
            first_by_id[sid] = res
    return results


def _id_position(file: Path) -> tuple[int, int]:
    try:
        for n, line in enumerate(file.read_text("utf-8-sig").splitlines(), 1):
            if line.startswith("id:"):
                value = line[3:].lstrip()
                return n, (len(line) - len(value) + 1) if value else 1
    except (OSError, UnicodeDecodeError):
        pass
    return 1, 1


def resolve_story(name: str, search: list[Path] | None = None) -> Path:
    """A story named on the command line: a file, a folder, or the id of a known story.

    Every command that takes a story goes through here, so an id, a folder and a file work
    alike everywhere. An existing path wins; otherwise the id is looked up among the built-in
    stories (or `search`). What is found nowhere comes back as the path given, which does not
    exist, for the caller's message.
    """
    path = Path(name)
    if path.exists():
        return path
    for folder in search or [builtin_stories_dir()]:
        for candidate in (folder / name / STORY_FILE, folder / f"{name}.yaml"):
            if candidate.is_file():
                return candidate
        if folder.is_dir():
            for f in find_story_files(folder):
                try:
                    head = f.read_text("utf-8-sig")[:4096]
                except (OSError, UnicodeDecodeError):
                    continue
                if f"\nid: {name}\n" in f"\n{head}":
                    return f
    return path
