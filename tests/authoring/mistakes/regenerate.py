"""Write the expected messages beside each mistake.

Run: `python tests/authoring/mistakes/regenerate.py`.

Each NN-name.yaml is the tutorial story of docs/authoring-guide.md with one typical mistake in
it. NN-name.en.txt and NN-name.fi.txt hold what `porukka validate stories/kamppis/story.yaml`
prints for it. tests/authoring/test_guides.py checks that these are still what validate says
and that the guides quote them word for word; after changing a message, run this, then update
the guides.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from game.story.loader import check_bytes  # noqa: E402

NAME = "stories/kamppis/story.yaml"


def messages(path: Path, lang: str) -> str:
    result = check_bytes(path.read_bytes(), Path(NAME), name=NAME, shared_assets=None)
    return "".join(issue.format(lang) + "\n" for issue in result.issues)


def main() -> None:
    for path in sorted(HERE.glob("[0-9][0-9]-*.yaml")):
        for lang in ("en", "fi"):
            path.with_suffix(f".{lang}.txt").write_text(messages(path, lang), "utf-8")


if __name__ == "__main__":
    main()
