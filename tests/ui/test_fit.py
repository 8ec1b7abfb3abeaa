"""The one text-fitting helper: a text that does not fit ends with "…" after a whole word."""

from __future__ import annotations

import pygame
import pytest

from game.ui.canvas import Canvas, ellipsize, fit
from game.ui.theme import font


@pytest.fixture(autouse=True)
def fonts():
    pygame.font.init()
    yield


def width(text: str, px: int = 24, bold: bool = False) -> int:
    return font(px, bold).size(text)[0]


def test_a_text_that_fits_is_left_alone():
    assert fit("Salainen äänestys", 24, 1000) == "Salainen äänestys"


def test_a_long_text_is_cut_after_a_whole_word():
    """Regression: "Secret ballot in tur…" was cut inside a word in the set-up."""
    text = "Secret ballot in turns on one screen"
    room = width("Secret ballot in tur…")
    out = fit(text, 24, room)
    assert out == "Secret ballot in…"
    assert width(out) <= room


def test_punctuation_before_the_cut_is_dropped():
    text = "Read aloud (not available: install speech-dispatcher)"
    out = fit(text, 24, width("Read aloud (not available: in…"))
    assert out == "Read aloud (not available…"


def test_a_single_word_too_wide_is_cut_inside_it_as_the_last_resort():
    out = fit("Mörköpörkkö_Kaveri", 24, width("Mörköp…"))
    assert out.endswith("…") and "Mörköpörkkö_Kaveri".startswith(out[:-1])
    assert width(out) <= width("Mörköp…")


def test_ellipsize_never_returns_a_wider_text():
    f = font(30)
    text = "Tämä on pitkä lause, jossa on monta sanaa ja vielä muutama lisää"
    for room in range(20, width(text, 30) + 10, 7):
        out = ellipsize(text, f, room)
        assert f.size(out)[0] <= room or len(out) <= 2
        if out != text:
            assert out.endswith("…")


def test_the_canvas_records_what_a_shortened_text_was():
    surface = pygame.Surface((400, 100))
    canvas = Canvas(surface)
    text = "Secret ballot in turns on one screen"
    canvas.text(fit(text, 24, 200), (0, 0), 24, (0, 0, 0))
    canvas.text("short", (0, 40), 24, (0, 0, 0))
    assert [b.full for b in canvas.boxes] == [text, "short"]
