"""The xAPI commands' texts in Finnish, Swedish and English, kept apart from the other
tables until they are folded into the interface catalogue. Count-dependent texts have
`#one` and `#other` keys and a `{n}`."""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, dict[str, str]] = {
    "xapi-help": {
        "fi": "lähetä tapaamisten tapahtumat organisaation oppimistietovarastoon (xAPI, LRS)",
        "sv": "skicka träffarnas händelser till organisationens lärandedatalager (xAPI, LRS)",
        "en": "send session events to the organisation's Learning Record Store (xAPI)",
    },
    "xapi-help-push": {
        "fi": "lähetä kaikki lausumat, joita LRS ei ole vielä kuitannut",
        "sv": "skicka alla utsagor som LRS:en inte ännu har kvitterat",
        "en": "send every statement the LRS has not yet acknowledged",
    },
    "xapi-help-status": {
        "fi": "näytä LRS-osoite, lähetystä odottavat lausumat ja viimeisin onnistunut lähetys",
        "sv": "visa LRS-adressen, utsagorna som väntar och när det senast lyckades",
        "en": "show the endpoint, what is waiting and when it last succeeded",
    },
    "xapi-help-dry-run": {
        "fi": "kerro vain, mitä lähetettäisiin; ei yhteyttä verkkoon",
        "sv": "berätta bara vad som skulle skickas; ingen nätverksanslutning",
        "en": "only tell what would be sent; no network connection",
    },
    "xapi-help-include-simulated": {
        "fi": "ota mukaan myös simuloidut tapaamiset (esittelyaineisto)",
        "sv": "ta också med simulerade träffar (demodata)",
        "en": "include simulated sessions (demo data) too",
    },
    "xapi-help-retry-rejected": {
        "fi": "lähetä uudelleen myös lausumat, jotka LRS on aiemmin hylännyt",
        "sv": "skicka också utsagor som LRS:en tidigare har avvisat",
        "en": "send again the statements the LRS refused before",
    },
    "xapi-help-group": {
        "fi": "vain tämän ryhmän tapaamiset (nimi tai tunnus)",
        "sv": "bara den här gruppens träffar (namn eller id)",
        "en": "only this group's sessions (name or id)",
    },
    "xapi-help-since": {
        "fi": "vain tapaamiset tästä päivästä alkaen (VVVV-KK-PP tai P.K.VVVV)",
        "sv": "bara träffar från och med den här dagen (ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ)",
        "en": "only sessions from this day on (YYYY-MM-DD or D.M.YYYY)",
    },
    "xapi-help-lang": {
        "fi": "viestien kieli",
        "sv": "meddelandenas språk",
        "en": "language of the messages",
    },
    "xapi-unknown-group": {
        "fi": "Ryhmää {name} ei ole. Ryhmät näkyvät komennolla porukka sessions.",
        "sv": "Det finns ingen grupp {name}. Grupperna visas med porukka sessions.",
        "en": "There is no group {name}. porukka sessions lists the groups.",
    },
    "xapi-bad-date": {
        "fi": "{option}: {value} ei ole päivämäärä (VVVV-KK-PP tai P.K.VVVV).",
        "sv": "{option}: {value} är inget datum (ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ).",
        "en": "{option}: {value} is not a date (YYYY-MM-DD or D.M.YYYY).",
    },
    "xapi-needs-file": {
        "fi": "xAPI-vienti kirjoitetaan yhteen tiedostoon: anna -o-valitsimelle tiedoston nimi, "
              "ei kansiota.",
        "sv": "xAPI-exporten skrivs till en fil: ge -o ett filnamn, inte en mapp.",
        "en": "The xAPI export is one file: give -o a file name, not a folder.",
    },
    "xapi-not-configured": {
        "fi": "LRS:ää ei ole määritetty: aseta PORUKKA_LRS_ENDPOINT (ks. docs/xapi.md). "
              "Mitään ei lähetetty.",
        "sv": "Ingen LRS är inställd: ange PORUKKA_LRS_ENDPOINT (se docs/xapi.md). "
              "Inget skickades.",
        "en": "No LRS is configured: set PORUKKA_LRS_ENDPOINT (see docs/xapi.md). "
              "Nothing was sent.",
    },
    "xapi-config-error": {
        "fi": "xAPI-asetusta {key} ei voi käyttää: {reason}",
        "sv": "xAPI-inställningen {key} kan inte användas: {reason}",
        "en": "The xAPI setting {key} cannot be used: {reason}",
    },
    "xapi-nothing": {
        "fi": "Mikään ei odota: LRS:llä on jo kaikki lausumat.",
        "sv": "Inget väntar: LRS:en har redan alla utsagor.",
        "en": "Nothing is waiting: the LRS has every statement.",
    },
    "xapi-would-send#one": {
        "fi": "{n} lausuma lähetettäisiin ({kinds}).",
        "sv": "{n} utsaga skulle skickas ({kinds}).",
        "en": "{n} statement would be sent ({kinds}).",
    },
    "xapi-would-send#other": {
        "fi": "{n} lausumaa lähetettäisiin ({kinds}).",
        "sv": "{n} utsagor skulle skickas ({kinds}).",
        "en": "{n} statements would be sent ({kinds}).",
    },
    "xapi-sent#one": {
        "fi": "{n} lausuma lähetetty osoitteeseen {endpoint}.",
        "sv": "{n} utsaga skickad till {endpoint}.",
        "en": "{n} statement sent to {endpoint}.",
    },
    "xapi-sent#other": {
        "fi": "{n} lausumaa lähetetty osoitteeseen {endpoint}.",
        "sv": "{n} utsagor skickade till {endpoint}.",
        "en": "{n} statements sent to {endpoint}.",
    },
    "xapi-auth-401": {
        "fi": "LRS ei hyväksynyt käyttäjätunnusta tai salasanaa ({status}: {detail}): tarkista "
              "PORUKKA_LRS_USER ja PORUKKA_LRS_PASSWORD. Lausumat odottavat lähtevissä.",
        "sv": "LRS:en godtog inte användarnamnet eller lösenordet ({status}: {detail}): "
              "kontrollera PORUKKA_LRS_USER och PORUKKA_LRS_PASSWORD. Utsagorna väntar i utkorgen.",
        "en": "The LRS refused the user name or password ({status}: {detail}): check "
              "PORUKKA_LRS_USER and PORUKKA_LRS_PASSWORD. The statements wait in the outbox.",
    },
    "xapi-auth-403": {
        "fi": "LRS:n käyttäjällä {user} ei ole oikeutta kirjoittaa lausumia ({status}: "
              "{detail}): pyydä LRS:n ylläpitäjältä kirjoitusoikeus (statements/write). "
              "Lausumat odottavat lähtevissä.",
        "sv": "LRS-användaren {user} får inte skriva utsagor ({status}: {detail}): be LRS:ens "
              "administratör om skrivrätt (statements/write). Utsagorna väntar i utkorgen.",
        "en": "The LRS user {user} may not write statements ({status}: {detail}): ask the LRS's "
              "administrator for write access (statements/write). The statements wait in "
              "the outbox.",
    },
    "xapi-unavailable": {
        "fi": "LRS:ään {endpoint} ei saatu yhteyttä ({reason}). Lausumat odottavat "
              "lähtevissä; yritä myöhemmin uudelleen: porukka xapi push.",
        "sv": "LRS:en {endpoint} gick inte att nå ({reason}). Utsagorna väntar i utkorgen; "
              "försök igen senare: porukka xapi push.",
        "en": "The LRS at {endpoint} could not be reached ({reason}). The statements wait "
              "in the outbox; try again later: porukka xapi push.",
    },
    "xapi-http": {
        "fi": "LRS vastasi {status}: {detail}. Enempää ei lähetetty; lausumat odottavat "
              "lähtevissä.",
        "sv": "LRS:en svarade {status}: {detail}. Inget mer skickades; utsagorna väntar i "
              "utkorgen.",
        "en": "The LRS answered {status}: {detail}. Nothing more was sent; the statements "
              "wait in the outbox.",
    },
    "xapi-rejected": {
        "fi": "LRS hylkäsi lausuman {id} ({status}): {reason}. Sitä ei lähetetä uudelleen "
              "ilman valitsinta --retry-rejected.",
        "sv": "LRS:en avvisade utsagan {id} ({status}): {reason}. Den skickas inte igen "
              "utan --retry-rejected.",
        "en": "The LRS refused statement {id} ({status}): {reason}. It is not sent again "
              "without --retry-rejected.",
    },
    "xapi-busy": {
        "fi": "Toinen lähetys on juuri käynnissä (peli tai toinen komento); yritä hetken "
              "päästä uudelleen.",
        "sv": "En annan sändning pågår just nu (spelet eller ett annat kommando); försök "
              "igen om en stund.",
        "en": "Another push is sending right now (the game or another command); try again "
              "in a moment.",
    },
    "xapi-waiting#one": {
        "fi": "{n} lausuma odottaa lähetystä.",
        "sv": "{n} utsaga väntar på att skickas.",
        "en": "{n} statement is waiting to be sent.",
    },
    "xapi-waiting#other": {
        "fi": "{n} lausumaa odottaa lähetystä.",
        "sv": "{n} utsagor väntar på att skickas.",
        "en": "{n} statements are waiting to be sent.",
    },
    "xapi-voids#one": {
        "fi": "Niistä {n} on mitätöintilausuma (forget- tai purge-komennon jälkeen).",
        "sv": "Av dem är {n} en makuleringsutsaga (efter forget eller purge).",
        "en": "{n} of them is a voiding statement (after forget or purge).",
    },
    "xapi-voids#other": {
        "fi": "Niistä {n} on mitätöintilausumia (forget- tai purge-komennon jälkeen).",
        "sv": "Av dem är {n} makuleringsutsagor (efter forget eller purge).",
        "en": "{n} of them are voiding statements (after forget or purge).",
    },
    "xapi-status-rejected#one": {
        "fi": "{n} lausuman LRS on hylännyt (--retry-rejected lähettää sen uudelleen).",
        "sv": "{n} utsaga har avvisats av LRS:en (--retry-rejected skickar den igen).",
        "en": "{n} statement was refused by the LRS (--retry-rejected sends it again).",
    },
    "xapi-status-rejected#other": {
        "fi": "{n} lausumaa LRS on hylännyt (--retry-rejected lähettää ne uudelleen).",
        "sv": "{n} utsagor har avvisats av LRS:en (--retry-rejected skickar dem igen).",
        "en": "{n} statements were refused by the LRS (--retry-rejected sends them again).",
    },
    "xapi-status-endpoint": {
        "fi": "LRS: {endpoint} (käyttäjä {user}; asetus: {source})",
        "sv": "LRS: {endpoint} (användare {user}; inställning: {source})",
        "en": "LRS: {endpoint} (user {user}; set in: {source})",
    },
    "xapi-status-none": {
        "fi": "LRS: ei määritetty – mitään ei lähetetä (ks. docs/xapi.md).",
        "sv": "LRS: inte inställd – inget skickas (se docs/xapi.md).",
        "en": "LRS: not configured – nothing is sent (see docs/xapi.md).",
    },
    "xapi-status-individual": {
        "fi": "Yksilölliset arviot ja palautteet: {state}; palautteen sana: {words}",
        "sv": "Individuella bedömningar och respons: {state}; responsens ord: {words}",
        "en": "Individual ratings and feedback: {state}; the feedback word: {words}",
    },
    "xapi-on": {"fi": "lähetetään (pseudonyymillä)", "sv": "skickas (med pseudonym)",
                "en": "sent (under a pseudonym)"},
    "xapi-off": {"fi": "ei lähetetä", "sv": "skickas inte", "en": "not sent"},
    "xapi-status-last-ok": {
        "fi": "Viimeisin onnistunut lähetys: {time}",
        "sv": "Senaste lyckade sändning: {time}",
        "en": "Last successful push: {time}",
    },
    "xapi-never": {"fi": "ei koskaan", "sv": "aldrig", "en": "never"},
    "xapi-status-last-fail": {
        "fi": "Viimeisin epäonnistuminen: {time}: {reason}",
        "sv": "Senaste misslyckande: {time}: {reason}",
        "en": "Last failure: {time}: {reason}",
    },
    "xapi-wrote#one": {
        "fi": "{n} lausuma kirjoitettu tiedostoon {path}.",
        "sv": "{n} utsaga skriven till {path}.",
        "en": "{n} statement written to {path}.",
    },
    "xapi-wrote#other": {
        "fi": "{n} lausumaa kirjoitettu tiedostoon {path}.",
        "sv": "{n} utsagor skrivna till {path}.",
        "en": "{n} statements written to {path}.",
    },
    "xapi-left-out-demo#one": {
        "fi": "{n} simuloitu tapaaminen jätettiin pois (--include-simulated ottaa sen mukaan).",
        "sv": "{n} simulerad träff lämnades bort (--include-simulated tar med den).",
        "en": "{n} simulated session was left out (--include-simulated adds it).",
    },
    "xapi-left-out-demo#other": {
        "fi": "{n} simuloitua tapaamista jätettiin pois (--include-simulated ottaa ne "
              "mukaan).",
        "sv": "{n} simulerade träffar lämnades bort (--include-simulated tar med dem).",
        "en": "{n} simulated sessions were left out (--include-simulated adds them).",
    },
    "xapi-unreadable": {
        "fi": "Tapaamista {id} ei voitu lukea, se ohitettiin: {reason}",
        "sv": "Träffen {id} kunde inte läsas och hoppades över: {reason}",
        "en": "Session {id} could not be read and was skipped: {reason}",
    },
    "xapi-voids-recorded#one": {
        "fi": "{n} LRS:ään lähetetty lausuma mitätöidään siellä seuraavalla lähetyksellä.",
        "sv": "{n} utsaga som skickats till LRS:en makuleras där vid nästa sändning.",
        "en": "{n} statement sent to the LRS will be voided there by the next push.",
    },
    "xapi-voids-recorded#other": {
        "fi": "{n} LRS:ään lähetettyä lausumaa mitätöidään siellä seuraavalla lähetyksellä.",
        "sv": "{n} utsagor som skickats till LRS:en makuleras där vid nästa sändning.",
        "en": "{n} statements sent to the LRS will be voided there by the next push.",
    },
    "xapi-note-failed": {
        "fi": "xAPI: lähetys epäonnistui ({reason}); lausumat odottavat lähtevissä.",
        "sv": "xAPI: sändningen misslyckades ({reason}); utsagorna väntar i utkorgen.",
        "en": "xAPI: sending failed ({reason}); the statements wait in the outbox.",
    },
    "xapi-note-waiting#one": {
        "fi": "xAPI: {n} lausuma odottaa lähtevissä ({reason}).",
        "sv": "xAPI: {n} utsaga väntar i utkorgen ({reason}).",
        "en": "xAPI: {n} statement waits in the outbox ({reason}).",
    },
    "xapi-note-waiting#other": {
        "fi": "xAPI: {n} lausumaa odottaa lähtevissä ({reason}).",
        "sv": "xAPI: {n} utsagor väntar i utkorgen ({reason}).",
        "en": "xAPI: {n} statements wait in the outbox ({reason}).",
    },
}


def tr(key: str, lang: str, /, n: int | None = None, **params: Any) -> str:
    """The text for `key` in `lang` (English when the language is unknown); with `n`, the
    `#one`/`#other` form that fits."""
    if n is not None:
        key = f"{key}#one" if n == 1 else f"{key}#other"
        params["n"] = n
    texts = STRINGS[key]
    return texts.get(lang, texts["en"]).format(**params)
