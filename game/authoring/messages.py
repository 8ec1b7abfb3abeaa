"""Words of the authoring tools in Finnish, Swedish and English, added to `game.i18n` on import.

Keys start with the tool's name (`graph-`, `test-`, `plan-`, `strings-`, `twee-`) so they never
meet the engine's own. Codes that name a finding in a file (`plan-unknown-choice`,
`twee-macro`, …) are keys here too: the tools print them as FILE:LINE:COL like `validate`.
"""

from __future__ import annotations

from game.i18n import add_strings

STRINGS: dict[str, dict[str, str]] = {
    # --- graph ---------------------------------------------------------------------------------
    "help-graph": {
        "en": "draw the story map: scenes, choices, endings and problems (.svg, .png, .dot, .mmd)",
        "fi": "piirrä tarinakartta: kohtaukset, valinnat, loput ja ongelmat (.svg, .png, .dot, "
              ".mmd)",
        "sv": "rita berättelsekartan: scener, val, slut och problem (.svg, .png, .dot, .mmd)",
    },
    "help-graph-output": {
        "en": "the file to write; its ending picks the kind: .svg or .png (need Graphviz), .dot "
              "(Graphviz text) or .mmd (Mermaid). Without it, DOT is printed",
        "fi": "kirjoitettava tiedosto; pääte valitsee muodon: .svg tai .png (tarvitsevat "
              "Graphvizin), .dot (Graphviz-teksti) tai .mmd (Mermaid). Ilman tätä tulostetaan DOT",
        "sv": "filen att skriva; ändelsen väljer typ: .svg eller .png (kräver Graphviz), .dot "
              "(Graphviz-text) eller .mmd (Mermaid). Utan den skrivs DOT ut",
    },
    "help-text-lang": {
        "en": "language of the story's texts (default: its first language); messages follow it",
        "fi": "tarinan tekstien kieli (oletus: tarinan ensimmäinen kieli); viestit seuraavat sitä",
        "sv": "språket för berättelsens texter (standard: dess första språk); meddelandena följer "
              "det",
    },
    "graph-legend": {
        "en": "thick blue border: start · double border: ending (green hopeful, blue neutral, "
              "yellow open) · grey dashed: cannot be reached · red: no ending can be reached · "
              "thick arrow: goes on · dashed arrow: choice with a condition",
        "fi": "paksu sininen reunus: alku · kaksoisreunus: loppu (vihreä toiveikas, sininen "
              "neutraali, keltainen avoin) · harmaa katkoviiva: kohtaukseen ei pääse · punainen: "
              "mihinkään loppuun ei pääse · paksu nuoli: jatkuu · katkoviivanuoli: ehdollinen "
              "valinta",
        "sv": "tjock blå ram: början · dubbel ram: slut (grönt hoppfullt, blått neutralt, gult "
              "öppet) · grå streckad: kan inte nås · röd: inget slut kan nås · tjock pil: "
              "fortsätter · streckad pil: val med villkor",
    },
    "graph-bad-format": {
        "en": "cannot tell what to draw from the name '{path}': end it with .svg, .png, .dot or "
              ".mmd",
        "fi": "nimestä '{path}' ei selviä, mitä piirretään: lopeta se päätteeseen .svg, .png, "
              ".dot tai .mmd",
        "sv": "kan inte avgöra vad som ska ritas av namnet '{path}': avsluta det med .svg, .png, "
              ".dot eller .mmd",
    },
    "graph-no-dot": {
        "en": "drawing .svg or .png needs Graphviz's 'dot' program, and it is not installed. "
              "Install Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; macOS: brew "
              "install graphviz; Windows: the installer from graphviz.org), or write a .dot or "
              ".mmd file, which needs nothing extra",
        "fi": ".svg- tai .png-kuvan piirtäminen tarvitsee Graphvizin 'dot'-ohjelman, eikä sitä "
              "ole asennettu. Asenna Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; "
              "macOS: brew install graphviz; Windows: asennusohjelma osoitteesta graphviz.org) "
              "tai kirjoita .dot- tai .mmd-tiedosto, joka ei tarvitse mitään lisää",
        "sv": "att rita .svg eller .png kräver Graphviz-programmet 'dot', och det är inte "
              "installerat. Installera Graphviz (Debian/Ubuntu: sudo apt-get install graphviz; "
              "macOS: brew install graphviz; Windows: installationsprogrammet från graphviz.org) "
              "eller skriv en .dot- eller .mmd-fil, som inte kräver något extra",
    },
    "graph-dot-failed": {
        "en": "Graphviz could not draw the map: {reason}",
        "fi": "Graphviz ei pystynyt piirtämään karttaa: {reason}",
        "sv": "Graphviz kunde inte rita kartan: {reason}",
    },
    "graph-dot-timeout": {
        "en": "Graphviz did not finish in {seconds} seconds; write a .dot or .mmd file instead",
        "fi": "Graphviz ei valmistunut {seconds} sekunnissa; kirjoita sen sijaan .dot- tai "
              ".mmd-tiedosto",
        "sv": "Graphviz blev inte klar på {seconds} sekunder; skriv en .dot- eller .mmd-fil i "
              "stället",
    },
    "graph-written": {
        "en": "wrote the map of '{story}' ({scenes} scenes, {edges} arrows) to {path}",
        "fi": "tarinan '{story}' kartta ({scenes} kohtausta, {edges} nuolta) kirjoitettu "
              "tiedostoon {path}",
        "sv": "kartan över '{story}' ({scenes} scener, {edges} pilar) skrevs till {path}",
    },
    "graph-has-errors": {
        "en": "the story has errors (above); the map shows it as it is, problems in red",
        "fi": "tarinassa on virheitä (yllä); kartta näyttää sen sellaisenaan, ongelmat "
              "punaisella",
        "sv": "berättelsen har fel (ovan); kartan visar den som den är, problem i rött",
    },
    "authoring-unreadable": {
        "en": "the story cannot be read far enough for this; fix the errors above first",
        "fi": "tarinaa ei voi lukea tähän tarpeeksi pitkälle; korjaa ensin yllä olevat virheet",
        "sv": "berättelsen kan inte läsas tillräckligt långt för detta; rätta felen ovan först",
    },
    # --- test ---------------------------------------------------------------------------------
    "help-test": {
        "en": "run a story's test plans (story.test.yaml) and explore every way through it",
        "fi": "aja tarinan testisuunnitelmat (story.test.yaml) ja tutki sen kaikki reitit",
        "sv": "kör berättelsens testplaner (story.test.yaml) och utforska alla vägar genom den",
    },
    "help-test-paths": {
        "en": "a story id, a story file, a story folder or a folder of stories",
        "fi": "tarinan tunnus, tarinatiedosto, tarinakansio tai tarinoiden kansio",
        "sv": "en berättelses id, en berättelsefil, en berättelsemapp eller en mapp med "
              "berättelser",
    },
    "help-junit": {
        "en": "also write the results as JUnit XML to this file, for CI",
        "fi": "kirjoita tulokset myös JUnit XML -muodossa tähän tiedostoon CI:tä varten",
        "sv": "skriv också resultaten som JUnit XML till denna fil, för CI",
    },
    "help-seed": {
        "en": "seed of the random walks, when a story is too big to explore fully (default 0)",
        "fi": "satunnaiskävelyjen siemen, kun tarina on liian suuri tutkittavaksi kokonaan "
              "(oletus 0)",
        "sv": "frö för slumpvandringarna när en berättelse är för stor att utforska helt "
              "(standard 0)",
    },
    "help-test-lang": {
        "en": "language for plans' 'shows' when a plan does not name one (default: the story's "
              "first)",
        "fi": "kieli, jolla 'shows'-tekstit tarkistetaan, jos suunnitelma ei nimeä kieltä "
              "(oletus: tarinan ensimmäinen)",
        "sv": "språket för planernas 'shows' när en plan inte anger något (standard: "
              "berättelsens första)",
    },
    "help-strict": {
        "en": "treat coverage gaps (scenes never reached, choices never shown) as failures",
        "fi": "käsittele kattavuuden aukot (kohtaukset, joihin ei päädytä, valinnat, joita ei "
              "näytetä) virheinä",
        "sv": "behandla luckor i täckningen (scener som aldrig nås, val som aldrig visas) som "
              "fel",
    },
    "help-max-states": {
        "en": "explore every state up to this many, then switch to random walks (default "
              "{default})",
        "fi": "tutki kaikki tilat tähän määrään asti, sitten satunnaiskävelyin (oletus "
              "{default})",
        "sv": "utforska alla tillstånd upp till så många, sedan slumpvandringar (standard "
              "{default})",
    },
    "help-walks": {
        "en": "how many random walks when the story is too big to explore fully (default "
              "{default})",
        "fi": "montako satunnaiskävelyä, kun tarina on liian suuri tutkittavaksi kokonaan "
              "(oletus {default})",
        "sv": "hur många slumpvandringar när berättelsen är för stor att utforska helt "
              "(standard {default})",
    },
    "test-failure": {
        "en": "{file}:{line}:{column}: plan '{plan}' failed {when}: {what}",
        "fi": "{file}:{line}:{column}: suunnitelma '{plan}' epäonnistui {when}: {what}",
        "sv": "{file}:{line}:{column}: planen '{plan}' misslyckades {when}: {what}",
    },
    "test-at-step": {
        "en": "at step {step} ({choice})",
        "fi": "vaiheessa {step} ({choice})",
        "sv": "i steg {step} ({choice})",
    },
    "test-after-step": {
        "en": "after step {step} ({choice})",
        "fi": "vaiheen {step} ({choice}) jälkeen",
        "sv": "efter steg {step} ({choice})",
    },
    "test-at-start": {
        "en": "at the start (no choices)",
        "fi": "alussa (ei valintoja)",
        "sv": "i början (inga val)",
    },
    "test-no-plans": {
        "en": "  (no test plans: write {file} — see docs/authoring-guide.md)",
        "fi": "  (ei testisuunnitelmia: kirjoita {file} — katso docs/kirjoitusopas.md)",
        "sv": "  (inga testplaner: skriv {file} — se docs/authoring-guide.md)",
    },
    "test-coverage": {
        "en": "  coverage ({how}): scenes {scenes}/{scenes_total}, choices "
              "{choices}/{choices_total}, endings {endings}/{endings_total}",
        "fi": "  kattavuus ({how}): kohtaukset {scenes}/{scenes_total}, valinnat "
              "{choices}/{choices_total}, loput {endings}/{endings_total}",
        "sv": "  täckning ({how}): scener {scenes}/{scenes_total}, val "
              "{choices}/{choices_total}, slut {endings}/{endings_total}",
    },
    "test-exhaustive": {
        "en": "every way through: {states} states",
        "fi": "kaikki reitit: {states} tilaa",
        "sv": "alla vägar: {states} tillstånd",
    },
    "test-sampled": {
        "en": "too many states to try all: {states} states, then {walks} random walks with "
              "seed {seed}",
        "fi": "liian monta tilaa kaikkien kokeilemiseen: {states} tilaa, sitten {walks} "
              "satunnaiskävelyä siemenellä {seed}",
        "sv": "för många tillstånd för att pröva alla: {states} tillstånd, sedan {walks} "
              "slumpvandringar med frö {seed}",
    },
    "test-never-reached": {
        "en": "  warning: no playthrough reaches scene '{scene}'",
        "fi": "  varoitus: mikään pelikerta ei päädy kohtaukseen '{scene}'",
        "sv": "  varning: ingen genomspelning når scenen '{scene}'",
    },
    "test-never-reached-sampled": {
        "en": "  warning: no random walk reached scene '{scene}'",
        "fi": "  varoitus: mikään satunnaiskävely ei päätynyt kohtaukseen '{scene}'",
        "sv": "  varning: ingen slumpvandring nådde scenen '{scene}'",
    },
    "test-never-shown": {
        "en": "  warning: choice '{choice}' in scene '{scene}' is never shown: 'if: {condition}' "
              "never holds when the group is there",
        "fi": "  varoitus: valintaa '{choice}' kohtauksessa '{scene}' ei näytetä koskaan: "
              "'if: {condition}' ei toteudu koskaan, kun ryhmä on siellä",
        "sv": "  varning: valet '{choice}' i scenen '{scene}' visas aldrig: 'if: {condition}' "
              "gäller aldrig när gruppen är där",
    },
    "test-never-shown-sampled": {
        "en": "  warning: choice '{choice}' in scene '{scene}' was never shown in the random "
              "walks ('if: {condition}')",
        "fi": "  varoitus: valintaa '{choice}' kohtauksessa '{scene}' ei näytetty yhdessäkään "
              "satunnaiskävelyssä ('if: {condition}')",
        "sv": "  varning: valet '{choice}' i scenen '{scene}' visades aldrig i "
              "slumpvandringarna ('if: {condition}')",
    },
    "test-not-taken": {
        "en": "  warning: choice '{choice}' in scene '{scene}' was shown but never taken in the "
              "random walks",
        "fi": "  varoitus: valinta '{choice}' kohtauksessa '{scene}' näytettiin, mutta sitä ei "
              "valittu yhdessäkään satunnaiskävelyssä",
        "sv": "  varning: valet '{choice}' i scenen '{scene}' visades men valdes aldrig i "
              "slumpvandringarna",
    },
    "test-stuck": {
        "en": "  warning: in scene '{scene}' the group can find no choice available (for "
              "example with {values}); the facilitator would have to skip to an ending",
        "fi": "  varoitus: kohtauksessa '{scene}' ryhmälle ei voi olla tarjolla yhtään valintaa "
              "(esimerkiksi kun {values}); ohjaajan pitäisi hypätä loppuun",
        "sv": "  varning: i scenen '{scene}' kan gruppen sakna tillgängliga val (till exempel "
              "med {values}); handledaren skulle behöva hoppa till ett slut",
    },
    "test-summary": {
        "en": "{stories} story file(s): {passed} plan(s) passed, {failed} failed",
        "fi": "{stories} tarina(a): {passed} suunnitelma(a) onnistui, {failed} epäonnistui",
        "sv": "{stories} berättelse(r): {passed} plan(er) lyckades, {failed} misslyckades",
    },
    "test-gaps": {
        "en": "coverage has gaps (warnings above); with --strict they fail the run",
        "fi": "kattavuudessa on aukkoja (varoitukset yllä); --strict tekee niistä virheitä",
        "sv": "täckningen har luckor (varningar ovan); med --strict blir de fel",
    },
    "test-junit-written": {
        "en": "wrote JUnit XML to {path}",
        "fi": "JUnit XML kirjoitettu tiedostoon {path}",
        "sv": "JUnit XML skrevs till {path}",
    },
    "test-bad-number": {
        "en": "{option} must be a whole number of at least {least}",
        "fi": "{option} pitää olla kokonaisluku, vähintään {least}",
        "sv": "{option} måste vara ett heltal, minst {least}",
    },
    # what a plan found
    "plan-ended-early": {
        "en": "the story had already ended in '{scene}'",
        "fi": "tarina oli jo päättynyt kohtaukseen '{scene}'",
        "sv": "berättelsen hade redan slutat i '{scene}'",
    },
    "plan-stuck": {
        "en": "no choice is available in scene '{scene}'",
        "fi": "kohtauksessa '{scene}' ei ole yhtään valintaa tarjolla",
        "sv": "inget val finns i scenen '{scene}'",
    },
    "plan-not-in-scene": {
        "en": "the group is in scene '{scene}', which has no such choice; available: "
              "{available}",
        "fi": "ryhmä on kohtauksessa '{scene}', jossa ei ole tätä valintaa; tarjolla: "
              "{available}",
        "sv": "gruppen är i scenen '{scene}', som inte har det valet; tillgängliga: {available}",
    },
    "plan-hidden": {
        "en": "in scene '{scene}' this choice is hidden (its 'if' does not hold); available: "
              "{available}",
        "fi": "kohtauksessa '{scene}' tämä valinta on piilossa (sen 'if'-ehto ei toteudu); "
              "tarjolla: {available}",
        "sv": "i scenen '{scene}' är valet dolt (dess 'if' gäller inte); tillgängliga: "
              "{available}",
    },
    "plan-no-ending": {
        "en": "expected the ending '{expected}', but the story is still in scene '{scene}'",
        "fi": "odotettiin loppua '{expected}', mutta tarina on yhä kohtauksessa '{scene}'",
        "sv": "väntade slutet '{expected}', men berättelsen är fortfarande i scenen '{scene}'",
    },
    "plan-wrong-ending": {
        "en": "expected the ending '{expected}', found '{found}'",
        "fi": "odotettiin loppua '{expected}', saatiin '{found}'",
        "sv": "väntade slutet '{expected}', fick '{found}'",
    },
    "plan-wrong-scene": {
        "en": "expected to be in scene '{expected}', found '{found}'",
        "fi": "odotettiin olevan kohtauksessa '{expected}', oltiin kohtauksessa '{found}'",
        "sv": "väntade att vara i scenen '{expected}', var i '{found}'",
    },
    "plan-not-visited": {
        "en": "expected to pass through scene '{expected}'; the path was {path}",
        "fi": "odotettiin kulkua kohtauksen '{expected}' kautta; reitti oli {path}",
        "sv": "väntade att passera scenen '{expected}'; vägen var {path}",
    },
    "plan-wrong-variable": {
        "en": "expected {name} = {expected}, found {found}",
        "fi": "odotettiin {name} = {expected}, saatiin {found}",
        "sv": "väntade {name} = {expected}, fick {found}",
    },
    "plan-not-shown": {
        "en": "expected a line containing '{text}' ({lang}), but none was shown",
        "fi": "odotettiin riviä, jossa on '{text}' ({lang}), mutta sellaista ei näytetty",
        "sv": "väntade en rad som innehåller '{text}' ({lang}), men ingen visades",
    },
    # problems in a plan file
    "plan-empty": {
        "en": "'{field}' must not be empty",
        "fi": "'{field}' ei saa olla tyhjä",
        "sv": "'{field}' får inte vara tom",
    },
    "plan-unknown-lang": {
        "en": "the story has no language '{lang}' ({languages})",
        "fi": "tarinassa ei ole kieltä '{lang}' ({languages})",
        "sv": "berättelsen har inget språk '{lang}' ({languages})",
    },
    "plan-duplicate-name": {
        "en": "another plan is already called '{plan}' (line {first}); give each plan its own "
              "name",
        "fi": "toisen suunnitelman nimi on jo '{plan}' (rivi {first}); anna jokaiselle "
              "suunnitelmalle oma nimi",
        "sv": "en annan plan heter redan '{plan}' (rad {first}); ge varje plan ett eget namn",
    },
    "plan-unknown-choice": {
        "en": "step {step}: no scene of the story has a choice '{name}'",
        "fi": "vaihe {step}: missään tarinan kohtauksessa ei ole valintaa '{name}'",
        "sv": "steg {step}: ingen scen i berättelsen har ett val '{name}'",
    },
    "plan-not-ending": {
        "en": "'{name}' is not an ending; the endings are: {endings}",
        "fi": "'{name}' ei ole loppu; loput ovat: {endings}",
        "sv": "'{name}' är inget slut; sluten är: {endings}",
    },
    # --- strings -------------------------------------------------------------------------------
    "help-strings": {
        "en": "translate a story through a spreadsheet: export its texts to CSV, import them back",
        "fi": "käännä tarina taulukkolaskennan avulla: vie tekstit CSV-tiedostoon ja tuo ne "
              "takaisin",
        "sv": "översätt en berättelse via ett kalkylark: exportera texterna till CSV och "
              "importera dem tillbaka",
    },
    "help-strings-export": {
        "en": "write every text of a story to a CSV file for translating (opens in Excel)",
        "fi": "kirjoita tarinan kaikki tekstit CSV-tiedostoon käännettäviksi (aukeaa Excelissä)",
        "sv": "skriv alla texter i en berättelse till en CSV-fil för översättning (öppnas i "
              "Excel)",
    },
    "help-strings-import": {
        "en": "write the translations of a CSV file back into the story, keeping its comments",
        "fi": "kirjoita CSV-tiedoston käännökset takaisin tarinaan kommentit säilyttäen",
        "sv": "skriv tillbaka översättningarna i en CSV-fil till berättelsen, med kommentarerna "
              "kvar",
    },
    "help-strings-lang": {
        "en": "the language to translate into, e.g. sv, en or fi-selko",
        "fi": "kieli, jolle käännetään, esim. sv, en tai fi-selko",
        "sv": "språket att översätta till, t.ex. sv, en eller fi-selko",
    },
    "help-strings-csv-out": {
        "en": "the CSV file to write (default: <story id>.<language>.csv)",
        "fi": "kirjoitettava CSV-tiedosto (oletus: <tarinan tunnus>.<kieli>.csv)",
        "sv": "CSV-filen att skriva (standard: <berättelsens id>.<språk>.csv)",
    },
    "help-strings-csv": {
        "en": "a CSV file made by 'porukka strings export' and filled in",
        "fi": "'porukka strings export' -komennolla tehty ja täytetty CSV-tiedosto",
        "sv": "en CSV-fil gjord med 'porukka strings export' och ifylld",
    },
    "help-strings-story": {
        "en": "the story to write into (default: the file the CSV's 'where' column names)",
        "fi": "tarina, johon kirjoitetaan (oletus: CSV:n 'where'-sarakkeen nimeämä tiedosto)",
        "sv": "berättelsen att skriva till (standard: filen som CSV:ns kolumn 'where' anger)",
    },
    "help-strings-force": {
        "en": "import stale translations too (their source text changed since the export)",
        "fi": "tuo myös vanhentuneet käännökset (lähdeteksti on muuttunut viennin jälkeen)",
        "sv": "importera även inaktuella översättningar (källtexten har ändrats sedan exporten)",
    },
    "help-dry-run": {
        "en": "show what would change, write nothing",
        "fi": "näytä, mitä muuttuisi, mutta älä kirjoita mitään",
        "sv": "visa vad som skulle ändras, skriv ingenting",
    },
    "strings-exported": {
        "en": "wrote {count} texts of '{story}' (from {source} into {lang}; {done} already "
              "translated) to {path}",
        "fi": "tarinan '{story}' {count} tekstiä (kielestä {source} kielelle {lang}; {done} jo "
              "käännetty) kirjoitettu tiedostoon {path}",
        "sv": "{count} texter i '{story}' (från {source} till {lang}; {done} redan översatta) "
              "skrevs till {path}",
    },
    "strings-bad-lang": {
        "en": "'{lang}' is not a language code; use short lowercase codes like sv, en or "
              "fi-selko",
        "fi": "'{lang}' ei ole kielikoodi; käytä lyhyitä pienin kirjaimin kirjoitettuja "
              "koodeja, kuten sv, en tai fi-selko",
        "sv": "'{lang}' är ingen språkkod; använd korta koder med små bokstäver som sv, en "
              "eller fi-selko",
    },
    "strings-same-language": {
        "en": "'{lang}' is the story's own language (its first in 'languages'); translate into "
              "another one",
        "fi": "'{lang}' on tarinan oma kieli (ensimmäinen kohdassa 'languages'); käännä jollekin "
              "toiselle kielelle",
        "sv": "'{lang}' är berättelsens eget språk (det första i 'languages'); översätt till "
              "ett annat",
    },
    "strings-csv-not-utf8": {
        "en": "the file is not UTF-8 text; in Excel choose Save As › 'CSV UTF-8'",
        "fi": "tiedosto ei ole UTF-8-tekstiä; valitse Excelissä Tallenna nimellä › 'CSV UTF-8'",
        "sv": "filen är inte UTF-8-text; välj Spara som › 'CSV UTF-8' i Excel",
    },
    "strings-csv-header": {
        "en": "the first row must be the one the export wrote: key, <story language>, "
              "<language>, where, hash",
        "fi": "ensimmäisen rivin pitää olla viennin kirjoittama: key, <tarinan kieli>, <kieli>, "
              "where, hash",
        "sv": "första raden måste vara den som exporten skrev: key, <berättelsens språk>, "
              "<språk>, where, hash",
    },
    "strings-csv-columns": {
        "en": "expected 5 columns, found {count}",
        "fi": "odotettiin 5 saraketta, löytyi {count}",
        "sv": "väntade 5 kolumner, hittade {count}",
    },
    "strings-csv-syntax": {
        "en": "the CSV cannot be read: {problem}",
        "fi": "CSV-tiedostoa ei voi lukea: {problem}",
        "sv": "CSV-filen kan inte läsas: {problem}",
    },
    "strings-csv-too-large": {
        "en": "the file is larger than {limit} MB; this is not a translation table",
        "fi": "tiedosto on suurempi kuin {limit} Mt; tämä ei ole käännöstaulukko",
        "sv": "filen är större än {limit} MB; detta är ingen översättningstabell",
    },
    "strings-no-story": {
        "en": "cannot tell which story this CSV belongs to; name it with --story",
        "fi": "ei selviä, mihin tarinaan tämä CSV kuuluu; nimeä tarina valitsimella --story",
        "sv": "kan inte avgöra vilken berättelse CSV-filen hör till; ange den med --story",
    },
    "strings-story-has-errors": {
        "en": "the story has errors (above); fix them first, then import",
        "fi": "tarinassa on virheitä (yllä); korjaa ne ensin ja tuo sitten käännökset",
        "sv": "berättelsen har fel (ovan); rätta dem först och importera sedan",
    },
    "strings-yaml-failed": {
        "en": "the story file could not be rewritten, so nothing was written: {problem}",
        "fi": "tarinatiedostoa ei voitu kirjoittaa uudelleen, joten mitään ei kirjoitettu: "
              "{problem}",
        "sv": "berättelsefilen kunde inte skrivas om, så inget skrevs: {problem}",
    },
    "strings-stale": {
        "en": "{file}:{row}: stale: the {source} text of '{key}' changed since the export (it "
              "is now \"{text}\"); check the translation, then import with --force",
        "fi": "{file}:{row}: vanhentunut: kohdan '{key}' {source}-teksti on muuttunut viennin "
              "jälkeen (nyt \"{text}\"); tarkista käännös ja tuo se valitsimella --force",
        "sv": "{file}:{row}: inaktuell: {source}-texten i '{key}' har ändrats sedan exporten "
              "(nu \"{text}\"); kontrollera översättningen och importera med --force",
    },
    "strings-forced": {
        "en": "{file}:{row}: '{key}' was imported although its {source} text changed "
              "(--force)",
        "fi": "{file}:{row}: '{key}' tuotiin, vaikka sen {source}-teksti on muuttunut "
              "(--force)",
        "sv": "{file}:{row}: '{key}' importerades fast dess {source}-text har ändrats "
              "(--force)",
    },
    "strings-unknown-key": {
        "en": "{file}:{row}: the story has no text '{key}' (now); skipped",
        "fi": "{file}:{row}: tarinassa ei ole (enää) tekstiä '{key}'; ohitettiin",
        "sv": "{file}:{row}: berättelsen har ingen text '{key}' (längre); hoppades över",
    },
    "strings-rejected": {
        "en": "{file}:{row}: '{key}': {problem}; skipped",
        "fi": "{file}:{row}: '{key}': {problem}; ohitettiin",
        "sv": "{file}:{row}: '{key}': {problem}; hoppades över",
    },
    "strings-too-long": {
        "en": "the translation is {length} characters, at most {limit} fit a shared screen",
        "fi": "käännöksessä on {length} merkkiä, yhteiselle näytölle mahtuu enintään {limit}",
        "sv": "översättningen har {length} tecken, högst {limit} ryms på en gemensam skärm",
    },
    "strings-bad-braces": {
        "en": "a lone brace: write {open} or {close} for a brace, and {{name}} for a variable",
        "fi": "yksinäinen aaltosulje: kirjoita {open} tai {close} aaltosulkeelle ja {{nimi}} "
              "muuttujalle",
        "sv": "en ensam klammer: skriv {open} eller {close} för en klammer och {{namn}} för "
              "en variabel",
    },
    "strings-unknown-variable": {
        "en": "the story has no variable '{name}' (keep the {{…}} names as in the source text)",
        "fi": "tarinassa ei ole muuttujaa '{name}' (pidä {{…}}-nimet samoina kuin lähdetekstissä)",
        "sv": "berättelsen har ingen variabel '{name}' (behåll {{…}}-namnen som i källtexten)",
    },
    "strings-summary": {
        "en": "{changed} translation(s) to write, {unchanged} unchanged, {empty} empty "
              "skipped, {stale} stale, {unknown} unknown, {rejected} rejected",
        "fi": "{changed} käännöstä kirjoitettavana, {unchanged} ennallaan, {empty} tyhjää "
              "ohitettu, {stale} vanhentunutta, {unknown} tuntematonta, {rejected} hylättyä",
        "sv": "{changed} översättning(ar) att skriva, {unchanged} oförändrade, {empty} tomma "
              "överhoppade, {stale} inaktuella, {unknown} okända, {rejected} avvisade",
    },
    "strings-language-added": {
        "en": "'{lang}' is added to the story's languages",
        "fi": "'{lang}' lisätään tarinan kieliin",
        "sv": "'{lang}' läggs till bland berättelsens språk",
    },
    "strings-written": {
        "en": "wrote {path}: it validates with {warnings} warning(s)",
        "fi": "{path} kirjoitettu: se on kelvollinen, {warnings} varoitus(ta)",
        "sv": "{path} skrevs: den är giltig, med {warnings} varning(ar)",
    },
    "strings-warnings-hint": {
        "en": "see them with: porukka validate {path}",
        "fi": "näet ne komennolla: porukka validate {path}",
        "sv": "se dem med: porukka validate {path}",
    },
    "strings-invalid-result": {
        "en": "the story would not validate after the import, so nothing was written:",
        "fi": "tarina ei olisi tuonnin jälkeen kelvollinen, joten mitään ei kirjoitettu:",
        "sv": "berättelsen skulle inte vara giltig efter importen, så inget skrevs:",
    },
    "strings-dry-run": {
        "en": "(--dry-run: nothing was written)",
        "fi": "(--dry-run: mitään ei kirjoitettu)",
        "sv": "(--dry-run: inget skrevs)",
    },
    "strings-nothing": {
        "en": "nothing to write: the story already has these translations",
        "fi": "ei kirjoitettavaa: tarinassa on jo nämä käännökset",
        "sv": "inget att skriva: berättelsen har redan dessa översättningar",
    },
    # --- import-twee ---------------------------------------------------------------------------
    "help-import-twee": {
        "en": "convert a Twine story (Twee 3) into a Porukka story.yaml, reporting what it "
              "cannot convert",
        "fi": "muunna Twine-tarina (Twee 3) Porukan story.yaml-tiedostoksi ja kerro, mitä ei "
              "voinut muuntaa",
        "sv": "konvertera en Twine-berättelse (Twee 3) till en Porukka-story.yaml och rapportera "
              "vad som inte kunde konverteras",
    },
    "help-twee-file": {
        "en": "the .twee file (in Twine: Build › Export as Twee)",
        "fi": ".twee-tiedosto (Twinessä: Build › Export as Twee)",
        "sv": ".twee-filen (i Twine: Build › Export as Twee)",
    },
    "help-twee-output": {
        "en": "the story folder to write story.yaml into (or a .yaml file)",
        "fi": "tarinakansio, johon story.yaml kirjoitetaan (tai .yaml-tiedosto)",
        "sv": "berättelsemappen som story.yaml skrivs till (eller en .yaml-fil)",
    },
    "help-twee-lang": {
        "en": "the language the Twine story is written in (default fi)",
        "fi": "kieli, jolla Twine-tarina on kirjoitettu (oletus fi)",
        "sv": "språket som Twine-berättelsen är skriven på (standard fi)",
    },
    "help-twee-force": {
        "en": "overwrite an existing story.yaml",
        "fi": "korvaa olemassa oleva story.yaml",
        "sv": "skriv över en befintlig story.yaml",
    },
    "twee-header": {
        "en": "Converted from {source} by 'porukka import-twee'.\nCheck the notes it printed, "
              "then run 'porukka validate' on this file.",
        "fi": "Muunnettu tiedostosta {source} komennolla 'porukka import-twee'.\nLue sen "
              "tulostamat huomautukset ja aja sitten 'porukka validate' tälle tiedostolle.",
        "sv": "Konverterad från {source} med 'porukka import-twee'.\nLäs anmärkningarna den "
              "skrev ut och kör sedan 'porukka validate' på denna fil.",
    },
    "twee-exists": {
        "en": "{path} already exists; choose another folder, or use --force to overwrite it",
        "fi": "{path} on jo olemassa; valitse toinen kansio tai korvaa se valitsimella --force",
        "sv": "{path} finns redan; välj en annan mapp eller skriv över den med --force",
    },
    "twee-written": {
        "en": "wrote {path}: {scenes} scenes from '{title}'",
        "fi": "{path} kirjoitettu: {scenes} kohtausta tarinasta '{title}'",
        "sv": "{path} skrevs: {scenes} scener från '{title}'",
    },
    "twee-notes-summary": {
        "en": "{count} thing(s) could not be converted (above); rewrite them by hand",
        "fi": "{count} kohtaa ei voitu muuntaa (yllä); kirjoita ne käsin uudelleen",
        "sv": "{count} sak(er) kunde inte konverteras (ovan); skriv om dem för hand",
    },
    "twee-validate-errors": {
        "en": "the converted story has errors (above); fix them in {path}",
        "fi": "muunnetussa tarinassa on virheitä (yllä); korjaa ne tiedostossa {path}",
        "sv": "den konverterade berättelsen har fel (ovan); rätta dem i {path}",
    },
    "twee-not-utf8": {
        "en": "{path} is not UTF-8 text; export it again from Twine",
        "fi": "{path} ei ole UTF-8-tekstiä; vie se uudelleen Twinestä",
        "sv": "{path} är inte UTF-8-text; exportera den igen från Twine",
    },
    "twee-too-large": {
        "en": "{path} is larger than {limit} MB",
        "fi": "{path} on suurempi kuin {limit} Mt",
        "sv": "{path} är större än {limit} MB",
    },
    "twee-no-passages": {
        "en": "{path}: no passages found; a Twee file has passages that start with '::'",
        "fi": "{path}: kappaleita (passage) ei löytynyt; Twee-tiedoston kappaleet alkavat "
              "merkeillä '::'",
        "sv": "{path}: inga passager hittades; en Twee-fil har passager som börjar med '::'",
    },
    "twee-macro": {
        "en": "passage '{passage}': the macro {text} was removed; rewrite it with Porukka's "
              "'if', 'set' or 'add'",
        "fi": "kappale '{passage}': makro {text} poistettiin; kirjoita se uudelleen Porukan "
              "'if'-, 'set'- tai 'add'-kentällä",
        "sv": "passagen '{passage}': makrot {text} togs bort; skriv om det med Porukkas "
              "'if', 'set' eller 'add'",
    },
    "twee-script": {
        "en": "passage '{passage}': the script or style {text} was removed; a Porukka story "
              "never runs code",
        "fi": "kappale '{passage}': skripti tai tyyli {text} poistettiin; Porukka-tarina ei "
              "koskaan suorita koodia",
        "sv": "passagen '{passage}': skriptet eller stilen {text} togs bort; en "
              "Porukka-berättelse kör aldrig kod",
    },
    "twee-comment": {
        "en": "passage '{passage}': the comment {text} was removed",
        "fi": "kappale '{passage}': kommentti {text} poistettiin",
        "sv": "passagen '{passage}': kommentaren {text} togs bort",
    },
    "twee-snowman": {
        "en": "passage '{passage}': the code {text} was removed",
        "fi": "kappale '{passage}': koodi {text} poistettiin",
        "sv": "passagen '{passage}': koden {text} togs bort",
    },
    "twee-html": {
        "en": "passage '{passage}': the HTML tag {text} was removed (for emphasis write *text*)",
        "fi": "kappale '{passage}': HTML-tagi {text} poistettiin (korostus kirjoitetaan "
              "*teksti*)",
        "sv": "passagen '{passage}': HTML-taggen {text} togs bort (betoning skrivs *text*)",
    },
    "twee-insert": {
        "en": "passage '{passage}': the insert {text} was removed",
        "fi": "kappale '{passage}': lisäys {text} poistettiin",
        "sv": "passagen '{passage}': infogningen {text} togs bort",
    },
    "twee-modifier": {
        "en": "passage '{passage}': the modifier {text} was removed",
        "fi": "kappale '{passage}': muokkain {text} poistettiin",
        "sv": "passagen '{passage}': modifieraren {text} togs bort",
    },
    "twee-chapbook-vars": {
        "en": "passage '{passage}': the Chapbook vars section was removed; declare variables "
              "under 'variables:'",
        "fi": "kappale '{passage}': Chapbookin vars-osio poistettiin; määrittele muuttujat "
              "kohdassa 'variables:'",
        "sv": "passagen '{passage}': Chapbooks vars-avsnitt togs bort; deklarera variabler "
              "under 'variables:'",
    },
    "twee-variable": {
        "en": "passage '{passage}': the variable {text} is left in the text as it is; Porukka "
              "variables are declared under 'variables:' and shown as {{name}}",
        "fi": "kappale '{passage}': muuttuja {text} jäi tekstiin sellaisenaan; Porukan "
              "muuttujat määritellään kohdassa 'variables:' ja näytetään muodossa {{nimi}}",
        "sv": "passagen '{passage}': variabeln {text} står kvar i texten som den är; Porukkas "
              "variabler deklareras under 'variables:' och visas som {{namn}}",
    },
    "twee-setter": {
        "en": "passage '{passage}': the setter in {text} was dropped; use 'set:' on the choice",
        "fi": "kappale '{passage}': linkin {text} asetus jätettiin pois; käytä valinnassa "
              "'set:'-kenttää",
        "sv": "passagen '{passage}': inställningen i {text} togs bort; använd 'set:' på valet",
    },
    "twee-empty-link": {
        "en": "passage '{passage}': the link {text} names no passage and was dropped",
        "fi": "kappale '{passage}': linkki {text} ei osoita mihinkään kappaleeseen, ja se "
              "jätettiin pois",
        "sv": "passagen '{passage}': länken {text} pekar inte på någon passage och togs bort",
    },
    "twee-broken-link": {
        "en": "passage '{passage}': the link to '{target}' was dropped: there is no such "
              "passage",
        "fi": "kappale '{passage}': linkki kappaleeseen '{target}' jätettiin pois: sellaista "
              "kappaletta ei ole",
        "sv": "passagen '{passage}': länken till '{target}' togs bort: det finns ingen sådan "
              "passage",
    },
    "twee-too-many-links": {
        "en": "passage '{passage}': {count} links, but a scene has at most {limit} choices; "
              "the links from here on were dropped",
        "fi": "kappale '{passage}': {count} linkkiä, mutta kohtauksessa voi olla enintään "
              "{limit} valintaa; tästä eteenpäin linkit jätettiin pois",
        "sv": "passagen '{passage}': {count} länkar, men en scen har högst {limit} val; "
              "länkarna härifrån togs bort",
    },
    "twee-special": {
        "en": "passage '{passage}' was not converted ({why}): special passages and scripts "
              "have no place in a Porukka story",
        "fi": "kappaletta '{passage}' ei muunnettu ({why}): erikoiskappaleille ja skripteille "
              "ei ole paikkaa Porukka-tarinassa",
        "sv": "passagen '{passage}' konverterades inte ({why}): specialpassager och skript "
              "har ingen plats i en Porukka-berättelse",
    },
    "twee-duplicate-passage": {
        "en": "passage '{passage}': a second passage with this name was skipped",
        "fi": "kappale '{passage}': toinen samanniminen kappale ohitettiin",
        "sv": "passagen '{passage}': en andra passage med samma namn hoppades över",
    },
    "twee-no-start": {
        "en": "the start passage '{name}' does not exist; the first passage is the start",
        "fi": "aloituskappaletta '{name}' ei ole; ensimmäinen kappale on alku",
        "sv": "startpassagen '{name}' finns inte; den första passagen är början",
    },
    "twee-bad-storydata": {
        "en": "StoryData is not valid JSON and was ignored",
        "fi": "StoryData ei ole kelvollista JSONia, ja se ohitettiin",
        "sv": "StoryData är inte giltig JSON och ignorerades",
    },
    "twee-empty-passage": {
        "en": "passage '{passage}' has no text; its name is used as its line",
        "fi": "kappaleessa '{passage}' ei ole tekstiä; sen nimeä käytetään rivinä",
        "sv": "passagen '{passage}' har ingen text; dess namn används som rad",
    },
}

add_strings(STRINGS)
