"""Pictures that lie about their size are refused by `validate` (issue 14), by the real frame
a decoder would use, before anything is decoded."""

from __future__ import annotations

import io

import pytest

from game.story import limits
from game.story.pictures import picture_problem, raster_size

from .._hostile_pictures import jpeg, jpeg_with_decoy, png, svg
from ._stories import check, describe, expect

ASSET_STORY = """\
    format: 1
    id: testi
    start: alku
    scenes:
      alku:
        background: {ref}
        lines: [Hei.]
        end: {{}}
    """
"""An asset reference on line 6; its value starts in column 17."""


def _issues(tmp_path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    return check(tmp_path, ASSET_STORY.format(ref=name))


def test_a_decoy_frame_in_a_comment_does_not_hide_the_real_one(tmp_path):
    """Regression: fill bytes and a 100×100 decoy frame in a comment made validate pass a
    40000×40000 JPEG, which `play` then decoded (4.7 GB)."""
    issue = expect(_issues(tmp_path, "kuva.jpg", jpeg_with_decoy()), "image-too-large",
                   "error", 6, 17)
    assert (issue.params["width"], issue.params["height"]) == (40000, 40000)


def test_the_header_reader_agrees_with_the_decoder(tmp_path):
    """The frame our reader finds is the one a real decoder (libjpeg, through Pillow) uses."""
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (300, 200), "red").save(buf, "JPEG")
    disguised = jpeg_with_decoy(real=buf.getvalue())
    with Image.open(io.BytesIO(disguised)) as decoded:
        decoded.load()
        assert decoded.size == (300, 200)
    file = tmp_path / "kuva.jpg"
    file.write_bytes(disguised)
    assert raster_size(file) == (300, 200)
    assert picture_problem(file) is None


@pytest.mark.parametrize(("name", "data", "code"), [
    ("iso.png", png(65500, 65500), "image-too-large"),
    ("iso.jpg", jpeg(8193, 10), "image-too-large"),
    ("laaja.png", png(8192, 8192), "image-too-many-pixels"),
    ("laaja.jpg", jpeg(8000, 5000), "image-too-many-pixels"),
])
def test_code_image_too_many_pixels(tmp_path, name, data, code):
    issue = expect(_issues(tmp_path, name, data), code, "error", 6, 17)
    assert issue.params["limit"] in (limits.MAX_IMAGE_SIDE, limits.MAX_IMAGE_PIXELS)


def test_pictures_at_the_limits_pass(tmp_path):
    for name, data in [("a.png", png(8192, 4096)), ("b.jpg", jpeg(4096, 8192)),
                       ("c.svg", svg('width="8192" height="512"')),
                       ("d.svg", svg('viewBox="0 0 1600 100"')),
                       ("e.svg", svg('width="100%" height="100%" viewBox="0 0 16 9"'))]:
        issues = _issues(tmp_path, name, data)
        assert issues == [], (name, describe(issues))


def test_code_svg_too_large(tmp_path):
    big = svg('width="10" height="10"', "<!--" + "x" * limits.MAX_SVG_BYTES + "-->")
    issue = expect(_issues(tmp_path, "iso.svg", big), "svg-too-large", "error", 6, 17)
    assert issue.params["limit"] == limits.MAX_SVG_BYTES


@pytest.mark.parametrize("attributes", [
    'width="100000" height="100000"',
    'width="65500"',
    'width="1e9px" height="10"',
    'width="90in" height="90in"',
    'width="1" height="8000"',
    'viewBox="0 0 1 100000"',
    'viewBox="0 0 0 100"',
    'viewBox="0 0 -5 100"',
    'width="inf" height="10"',
])
def test_code_svg_size(tmp_path, attributes):
    issue = expect(_issues(tmp_path, "iso.svg", svg(attributes)), "svg-size", "error", 6, 17)
    assert issue.params["limit"] == limits.MAX_IMAGE_SIDE
    assert len(issue.message("fi")) < 300


def test_a_broken_jpeg_or_png_is_a_bad_image(tmp_path):
    for name, data in [("a.jpg", b"\xff\xd8\xff\xc0\x00"), ("b.png", png(10, 10)[:20]),
                       ("c.png", png(0, 10)), ("d.svg", b"<svg")]:
        assert "bad-image" in [i.code for i in _issues(tmp_path, name, data)], name
