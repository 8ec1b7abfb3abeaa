"""The editor schema: every key explained in English and Finnish with an example, and no
internal class name offered to an author (issue 16: hover showed "Choices || Choices" and
completion offered "ChoiceSpec")."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic

from game.story import model
from game.story.schema import story_schema

ROOT = Path(__file__).resolve().parents[2]


def _walk(node: Any, path: str = "#") -> Iterator[tuple[str, dict]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


def _properties(schema: dict) -> Iterator[tuple[str, str, dict]]:
    for path, node in _walk(schema):
        if isinstance(node.get("properties"), dict) and not path.endswith("/examples"):
            for name, prop in node["properties"].items():
                yield path, name, prop


def test_every_property_has_a_title_descriptions_in_english_and_finnish_and_an_example():
    props = list(_properties(story_schema()))
    assert len(props) >= 50  # story, scene, choice, line, variable, character, domain, ending
    for path, name, prop in props:
        where = f"{path}/properties/{name}"
        assert prop.get("title") == name, where
        assert "Suomeksi:" in prop.get("description", ""), where
        assert prop.get("x-description-fi"), where
        assert prop.get("markdownDescription"), where
        assert isinstance(prop.get("examples"), list) and prop["examples"], where


def test_no_title_or_definition_is_a_python_class_name():
    classes = {name for name, obj in vars(model).items()
               if isinstance(obj, type) and issubclass(obj, pydantic.BaseModel)}
    assert {"ChoiceSpec", "Scene", "LineSpec"} <= classes
    schema = story_schema()
    titles = {node["title"] for _, node in _walk(schema) if isinstance(node.get("title"), str)}
    assert not titles & classes
    assert not set(schema["$defs"]) & classes
    assert "ChoiceSpec" not in json.dumps(schema)


def test_completion_offers_only_the_real_keys():
    """Every object closes its keys, and the keys offered are exactly the model's aliases."""
    schema = story_schema()
    for path, node in _walk(schema):
        if node.get("type") == "object" and "properties" in node and "/examples" not in path:
            assert node.get("additionalProperties") is False, path
    real = {
        "#": {f.alias or n for n, f in model.Story.model_fields.items()},
        "#/$defs/scene": {f.alias or n for n, f in model.Scene.model_fields.items()},
        "#/$defs/choice": {f.alias or n for n, f in model.ChoiceSpec.model_fields.items()},
    }
    assert set(schema["properties"]) == real["#"]
    assert set(schema["$defs"]["scene"]["properties"]) == real["#/$defs/scene"]
    assert set(schema["$defs"]["choice"]["properties"]) == real["#/$defs/choice"]
    assert "if" in schema["$defs"]["choice"]["properties"]
    assert "if_" not in json.dumps(schema)


def test_examples_are_valid_for_their_key():
    """An example an author copies from the hover must load."""
    schema = story_schema()
    scene = schema["$defs"]["scene"]["properties"]
    story = {
        "format": 1, "id": "x", "start": "a",
        "variables": schema["properties"]["variables"]["examples"][0],
        "characters": schema["properties"]["characters"]["examples"][0],
        "domains": schema["properties"]["domains"]["examples"][0],
        "scenes": {"a": {"lines": scene["lines"]["examples"][0],
                         "choices": scene["choices"]["examples"][0]},
                   "b": {"lines": ["x"], "end": scene["end"]["examples"][0]}},
    }
    model.Story.model_validate(story)


def test_the_committed_schema_is_the_generated_one():
    shipped = json.loads((ROOT / "docs" / "story.schema.json").read_text("utf-8"))
    assert shipped == story_schema(), "regenerate: porukka schema -o docs/story.schema.json"


def test_no_key_is_a_union_that_an_editor_would_show_twice():
    """Hovering over a choice's text showed "text || text": a union of two schemas that both
    match a string. A text is now one schema."""

    def takes_string(branch: dict) -> bool:
        kind = branch.get("type")
        return kind == "string" or (isinstance(kind, list) and "string" in kind) or \
            "enum" in branch

    for path, name, prop in _properties(story_schema()):
        branches = prop.get("anyOf", [])
        assert sum(takes_string(b) for b in branches) <= 1, f"{path}/properties/{name}"
    text = story_schema()["$defs"]["choice"]["properties"]["text"]
    assert "anyOf" not in text and text["type"] == ["string", "object"]
