"""Every built-in story can be explored fully, and every scene, choice and ending is reachable."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.authoring.explorer import explore
from game.resources import builtin_stories_dir
from game.story import load_story
from game.story.loader import find_story_files

BUILTIN_STORIES = builtin_stories_dir()


@pytest.mark.parametrize("path", find_story_files(BUILTIN_STORIES), ids=lambda p: p.parent.name)
def test_builtin_story_has_no_coverage_gaps(path: Path):
    story = load_story(path).story
    cov = explore(story)
    assert cov.mode == "exhaustive"
    assert cov.never_reached == [], "scenes no playthrough reaches"
    assert [cov.choices[c] for c in cov.never_shown] == [], "choices whose 'if' never holds"
    assert cov.stuck == {}, "scenes where no choice is available"
    assert cov.endings_reached == cov.endings


@pytest.mark.parametrize("path", find_story_files(BUILTIN_STORIES), ids=lambda p: p.parent.name)
def test_builtin_story_plans_pass_and_cover_two_paths(path: Path):
    """Each built-in story has scripted playthroughs (story.test.yaml) of at least two paths
    with their expected endings and variables, and they all pass."""
    from game.authoring.storytest import check_story

    report = check_story(path)
    assert not report.failed, [r for r in report.plans if not r.passed]
    assert len(report.plans) >= 2
    assert len({tuple(p.plan.choose) for p in report.plans}) >= 2
