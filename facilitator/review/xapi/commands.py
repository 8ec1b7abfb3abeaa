"""`porukka xapi push|status` and `porukka export --format xapi`.

Only parsing and printing: the work is in `push`, `outbox`, `statements`. No command here
opens a connection unless an endpoint is configured (and `--dry-run` never does).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from game.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, day
from game.i18n import LANGUAGES

from .strings import tr

LANGS = list(LANGUAGES)


def register(sub: Any, lang: str) -> None:
    """Add `xapi push` and `xapi status` to the `porukka` sub-parsers."""
    p = sub.add_parser("xapi", help=tr("xapi-help", lang), description=tr("xapi-help", lang))
    xsub = p.add_subparsers(dest="xapi_command", metavar="push|status", required=True)

    q = xsub.add_parser("push", help=tr("xapi-help-push", lang),
                        description=tr("xapi-help-push", lang))
    q.add_argument("--group", metavar="G", help=tr("xapi-help-group", lang))
    q.add_argument("--since", metavar="DATE", type=day(lang), help=tr("xapi-help-since", lang))
    q.add_argument("--dry-run", action="store_true", help=tr("xapi-help-dry-run", lang))
    q.add_argument("--include-simulated", action="store_true",
                   help=tr("xapi-help-include-simulated", lang))
    q.add_argument("--retry-rejected", action="store_true",
                   help=tr("xapi-help-retry-rejected", lang))
    q.add_argument("--lang", choices=LANGS, help=tr("xapi-help-lang", lang))
    q.set_defaults(handler=cmd_push)

    q = xsub.add_parser("status", help=tr("xapi-help-status", lang),
                        description=tr("xapi-help-status", lang))
    q.add_argument("--lang", choices=LANGS, help=tr("xapi-help-lang", lang))
    q.set_defaults(handler=cmd_status)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _config(ui: str) -> Any:
    from .config import ConfigError, load_config

    try:
        return load_config()
    except ConfigError as exc:
        _err(tr("xapi-config-error", ui, key=exc.key, reason=exc))
        return None


def _filters(args: argparse.Namespace, ui: str, store: Any) -> tuple[str | None, Any] | int:
    """The group id and the day to start from, or an exit status after the message."""
    since = getattr(args, "since", None)  # a date: the parser's `day` converter checked it
    group_id = None
    if getattr(args, "group", None) is not None:
        group = store.groups.find_group(args.group)
        if group is None:
            _err(tr("xapi-unknown-group", ui, name=args.group))
            return EXIT_ERRORS
        group_id = group.id
    return group_id, since


def _kinds(collected: Any) -> str:
    from .statements import kinds_count

    counts = kinds_count(collected.statements)
    if collected.voids:
        counts["voided"] = len(collected.voids)
    return ", ".join(f"{k} {n}" for k, n in counts.items())


def _warn(ui: str, collected: Any) -> None:
    for sid, why in collected.unreadable:
        _err(tr("xapi-unreadable", ui, id=sid, reason=why))
    if collected.left_out_simulated:
        print(tr("xapi-left-out-demo", ui, n=collected.left_out_simulated))


# --- push ----------------------------------------------------------------------------------


def cmd_push(args: argparse.Namespace, ui: str) -> int:
    ui = args.lang or ui
    from .outbox import Outbox, OutboxBusy, read_state

    config = _config(ui)
    if config is None:
        return EXIT_USAGE
    if not config.configured and not args.dry_run:
        _err(tr("xapi-not-configured", ui))
        return EXIT_USAGE
    if not (args.dry_run or args.group or args.since or args.retry_rejected):
        from facilitator import paths

        from ._quick import nothing_waiting

        root = paths.data_dir(create=False)
        if nothing_waiting(root, read_state(root), base_iri=config.base_iri,
                           fingerprint=config.fingerprint(),
                           include_simulated=args.include_simulated):
            print(tr("xapi-nothing", ui))
            return EXIT_OK
    from facilitator.errors import FacilitatorError
    from facilitator.sessions import SessionStore

    from .push import collect, mark_done, push_to_lrs

    try:
        store = SessionStore()
        filters = _filters(args, ui, store)
        if isinstance(filters, int):
            return filters
        group_id, since = filters
        options = config.options(store.root)
        kw = dict(group=group_id, since=since, include_simulated=args.include_simulated,
                  retry_rejected=args.retry_rejected)
        if args.dry_run:
            collected = collect(store, options, read_state(store.root), **kw)
            _warn(ui, collected)
            if not collected.total:
                print(tr("xapi-nothing", ui))
            else:
                print(tr("xapi-would-send", ui, n=collected.total, kinds=_kinds(collected)))
            return EXIT_OK
        box = Outbox(store.root)
        with box.locked(timeout=5.0) as ob:
            collected = collect(store, options, ob.state, **kw)
            _warn(ui, collected)
            if not collected.total:
                mark_done(ob, collected, options.fingerprint(), ok=False)
                print(tr("xapi-nothing", ui))
                return EXIT_OK
            result = push_to_lrs(ob, collected, config, fingerprint=options.fingerprint())
    except OutboxBusy:
        _err(tr("xapi-busy", ui))
        return EXIT_ERRORS
    except FacilitatorError as exc:
        _err(str(exc))
        return EXIT_ERRORS
    return _report(ui, config, result)


def _report(ui: str, config: Any, result: Any) -> int:
    from .client import LrsAuthError, LrsUnavailable

    if result.sent:
        print(tr("xapi-sent", ui, n=result.sent, endpoint=config.endpoint))
    for sid, status, reason in result.rejected:
        _err(tr("xapi-rejected", ui, id=sid, status=status, reason=reason))
    exc = result.error
    if exc is not None:
        if isinstance(exc, LrsAuthError):
            # Some LRSs (Ralph among them) answer 401, not 403, to a user without the right.
            rights = exc.status == 403 or "scope" in exc.detail.lower()
            key = "xapi-auth-403" if rights else "xapi-auth-401"
            _err(tr(key, ui, user=config.user or "-", status=exc.status, detail=exc.detail))
        elif isinstance(exc, LrsUnavailable):
            _err(tr("xapi-unavailable", ui, endpoint=config.endpoint,
                    reason=f"{exc.status} {exc.detail}" if exc.status else exc.detail))
        else:
            _err(tr("xapi-http", ui, status=exc.status, detail=exc.detail))
    if result.waiting:
        _err(tr("xapi-waiting", ui, n=result.waiting))
    return EXIT_ERRORS if exc is not None or result.rejected else EXIT_OK


# --- status --------------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace, ui: str) -> int:
    ui = args.lang or ui
    from facilitator.errors import FacilitatorError
    from facilitator.sessions import SessionStore

    from .outbox import read_state
    from .push import collect

    config = _config(ui)
    if config is None:
        return EXIT_USAGE
    if config.configured:
        print(tr("xapi-status-endpoint", ui, endpoint=config.endpoint,
                 user=config.user or "-", source=config.source))
    else:
        print(tr("xapi-status-none", ui))
    on, off = tr("xapi-on", ui), tr("xapi-off", ui)
    print(tr("xapi-status-individual", ui, state=on if config.individual else off,
             words=on if config.individual and config.feedback_words else off))
    try:
        store = SessionStore()
        state = read_state(store.root)
        collected = collect(store, config.options(store.root), state)
    except FacilitatorError as exc:
        _err(str(exc))
        return EXIT_ERRORS
    _warn(ui, collected)
    print(tr("xapi-waiting", ui, n=collected.total))
    if collected.voids:
        print(tr("xapi-voids", ui, n=len(collected.voids)))
    if state.rejected:
        print(tr("xapi-status-rejected", ui, n=len(state.rejected)))
    print(tr("xapi-status-last-ok", ui, time=state.last_success or tr("xapi-never", ui)))
    if state.last_failure and (state.last_success is None
                               or state.last_failure > state.last_success):
        print(tr("xapi-status-last-fail", ui, time=state.last_failure,
                 reason=state.last_failure_reason))
    return EXIT_OK


# --- export --format xapi ------------------------------------------------------------------


def cmd_export_xapi(args: argparse.Namespace, ui: str) -> int:
    """Every statement of the chosen sessions, as one JSON array, for transfer by hand."""
    from facilitator import _files
    from facilitator.errors import FacilitatorError
    from facilitator.sessions import SessionStore
    from game.i18n import t

    from .outbox import read_state
    from .push import collect

    out: Path = args.output
    if out.is_dir():
        _err(t("usage-error", ui, prog="porukka export", message=tr("xapi-needs-file", ui)))
        return EXIT_USAGE
    config = _config(ui)
    if config is None:
        return EXIT_USAGE
    until = getattr(args, "until", None)  # a date, from the export command's parser
    try:
        store = SessionStore()
        filters = _filters(args, ui, store)
        if isinstance(filters, int):
            return filters
        group_id, since = filters
        collected = collect(store, config.options(store.root), read_state(store.root),
                            group=group_id, since=since, until=until,
                            include_simulated=args.include_simulated, pending_only=False)
    except FacilitatorError as exc:
        _err(str(exc))
        return EXIT_ERRORS
    _warn(ui, collected)
    text = json.dumps(collected.bodies(), ensure_ascii=False, indent=1) + "\n"
    try:
        _files.atomic_write(out, text.encode("utf-8"))
    except OSError as exc:
        _err(t("write-failed", ui, path=out, reason=exc.strerror or exc))
        return EXIT_ERRORS
    print(tr("xapi-wrote", ui, n=collected.total, path=out))
    return EXIT_OK
