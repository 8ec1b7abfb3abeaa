"""The story as the author wrote it: frozen pydantic models of format version 1.

Only shapes and types are checked here; every rule that needs the whole story (names that must
exist, reachability, conditions) is a `check_*` function in `validate.py`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

STANDARD_DOMAINS: tuple[str, ...] = ("mieli", "keho", "arki", "taidot", "yhdessa")

# One schema, not a union of two: editors show a union's hover twice ("text || text").
_TEXT_SCHEMA: dict[str, Any] = {
    "type": ["string", "object"],
    "description": "Language code to text, e.g. {fi: ..., en: ...}",
    "propertyNames": {"pattern": "^[a-z]{2,3}(-[a-z0-9]+)?$"},
    "additionalProperties": {"type": "string"},
    "minProperties": 1,
}


def _text(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict) and value:
        out: dict[str, str] = {}
        for lang, text in value.items():
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str):
                raise PydanticCustomError("text_type", "text must be a string or a language map")
            out[str(lang)] = text
        return out
    raise PydanticCustomError("text_type", "text must be a string or a language map")


Text = Annotated[
    str | dict[str, str],
    PlainValidator(_text),
    WithJsonSchema(_TEXT_SCHEMA),
]
"""A text: a string in the default language, or a map from language code to string."""


def _value(value: Any) -> int | bool:
    if isinstance(value, (bool, int)):
        return value
    raise PydanticCustomError("value_type", "must be a whole number or true/false")


Value = Annotated[
    int | bool,
    PlainValidator(_value),
    WithJsonSchema({"type": ["integer", "boolean"]}),
]


def _line(value: Any) -> Any:
    """A line is a text or a mapping with `text`; both become a LineSpec."""
    if isinstance(value, dict) and ("text" in value or "who" in value or "if" in value):
        return LineSpec.model_validate(value)
    return LineSpec(text=_text(value))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, populate_by_name=True)


class LineSpec(_Model):
    text: Text
    who: str | None = None
    if_: str | None = Field(default=None, alias="if")


Line = Annotated[
    LineSpec,
    PlainValidator(_line),
    WithJsonSchema(
        {
            "anyOf": [
                _TEXT_SCHEMA,
                {
                    "title": "line",
                    "type": "object",
                    "properties": {
                        "text": _TEXT_SCHEMA,
                        "who": {"type": "string"},
                        "if": {"type": "string"},
                    },
                    "required": ["text"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


class Variable(_Model):
    initial: Value
    min: int | None = None
    max: int | None = None
    show: bool = False
    label: Text | None = None
    unit: Text | None = None

    @property
    def is_bool(self) -> bool:
        return isinstance(self.initial, bool)


class Character(_Model):
    name: Text
    color: str | None = None
    image: str | None = None


class DomainSpec(_Model):
    id: str
    label: Text


def _domain(value: Any) -> str | DomainSpec:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return DomainSpec.model_validate(value)
    raise PydanticCustomError("domain_type", "a domain is an id or {id, label}")


DomainEntry = Annotated[
    str | DomainSpec,
    PlainValidator(_domain),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": list(STANDARD_DOMAINS)},
                {
                    "title": "domain",
                    "type": "object",
                    "properties": {"id": {"type": "string"}, "label": _TEXT_SCHEMA},
                    "required": ["id", "label"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


class ChoiceSpec(_Model):
    """A choice as authored; at run time it is offered as an `OfferedChoice`."""

    id: str | None = None
    text: Text
    goto: str
    if_: str | None = Field(default=None, alias="if")
    set: dict[str, Value] = Field(default_factory=dict)
    add: dict[str, int] = Field(default_factory=dict)
    domains: list[str] = Field(default_factory=list)


class Ending(_Model):
    title: Text | None = None
    mood: Literal["hopeful", "neutral", "open"] = "open"


class Scene(_Model):
    background: str | None = None
    music: str | None = None
    sound: str | None = None
    set: dict[str, Value] = Field(default_factory=dict)
    add: dict[str, int] = Field(default_factory=dict)
    lines: list[Line] = Field(default_factory=list)
    reflect: bool = False
    discuss: Text | None = None
    timer: int | None = Field(default=None, gt=0)
    choices: list[ChoiceSpec] | None = None
    goto: str | None = None
    end: Ending | None = None

    @property
    def is_ending(self) -> bool:
        return self.end is not None


class Story(_Model):
    format: Literal[1]
    id: str = Field(pattern=r"^[a-z0-9-]{1,64}$")
    title: Text | None = None
    languages: list[str] = Field(default_factory=lambda: ["fi"])
    description: Text | None = None
    authors: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    minutes: int | None = Field(default=None, gt=0)
    start: str
    domains: list[DomainEntry] | None = None
    content_notes: list[str] = Field(default_factory=list)
    guide: Text | None = None
    variables: dict[str, Variable] = Field(default_factory=dict)
    characters: dict[str, Character] = Field(default_factory=dict)
    scenes: dict[str, Scene]

    @property
    def default_language(self) -> str:
        return self.languages[0] if self.languages else "fi"

    def choice_id(self, choice: ChoiceSpec) -> str:
        """The id logs use for a choice: its own, or the scene it leads to."""
        return choice.id if choice.id is not None else choice.goto

    def domain_ids(self) -> list[str]:
        """The reflection domains this story asks about, in order."""
        if self.domains is None:
            return list(STANDARD_DOMAINS)
        return [d if isinstance(d, str) else d.id for d in self.domains]
