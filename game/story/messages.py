"""Validator messages in English, Finnish and Swedish, written for story authors.

Each code has one template per language; `{name}`-style fields come from the Issue's params.
Words that vary inside a message (a type, a kind of name, a condition problem) have their own
small tables so the sentences stay whole in every language.
"""

from __future__ import annotations

from typing import Any

LANGS = ("en", "fi", "sv")

T = dict[str, str]

MESSAGES: dict[str, T] = {
    # --- reading the file ---
    "no-file": {
        "en": "no such file",
        "fi": "tiedostoa ei löydy",
        "sv": "filen finns inte",
    },
    "no-story-yaml": {
        "en": "this folder has no story.yaml",
        "fi": "kansiossa ei ole tiedostoa story.yaml",
        "sv": "mappen har ingen story.yaml",
    },
    "unreadable": {
        "en": "the file cannot be read: {reason}",
        "fi": "tiedostoa ei voi lukea: {reason}",
        "sv": "filen kan inte läsas: {reason}",
    },
    "file-too-large": {
        "en": "the file is {size} bytes; a story may be at most {limit} bytes (5 MB)",
        "fi": "tiedosto on {size} tavua; tarina saa olla enintään {limit} tavua (5 Mt)",
        "sv": "filen är {size} byte; en berättelse får vara högst {limit} byte (5 MB)",
    },
    "not-utf8": {
        "en": "the file is not UTF-8 text here; save it as UTF-8 in your editor",
        "fi": "tiedosto ei ole tässä kohdassa UTF-8-tekstiä; tallenna se editorissa UTF-8-muodossa",
        "sv": "filen är inte UTF-8-text här; spara den som UTF-8 i din editor",
    },
    "empty-file": {
        "en": "the file is empty; a story starts with 'format: 1'",
        "fi": "tiedosto on tyhjä; tarina alkaa rivillä 'format: 1'",
        "sv": "filen är tom; en berättelse börjar med 'format: 1'",
    },
    "not-mapping": {
        "en": "the top level of a story must be keys and values (format:, id:, scenes: ...)",
        "fi": "tarinan ylimmällä tasolla pitää olla avaimia ja arvoja (format:, id:, scenes: ...)",
        "sv": "berättelsens översta nivå måste vara nycklar och värden (format:, id:, scenes: ...)",
    },
    "yaml-anchor": {
        "en": "YAML anchors and aliases (&{name}, *{name}) are not allowed in stories; "
              "write the text out again",
        "fi": "YAML-ankkurit ja -viittaukset (&{name}, *{name}) eivät ole sallittuja "
              "tarinoissa; kirjoita teksti uudelleen",
        "sv": "YAML-ankare och alias (&{name}, *{name}) är inte tillåtna i berättelser; "
              "skriv ut texten igen",
    },
    "yaml-tag": {
        "en": "YAML tags ({tag}) are not allowed in stories; remove it",
        "fi": "YAML-tagit ({tag}) eivät ole sallittuja tarinoissa; poista se",
        "sv": "YAML-taggar ({tag}) är inte tillåtna i berättelser; ta bort den",
    },
    "yaml-documents": {
        "en": "a story file holds one document; remove this '---' and what follows, "
              "or start a new file",
        "fi": "tarinatiedostossa on yksi dokumentti; poista tämä '---' ja sen jälkeinen "
              "teksti tai aloita uusi tiedosto",
        "sv": "en berättelsefil har ett dokument; ta bort denna '---' och det som följer, "
              "eller börja en ny fil",
    },
    "too-deep": {
        "en": "the YAML is nested deeper than {limit} levels",
        "fi": "YAML on sisäkkäin syvemmällä kuin {limit} tasoa",
        "sv": "YAML är nästlad djupare än {limit} nivåer",
    },
    "complex-key": {
        "en": "a key must be a plain word, not a list or a mapping",
        "fi": "avaimen pitää olla tavallinen sana, ei lista tai avain–arvo-rakenne",
        "sv": "en nyckel måste vara ett vanligt ord, inte en lista eller en mappning",
    },
    "duplicate-key": {
        "en": "'{key}' appears twice here (first on line {first_line}); each key only once",
        "fi": "'{key}' esiintyy tässä kahdesti (ensin rivillä {first_line}); "
              "kukin avain vain kerran",
        "sv": "'{key}' förekommer två gånger här (först på rad {first_line}); "
              "varje nyckel bara en gång",
    },
    "duplicate-story-id": {
        "en": "another story already has the id '{id}' ({other}); ids must be unique",
        "fi": "toisella tarinalla on jo tunnus '{id}' ({other}); tunnusten pitää olla "
              "yksilöllisiä",
        "sv": "en annan berättelse har redan id '{id}' ({other}); id:n måste vara unika",
    },
    # --- shapes and types ---
    "unknown-key": {
        "en": "unknown key '{key}'",
        "fi": "tuntematon avain '{key}'",
        "sv": "okänd nyckel '{key}'",
    },
    "missing-field": {
        "en": "'{field}' is missing here",
        "fi": "tästä puuttuu '{field}'",
        "sv": "'{field}' saknas här",
    },
    "format-version": {
        "en": "'format' must be 1 (the only version so far), not '{value}'",
        "fi": "'format'-arvon pitää olla 1 (ainoa versio tähän asti), ei '{value}'",
        "sv": "'format' måste vara 1 (den enda versionen hittills), inte '{value}'",
    },
    "bad-story-id": {
        "en": "the story id '{value}' may hold only a–z, 0–9 and '-', 1 to 64 characters",
        "fi": "tarinan tunnuksessa '{value}' saa olla vain a–z, 0–9 ja '-', 1–64 merkkiä",
        "sv": "berättelsens id '{value}' får bara innehålla a–z, 0–9 och '-', 1–64 tecken",
    },
    "bad-value": {
        "en": "'{value}' is not allowed for '{field}'; use one of: {allowed}",
        "fi": "'{value}' ei käy kentän '{field}' arvoksi; käytä jotakin näistä: {allowed}",
        "sv": "'{value}' är inte tillåtet för '{field}'; använd något av: {allowed}",
    },
    "not-positive": {
        "en": "'{field}' must be a whole number greater than 0",
        "fi": "kentän '{field}' pitää olla kokonaisluku, joka on suurempi kuin 0",
        "sv": "'{field}' måste vara ett heltal större än 0",
    },
    "wrong-type": {
        "en": "'{field}' should be {expected}, not {found}",
        "fi": "kentän '{field}' pitää olla {expected}, ei {found}",
        "sv": "'{field}' ska vara {expected}, inte {found}",
    },
    # --- names ---
    "bad-name": {
        "en": "'{name}' is not a valid {kind} name: start with a letter or '_', then letters, "
              "digits or '_'{dash}; and, or, not, true, false and seen are reserved",
        "fi": "'{name}' ei kelpaa nimeksi ({kind}): aloita kirjaimella tai '_'-merkillä, "
              "sitten kirjaimia, numeroita tai '_'{dash}; and, or, not, true, false ja seen "
              "ovat varattuja",
        "sv": "'{name}' är inte ett giltigt namn ({kind}): börja med en bokstav eller '_', "
              "sedan bokstäver, siffror eller '_'{dash}; and, or, not, true, false och seen "
              "är reserverade",
    },
    "unknown-scene": {
        "en": "there is no scene '{name}'",
        "fi": "kohtausta '{name}' ei ole",
        "sv": "det finns ingen scen '{name}'",
    },
    "unknown-variable": {
        "en": "there is no variable '{name}'; declare it under 'variables:'",
        "fi": "muuttujaa '{name}' ei ole; määrittele se kohdassa 'variables:'",
        "sv": "det finns ingen variabel '{name}'; deklarera den under 'variables:'",
    },
    "unknown-character": {
        "en": "there is no character '{name}'; declare it under 'characters:'",
        "fi": "hahmoa '{name}' ei ole; määrittele se kohdassa 'characters:'",
        "sv": "det finns ingen karaktär '{name}'; deklarera den under 'characters:'",
    },
    "unknown-domain": {
        "en": "there is no reflection domain '{name}'{declare}",
        "fi": "pohdinta-aluetta '{name}' ei ole{declare}",
        "sv": "det finns inget reflektionsområde '{name}'{declare}",
    },
    "duplicate-domain": {
        "en": "the domain '{id}' is listed twice",
        "fi": "alue '{id}' on listattu kahdesti",
        "sv": "området '{id}' finns två gånger",
    },
    # --- languages and texts ---
    "no-languages": {
        "en": "'languages' needs at least one language, e.g. [fi]",
        "fi": "'languages' tarvitsee vähintään yhden kielen, esim. [fi]",
        "sv": "'languages' behöver minst ett språk, t.ex. [fi]",
    },
    "bad-language": {
        "en": "'{code}' is not a language code; use short lowercase codes like fi, sv, en "
              "or fi-selko",
        "fi": "'{code}' ei ole kielikoodi; käytä lyhyitä pienin kirjaimin kirjoitettuja "
              "koodeja, kuten fi, sv, en tai fi-selko",
        "sv": "'{code}' är ingen språkkod; använd korta koder med små bokstäver som fi, sv, "
              "en eller fi-selko",
    },
    "duplicate-language": {
        "en": "the language '{code}' is listed twice",
        "fi": "kieli '{code}' on listattu kahdesti",
        "sv": "språket '{code}' finns två gånger",
    },
    "unlisted-language": {
        "en": "the language '{code}' is not in 'languages' ({languages}); add it there or "
              "fix the code",
        "fi": "kieli '{code}' puuttuu kohdasta 'languages' ({languages}); lisää se sinne tai "
              "korjaa koodi",
        "sv": "språket '{code}' finns inte i 'languages' ({languages}); lägg till det där "
              "eller rätta koden",
    },
    "missing-translation": {
        "en": "no text in {missing}; another language is shown instead",
        "fi": "tekstiä ei ole kielellä {missing}; sen sijaan näytetään jokin muu kieli",
        "sv": "ingen text på {missing}; ett annat språk visas i stället",
    },
    "text-too-long": {
        "en": "this text is {length} characters; at most {limit} fit a shared screen. "
              "Split it into several lines",
        "fi": "tämä teksti on {length} merkkiä; yhteiselle näytölle mahtuu enintään {limit}. "
              "Jaa se useammalle riville",
        "sv": "texten är {length} tecken; högst {limit} ryms på en gemensam skärm. "
              "Dela upp den på flera rader",
    },
    "bad-placeholder": {
        "en": "{problem}",
        "fi": "{problem}",
        "sv": "{problem}",
    },
    "long-scene": {
        "en": "the lines of scene '{scene}' have {length} characters, more than a screen holds "
              "at the default text size (about {limit}); consider splitting the scene",
        "fi": "kohtauksen '{scene}' riveissä on {length} merkkiä, enemmän kuin näytölle "
              "mahtuu oletuskoolla (noin {limit}); harkitse kohtauksen jakamista",
        "sv": "raderna i scenen '{scene}' har {length} tecken, mer än skärmen rymmer i "
              "standardstorlek (cirka {limit}); överväg att dela scenen",
    },
    # --- scenes and choices ---
    "too-many-scenes": {
        "en": "the story has {count} scenes; at most {limit} are allowed",
        "fi": "tarinassa on {count} kohtausta; enintään {limit} on sallittu",
        "sv": "berättelsen har {count} scener; högst {limit} är tillåtna",
    },
    "scene-exit": {
        "en": "scene '{scene}' needs exactly one of 'choices', 'goto' or 'end'{given}",
        "fi": "kohtauksessa '{scene}' pitää olla täsmälleen yksi näistä: 'choices', 'goto' "
              "tai 'end'{given}",
        "sv": "scenen '{scene}' behöver exakt en av 'choices', 'goto' eller 'end'{given}",
    },
    "empty-lines": {
        "en": "scene '{scene}' shows no lines; only a scene with choices may have none",
        "fi": "kohtauksessa '{scene}' ei ole rivejä; vain valintakohtaus voi olla ilman",
        "sv": "scenen '{scene}' visar inga rader; bara en scen med val får sakna dem",
    },
    "too-few-choices": {
        "en": "a choice needs at least 2 options, here there are {count}; use 'goto' to just "
              "continue",
        "fi": "valinnassa pitää olla vähintään 2 vaihtoehtoa, tässä on {count}; käytä "
              "'goto'-kenttää, jos tarina vain jatkuu",
        "sv": "ett val behöver minst 2 alternativ, här finns {count}; använd 'goto' för att "
              "bara fortsätta",
    },
    "too-many-choices": {
        "en": "{count} choices; at most 6 are allowed",
        "fi": "{count} vaihtoehtoa; enintään 6 on sallittu",
        "sv": "{count} val; högst 6 är tillåtna",
    },
    "many-choices": {
        "en": "{count} choices; more than 4 make small tiles on a shared screen",
        "fi": "{count} vaihtoehtoa; yli 4 tekee ruuduista pieniä yhteisellä näytöllä",
        "sv": "{count} val; fler än 4 ger små rutor på en gemensam skärm",
    },
    "duplicate-choice-id": {
        "en": "two choices in this scene have the id '{id}' (the first is choice {first})"
              "{implicit}",
        "fi": "kahdella tämän kohtauksen valinnalla on tunnus '{id}' (ensimmäinen on "
              "valinta {first}){implicit}",
        "sv": "två val i scenen har id '{id}' (det första är val {first}){implicit}",
    },
    "all-choices-conditional": {
        "en": "every choice of scene '{scene}' has an 'if'; if none holds, the facilitator "
              "has to skip to an ending. Leave one choice without 'if'",
        "fi": "kohtauksen '{scene}' jokaisella valinnalla on 'if'; jos mikään ei toteudu, "
              "ohjaajan pitää hypätä loppuun. Jätä yksi valinta ilman 'if'-ehtoa",
        "sv": "alla val i scenen '{scene}' har 'if'; om inget gäller måste handledaren hoppa "
              "till ett slut. Lämna ett val utan 'if'",
    },
    "trapped": {
        "en": "from scene '{scene}' no ending can be reached; the group would be trapped",
        "fi": "kohtauksesta '{scene}' ei pääse mihinkään loppuun; ryhmä jäisi jumiin",
        "sv": "från scenen '{scene}' går det inte att nå något slut; gruppen skulle fastna",
    },
    "unreachable": {
        "en": "scene '{scene}' cannot be reached from the start",
        "fi": "kohtaukseen '{scene}' ei pääse alusta",
        "sv": "scenen '{scene}' kan inte nås från början",
    },
    # --- variables ---
    "bool-range": {
        "en": "'{name}' is true/false, so it has no min or max",
        "fi": "'{name}' on tosi/epätosi, joten sillä ei ole min- tai max-arvoa",
        "sv": "'{name}' är sant/falskt, så den har inget min eller max",
    },
    "min-over-max": {
        "en": "'{name}' has min {min} greater than max {max}",
        "fi": "muuttujan '{name}' min {min} on suurempi kuin max {max}",
        "sv": "'{name}' har min {min} större än max {max}",
    },
    "initial-range": {
        "en": "'{name}' starts at {value}, outside its range {min}…{max}",
        "fi": "'{name}' alkaa arvosta {value}, joka on sallitun välin {min}…{max} ulkopuolella",
        "sv": "'{name}' börjar på {value}, utanför intervallet {min}…{max}",
    },
    "add-bool": {
        "en": "'add' works on numbers; '{name}' is true/false, so use 'set'",
        "fi": "'add' toimii luvuilla; '{name}' on tosi/epätosi, joten käytä 'set'-kenttää",
        "sv": "'add' fungerar på tal; '{name}' är sant/falskt, så använd 'set'",
    },
    "set-type": {
        "en": "'{name}' holds {expected}; set it to a value of the same kind",
        "fi": "'{name}' sisältää arvon, joka on {expected}; aseta sille samanlainen arvo",
        "sv": "'{name}' innehåller {expected}; sätt ett värde av samma slag",
    },
    # --- conditions ---
    "condition-syntax": {
        "en": "the condition '{condition}' cannot be read: {problem}",
        "fi": "ehtoa '{condition}' ei voi lukea: {problem}",
        "sv": "villkoret '{condition}' kan inte läsas: {problem}",
    },
    "condition-type": {
        "en": "in the condition '{condition}': {problem}",
        "fi": "ehdossa '{condition}': {problem}",
        "sv": "i villkoret '{condition}': {problem}",
    },
    # --- characters and assets ---
    "bad-color": {
        "en": "'{value}' is not a colour; write it as #rrggbb, e.g. #3d7ea6",
        "fi": "'{value}' ei ole väri; kirjoita se muodossa #rrggbb, esim. #3d7ea6",
        "sv": "'{value}' är ingen färg; skriv den som #rrggbb, t.ex. #3d7ea6",
    },
    "asset-path": {
        "en": "'{path_text}' {problem}",
        "fi": "'{path_text}' {problem}",
        "sv": "'{path_text}' {problem}",
    },
    "asset-type": {
        "en": "'{path_text}' is not a supported {kind} file; use {allowed}",
        "fi": "'{path_text}' ei ole tuettu {kind}tiedosto; käytä muotoa {allowed}",
        "sv": "'{path_text}' är inte en {kind}fil som stöds; använd {allowed}",
    },
    "missing-asset": {
        "en": "'{path_text}' was found neither in the story's folder nor in the shared assets",
        "fi": "tiedostoa '{path_text}' ei löydy tarinan kansiosta eikä yhteisistä tiedostoista",
        "sv": "'{path_text}' finns varken i berättelsens mapp eller bland de gemensamma filerna",
    },
    "bad-image": {
        "en": "'{path_text}' cannot be read as an image",
        "fi": "tiedostoa '{path_text}' ei voi lukea kuvana",
        "sv": "'{path_text}' kan inte läsas som en bild",
    },
    "image-too-large": {
        "en": "'{path_text}' is {width}×{height} pixels; at most {limit} on a side",
        "fi": "'{path_text}' on {width}×{height} pikseliä; sivu saa olla enintään {limit}",
        "sv": "'{path_text}' är {width}×{height} pixlar; högst {limit} per sida",
    },
    "bad-sound": {
        "en": "'{path_text}' cannot be read as a sound (OGG or WAV)",
        "fi": "tiedostoa '{path_text}' ei voi lukea äänenä (OGG tai WAV)",
        "sv": "'{path_text}' kan inte läsas som ljud (OGG eller WAV)",
    },
    "no-domains": {
        "en": "no choice names any 'domains'; the reflection will have nothing from the "
              "story to mirror",
        "fi": "yhdelläkään valinnalla ei ole 'domains'-kenttää; pohdinnassa ei ole tarinasta "
              "mitään peilattavaa",
        "sv": "inget val anger 'domains'; reflektionen får inget från berättelsen att spegla",
    },
}

