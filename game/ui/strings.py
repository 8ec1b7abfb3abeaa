"""Every word the game window shows, in Finnish, Swedish and English."""

from __future__ import annotations

from ..i18n import add_strings

UI_STRINGS: dict[str, dict[str, str]] = {
    "ui-title": {"fi": "Porukka", "sv": "Porukka", "en": "Porukka"},
    "ui-loading": {"fi": "Ladataan tarinoita…", "sv": "Berättelserna laddas…",
                   "en": "Loading the stories…"},
    "watch-error": {
        "fi": "Tarinassa on virhe, joten edellinen toimiva versio jatkuu. {error}",
        "sv": "Berättelsen har ett fel, så den senaste fungerande versionen fortsätter. {error}",
        "en": "The story has an error, so the last working version keeps playing. {error}",
    },
    "watch-reloaded": {"fi": "Tarina päivitetty", "sv": "Berättelsen uppdaterad",
                       "en": "Story updated"},
    "ui-tagline": {
        "fi": "Valitkaa tarina, josta puhutaan tänään",
        "sv": "Välj en berättelse att prata om i dag",
        "en": "Pick a story to talk about today",
    },
    "ui-minutes": {"fi": "n. {n} min", "sv": "ca {n} min", "en": "about {n} min"},
    "ui-scenes": {"fi": "{n} kohtausta", "sv": "{n} scener", "en": "{n} scenes"},
    "ui-broken-story": {
        "fi": "Tätä tarinaa ei voi pelata: {error}",
        "sv": "Den här berättelsen kan inte spelas: {error}",
        "en": "This story cannot be played: {error}",
    },
    "ui-settings": {"fi": "Asetukset", "sv": "Inställningar", "en": "Settings"},
    "ui-quit": {"fi": "Lopeta", "sv": "Avsluta", "en": "Quit"},
    "ui-back": {"fi": "Takaisin", "sv": "Tillbaka", "en": "Back"},
    "ui-start": {"fi": "Aloita", "sv": "Börja", "en": "Start"},
    "ui-no-stories": {
        "fi": "Tarinoita ei löytynyt.",
        "sv": "Inga berättelser hittades.",
        "en": "No stories were found.",
    },
    "ui-menu-hint": {
        "fi": "Nuolet ja Enter valitsevat · F1 ohje · F11 koko näyttö",
        "sv": "Pilar och Enter väljer · F1 hjälp · F11 helskärm",
        "en": "Arrows and Enter choose · F1 help · F11 full screen",
    },
    # set-up
    "ui-setup-title": {"fi": "Pelin asetukset", "sv": "Spelets inställningar",
                       "en": "Game set-up"},
    "ui-story-language": {"fi": "Tarinan kieli", "sv": "Berättelsens språk",
                          "en": "Story language"},
    "ui-vote-mode": {"fi": "Äänestystapa", "sv": "Röstningssätt", "en": "How to vote"},
    "ui-players": {"fi": "Pelaajia", "sv": "Spelare", "en": "Players"},
    "ui-player-n": {"fi": "Pelaaja {n}", "sv": "Spelare {n}", "en": "Player {n}"},
    "vote-hands": {"fi": "Kädet ylös", "sv": "Räck upp handen", "en": "Hands up"},
    "vote-secret": {"fi": "Salainen äänestys vuorotellen", "sv": "Hemlig omröstning i tur",
                    "en": "Secret ballot in turns"},
    "vote-gamepads": {"fi": "Peliohjaimet", "sv": "Spelkontroller", "en": "Gamepads"},
    "vote-counsellor": {"fi": "Ohjaaja päättää", "sv": "Handledaren bestämmer",
                        "en": "Counsellor decides"},
    "lang-fi": {"fi": "suomi", "sv": "finska", "en": "Finnish"},
    "lang-sv": {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"},
    "lang-en": {"fi": "englanti", "sv": "engelska", "en": "English"},
    "lang-fi-selko": {"fi": "selkosuomi", "sv": "lättläst finska", "en": "plain Finnish"},
    # play
    "ui-advance": {"fi": "Välilyönti: jatka", "sv": "Mellanslag: fortsätt",
                   "en": "Space: continue"},
    "ui-discuss": {"fi": "Keskustelkaa", "sv": "Diskutera", "en": "Talk it over"},
    "ui-timer": {"fi": "{m}:{s:02d}", "sv": "{m}:{s:02d}", "en": "{m}:{s:02d}"},
    "ui-timer-done": {
        "fi": "Aika on kulunut – jatkakaa rauhassa",
        "sv": "Tiden är ute – fortsätt i lugn och ro",
        "en": "Time is up – take your time",
    },
    "hint-counsellor": {
        "fi": "Ohjaaja: valitse numerolla, hiirellä tai ohjaimella",
        "sv": "Handledaren: välj med siffra, mus eller kontroll",
        "en": "Counsellor: choose with a number, the mouse or a gamepad",
    },
    "hint-hands": {
        "fi": "Laske kädet: valitse vaihtoehto ja muuta lukua + / −, Enter näyttää tuloksen",
        "sv": "Räkna händerna: välj alternativ och ändra med + / −, Enter visar resultatet",
        "en": "Count the hands: pick an option, change with + / −, Enter shows the result",
    },
    "hint-secret-turn": {
        "fi": "Vuorossa {name}: valitse numerolla tai napauttamalla. Muut eivät näe valintaa.",
        "sv": "Det är {name}s tur: välj med siffra eller tryck. De andra ser inte valet.",
        "en": "{name}'s turn: choose with a number or a tap. The others won't see it.",
    },
    "secret-handover": {
        "fi": "Seuraavaksi äänestää {name}",
        "sv": "Nästa att rösta: {name}",
        "en": "Next to vote: {name}",
    },
    "secret-handover-hint": {
        "fi": "Anna laite hänelle ja paina Enter tai napauta. S ohittaa.",
        "sv": "Ge apparaten till personen och tryck Enter eller tryck. S hoppar över.",
        "en": "Pass the device over and press Enter or tap. S skips.",
    },
    "hint-gamepads": {
        "fi": "Äänestäkää ohjaimilla: A, B, X, Y tai ristiohjain + A. Enter sulkee äänestyksen.",
        "sv": "Rösta med kontrollerna: A, B, X, Y eller styrkors + A. Enter stänger röstningen.",
        "en": "Vote on the gamepads: A, B, X, Y or D-pad + A. Enter closes the vote.",
    },
    "gamepads-none": {
        "fi": "Ohjaimia ei ole kytketty. Kytke ohjain tai valitse numerolla.",
        "sv": "Inga kontroller anslutna. Anslut en eller välj med siffra.",
        "en": "No gamepads connected. Plug one in or choose with a number.",
    },
    "gamepad-added": {"fi": "Ohjain liitetty: {name}", "sv": "Kontroll ansluten: {name}",
                      "en": "Gamepad connected: {name}"},
    "gamepad-removed": {
        "fi": "Ohjain irrotettiin ({name}). Ääni säilyy, jos se oli annettu.",
        "sv": "Kontrollen kopplades bort ({name}). En lagd röst finns kvar.",
        "en": "A gamepad was unplugged ({name}). A vote already cast stays.",
    },
    "who-voted": {"fi": "Äänestäneet: {n}/{total}", "sv": "Har röstat: {n}/{total}",
                  "en": "Voted: {n}/{total}"},
    "results-title": {"fi": "Tulos", "sv": "Resultat", "en": "Result"},
    "results-winner": {
        "fi": "Enemmistö valitsi: {text}. Enter jatkaa.",
        "sv": "Majoriteten valde: {text}. Enter fortsätter.",
        "en": "The majority chose: {text}. Enter continues.",
    },
    "results-tie": {
        "fi": "Tasapeli. Ohjaaja ratkaisee numerolla, tai R: äänestetään uudelleen.",
        "sv": "Oavgjort. Handledaren avgör med en siffra, eller R: rösta igen.",
        "en": "A tie. The counsellor decides with a number, or R: vote again.",
    },
    "results-none": {
        "fi": "Ei ääniä. Ohjaaja valitsee numerolla, tai R: äänestetään uudelleen.",
        "sv": "Inga röster. Handledaren väljer med en siffra, eller R: rösta igen.",
        "en": "No votes. The counsellor chooses with a number, or R: vote again.",
    },
    "results-split": {
        "fi": "Mielipiteet jakautuivat – hyvä kohta palata loppupohdinnassa.",
        "sv": "Åsikterna gick isär – en bra sak att återkomma till i reflektionen.",
        "en": "Opinions were split – a good point to come back to in the reflection.",
    },
    "votes-n": {"fi": "{n} ääntä", "sv": "{n} röster", "en": "{n} votes"},
    "stuck": {
        "fi": "Tässä kohdassa ei ole yhtään valintaa tarjolla. Enter vie lähimpään loppuun.",
        "sv": "Här finns inget val att göra. Enter går till närmaste slut.",
        "en": "No choice is available here. Enter goes on to the nearest ending.",
    },
    "ending-title": {"fi": "Loppu", "sv": "Slut", "en": "The end"},
    "mood-hopeful": {"fi": "Toiveikas loppu", "sv": "Ett hoppfullt slut",
                     "en": "A hopeful ending"},
    "mood-neutral": {"fi": "Tavallinen päivä jatkuu", "sv": "Vardagen fortsätter",
                     "en": "Everyday life goes on"},
    "mood-open": {"fi": "Tarina jää auki", "sv": "Berättelsen lämnas öppen",
                  "en": "The story is left open"},
    "ending-hint": {
        "fi": "Enter: jatketaan",
        "sv": "Enter: vi fortsätter",
        "en": "Enter: carry on",
    },
    "reflect-checkpoint": {
        "fi": "Välipysähdys: miltä tämä tuntuu? Enter jatkaa.",
        "sv": "Paus: hur känns det här? Enter fortsätter.",
        "en": "A pause to reflect: how does this feel? Enter continues.",
    },
    # counsellor
    "menu-title": {"fi": "Ohjaajan valikko", "sv": "Handledarens meny",
                   "en": "Counsellor's menu"},
    "menu-continue": {"fi": "Jatka", "sv": "Fortsätt", "en": "Continue"},
    "menu-pause": {"fi": "Tauko (P)", "sv": "Paus (P)", "en": "Pause (P)"},
    "menu-back": {"fi": "Askel taaksepäin (Backspace)", "sv": "Ett steg bakåt (Backspace)",
                  "en": "One step back (Backspace)"},
    "menu-skip": {"fi": "Hyppää loppuun (E)", "sv": "Hoppa till slutet (E)",
                  "en": "Skip to an ending (E)"},
    "menu-bigger": {"fi": "Isompi teksti (Ctrl +)", "sv": "Större text (Ctrl +)",
                    "en": "Bigger text (Ctrl +)"},
    "menu-smaller": {"fi": "Pienempi teksti (Ctrl −)", "sv": "Mindre text (Ctrl −)",
                     "en": "Smaller text (Ctrl −)"},
    "menu-timer-extend": {"fi": "Lisää aikaa +1 min (T)", "sv": "Mer tid +1 min (T)",
                          "en": "More time +1 min (T)"},
    "menu-timer-stop": {"fi": "Pysäytä ajastin (Shift+T)", "sv": "Stoppa timern (Shift+T)",
                        "en": "Stop the timer (Shift+T)"},
    "menu-help": {"fi": "Ohje (F1)", "sv": "Hjälp (F1)", "en": "Help (F1)"},
    "menu-end": {"fi": "Lopeta sessio", "sv": "Avsluta sessionen", "en": "End the session"},
    "menu-button": {"fi": "Valikko", "sv": "Meny", "en": "Menu"},
    "confirm-end": {
        "fi": "Lopetetaanko sessio? Kaikki tähänastinen on tallessa.",
        "sv": "Avsluta sessionen? Allt hittills är sparat.",
        "en": "End the session? Everything so far is kept.",
    },
    "yes-end": {"fi": "Kyllä, lopeta", "sv": "Ja, avsluta", "en": "Yes, end it"},
    "no-continue": {"fi": "Ei, jatketaan", "sv": "Nej, fortsätt", "en": "No, carry on"},
    "pause-title": {"fi": "Tauko", "sv": "Paus", "en": "Pause"},
    "pause-hint": {
        "fi": "Tarina odottaa. Jatka painamalla mitä tahansa näppäintä tai napauttamalla.",
        "sv": "Berättelsen väntar. Fortsätt med valfri tangent eller ett tryck.",
        "en": "The story is waiting. Press any key or tap to continue.",
    },
    "help-title": {"fi": "Ohje", "sv": "Hjälp", "en": "Help"},
    "help-keys": {
        "fi": "Välilyönti / Enter / napautus: jatka\n1–6: valitse vaihtoehto\n"
              "Esc tai Valikko: ohjaajan valikko\nP: tauko\nBackspace: askel taaksepäin\n"
              "E: hyppää loppuun\nT / Shift+T: lisää aikaa / pysäytä ajastin\n"
              "Ctrl + / Ctrl −: tekstin koko\nF11: koko näyttö\nF1: tämä ohje",
        "sv": "Mellanslag / Enter / tryck: fortsätt\n1–6: välj alternativ\n"
              "Esc eller Meny: handledarens meny\nP: paus\nBackspace: ett steg bakåt\n"
              "E: hoppa till slutet\nT / Shift+T: mer tid / stoppa timern\n"
              "Ctrl + / Ctrl −: textstorlek\nF11: helskärm\nF1: denna hjälp",
        "en": "Space / Enter / tap: continue\n1–6: pick an option\n"
              "Esc or Menu: counsellor's menu\nP: pause\nBackspace: one step back\n"
              "E: skip to an ending\nT / Shift+T: more time / stop the timer\n"
              "Ctrl + / Ctrl −: text size\nF11: full screen\nF1: this help",
    },
    "help-close": {"fi": "Sulje painamalla mitä tahansa näppäintä",
                   "sv": "Stäng med valfri tangent", "en": "Press any key to close"},
    # settings
    "set-language": {"fi": "Käyttöliittymän kieli", "sv": "Gränssnittets språk",
                     "en": "Interface language"},
    "set-text-size": {"fi": "Tekstin koko", "sv": "Textstorlek", "en": "Text size"},
    "set-contrast": {"fi": "Suuri kontrasti", "sv": "Hög kontrast", "en": "High contrast"},
    "set-motion": {"fi": "Vähennä liikettä", "sv": "Minska rörelse", "en": "Reduce motion"},
    "set-read-aloud": {"fi": "Lue ääneen", "sv": "Läs upp", "en": "Read aloud"},
    "set-read-aloud-missing": {
        "fi": "Lue ääneen (ei saatavilla: asenna espeak-ng)",
        "sv": "Läs upp (inte tillgängligt: installera espeak-ng)",
        "en": "Read aloud (not available: install espeak-ng)",
    },
    "on": {"fi": "päällä", "sv": "på", "en": "on"},
    "off": {"fi": "pois", "sv": "av", "en": "off"},
    # notes and errors
    "note-no-audio": {"fi": "Ääntä ei voi toistaa tällä koneella.",
                      "sv": "Ljud kan inte spelas på den här datorn.",
                      "en": "Sound cannot be played on this computer."},
    "note-sound": {"fi": "Ääntä ei voitu toistaa: {name}", "sv": "Ljudet kunde inte spelas: {name}",
                   "en": "The sound could not be played: {name}"},
    "note-image": {"fi": "Kuvaa ei voitu näyttää: {name}", "sv": "Bilden kunde inte visas: {name}",
                   "en": "The picture could not be shown: {name}"},
    "error-title": {"fi": "Nyt meni jokin vikaan", "sv": "Något gick fel",
                    "en": "Something went wrong"},
    "error-body": {
        "fi": "Tämä ei ole teidän vikanne. Kaikki tähänastinen on tallessa. "
              "Voitte yrittää jatkaa tai lopettaa session.",
        "sv": "Det är inte ert fel. Allt hittills är sparat. "
              "Ni kan försöka fortsätta eller avsluta sessionen.",
        "en": "This is not your fault. Everything so far is kept. "
              "You can try to carry on or end the session.",
    },
    "error-retry": {"fi": "Yritä jatkaa", "sv": "Försök fortsätta", "en": "Try to carry on"},
    "console-title": {"fi": "Ohjaajan näkymä", "sv": "Handledarens vy",
                      "en": "Counsellor's console"},
    "console-next": {"fi": "Seuraavaksi: {items}", "sv": "Härnäst: {items}",
                     "en": "Coming up: {items}"},
    "console-scene": {"fi": "Kohtaus: {scene}", "sv": "Scen: {scene}", "en": "Scene: {scene}"},
    "console-guide": {"fi": "Ohjaajan muistiinpanot", "sv": "Handledarens anteckningar",
                      "en": "Counsellor's notes"},
}

add_strings(UI_STRINGS)
