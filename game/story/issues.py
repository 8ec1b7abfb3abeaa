"""Findings of the loader and the validator, as values: the command line prints them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..i18n import has, t
from .messages import render

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding at one place in one file. `line` and `column` are 1-based.

    `excerpt` is the source line the finding points into (the loader adds it), `hint` the key
    of a sentence saying how to fix it, and `end_line`/`end_column` where the offending text
    ends (exclusive), when it is longer than one character.
    """

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    end_line: int | None = None
    end_column: int | None = None
    hint: str | None = None
    excerpt: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "en") -> str:
        return render(self.code, lang, self.params)

    def hint_text(self, lang: str = "en") -> str | None:
        """How to fix it, in one sentence, or None."""
        key = self.hint or f"{self.code}.hint"
        if not has(key):
            return None
        return t(key, lang, **self.params)

    def headline(self, lang: str = "en") -> str:
        """`FILE:LINE:COL: severity[CODE]: message`, the line tools parse."""
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.severity}[{self.code}]: {self.message(lang)}"

    def format(self, lang: str = "en") -> str:
        """The headline, then the source line with a caret under the place and the fix."""
        out = [self.headline(lang)]
        out.extend(self._excerpt_lines())
        hint = self.hint_text(lang)
        if hint:
            pad = " " * len(str(self.line))
            out.append(f"{pad} = {t('fix-label', lang)}: {hint}")
        return "\n".join(out)

    def _excerpt_lines(self) -> list[str]:
        if self.excerpt is None:
            return []
        num = str(self.line)
        pad = " " * len(num)
        shown = self.excerpt.replace("\t", "→").replace("\u00a0", "·")
        start = max(self.column - 1, 0)
        width = 1
        if self.end_line == self.line and self.end_column is not None:
            width = max(self.end_column - self.column, 1)
        width = max(min(width, len(shown) - start), 1)
        return [f"{pad} |", f"{num} | {shown}", f"{pad} | {' ' * start}{'^' * width}"]

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line if self.end_line is not None else self.line,
            "end_column": self.end_column if self.end_column is not None else self.column + 1,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
            "hint": self.hint_text(lang),
            "excerpt": self.excerpt,
        }


def sort_key(issue: Issue) -> tuple[str, int, int, str]:
    return (issue.file, issue.line, issue.column, issue.code)
