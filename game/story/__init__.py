"""The pure story core: model, loader, validator, condition language and runtime.

Nothing here imports pygame or does I/O beyond reading story files.
"""

from .errors import DecisionError, StateError, StoryError, StoryLoadError
from .issues import Issue
from .loader import LoadedStory, Result, check_bytes, check_file, load_story, validate_paths
from .model import ChoiceSpec, Scene, Story
from .runtime import (
    ChoicesOffered,
    ChoiceTaken,
    Choose,
    Continue,
    EndingReached,
    Event,
    OfferedChoice,
    Runtime,
    SceneEntered,
    ShownLine,
    SkippedToEnding,
    SkipToEnding,
    StoryState,
)

__all__ = [
    "ChoiceSpec",
    "ChoiceTaken",
    "ChoicesOffered",
    "Choose",
    "Continue",
    "DecisionError",
    "EndingReached",
    "Event",
    "Issue",
    "LoadedStory",
    "OfferedChoice",
    "Result",
    "Runtime",
    "Scene",
    "SceneEntered",
    "ShownLine",
    "SkipToEnding",
    "SkippedToEnding",
    "StateError",
    "Story",
    "StoryError",
    "StoryLoadError",
    "StoryState",
    "check_bytes",
    "check_file",
    "load_story",
    "validate_paths",
]
