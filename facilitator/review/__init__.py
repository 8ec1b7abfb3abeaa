"""The worker's side: reports with charts, exports, erasure and retention.

`model` turns a session's events into a report model (pure); `charts` draws with matplotlib;
`render` fills the HTML templates; `load` gathers what a report needs from the data folder;
`export` writes CSV and JSON; `retention` forgets a person and purges old sessions. The
command line is `facilitator.review.commands`. Importing this package loads none of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..sessions import SessionStore


def open_report(
    session_id: str, lang: str, *, store: SessionStore | None = None, root: Path | None = None
) -> Path:
    """Write the session's report into the data folder (`reports/`, private) and open it
    in the browser as a file: URL (nothing is sent anywhere). Returns the file's path.

    For the game's end screen: "open the report in the browser". Raises NotFound or
    LogError when the session cannot be read."""
    import webbrowser

    from game.i18n import interface_language

    from .. import _files, paths
    from ..sessions import SessionStore
    from .load import session_html
    from .retention import REPORTS_DIR

    lang = interface_language(lang)
    store = store if store is not None else SessionStore(root)
    html = session_html(store, session_id, lang)
    folder = paths.private_dir(store.root / REPORTS_DIR)
    path = folder / f"{session_id}.{lang}.html"
    _files.atomic_write(path, html.encode("utf-8"))
    webbrowser.open(path.resolve().as_uri())
    return path


__all__ = ["open_report"]
