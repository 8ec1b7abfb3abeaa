"""What the reflection shows, as pure functions: the story mirror and how a rating changed.

The mirror is built from the story state the group ended in (the scenes entered and the
choices taken), so a counsellor's "back one step" takes an undone choice out of it and a resumed
session still mirrors the whole story. Which decisions split the group comes from the log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from game.play.vote import divided
from game.story.model import STANDARD_DOMAINS, ChoiceSpec, DomainSpec, Story
from game.story.runtime import Runtime, StoryState
from game.story.text import pick

from .log.records import DecisionMadeData, Record, payloads
from .log.undone import undone_decisions

Change = Literal["up", "same", "down", "first", "skipped", "open"]


@dataclass(frozen=True)
class MirrorChoice:
    """A choice the group took, as shown in the play language."""

    scene: str
    choice_id: str
    text: str
    split: bool  # the vote on it was not unanimous


@dataclass(frozen=True)
class MirrorDomain:
    id: str
    choices: tuple[MirrorChoice, ...]

    @property
    def count(self) -> int:
        return len(self.choices)


def taken_choices(story: Story, state: StoryState) -> list[tuple[str, ChoiceSpec]]:
    """(scene, choice) for every choice on the group's path, in order. A skip to an ending
    leaves a choice scene without a choice; that scene is simply passed over."""
    out: list[tuple[str, ChoiceSpec]] = []
    k = 0
    for i, scene_id in enumerate(state.path[:-1]):
        scene = story.scenes.get(scene_id)
        if scene is None or not scene.choices or k >= len(state.choices):
            continue
        nxt = state.path[i + 1]
        spec = next((c for c in scene.choices
                     if story.choice_id(c) == state.choices[k] and c.goto == nxt), None)
        if spec is not None:
            out.append((scene_id, spec))
            k += 1
    return out


def mirror_domains(story: Story) -> list[str]:
    """The domains the mirror shows, in one fixed order on every screen and in every session:
    the story's own list, then any standard domain a choice names without the story listing
    it, in the standard domains' documented order (never the order choices happen to come in)."""
    order = list(story.domain_ids())
    named = {d for scene in story.scenes.values() for choice in scene.choices or ()
             for d in choice.domains}
    order += [d for d in STANDARD_DOMAINS if d in named and d not in order]
    order += sorted(d for d in named if d not in order)
    return order


def story_mirror(runtime: Runtime, state: StoryState,
                 splits: Iterable[tuple[str, str]] = ()) -> list[MirrorDomain]:
    """Each domain with the choices that drew on it (a domain may have none)."""
    split_set = set(splits)
    story = runtime.story
    fed: dict[str, list[MirrorChoice]] = {d: [] for d in mirror_domains(story)}
    for scene_id, spec in taken_choices(story, state):
        cid = story.choice_id(spec)
        item = MirrorChoice(scene_id, cid, runtime.text(spec.text, state),
                            (scene_id, cid) in split_set)
        for d in spec.domains:
            fed.setdefault(d, []).append(item)
    return [MirrorDomain(d, tuple(items)) for d, items in fed.items()]


def split_decisions(records: Iterable[Record]) -> set[tuple[str, str]]:
    """(scene, choice) of the decisions whose vote divided the group (the one rule of
    `game.play.vote.divided`, shared with the results screen and the reports), from a
    session's records. A decision a "back one step" took back does not count: the group
    decided again."""
    records = list(records)
    undone = undone_decisions(records)
    return {(r.scene, d.choice) for r, d in payloads(records, DecisionMadeData)
            if divided(d.tally) and r.scene and r.seq not in undone}


def domain_label(story: Story, domain: str, lang: str) -> str | None:
    """The story's own label for a domain it declares; None for the standard ones."""
    for d in story.domains or ():
        if isinstance(d, DomainSpec) and d.id == domain:
            return pick(d.label, lang, story.default_language) or d.id
    return None


def is_standard(domain: str) -> bool:
    return domain in STANDARD_DOMAINS


def change(previous: int | None, value: int | None, *, answered: bool = True) -> Change:
    """How a rating compares with the person's previous one, for an encouraging word. Never
    a score: "down" is worded as something noticed, not as worse."""
    if value is None:
        return "skipped" if answered else "open"
    if previous is None:
        return "first"
    if value > previous:
        return "up"
    if value == previous:
        return "same"
    return "down"
