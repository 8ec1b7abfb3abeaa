"""Where the built-in stories and the shared assets are: the one place that knows.

A built wheel carries `stories/` and `assets/` as package data of `game._builtin`
(pyproject.toml maps the top-level folders there); a checkout run as `python launcher.py` and an
editable install keep them at the top of the project, beside `game/`. Both are found here, so
no other module guesses with `parents[...]`. When the package is imported from a zip file, the
folder is copied once to a temporary folder: the loader, the validator and pygame need real
files.

Cheap to import: nothing heavy loads until a function is called.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_PROJECT = Path(__file__).resolve().parent.parent  # a checkout or an editable install


def builtin_stories_dir() -> Path:
    """The folder of the built-in stories (`<id>/story.yaml`)."""
    return _folder("stories")


def shared_assets_dir() -> Path:
    """The shared fonts, interface pictures and sounds, with their CREDITS."""
    return _folder("assets")


@cache
def _folder(name: str) -> Path:
    from importlib.resources import files

    packaged = files("game._builtin") / name
    if packaged.is_dir():
        if isinstance(packaged, Path):
            return packaged
        return _extract(packaged, name)
    return _PROJECT / name


def _extract(tree: Traversable, name: str) -> Path:
    """A real copy of a folder inside a zip, removed when the program ends."""
    import atexit
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="porukka-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    _copy(tree, root / name)
    return root / name


def _copy(tree: Traversable, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in tree.iterdir():
        if entry.is_dir():
            _copy(entry, target / entry.name)
        else:
            (target / entry.name).write_bytes(entry.read_bytes())
