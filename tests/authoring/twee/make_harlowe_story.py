"""Writes `kesatyo.twee`: a Harlowe 3 story of about 150 passages, the way Twine authors write
them: links as `(link-goto:)`, `(link: …)[(go-to: …)]` and `[[…]]`, passages that move on with
`(go-to:)`, variables set and tested, `<br>` and `<i>` in the text.

A public Harlowe story of 152 passages once imported as a start scene that was an ending and
148 unreachable scenes, because its links were macros. This one is written to be imported
whole: tests/authoring/test_twee_links.py checks the start scene has choices and nothing is
unreachable. Deterministic (a fixed seed), so it can be written again at any time:

    python tests/authoring/twee/make_harlowe_story.py [OUT.twee]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

LEVELS = 11  # of choices; the passages of the last level are endings
WIDTH = 16  # passages per level at most

PLACES = ["kahvio", "varasto", "kassa", "piha", "taukotila", "toimisto", "puisto", "bussi",
          "kauppa", "kirjasto", "keittiö", "porras", "parkkipaikka", "halli", "pesula", "tori"]
ACTS = ["Kysyt neuvoa", "Odotat hetken", "Teet sen itse", "Soitat kaverille",
        "Lähdet kävelylle", "Sanot suoraan", "Pyydät apua", "Pidät tauon"]
LINES = [
    "Aamu alkaa harmaana, mutta kahvi on hyvää.",
    "Esihenkilö katsoo kelloa ja sitten sinua.",
    "Joku on jättänyt laatikot keskelle käytävää.",
    "Puhelin värisee taskussa: viesti äidiltä.",
    "Työkaveri hymyilee ja kysyy, miten menee.",
    "Sade piiskaa ikkunaa, ja asiakkaita on vähän.",
    "Tauolla kaikki istuvat hiljaa puhelimiensa ääressä.",
    "Listassa on vielä kolme tehtävää ennen lounasta.",
]


def passage_name(level: int, i: int, rng: random.Random) -> str:
    return f"{rng.choice(PLACES).capitalize()} {level}.{i + 1}"


def story(seed: int = 152) -> str:
    rng = random.Random(seed)
    levels: list[list[str]] = [["Alku"]]
    for level in range(1, LEVELS + 1):
        count = min(WIDTH, 2 + level * 3)
        levels.append([passage_name(level, i, rng) for i in range(count)])
    out = [
        ":: StoryTitle\nKesätyö\n",
        ':: StoryData\n{\n  "ifid": "6A1D7C0E-3B58-4F0C-9A55-152000000152",\n'
        '  "format": "Harlowe",\n  "format-version": "3.3.8",\n  "start": "Alku"\n}\n',
        ":: Alku\n(set: $jaksaminen to 3)''Kesätyön ensimmäinen päivä.''<br>"
        "Herätyskello soi kuudelta.\n\n"
        '(link-goto: "Nousen heti", "Kahvio 0.1")\n'
        '(link-goto: "Torkutan vielä", "Kahvio 0.2")\n'
        '(link: "Soitan, että olen sairas")[(go-to: "Kahvio 0.3")]\n',
    ]
    # Three passages between the start and the rest: two move on by (go-to:), one offers the
    # rest of the first level.
    first = levels[1]
    for i, moves in enumerate([[first[0]], [first[1]], first[2:]]):
        links = (f'(go-to: "{moves[0]}")' if i < 2 else
                 "\n".join(f'(link-goto: "{ACTS[n]}", "{t}")' for n, t in enumerate(moves)))
        out.append(f":: Kahvio 0.{i + 1}\n{LINES[i]}<br><i>Bussi tulee ajallaan.</i>\n{links}\n")
    total = 1 + 3
    for level in range(1, LEVELS + 1):
        here, nxt = levels[level], (levels[level + 1] if level < LEVELS else [])
        targets_left = list(nxt)
        rng.shuffle(targets_left)
        for i, name in enumerate(here):
            total += 1
            text = rng.choice(LINES)
            if not nxt:
                mood = rng.choice(["Päivä päättyy.", "Kotimatkalla ajattelet huomista."])
                out.append(f":: {name}\n{text}<br>{mood}\n(if: $jaksaminen > 2)[Jaksoit hyvin.]\n")
                continue
            picks: list[str] = []
            while len(picks) < rng.randint(2, 3):
                target = targets_left.pop() if targets_left else rng.choice(nxt)
                if target not in picks:
                    picks.append(target)
            if i == len(here) - 1:  # whatever is left is linked from the last one
                picks += [t for t in targets_left if t not in picks][: 6 - len(picks)]
                targets_left = [t for t in targets_left if t not in picks]
            body = [f"{text}<br>"]
            if rng.random() < 0.3:
                body.append("(set: $jaksaminen to it - 1)")
            if rng.random() < 0.15 and i < len(here) - 1:
                targets_left[:0] = picks[1:]  # linked from a later passage instead
                body.append(f'(go-to: "{picks[0]}")')  # a passage that just moves on
                out.append(f":: {name}\n" + "\n".join(body) + "\n")
                continue
            for n, target in enumerate(picks):
                act = ACTS[(i + n) % len(ACTS)]
                style = (i + n + level) % 4
                if style == 0:
                    body.append(f'(link-goto: "{act}", "{target}")')
                elif style == 1:
                    body.append(f'(link-goto: "{target}")')
                elif style == 2:
                    body.append(f'(link: "{act}")[(go-to: "{target}")]')
                else:
                    body.append(f"[[{act}->{target}]]")
            out.append(f":: {name}\n" + "\n".join(body) + "\n")
        assert not targets_left, "every passage of the next level is linked"
    assert 140 <= total <= 160, total
    return "\n".join(out)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("kesatyo.twee")
    target.write_text(story(), encoding="utf-8")
    print(f"wrote {target}")
