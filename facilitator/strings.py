"""The facilitator's input errors in the group's language, for the screens.

`message(err, lang)` gives an `InvalidInput` as its catalogue entry `fac-<code>` (the texts are
in the interface catalogue, `game/locale`), or the error's own English text when it has none.
"""

from __future__ import annotations

import errno

from game.i18n import has, t

from .errors import InvalidInput, write_problem


def message(err: InvalidInput, lang: str) -> str:
    """The error in the interface language nearest to `lang` (English when unknown)."""
    key = f"fac-{err.code}"
    if not has(key):
        return str(err)
    return t(key, lang, **err.params)


def not_writable(exc: BaseException, lang: str) -> str | None:
    """A write the data folder refused (read-only, not ours, full) in the user's words, with
    the path; None when `exc` is something else."""
    problem = write_problem(exc)
    if problem is None:
        return None
    full = problem.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    return t("data-disk-full" if full else "data-not-writable", lang,
             path=problem.filename or "?", reason=problem.strerror or problem)


def error_text(exc: BaseException, lang: str) -> str:
    """A facilitator error as the user reads it: in their language where it is one of ours
    that a person can act on, else the error's own words."""
    from .errors import GroupsDamagedError, InvalidInput

    if isinstance(exc, GroupsDamagedError):
        return t("groups-damaged", lang, path=exc.path, reason=exc.reason)
    if isinstance(exc, InvalidInput):
        return message(exc, lang)
    return not_writable(exc, lang) or str(exc)
