"""A few image snapshots, compared with a tolerance. Update them only with
`pytest tests/ui/test_snapshots.py --update-snapshots`, never by hand."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.play.controller import default_participants
from game.story.loader import load_story
from game.ui.main import Game

from .conftest import SNAPSHOTS

STORY = Path(__file__).resolve().parents[1] / "story" / "data" / "runtime.yaml"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "ui"


def compare(surface: pygame.Surface, name: str, update: bool) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pygame.image.save(surface, str(ARTIFACTS / f"{name}.png"))
    path = SNAPSHOTS / f"{name}.png"
    if update:
        SNAPSHOTS.mkdir(exist_ok=True)
        pygame.image.save(surface, str(path))
        return
    assert path.exists(), f"no snapshot {path.name}: run pytest with --update-snapshots"
    expected = pygame.image.load(str(path))
    assert expected.get_size() == surface.get_size()
    a = pygame.surfarray.pixels3d(surface)
    b = pygame.surfarray.pixels3d(expected)
    diff = abs(a.astype("int16") - b.astype("int16"))
    mean = float(diff.mean())
    changed = float((diff.max(axis=2) > 48).mean())
    assert mean < 1.5 and changed < 0.01, (
        f"{name}: differs from the snapshot (mean {mean:.2f}, {changed:.2%} of pixels); "
        f"see {ARTIFACTS / (name + '.png')}")


def _play(make_app, mode, **settings):
    d = make_app((1280, 720), **settings)
    view = Game(d.app, [STORY.parent]).play_view(
        load_story(STORY), "fi", mode, default_participants(4, lambda n: f"Pelaaja {n}"))
    d.app.push(view)
    d.frames()
    return d, view


@pytest.mark.parametrize("theme", ["warm", "high-contrast"])
def test_lines_snapshot(make_app, update_snapshots, theme):
    d, view = _play(make_app, "counsellor", theme=theme)
    d.key(pygame.K_SPACE)
    d.redraw()
    compare(d.app.screen, f"lines-{theme}", update_snapshots)


def test_hands_results_snapshot(make_app, update_snapshots):
    d, view = _play(make_app, "hands")
    while view.flow.phase != "choices":
        d.key(pygame.K_SPACE)
    d.key(pygame.K_PLUS, n=3)
    d.key(pygame.K_DOWN)
    d.key(pygame.K_PLUS)
    d.key(pygame.K_RETURN)
    d.redraw()
    compare(d.app.screen, "hands-results", update_snapshots)


def test_secret_choices_snapshot(make_app, update_snapshots):
    d, view = _play(make_app, "secret", text_scale=1.5)
    while view.flow.phase != "handover":
        d.key(pygame.K_SPACE)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_1)
    d.key(pygame.K_RETURN)
    d.redraw()
    compare(d.app.screen, "secret-choices-150", update_snapshots)
