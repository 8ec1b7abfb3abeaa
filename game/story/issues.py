"""Findings of the loader and the validator, as values: the command line prints them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .messages import render

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Issue:
    """One finding at one place in one file. `line` and `column` are 1-based."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "en") -> str:
        return render(self.code, lang, self.params)

    def format(self, lang: str = "en") -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.severity}[{self.code}]: {self.message(lang)}"

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
        }


def sort_key(issue: Issue) -> tuple[str, int, int, str]:
    return (issue.file, issue.line, issue.column, issue.code)
