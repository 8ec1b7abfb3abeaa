"""What may be typed: nicknames only, one word of feedback, messages in three languages."""

from __future__ import annotations

import pytest

from facilitator.errors import InvalidInput
from facilitator.strings import message
from facilitator.validation import check_feedback_word, check_group_name, check_nickname


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("Kettu", "Kettu"), ("  Iso   Karhu ", "Iso Karhu"), ("Ööli_2", "Ööli_2"), ("A", "A"),
     ("x" * 20, "x" * 20), ("007", "007"), ("123456", "123456"), ("Åsa-Li", "Åsa-Li")],
)
def test_nicknames_that_are_fine(typed, kept):
    assert check_nickname(typed) == kept


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "nickname-empty"),
        ("   ", "nickname-empty"),
        ("x" * 21, "nickname-too-long"),
        ("kettu@example.fi", "nickname-email"),
        ("@kettu", "nickname-email"),
        ("0401234567", "nickname-number"),
        ("040 123 4567", "nickname-number"),
        ("1234567", "nickname-number"),
        ("010199-123A", "nickname-id"),
        ("Kettu!", "nickname-chars"),
        ("Kettu 😀", "nickname-chars"),
        ("Kettu.Virtanen", "nickname-chars"),
        ("-1+1", "nickname-start"),  # a spreadsheet would run it (issue 13, problem 7)
        (" -Kettu", "nickname-start"),
    ],
)
def test_nicknames_that_are_refused(typed, code):
    with pytest.raises(InvalidInput) as err:
        check_nickname(typed)
    assert err.value.code == code


@pytest.mark.parametrize(("typed", "kept"), [("kiva", "kiva"), (" Jees ", "Jees"), ("", None),
                                             (None, None), ("ihan-ok", "ihan-ok")])
def test_feedback_words(typed, kept):
    assert check_feedback_word(typed) == kept


@pytest.mark.parametrize("typed", ["kaksi sanaa", "hyvä.", "5", "-", "x" * 31, "a\tb"])
def test_feedback_that_is_not_one_word(typed):
    with pytest.raises(InvalidInput):
        check_feedback_word(typed)


def test_messages_in_the_groups_language():
    with pytest.raises(InvalidInput) as err:
        check_nickname("x" * 21)
    assert message(err.value, "fi") == "Lempinimi voi olla enintään 20 merkkiä."
    assert message(err.value, "sv-FI") == "Smeknamn får vara högst 20 tecken."
    assert message(err.value, "en") == "The nickname can be at most 20 characters."
    with pytest.raises(InvalidInput) as err:
        check_feedback_word("kaksi sanaa")
    assert message(err.value, "fi") == "Vain yksi sana, kiitos."


def test_a_group_name_may_not_begin_like_a_formula():
    """Issue 13, problem 7: group names go into CSV exports too."""
    with pytest.raises(InvalidInput) as err:
        check_group_name("-Tiistairyhmä")
    assert err.value.code == "group-name-start"
    assert message(err.value, "fi") == "Ryhmän nimi ei voi alkaa merkillä -."
    assert message(err.value, "sv") == "Gruppens namn kan inte börja med -."
    assert message(err.value, "en") == "A group name cannot begin with -."
