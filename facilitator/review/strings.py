"""The review's words in Finnish, Swedish and English: the commands and the reports.

Registered with `game.i18n.add_strings` (keys `rev-…`) and read with `game.i18n.t`. The
wording describes what the group did and how people themselves said they feel; it never
scores, ranks or judges a person.
"""

from __future__ import annotations

from game.i18n import STRINGS, add_strings

REVIEW_STRINGS: dict[str, dict[str, str]] = {
    # --- command messages ---------------------------------------------------------------
    "rev-no-sessions": {
        "en": "No sessions stored yet.",
        "fi": "Tapaamisia ei ole vielä tallennettu.",
        "sv": "Inga träffar har sparats ännu.",
    },
    "rev-no-sessions-match": {
        "en": "No sessions match.",
        "fi": "Yksikään tapaaminen ei vastaa hakua.",
        "sv": "Inga träffar matchar.",
    },
    "rev-group-line": {
        "en": "{name}  (participants: {people}, sessions: {sessions})",
        "fi": "{name}  (osallistujia: {people}, tapaamisia: {sessions})",
        "sv": "{name}  (deltagare: {people}, träffar: {sessions})",
    },
    "rev-unreadable": {
        "en": "porukka: session {id} cannot be read: {reason}",
        "fi": "porukka: tapaamista {id} ei voi lukea: {reason}",
        "sv": "porukka: träffen {id} kan inte läsas: {reason}",
    },
    "rev-bad-date": {
        "en": "{option}: {value!r} is not a date; write it as YYYY-MM-DD or D.M.YYYY",
        "fi": "{option}: {value!r} ei ole päivämäärä; kirjoita VVVV-KK-PP tai P.K.VVVV",
        "sv": "{option}: {value!r} är inget datum; skriv ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ",
    },
    "rev-bad-age": {
        "en": "--older-than: {value!r} is not an age; write e.g. 180d (days) or 26w (weeks)",
        "fi": "--older-than: {value!r} ei ole ikä; kirjoita esim. 180d (päivää) tai 26w "
              "(viikkoa)",
        "sv": "--older-than: {value!r} är ingen ålder; skriv t.ex. 180d (dagar) eller 26w "
              "(veckor)",
    },
    "rev-unknown-session": {
        "en": "There is no session {id!r}. `porukka sessions` lists them.",
        "fi": "Tapaamista {id!r} ei ole. `porukka sessions` listaa ne.",
        "sv": "Det finns ingen träff {id!r}. `porukka sessions` listar dem.",
    },
    "rev-unknown-group": {
        "en": "There is no group {name!r}. `porukka sessions` lists the groups.",
        "fi": "Ryhmää {name!r} ei ole. `porukka sessions` listaa ryhmät.",
        "sv": "Det finns ingen grupp {name!r}. `porukka sessions` listar grupperna.",
    },
    "rev-unknown-person": {
        "en": "Group {group} has no participant {name!r}.",
        "fi": "Ryhmässä {group} ei ole osallistujaa {name!r}.",
        "sv": "Gruppen {group} har ingen deltagare {name!r}.",
    },
    "rev-session-or-group": {
        "en": "give a SESSION or --group G (not both)",
        "fi": "anna joko SESSION tai --group G (ei molempia)",
        "sv": "ange antingen SESSION eller --group G (inte båda)",
    },
    "rev-log-error": {
        "en": "Session {id} cannot be read: {reason}",
        "fi": "Tapaamista {id} ei voi lukea: {reason}",
        "sv": "Träffen {id} kan inte läsas: {reason}",
    },
    "rev-busy": {
        "en": "A session is open in the game right now ({reason}); end it first and try again.",
        "fi": "Tapaaminen on juuri nyt auki pelissä ({reason}); lopeta se ensin ja yritä "
              "uudelleen.",
        "sv": "En träff är öppen i spelet just nu ({reason}); avsluta den först och försök "
              "igen.",
    },
    "rev-wrote": {
        "en": "Wrote {path}",
        "fi": "Kirjoitettu: {path}",
        "sv": "Skrev {path}",
    },
    "rev-wrote-tables": {
        "en": "Wrote {path}: {counts}",
        "fi": "Kirjoitettu {path}: {counts}",
        "sv": "Skrev {path}: {counts}",
    },
    "rev-exists": {
        "en": "{path} exists and is not an empty folder; choose another name",
        "fi": "{path} on jo olemassa eikä ole tyhjä kansio; valitse toinen nimi",
        "sv": "{path} finns redan och är ingen tom mapp; välj ett annat namn",
    },
    "rev-json-needs-file": {
        "en": "--format json writes one file: give -o FILE.json",
        "fi": "--format json kirjoittaa yhden tiedoston: anna -o TIEDOSTO.json",
        "sv": "--format json skriver en fil: ange -o FIL.json",
    },
    "rev-confirm-forget": {
        "en": "This erases every trace of {name} (group {group}) for good. Session logs to "
              "rewrite: {sessions}; the participant is removed too. It cannot be undone.",
        "fi": "Tämä poistaa pysyvästi kaikki tiedot osallistujasta {name} (ryhmä {group}). "
              "Uudelleen kirjoitettavia tapaamislokeja: {sessions}; myös osallistuja poistetaan. "
              "Tätä ei voi perua.",
        "sv": "Detta raderar för gott alla spår av {name} (gruppen {group}). Träffloggar som "
              "skrivs om: {sessions}; även deltagaren tas bort. Det kan inte ångras.",
    },
    "rev-confirm-purge": {
        "en": "This deletes the sessions that started before {date}, with all their files "
              "(sessions: {n}). It cannot be undone.",
        "fi": "Tämä poistaa ennen {date} alkaneet tapaamiset kaikkine tiedostoineen (tapaamisia: "
              "{n}). Tätä ei voi perua.",
        "sv": "Detta raderar träffarna som började före {date}, med alla deras filer (träffar: "
              "{n}). Det kan inte ångras.",
    },
    "rev-confirm-ask": {
        "en": "Type yes to continue: ",
        "fi": "Kirjoita kyllä jatkaaksesi: ",
        "sv": "Skriv ja för att fortsätta: ",
    },
    "rev-no-tty": {
        "en": "{command} deletes data and needs confirmation, but there is no terminal to "
              "ask in. Run it again with --yes if you are sure.",
        "fi": "{command} poistaa tietoja ja vaatii vahvistuksen, mutta kysymiseen ei ole "
              "päätettä. Aja komento uudelleen valitsimella --yes, jos olet varma.",
        "sv": "{command} raderar data och behöver en bekräftelse, men det finns ingen "
              "terminal att fråga i. Kör det igen med --yes om du är säker.",
    },
    "rev-cancelled": {
        "en": "Nothing was deleted.",
        "fi": "Mitään ei poistettu.",
        "sv": "Inget raderades.",
    },
    "rev-forgot": {
        "en": "Erased {name}. Entries removed: {removed}; changed: {changed}; session logs "
              "rewritten: {sessions}; saved reports deleted: {reports}; participant record "
              "removed: {record}.",
        "fi": "Poistettu {name}. Poistettuja merkintöjä: {removed}; muutettuja: {changed}; "
              "uudelleen kirjoitettuja tapaamislokeja: {sessions}; poistettuja tallennettuja "
              "raportteja: {reports}; osallistujatieto poistettu: {record}.",
        "sv": "Raderade {name}. Borttagna poster: {removed}; ändrade: {changed}; omskrivna "
              "träffloggar: {sessions}; raderade sparade rapporter: {reports}; deltagaruppgiften "
              "borttagen: {record}.",
    },
    "rev-yes": {"en": "yes", "fi": "kyllä", "sv": "ja"},
    "rev-no": {"en": "no", "fi": "ei", "sv": "nej"},
    "rev-nothing-to-purge": {
        "en": "No sessions started before {date}; nothing to delete.",
        "fi": "Ennen {date} alkaneita tapaamisia ei ole; mitään ei poistettu.",
        "sv": "Inga träffar började före {date}; inget att radera.",
    },
    "rev-purged-one": {
        "en": "deleted {id}  {date}  {group}  {story}  ({files} files)",
        "fi": "poistettu {id}  {date}  {group}  {story}  ({files} tiedostoa)",
        "sv": "raderade {id}  {date}  {group}  {story}  ({files} filer)",
    },
    "rev-purged": {
        "en": "Sessions deleted: {n} (files: {files}). Newer sessions were not touched.",
        "fi": "Poistettuja tapaamisia: {n} (tiedostoja: {files}). Uudempiin tapaamisiin ei "
              "koskettu.",
        "sv": "Raderade träffar: {n} (filer: {files}). Nyare träffar rördes inte.",
    },
    "rev-skipped-open": {
        "en": "kept {id}: it is open in the game right now",
        "fi": "säilytetty {id}: se on juuri nyt auki pelissä",
        "sv": "behöll {id}: den är öppen i spelet just nu",
    },
    # --- listing ------------------------------------------------------------------------
    "rev-status-finished": {"en": "finished", "fi": "päättyi", "sv": "avslutad"},
    "rev-status-interrupted": {"en": "interrupted", "fi": "keskeytyi", "sv": "avbruten"},
    "rev-status-in-progress": {"en": "in progress", "fi": "käynnissä", "sv": "pågår"},
    "rev-demo": {"en": "demo data", "fi": "esittelydata", "sv": "demodata"},
    "rev-nobody": {"en": "(nobody)", "fi": "(ei ketään)", "sv": "(ingen)"},
    "rev-col-id": {"en": "session", "fi": "tapaaminen", "sv": "träff"},
    "rev-col-date": {"en": "date", "fi": "päivä", "sv": "datum"},
    "rev-col-story": {"en": "story", "fi": "tarina", "sv": "berättelse"},
    "rev-col-duration": {"en": "length", "fi": "kesto", "sv": "längd"},
    "rev-col-present": {"en": "present", "fi": "paikalla", "sv": "närvarande"},
    "rev-col-status": {"en": "status", "fi": "tila", "sv": "status"},
    # --- reports: frame -----------------------------------------------------------------
    "rev-title-session": {
        "en": "Session report", "fi": "Tapaamisen raportti", "sv": "Träffrapport",
    },
    "rev-title-group": {
        "en": "Group report", "fi": "Ryhmän raportti", "sv": "Grupprapport",
    },
    "rev-not-assessment": {
        "en": "This report describes what the group did together and what each person said "
              "about themselves. It is not an assessment of anyone.",
        "fi": "Raportti kertoo, mitä ryhmä teki yhdessä ja mitä kukin kertoi itsestään. Se "
              "ei ole kenenkään arviointi.",
        "sv": "Rapporten beskriver vad gruppen gjorde tillsammans och vad var och en sa om "
              "sig själv. Den är ingen bedömning av någon.",
    },
    "rev-privacy-note": {
        "en": "Nicknames only. Figures that sum up fewer than {n} people's answers are not "
              "shown.",
        "fi": "Vain lempinimiä. Lukuja, jotka kokoavat alle {n} ihmisen vastaukset, ei "
              "näytetä.",
        "sv": "Bara smeknamn. Siffror som sammanfattar färre än {n} personers svar visas "
              "inte.",
    },
    "rev-demo-banner": {
        "en": "Demo data: this session was simulated, not played by real people.",
        "fi": "Esittelydataa: tämä tapaaminen on simuloitu, eikä sitä pelannut kukaan oikea "
              "ihminen.",
        "sv": "Demodata: den här träffen simulerades och spelades inte av riktiga "
              "människor.",
    },
    "rev-made": {
        "en": "Made with Porukka, {date}.",
        "fi": "Tehty Porukalla {date}.",
        "sv": "Gjord med Porukka {date}.",
    },
    "rev-group": {"en": "Group", "fi": "Ryhmä", "sv": "Grupp"},
    "rev-date": {"en": "Date", "fi": "Päivä", "sv": "Datum"},
    "rev-story": {"en": "Story", "fi": "Tarina", "sv": "Berättelse"},
    "rev-length": {"en": "Length", "fi": "Kesto", "sv": "Längd"},
    "rev-voting": {"en": "Voting", "fi": "Äänestys", "sv": "Röstning"},
    "rev-status": {"en": "Status", "fi": "Tila", "sv": "Status"},
    "rev-present": {"en": "Present", "fi": "Paikalla", "sv": "Närvarande"},
    "rev-absent": {"en": "Not present", "fi": "Poissa", "sv": "Inte närvarande"},
    "rev-vote-hands": {"en": "hands up", "fi": "kädet ylös", "sv": "handuppräckning"},
    "rev-vote-secret": {
        "en": "secret ballot", "fi": "salainen äänestys", "sv": "sluten omröstning",
    },
    "rev-vote-gamepads": {"en": "gamepads", "fi": "peliohjaimet", "sv": "handkontroller"},
    "rev-vote-counsellor": {
        "en": "the counsellor enters the decision",
        "fi": "ohjaaja kirjaa päätöksen",
        "sv": "handledaren för in beslutet",
    },
    "rev-contents": {"en": "Contents", "fi": "Sisältö", "sv": "Innehåll"},
    # --- session report -----------------------------------------------------------------
    "rev-sec-points": {
        "en": "Points to return to", "fi": "Kohtia, joihin palata", "sv": "Att återkomma till",
    },
    "rev-points-lead": {
        "en": "Where the group's views differed: good places to pick up the talk next time.",
        "fi": "Kohdat, joissa ryhmän näkemykset erosivat: hyviä paikkoja jatkaa keskustelua "
              "ensi kerralla.",
        "sv": "Där gruppens åsikter gick isär: bra ställen att ta upp samtalet igen nästa "
              "gång.",
    },
    "rev-points-none": {
        "en": "The group agreed at every choice this time.",
        "fi": "Ryhmä oli tällä kertaa samaa mieltä jokaisessa valinnassa.",
        "sv": "Gruppen var enig vid varje val den här gången.",
    },
    "rev-sec-path": {
        "en": "The way through the story",
        "fi": "Reitti tarinan läpi",
        "sv": "Vägen genom berättelsen",
    },
    "rev-map-title": {
        "en": "Story map: the scenes the group went through are dark blue",
        "fi": "Tarinakartta: kohtaukset, joiden läpi ryhmä kulki, ovat tummansinisiä",
        "sv": "Berättelsekarta: scenerna som gruppen gick igenom är mörkblå",
    },
    "rev-map-desc": {
        "en": "The story {story} has {scenes} scenes; the group went through {visited} of "
              "them.",
        "fi": "Tarinassa {story} on {scenes} kohtausta; ryhmä kulki niistä {visited} läpi.",
        "sv": "Berättelsen {story} har {scenes} scener; gruppen gick igenom {visited} av "
              "dem.",
    },
    "rev-map-order": {"en": "step {n}", "fi": "vaihe {n}", "sv": "steg {n}"},
    "rev-map-visited": {
        "en": "The table lists the scenes in the order the group entered them.",
        "fi": "Taulukossa kohtaukset ovat siinä järjestyksessä, jossa ryhmä tuli niihin.",
        "sv": "Tabellen listar scenerna i den ordning gruppen kom till dem.",
    },
    "rev-map-missing": {
        "en": "The story map is not shown: the story file is not at hand or has changed "
              "since this session. The timeline below shows the way the group went.",
        "fi": "Tarinakarttaa ei näytetä: tarinatiedostoa ei löydy tai sitä on muutettu "
              "tapaamisen jälkeen. Alla oleva aikajana näyttää ryhmän reitin.",
        "sv": "Berättelsekartan visas inte: berättelsefilen finns inte till hands eller har "
              "ändrats efter träffen. Tidslinjen nedan visar gruppens väg.",
    },
    "rev-th-step": {"en": "Step", "fi": "Vaihe", "sv": "Steg"},
    "rev-th-scene": {"en": "Scene", "fi": "Kohtaus", "sv": "Scen"},
    "rev-th-time": {"en": "Time", "fi": "Aika", "sv": "Tid"},
    "rev-th-what": {"en": "What happened", "fi": "Mitä tapahtui", "sv": "Vad hände"},
    "rev-tl-chose": {"en": "Chose: {text}", "fi": "Valinta: {text}", "sv": "Valde: {text}"},
    "rev-tl-skip": {
        "en": "Skipped to the ending {target}",
        "fi": "Hypättiin loppuun {target}",
        "sv": "Hoppade till slutet {target}",
    },
    "rev-tl-ending": {"en": "Ending: {title}", "fi": "Loppu: {title}", "sv": "Slut: {title}"},
    "rev-action-pause": {"en": "paused", "fi": "tauko", "sv": "paus"},
    "rev-action-resume": {"en": "resumed", "fi": "jatkettiin", "sv": "fortsatte"},
    "rev-action-back": {
        "en": "went back one step", "fi": "palattiin askel taaksepäin", "sv": "gick ett steg "
        "tillbaka",
    },
    "rev-action-skip-to-ending": {
        "en": "skipped to an ending", "fi": "hypättiin loppuun", "sv": "hoppade till ett slut",
    },
    "rev-action-revote": {"en": "voted again", "fi": "äänestettiin uudelleen",
                          "sv": "röstade igen"},
    "rev-action-timer-extend": {
        "en": "more time", "fi": "lisäaikaa", "sv": "mer tid",
    },
    "rev-action-timer-stop": {
        "en": "timer stopped", "fi": "ajastin pysäytettiin", "sv": "timern stoppades",
    },
    "rev-action-end-session": {
        "en": "ended the session", "fi": "tapaaminen lopetettiin", "sv": "träffen avslutades",
    },
    "rev-status-note-interrupted": {
        "en": "The session stopped before the story's end; what was logged until then is "
              "all here.",
        "fi": "Tapaaminen päättyi ennen tarinan loppua; kaikki siihen asti kirjattu on tässä.",
        "sv": "Träffen slutade före berättelsens slut; allt som loggades fram till dess "
              "finns här.",
    },
    "rev-status-note-in-progress": {
        "en": "The session is still being played; this report shows it so far.",
        "fi": "Tapaaminen on yhä käynnissä; raportti näyttää sen tähän asti.",
        "sv": "Träffen pågår fortfarande; rapporten visar den hittills.",
    },
    "rev-sec-decisions": {"en": "Decisions", "fi": "Päätökset", "sv": "Beslut"},
    "rev-decision-n": {
        "en": "Decision {n}", "fi": "Päätös {n}", "sv": "Beslut {n}",
    },
    "rev-how-majority": {"en": "majority", "fi": "enemmistö", "sv": "majoritet"},
    "rev-how-tie-counsellor": {
        "en": "a tie: the counsellor decided",
        "fi": "tasapeli: ohjaaja päätti",
        "sv": "oavgjort: handledaren bestämde",
    },
    "rev-how-revote-majority": {
        "en": "majority after voting again",
        "fi": "enemmistö uuden äänestyksen jälkeen",
        "sv": "majoritet efter en ny omröstning",
    },
    "rev-how-counsellor": {
        "en": "the counsellor entered the group's decision",
        "fi": "ohjaaja kirjasi ryhmän päätöksen",
        "sv": "handledaren förde in gruppens beslut",
    },
    "rev-how-skip": {"en": "skipped", "fi": "ohitettu", "sv": "hoppades över"},
    "rev-took": {
        "en": "{time} to decide", "fi": "päätökseen kului {time}", "sv": "{time} till beslut",
    },
    "rev-votes-n": {
        "en": "votes: {n}",
        "fi": "ääniä: {n}",
        "sv": "röster: {n}",
    },
    "rev-no-votes": {
        "en": "No votes were counted here.",
        "fi": "Tässä ei laskettu ääniä.",
        "sv": "Här räknades inga röster.",
    },
    "rev-revotes": {
        "en": "voted again {n}×", "fi": "äänestettiin uudelleen {n}×", "sv": "röstade igen {n}×",
    },
    "rev-tie": {"en": "tie", "fi": "tasapeli", "sv": "oavgjort"},
    "rev-split": {"en": "split vote", "fi": "äänet jakautuivat", "sv": "rösterna delades"},
    "rev-point": {
        "en": "a point to return to", "fi": "kohta, johon palata", "sv": "att återkomma till",
    },
    "rev-chosen": {"en": "chosen", "fi": "valittu", "sv": "vald"},
    "rev-undone": {"en": "undone", "fi": "peruttu", "sv": "ångrat"},
    "rev-undone-note": {
        "en": "The counsellor went back one step: the group decided this again.",
        "fi": "Ohjaaja palasi askeleen taaksepäin: ryhmä päätti tämän uudelleen.",
        "sv": "Handledaren gick ett steg tillbaka: gruppen bestämde detta på nytt.",
    },
    "rev-chart-votes": {
        "en": "Votes at {scene}", "fi": "Äänet kohdassa {scene}", "sv": "Röster vid {scene}",
    },
    "rev-chart-votes-desc": {
        "en": "Votes per option (all together {total}); the group went on with “{chosen}”.",
        "fi": "Äänet vaihtoehdoittain (yhteensä {total}); ryhmä jatkoi valinnalla ”{chosen}”.",
        "sv": "Röster per alternativ (sammanlagt {total}); gruppen gick vidare med ”{chosen}”.",
    },
    "rev-th-option": {"en": "Option", "fi": "Vaihtoehto", "sv": "Alternativ"},
    "rev-th-votes": {"en": "Votes", "fi": "Ääniä", "sv": "Röster"},
    "rev-sec-actions": {
        "en": "The counsellor's actions",
        "fi": "Ohjaajan toiminnot",
        "sv": "Handledarens åtgärder",
    },
    "rev-actions-none": {
        "en": "No pauses, steps back or skips.",
        "fi": "Ei taukoja, paluita eikä ohituksia.",
        "sv": "Inga pauser, steg tillbaka eller överhopp.",
    },
    "rev-sec-mirror": {"en": "The story mirror", "fi": "Tarinapeili", "sv": "Berättelsespegeln"},
    "rev-mirror-lead": {
        "en": "What the group's choices drew on:",
        "fi": "Mihin ryhmän valinnat nojasivat:",
        "sv": "Vad gruppens val byggde på:",
    },
    "rev-mirror-none": {
        "en": "The decisions of this session named no domains.",
        "fi": "Tämän tapaamisen päätöksiin ei liittynyt osa-alueita.",
        "sv": "Den här träffens beslut nämnde inga områden.",
    },
    "rev-mirror-sentence": {
        "en": "Most often: {domain} ({n}×).",
        "fi": "Useimmin: {domain} ({n}×).",
        "sv": "Oftast: {domain} ({n}×).",
    },
    "rev-chart-mirror": {
        "en": "The story mirror: domains of the decisions",
        "fi": "Tarinapeili: päätösten osa-alueet",
        "sv": "Berättelsespegeln: beslutens områden",
    },
    "rev-chart-mirror-desc": {
        "en": "How many of the session's decisions (all together {n}) drew on each domain.",
        "fi": "Kuinka moni tapaamisen päätöksistä (yhteensä {n}) liittyi kuhunkin osa-alueeseen.",
        "sv": "Hur många av träffens beslut (sammanlagt {n}) som byggde på varje område.",
    },
    "rev-th-domain": {"en": "Domain", "fi": "Osa-alue", "sv": "Område"},
    "rev-th-times": {"en": "Times", "fi": "Kertaa", "sv": "Gånger"},
    "rev-sec-reflection": {"en": "Me now", "fi": "Minä nyt", "sv": "Jag nu"},
    "rev-reflection-lead": {
        "en": "Each person's own view of how things are going, on their own playful 0–10 "
              "scale. A dashed outline shows their previous view, grey dots older ones. "
              "These are their own words for themselves, not scores.",
        "fi": "Kunkin oma näkemys siitä, miten asiat menevät, omalla leikkisällä asteikolla "
              "0–10. Katkoviiva näyttää edellisen kerran näkemyksen, harmaat pisteet "
              "vanhemmat. Ne ovat ihmisten omia sanoja itsestään, eivät pisteitä.",
        "sv": "Var och ens egen syn på hur det går, på sin egen lekfulla skala 0–10. En "
              "streckad kontur visar förra gångens syn, grå prickar äldre. Det är deras egna "
              "ord om sig själva, inga poäng.",
    },
    "rev-reflection-off": {
        "en": "The reflection was left out of this session.",
        "fi": "Reflektio jätettiin tästä tapaamisesta pois.",
        "sv": "Reflektionen hoppades över den här träffen.",
    },
    "rev-reflection-none": {
        "en": "Nobody rated this time.",
        "fi": "Kukaan ei arvioinut tällä kertaa.",
        "sv": "Ingen skattade den här gången.",
    },
    "rev-not-rated": {
        "en": "No ratings from: {names}",
        "fi": "Ei arvioita: {names}",
        "sv": "Inga skattningar från: {names}",
    },
    "rev-skipped": {"en": "skipped", "fi": "ohitti", "sv": "hoppade över"},
    "rev-scale": {
        "en": "0–10, their own scale", "fi": "0–10, oma asteikko", "sv": "0–10, egen skala",
    },
    "rev-chart-reflection": {
        "en": "{name}: me now", "fi": "{name}: minä nyt", "sv": "{name}: jag nu",
    },
    "rev-chart-reflection-desc": {
        "en": "{name}'s own view today, per domain, beside their earlier views.",
        "fi": "Osallistujan {name} oma näkemys tänään osa-alueittain aiempien rinnalla.",
        "sv": "{name}s egen syn i dag, per område, bredvid tidigare.",
    },
    "rev-th-today": {"en": "Today", "fi": "Tänään", "sv": "I dag"},
    "rev-th-earlier": {"en": "Earlier", "fi": "Aiemmin", "sv": "Tidigare"},
    "rev-sec-feedback": {
        "en": "How was today?", "fi": "Millainen päivä oli?", "sv": "Hur var dagen?",
    },
    "rev-face-none": {"en": "skipped", "fi": "ohitti", "sv": "hoppade över"},
    "rev-face-1": {"en": "hard", "fi": "raskas", "sv": "tung"},
    "rev-face-2": {"en": "so-so", "fi": "niin ja näin", "sv": "sådär"},
    "rev-face-3": {"en": "okay", "fi": "ihan ok", "sv": "okej"},
    "rev-face-4": {"en": "good", "fi": "hyvä", "sv": "bra"},
    "rev-face-5": {"en": "great", "fi": "tosi hyvä", "sv": "jättebra"},
    "rev-chart-faces": {
        "en": "How was today: each person's face and word",
        "fi": "Millainen päivä oli: kunkin kasvo ja sana",
        "sv": "Hur var dagen: var och ens ansikte och ord",
    },
    "rev-chart-faces-desc": {
        "en": "People who answered: {n}.",
        "fi": "Vastanneita: {n}.",
        "sv": "Personer som svarade: {n}.",
    },
    "rev-th-name": {"en": "Nickname", "fi": "Lempinimi", "sv": "Smeknamn"},
    "rev-th-face": {"en": "Face", "fi": "Kasvo", "sv": "Ansikte"},
    "rev-th-word": {"en": "Word", "fi": "Sana", "sv": "Ord"},
    "rev-th-count": {"en": "How many", "fi": "Montako", "sv": "Hur många"},
    "rev-no-feedback": {
        "en": "No answer from: {names}",
        "fi": "Ei vastausta: {names}",
        "sv": "Inget svar från: {names}",
    },
    "rev-feedback-none": {
        "en": "No feedback was given in this session.",
        "fi": "Tässä tapaamisessa ei annettu palautetta.",
        "sv": "Ingen respons gavs under den här träffen.",
    },
    "rev-feedback-summary": {
        "en": "People who answered: {n}. The average face was {mean} on the scale 1–5.",
        "fi": "Vastanneita: {n}. Kasvojen keskiarvo oli {mean} asteikolla 1–5.",
        "sv": "Personer som svarade: {n}. Medelvärdet var {mean} på skalan 1–5.",
    },
    "rev-suppressed": {
        "en": "The summary is not shown: people who answered: {n}. Figures about fewer than {min} "
              "people are left out to protect them.",
        "fi": "Yhteenvetoa ei näytetä: vastanneita {n}. Alle {min} ihmisen lukuja ei näytetä "
              "heidän suojaamisekseen.",
        "sv": "Sammanfattningen visas inte: personer som svarade: {n}. Siffror om färre än {min} "
              "personer visas inte, för att skydda dem.",
    },
    "rev-chart-face-counts": {
        "en": "How many chose each face",
        "fi": "Montako valitsi kunkin kasvon",
        "sv": "Hur många valde varje ansikte",
    },
    # --- group report -------------------------------------------------------------------
    "rev-group-sessions": {
        "en": "Sessions: {n}, from {first} to {last}",
        "fi": "Tapaamisia: {n}, {first}–{last}",
        "sv": "Träffar: {n}, från {first} till {last}",
    },
    "rev-group-empty": {
        "en": "This group has no sessions to report yet.",
        "fi": "Ryhmällä ei ole vielä raportoitavia tapaamisia.",
        "sv": "Gruppen har inga träffar att rapportera ännu.",
    },
    "rev-left-out-demo": {
        "en": "Simulated demo sessions left out: {n} (--include-simulated takes them in).",
        "fi": "Pois jätetyt simuloidut esittelytapaamiset: {n} (--include-simulated ottaa ne "
              "mukaan).",
        "sv": "Simulerade demoträffar som lämnats utanför: {n} (--include-simulated tar med "
              "dem).",
    },
    "rev-includes-demo": {
        "en": "Simulated demo sessions included in this report, marked as demo data: {n}.",
        "fi": "Raportissa mukana olevat simuloidut esittelytapaamiset, merkitty esittelydataksi: "
              "{n}.",
        "sv": "Simulerade demoträffar i rapporten, märkta som demodata: {n}.",
    },
    "rev-sec-sessions": {"en": "Sessions", "fi": "Tapaamiset", "sv": "Träffar"},
    "rev-sec-attendance": {"en": "Who was there", "fi": "Ketkä olivat paikalla",
                           "sv": "Vilka var där"},
    "rev-chart-attendance": {
        "en": "Attendance over the sessions",
        "fi": "Läsnäolo tapaamisissa",
        "sv": "Närvaro under träffarna",
    },
    "rev-chart-attendance-desc": {
        "en": "Participants: {people}; sessions: {sessions}. A marker means the person was there.",
        "fi": "Osallistujia: {people}; tapaamisia: {sessions}. Merkki tarkoittaa, että henkilö "
              "oli paikalla.",
        "sv": "Deltagare: {people}; träffar: {sessions}. En markör betyder att personen var där.",
    },
    "rev-here": {"en": "there", "fi": "paikalla", "sv": "där"},
    "rev-not-here": {"en": "–", "fi": "–", "sv": "–"},
    "rev-sec-feedback-trend": {
        "en": "How the sessions felt",
        "fi": "Miltä tapaamiset tuntuivat",
        "sv": "Hur träffarna kändes",
    },
    "rev-chart-feedback-trend": {
        "en": "The group's average feedback face per session",
        "fi": "Ryhmän palautekasvojen keskiarvo tapaamisittain",
        "sv": "Gruppens genomsnittliga responsansikte per träff",
    },
    "rev-chart-feedback-trend-desc": {
        "en": "Average of the faces (1 hard … 5 great) in {shown} sessions where at least "
              "{min} people answered.",
        "fi": "Kasvojen keskiarvo (1 raskas … 5 tosi hyvä) {shown} tapaamisessa, joissa "
              "vähintään {min} vastasi.",
        "sv": "Medelvärdet av ansiktena (1 tung … 5 jättebra) under {shown} träffar där "
              "minst {min} personer svarade.",
    },
    "rev-trend-suppressed": {
        "en": "Not shown, because fewer than {min} people answered: sessions {n}.",
        "fi": "Ei näytetä, koska vastanneita oli alle {min}: tapaamisia {n}.",
        "sv": "Visas inte, eftersom färre än {min} personer svarade: träffar {n}.",
    },
    "rev-trend-none": {
        "en": "No session had feedback from at least {min} people, so no average is shown.",
        "fi": "Yhdessäkään tapaamisessa ei ollut vähintään {min} vastaajaa, joten "
              "keskiarvoa ei näytetä.",
        "sv": "Ingen träff hade respons från minst {min} personer, så inget medelvärde visas.",
    },
    "rev-hidden": {"en": "not shown", "fi": "ei näytetä", "sv": "visas inte"},
    "rev-th-average": {"en": "Average", "fi": "Keskiarvo", "sv": "Medelvärde"},
    "rev-sec-ratings": {
        "en": "Each person's own view over time",
        "fi": "Kunkin oma näkemys ajan mittaan",
        "sv": "Var och ens egen syn över tid",
    },
    "rev-ratings-lead": {
        "en": "How each person rated the domains at the end of each session, on their own "
              "0–10 scale. Change is theirs to tell about; the lines are not scores.",
        "fi": "Miten kukin arvioi osa-alueet kunkin tapaamisen lopussa omalla asteikollaan "
              "0–10. Muutoksesta kertoo ihminen itse; viivat eivät ole pisteitä.",
        "sv": "Hur var och en skattade områdena i slutet av varje träff, på sin egen skala "
              "0–10. Förändringen är deras att berätta om; linjerna är inga poäng.",
    },
    "rev-chart-ratings": {
        "en": "{name}: own view over time",
        "fi": "{name}: oma näkemys ajan mittaan",
        "sv": "{name}: egen syn över tid",
    },
    "rev-chart-ratings-desc": {
        "en": "{name}'s own ratings per domain, session by session (sessions with ratings: "
              "{sessions}).",
        "fi": "Osallistujan {name} omat arviot osa-alueittain tapaaminen kerrallaan "
              "(tapaamisia, joissa arvioita: {sessions}).",
        "sv": "{name}s egna skattningar per område, träff för träff (träffar med "
              "skattningar: {sessions}).",
    },
    "rev-no-ratings": {
        "en": "{name}: no ratings yet.",
        "fi": "{name}: ei vielä arvioita.",
        "sv": "{name}: inga skattningar ännu.",
    },
    "rev-ratings-skipped": {
        "en": "skipped {n}×",
        "fi": "ohitti {n}×",
        "sv": "hoppade över {n}×",
    },
    "rev-legend-desc": {
        "en": "Each domain has its own colour, marker and line style in the charts below.",
        "fi": "Kullakin osa-alueella on alla olevissa kuvissa oma värinsä, merkkinsä ja "
              "viivatyylinsä.",
        "sv": "Varje område har sin egen färg, markör och linjestil i diagrammen nedan.",
    },
    "rev-sec-compare": {
        "en": "The same story, different sessions",
        "fi": "Sama tarina eri tapaamisissa",
        "sv": "Samma berättelse, olika träffar",
    },
    "rev-compare-lead": {
        "en": "What the group went on with at each choice in its sessions of {story} (sessions: "
              "{n}): how many times, and when (votes per option in brackets).",
        "fi": "Millä valinnalla ryhmä jatkoi kussakin valintakohdassa tarinan {story} "
              "tapaamisissa (tapaamisia: {n}): kuinka monta kertaa ja milloin (äänet "
              "vaihtoehdoittain suluissa).",
        "sv": "Vad gruppen gick vidare med vid varje val under sina träffar med {story} (träffar: "
              "{n}): hur många gånger och när (röster per alternativ inom parentes).",
    },
    "rev-th-chosen": {
        "en": "The group went on with", "fi": "Ryhmä jatkoi valinnalla",
        "sv": "Gruppen gick vidare med",
    },
    "rev-not-reached-n": {
        "en": "not reached: {n}×",
        "fi": "ei tultu tähän: {n}×",
        "sv": "nåddes inte: {n}×",
    },
    "rev-not-reached": {
        "en": "not reached", "fi": "ei tultu tähän", "sv": "nåddes inte",
    },
    "rev-th-choice-point": {"en": "Choice", "fi": "Valinta", "sv": "Val"},
    # --- domains ------------------------------------------------------------------------
    "rev-domain-mieli": {"en": "Mind", "fi": "Mieli", "sv": "Sinne"},
    "rev-domain-keho": {"en": "Body", "fi": "Keho", "sv": "Kropp"},
    "rev-domain-arki": {"en": "Everyday life", "fi": "Arki", "sv": "Vardag"},
    "rev-domain-taidot": {"en": "Skills", "fi": "Taidot", "sv": "Färdigheter"},
    "rev-domain-yhdessa": {"en": "Together", "fi": "Yhdessä", "sv": "Tillsammans"},
}


def register() -> None:
    """Add the strings once (importing this module twice must not fail)."""
    if not all(key in STRINGS for key in REVIEW_STRINGS):
        add_strings({k: v for k, v in REVIEW_STRINGS.items() if k not in STRINGS})


register()
