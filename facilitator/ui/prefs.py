"""The counsellor's window settings, kept between starts in a small private JSON file.

Only the interface settings live here (language, text size, contrast, motion, read-aloud):
nothing about any person. A missing or damaged file simply gives the defaults.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, fields, replace
from pathlib import Path

from facilitator import paths
from game.ui.theme import THEMES, Settings

log = logging.getLogger("porukka.facilitator")

SETTINGS_FILE = "settings.json"
SCHEMA = "porukka-settings"
VERSION = 1


def settings_path(root: Path | None = None) -> Path:
    """Where the settings live (the data folder is not created just for looking)."""
    return (root if root is not None else paths.data_dir(create=False)) / SETTINGS_FILE


def load_settings(base: Settings, path: Path | None = None) -> Settings:
    """`base` with the saved values laid over it (unknown or invalid values are ignored)."""
    path = path if path is not None else settings_path()
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return base
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or doc.get("version") != VERSION:
        return base
    saved = doc.get("settings")
    if not isinstance(saved, dict):
        return base
    out = base
    for f in fields(Settings):
        value = saved.get(f.name)
        if f.name == "ui_lang" and value in ("fi", "sv", "en"):
            out = replace(out, ui_lang=value)
        elif f.name == "text_scale" and isinstance(value, int | float) and 1.0 <= value <= 2.0:
            out = replace(out, text_scale=float(value))
        elif f.name == "theme" and value in THEMES:
            out = replace(out, theme=value)
        elif f.name == "reduce_motion" and isinstance(value, bool):
            out = replace(out, reduce_motion=value)
        elif f.name == "read_aloud" and isinstance(value, bool):
            out = replace(out, read_aloud=value)
    return out


def language_saved(path: Path | None = None) -> bool:
    """Whether the interface language has been chosen and kept (false at the first start)."""
    path = path if path is not None else settings_path()
    try:
        doc = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    saved = doc.get("settings") if isinstance(doc, dict) else None
    return isinstance(saved, dict) and saved.get("ui_lang") in ("fi", "sv", "en")


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically, readable only by the user (0600)."""
    from facilitator import _files  # only when saving: keeps the first frame quick

    path = path if path is not None else settings_path()
    doc = {"schema": SCHEMA, "version": VERSION, "settings": asdict(settings)}
    try:
        paths.private_dir(path.parent)
        _files.atomic_write(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:  # a read-only disk must not stop the game
        log.warning("the settings could not be saved: %s", exc)
