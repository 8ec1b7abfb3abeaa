"""Reading lines and choices aloud with espeak-ng, when it is installed; silent otherwise."""

from __future__ import annotations

import shutil
import subprocess

VOICES = {"fi": "fi", "sv": "sv", "en": "en"}


class Speaker:
    def __init__(self, program: str = "espeak-ng") -> None:
        self.program = shutil.which(program)
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return self.program is not None

    def say(self, text: str, lang: str) -> None:
        """Start reading `text`, stopping whatever was being read; never blocks."""
        if not self.program or not text.strip():
            return
        self.stop()
        voice = VOICES.get(lang.split("-", 1)[0], "en")
        try:
            self._proc = subprocess.Popen(
                [self.program, "-v", voice, "-s", "150", "--", text],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.program = None

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
        self._proc = None
