"""The story's own words in the report's language: titles, options, prompts, scene names and
domain labels, so one report speaks one language.

The log keeps each text in the language the session was played in. When the story file at
hand is the one that was played (same id; the texts are looked up by the ids the log keeps),
the text comes from the story in the report's language through the story's own fallback
chain; otherwise the logged text is shown. Either way a `Said` carries the language the text
is actually in, and the page marks a text in another language with `lang` and a small marker.

Scene ids are the author's internal names and are never shown: a scene is named by its first
line, shortened (or "scene 3" when it has no text).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from game.story.model import Story
from game.story.text import base_language, fallback_chain

SCENE_NAME_CHARS = 60
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@dataclass(frozen=True)
class Said:
    """A text and the language it is in."""

    text: str
    lang: str


def shorten(text: str, limit: int = SCENE_NAME_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return (cut or flat[: limit - 1]).rstrip(" ,.;:–-") + "…"


def in_language(text: Any, lang: str, default: str) -> Said | None:
    """`text` (a plain string in the story's default language, or {lang: text}) in `lang`,
    following the story's fallback chain."""
    if text is None:
        return None
    if isinstance(text, str):
        return Said(text, default)
    for code in fallback_chain(lang, default):
        if code in text:
            return Said(text[code], code)
    for code, value in text.items():
        return Said(value, code)
    return None


class StoryTexts:
    """Texts of the stories at hand (by story id) in one report language."""

    def __init__(self, stories: Mapping[str, Story], lang: str) -> None:
        self.stories = dict(stories)
        self.lang = lang
        self._numbers: dict[str, dict[str, int]] = {
            sid: {scene: i for i, scene in enumerate(st.scenes, 1)}
            for sid, st in self.stories.items()
        }

    def _get(self, text: Any, story: Story) -> Said | None:
        return in_language(text, self.lang, story.default_language)

    def same(self, lang: str) -> bool:
        return base_language(lang) == base_language(self.lang)

    def title(self, story_id: str, logged: str, logged_lang: str) -> Said:
        st = self.stories.get(story_id)
        said = self._get(st.title, st) if st is not None else None
        return said or Said(logged or story_id, logged_lang)

    def option(self, story_id: str, scene: str, choice: str, logged: str,
               logged_lang: str) -> Said:
        st = self.stories.get(story_id)
        spec = st.scenes.get(scene) if st is not None else None
        if st is not None and spec is not None:
            for c in spec.choices or []:
                if st.choice_id(c) == choice:
                    said = self._get(c.text, st)
                    if said is not None:
                        return said
        return Said(logged, logged_lang)

    def prompt(self, story_id: str, scene: str, logged: str | None,
               logged_lang: str) -> Said | None:
        st = self.stories.get(story_id)
        spec = st.scenes.get(scene) if st is not None else None
        if st is not None and spec is not None and spec.discuss is not None:
            return self._get(spec.discuss, st)
        return Said(logged, logged_lang) if logged else None

    def scene_number(self, story_id: str, scene: str) -> int | None:
        return self._numbers.get(story_id, {}).get(scene)

    def scene(self, story_id: str, scene: str, logged_line: str | None,
              logged_lang: str) -> Said | None:
        """The scene's name: its first line, shortened; None when nothing is known (the
        caller says "scene N" or leaves it out, never the id)."""
        st = self.stories.get(story_id)
        spec = st.scenes.get(scene) if st is not None else None
        if st is not None and spec is not None:
            if spec.end is not None and spec.end.title is not None:
                said = self._get(spec.end.title, st)
                if said is not None:
                    return Said(shorten(said.text), said.lang)
            if spec.lines:
                said = self._get(spec.lines[0].text, st)
                if said is not None and "{" in said.text:
                    # The story's line has {variables}; the logged line has their values.
                    if logged_line and base_language(logged_lang) == base_language(said.lang):
                        return Said(shorten(logged_line), logged_lang)
                    said = Said(_PLACEHOLDER.sub("…", said.text), said.lang)
                if said is not None:
                    return Said(shorten(said.text), said.lang)
        if logged_line:
            return Said(shorten(logged_line), logged_lang)
        return None

    def domain(self, story_ids: list[str], dom: str) -> Said | None:
        for sid in story_ids or list(self.stories):
            st = self.stories.get(sid)
            if st is None or not st.domains:
                continue
            for d in st.domains:
                if not isinstance(d, str) and d.id == dom:
                    return self._get(d.label, st)
        return None