WORDS: dict[str, T] = {
    # types
    "text": {"en": "text", "fi": "tekstiä", "sv": "text"},
    "number": {"en": "a whole number", "fi": "kokonaisluku", "sv": "ett heltal"},
    "decimal": {"en": "a decimal number", "fi": "desimaaliluku", "sv": "ett decimaltal"},
    "bool": {"en": "true or false", "fi": "true tai false", "sv": "true eller false"},
    "number-or-bool": {"en": "a whole number or true/false",
                       "fi": "kokonaisluku tai true/false", "sv": "ett heltal eller true/false"},
    "list": {"en": "a list", "fi": "lista", "sv": "en lista"},
    "mapping": {"en": "keys and values", "fi": "avaimia ja arvoja", "sv": "nycklar och värden"},
    "domain": {"en": "a domain id or {id, label}", "fi": "alueen tunnus tai {id, label}",
               "sv": "ett områdes-id eller {id, label}"},
    "empty": {"en": "empty", "fi": "tyhjä", "sv": "tom"},
    "other": {"en": "something else", "fi": "jotain muuta", "sv": "något annat"},
    # kinds of names
    "kind-scene": {"en": "scene", "fi": "kohtaus", "sv": "scen"},
    "kind-variable": {"en": "variable", "fi": "muuttuja", "sv": "variabel"},
    "kind-character": {"en": "character", "fi": "hahmo", "sv": "karaktär"},
    "kind-choice": {"en": "choice", "fi": "valinta", "sv": "val"},
    "kind-domain": {"en": "domain", "fi": "alue", "sv": "område"},
    "kind-image": {"en": "image", "fi": "kuva", "sv": "bild"},
    "kind-sound": {"en": "sound", "fi": "ääni", "sv": "ljud"},
    "dash": {"en": " or '-'", "fi": " tai '-'", "sv": " eller '-'"},
    # hints
    "hint": {"en": " (did you mean '{hint}'?)", "fi": " (tarkoititko '{hint}'?)",
             "sv": " (menade du '{hint}'?)"},
    "allowed": {"en": "; allowed here: {allowed}", "fi": "; tässä sallitut: {allowed}",
                "sv": "; tillåtna här: {allowed}"},
    "declare": {
        "en": "; the standard ones are mieli, keho, arki, taidot, yhdessa, and your own are "
              "declared as {id: ..., label: ...}",
        "fi": "; vakioalueet ovat mieli, keho, arki, taidot, yhdessa, ja omat määritellään "
              "muodossa {id: ..., label: ...}",
        "sv": "; standardområdena är mieli, keho, arki, taidot, yhdessa, och egna deklareras "
              "som {id: ..., label: ...}",
    },
    "given": {"en": " (it has {given})", "fi": " (siinä on {given})", "sv": " (den har {given})"},
    "given-none": {"en": " (it has none)", "fi": " (siinä ei ole yhtään)",
                   "sv": " (den har ingen)"},
    "implicit": {
        "en": "; without an 'id' a choice is known by its 'goto', so give each choice an 'id'",
        "fi": "; ilman 'id'-kenttää valinta tunnetaan 'goto'-kohteestaan, joten anna "
              "jokaiselle valinnalle 'id'",
        "sv": "; utan 'id' känns ett val igen på sitt 'goto', så ge varje val ett 'id'",
    },
    # condition problems
    "cp-char": {"en": "'{text}' is not part of the condition language (use and, or, not)",
                "fi": "'{text}' ei kuulu ehtokieleen (käytä sanoja and, or, not)",
                "sv": "'{text}' hör inte till villkorsspråket (använd and, or, not)"},
    "cp-empty": {"en": "it is empty", "fi": "se on tyhjä", "sv": "det är tomt"},
    "cp-unexpected": {"en": "'{text}' was not expected here", "fi": "'{text}' ei sovi tähän",
                      "sv": "'{text}' väntades inte här"},
    "cp-missing-operand": {"en": "something is missing at the end",
                           "fi": "lopusta puuttuu jotain", "sv": "något saknas i slutet"},
    "cp-close-paren": {"en": "a ')' is missing", "fi": "')' puuttuu", "sv": "en ')' saknas"},
    "cp-chained": {"en": "compare two things at a time; join comparisons with 'and'",
                   "fi": "vertaa kahta asiaa kerrallaan; yhdistä vertailut sanalla 'and'",
                   "sv": "jämför två saker i taget; förena jämförelser med 'and'"},
    "cp-single-equals": {"en": "use '==' to compare", "fi": "vertaa merkillä '=='",
                         "sv": "använd '==' för att jämföra"},
    "cp-keyword": {"en": "'{text}' needs something before it",
                   "fi": "sanan '{text}' edessä pitää olla jotain",
                   "sv": "'{text}' behöver något före sig"},
    "cp-seen-paren": {"en": "write seen(scene_id)", "fi": "kirjoita seen(kohtauksen_tunnus)",
                      "sv": "skriv seen(scen_id)"},
    "cp-seen-id": {"en": "seen( ) needs a scene id", "fi": "seen( ) tarvitsee kohtauksen tunnuksen",
                   "sv": "seen( ) behöver ett scen-id"},
    "cp-not-bool": {"en": "a condition must be true or false; compare the number, e.g. 'x > 0'",
                    "fi": "ehdon pitää olla tosi tai epätosi; vertaa lukua, esim. 'x > 0'",
                    "sv": "ett villkor måste vara sant eller falskt; jämför talet, t.ex. 'x > 0'"},
    "cp-not-number": {"en": "'not' goes with true/false, not a number",
                      "fi": "'not' käy tosi/epätosi-arvoille, ei luvuille",
                      "sv": "'not' hör till sant/falskt, inte tal"},
    "cp-logic-number": {"en": "'{op}' joins true/false values, not numbers",
                        "fi": "'{op}' yhdistää tosi/epätosi-arvoja, ei lukuja",
                        "sv": "'{op}' förenar sant/falskt-värden, inte tal"},
    "cp-arith-bool": {"en": "arithmetic works on numbers, not true/false",
                      "fi": "laskutoimitukset toimivat luvuilla, ei tosi/epätosi-arvoilla",
                      "sv": "räkning fungerar på tal, inte sant/falskt"},
    "cp-mixed-compare": {"en": "a number is compared with true/false",
                         "fi": "lukua verrataan tosi/epätosi-arvoon",
                         "sv": "ett tal jämförs med sant/falskt"},
    "cp-order-bool": {"en": "'{op}' compares numbers; use == or != for true/false",
                      "fi": "'{op}' vertaa lukuja; käytä tosi/epätosi-arvoille == tai !=",
                      "sv": "'{op}' jämför tal; använd == eller != för sant/falskt"},
    # placeholder problems
    "pp-stray-brace": {"en": "a lone brace; write {{ or }} for a brace, {name} for a variable",
                       "fi": "yksinäinen aaltosulje; kirjoita {{ tai }} aaltosulkeelle, "
                             "{nimi} muuttujalle",
                       "sv": "en ensam klammer; skriv {{ eller }} för en klammer, {namn} för "
                             "en variabel"},
    "pp-bad-name": {"en": "braces must hold a variable name, like {rahat}",
                    "fi": "aaltosulkeissa pitää olla muuttujan nimi, esim. {rahat}",
                    "sv": "klamrarna måste innehålla ett variabelnamn, t.ex. {rahat}"},
    # asset problems
    "ap-absolute": {"en": "is an absolute path; write it relative to the story's folder",
                    "fi": "on absoluuttinen polku; kirjoita se suhteessa tarinan kansioon",
                    "sv": "är en absolut sökväg; skriv den relativt berättelsens mapp"},
    "ap-climbs": {"en": "climbs out of the story's folder with '..'; keep files inside it",
                  "fi": "nousee tarinan kansiosta ulos '..'-merkinnällä; pidä tiedostot sen "
                        "sisällä",
                  "sv": "klättrar ut ur berättelsens mapp med '..'; håll filerna i den"},
    "ap-empty": {"en": "is not a file name", "fi": "ei ole tiedostonimi",
                 "sv": "är inget filnamn"},
}


