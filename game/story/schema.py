"""The JSON Schema of the story format, for editors (yaml-language-server and others).

The shapes come from the pydantic model; what an author reads when hovering over a key or
picking one from the completion list comes from `KEY_DOCS` below. An editor shows `title` and
`description` (VS Code's YAML extension prefers `markdownDescription`), so every property gets
its YAML key as title, an English and a Finnish sentence, and an example. The Finnish sentence is
also kept alone in `x-description-fi` for tools that want one language.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Story

SCHEMA_ID = "https://porukka.invalid/schema/story-1.json"

# The model's class names are not words an author knows: each object is named by what it is.
DEF_NAMES: dict[str, str] = {
    "Character": "character",
    "ChoiceSpec": "choice",
    "Ending": "ending",
    "Scene": "scene",
    "Variable": "variable",
}

# (where, key) -> (English, Finnish, example). `where` is the object the key belongs to.
KEY_DOCS: dict[tuple[str, str], tuple[str, str, Any]] = {
    ("story", "format"): (
        "Version of the story format. Always 1.",
        "Tarinamuodon versio. Aina 1.", 1),
    ("story", "id"): (
        "The story's id: lowercase letters a-z, digits and '-', at most 64 characters.",
        "Tarinan tunnus: pieniä kirjaimia a–z, numeroita ja '-', enintään 64 merkkiä.",
        "kamppis"),
    ("story", "title"): (
        "The story's name, shown in the story list.",
        "Tarinan nimi, joka näkyy tarinaluettelossa.",
        {"fi": "Rahat loppuu kesken", "en": "The money runs out"}),
    ("story", "languages"): (
        "The languages the story is written in; the first is the default.",
        "Kielet, joilla tarina on kirjoitettu; ensimmäinen on oletuskieli.", ["fi", "sv", "en"]),
    ("story", "description"): (
        "One or two sentences about the story for the story list.",
        "Tarinan esittely tarinaluetteloon, yksi tai kaksi virkettä.",
        "Kuun loppu lähestyy ja tilillä on vähän rahaa."),
    ("story", "authors"): (
        "Who wrote the story.", "Tarinan kirjoittajat.", ["Tiistairyhmä"]),
    ("story", "tags"): (
        "Free words that help find the story.",
        "Vapaita sanoja, joilla tarinan löytää.", ["talous", "arki"]),
    ("story", "minutes"): (
        "Rough playing time in minutes.", "Arvioitu peliaika minuutteina.", 30),
    ("story", "start"): (
        "The name of the first scene.", "Ensimmäisen kohtauksen nimi.", "alku"),
    ("story", "domains"): (
        "The reflection areas this story asks about at the end. Without it, all five.",
        "Osa-alueet, joista tarina kysyy lopun pohdinnassa. Ilman tätä kaikki viisi.",
        ["arki", "yhdessa", {"id": "raha", "label": {"fi": "Raha-asiat", "en": "Money matters"}}]),
    ("story", "content_notes"): (
        "Themes a counsellor should know of before choosing the story.",
        "Aiheet, jotka ohjaajan on hyvä tietää ennen tarinan valintaa.", ["raha-huolet"]),
    ("story", "guide"): (
        "Notes for the counsellor only (goals, discussion tips); never on the shared screen.",
        "Muistiinpanot vain ohjaajalle (tavoitteet, keskusteluvinkit); ei koskaan yhteisellä "
        "näytöllä.", "Tavoite: puhua rahasta ilman häpeää."),
    ("story", "variables"): (
        "Things the story keeps count of, by name: numbers or true/false.",
        "Asiat, joita tarina pitää muistissa, nimen mukaan: lukuja tai tosi/epätosi.",
        {"rahat": {"initial": 140, "min": 0, "show": True, "label": "Rahat", "unit": "€"}}),
    ("story", "characters"): (
        "The people who speak in the story, by short name.",
        "Tarinan puhujat lyhyen nimen mukaan.",
        {"mira": {"name": "Mira", "color": "#3d7ea6"}}),
    ("story", "scenes"): (
        "The scenes of the story, by name. Each has lines and then choices, goto or end.",
        "Tarinan kohtaukset nimen mukaan. Kussakin on repliikit ja sitten choices, goto tai end.",
        {"alku": {"lines": ["Kuun 20. päivä."], "goto": "ilta"}}),
    ("variable", "initial"): (
        "The value at the start: a whole number or true/false. It sets the variable's type.",
        "Arvo alussa: kokonaisluku tai true/false. Se määrää muuttujan tyypin.", 140),
    ("variable", "min"): (
        "The smallest value; changes stop here. Numbers only.",
        "Pienin arvo; muutokset pysähtyvät tähän. Vain luvuille.", 0),
    ("variable", "max"): (
        "The largest value; changes stop here. Numbers only.",
        "Suurin arvo; muutokset pysähtyvät tähän. Vain luvuille.", 2000),
    ("variable", "show"): (
        "true: shown on screen during play, with its label and unit.",
        "true: näkyy ruudulla pelin aikana nimen ja yksikön kanssa.", True),
    ("variable", "label"): (
        "The name shown on screen.", "Ruudulla näkyvä nimi.", {"fi": "Rahat", "en": "Money"}),
    ("variable", "unit"): (
        "The unit shown after the value.", "Arvon perässä näkyvä yksikkö.", "€"),
    ("character", "name"): (
        "The name shown above the character's lines.", "Nimi, joka näkyy hahmon repliikkien "
        "yläpuolella.", "Mira"),
    ("character", "color"): (
        "The character's colour as #rrggbb.", "Hahmon väri muodossa #rrggbb.", "#3d7ea6"),
    ("character", "image"): (
        "A picture of the character, in the story's folder.", "Hahmon kuva tarinan kansiossa.",
        "mira.png"),
    ("domain", "id"): (
        "A short name for the new reflection area.", "Uuden pohdinnan osa-alueen lyhyt nimi.",
        "raha"),
    ("domain", "label"): (
        "The name of the area shown in the reflection.", "Osa-alueen nimi pohdinnassa.",
        {"fi": "Raha-asiat", "en": "Money matters"}),
    ("scene", "background"): (
        "A picture behind the scene, in the story's folder or the shared assets.",
        "Kohtauksen taustakuva tarinan kansiosta tai yhteisistä kuvista.", "keittio.png"),
    ("scene", "music"): (
        "Music that loops while the scene is shown.",
        "Musiikki, joka soi toistuvasti kohtauksen ajan.", "rauhallinen.ogg"),
    ("scene", "sound"): (
        "A sound played once when the scene begins.",
        "Ääni, joka soi kerran kohtauksen alkaessa.", "ovikello.ogg"),
    ("scene", "set"): (
        "Variables given a value when the scene begins.",
        "Muuttujat, jotka saavat arvon kohtauksen alkaessa.", {"soitti_kelaan": True}),
    ("scene", "add"): (
        "Numbers added to variables when the scene begins (negative to take away).",
        "Muuttujiin lisättävät luvut kohtauksen alkaessa (miinus vähentää).", {"jaksaminen": -1}),
    ("scene", "lines"): (
        "What is shown, in order: each line a text, or text with who and if.",
        "Mitä näytetään, järjestyksessä: jokainen rivi on teksti tai text, who ja if.",
        ["Kuun 20. päivä.", {"who": "mira", "text": "Lähdetäänkö leffaan?"}]),
    ("scene", "reflect"): (
        "true: pause for the reflection after this scene.",
        "true: pohdintatauko tämän kohtauksen jälkeen.", True),
    ("scene", "discuss"): (
        "A question for the group before voting.", "Kysymys ryhmälle ennen äänestystä.",
        "Mitä te tekisitte?"),
    ("scene", "timer"): (
        "Seconds for discussion; the counsellor can always give more time.",
        "Keskusteluaika sekunteina; ohjaaja voi aina antaa lisää aikaa.", 90),
    ("scene", "choices"): (
        "What the group chooses between (2 to 6). Each choice begins with '- '.",
        "Vaihtoehdot, joista ryhmä valitsee (2–6). Jokainen alkaa merkeillä '- '.",
        [{"text": "Lähden leffaan.", "goto": "leffa"}, {"text": "Jään kotiin.",
                                                        "goto": "kotona"}]),
    ("scene", "goto"): (
        "The scene that comes next, without a choice.",
        "Seuraava kohtaus ilman valintaa.", "ilta"),
    ("scene", "end"): (
        "This scene is an ending; the reflection follows.",
        "Tämä kohtaus on loppu; sen jälkeen tulee pohdinta.",
        {"title": "Selvisitte kuun loppuun", "mood": "hopeful"}),
    ("choice", "id"): (
        "A stable name for the choice in logs; by default the goto target.",
        "Vaihtoehdon pysyvä nimi lokeissa; oletuksena goto-kohde.", "leffa"),
    ("choice", "text"): (
        "What the choice says.", "Vaihtoehdon teksti.", "Lähden, elämästä pitää nauttia."),
    ("choice", "goto"): (
        "The scene this choice leads to.", "Kohtaus, johon vaihtoehto vie.", "leffa"),
    ("choice", "if"): (
        "A condition; the choice is shown only when it holds.",
        "Ehto; vaihtoehto näkyy vain, kun ehto pitää.", "jaksaminen >= 2"),
    ("choice", "set"): (
        "Variables given a value when the choice is taken.",
        "Muuttujat, jotka saavat arvon, kun vaihtoehto valitaan.", {"ehdotti_kavelya": True}),
    ("choice", "add"): (
        "Numbers added to variables when the choice is taken.",
        "Muuttujiin lisättävät luvut, kun vaihtoehto valitaan.", {"rahat": -15}),
    ("choice", "domains"): (
        "The reflection areas this choice draws on.",
        "Pohdinnan osa-alueet, joihin vaihtoehto liittyy.", ["yhdessa"]),
    ("ending", "title"): (
        "The ending's name.", "Lopun nimi.", "Selvisitte kuun loppuun"),
    ("ending", "mood"): (
        "The feel of the ending: hopeful, neutral or open. There are no bad endings.",
        "Lopun sävy: hopeful (toiveikas), neutral tai open (avoin). Huonoja loppuja ei ole.",
        "hopeful"),
    ("line", "text"): (
        "The text of the line.", "Repliikin teksti.", "Lähdetäänkö illalla leffaan?"),
    ("line", "who"): (
        "Who says it: a name from characters.", "Kuka sanoo: nimi kohdasta characters.", "mira"),
    ("line", "if"): (
        "A condition; the line is shown only when it holds.",
        "Ehto; repliikki näkyy vain, kun ehto pitää.", "not soitti_kelaan"),
}

def _describe(en: str, fi: str) -> dict[str, str]:
    return {
        "description": f"{en} — Suomeksi: {fi}",
        "markdownDescription": f"{en}\n\n*Suomeksi:* {fi}",
        "x-description-fi": fi,
    }


def _without_null(node: dict[str, Any]) -> dict[str, Any]:
    """`X | None` as the model spells an optional key is just X to an author: an empty key is
    a mistake, and the two-branch union makes editors show each hover twice."""
    options = node.get("anyOf")
    if isinstance(options, list):
        rest = [o for o in options if o != {"type": "null"}]
        if len(rest) == 1 and len(rest) < len(options):
            merged = {k: v for k, v in node.items() if k not in ("anyOf", "default")}
            return {**rest[0], **merged}
    return node


def _document(node: Any, where: str) -> Any:
    if isinstance(node, list):
        return [_document(n, where) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        return {**node, "$ref": f"#/$defs/{DEF_NAMES.get(name, name)}"}
    here = node.get("title", where) if node.get("type") == "object" else where
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            props = {}
            for name, sub in value.items():
                sub = _without_null(_document(sub, here))
                sub.pop("default", None)
                en, fi, example = KEY_DOCS[(here, name)]
                props[name] = {**sub, "title": name, **_describe(en, fi), "examples": [example]}
            out[key] = props
        elif key == "description" and value.startswith("Language code"):
            continue  # the key's own description says it; a second one doubles every hover
        else:
            out[key] = _document(value, here)
    return out


def story_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of format version 1, generated from the model, with a title,
    an English and Finnish description and an example for every key."""
    raw = Story.model_json_schema(by_alias=True)
    defs = {DEF_NAMES[name]: _document({**d, "title": DEF_NAMES[name]}, DEF_NAMES[name])
            for name, d in raw.pop("$defs", {}).items()}
    for name, d in defs.items():
        d.pop("description", None)
        d.update(_describe(*_DEF_DOCS[name]))
    schema = _document({**raw, "title": "story"}, "story")
    schema["$defs"] = defs
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Porukka story, format 1"
    schema.update(_describe("A Porukka story.", "Porukka-tarina."))
    fresh: dict[str, Any] = json.loads(json.dumps(schema))  # no shared sub-objects between keys
    return fresh


_DEF_DOCS: dict[str, tuple[str, str]] = {
    "character": ("A person who speaks in the story.", "Tarinan puhuja."),
    "choice": ("One choice the group can make.", "Yksi vaihtoehto, jonka ryhmä voi valita."),
    "ending": ("How the story ends here.", "Miten tarina tässä päättyy."),
    "scene": ("One scene: lines, then choices, goto or end.",
              "Yksi kohtaus: repliikit ja sitten choices, goto tai end."),
    "variable": ("Something the story keeps count of.", "Asia, jota tarina pitää muistissa."),
}
