"""The runtime, played directly and again through a save → load round trip after every step."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.story import (
    ChoicesOffered,
    ChoiceTaken,
    Choose,
    Continue,
    DecisionError,
    EndingReached,
    Runtime,
    SceneEntered,
    SkippedToEnding,
    SkipToEnding,
    StateError,
    StoryState,
    load_story,
)
from game.story.runtime import random_walk

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def loaded():
    return load_story(DATA / "runtime.yaml")


class Player:
    """Drives a Runtime; with `roundtrip`, every state is saved to JSON and restored."""

    def __init__(self, loaded, lang="fi", roundtrip=False):
        self.events = []
        self.rt = Runtime(loaded.story, lang, self.events.append, loaded.content_hash)
        self.roundtrip = roundtrip
        self.state = self._keep(self.rt.start())

    def _keep(self, state: StoryState) -> StoryState:
        if self.roundtrip:
            saved = state.to_json()
            state = self.rt.restore(saved)
            assert state.to_json() == saved
        return state

    def choose(self, choice_id):
        self.state = self._keep(self.rt.choose(self.state, choice_id))
        return self.state

    def advance(self):
        self.state = self._keep(self.rt.advance(self.state))
        return self.state

    def offered(self):
        return [c.id for c in self.rt.offered_choices(self.state)]


@pytest.fixture(params=[False, True], ids=["direct", "save-load"])
def player(request, loaded):
    return Player(loaded, roundtrip=request.param)


def test_start_applies_scene_add_and_interpolates(player):
    assert player.state.scene == "alku"
    assert player.state.variables == {"rahat": 20, "jaksaminen": 3, "soitti": False}
    lines = player.rt.lines(player.state)
    assert [ln.text for ln in lines] == ["Rahaa on 20 €.", "Hei!"]
    assert lines[1].name == "Mira" and lines[1].color == "#3d7ea6"


def test_false_condition_hides_choice(player):
    assert player.offered() == ["osta", "soita"]


def test_add_clamps_to_min_and_goto_continues(player):
    player.choose("osta")
    assert player.state.variables["rahat"] == 0  # 20 - 50 clamped to min 0
    assert player.state.scene == "kauppa"
    assert [ln.text for ln in player.rt.lines(player.state)] == ["Kaupassa. {ei muuttuja}"]
    player.advance()
    assert player.state.scene == "alku"
    # Entering alku again adds 1 more energy: 3 + 1 = 4, so resting appears.
    assert player.state.variables["jaksaminen"] == 4
    assert player.offered() == ["osta", "soita", "lepaa"]


def test_set_and_clamp_to_max_then_seen_condition(player):
    player.choose("soita")
    assert player.state.variables["rahat"] == 30  # 20 + 100 clamped to max 30
    assert player.state.variables["soitti"] is True
    assert player.offered() == ["takaisin", "loppuun"]
    player.choose("takaisin")
    texts = [ln.text for ln in player.rt.lines(player.state)]
    assert texts[-1] == "Soitit jo."


def test_seen_tracks_scenes_entered(loaded):
    p = Player(loaded)
    p.choose("osta")
    p.advance()
    p.choose("soita")
    assert p.state.seen == ("alku", "kauppa", "puhelu")
    assert p.state.path == ("alku", "kauppa", "alku", "puhelu")
    assert p.rt.offered_choices(p.state)[1].id == "loppuun"


def test_ending_reached_records_path_and_choices(player):
    player.choose("soita")
    player.choose("loppuun")
    assert player.state.ended
    assert player.state.path == ("alku", "puhelu", "loppu-hyva")
    assert player.state.choices == ("soita", "loppuun")
    with pytest.raises(DecisionError):
        player.choose("takaisin")


def test_events_in_order(loaded):
    p = Player(loaded, lang="en")
    p.choose("soita")
    p.choose("loppuun")
    kinds = [type(e) for e in p.events]
    assert kinds == [SceneEntered, ChoicesOffered, ChoiceTaken, SceneEntered, ChoicesOffered,
                     ChoiceTaken, SceneEntered, EndingReached]
    offered = p.events[1]
    assert offered.discuss == "What do you do?"
    assert [c.number for c in offered.choices] == [1, 2]
    assert p.events[2].choice.domains == ("yhdessa",)
    assert p.events[-1].title == "Good" and p.events[-1].mood == "hopeful"
    assert p.events[0].lines[0].text == "You have 20 €."


def test_unavailable_choice_is_refused(player):
    with pytest.raises(DecisionError, match="lepaa"):
        player.choose("lepaa")
    with pytest.raises(DecisionError):
        player.advance()  # a choice scene does not just continue


def test_stuck_scene_skips_to_nearest_ending(loaded):
    rt = Runtime(loaded.story, "fi")
    state = rt.begin().state.model_copy(update={"scene": "umpikuja"})
    assert rt.is_stuck(state)
    assert rt.offered_choices(state) == []
    step = rt.step(state, SkipToEnding())
    assert isinstance(step.events[0], SkippedToEnding)
    assert step.state.scene == "loppu-hyva" and step.state.ended


def test_languages_and_fallback(loaded):
    sv = Runtime(loaded.story, "sv").start()
    assert Runtime(loaded.story, "sv").lines(sv)[0].text == "Pengar: 20 €."
    # A variant falls back to its base language, an unknown one to the default.
    assert Runtime(loaded.story, "sv-x").lines(sv)[0].text == "Pengar: 20 €."
    assert Runtime(loaded.story, "de").lines(sv)[0].text == "Rahaa on 20 €."


def test_pure_step_does_not_mutate(loaded):
    rt = Runtime(loaded.story)
    s0 = rt.begin().state
    before = s0.to_json()
    s1 = rt.step(s0, Choose("osta")).state
    assert s0.to_json() == before
    assert s1 != s0
    assert rt.step(s1, Continue()).state.scene == "alku"


def test_state_json_is_versioned(loaded):
    rt = Runtime(loaded.story)
    body = json.loads(rt.start().to_json())
    assert body["schema"] == "porukka-story-state" and body["version"] == 1
    body["version"] = 99
    with pytest.raises(StateError, match="version 99"):
        rt.restore(json.dumps(body))
    with pytest.raises(StateError):
        rt.restore("{not json")
    body["version"] = 1
    body["scene"] = "poistettu"
    with pytest.raises(StateError, match="poistettu"):
        rt.restore(json.dumps(body))
    body["scene"] = "alku"
    body["story_id"] = "other"
    with pytest.raises(StateError):
        rt.restore(json.dumps(body))


@pytest.mark.parametrize("seed", range(50))
def test_random_walks_end(loaded, seed):
    state = random_walk(Runtime(loaded.story), random.Random(seed), max_steps=500)
    assert state.ended
