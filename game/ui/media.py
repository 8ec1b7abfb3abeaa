"""Pictures and sounds for the play screen: drawn at the size needed, failures become notes."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pygame

from ..story.pictures import picture_problem
from ..story.validate import resolve_asset


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


class Media:
    """Loads a story's pictures scaled to cover a given size; remembers what failed."""

    def __init__(self, folder: Path | None, shared: Path | None, limit: int = 24) -> None:
        self.folder = folder
        self.shared = shared
        self.limit = limit
        self._cache: OrderedDict[tuple[str, tuple[int, int]], pygame.Surface] = OrderedDict()
        self._stamps: dict[tuple[str, tuple[int, int]], tuple[int, int] | None] = {}
        self.failed: set[str] = set()
        self.audio_ok: bool | None = None
        self.current_music: str | None = None

    def reloaded(self, folder: Path | None) -> Media:
        """The media of the story saved again: pictures whose files did not change are kept, so
        a reload in watch mode does not draw every picture again."""
        fresh = Media(folder, self.shared, self.limit)
        if folder != self.folder:
            return fresh
        for key, surf in self._cache.items():
            path = resolve_asset(key[0], folder, self.shared)
            if path is not None and self._stamps.get(key) == _stamp(path):
                fresh._cache[key] = surf
                fresh._stamps[key] = self._stamps[key]
        return fresh

    def _remember(self, key: tuple[str, tuple[int, int]], path: Path,
                  surf: pygame.Surface) -> None:
        self._cache[key] = surf
        self._stamps[key] = _stamp(path)
        if len(self._cache) > self.limit:
            old, _ = self._cache.popitem(last=False)
            self._stamps.pop(old, None)

    def picture(self, ref: str | None, size: tuple[int, int]) -> pygame.Surface | None:
        """The picture covering `size` (cropped to fill), or None with the failure noted."""
        if not ref or ref in self.failed:
            return None
        key = (ref, size)
        surf = self._cache.get(key)
        if surf is not None:
            self._cache.move_to_end(key)
            return surf
        path = resolve_asset(ref, self.folder, self.shared)
        if path is None or picture_problem(path) is not None:
            # Checked by its real header before any decoder sees it: validate's rules again.
            self.failed.add(ref)
            return None
        try:
            surf = self._load_cover(path, size)
        except (pygame.error, OSError, ValueError, MemoryError):
            self.failed.add(ref)
            return None
        self._remember(key, path, surf)
        return surf

    def portrait(self, ref: str | None, side: int) -> pygame.Surface | None:
        """A character's picture fitted into a `side`×`side` square, or None."""
        if not ref or ref in self.failed or side < 8:
            return None
        key = (ref, (-side, side))
        surf = self._cache.get(key)
        if surf is not None:
            return surf
        path = resolve_asset(ref, self.folder, self.shared)
        if path is None or picture_problem(path) is not None:
            # Checked by its real header before any decoder sees it: validate's rules again.
            self.failed.add(ref)
            return None
        try:
            if path.suffix.lower() == ".svg":
                surf = pygame.image.load_sized_svg(str(path), (side, side))
            else:
                raw = pygame.image.load(str(path))
                w, h = raw.get_size()
                if not w or not h or max(w, h) > 8192:
                    raise ValueError("bad picture")
                f = side / max(w, h)
                surf = pygame.transform.smoothscale(raw, (max(1, int(w * f)), max(1, int(h * f))))
            if pygame.display.get_surface():
                surf = surf.convert_alpha()
        except (pygame.error, OSError, ValueError, MemoryError):
            self.failed.add(ref)
            return None
        self._remember(key, path, surf)
        return surf

    @staticmethod
    def _load_cover(path: Path, size: tuple[int, int]) -> pygame.Surface:
        w, h = size
        if path.suffix.lower() == ".svg":
            # Rasterise at the size the screen needs, never at a size the file claims.
            probe = pygame.image.load_sized_svg(str(path), (w, h))
            pw, ph = probe.get_size()
            if pw == 0 or ph == 0:
                raise ValueError("empty picture")
            factor = max(w / pw, h / ph)
            if abs(factor - 1) > 0.01:
                if max(pw, ph) * factor > 4 * max(w, h):
                    raise ValueError("picture too narrow")
                probe = pygame.image.load_sized_svg(
                    str(path), (max(1, round(pw * factor)), max(1, round(ph * factor))))
            img = probe
        else:
            raw = pygame.image.load(str(path))
            rw, rh = raw.get_size()
            if rw > 8192 or rh > 8192 or rw == 0 or rh == 0:
                raise ValueError("picture too large")
            factor = max(w / rw, h / rh)
            img = pygame.transform.smoothscale(raw, (max(1, round(rw * factor)),
                                                     max(1, round(rh * factor))))
        out = pygame.Surface((w, h))
        iw, ih = img.get_size()
        out.blit(img, ((w - iw) // 2, (h - ih) // 2))
        return out.convert() if pygame.display.get_surface() else out

    def play_scene_audio(self, music: str | None, sound: str | None) -> str | None:
        """Start the scene's music (looping; the same music carries on) and its one-off sound.

        Returns a note for the screen when something cannot be played, else None."""
        if not music and not sound:
            if self.current_music:
                pygame.mixer.music.fadeout(800)
                self.current_music = None
            return None
        if not self.init_audio():
            return "no-audio"
        try:
            if music and music != self.current_music:
                path = resolve_asset(music, self.folder, self.shared)
                if path is None:
                    raise FileNotFoundError(music)
                pygame.mixer.music.load(str(path))
                pygame.mixer.music.play(-1, fade_ms=800)
                self.current_music = music
            elif not music and self.current_music:
                pygame.mixer.music.fadeout(800)
                self.current_music = None
            if sound:
                path = resolve_asset(sound, self.folder, self.shared)
                if path is None:
                    raise FileNotFoundError(sound)
                pygame.mixer.Sound(str(path)).play()
        except (pygame.error, OSError):
            return "sound-failed"
        return None

    def stop_audio(self) -> None:
        if self.audio_ok and self.current_music:
            pygame.mixer.music.stop()
            self.current_music = None

    def init_audio(self) -> bool:
        """Start the mixer once; False (and a note on screen) when there is no audio device."""
        if self.audio_ok is None:
            try:
                pygame.mixer.init()
                self.audio_ok = True
            except pygame.error:
                self.audio_ok = False
        return self.audio_ok
