"""The facilitator's messages in Finnish, Swedish and English, for the screens.

`message(err, lang)` gives an `InvalidInput` in the group's language; the keys are the error
codes prefixed with `fac-`.
"""

from __future__ import annotations

from game.i18n import STRINGS, add_strings, t

from .errors import InvalidInput

_NAME_RULES = {
    "empty": {
        "en": "Write a {what}.",
        "fi": "Kirjoita {what}.",
        "sv": "Skriv ett {what}.",
    },
    "too-long": {
        "en": "The {what} can be at most {limit} characters.",
        "fi": "{What} voi olla enintään {limit} merkkiä.",
        "sv": "{What} får vara högst {limit} tecken.",
    },
    "email": {
        "en": "That looks like an e-mail address. Use a nickname, not real details.",
        "fi": "Tämä näyttää sähköpostiosoitteelta. Käytä lempinimeä, ei oikeita tietoja.",
        "sv": "Det ser ut som en e-postadress. Använd ett smeknamn, inte riktiga uppgifter.",
    },
    "id": {
        "en": "That looks like a personal identity code. Use a nickname, not real details.",
        "fi": "Tämä näyttää henkilötunnukselta. Käytä lempinimeä, ei oikeita tietoja.",
        "sv": "Det ser ut som en personbeteckning. Använd ett smeknamn, inte riktiga uppgifter.",
    },
    "chars": {
        "en": "Use only letters, digits, spaces, - and _.",
        "fi": "Käytä vain kirjaimia, numeroita, välilyöntejä, - ja _.",
        "sv": "Använd bara bokstäver, siffror, mellanslag, - och _.",
    },
    "number": {
        "en": "That looks like a phone number or an id. Use a nickname.",
        "fi": "Tämä näyttää puhelinnumerolta tai tunnukselta. Käytä lempinimeä.",
        "sv": "Det ser ut som ett telefonnummer eller ett id. Använd ett smeknamn.",
    },
    "taken": {
        "en": "That name is already taken. Choose another.",
        "fi": "Nimi on jo käytössä. Valitse toinen.",
        "sv": "Namnet är redan upptaget. Välj ett annat.",
    },
}
_WHAT = {
    "nickname": {"en": "nickname", "fi": "lempinimi", "sv": "smeknamn"},
    "group-name": {"en": "group name", "fi": "ryhmän nimi", "sv": "gruppnamn"},
}

STRINGS_FAC: dict[str, dict[str, str]] = {}
for _what, _names in _WHAT.items():
    for _rule, _texts in _NAME_RULES.items():
        STRINGS_FAC[f"fac-{_what}-{_rule}"] = {
            lang: text.replace("{what}", _names[lang]).replace(
                "{What}", _names[lang][:1].upper() + _names[lang][1:]
            )
            for lang, text in _texts.items()
        }
STRINGS_FAC.update(
    {
        "fac-nickname-rule": {
            "en": "Nicknames only – no real names.",
            "fi": "Vain lempinimiä – ei oikeita nimiä.",
            "sv": "Bara smeknamn – inga riktiga namn.",
        },
        "fac-marker-taken": {
            "en": "Someone else already has this colour and shape.",
            "fi": "Jollakulla toisella on jo tämä väri ja muoto.",
            "sv": "Någon annan har redan den här färgen och formen.",
        },
        "fac-word-too-long": {
            "en": "One word of at most {limit} letters.",
            "fi": "Yksi sana, enintään {limit} kirjainta.",
            "sv": "Ett ord på högst {limit} bokstäver.",
        },
        "fac-word-not-one": {
            "en": "Just one word, please.",
            "fi": "Vain yksi sana, kiitos.",
            "sv": "Bara ett ord, tack.",
        },
        "fac-word-chars": {
            "en": "Use only letters (and a hyphen).",
            "fi": "Käytä vain kirjaimia (ja yhdysmerkkiä).",
            "sv": "Använd bara bokstäver (och bindestreck).",
        },
        "fac-log-payload": {
            "en": "This could not be saved: {field} is not valid.",
            "fi": "Tätä ei voitu tallentaa: {field} ei kelpaa.",
            "sv": "Det gick inte att spara: {field} är ogiltigt.",
        },
        "fac-log-kind": {
            "en": "This could not be saved: unknown event {kind}.",
            "fi": "Tätä ei voitu tallentaa: tuntematon tapahtuma {kind}.",
            "sv": "Det gick inte att spara: okänd händelse {kind}.",
        },
    }
)
if not all(key in STRINGS for key in STRINGS_FAC):
    add_strings({k: v for k, v in STRINGS_FAC.items() if k not in STRINGS})


def message(err: InvalidInput, lang: str) -> str:
    """The error in the interface language nearest to `lang` (English when unknown)."""
    key = f"fac-{err.code}"
    if key not in STRINGS:
        return str(err)
    return t(key, lang, **err.params)
