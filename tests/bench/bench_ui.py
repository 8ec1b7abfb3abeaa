"""Benchmarks of the game window, run on demand under a display (e.g. `xvfb-run`):

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python tests/bench/bench_ui.py

1. Frame time of the play screen at 1920×1080 while lines reveal and while a vote bar
   animates: median and 99th percentile, as a ratio to one full-screen blit in the same run
   (target: median ≤ 4×); and that an idle screen draws nothing new.
2. Time from `python launcher.py play STORY` to the first frame and to its first scene, as a
   ratio to a bare script that imports pygame and opens a window, same run (target: the first
   scene ≤ 2×), with the game's bytecode compiled as in an installed copy.
3. Peak memory while playing the largest built-in story.
"""

from __future__ import annotations

import compileall
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from game.play.controller import default_participants  # noqa: E402
from game.play.flow import Phase  # noqa: E402
from game.resources import builtin_stories_dir  # noqa: E402
from game.story.loader import find_story_files, load_story  # noqa: E402
from game.ui.main import Game, open_app  # noqa: E402
from game.ui.theme import Settings  # noqa: E402

BUILTIN_STORIES = builtin_stories_dir()


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def frame_times() -> None:
    app = open_app((1920, 1080), Settings(ui_lang="fi", reduce_motion=False))
    app.idle_timeout_ms = 1
    screen = app.screen
    # One full-screen blit, the unit of the ratio.
    other = pygame.Surface(screen.get_size()).convert()
    other.fill((200, 180, 150))
    blits = []
    for _ in range(300):
        t0 = time.perf_counter()
        screen.blit(other, (0, 0))
        blits.append(time.perf_counter() - t0)
    blit = statistics.median(blits)

    loaded = load_story(BUILTIN_STORIES / "rahat-loppuu")
    game = Game(app, [BUILTIN_STORIES])
    view = game.play_view(loaded, "fi", "hands", default_participants(6, str))
    app.push(view)
    app.run(max_frames=2)

    def frames_while(condition, step) -> list[float]:
        out = []
        for _ in range(400):
            if not condition():
                step()
                app.draw()  # a new step: the whole window, as after any input
            t0 = time.perf_counter()
            view.update(1 / 60)
            # An animation frame, as the main loop draws it: every view drawn, and what the
            # animation changed sent to the screen.
            app.draw(view.animation_rects())
            out.append(time.perf_counter() - t0)
        return out

    def reveal_step() -> None:
        if view.flow.phase != "lines":
            view.flow.back()  # the same lines again, through the flow
            view._sync()
        view.advance()

    reveal = frames_while(lambda: view.fade < 1.0 and view.flow.phase == "lines", reveal_step)

    def bars_step() -> None:
        if view.flow.phase == Phase.RESULTS:
            view.flow.revote()  # the same vote again: the bars grow again
        for _ in range(200):
            if view.flow.phase == Phase.CHOICES:
                break
            view.fade = 1.0
            view.advance()
        view.flow.counts = {c.id: i + 1 for i, c in enumerate(view.offered())}
        view.flow.show_results()
        view.flow.accept_overcount()  # more counted than present in a long story is asked
        view._sync()

    bars = frames_while(lambda: view.flow.phase == "results" and view.bars < 1.0, bars_step)

    # Idle: nothing animating, no input: the loop must not draw.
    view.fade, view.bars = 1.0, 1.0
    app.dirty = False
    before = app.draws
    t0 = time.process_time()
    app.idle_timeout_ms = 50
    app.run(max_frames=app.frames + 20)
    idle_cpu = time.process_time() - t0
    idle_draws = app.draws - before

    print(f"one full-screen blit at 1920×1080: {blit * 1000:.3f} ms (median of 300)")
    for name, values in (("lines revealing", reveal), ("vote bars animating", bars)):
        med, p99 = statistics.median(values), percentile(values, 0.99)
        print(f"frame while {name}: median {med * 1000:.2f} ms ({med / blit:.1f}× a blit), "
              f"p99 {p99 * 1000:.2f} ms ({p99 / blit:.1f}×)  (target: median ≤ 4×)")
    print(f"idle screen: {idle_draws} draws and {idle_cpu * 1000:.0f} ms CPU over 20 loop turns "
          f"of ≥ 50 ms waiting")
    app.close()


BARE = """
import time, pygame
pygame.display.init()
screen = pygame.display.set_mode((1280, 720))
screen.fill((0, 0, 0))
pygame.display.flip()
print("FIRST-FRAME", flush=True)
"""


