"""The JSON Schema of the story format, for editors (yaml-language-server and others)."""

from __future__ import annotations

from typing import Any

from .model import Story

SCHEMA_ID = "https://porukka.invalid/schema/story-1.json"


def story_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of format version 1, generated from the model."""
    schema = Story.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Porukka story, format 1"
    return schema
