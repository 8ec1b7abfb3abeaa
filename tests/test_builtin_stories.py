"""Every built-in story validates clean and can always be played to an ending."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from game.resources import builtin_stories_dir
from game.story import Runtime, check_file
from game.story.loader import find_story_files
from game.story.runtime import random_walk

BUILTIN_STORIES = builtin_stories_dir()

STORIES = find_story_files(BUILTIN_STORIES)


def test_there_are_builtin_stories():
    assert STORIES, "stories/ holds no story"


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.parent.name)
def test_validates_without_errors_or_warnings(path: Path):
    result = check_file(path)
    assert [i.format() for i in result.issues] == []
    story = result.loaded.story
    assert {"fi", "sv", "en"} <= set(story.languages)


@pytest.mark.slow
@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.parent.name)
def test_random_walks_reach_an_ending_in_every_language(path: Path):
    story = check_file(path).loaded.story
    endings_seen = set()
    for lang in story.languages:
        rt = Runtime(story, lang)
        for seed in range(100):
            state = random_walk(rt, random.Random(seed), max_steps=1000)
            assert state.ended, f"seed {seed} in {lang} did not end"
            endings_seen.add(state.scene)
    endings = {sid for sid, s in story.scenes.items() if s.end is not None}
    assert endings_seen == endings


EDITOR_LINE = "# yaml-language-server: $schema=../../docs/story.schema.json"


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.parent.name)
def test_the_editor_line_comes_first_and_points_at_the_schema(path: Path):
    """Copying a built-in story to start a new one brings the editor's help along (issue 16)."""
    first = path.read_text("utf-8").splitlines()[0]
    assert first == EDITOR_LINE
    repo_schema = Path(__file__).resolve().parents[1] / "docs" / "story.schema.json"
    source = Path(__file__).resolve().parents[1] / "stories" / path.parent.name
    assert (source / first.split("$schema=", 1)[1]).resolve() == repo_schema.resolve()


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.parent.name)
def test_the_editor_schema_accepts_the_story(path: Path):
    """What the editor underlines must be a real mistake: a story that loads passes the schema."""
    import jsonschema
    import yaml

    from game.story.schema import story_schema

    jsonschema.Draft202012Validator(story_schema()).validate(
        yaml.safe_load(path.read_text("utf-8")))
