"""The domain colours stay apart under the three common colour-vision deficiencies
(issue 17: under simulated deuteranopia and protanopia two pairs of domain lines became
near-identical). Simulated with the matrices of Machado, Oliveira and Fernandes (2009) at
full severity, compared as CIE L*a*b* colour differences (ΔE*ab)."""

from __future__ import annotations

import itertools

import pytest

from facilitator.review.timecharts import DOMAIN_COLOURS, DOMAIN_DASHES, DOMAIN_SHAPES

MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
    "typical": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
}
MIN_DELTA_E = 20.0  # clearly different lines at a glance (2.3 is "just noticeable")


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def simulate(hex_colour: str, kind: str) -> tuple[float, float, float]:
    rgb = [_linear(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    m = MACHADO[kind]
    out = tuple(min(1.0, max(0.0, sum(m[r][c] * rgb[c] for c in range(3)))) for r in range(3))
    return _lab(out)  # type: ignore[arg-type]  # reason: a 3-tuple by construction


def delta_e(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return sum((p - q) ** 2 for p, q in zip(a, b, strict=True)) ** 0.5


@pytest.mark.parametrize("kind", list(MACHADO))
def test_every_pair_of_domain_colours_is_apart(kind):
    worst = min(
        (delta_e(simulate(a, kind), simulate(b, kind)), a, b)
        for a, b in itertools.combinations(DOMAIN_COLOURS, 2)
    )
    assert worst[0] >= MIN_DELTA_E, worst


def test_the_old_palette_fails_the_check():
    """The check can fail: Okabe–Ito's green and sky blue under tritanopia (ΔE 16)."""
    assert delta_e(simulate("#009E73", "tritanopia"),
                   simulate("#56B4E9", "tritanopia")) < MIN_DELTA_E


def test_lines_have_contrast_on_white():
    def lum(c: str) -> float:
        r, g, b = (_linear(int(c[i:i + 2], 16) / 255) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    assert all(1.05 / (lum(c) + 0.05) >= 3.0 for c in DOMAIN_COLOURS)


def test_each_domain_has_a_second_cue_besides_colour():
    n = len(DOMAIN_COLOURS)
    assert len(set(DOMAIN_DASHES[:n])) == n and len(set(DOMAIN_SHAPES[:n])) == n
