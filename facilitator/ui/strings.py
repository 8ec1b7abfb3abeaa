"""Every word of the facilitator's screens, in Finnish, Swedish and English (keys `fs-`).

The wording of the reflection is always encouraging and never a score, rank or judgement of a
person; the "me now" screen says plainly that it is not an assessment.
"""

from __future__ import annotations

from game.i18n import STRINGS, add_strings

FS_STRINGS: dict[str, dict[str, str]] = {
    "fs-open-report": {
        "fi": "Raportti selaimeen (R, ohjaajalle)",
        "sv": "Rapporten i webbläsaren (R, för handledaren)",
        "en": "Report in the browser (R, for the counsellor)",
    },
    "fs-report-opened": {
        "fi": "Raportti avattiin selaimeen.",
        "sv": "Rapporten öppnades i webbläsaren.",
        "en": "The report was opened in the browser.",
    },
    "fs-report-failed": {
        "fi": "Raporttia ei voitu avata. Sen saa myöhemmin komennolla porukka report.",
        "sv": "Rapporten kunde inte öppnas. Den fås senare med kommandot porukka report.",
        "en": "The report could not be opened. It can be made later with porukka report.",
    },
    # -- set-up: who is here --------------------------------------------------------------
    "fs-setup-title": {"fi": "Keitä tänään on paikalla?", "sv": "Vilka är här i dag?",
                       "en": "Who is here today?"},
    "fs-group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "fs-no-group": {"fi": "ei vielä ryhmää", "sv": "ingen grupp än", "en": "no group yet"},
    "fs-new-group": {"fi": "Uusi ryhmä", "sv": "Ny grupp", "en": "New group"},
    "fs-new-group-title": {"fi": "Uusi ryhmä", "sv": "En ny grupp", "en": "A new group"},
    "fs-group-name-hint": {
        "fi": "Anna ryhmälle nimi, esimerkiksi Tiistairyhmä.",
        "sv": "Ge gruppen ett namn, till exempel Tisdagsgruppen.",
        "en": "Give the group a name, for example Tiistairyhmä.",
    },
    "fs-group-name-placeholder": {"fi": "Ryhmän nimi", "sv": "Gruppens namn",
                                  "en": "Name of the group"},
    "fs-create": {"fi": "Luo ryhmä", "sv": "Skapa gruppen", "en": "Create the group"},
    "fs-cancel": {"fi": "Peruuta", "sv": "Avbryt", "en": "Cancel"},
    "fs-nickname-placeholder": {"fi": "Uuden osallistujan lempinimi",
                                "sv": "En ny deltagares smeknamn",
                                "en": "A new participant's nickname"},
    "fs-add": {"fi": "Lisää", "sv": "Lägg till", "en": "Add"},
    "fs-status-present": {"fi": "paikalla", "sv": "här i dag", "en": "here today"},
    "fs-status-absent": {"fi": "ei tänään", "sv": "inte i dag", "en": "not today"},
    "fs-status-left": {"fi": "lähtenyt ryhmästä", "sv": "har lämnat gruppen",
                       "en": "has left the group"},
    "fs-no-participants": {
        "fi": "Ryhmässä ei ole vielä ketään. Lisää osallistujat lempinimellä alla.",
        "sv": "Gruppen har ingen än. Lägg till deltagarna med smeknamn nedan.",
        "en": "Nobody in the group yet. Add the participants by nickname below.",
    },
    "fs-make-group-first": {
        "fi": "Luo ensin ryhmä: Uusi ryhmä.",
        "sv": "Skapa först en grupp: Ny grupp.",
        "en": "First create a group: New group.",
    },
    "fs-added": {"fi": "{name} lisättiin.", "sv": "{name} lades till.", "en": "{name} was added."},
    "fs-present-count": {"fi": "Paikalla {n}", "sv": "Här i dag: {n}", "en": "Here today: {n}"},
    "fs-need-present": {
        "fi": "Merkitse ainakin yksi paikalla olevaksi.",
        "sv": "Markera minst en person som här i dag.",
        "en": "Mark at least one person as here today.",
    },
    "fs-next": {"fi": "Seuraava", "sv": "Nästa", "en": "Next"},
    "fs-setup-hint": {
        "fi": "Nuolet liikkuvat · Enter vaihtaa paikalla / ei tänään · kirjoita lempinimi ja Enter",
        "sv": "Pilarna flyttar · Enter växlar här / inte i dag · skriv ett smeknamn och Enter",
        "en": "Arrows move · Enter switches here / not today · type a nickname and press Enter",
    },
    # -- set-up: the session's options -------------------------------------------------------
    "fs-options-title": {"fi": "Tämän kerran asetukset", "sv": "Dagens inställningar",
                         "en": "Today's session"},
    "fs-reflection": {"fi": "Minä nyt -arviot", "sv": "Jag nu-skattningar",
                      "en": "Me-now ratings"},
    "fs-reflection-private": {"fi": "vuorotellen, yksityisesti", "sv": "i tur, privat",
                              "en": "in turns, private"},
    "fs-reflection-skip": {"fi": "ei tällä kertaa", "sv": "inte den här gången",
                           "en": "not this time"},
    "fs-start-failed": {
        "fi": "Tapaamista ei voitu aloittaa: {reason}",
        "sv": "Träffen kunde inte börja: {reason}",
        "en": "The session could not be started: {reason}",
    },
    # -- the story mirror --------------------------------------------------------------------
    "fs-mirror-title": {"fi": "Tarinan peili", "sv": "Berättelsens spegel",
                        "en": "The story mirror"},
    "fs-mirror-subtitle": {
        "fi": "Mihin teidän valintanne nojasivat",
        "sv": "Vad era val byggde på",
        "en": "What your choices drew on",
    },
    "fs-mirror-none": {
        "fi": "Valintoja ei tehty vielä – sekin on ihan hyvä.",
        "sv": "Inga val har gjorts än – det är helt okej.",
        "en": "No choices were made yet – and that is fine.",
    },
    "fs-mirror-zero": {
        "fi": "{domain}: ei tällä kertaa – ehkä ensi kerralla.",
        "sv": "{domain}: inte den här gången – kanske nästa gång.",
        "en": "{domain}: not this time – maybe next time.",
    },
    "fs-mirror-once": {
        "fi": "Valitsitte näin kerran – {domain}",
        "sv": "Ni valde så här en gång – {domain}",
        "en": "You chose this way once – {domain}",
    },
    "fs-mirror-twice": {
        "fi": "Valitsitte näin kahdesti – {domain}",
        "sv": "Ni valde så här två gånger – {domain}",
        "en": "You chose this way twice – {domain}",
    },
    "fs-mirror-times": {
        "fi": "Valitsitte näin {n} kertaa – {domain}",
        "sv": "Ni valde så här {n} gånger – {domain}",
        "en": "You chose this way {n} times – {domain}",
    },
    "fs-mirror-split": {"fi": "mielipiteet jakautuivat", "sv": "åsikterna gick isär",
                        "en": "opinions were split"},
    "fs-mirror-more": {"fi": "…ja {n} muuta", "sv": "…och {n} till", "en": "…and {n} more"},
    "fs-mirror-hint": {
        "fi": "Nuolet tai napautus: katsokaa jokaista osaa · Enter jatkaa",
        "sv": "Pilarna eller en tryckning: titta på varje del · Enter fortsätter",
        "en": "Arrows or a tap: look at each part · Enter continues",
    },
    "fs-continue": {"fi": "Jatketaan", "sv": "Fortsätt", "en": "Continue"},
    "fs-back-to-story": {"fi": "Takaisin tarinaan", "sv": "Tillbaka till berättelsen",
                         "en": "Back to the story"},
    "fs-rate-now": {"fi": "Minä nyt -arviot nyt", "sv": "Jag nu-skattningar nu",
                    "en": "Me-now ratings now"},
    # the reflection domains (the names in the story format's table)
    "fs-domain-mieli": {"fi": "Mieli", "sv": "Sinne", "en": "Mind"},
    "fs-domain-keho": {"fi": "Keho", "sv": "Kropp", "en": "Body"},
    "fs-domain-arki": {"fi": "Arki", "sv": "Vardag", "en": "Everyday life"},
    "fs-domain-taidot": {"fi": "Taidot", "sv": "Färdigheter", "en": "Skills"},
    "fs-domain-yhdessa": {"fi": "Yhdessä", "sv": "Tillsammans", "en": "Together"},
    # -- me now ------------------------------------------------------------------------------
    "fs-rating-turn": {"fi": "Vuorossa {name}: minä nyt", "sv": "{name}s tur: jag nu",
                       "en": "{name}'s turn: me now"},
    "fs-rating-handover-hint": {
        "fi": "Vastaukset näkee vain {name}: muut voivat katsoa hetken muualle. "
              "Enter tai napautus aloittaa. S ohittaa vuoron.",
        "sv": "Bara {name} ser svaren: de andra kan titta bort en stund. "
              "Enter eller en tryckning börjar. S hoppar över turen.",
        "en": "Only {name} sees the answers: the others can look away for a moment. "
              "Enter or a tap starts. S skips this turn.",
    },
    "fs-rating-title": {"fi": "{name} – minä nyt", "sv": "{name} – jag nu",
                        "en": "{name} – me now"},
    "fs-rating-question": {
        "fi": "Miten sinulla menee nyt? 0 = tosi huonosti, 10 = tosi hyvin.",
        "sv": "Hur går det för dig nu? 0 = riktigt dåligt, 10 = riktigt bra.",
        "en": "How are things going for you now? 0 = really badly, 10 = really well.",
    },
    "fs-not-assessment": {
        "fi": "Tämä ei ole arviointi: oikeita vastauksia ei ole, ja minkä tahansa voi ohittaa.",
        "sv": "Det här är ingen bedömning: det finns inga rätta svar, och allt kan hoppas över.",
        "en": "This is not an assessment: there are no right answers, and you can skip any of "
              "it.",
    },
    "fs-outline-last-time": {"fi": "Ääriviiva: viime kerta", "sv": "Kontur: förra gången",
                             "en": "Outline: last time"},
    "fs-change-up": {"fi": "askel ylöspäin viime kerrasta", "sv": "ett steg uppåt sedan sist",
                     "en": "a step up from last time"},
    "fs-change-same": {"fi": "kuten viimeksi – tasainenkin on hyvä",
                       "sv": "som förra gången – stadigt är också bra",
                       "en": "as before – steady is good too"},
    "fs-change-down": {"fi": "eri kuin viimeksi – hyvä, että huomaat sen",
                       "sv": "annorlunda än sist – bra att du märker det",
                       "en": "different from last time – good that you notice it"},
    "fs-change-first": {"fi": "ensimmäinen merkintä – hyvä alku",
                        "sv": "ditt första märke – en bra start",
                        "en": "a first mark – a good start"},
    "fs-change-skipped": {"fi": "ohitettu – sekin käy", "sv": "överhoppad – det går bra",
                          "en": "skipped – that is fine"},
    "fs-change-open": {"fi": "valitse askel, tai jätä tyhjäksi",
                       "sv": "välj ett steg, eller lämna tomt",
                       "en": "pick a step, or leave it empty"},
    "fs-done": {"fi": "Valmis", "sv": "Klar", "en": "Done"},
    "fs-skip-turn": {"fi": "Ohita vuoro", "sv": "Hoppa över", "en": "Skip my turn"},
    "fs-rating-hint": {
        "fi": "Ylös/alas: rivi · vasen/oikea tai 0–9: askel · Delete tyhjentää · Enter: seuraava",
        "sv": "Upp/ner: rad · vänster/höger eller 0–9: steg · Delete tömmer · Enter: nästa",
        "en": "Up/down: row · left/right or 0–9: step · Delete clears · Enter: next",
    },
    # -- feedback ----------------------------------------------------------------------------
    "fs-feedback-title": {"fi": "{name}, miten tänään meni?",
                          "sv": "{name}, hur var det i dag?",
                          "en": "{name}, how was today?"},
    "fs-feedback-word": {"fi": "Yksi sana, jos haluat:", "sv": "Ett ord, om du vill:",
                         "en": "One word, if you like:"},
    "fs-feedback-word-placeholder": {"fi": "vapaaehtoinen", "sv": "frivilligt",
                                     "en": "optional"},
    "fs-feedback-hint": {
        "fi": "1–5 tai napauta kasvoja · kirjoita sana · Enter: valmis · S ohittaa",
        "sv": "1–5 eller tryck på ett ansikte · skriv ett ord · Enter: klar · S hoppar över",
        "en": "1–5 or tap a face · type a word · Enter: done · S skips",
    },
    # -- the end -----------------------------------------------------------------------------
    "fs-thanks-title": {"fi": "Kiitos tästä kerrasta!", "sv": "Tack för i dag!",
                        "en": "Thank you for today!"},
    "fs-thanks-body": {
        "fi": "Tapaaminen on tallessa. Mukana oli {n}.",
        "sv": "Träffen är sparad. {n} var med.",
        "en": "The session is saved. {n} took part.",
    },
    "fs-end-failed": {
        "fi": "Lopun tallennus ei onnistunut ({reason}). Kaikki tähänastinen on tallessa, ja "
              "tapaaminen tarjotaan jatkettavaksi seuraavalla käynnistyskerralla.",
        "sv": "Slutet kunde inte sparas ({reason}). Allt hittills är sparat, och träffen "
              "erbjuds att fortsätta nästa gång programmet startar.",
        "en": "Saving the end did not work ({reason}). Everything so far is kept, and the "
              "session will be offered for resuming at the next start.",
    },
    "fs-to-menu": {"fi": "Takaisin valikkoon", "sv": "Tillbaka till menyn",
                   "en": "Back to the menu"},
    # -- resume ------------------------------------------------------------------------------
    "fs-resume-title": {"fi": "Yksi tapaaminen jäi kesken", "sv": "En träff blev oavslutad",
                        "en": "A session was left unfinished"},
    "fs-resume-calm": {
        "fi": "Mitään ei menetetty: kaikki siihen hetkeen asti on tallessa.",
        "sv": "Inget gick förlorat: allt fram till den stunden är sparat.",
        "en": "Nothing was lost: everything up to that moment is saved.",
    },
    "fs-resume-when": {"fi": "Aloitettu {day}.{month}. klo {hour}.{minute:02d}",
                       "sv": "Började {day}/{month} kl. {hour}.{minute:02d}",
                       "en": "Started {day}/{month} at {hour}:{minute:02d}"},
    "fs-resume-where": {"fi": "Kesken jäi: {where}", "sv": "Det stannade vid: {where}",
                        "en": "It stopped at: {where}"},
    "fs-resume-at-start": {"fi": "tarinan alku", "sv": "berättelsens början",
                           "en": "the start of the story"},
    "fs-resume-votes": {
        "fi": "Tässä valinnassa oli annettu jo {n}/{total} ääntä – ne säilyvät.",
        "sv": "Vid det valet hade redan {n}/{total} röstat – rösterna finns kvar.",
        "en": "{n} of {total} had already voted at that choice – the votes are kept.",
    },
    "fs-resume-resume": {"fi": "Jatketaan siitä, mihin jäätiin",
                         "sv": "Fortsätt där vi slutade",
                         "en": "Carry on where we stopped"},
    "fs-resume-close": {"fi": "Merkitään keskeytyneeksi", "sv": "Stäng den som avbruten",
                        "en": "Close it as interrupted"},
    "fs-resume-later": {"fi": "Päätetään myöhemmin", "sv": "Bestäm senare",
                        "en": "Decide later"},
    "fs-resume-no-story": {
        "fi": "Tarinaa {story} ei enää löydy, joten tapaamisen voi vain merkitä keskeytyneeksi.",
        "sv": "Berättelsen {story} finns inte längre, så träffen kan bara stängas som avbruten.",
        "en": "The story {story} is not available any more, so the session can only be closed.",
    },
    "fs-resume-failed": {
        "fi": "Jatkaminen ei onnistunut: tarinaa on ehkä muutettu sen jälkeen, tai tallenne on "
              "vaurioitunut. Voit sulkea session keskeytyneenä; kaikki tallennettu säilyy.",
        "sv": "Det gick inte att fortsätta: berättelsen kan ha ändrats sedan dess, eller så är "
              "sparningen skadad. Du kan stänga sessionen som avbruten; allt sparat finns kvar.",
        "en": "Carrying on did not work: the story may have changed since, or the saved state is "
              "damaged. You can close the session as interrupted; everything saved is kept.",
    },
    "fs-close-failed": {
        "fi": "Session sulkeminen ei onnistunut. Mitään ei menetetty; yritä myöhemmin uudelleen.",
        "sv": "Sessionen kunde inte stängas. Inget gick förlorat; försök igen senare.",
        "en": "The session could not be closed. Nothing was lost; try again later.",
    },
}

if not all(key in STRINGS for key in FS_STRINGS):
    add_strings({k: v for k, v in FS_STRINGS.items() if k not in STRINGS})