def _lang(lang: str) -> str:
    base = lang.split("-", 1)[0].split("_", 1)[0].lower()
    return base if base in LANGS else "en"


def word(key: str, lang: str, **params: Any) -> str:
    entry = WORDS.get(key)
    if entry is None:
        return key
    text = entry[_lang(lang)]
    return text.format(**params) if params else text


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    """The message for `code` in `lang` (fi, sv or en; anything else reads as English)."""
    lang = _lang(lang)
    entry = MESSAGES.get(code)
    p = {k: v for k, v in params.items()}
    if code == "wrong-type":
        p["expected"] = word(str(p.get("expected")), lang)
        p["found"] = word(str(p.get("found")), lang)
    elif code == "set-type":
        p["expected"] = word(str(p.get("expected")), lang)
    elif code == "bad-name":
        p["dash"] = word("dash", lang) if p.get("kind") in ("scene", "choice", "character") else ""
        p["kind"] = word(f"kind-{p.get('kind')}", lang)
    elif code in ("condition-syntax", "condition-type"):
        p["problem"] = word(f"cp-{p.get('problem')}", lang, text=p.get("text", ""),
                            op=p.get("op", ""))
    elif code == "bad-placeholder":
        p["problem"] = WORDS.get(f"pp-{p.get('problem')}", {}).get(lang, str(p.get("problem")))
    elif code == "asset-path":
        p["problem"] = word(f"ap-{p.get('problem')}", lang)
    elif code == "asset-type":
        p["kind"] = word(f"kind-{p.get('kind')}", lang)
    elif code == "unknown-domain":
        p["declare"] = word("declare", lang) if p.get("declare") else ""
    elif code == "scene-exit":
        p["given"] = word("given", lang, given=p["given"]) if p.get("given") else word(
            "given-none", lang)
    elif code == "duplicate-choice-id":
        p["implicit"] = word("implicit", lang) if p.get("implicit") else ""
    if entry is None:
        from ._yaml_messages import lookup

        text = lookup(code, lang, p) or f"{code} {params}"
    else:
        try:
            text = entry[lang].format(**p)
        except (KeyError, IndexError, ValueError):
            text = entry[lang]
    if p.get("hint"):
        text += word("hint", lang, hint=p["hint"])
    elif code == "unknown-key" and p.get("allowed"):
        text += word("allowed", lang, allowed=p["allowed"])
    return text
