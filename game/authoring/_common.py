"""What the authoring tools share: reading a story that may still have errors, and messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from game.story.issues import Issue, sort_key
from game.story.loader import Result, check_bytes, display_name
from game.story.model import Story
from game.story.validate import Context
from game.story.yamlsource import MAX_FILE_BYTES, Source, SourceError, read_source

STORY_FILE = "story.yaml"


@dataclass
class Draft:
    """A story file as far as it could be read: the model when its shape is right, and issues.

    The map and the translation tools work on stories that still have errors in them (a
    trapped scene is exactly what the map should show), so they need the model even when the
    validator says the story cannot be played.
    """

    file: Path
    name: str
    raw: bytes
    issues: list[Issue] = field(default_factory=list)
    story: Story | None = None
    source: Source | None = None
    result: Result | None = None

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.is_error]

    def context(self) -> Context:
        """A validator Context over this draft (only when the story's shape is right)."""
        assert self.story is not None and self.source is not None
        return Context(
            file=self.name,
            story=self.story,
            where=self.source.where,
            data=self.source.data,
            lines=self.raw.decode("utf-8-sig").splitlines(),
            folder=self.file.parent,
        )


def story_file(path: Path) -> Path:
    """A story folder stands for its story.yaml."""
    return path / STORY_FILE if path.is_dir() else path


def read_draft(path: Path) -> Draft:
    """Read and validate a story file; keep the model whenever the schema pass succeeded."""
    file = story_file(path)
    name = display_name(file)
    try:
        with file.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        code = "no-story-yaml" if path.is_dir() else "no-file"
        return Draft(file, name, b"", [Issue(name, 1, 1, "error", code, {})])
    except OSError as exc:
        return Draft(file, name, b"", [Issue(name, 1, 1, "error", "unreadable",
                                             {"reason": exc.strerror or str(exc)})])
    result = check_bytes(raw, file, name=name)
    draft = Draft(file, name, raw, sorted(result.issues, key=sort_key), result=result)
    if result.loaded is not None:
        draft.story = result.loaded.story
    try:
        draft.source = read_source(raw, name)
        if draft.story is None:
            draft.story = Story.model_validate(draft.source.data)
    except (SourceError, ValidationError):
        draft.story = None
    return draft


def issue_text(issue: Issue, lang: str) -> str:
    """`FILE:LINE:COL: severity[CODE]: message`, for the validator's codes and the tools' own."""
    return issue.format(lang)


def shorten(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word with '…' when it is longer."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def under(path: Path, root: Path) -> bool:
    """Whether `path` stays inside `root` once resolved (symlinks and `..` followed)."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except OSError:
        return False
