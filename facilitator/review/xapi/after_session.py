"""Sending after each session, from the game: off unless the organisation turns it on
(`PORUKKA_XAPI_SEND_AFTER_SESSION=on` with an endpoint).

The push runs in a background thread so the window never waits for the network; what does
not go waits in the outbox for the next session or `porukka xapi push`, and the counsellor
sees one quiet line (`note`; by default a warning of the `porukka.xapi` logger, which reaches
the terminal Porukka was started from), never an error screen.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from .strings import tr

log = logging.getLogger("porukka.xapi")


def send_after_session(store: Any, lang: str = "en", *,
                       note: Callable[[str], None] | None = None) -> threading.Thread | None:
    """Start sending what waits, in a daemon thread; None when sending after sessions is
    not configured (then nothing is imported that could open a connection)."""
    from .config import ConfigError, load_config

    say = note or log.warning
    try:
        config = load_config(store.root)
    except ConfigError as exc:
        say(tr("xapi-config-error", lang, key=exc.key, reason=exc))
        return None
    if not (config.configured and config.send_after_session):
        return None
    thread = threading.Thread(target=_send, args=(store, config, lang, say),
                              name="porukka-xapi", daemon=True)
    thread.start()
    return thread


def _send(store: Any, config: Any, lang: str, say: Callable[[str], None]) -> None:
    from .outbox import Outbox, OutboxBusy
    from .push import collect, push_to_lrs

    try:
        with Outbox(store.root).locked(timeout=1.0) as ob:
            options = config.options(store.root)
            collected = collect(store, options, ob.state)
            if not collected.total:
                return
            result = push_to_lrs(ob, collected, config, fingerprint=options.fingerprint())
    except OutboxBusy:
        return  # another push is sending it right now
    except Exception as exc:  # never let the game's window see this thread fail
        log.debug("sending to the LRS after the session failed", exc_info=True)  # --verbose
        say(tr("xapi-note-failed", lang, reason=type(exc).__name__))
        return
    if result.error is not None or result.rejected:
        reason = str(result.error) if result.error is not None else result.rejected[0][2]
        say(tr("xapi-note-waiting", lang, n=max(result.waiting, len(result.rejected)),
               reason=reason))
