"""The words of `porukka simulate` and of its rehearsal window, in Finnish, Swedish and English.

Import-light on purpose (only `game.i18n`): the command line registers them at start-up.
"""

from __future__ import annotations

from game.i18n import STRINGS, add_strings

SIM_STRINGS: dict[str, dict[str, str]] = {
    "sim-help": {
        "en": "play simulated sessions through the real session log: demo data, a rehearsal "
              "to watch (--show), load and crash tests",
        "fi": "pelaa simuloituja tapaamisia oikeaan tapaamislokiin: esittelyaineistoa, "
              "katsottava harjoitus (--show), kuormitus- ja kaatumistestit",
        "sv": "spela simulerade träffar i den riktiga träffloggen: demodata, en övning att "
              "titta på (--show), belastnings- och krastester",
    },
    "sim-help-stories": {
        "en": "stories to play, one a session in turn (default: every built-in story)",
        "fi": "pelattavat tarinat vuorotellen, yksi tapaamista kohden (oletus: kaikki "
              "valmiit tarinat)",
        "sv": "berättelser att spela, en per träff i tur och ordning (standard: alla inbyggda)",
    },
    "sim-help-group": {
        "en": "the simulated group's name; made if it does not exist (default: '{default}')",
        "fi": "simuloidun ryhmän nimi; ryhmä luodaan, jos sitä ei ole (oletus: '{default}')",
        "sv": "den simulerade gruppens namn; skapas om den inte finns (standard: '{default}')",
    },
    "sim-help-participants": {
        "en": "participants in the group, 2–8 (default: 6)",
        "fi": "osallistujia ryhmässä, 2–8 (oletus: 6)",
        "sv": "deltagare i gruppen, 2–8 (standard: 6)",
    },
    "sim-help-sessions": {
        "en": "sessions to play, at least 1 (default: 20)",
        "fi": "pelattavia tapaamisia, vähintään 1 (oletus: 20)",
        "sv": "träffar att spela, minst 1 (standard: 20)",
    },
    "sim-help-seed": {
        "en": "the same seed plays the same sessions again (default: a new seed, printed at "
              "the end)",
        "fi": "sama siemenluku pelaa samat tapaamiset uudelleen (oletus: uusi, tulostetaan "
              "lopuksi)",
        "sv": "samma frö spelar samma träffar igen (standard: ett nytt, skrivs ut i slutet)",
    },
    "sim-help-vote-mode": {
        "en": "how the group votes (default: secret)",
        "fi": "miten ryhmä äänestää (oletus: secret eli salainen)",
        "sv": "hur gruppen röstar (standard: secret, sluten omröstning)",
    },
    "sim-help-lang": {
        "en": "language of the stories (default: each story's first language)",
        "fi": "tarinoiden kieli (oletus: kunkin tarinan ensimmäinen kieli)",
        "sv": "berättelsernas språk (standard: varje berättelses första språk)",
    },
    "sim-help-show": {
        "en": "play in the game window at reading pace, to watch a rehearsal",
        "fi": "pelaa peli-ikkunassa lukutahdissa, jotta harjoitusta voi seurata",
        "sv": "spela i spelfönstret i lästakt, för att följa en övning",
    },
    "sim-help-pace": {
        "en": "with --show: 1 = reading pace, 0.5 = twice as fast, 0 = as fast as it goes "
              "(default: 1)",
        "fi": "--show-tilassa: 1 = lukutahti, 0.5 = kaksi kertaa nopeammin, 0 = niin nopeasti "
              "kuin pääsee (oletus: 1)",
        "sv": "med --show: 1 = lästakt, 0.5 = dubbelt så snabbt, 0 = så snabbt det går "
              "(standard: 1)",
    },
    "sim-help-start": {
        "en": "date the sessions on simulated time, one a week from DATE (YYYY-MM-DD); "
              "default: the real time",
        "fi": "päivää tapaamiset simuloidulla ajalla, yksi viikossa päivästä DATE alkaen "
              "(VVVV-KK-PP); oletus: todellinen aika",
        "sv": "datera träffarna med simulerad tid, en i veckan från DATE (ÅÅÅÅ-MM-DD); "
              "standard: den verkliga tiden",
    },
    "sim-help-writer": {
        "en": "thread: the log's writer thread stores events in batches (default, faster); "
              "sync: one durable write per event",
        "fi": "thread: lokin kirjoitussäie tallentaa tapahtumat erissä (oletus, nopeampi); "
              "sync: jokainen tapahtuma tallennetaan erikseen",
        "sv": "thread: loggens skrivtråd sparar händelser i omgångar (standard, snabbare); "
              "sync: varje händelse sparas för sig",
    },
    "sim-help-trace": {
        "en": "print a line for every event once it is durable (for crash tests)",
        "fi": "tulosta rivi jokaisesta tapahtumasta heti, kun se on tallessa (kaatumistestejä "
              "varten)",
        "sv": "skriv en rad för varje händelse så snart den är sparad (för krastester)",
    },
    "sim-help-size": {
        "en": "with --show: window size WIDTHxHEIGHT (default: 1280x720)",
        "fi": "--show-tilassa: ikkunan koko LEVEYSxKORKEUS (oletus: 1280x720)",
        "sv": "med --show: fönstrets storlek BREDDxHÖJD (standard: 1280x720)",
    },
    "sim-help-fullscreen": {
        "en": "with --show: full screen",
        "fi": "--show-tilassa: koko näyttö",
        "sv": "med --show: helskärm",
    },
    "sim-default-group": {
        "en": "Demo group",
        "fi": "Demoryhmä",
        "sv": "Demogrupp",
    },
    "sim-bad-participants": {
        "en": "--participants must be between {low} and {high}; got {value}",
        "fi": "--participants-arvon pitää olla {low}–{high}; saatiin {value}",
        "sv": "--participants ska vara mellan {low} och {high}; fick {value}",
    },
    "sim-bad-sessions": {
        "en": "--sessions must be at least 1; got {value}",
        "fi": "--sessions-arvon pitää olla vähintään 1; saatiin {value}",
        "sv": "--sessions ska vara minst 1; fick {value}",
    },
    "sim-bad-pace": {
        "en": "--pace must be 0 or more; got {value}",
        "fi": "--pace-arvon pitää olla 0 tai enemmän; saatiin {value}",
        "sv": "--pace ska vara 0 eller mer; fick {value}",
    },
    "sim-bad-start": {
        "en": "--start takes a date YYYY-MM-DD, e.g. 2025-01-07; got '{value}'",
        "fi": "--start ottaa päivämäärän muodossa VVVV-KK-PP, esim. 2025-01-07; saatiin "
              "'{value}'",
        "sv": "--start tar ett datum ÅÅÅÅ-MM-DD, t.ex. 2025-01-07; fick '{value}'",
    },
    "sim-real-group": {
        "en": "'{name}' is a real group: simulated sessions go only into simulated groups, so "
              "that no real person's history changes. Choose another name with --group.",
        "fi": "'{name}' on oikea ryhmä: simuloidut tapaamiset menevät vain simuloituihin "
              "ryhmiin, jottei kenenkään oikean ihmisen historia muutu. Valitse toinen nimi "
              "valitsimella --group.",
        "sv": "'{name}' är en riktig grupp: simulerade träffar går bara till simulerade grupper, "
              "så att ingen verklig persons historik ändras. Välj ett annat namn med --group.",
    },
    "sim-story-lang": {
        "en": "'{story}' has no language '{lang}'; it is played in '{used}'",
        "fi": "tarinassa '{story}' ei ole kieltä '{lang}'; se pelataan kielellä '{used}'",
        "sv": "'{story}' har inget språk '{lang}'; den spelas på '{used}'",
    },
    "sim-summary": {
        "en": "Simulated {sessions} session(s) for group '{group}': {events} events, all "
              "durable, in {seconds} s ({rate} sessions/s). Seed {seed}.",
        "fi": "Simuloitiin {sessions} tapaamista ryhmälle '{group}': {events} tapahtumaa, "
              "kaikki tallessa, {seconds} sekunnissa ({rate} tapaamista/s). Siemenluku {seed}.",
        "sv": "Simulerade {sessions} träff(ar) för gruppen '{group}': {events} händelser, alla "
              "sparade, på {seconds} s ({rate} träffar/s). Frö {seed}.",
    },
    "sim-stopped": {
        "en": "Stopped early: session {session} was ended as interrupted.",
        "fi": "Keskeytettiin: tapaaminen {session} päätettiin keskeytyneenä.",
        "sv": "Avbröts: träffen {session} avslutades som avbruten.",
    },
    "sim-where": {
        "en": "Data folder: {path}",
        "fi": "Datakansio: {path}",
        "sv": "Datamapp: {path}",
    },
    "sim-next": {
        "en": "Next: 'porukka sessions' lists them; 'porukka report --group \"{group}\" -o "
              "report.html' makes a report.",
        "fi": "Seuraavaksi: 'porukka sessions' listaa ne; 'porukka report --group \"{group}\" "
              "-o report.html' tekee raportin.",
        "sv": "Nästa: 'porukka sessions' listar dem; 'porukka report --group \"{group}\" -o "
              "report.html' gör en rapport.",
    },
    # the rehearsal window
    "sim-window-title": {
        "en": "Porukka – rehearsal (simulated group)",
        "fi": "Porukka – harjoitus (simuloitu ryhmä)",
        "sv": "Porukka – övning (simulerad grupp)",
    },
    "sim-title": {
        "en": "Rehearsal with a simulated group",
        "fi": "Harjoitus simuloidulla ryhmällä",
        "sv": "Övning med en simulerad grupp",
    },
    "sim-note": {
        "en": "Simulated group: demo data, not real people",
        "fi": "Simuloitu ryhmä: esittelyaineistoa, ei oikeita ihmisiä",
        "sv": "Simulerad grupp: demodata, inga verkliga personer",
    },
    "sim-session-n": {
        "en": "Session {n} of {total}: {story}",
        "fi": "Tapaaminen {n}/{total}: {story}",
        "sv": "Träff {n} av {total}: {story}",
    },
    "sim-present": {
        "en": "Present: {names}",
        "fi": "Paikalla: {names}",
        "sv": "Närvarande: {names}",
    },
    "sim-reflecting": {
        "en": "Me now: everyone rates the story's themes privately",
        "fi": "Minä nyt: jokainen arvioi tarinan teemat omassa rauhassaan",
        "sv": "Jag nu: var och en bedömer berättelsens teman i lugn och ro",
    },
    "sim-feedback": {
        "en": "How was today?",
        "fi": "Millainen päivä oli?",
        "sv": "Hur var dagen?",
    },
    "sim-ended": {
        "en": "The session has ended and is stored.",
        "fi": "Tapaaminen päättyi, ja se on tallessa.",
        "sv": "Träffen är slut och sparad.",
    },
    "sim-done": {
        "en": "Done: {sessions} session(s), {events} events",
        "fi": "Valmis: {sessions} tapaamista, {events} tapahtumaa",
        "sv": "Klart: {sessions} träff(ar), {events} händelser",
    },
    "sim-done-hint": {
        "en": "Press any key or close the window.",
        "fi": "Paina mitä tahansa näppäintä tai sulje ikkuna.",
        "sv": "Tryck på valfri tangent eller stäng fönstret.",
    },
    "sim-desync": {
        "en": "The rehearsal stopped: the play screen went somewhere the simulation did not "
              "expect. The session was ended as interrupted.",
        "fi": "Harjoitus pysähtyi: pelinäkymä siirtyi kohtaan, jota simulaatio ei odottanut. "
              "Tapaaminen päätettiin keskeytyneenä.",
        "sv": "Övningen stannade: spelvyn gick någonstans som simuleringen inte väntade sig. "
              "Träffen avslutades som avbruten.",
    },
}

if not all(key in STRINGS for key in SIM_STRINGS):
    add_strings({k: v for k, v in SIM_STRINGS.items() if k not in STRINGS})