def startup(repeat: int = 5) -> None:
    env = dict(os.environ)
    story = str(BUILTIN_STORIES / "rahat-loppuu")
    # Time the game as an installed copy starts, with its bytecode compiled (pip compiles it; a
    # checkout writes it on its first start). Under PYTHONDONTWRITEBYTECODE nothing would ever
    # be written, and every start would also time compiling the game's own modules, which the
    # bare script, importing only pygame, never does.
    for folder in ("game", "facilitator"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    compileall.compile_file(ROOT / "launcher.py", quiet=1)

    def timed(cmd: list[str], marker: str) -> float:
        best = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
            assert proc.stdout is not None
            for line in proc.stdout:
                if marker in line:
                    break
            elapsed = time.perf_counter() - t0
            proc.kill()
            proc.wait()
            best.append(elapsed)
        return statistics.median(best)

    bare = timed([sys.executable, "-c", BARE], "FIRST-FRAME")
    cmd = [sys.executable, "launcher.py", "--verbose", "play", story]
    game = timed(cmd, "first frame drawn")
    scene = timed(cmd, "the story is on the screen")
    print(f"to the first frame: bare pygame window {bare * 1000:.0f} ms, "
          f"`launcher.py play` {game * 1000:.0f} ms, ratio {game / bare:.2f}× (target ≤ 2×); "
          f"its first scene {scene * 1000:.0f} ms ({scene / bare:.2f}×)")


def memory() -> None:
    stories = [(p.stat().st_size, p) for p in find_story_files(BUILTIN_STORIES)]
    largest = max(stories)[1]
    code = f"""
import random, resource, sys
sys.path.insert(0, {str(ROOT)!r})
import pygame
from game.story.loader import load_story
from game.ui.main import Game, open_app
from game.ui.theme import Settings
from game.play.controller import default_participants
app = open_app((1920, 1080), Settings(ui_lang="fi", reduce_motion=True))
loaded = load_story({str(largest)!r})
rng = random.Random(3)
for lang in loaded.story.languages:
    view = Game(app, []).play_view(loaded, lang, "counsellor", default_participants(6, str))
    app.views[:] = [view]
    for _ in range(400):
        if view.c.ended and view.flow.phase == "ending":
            break
        if view.flow.phase == "choices":
            view._choose_number(rng.randint(1, len(view.offered())))
        else:
            view.advance()
        app.draw()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()[-1]
    print(f"peak memory playing {largest.parent.name} in all its languages at 1920×1080: "
          f"{int(out) / 1024:.0f} MiB (max RSS)")


def watch_reload(repeat: int = 15) -> None:
    """From saving the story file to the frame that shows the new text (watch mode), with the
    operating system's file notifications and with the polling fallback."""
    import shutil
    import tempfile

    noticed: list[float] = []

    def measure(poll: bool) -> list[float]:
        os.environ.pop("PORUKKA_WATCH_POLL", None)
        if poll:
            os.environ["PORUKKA_WATCH_POLL"] = "1"
        folder = Path(tempfile.mkdtemp())
        shutil.copytree(BUILTIN_STORIES / "rahat-loppuu", folder / "rahat-loppuu")
        path = folder / "rahat-loppuu" / "story.yaml"
        original = path.read_text("utf-8")
        app = open_app((1280, 720), Settings(ui_lang="fi", reduce_motion=True))
        app.idle_timeout_ms = 250
        view = Game(app, []).play_view(load_story(path), "fi", "counsellor", [], watch=True)
        assert view.watcher is not None and view.watcher.notified is not poll
        app.push(view)
        app.run(max_frames=2)
        times: list[float] = []
        for i in range(repeat):
            time.sleep(0.2)  # an author types between saves; the window is idle by then
            marker = f"Kuun {i + 1}. muokkaus."
            t0 = time.perf_counter()
            path.write_text(original.replace("Kuun 17. päivä.", marker, 1), "utf-8")
            draws = app.draws
            while not (view.lines and view.lines[0].text.startswith(marker) and app.draws > draws):
                app.run(max_frames=app.frames + 1)
            times.append(time.perf_counter() - t0)
            if view.watcher.noticed:
                noticed.append(view.watcher.noticed[0] - t0)
        view.watcher.close()
        app.close()
        shutil.rmtree(folder)
        os.environ.pop("PORUKKA_WATCH_POLL", None)
        return times

    for poll, how in ((False, "file notifications"), (True, "polling every 0.1 s")):
        times = measure(poll)
        print(f"watch mode, save to new frame (rahat-loppuu, {how}): median "
              f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
              f"over {len(times)} saves")
        if noticed:
            print(f"  of which save to notification: median "
                  f"{statistics.median(noticed) * 1000:.1f} ms; the rest is checking the story "
                  "again (validate) and drawing the frame")
            noticed.clear()


def main() -> None:
    if not os.environ.get("DISPLAY"):
        sys.exit("needs a display: run under xvfb-run")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, pygame-ce {pygame.version.ver}, "
          f"DISPLAY={os.environ['DISPLAY']} (software rendering)")
    if sys.argv[1:] == ["watch"]:
        watch_reload()
        return
    frame_times()
    watch_reload()
    startup()
    memory()


if __name__ == "__main__":
    main()
