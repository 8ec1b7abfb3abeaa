"""Messages of the validator's limit checks (hostile stories), in Finnish, Swedish and English.

Kept apart from messages.py so they can be folded into the interface catalogue as they are;
`messages.render` finds them here.
"""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, dict[str, str]] = {
    "number-range": {
        "en": "the number {shown} is outside the allowed range -{limit}…{limit}; "
              "if it is meant as text, put it in quotes",
        "fi": "luku {shown} on sallitun välin -{limit}…{limit} ulkopuolella; "
              "jos se on tarkoitettu tekstiksi, laita se lainausmerkkeihin",
        "sv": "talet {shown} ligger utanför det tillåtna intervallet -{limit}…{limit}; "
              "om det är menat som text, sätt det inom citattecken",
    },
    "timer-too-long": {
        "en": "the timer is {value} seconds; at most {limit} seconds (an hour) are allowed",
        "fi": "ajastin on {value} sekuntia; enintään {limit} sekuntia (tunti) on sallittu",
        "sv": "timern är {value} sekunder; högst {limit} sekunder (en timme) är tillåtna",
    },
    "condition-too-long": {
        "en": "the condition is {length} characters long; at most {limit} are allowed. "
              "Split it over several choices or use a variable",
        "fi": "ehto on {length} merkkiä pitkä; enintään {limit} on sallittu. "
              "Jaa se useammalle valinnalle tai käytä muuttujaa",
        "sv": "villkoret är {length} tecken långt; högst {limit} är tillåtna. "
              "Dela upp det på flera val eller använd en variabel",
    },
    "condition-too-complex": {
        "en": "the condition has more than {limit} words, numbers and signs; "
              "make it simpler, for example with a variable set earlier",
        "fi": "ehdossa on yli {limit} sanaa, lukua ja merkkiä; "
              "tee siitä yksinkertaisempi, esimerkiksi aiemmin asetetulla muuttujalla",
        "sv": "villkoret har fler än {limit} ord, tal och tecken; "
              "gör det enklare, till exempel med en variabel som satts tidigare",
    },
    "condition-too-deep": {
        "en": "the condition nests more than {limit} levels deep here (parentheses, 'not' "
              "and minus signs inside each other); write it more plainly",
        "fi": "ehto on tässä kohdassa sisäkkäin yli {limit} tasoa (sulkeita, 'not'-sanoja "
              "ja miinusmerkkejä toistensa sisällä); kirjoita se yksinkertaisemmin",
        "sv": "villkoret är här kapslat mer än {limit} nivåer djupt (parenteser, 'not' "
              "och minustecken inuti varandra); skriv det enklare",
    },
    "control-character": {
        "en": "there is an invisible control character ({char}) here; it can break the "
              "screen or the terminal, so remove it",
        "fi": "tässä on näkymätön ohjausmerkki ({char}); se voi sotkea näytön tai "
              "päätteen, joten poista se",
        "sv": "här finns ett osynligt styrtecken ({char}); det kan störa skärmen eller "
              "terminalen, så ta bort det",
    },
    "image-too-many-pixels": {
        "en": "'{path_text}' is {width}×{height} pixels; a picture may have at most {limit} "
              "pixels in all. Make it smaller",
        "fi": "'{path_text}' on {width}×{height} pikseliä; kuvassa saa olla yhteensä "
              "enintään {limit} pikseliä. Pienennä sitä",
        "sv": "'{path_text}' är {width}×{height} pixlar; en bild får ha högst {limit} "
              "pixlar sammanlagt. Gör den mindre",
    },
    "svg-too-large": {
        "en": "'{path_text}' is {size} bytes; an SVG picture may be at most {limit} bytes",
        "fi": "'{path_text}' on {size} tavua; SVG-kuva saa olla enintään {limit} tavua",
        "sv": "'{path_text}' är {size} byte; en SVG-bild får vara högst {limit} byte",
    },
    "svg-size": {
        "en": "'{path_text}' declares the size {width}×{height}; an SVG may declare at most "
              "{limit} on a side, and one side at most {aspect} times the other",
        "fi": "'{path_text}' ilmoittaa kooksi {width}×{height}; SVG saa ilmoittaa sivuksi "
              "enintään {limit}, ja toinen sivu saa olla enintään {aspect} kertaa toista pidempi",
        "sv": "'{path_text}' anger storleken {width}×{height}; en SVG får ange högst {limit} "
              "per sida, och ena sidan får vara högst {aspect} gånger den andra",
    },
    # --- the command line's tools (registered with game.i18n by their modules) ---
    "strings-control-character": {
        "en": "the translation has an invisible control character ({char}); remove it",
        "fi": "käännöksessä on näkymätön ohjausmerkki ({char}); poista se",
        "sv": "översättningen har ett osynligt styrtecken ({char}); ta bort det",
    },
}
"""Validator messages by code, and a few strings of the tools; each in fi, sv and en with the
same `{fields}`."""

TOOL_KEYS = frozenset({"strings-control-character"})
"""Keys that are interface strings of the command line's tools, not validator codes."""

VALIDATOR_CODES = frozenset(STRINGS) - TOOL_KEYS


def text(code: str, lang: str, params: dict[str, Any]) -> str | None:
    """The message for `code` in `lang`, or None when the code is not one of these."""
    entry = STRINGS.get(code) if code in VALIDATOR_CODES else None
    if entry is None:
        return None
    template = entry.get(lang, entry["en"])
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
