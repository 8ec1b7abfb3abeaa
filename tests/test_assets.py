"""The built-in art: every picture a story names exists and loads, and every SVG we ship
renders sharp at the sizes the game uses, with only what the game's SVG renderer understands.

pygame rasterises SVG with nanosvg (inside SDL_image). It silently ignores what it does not know
(text, filters, masks, clip paths, patterns, `<use>`, CSS), so a picture using those would look
broken on the projector without any error. These tests keep the art inside the subset that works.

Loading an SVG needs no window, so nothing here opens a display (that keeps these tests from
changing the video driver under the UI tests that run in the same process).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pygame
import pytest

from game.resources import builtin_stories_dir, shared_assets_dir
from game.story import check_file
from game.story.loader import find_story_files
from game.story.validate import resolve_asset
from game.ui.theme import WARM, contrast

BUILTIN_STORIES = builtin_stories_dir()
SHARED_ASSETS = shared_assets_dir()
pytestmark = pytest.mark.slow  # every picture and sound loaded and rendered at the game's sizes

ROOT = Path(__file__).resolve().parents[1]
STORIES = find_story_files(BUILTIN_STORIES)
SVGS = sorted([*BUILTIN_STORIES.rglob("*.svg"), *SHARED_ASSETS.rglob("*.svg")])
MAX_BYTES = 30 * 1024

WIDE = "0 0 1920 1080"  # backgrounds, 16:9
SQUARE = "0 0 512 512"  # portraits and icons
SIZES = {WIDE: [(1280, 720), (1920, 1080)], SQUARE: [(256, 256), (512, 512)]}

SVG_NS = "{http://www.w3.org/2000/svg}"
ALLOWED = {"svg", "g", "defs", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path",
           "linearGradient", "radialGradient", "stop"}
FORBIDDEN = {"text", "tspan", "filter", "mask", "clipPath", "pattern", "use", "style", "image",
             "foreignObject", "script", "symbol", "marker"}


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def referenced_assets() -> list[tuple[Path, str, str]]:
    """(story file, where, reference) for every picture a built-in story names."""
    refs = []
    for path in STORIES:
        story = check_file(path).loaded.story
        for sid, scene in story.scenes.items():
            if scene.background:
                refs.append((path, f"scene {sid}", scene.background))
        for cid, character in story.characters.items():
            if character.image:
                refs.append((path, f"character {cid}", character.image))
    return refs


def distinct_colours(surface: pygame.Surface, steps: int = 12) -> int:
    w, h = surface.get_size()
    seen = {tuple(surface.get_at((min(w - 1, int((i + .5) * w / steps)),
                                  min(h - 1, int((j + .5) * h / steps)))))
            for i in range(steps) for j in range(steps)}
    return len(seen)


def test_the_art_is_there():
    assert len(SVGS) >= 40
    assert (SHARED_ASSETS / "ui" / "menu-background.svg").is_file()


def test_every_shared_asset_is_used():
    """Domain icons, feedback faces and a tile ornament were once shipped in every install
    without anything drawing them (the faces are drawn in code, to follow the theme)."""
    used = {resolve_asset(ref, story_file.parent, SHARED_ASSETS)
            for story_file, _where, ref in referenced_assets()}
    code = "\n".join(p.read_text("utf-8") for top in ("game", "facilitator")
                     for p in (ROOT / top).rglob("*.py"))
    unused = [rel(p) for p in sorted(SHARED_ASSETS.rglob("*"))
              if p.is_file() and p.name != "CREDITS.md" and p not in used
              and p.relative_to(SHARED_ASSETS).as_posix() not in code]
    assert unused == []


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.parent.name)
def test_every_scene_has_a_background_and_the_main_characters_a_portrait(path: Path):
    story = check_file(path).loaded.story
    assert [sid for sid, s in story.scenes.items() if not s.background] == []
    assert sum(1 for c in story.characters.values() if c.image) >= 2


@pytest.mark.parametrize("story_file, where, ref", referenced_assets(),
                         ids=lambda v: v if isinstance(v, str) else v.parent.name)
def test_referenced_asset_exists_and_loads(story_file: Path, where: str, ref: str):
    found = resolve_asset(ref, story_file.parent, SHARED_ASSETS)
    assert found is not None, f"{rel(story_file)}: {where} names {ref}, which is not there"
    if found.suffix.lower() == ".svg":
        surface = pygame.image.load_sized_svg(str(found), (1280, 720))
    else:
        surface = pygame.image.load(str(found))
    assert surface.get_width() > 0 and surface.get_height() > 0


@pytest.mark.parametrize("path", SVGS, ids=rel)
def test_svg_uses_only_what_the_renderer_draws(path: Path):
    root = ET.parse(path).getroot()
    assert root.tag == SVG_NS + "svg", "the top element must be an SVG element in the SVG namespace"
    assert root.get("viewBox") in SIZES, (
        f"viewBox must be '{WIDE}' (background) or '{SQUARE}' (portrait, icon)")
    ids = {el.get("id") for el in root.iter()
           if local(el.tag) in ("linearGradient", "radialGradient") and el.get("id")}
    for el in root.iter():
        tag = local(el.tag)
        assert tag not in FORBIDDEN, f"<{tag}> is not drawn by the game's SVG renderer"
        assert tag in ALLOWED, f"<{tag}> is outside the allowed SVG subset"
        for name, value in el.attrib.items():
            if local(name) == "href":
                assert value.startswith("#") and value[1:] in ids, f"href to {value!r}"
            for target in re.findall(r"url\(([^)]*)\)", value):
                assert target.startswith("#") and target[1:] in ids, f"url({target}) in {name}"


@pytest.mark.parametrize("path", SVGS, ids=rel)
def test_svg_is_small(path: Path):
    assert path.stat().st_size < MAX_BYTES


@pytest.mark.parametrize("path", SVGS, ids=rel)
def test_svg_renders_at_the_game_sizes(path: Path):
    box = ET.parse(path).getroot().get("viewBox")
    for size in SIZES[box]:
        surface = pygame.image.load_sized_svg(str(path), size)
        assert surface.get_size() == size
        assert surface.get_bounding_rect().width > 0, f"nothing drawn at {size}"
        assert distinct_colours(surface) >= 4, f"a flat picture at {size}"


@pytest.mark.parametrize("path", [p for p in SVGS if ET.parse(p).getroot().get("viewBox") == WIDE],
                         ids=rel)
def test_hint_strip_stays_readable(path: Path):
    """The game writes its key hints in muted text straight on the picture, along the bottom
    right; the near floor of every background stays light enough to read them (WCAG AA)."""
    surface = pygame.image.load_sized_svg(str(path), (1280, 720))
    worst = min(contrast(WARM.muted, tuple(surface.get_at((x, y)))[:3])
                for x in range(700, 1270, 20) for y in range(668, 716, 8))
    assert worst >= 4.5, f"hint text contrast only {worst:.1f}:1 at the bottom right"


def test_credits_list_every_picture():
    credits = (SHARED_ASSETS / "CREDITS.md").read_text("utf-8")
    assert "CC BY 4.0" in credits and "SIL Open Font License" in credits
    missing = [rel(p) for p in SVGS if f"`{rel(p)}`" not in credits]
    assert missing == []
