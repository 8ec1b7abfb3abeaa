"""Interface strings of the tools and the terminal player, in Finnish, Swedish and English.

The validator's own messages live in `game.story.messages`; these are the words around them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("fi", "sv", "en")


def interface_language(lang: str | None) -> str:
    """fi, sv or en for any language tag (`fi-selko` → fi, `de` → en)."""
    if not lang:
        return "en"
    base = lang.replace("_", "-").split("-", 1)[0].split(".", 1)[0].lower()
    return base if base in LANGUAGES else "en"


def detect_language(env: Mapping[str, str] | None = None) -> str:
    """The interface language from the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    env = os.environ if env is None else env
    for var in ("PORUKKA_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        for part in value.split(":"):
            base = part.replace("_", "-").split("-", 1)[0].split(".", 1)[0].lower()
            if base in LANGUAGES:
                return base
            if base and base not in ("c", "posix"):
                return "en"
    return "en"


STRINGS: dict[str, dict[str, str]] = {
    "prog-description": {
        "en": "Porukka: a story game for group sessions. With no command, the game starts.",
        "fi": "Porukka: tarinapeli ryhmätapaamisiin. Ilman komentoa peli käynnistyy.",
        "sv": "Porukka: ett berättelsespel för gruppträffar. Utan kommando startar spelet.",
    },
    "help-validate": {
        "en": "check story files and folders; report FILE:LINE:COL: error[CODE]: ...",
        "fi": "tarkista tarinatiedostot ja -kansiot; ilmoita FILE:LINE:COL: error[CODE]: ...",
        "sv": "kontrollera berättelsefiler och mappar; rapportera FILE:LINE:COL: error[CODE]: ...",
    },
    "help-paths": {
        "en": "story ids, story files, story folders, or folders of stories",
        "fi": "tarinoiden tunnuksia, tarinatiedostoja, tarinakansioita tai tarinoiden kansioita",
        "sv": "berättelsers id, berättelsefiler, berättelsemappar eller mappar med berättelser",
    },
    "help-format": {
        "en": "output as text (default) or json",
        "fi": "tuloste tekstinä (oletus) tai json-muodossa",
        "sv": "utdata som text (standard) eller json",
    },
    "help-msg-lang": {
        "en": "language of the messages: fi, sv or en (default: from the locale)",
        "fi": "viestien kieli: fi, sv tai en (oletus: järjestelmän kieliasetus)",
        "sv": "meddelandenas språk: fi, sv eller en (standard: från systemets språk)",
    },
    "help-run": {
        "en": "play a story in the terminal, no window needed",
        "fi": "pelaa tarina päätteessä ilman ikkunaa",
        "sv": "spela en berättelse i terminalen, inget fönster behövs",
    },
    "help-story": {
        "en": "a story id, folder or file",
        "fi": "tarinan tunnus, kansio tai tiedosto",
        "sv": "en berättelses id, mapp eller fil",
    },
    "help-choose": {
        "en": "choices to take, 1-based among those available at each point, e.g. 2,1,3",
        "fi": "tehtävät valinnat numeroina (1 = ensimmäinen tarjolla oleva), esim. 2,1,3",
        "sv": "val att göra, numrerade från 1 bland de tillgängliga, t.ex. 2,1,3",
    },
    "help-story-lang": {
        "en": "language of the story (default: its first language)",
        "fi": "tarinan kieli (oletus: tarinan ensimmäinen kieli)",
        "sv": "berättelsens språk (standard: dess första språk)",
    },
    "help-json": {
        "en": "print the path, choices, final variables and ending as one JSON object",
        "fi": "tulosta polku, valinnat, muuttujien loppuarvot ja loppu yhtenä JSON-oliona",
        "sv": "skriv ut vägen, valen, variablernas slutvärden och slutet som ett JSON-objekt",
    },
    "help-schema": {
        "en": "print the JSON Schema of the story format, for editors",
        "fi": "tulosta tarinamuodon JSON Schema editoreita varten",
        "sv": "skriv ut berättelseformatets JSON Schema, för editorer",
    },
    "help-output": {
        "en": "write to this file instead of the screen",
        "fi": "kirjoita tähän tiedostoon näytön sijaan",
        "sv": "skriv till denna fil i stället för skärmen",
    },
    "help-play": {
        "en": "open a story straight away in the game window",
        "fi": "avaa tarina suoraan peli-ikkunaan",
        "sv": "öppna en berättelse direkt i spelfönstret",
    },
    "help-vote": {
        "en": "how the group votes: hands, secret, gamepads or counsellor",
        "fi": "miten ryhmä äänestää: hands (kädet), secret (salainen), gamepads (ohjaimet) "
              "tai counsellor (ohjaaja päättää)",
        "sv": "hur gruppen röstar: hands (handuppräckning), secret (hemligt), gamepads "
              "(kontroller) eller counsellor (handledaren bestämmer)",
    },
    "help-players": {
        "en": "how many players vote (secret ballot and gamepads)",
        "fi": "montako pelaajaa äänestää (salainen äänestys ja ohjaimet)",
        "sv": "hur många spelare röstar (hemlig omröstning och kontroller)",
    },
    "help-fullscreen": {
        "en": "start in full screen (F11 switches)",
        "fi": "aloita koko näytön tilassa (F11 vaihtaa)",
        "sv": "börja i helskärm (F11 växlar)",
    },
    "help-size": {
        "en": "window size, e.g. 1280x720",
        "fi": "ikkunan koko, esim. 1280x720",
        "sv": "fönstrets storlek, t.ex. 1280x720",
    },
    "help-text-size": {
        "en": "text size in percent, 100–200",
        "fi": "tekstin koko prosentteina, 100–200",
        "sv": "textstorlek i procent, 100–200",
    },
    "help-contrast": {
        "en": "high-contrast colours",
        "fi": "suuren kontrastin värit",
        "sv": "färger med hög kontrast",
    },
    "help-motion": {
        "en": "no animations",
        "fi": "ei animaatioita",
        "sv": "inga animationer",
    },
    "help-watch": {
        "en": "reload the story whenever its file is saved (for authors)",
        "fi": "lataa tarina uudelleen aina, kun tiedosto tallennetaan (kirjoittajille)",
        "sv": "ladda om berättelsen varje gång filen sparas (för skribenter)",
    },
    "unexpected": {
        "en": "porukka: something unexpected went wrong ({error}). Nothing already saved was "
              "lost. Run the same command with --verbose for the details.",
        "fi": "porukka: jokin odottamaton meni vikaan ({error}). Mitään jo tallennettua ei "
              "menetetty. Aja sama komento valitsimella --verbose, niin näet yksityiskohdat.",
        "sv": "porukka: något oväntat gick fel ({error}). Inget som redan sparats gick "
              "förlorat. Kör samma kommando med --verbose för detaljerna.",
    },
    "help-verbose": {
        "en": "tell what happens on the standard error (for support)",
        "fi": "kerro tapahtumista virhetulosteeseen (tukea varten)",
        "sv": "berätta vad som händer på standardfelet (för support)",
    },
    "help-console": {
        "en": "the counsellor's console window: auto (when a second display is present), on, off",
        "fi": "ohjaajan näkymä omassa ikkunassa: auto (kun toinen näyttö on kytketty), on, off",
        "sv": "handledarens vy i ett eget fönster: auto (när en andra skärm finns), on, off",
    },
    "bad-size": {
        "en": "--size takes WIDTHxHEIGHT, e.g. 1280x720; got '{value}'",
        "fi": "--size ottaa muodon LEVEYSxKORKEUS, esim. 1280x720; saatiin '{value}'",
        "sv": "--size tar BREDDxHÖJD, t.ex. 1280x720; fick '{value}'",
    },
    "bad-date": {
        "en": "{value!r} is not a date; write it as YYYY-MM-DD or D.M.YYYY",
        "fi": "{value!r} ei ole päivämäärä; kirjoita VVVV-KK-PP tai P.K.VVVV",
        "sv": "{value!r} är inget datum; skriv ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ",
    },
    "no-window": {
        "en": "the game window cannot be opened here ({reason}); 'porukka run STORY' plays "
              "in the terminal",
        "fi": "peli-ikkunaa ei voi avata tässä ({reason}); 'porukka run TARINA' pelaa "
              "päätteessä",
        "sv": "spelfönstret kan inte öppnas här ({reason}); 'porukka run BERÄTTELSE' spelar "
              "i terminalen",
    },
    "help-demo": {
        "en": "play the built-in demo story in the terminal",
        "fi": "pelaa sisäänrakennettu esittelytarina päätteessä",
        "sv": "spela den inbyggda demoberättelsen i terminalen",
    },
    "usage-error": {
        "en": "{prog}: {message}\nTry '{prog} --help'.",
        "fi": "{prog}: {message}\nKokeile '{prog} --help'.",
        "sv": "{prog}: {message}\nPröva '{prog} --help'.",
    },
    "no-path": {
        "en": "no such file or folder: {path}",
        "fi": "tiedostoa tai kansiota ei ole: {path}",
        "sv": "filen eller mappen finns inte: {path}",
    },
    "no-stories": {
        "en": "no stories in {path} (a story is <id>/story.yaml or <id>.yaml)",
        "fi": "kansiossa {path} ei ole tarinoita (tarina on <id>/story.yaml tai <id>.yaml)",
        "sv": "inga berättelser i {path} (en berättelse är <id>/story.yaml eller <id>.yaml)",
    },
    "summary": {
        "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
        "fi": "{files} tiedosto(a) tarkistettu: {errors} virhe(ttä), {warnings} varoitus(ta)",
        "sv": "{files} fil(er) kontrollerade: {errors} fel, {warnings} varning(ar)",
    },
    "story-not-found": {
        "en": "no story '{name}': give a story id, a folder or a file",
        "fi": "tarinaa '{name}' ei löydy: anna tarinan tunnus, kansio tai tiedosto",
        "sv": "ingen berättelse '{name}': ange ett id, en mapp eller en fil",
    },
    "story-invalid": {
        "en": "the story has errors and cannot be played; run 'porukka validate {path}'",
        "fi": "tarinassa on virheitä eikä sitä voi pelata; aja 'porukka validate {path}'",
        "sv": "berättelsen har fel och kan inte spelas; kör 'porukka validate {path}'",
    },
    "bad-choose": {
        "en": "--choose takes whole numbers separated by commas, e.g. 2,1,3; got '{value}'",
        "fi": "--choose ottaa pilkuin erotettuja kokonaislukuja, esim. 2,1,3; saatiin '{value}'",
        "sv": "--choose tar heltal åtskilda med komman, t.ex. 2,1,3; fick '{value}'",
    },
    "choice-not-available": {
        "en": "choice {number} is not available in scene '{scene}'; available: {available}",
        "fi": "valintaa {number} ei ole tarjolla kohtauksessa '{scene}'; tarjolla: {available}",
        "sv": "val {number} finns inte i scenen '{scene}'; tillgängliga: {available}",
    },
    "choices-left-over": {
        "en": "the story ended in scene '{scene}' but {count} choice number(s) were left over",
        "fi": "tarina päättyi kohtaukseen '{scene}', mutta {count} valintanumero(a) jäi yli",
        "sv": "berättelsen slutade i scenen '{scene}' men {count} valnummer blev över",
    },
    "no-choice-available": {
        "en": "no choice is available in scene '{scene}'; going on to the nearest ending, "
              "'{target}'",
        "fi": "kohtauksessa '{scene}' ei ole yhtään valintaa tarjolla; siirrytään lähimpään "
              "loppuun, '{target}'",
        "sv": "inget val finns i scenen '{scene}'; går vidare till närmaste slut, '{target}'",
    },
    "lang-fallback": {
        "en": "the story has no language '{lang}'; playing in '{used}' ({languages})",
        "fi": "tarinassa ei ole kieltä '{lang}'; pelataan kielellä '{used}' ({languages})",
        "sv": "berättelsen har inget språk '{lang}'; spelar på '{used}' ({languages})",
    },
    "prompt-choice": {
        "en": "Your choice (1–{n}, q to stop): ",
        "fi": "Valintanne (1–{n}, q lopettaa): ",
        "sv": "Ert val (1–{n}, q avslutar): ",
    },
    "prompt-continue": {
        "en": "[Enter to continue] ",
        "fi": "[Enter jatkaa] ",
        "sv": "[Enter för att fortsätta] ",
    },
    "invalid-input": {
        "en": "Type a number from 1 to {n}.",
        "fi": "Kirjoita numero 1–{n}.",
        "sv": "Skriv ett tal från 1 till {n}.",
    },
    "ending": {
        "en": "The end: {title}",
        "fi": "Loppu: {title}",
        "sv": "Slut: {title}",
    },
    "stopped": {
        "en": "(stopped before an ending)",
        "fi": "(lopetettu ennen loppua)",
        "sv": "(avslutat före slutet)",
    },
    "demo-intro": {
        "en": "No screen here, so Porukka plays its demo story in the terminal.",
        "fi": "Näyttöä ei ole, joten Porukka pelaa esittelytarinansa päätteessä.",
        "sv": "Ingen skärm här, så Porukka spelar sin demoberättelse i terminalen.",
    },
    "demo-auto": {
        "en": "(no keyboard attached: the choices are made at random)",
        "fi": "(ei näppäimistöä: valinnat tehdään sattumanvaraisesti)",
        "sv": "(inget tangentbord: valen görs slumpmässigt)",
    },
    "discuss": {
        "en": "Talk about it: {text}",
        "fi": "Keskustelkaa: {text}",
        "sv": "Diskutera: {text}",
    },
    "interrupted": {
        "en": "Stopped.",
        "fi": "Lopetettu.",
        "sv": "Avslutat.",
    },
    "write-failed": {
        "en": "cannot write {path}: {reason}",
        "fi": "tiedostoon {path} ei voi kirjoittaa: {reason}",
        "sv": "kan inte skriva {path}: {reason}",
    },
}


def t(key: str, ui: str, /, **params: Any) -> str:
    """The string `key` in the interface language nearest to `ui`."""
    entry = STRINGS[key]
    text = entry[interface_language(ui)]
    return text.format(**params) if params else text


def add_strings(table: dict[str, dict[str, str]]) -> None:
    """Add a module's own strings (each in fi, sv and en) to the shared table."""
    for key, entry in table.items():
        if key in STRINGS and STRINGS[key] != entry:
            raise ValueError(f"interface string {key!r} is defined twice")
        if set(entry) != set(LANGUAGES):
            raise ValueError(f"interface string {key!r} needs exactly fi, sv and en")
        STRINGS[key] = entry
