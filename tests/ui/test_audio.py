"""Scene music and sounds play when there is an audio device; without one, a note, no crash."""

from __future__ import annotations

import struct
import wave

import pygame
import pytest

from game.story.loader import load_story
from game.ui.main import Game


def _story(folder):
    with wave.open(str(folder / "soi.wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(22050)
        w.writeframes(b"".join(struct.pack("<h", (i * 700) % 20000 - 10000)
                               for i in range(22050)))
    (folder / "story.yaml").write_text(
        "format: 1\nid: aani\nstart: a\nscenes:\n"
        "  a:\n    music: soi.wav\n    sound: soi.wav\n    lines: [Musiikkia]\n    goto: b\n"
        "  b:\n    lines: [Hiljaista]\n    end: {title: Loppu}\n", encoding="utf-8")
    return load_story(folder / "story.yaml")


@pytest.fixture
def no_mixer():
    pygame.mixer.quit()
    yield
    pygame.mixer.quit()


def test_music_loops_in_its_scene_and_stops_after(make_app, tmp_path, monkeypatch, no_mixer):
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    d = make_app()
    view = Game(d.app, [tmp_path]).play_view(_story(tmp_path), "fi", "counsellor", [])
    d.app.push(view)
    d.frames()
    assert view.media.current_music == "soi.wav"
    assert pygame.mixer.music.get_busy()
    d.key(pygame.K_SPACE)
    assert view.c.scene_id == "b" and view.media.current_music is None
    assert not d.app.notes


def test_no_audio_device_is_a_note_not_a_crash(make_app, tmp_path, monkeypatch, no_mixer):
    monkeypatch.setenv("SDL_AUDIODRIVER", "no-such-audio-driver")
    d = make_app()
    view = Game(d.app, [tmp_path]).play_view(_story(tmp_path), "fi", "counsellor", [])
    d.app.push(view)
    d.frames()
    assert any("Ääntä ei voi toistaa" in n for n, _ in d.app.notes)
    d.key(pygame.K_SPACE)
    d.key(pygame.K_SPACE)
    assert view.flow.phase == "ending"
