"""The window checks a picture's real size before decoding it (issue 14)."""

from __future__ import annotations

import io

import pygame
import pytest
from PIL import Image

from game.ui.media import Media

from .._hostile_pictures import jpeg_with_decoy, png, svg


@pytest.fixture
def no_decoding(monkeypatch):
    """Fails the test if anything is handed to a decoder."""
    calls: list[str] = []

    def refuse(*args: object, **kwargs: object) -> pygame.Surface:
        calls.append(str(args[0]))
        raise AssertionError(f"decoded {args[0]}")

    monkeypatch.setattr(pygame.image, "load", refuse)
    monkeypatch.setattr(pygame.image, "load_sized_svg", refuse)
    return calls


@pytest.mark.parametrize(("name", "data"), [
    ("houkutus.jpg", jpeg_with_decoy()),
    ("iso.png", png(65500, 65500)),
    ("laaja.png", png(8192, 8192)),
    ("iso.svg", svg('width="100000" height="100000"')),
    ("kapea.svg", svg('viewBox="0 0 1 100000"')),
])
def test_a_picture_over_the_limits_is_never_decoded(tmp_path, no_decoding, name, data):
    """Regression: a JPEG with a decoy frame made `play` decode 40000×40000 pixels (4.7 GB)."""
    (tmp_path / name).write_bytes(data)
    media = Media(tmp_path, None)
    assert media.picture(name, (1280, 720)) is None
    assert media.portrait(name, 200) is None
    assert name in media.failed
    assert no_decoding == []


def test_good_pictures_still_show(tmp_path):
    buf = io.BytesIO()
    Image.new("RGB", (640, 360), "red").save(buf, "JPEG")
    (tmp_path / "kuva.jpg").write_bytes(jpeg_with_decoy(real=buf.getvalue()))
    (tmp_path / "kuva.svg").write_bytes(svg('width="160" height="90"',
                                            '<rect width="160" height="90" fill="red"/>'))
    media = Media(tmp_path, None)
    for name in ("kuva.jpg", "kuva.svg"):
        surface = media.picture(name, (320, 180))
        assert surface is not None and surface.get_size() == (320, 180), name
        assert media.portrait(name, 64) is not None, name
    assert not media.failed
