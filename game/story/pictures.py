"""What a picture file says about itself, read the way the decoders will read it.

A picture is checked before it is ever decoded, by `validate` and again by the window: a
JPEG or PNG whose real frame (the one a decoder uses) is larger than the limits, or an SVG that
declares an absurd size, is refused. PNG and JPEG headers are read by Pillow's own format
parsers, which follow the formats' rules (fill bytes before a marker, segments skipped by
their length), so a small decoy frame hidden in a comment cannot hide the real one. Pillow is
imported only when a picture is checked.
"""

from __future__ import annotations

import math
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .limits import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, MAX_SVG_ASPECT, MAX_SVG_BYTES

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8"


@dataclass(frozen=True)
class PictureProblem:
    """Why a picture may not be used: a validator code and the numbers for its message."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def raster_size(file: Path) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG from its header (nothing is decoded), or None."""
    try:
        with file.open("rb") as fh:
            head = fh.read(8)
            fh.seek(0)
            if head.startswith(PNG_SIGNATURE):
                from PIL import PngImagePlugin

                # Pillow's PNG reader wants the chunks up to the first IDAT; the size is the
                # IHDR chunk, which the format requires to come first.
                image: Any = PngImagePlugin.PngImageFile(fh)
            elif head.startswith(JPEG_SIGNATURE):
                from PIL import JpegImagePlugin

                image = JpegImagePlugin.JpegImageFile(fh)
            else:
                return None
            # The plugin classes themselves, not Image.open: its decompression-bomb check would
            # refuse without telling the size, and our own limit is lower anyway.
            width, height = image.size
    except Exception:  # any failure of a header parser means "not a picture"
        return None
    return (width, height) if width > 0 and height > 0 else None


_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in|em|ex)?\s*\Z")
_UNIT = {None: 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54,
         "in": 96.0, "em": 16.0, "ex": 8.0}


def _length(value: str | None) -> float | None:
    """An SVG length in CSS pixels; None when absent or relative (%), NaN when unreadable."""
    if value is None or value.strip().endswith("%"):
        return None
    m = _LENGTH.match(value)
    if m is None:
        return math.nan
    return float(m.group(1)) * _UNIT[m.group(2)]


def svg_declared_size(file: Path) -> tuple[float | None, float | None, tuple[float, float] | None]:
    """The root's width, height (CSS pixels) and viewBox size; raises ValueError if not SVG."""
    try:
        root = ET.parse(file).getroot()
    except (ET.ParseError, OSError) as exc:
        raise ValueError(str(exc)) from None
    if root.tag.rsplit("}", 1)[-1] != "svg":
        raise ValueError("not an SVG")
    view: tuple[float, float] | None = None
    box = root.get("viewBox")
    if box is not None:
        parts = box.replace(",", " ").split()
        try:
            numbers = [float(p) for p in parts]
        except ValueError:
            numbers = []
        view = (numbers[2], numbers[3]) if len(numbers) == 4 else (0.0, 0.0)
    return _length(root.get("width")), _length(root.get("height")), view


def _bad_shape(w: float, h: float) -> bool:
    if not (math.isfinite(w) and math.isfinite(h)) or w <= 0 or h <= 0:
        return True
    return max(w, h) / min(w, h) > MAX_SVG_ASPECT


def picture_problem(file: Path) -> PictureProblem | None:
    """Why `file` may not be shown as a picture, or None when it is fine.

    Remembered per file version (its identity, size and time stamp), so checking a story again
    on every save in watch mode reads only the pictures that changed."""
    try:
        st = os.stat(file)
    except OSError:
        return _picture_problem(file)
    return _remembered_problem(file, (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns))


@lru_cache(maxsize=1024)
def _remembered_problem(file: Path, version: tuple[int, int, int, int]) -> PictureProblem | None:
    return _picture_problem(file)


def _picture_problem(file: Path) -> PictureProblem | None:
    if file.suffix.lower() == ".svg":
        return _svg_problem(file)
    size = raster_size(file)
    if size is None:
        return PictureProblem("bad-image")
    w, h = size
    if max(w, h) > MAX_IMAGE_SIDE:
        return PictureProblem("image-too-large", {"width": w, "height": h,
                                                  "limit": MAX_IMAGE_SIDE})
    if w * h > MAX_IMAGE_PIXELS:
        return PictureProblem("image-too-many-pixels", {"width": w, "height": h,
                                                        "limit": MAX_IMAGE_PIXELS})
    return None


def _svg_problem(file: Path) -> PictureProblem | None:
    try:
        size = file.stat().st_size
    except OSError:
        return PictureProblem("bad-image")
    if size > MAX_SVG_BYTES:
        return PictureProblem("svg-too-large", {"size": size, "limit": MAX_SVG_BYTES})
    try:
        width, height, view = svg_declared_size(file)
    except ValueError:
        return PictureProblem("bad-image")
    if width is not None or height is not None:
        w = width if width is not None else height
        h = height if height is not None else width
        assert w is not None and h is not None
        if max(w, h) > MAX_IMAGE_SIDE or _bad_shape(w, h):
            return _svg_size(w, h)
    if view is not None and _bad_shape(*view):
        return _svg_size(*view)
    return None


def _svg_size(w: float, h: float) -> PictureProblem:
    return PictureProblem("svg-size", {"width": _num(w), "height": _num(h),
                                       "limit": MAX_IMAGE_SIDE, "aspect": MAX_SVG_ASPECT})


def _num(value: float) -> str:
    if math.isnan(value):
        return "?"
    if not math.isfinite(value) or abs(value) >= 1e12:
        return f"{value:.3g}"
    return f"{value:g}"
