"""Every user-facing string exists in Finnish, Swedish and English."""

from __future__ import annotations

import re

import pytest

import launcher  # noqa: F401  (loads every module's strings into the shared table)
from game.i18n import STRINGS, detect_language, interface_language, t
from game.story.messages import MESSAGES, WORDS

PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)\}(?!\})")


@pytest.mark.parametrize("table", [STRINGS, MESSAGES, WORDS], ids=["cli", "messages", "words"])
def test_every_string_in_three_languages_with_the_same_fields(table):
    for key, entry in table.items():
        assert set(entry) == {"fi", "sv", "en"}, key
        if not key.startswith("pp-"):  # placeholder help shows braces literally
            fields = {lang: set(PLACEHOLDER.findall(text)) for lang, text in entry.items()}
            assert fields["fi"] == fields["en"] == fields["sv"], key
        assert all(text.strip() for text in entry.values()), key


def test_languages_differ():
    """A Finnish string equal to its English one is an untranslated string, unless it is only
    a name or a format (the product's name, a clock)."""

    def words(text: str) -> str:
        return re.sub(r"\{[^}]*\}|[^A-Za-zÅÄÖåäö]", "", text)

    same = [k for k, e in STRINGS.items()
            if e["fi"] == e["en"] and words(e["fi"]) not in ("", "Porukka")]
    assert same == []


def test_locale_detection():
    assert detect_language({"LANG": "fi_FI.UTF-8"}) == "fi"
    assert detect_language({"LANG": "sv_FI.UTF-8"}) == "sv"
    assert detect_language({"LC_ALL": "de_DE.UTF-8", "LANG": "fi_FI"}) == "en"
    assert detect_language({"LANGUAGE": "sv:fi", "LANG": "en_US"}) == "sv"
    assert detect_language({}) == "en"
    assert detect_language({"LANG": "C.UTF-8"}) == "en"
    assert interface_language("fi-selko") == "fi"
    assert t("ending", "fi-selko", title="X") == "Loppu: X"
