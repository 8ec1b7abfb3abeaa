"""Dates, durations and numbers as the reports and the commands write them, per language;
and reading the dates and ages the commands are given."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


def local(moment: datetime) -> datetime:
    return moment.astimezone()


def day(moment: datetime | date, lang: str) -> str:
    d = local(moment) if isinstance(moment, datetime) else moment
    if lang == "en":
        return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"
    return f"{d.day}.{d.month}.{d.year}"


def short_day(moment: datetime, lang: str) -> str:
    d = local(moment)
    if lang == "en":
        return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year % 100:02d}"
    return f"{d.day}.{d.month}.{d.year % 100:02d}"


def when(moment: datetime, lang: str) -> str:
    d = local(moment)
    if lang == "fi":
        return f"{day(d, lang)} klo {d.hour}.{d.minute:02d}"
    if lang == "sv":
        return f"{day(d, lang)} kl. {d.hour}.{d.minute:02d}"
    return f"{day(d, lang)}, {d.hour:02d}:{d.minute:02d}"


def list_date(moment: datetime) -> str:
    """For the terminal listing: sortable and the same in every language."""
    return local(moment).strftime("%Y-%m-%d %H:%M")


def minutes(span: timedelta) -> int:
    return max(0, round(span.total_seconds() / 60))


def seconds(value: float) -> str:
    """12 s, 1 min 5 s."""
    total = max(0, round(value))
    if total < 60:
        return f"{total} s"
    m, s = divmod(total, 60)
    return f"{m} min {s} s" if s else f"{m} min"


def clock(offset: float) -> str:
    """A time from the session's start: 0:00, 12:05, 1:02:03."""
    total = max(0, int(offset))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def number(value: float, lang: str, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


_AGE = re.compile(r"^(\d{1,5})\s*([dw]?)$")


class AgeWithoutUnit(ValueError):
    """A bare number: days or weeks? Deleting data is no place to guess."""


def parse_age(text: str) -> timedelta:
    """180d or 26w; AgeWithoutUnit for a bare number, ValueError for anything else."""
    m = _AGE.match(text.strip().lower())
    if not m:
        raise ValueError(text)
    if not m[2]:
        raise AgeWithoutUnit(text)
    n = int(m[1])
    return timedelta(weeks=n) if m[2] == "w" else timedelta(days=n)
