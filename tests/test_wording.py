"""The catalogue proof-read as a whole (issue 15): one word for a session in each language, key
names in the user's language, one quote style per language, one name for the story mirror, no
double full stops."""

from __future__ import annotations

import re

import pytest

from game.i18n import entries, t

from ._catalogue import validator_codes

# Keys of the author's tools quote code (YAML keys, commands) with straight quotes; the rest of
# the interface follows the language's typography.
CODE_PREFIXES = ("help-", "rev-help-", "sim-help", "usage", "graph-", "test-", "plan-",
                 "strings-", "twee-", "word-", "cli-", "prog-")


# The validator's messages and their fixes show the YAML an author types: straight quotes.
VALIDATOR = validator_codes()


def texts(lang: str) -> dict[str, str]:
    return {key: text for key, forms in entries(lang).items() for text in forms[:1]}


def words(text: str) -> str:
    """`text` without commands and options (`porukka sessions`, --sessions)."""
    return re.sub(r"`[^`]*`|'porukka [^']*'|\bporukka [a-z-]+|--[a-z-]+|\{[^}]*\}", "", text)


@pytest.mark.parametrize(("lang", "other"), [("fi", r"\b[Ss]essio"), ("sv", r"\b[Ss]ession")])
def test_one_word_for_a_session(lang, other):
    """fi "tapaaminen", sv "träff" ("sessio" and "tapaaminen" were used for the same thing)."""
    found = {k: v for k, v in texts(lang).items() if re.search(other, words(v))}
    assert found == {}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_key_names_in_the_users_language(lang):
    """Regression: "Askel taaksepäin (Backspace)" in Finnish."""
    found = {k: v for k, v in texts(lang).items() if re.search(r"Backspace|Shift|Space\b", v)}
    assert found == {}
    assert "askelpalautin" in t("menu-back", "fi")


def test_one_name_for_the_story_mirror():
    """Regression: "Tarinan peili" on screen but "Tarinapeili" in reports."""
    for lang, name in (("fi", "Tarinan peili"), ("sv", "Berättelsens spegel"),
                       ("en", "story mirror")):
        assert name in t("fs-mirror-title", lang) and name in t("rev-sec-mirror", lang)
    for lang, other in (("fi", "arinapeili"), ("sv", "Berättelsespegel")):
        assert not [k for k, v in texts(lang).items() if other in v]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_one_quote_style_per_language(lang):
    """”…” in Finnish and Swedish, “…” in English; never „…“."""
    wrong = "„“" if lang in ("fi", "sv") else "„"
    for key, text in texts(lang).items():
        assert not set(text) & set(wrong), (key, text)
        if not key.startswith(CODE_PREFIXES) and key[:4] not in ("tag-",) \
                and key.split(".")[0] not in VALIDATOR and not key.endswith(".hint"):
            assert '"' not in words(text), (key, text)
    assert t("quoted", lang, text="x") == ("”x”" if lang != "en" else "“x”")


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_no_double_full_stop_after_a_choice_that_ends_in_one(lang):
    """Regression: "… hakemus on.. Enter jatkaa"."""
    assert ".." not in t("results-winner", lang, text="Kerron, että hakemus on.")
    for key, text in texts(lang).items():
        plain = re.sub(r"\{[^}]*\}", "X", text).replace("'..'", "")
        assert not re.search(r"(?<!\.)\.\.(?!\.)", plain), (key, text)


def test_no_word_said_twice():
    """Regression: "Minä nyt -arviot nyt"."""
    for lang in ("fi", "sv", "en"):
        for key, text in texts(lang).items():
            low = [w if w.isalpha() and w != "ctrl" else "" for w in words(text).lower().split()]
            assert not any(a == b and len(a) > 2 for a, b in zip(low, low[1:], strict=False)), \
                (key, text)
    assert t("fs-rate-now", "fi").count("nyt") == 1
