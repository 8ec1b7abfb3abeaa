"""An install works anywhere: from a wheel, a zip, an editable install and a plain checkout.

Regression: a built wheel once held no stories/ and no assets/ (only editable installs found
them, as `parents[2]` of a module), so `porukka run rahat-loppuu` said "no story", `porukka demo`
failed and validating a built-in story gave missing-asset errors.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

from game.resources import builtin_stories_dir, shared_assets_dir
from game.story.loader import find_story_files

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = {"game._builtin.stories": "stories", "game._builtin.assets": "assets"}


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def _data_files(folder: str) -> list[str]:
    base = ROOT / folder
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def test_every_folder_of_modules_is_packaged():
    """The packages are listed by hand (see pyproject.toml): a new folder must be added."""
    config = _config()
    listed = set(config["packages"])
    on_disk = {p.parent.relative_to(ROOT).as_posix().replace("/", ".")
               for top in ("game", "facilitator") for p in (ROOT / top).rglob("*.py")
               if "__pycache__" not in p.parts}
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
    assert config["package-dir"] == BUILTIN
    for name in listed - on_disk:
        assert name in BUILTIN and (ROOT / BUILTIN[name]).is_dir(), name
    for name in BUILTIN:
        assert config["package-data"][name] == ["**/*"]


def test_a_checkout_finds_the_folders_beside_game():
    assert builtin_stories_dir() == ROOT / "stories"
    assert shared_assets_dir() == ROOT / "assets"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER",
                        "LANGUAGE", "LC_ALL")}
    return {**env, "LANG": "en_US.UTF-8", "PYTHONDONTWRITEBYTECODE": "1", **extra}


def test_a_zip_import_gets_a_real_copy_of_the_folders(tmp_path):
    archive = tmp_path / "porukka.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted((ROOT / "game").rglob("*.py")):
            if "__pycache__" not in path.parts:
                zf.write(path, path.relative_to(ROOT).as_posix())
        for package, folder in BUILTIN.items():
            prefix = package.replace(".", "/")
            for rel in _data_files(folder):
                zf.write(ROOT / folder / rel, f"{prefix}/{rel}")
    code = (
        "import game, game.resources as r\n"
        "from game.story.loader import load_story, resolve_story\n"
        f"assert game.__file__.startswith({str(archive)!r}), game.__file__\n"
        "loaded = load_story(resolve_story('rahat-loppuu'))\n"
        "print(r.builtin_stories_dir()); print(r.shared_assets_dir()); print(loaded.story.id)\n"
    )
    work = tmp_path / "work"
    work.mkdir()
    res = subprocess.run([sys.executable, "-c", code], cwd=work, capture_output=True,
                         text=True, env=_env(PYTHONPATH=str(archive)), timeout=120)
    assert res.returncode == 0, res.stderr
    stories, assets, story_id = res.stdout.split()
    assert story_id == "rahat-loppuu"
    assert not stories.startswith(str(archive)) and not Path(stories).exists(), \
        "a temporary copy, removed when the program ended"
    assert Path(assets).name == "assets"


def _copy_of_the_project(target: Path) -> Path:
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info",
                                    "__pycache__", ".*_cache", ".hypothesis", "test-artifacts",
                                    "tests")
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def _fresh_venv(folder: Path) -> Path:
    """A venv whose dependencies come from the test's own (no downloads), porukka not."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; "
                              "print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    # A .pth line only adds a folder: the .pth files inside it (such as an editable
    # install's finder for this checkout) are not run, so porukka cannot come from there.
    Path(purelib, "_test_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    return python


def _pip(python: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install",
                    "--no-deps", "--quiet", *args], check=True, env=_env())


def _porukka(venv: Path, *args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([str(venv / "bin" / "porukka"), *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=300,
                          env=_env(PORUKKA_DATA_DIR=str(cwd / "data")))


def _choices_to_an_ending(story_id: str) -> tuple[list[int], str]:
    from game.story import Runtime, load_story
    from game.terminal import play

    loaded = load_story(builtin_stories_dir() / story_id)
    picks: list[int] = []

    def first(state: object, offered: list) -> int | None:
        if len(picks) >= 200:
            return None
        picks.append(1)
        return 1

    outcome = play(Runtime(loaded.story, loaded.story.default_language), first)
    assert outcome.ending is not None
    return picks, outcome.ending


def _plays_anywhere(venv: Path, work: Path) -> None:
    """What a counsellor does first: the demo, a built-in story by id, validation by id."""
    demo = _porukka(venv, "demo", cwd=work, stdin="")
    assert demo.returncode == 0, demo.stderr
    assert "***" in demo.stdout  # the ending's title line

    picks, ending = _choices_to_an_ending("rahat-loppuu")
    run = _porukka(venv, "run", "rahat-loppuu", "--choose", ",".join(map(str, picks)),
                   "--json", cwd=work)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["ending"] == ending

    ids = [f.parent.name for f in find_story_files(builtin_stories_dir())]
    assert len(ids) >= 4
    check = _porukka(venv, "validate", *ids, "--format", "json", cwd=work)
    assert check.returncode == 0, check.stdout + check.stderr
    body = json.loads(check.stdout)
    assert body["errors"] == 0 and len(body["files"]) == len(ids)
    assert all(f["ok"] for f in body["files"])


@pytest.mark.slow
def test_a_built_wheel_carries_the_stories_and_assets_and_plays_anywhere(tmp_path):
    source = _copy_of_the_project(tmp_path / "source")
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "--quiet",
                    "-w", str(dist)], check=True, env=_env(), cwd=tmp_path)
    (wheel,) = dist.glob("porukka-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for package, folder in BUILTIN.items():
        prefix = package.replace(".", "/")
        missing = [rel for rel in _data_files(folder) if f"{prefix}/{rel}" not in names]
        assert not missing, (folder, missing)
    assert "game/resources.py" in names and "launcher.py" in names

    venv = tmp_path / "venv"
    python = _fresh_venv(venv)
    _pip(python, "--no-index", str(wheel))
    shutil.rmtree(source)  # nothing may still come from the project's folder
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = subprocess.run([str(python), "-c", "import game; print(game.__file__)"], cwd=work,
                           capture_output=True, text=True, env=_env(), check=True)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout
    _plays_anywhere(venv, work)


@pytest.mark.slow
def test_an_editable_install_plays_anywhere(tmp_path):
    """The README's first command: `pip install -e .`, then `porukka` from any folder."""
    source = _copy_of_the_project(tmp_path / "source")
    venv = tmp_path / "venv"
    python = _fresh_venv(venv)
    _pip(python, "-e", str(source))
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = subprocess.run([str(python), "-c", "import game; print(game.__file__)"], cwd=work,
                           capture_output=True, text=True, env=_env(), check=True)
    assert Path(where.stdout.strip()).is_relative_to(source), where.stdout
    no_screen = _porukka(venv, cwd=work, stdin="")  # no screen: the demo, in the terminal
    assert no_screen.returncode == 0 and "***" in no_screen.stdout, no_screen.stderr
    _plays_anywhere(venv, work)
