"""Messages for the mistakes a new author makes in a story file's layout, with how to fix them.

Each finding has a message (what is wrong) and, under `CODE.hint`, one sentence of how to fix
it. Written for someone who has never heard of YAML: no parser words, the mark named by its
name (tab, colon, quotes). Kept in one table so they can move into the interface catalogue.
"""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, dict[str, str]] = {
    "fix-label": {"fi": "korjaus", "sv": "så rättar du", "en": "fix"},
    # --- the file itself ---
    "file-latin1": {
        "fi": "tiedosto on tallennettu vanhassa Windows-merkistössä (Latin-1), joten "
              "ä, ö ja å eivät näy oikein",
        "sv": "filen är sparad i den gamla Windows-teckenkodningen (Latin-1), så ä, ö och å "
              "visas fel",
        "en": "the file is saved in the old Windows encoding (Latin-1), so ä, ö and å come "
              "out wrong",
    },
    "file-latin1.hint": {
        "fi": "tallenna tiedosto uudelleen ja valitse merkistöksi UTF-8 (Muistiossa: "
              "Tallenna nimellä → Koodaus: UTF-8)",
        "sv": "spara filen igen och välj teckenkodningen UTF-8 (i Anteckningar: "
              "Spara som → Kodning: UTF-8)",
        "en": "save the file again and choose UTF-8 as its encoding (in Notepad: "
              "Save as → Encoding: UTF-8)",
    },
    "file-utf16": {
        "fi": "tiedosto on tallennettu UTF-16-muodossa (Windowsin ”Unicode”), jota Porukka "
              "ei lue",
        "sv": "filen är sparad som UTF-16 (Windows ”Unicode”), som Porukka inte kan läsa",
        "en": "the file is saved as UTF-16 (Windows \"Unicode\"), which Porukka cannot read",
    },
    "file-utf16.hint": {
        "fi": "tallenna tiedosto uudelleen ja valitse merkistöksi UTF-8",
        "sv": "spara filen igen och välj teckenkodningen UTF-8",
        "en": "save the file again and choose UTF-8 as its encoding",
    },
    # --- layout: indentation ---
    "yaml-tab": {
        "fi": "rivin sisennyksessä on sarkain (Tab-näppäimen merkki); tarinatiedostossa "
              "sisennetään vain välilyönneillä",
        "sv": "radens indrag innehåller en tabb (tecknet från Tab-tangenten); i en "
              "berättelsefil görs indrag bara med mellanslag",
        "en": "this line is indented with a tab (the Tab key's character); a story file is "
              "indented with spaces only",
    },
    "yaml-tab.hint": {
        "fi": "poista sarkain ja sisennä välilyönneillä samaan kohtaan kuin muut samantasoiset "
              "rivit; monessa editorissa voi asettaa Tab-näppäimen tekemään välilyöntejä",
        "sv": "ta bort tabben och gör indraget med mellanslag, lika långt som raderna på samma "
              "nivå; i många editorer kan Tab-tangenten ställas in att ge mellanslag",
        "en": "delete the tab and indent with spaces as far as the other lines at the same "
              "level; many editors can make the Tab key type spaces",
    },
    "yaml-indent": {
        "fi": "tämä rivi on sisennetty {found} välilyönnillä, mutta sen pitäisi olla samalla "
              "kohdalla kuin rivi {like} ({expected} välilyöntiä)",
        "sv": "raden är indragen {found} mellanslag, men den ska stå i linje med rad {like} "
              "({expected} mellanslag)",
        "en": "this line is indented by {found} spaces, but it belongs in line with line "
              "{like} ({expected} spaces)",
    },
    "yaml-indent.hint": {
        "fi": "siirrä riviä niin, että sen alussa on {expected} välilyöntiä, kuten rivillä {like}",
        "sv": "flytta raden så att den börjar med {expected} mellanslag, som rad {like}",
        "en": "move the line so that it starts with {expected} spaces, like line {like}",
    },
    "yaml-stray-dash": {
        "fi": "rivi alkaa merkeillä '- ', mutta samalla tasolla olevat rivit eivät ole listan "
              "rivejä",
        "sv": "raden börjar med '- ', men raderna på samma nivå är inga listrader",
        "en": "the line starts with '- ', but the lines at the same level are not list lines",
    },
    "yaml-stray-dash.hint": {
        "fi": "poista rivin alusta '- ', niin rivi on samanlainen kuin rivi {like}",
        "sv": "ta bort '- ' i början av raden, så att den blir som rad {like}",
        "en": "remove the '- ' at the start of the line, so it is like line {like}",
    },
    "yaml-nbsp": {
        "fi": "rivillä on sitova välilyönti (tulee usein mukana, kun tekstiä kopioi verkkosivulta "
              "tai Wordista), ja se näyttää tavalliselta välilyönniltä mutta ei toimi sellaisena",
        "sv": "raden har ett hårt mellanslag (följer ofta med när man kopierar från en webbsida "
              "eller Word); det ser ut som ett vanligt mellanslag men fungerar inte som ett",
        "en": "the line has a no-break space (it often comes along when copying from a web page "
              "or Word); it looks like a normal space but does not work as one",
    },
    "yaml-nbsp.hint": {
        "fi": "poista merkki tästä kohdasta ja kirjoita tilalle tavallinen välilyönti",
        "sv": "ta bort tecknet här och skriv ett vanligt mellanslag i stället",
        "en": "delete the character here and type a normal space instead",
    },
    "yaml-continued": {
        "fi": "tämä rivi on sisennetty syvemmälle kuin edellinen, joten se luetaan edellisen "
              "rivin tekstin jatkoksi",
        "sv": "raden är indragen längre än raden ovanför, så den läses som en fortsättning på "
              "texten ovanför",
        "en": "this line is indented more than the line above, so it is read as the rest of "
              "the text above",
    },
    "yaml-continued.hint": {
        "fi": "sisennä rivi samalle kohdalle kuin rivi {like} ({expected} välilyöntiä)",
        "sv": "dra in raden lika långt som rad {like} ({expected} mellanslag)",
        "en": "indent the line like line {like} ({expected} spaces)",
    },
    "yaml-structure": {
        "fi": "tämä rivi ei sovi tähän kohtaan: sisennys tai rivin alku ei vastaa yllä olevia "
              "rivejä",
        "sv": "raden passar inte in här: indraget eller radens början stämmer inte med raderna "
              "ovanför",
        "en": "this line does not fit here: its indentation or its start does not match the "
              "lines above",
    },
    "yaml-structure.hint": {
        "fi": "vertaa riviä yllä oleviin: samantasoiset avaimet alkavat samasta kohdasta, ja "
              "listan rivit alkavat merkeillä '- '",
        "sv": "jämför raden med raderna ovanför: nycklar på samma nivå börjar i samma kolumn, "
              "och listrader börjar med '- '",
        "en": "compare the line with the ones above: keys at the same level start in the same "
              "column, and list lines start with '- '",
    },
    # --- layout: colons and dashes ---
    "yaml-missing-colon": {
        "fi": "sanan '{word}' perästä puuttuu kaksoispiste",
        "sv": "efter ordet '{word}' saknas ett kolon",
        "en": "the colon after '{word}' is missing",
    },
    "yaml-missing-colon.hint": {
        "fi": "kirjoita kaksoispiste ja välilyönti heti sanan '{word}' perään: '{word}: '",
        "sv": "skriv ett kolon och ett mellanslag direkt efter '{word}': '{word}: '",
        "en": "type a colon and a space right after '{word}': '{word}: '",
    },
    "yaml-colon-space": {
        "fi": "kaksoispisteen perästä puuttuu välilyönti",
        "sv": "efter kolonet saknas ett mellanslag",
        "en": "there is no space after the colon",
    },
    "yaml-colon-space.hint": {
        "fi": "lisää välilyönti kaksoispisteen perään: '{key}: {value}'",
        "sv": "lägg till ett mellanslag efter kolonet: '{key}: {value}'",
        "en": "add a space after the colon: '{key}: {value}'",
    },
    "yaml-dash-space": {
        "fi": "viivan perästä puuttuu välilyönti, joten riviä ei lueta listan riviksi",
        "sv": "efter strecket saknas ett mellanslag, så raden läses inte som en listrad",
        "en": "there is no space after the dash, so this is not read as a list line",
    },
    "yaml-dash-space.hint": {
        "fi": "lisää välilyönti viivan perään: '- {rest}'",
        "sv": "lägg till ett mellanslag efter strecket: '- {rest}'",
        "en": "add a space after the dash: '- {rest}'",
    },
    "yaml-missing-dash": {
        "fi": "tämä rivi on listan kohdalla, mutta sen alusta puuttuu '- '",
        "sv": "raden står i en lista, men '- ' saknas i början",
        "en": "this line is in a list, but it does not start with '- '",
    },
    "yaml-missing-dash.hint": {
        "fi": "aloita rivi merkeillä '- ' ja sisennä se syvemmälle kuin rivi {like}",
        "sv": "börja raden med '- ' och dra in den längre än rad {like}",
        "en": "start the line with '- ' and indent it more than line {like}",
    },
    "yaml-continuation": {
        "fi": "tämä rivi jatkaa yllä olevaa tekstiä, mutta sitä ei ole sisennetty tarpeeksi",
        "sv": "raden fortsätter texten ovanför, men den är inte tillräckligt indragen",
        "en": "this line continues the text above, but it is not indented enough",
    },
    "yaml-continuation.hint": {
        "fi": "sisennä rivi syvemmälle kuin '{key}:' rivillä {like}, tai kirjoita koko teksti "
              "yhdelle riville",
        "sv": "dra in raden längre än '{key}:' på rad {like}, eller skriv hela texten på en rad",
        "en": "indent the line more than '{key}:' on line {like}, or write the whole text on "
              "one line",
    },
    # --- layout: texts that need quotes ---
    "yaml-colon-in-text": {
        "fi": "tekstissä on kaksoispiste ja välilyönti (': '), joka luetaan avaimen ja arvon "
              "väliksi",
        "sv": "texten innehåller kolon och mellanslag (': '), som läses som skiljetecknet "
              "mellan nyckel och värde",
        "en": "the text has a colon and a space (': '), which is read as the mark between a "
              "key and its value",
    },
    "yaml-colon-in-text.hint": {
        "fi": "laita koko teksti lainausmerkkeihin: \"{text}\"",
        "sv": "sätt hela texten inom citattecken: \"{text}\"",
        "en": "put the whole text in quotes: \"{text}\"",
    },
    "yaml-dash-in-text": {
        "fi": "teksti alkaa viivalla ja välilyönnillä ('- '), joka aloittaa listan rivin",
        "sv": "texten börjar med streck och mellanslag ('- '), som inleder en listrad",
        "en": "the text starts with a dash and a space ('- '), which starts a list line",
    },
    "yaml-dash-in-text.hint": {
        "fi": "laita koko teksti lainausmerkkeihin: \"{text}\"",
        "sv": "sätt hela texten inom citattecken: \"{text}\"",
        "en": "put the whole text in quotes: \"{text}\"",
    },
    "yaml-special-start": {
        "fi": "teksti alkaa merkillä '{char}', jolla on tarinatiedostossa erityinen merkitys",
        "sv": "texten börjar med tecknet '{char}', som har en särskild betydelse i en "
              "berättelsefil",
        "en": "the text starts with '{char}', which has a special meaning in a story file",
    },
    "yaml-special-start.hint": {
        "fi": "laita koko teksti lainausmerkkeihin: \"{text}\"",
        "sv": "sätt hela texten inom citattecken: \"{text}\"",
        "en": "put the whole text in quotes: \"{text}\"",
    },
    "yaml-brace-start": {
        "fi": "teksti alkaa sululla '{char}', jolloin se luetaan luetteloksi eikä tekstiksi",
        "sv": "texten börjar med parentesen '{char}', och då läses den som en uppräkning, "
              "inte som text",
        "en": "the text starts with the bracket '{char}', so it is read as a list, not as text",
    },
    "yaml-brace-start.hint": {
        "fi": "laita koko teksti lainausmerkkeihin: \"{text}\"",
        "sv": "sätt hela texten inom citattecken: \"{text}\"",
        "en": "put the whole text in quotes: \"{text}\"",
    },
    "yaml-braces-text": {
        "fi": "sulkeiden {{ }} tai [ ] sisällä olevassa tekstissä on merkki '{char}', joka "
              "katkaisee tekstin",
        "sv": "texten inom klamrarna {{ }} eller [ ] innehåller tecknet '{char}', som bryter "
              "texten",
        "en": "the text inside the brackets {{ }} or [ ] has a '{char}', which cuts the text "
              "short",
    },
    "yaml-braces-text.hint": {
        "fi": "laita tämä teksti lainausmerkkeihin: \"{text}\"",
        "sv": "sätt den här texten inom citattecken: \"{text}\"",
        "en": "put this text in quotes: \"{text}\"",
    },
    "yaml-hash-in-braces": {
        "fi": "merkki # aloittaa kommentin, joten kaikki sen jälkeen rivillä jää pois, myös "
              "sulkeva aaltosulje",
        "sv": "tecknet # inleder en kommentar, så allt efter det på raden faller bort, också "
              "den avslutande klammern",
        "en": "the # starts a comment, so everything after it on the line is dropped, the "
              "closing brace too",
    },
    "yaml-hash-in-braces.hint": {
        "fi": "laita arvo lainausmerkkeihin: \"{text}\"",
        "sv": "sätt värdet inom citattecken: \"{text}\"",
        "en": "put the value in quotes: \"{text}\"",
    },
    "yaml-unclosed-bracket": {
        "fi": "rivillä avattua sulkua ei suljeta",
        "sv": "parentesen som öppnas på raden stängs aldrig",
        "en": "the bracket opened on this line is never closed",
    },
    "yaml-unclosed-bracket.hint": {
        "fi": "lisää rivin loppuun {closing}",
        "sv": "lägg till {closing} i slutet av raden",
        "en": "add {closing} at the end of the line",
    },
    # --- layout: quotes ---
    "yaml-smart-quotes": {
        "fi": "tekstissä on kaarevat lainausmerkit ({char}), joita esimerkiksi Word ja puhelin "
              "tekevät; tarinatiedosto tunnistaa vain suorat lainausmerkit \" ja '",
        "sv": "texten har typografiska citattecken ({char}), som till exempel Word och "
              "telefonen gör; en berättelsefil känner bara igen raka citattecken \" och '",
        "en": "the text has curly quotes ({char}), as Word and phones type them; a story "
              "file only knows straight quotes \" and '",
    },
    "yaml-smart-quotes.hint": {
        "fi": "vaihda tekstin ympärillä olevat lainausmerkit suoriksi: \"{text}\"",
        "sv": "byt citattecknen runt texten mot raka: \"{text}\"",
        "en": "change the quotes around the text to straight ones: \"{text}\"",
    },
    "yaml-unclosed-quote": {
        "fi": "lainausmerkki {quote} aloittaa tekstin, mutta tekstiä ei suljeta samanlaisella "
              "lainausmerkillä",
        "sv": "citattecknet {quote} börjar en text, men texten avslutas inte med samma "
              "citattecken",
        "en": "the quote {quote} starts a text, but no matching quote ends it",
    },
    "yaml-unclosed-quote.hint": {
        "fi": "lisää tekstin loppuun samanlainen lainausmerkki {quote}",
        "sv": "lägg till samma citattecken {quote} i slutet av texten",
        "en": "add the same quote {quote} at the end of the text",
    },
    "yaml-quote-mismatch": {
        "fi": "teksti alkaa lainausmerkillä {quote} mutta päättyy merkkiin {other}",
        "sv": "texten börjar med citattecknet {quote} men slutar med {other}",
        "en": "the text starts with the quote {quote} but ends with {other}",
    },
    "yaml-quote-mismatch.hint": {
        "fi": "käytä tekstin alussa ja lopussa samaa lainausmerkkiä: vaihda {other} "
              "merkiksi {quote}",
        "sv": "använd samma citattecken i början och slutet: byt {other} mot {quote}",
        "en": "use the same quote at both ends: change {other} to {quote}",
    },
    "yaml-quote-inside": {
        "fi": "tekstin sisällä oleva lainausmerkki \" päättää tekstin liian aikaisin",
        "sv": "citattecknet \" inne i texten avslutar texten för tidigt",
        "en": "the quote \" inside the text ends the text too early",
    },
    "yaml-quote-inside.hint": {
        "fi": "käytä tekstin ympärillä heittomerkkejä: '{text}'",
        "sv": "använd apostrofer runt texten: '{text}'",
        "en": "use single quotes around the text: '{text}'",
    },
    "yaml-apostrophe-inside": {
        "fi": "tekstin sisällä oleva heittomerkki ' päättää tekstin liian aikaisin",
        "sv": "apostrofen ' inne i texten avslutar texten för tidigt",
        "en": "the apostrophe ' inside the text ends the text too early",
    },
    "yaml-apostrophe-inside.hint": {
        "fi": "käytä tekstin ympärillä suoria lainausmerkkejä: \"{text}\"",
        "sv": "använd raka citattecken runt texten: \"{text}\"",
        "en": "use double quotes around the text: \"{text}\"",
    },
    "yaml-backslash": {
        "fi": "lainausmerkkien \" \" sisällä kenoviiva \\ aloittaa erikoismerkin, eikä '\\{char}' "
              "ole sellainen",
        "sv": "inom citattecknen \" \" inleder ett omvänt snedstreck \\ ett specialtecken, och "
              "'\\{char}' är inget sådant",
        "en": "inside double quotes a backslash \\ starts a special character, and '\\{char}' "
              "is not one",
    },
    "yaml-backslash.hint": {
        "fi": "käytä tekstin ympärillä heittomerkkejä: '{text}'",
        "sv": "använd apostrofer runt texten: '{text}'",
        "en": "use single quotes around the text: '{text}'",
    },
    "yaml-tag.hint": {
        "fi": "jos teksti alkaa huutomerkillä, laita koko teksti lainausmerkkeihin",
        "sv": "om texten börjar med ett utropstecken, sätt hela texten inom citattecken",
        "en": "if the text starts with an exclamation mark, put the whole text in quotes",
    },
    "yaml-other": {
        "fi": "tätä kohtaa ei voi lukea: rivin rakenne ei ole tarinatiedoston muotoa",
        "sv": "det här stället kan inte läsas: radens uppbyggnad följer inte berättelsefilens "
              "form",
        "en": "this place cannot be read: the line is not in the form of a story file",
    },
    "yaml-other.hint": {
        "fi": "tarkista sisennykset ja laita lainausmerkkeihin teksti, jossa on ': ' tai joka "
              "alkaa erikoismerkillä",
        "sv": "kontrollera indragen och sätt text som innehåller ': ' eller börjar med ett "
              "specialtecken inom citattecken",
        "en": "check the indentation, and put text with ': ' or a leading special character "
              "in quotes",
    },
    # --- shapes the file ended up with ---
    "forgot-dash": {
        "fi": "avaimet {keys} esiintyvät tässä toiseen kertaan samassa kohdassa: unohtuiko "
              "uuden kohdan alusta '- '?",
        "sv": "nycklarna {keys} förekommer en andra gång på samma ställe: glömde du '- ' i "
              "början av en ny punkt?",
        "en": "the keys {keys} appear a second time in the same item: did you forget '- ' "
              "to start a new one?",
    },
    "forgot-dash.hint": {
        "fi": "kirjoita '- ' rivin alkuun, niin rivistä {line} alkaa uusi kohta",
        "sv": "skriv '- ' i början av raden, så börjar en ny punkt på rad {line}",
        "en": "type '- ' at the start of the line, so a new item starts on line {line}",
    },
    "duplicate-key.hint": {
        "fi": "poista toinen riveistä tai yhdistä ne; jos tarkoitit uutta kohtaa listaan, aloita "
              "se merkeillä '- '",
        "sv": "ta bort den ena raden eller slå ihop dem; om du menade en ny punkt i en lista, "
              "börja den med '- '",
        "en": "delete one of the lines or merge them; if you meant a new item in a list, start "
              "it with '- '",
    },
    "duplicate-scene.hint": {
        "fi": "kaksi kohtausta on nimetty '{key}'; anna toiselle oma nimi (ja korjaa ne goto-"
              "kentät, joiden pitää viedä siihen)",
        "sv": "två scener heter '{key}'; ge den ena ett eget namn (och rätta de goto som ska "
              "leda dit)",
        "en": "two scenes are named '{key}'; give one of them its own name (and fix the gotos "
              "that should lead to it)",
    },
    "scene-not-indented": {
        "fi": "'{key}' näyttää kohtaukselta, mutta se ei ole kohdan 'scenes:' alla",
        "sv": "'{key}' ser ut som en scen, men den står inte under 'scenes:'",
        "en": "'{key}' looks like a scene, but it is not under 'scenes:'",
    },
    "scene-not-indented.hint": {
        "fi": "sisennä '{key}:' ja sen rivit kahdella välilyönnillä, kuten muut kohtaukset",
        "sv": "dra in '{key}:' och dess rader två mellanslag, som de andra scenerna",
        "en": "indent '{key}:' and its lines by two spaces, like the other scenes",
    },
    "colon-in-line": {
        "fi": "rivin tekstissä on kaksoispiste ja välilyönti (': '), joten se luetaan "
              "avaimeksi '{name}' eikä tekstiksi",
        "sv": "radens text innehåller kolon och mellanslag (': '), så den läses som nyckeln "
              "'{name}' och inte som text",
        "en": "the line's text has a colon and a space (': '), so it is read as the key "
              "'{name}', not as text",
    },
    "colon-in-line.hint": {
        "fi": "laita koko teksti lainausmerkkeihin: \"{text}\"",
        "sv": "sätt hela texten inom citattecken: \"{text}\"",
        "en": "put the whole text in quotes: \"{text}\"",
    },
    "comma-in-braces": {
        "fi": "pilkku katkaisee tekstin aaltosulkeiden {{ }} sisällä: '{rest}' luetaan uudeksi "
              "kieleksi",
        "sv": "kommatecknet bryter texten inom klamrarna {{ }}: '{rest}' läses som ett nytt "
              "språk",
        "en": "the comma cuts the text inside the braces {{ }}: '{rest}' is read as another "
              "language",
    },
    "comma-in-braces.hint": {
        "fi": "laita teksti lainausmerkkeihin: {lang}: \"{text}\"",
        "sv": "sätt texten inom citattecken: {lang}: \"{text}\"",
        "en": "put the text in quotes: {lang}: \"{text}\"",
    },
    "hash-in-text": {
        "fi": "merkki # aloittaa kommentin, joten kentästä '{field}' jäi pois kaikki sen "
              "jälkeen",
        "sv": "tecknet # inleder en kommentar, så allt efter det föll bort ur '{field}'",
        "en": "the # starts a comment, so everything after it was dropped from '{field}'",
    },
    "hash-in-text.hint": {
        "fi": "laita teksti lainausmerkkeihin: \"{text}\"",
        "sv": "sätt texten inom citattecken: \"{text}\"",
        "en": "put the text in quotes: \"{text}\"",
    },
    "list-expected.hint": {
        "fi": "kirjoita kukin kohta omalle rivilleen ja aloita se merkeillä '- '",
        "sv": "skriv varje punkt på en egen rad och börja den med '- '",
        "en": "write each item on its own line, starting with '- '",
    },
    "bool-words.hint": {
        "fi": "kirjoita kyllä/ei englanniksi: true tai false",
        "sv": "skriv ja/nej på engelska: true eller false",
        "en": "write yes/no as true or false",
    },
    "list-where-text.hint": {
        "fi": "jos teksti alkaa merkeillä '- ', laita se lainausmerkkeihin; jos rivejä on "
              "monta, kirjoita ne kohtaan 'lines:'",
        "sv": "om texten börjar med '- ', sätt den inom citattecken; om det är flera rader, "
              "skriv dem under 'lines:'",
        "en": "if the text starts with '- ', put it in quotes; if there are several lines, "
              "write them under 'lines:'",
    },
    "empty-value.hint": {
        "fi": "kirjoita arvo samalle riville kaksoispisteen ja välilyönnin perään",
        "sv": "skriv värdet på samma rad efter kolonet och ett mellanslag",
        "en": "write the value on the same line, after the colon and a space",
    },
    "trapped-loop.hint": {
        "fi": "tämä goto vie takaisin kohtaukseen '{to}', josta ei pääse eteenpäin; ohjaa se "
              "toiseen kohtaukseen tai lisää valinta, joka vie kohti loppua",
        "sv": "detta goto leder tillbaka till scenen '{to}', där det inte går att komma "
              "vidare; led det till en annan scen eller lägg till ett val som leder mot ett slut",
        "en": "this goto leads back to scene '{to}', from where there is no way on; send it "
              "to another scene or add a choice that leads toward an ending",
    },
    "plain-text": {
        "fi": "tämä teksti on kirjoitettu vain yhdellä kielellä, vaikka tarinan kielet ovat "
              "{languages}; se näytetään sellaisenaan kaikilla kielillä",
        "sv": "texten är skriven på ett enda språk fast berättelsens språk är {languages}; den "
              "visas likadan på alla språk",
        "en": "this text is written in one language only, though the story's languages are "
              "{languages}; it is shown as it is in every language",
    },
    "plain-texts#one": {
        "fi": "tämä ja yksi muu teksti on kirjoitettu vain yhdellä kielellä, vaikka tarinan "
              "kielet ovat {languages}; ne näytetään sellaisinaan kaikilla kielillä",
        "sv": "den här och en annan text är skrivna på ett enda språk fast berättelsens språk "
              "är {languages}; de visas likadana på alla språk",
        "en": "this and one other text are written in one language only, though the story's "
              "languages are {languages}; they are shown as they are in every language",
    },
    "plain-texts#other": {
        "fi": "tämä ja {n} muuta tekstiä on kirjoitettu vain yhdellä kielellä, vaikka tarinan "
              "kielet ovat {languages}; ne näytetään sellaisinaan kaikilla kielillä",
        "sv": "den här och {n} andra texter är skrivna på ett enda språk fast berättelsens "
              "språk är {languages}; de visas likadana på alla språk",
        "en": "this and {n} other texts are written in one language only, though the story's "
              "languages are {languages}; they are shown as they are in every language",
    },
    "plain-texts.hint": {
        "fi": "kirjoita jokainen teksti kaikilla kielillä, esimerkiksi {example}",
        "sv": "skriv varje text på alla språk, till exempel {example}",
        "en": "write every text in each language, for example {example}",
    },
    "plain-text.hint": {
        "fi": "kirjoita teksti jokaisella kielellä: {example}",
        "sv": "skriv texten på varje språk: {example}",
        "en": "write the text in each language: {example}",
    },
}

LANGS = ("fi", "sv", "en")


def _lang(lang: str) -> str:
    base = lang.split("-", 1)[0].split("_", 1)[0].lower()
    return base if base in LANGS else "en"


def lookup(key: str, lang: str, params: dict[str, Any] | None = None) -> str | None:
    """The text for `key` in `lang` with `params` filled in, or None if there is no such key."""
    entry = STRINGS.get(key)
    if entry is None and params is not None and "n" in params:
        entry = STRINGS.get(f"{key}#{'one' if params['n'] == 1 else 'other'}")
    if entry is None:
        return None
    text = entry[_lang(lang)]
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text.replace("{{", "{").replace("}}", "}")


def codes() -> set[str]:
    """The finding codes whose messages live here (not hints, not labels)."""
    return {k.split("#")[0] for k in STRINGS if "." not in k and k != "fix-label"}
