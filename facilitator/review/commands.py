"""Command-line commands of the facilitator (review), added to `porukka` by launcher.py:
`sessions`, `report`, `export`, `forget`, `purge` and `delete-session`.

Keep this module light: import heavy modules inside the command handlers, so that starting the
game stays fast. The handlers parse, call `facilitator.review.*` and print what they return;
every expected failure is a message in the user's language and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from facilitator.strings import error_text
from game.cli import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, day, err, usage
from game.i18n import LANGUAGES, t, tn


def register(sub: Any, lang: str) -> None:
    """Add this module's commands to the `porukka` sub-parsers (`sub`), with help in `lang`.

    Each command sets `handler=function(args: argparse.Namespace, ui: str) -> int`.
    """
    def h(key: str) -> str:
        return t(key, lang)

    p = sub.add_parser("sessions", help=h("rev-help-sessions"),
                       description=h("rev-help-sessions"))
    p.add_argument("--group", metavar="G", help=h("rev-help-group"))
    p.add_argument("--since", type=day(lang), metavar="DATE", help=h("rev-help-since"))
    p.add_argument("--until", type=day(lang), metavar="DATE", help=h("rev-help-until"))
    p.add_argument("--lang", choices=LANGUAGES, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_sessions)

    p = sub.add_parser("report", help=h("rev-help-report"), description=h("rev-help-report"))
    p.add_argument("session", nargs="?", metavar="SESSION", help=h("rev-help-session"))
    p.add_argument("--group", metavar="G", help=h("rev-help-report-group"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.html",
                   help=h("rev-help-output-html"))
    p.add_argument("--lang", choices=LANGUAGES, help=h("rev-help-lang"))
    p.add_argument("--include-simulated", action="store_true",
                   help=h("rev-help-include-simulated"))
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("export", help=h("rev-help-export"), description=h("rev-help-export"))
    p.add_argument("--format", choices=["csv", "json", "xapi"], required=True,
                   help=h("rev-help-format"))
    p.add_argument("--group", metavar="G", help=h("rev-help-group"))
    p.add_argument("--since", type=day(lang), metavar="DATE", help=h("rev-help-since"))
    p.add_argument("--until", type=day(lang), metavar="DATE", help=h("rev-help-until"))
    p.add_argument("--excel-fi", action="store_true", help=h("rev-help-excel-fi"))
    p.add_argument("--include-simulated", action="store_true",
                   help=h("rev-help-include-simulated"))
    p.add_argument("--no-nicknames", action="store_true", help=h("rev-help-no-nicknames"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                   help=h("rev-help-output-export"))
    p.add_argument("--lang", choices=LANGUAGES, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("forget", help=h("rev-help-forget"), description=h("rev-help-forget"))
    p.add_argument("pseudonym", metavar="PSEUDONYM", help=h("rev-help-pseudonym"))
    p.add_argument("--group", metavar="G", required=True, help=h("rev-help-forget-group"))
    p.add_argument("--yes", action="store_true", help=h("rev-help-yes"))
    p.add_argument("--lang", choices=LANGUAGES, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_forget)

    p = sub.add_parser("purge", help=h("rev-help-purge"), description=h("rev-help-purge"))
    p.add_argument("--older-than", metavar="AGE", required=True, help=h("rev-help-older-than"))
    p.add_argument("--group", metavar="G", help=h("rev-help-purge-group"))
    p.add_argument("--yes", action="store_true", help=h("rev-help-yes"))
    p.add_argument("--lang", choices=LANGUAGES, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_purge)

    p = sub.add_parser("delete-session", help=h("rev-help-delete-session"),
                       description=h("rev-help-delete-session"))
    p.add_argument("session", metavar="SESSION", help=h("rev-help-session"))
    p.add_argument("--yes", action="store_true", help=h("rev-help-yes"))
    p.add_argument("--lang", choices=LANGUAGES, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_delete_session)


# --- shared --------------------------------------------------------------------------------


def _store() -> Any:
    from facilitator.sessions import SessionStore

    return SessionStore()


def _group(store: Any, ui: str, name: str) -> Any:
    group = store.groups.find_group(name)
    if group is None:
        err(t("rev-unknown-group", ui, name=name))
    return group


def _write(ui: str, path: Path, data: bytes) -> bool:
    from facilitator import _files

    try:
        _files.atomic_write(path, data)
    except OSError as exc:
        err(t("write-failed", ui, path=path, reason=exc.strerror or exc))
        return False
    return True


def _noted(store: Any, path: Path, what: str) -> None:
    """Remember a copy written outside the data folder, for the erasure commands' reminder."""
    from facilitator.review import retention

    try:
        retention.note_output(store, path, what)
    except OSError:
        pass  # the copy is written; only the reminder of it is lost


def _remind_copies(store: Any, ui: str) -> None:
    """Copies written with -o are not in the data folder: they are the worker's to delete."""
    from facilitator.review import retention

    copies = retention.outputs_elsewhere(store)
    print(tn("rev-copies-elsewhere", len(copies), ui))
    for path in copies:
        print(f"  {path}")


def _warn_unreadable(ui: str, unreadable: Any) -> None:
    for sid, why in unreadable:
        err(t("rev-unreadable", ui, id=sid, reason=why))


def _incomplete(ui: str, unreadable: Any) -> int:
    """After writing a result: say what it lacks; non-zero when anything was left out."""
    if not unreadable:
        return EXIT_OK
    err(tn("rev-incomplete", len(unreadable), ui))
    return EXIT_ERRORS


def _erasure_failed(ui: str, exc: BaseException, *, other_os_errors: bool = False) -> int:
    """An erasure that stopped, said in the user's words: a session open in the game, a data
    folder that cannot be written, a damaged file. Another OSError goes on to the command
    line's last resort unless `other_os_errors` says to print it here."""
    from facilitator.errors import SessionBusyError
    from facilitator.strings import not_writable

    if isinstance(exc, SessionBusyError):
        err(t("rev-busy", ui, reason=exc))
    elif isinstance(exc, OSError) and not other_os_errors and not_writable(exc, ui) is None:
        raise exc
    else:
        err(error_text(exc, ui))
    return EXIT_ERRORS


def _confirm(args: argparse.Namespace, ui: str, command: str, question: str) -> int | None:
    """None to go ahead; otherwise the exit status (no terminal, or the answer was no)."""
    if args.yes:
        return None
    if not sys.stdin or not sys.stdin.isatty():
        err(t("rev-no-tty", ui, command=f"porukka {command}"))
        return EXIT_USAGE
    print(question)
    try:
        answer = input(t("rev-confirm-ask", ui))
    except EOFError:
        answer = ""
    if answer.strip().casefold() in {"yes", "y", "kyllä", "kylla", "k", "ja", "j"}:
        return None
    print(t("rev-cancelled", ui))
    return EXIT_ERRORS


# --- sessions ------------------------------------------------------------------------------


def cmd_sessions(args: argparse.Namespace, ui: str) -> int:
    from facilitator._time import parse_time
    from facilitator.errors import FacilitatorError
    from facilitator.review import _format as fmt
    from facilitator.sessions import id_time, within

    since, until = args.since, args.until
    try:
        store = _store()
        groups = store.groups.groups()
        if args.group is not None:
            one = _group(store, ui, args.group)
            if one is None:
                return EXIT_ERRORS
            groups = [one]
        sessions = store.list_sessions(group=args.group and groups[0].id, since=since,
                                       until=until)
    except FacilitatorError as exc:
        err(error_text(exc, ui))
        return EXIT_ERRORS
    from facilitator.review.load import find_story
    from facilitator.review.texts import in_language

    stories: dict[tuple[str, str | None], Any] = {}

    def title(story_id: str, story_hash: str | None, logged: str) -> str:
        """The story's title in the listing's language, when the story at hand is the one
        played; otherwise as logged."""
        ref = (story_id, story_hash)
        if ref not in stories:
            stories[ref] = find_story(*ref)
        story = stories[ref]
        said = in_language(story.title, ui, story.default_language) if story else None
        return said.text if said is not None else logged

    def row(began: datetime | None, story: str, length: str, status: str, resumed: bool,
            simulated: bool, names: str, sid: str) -> tuple[datetime, list[str]]:
        said = t(f"rev-status-{status}", ui)
        if resumed:
            said += f" · {t('rev-resumed', ui)}"
        if simulated:
            said += f" · {t('rev-demo', ui)}"
        return (began or datetime.min.replace(tzinfo=UTC),
                [fmt.when(began, ui) if began is not None else "–", story, length, said,
                 names, sid])

    # Every row is (when it began, the cells); a group's rows newest first.
    by_group: dict[str | None, list[tuple[datetime, list[str]]]] = {}
    for s in sessions:
        by_group.setdefault(s.group, []).append(row(
            s.started, title(s.story_id, s.story_hash, s.story_title),
            f"{fmt.minutes(s.duration)} min", s.status, bool(s.resumed), s.simulated,
            ", ".join(s.present_nicknames) or t("rev-nobody", ui), s.id))
    # A session that cannot be read is a row too, with that status: in its group when the
    # summary last written says which (and what it was), otherwise under a heading of its own.
    # Those of another group or outside the days asked for are neither listed nor warned of.
    unreadable = []
    for sid, why in store.unreadable:
        known = store.last_known(sid)
        began = parse_time(known.started) if known is not None else id_time(sid)
        if began is not None and not within(began, since, until):
            continue
        if args.group is not None and known is not None and known.group != groups[0].id:
            continue
        unreadable.append((sid, why))
        if known is None:
            by_group.setdefault(None, []).append(
                row(began, "–", "–", "unreadable", False, False, "–", sid))
            continue
        names = store.groups.nicknames(known.present)
        by_group.setdefault(known.group, []).append(row(
            began, title(known.story.id, known.story.hash, known.story.title), "–",
            "unreadable", False, known.simulated,
            ", ".join(names[p] for p in known.present if p in names), sid))
    _warn_unreadable(ui, unreadable)
    if not by_group and args.group is None:
        filtered = since is not None or until is not None
        print(t("rev-no-sessions-match" if filtered else "rev-no-sessions", ui))
        return EXIT_OK
    known_ids = {g.id for g in groups}
    order = [g for g in groups if g.id in by_group or args.group is not None]
    head = [t(f"rev-col-{c}", ui) for c in ("date", "story", "duration", "status", "present",
                                            "id")]
    first = True
    others = [g for g in by_group if g not in known_ids and g is not None]
    for gid in [g.id for g in order] + others + ([None] if None in by_group else []):
        listed = sorted(by_group.get(gid, []), key=lambda row: (row[0], row[1][-1]),
                        reverse=True)
        rows = [cells for _began, cells in listed]
        if not first:
            print()
        first = False
        if gid is None:
            print(t("rev-group-unknown", ui))
        else:
            name = next((g.name for g in order if g.id == gid), gid)
            people = len(store.groups.participants(gid)) if gid in known_ids else 0
            print(t("rev-group-line", ui, name=name, people=people, sessions=len(rows)))
        if not rows:
            print("  " + t("rev-no-sessions-match", ui))
            continue
        widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
        for r in [head, *rows]:
            print("  " + "  ".join(str(v).ljust(widths[i]) for i, v in enumerate(r)).rstrip())
    if unreadable:
        err(tn("rev-sessions-unreadable", len(unreadable), ui))
        return EXIT_ERRORS
    return EXIT_OK


# --- report --------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace, ui: str) -> int:
    from facilitator.errors import EmptySession, FacilitatorError, NotFound

    lang = args.lang or ui
    unreadable: Any = ()
    if (args.session is None) == (args.group is None):
        return usage(ui, "porukka report", t("rev-session-or-group", ui))
    try:
        from facilitator.review.load import group_page, session_html

        store = _store()
        if args.session is not None:
            try:
                html = session_html(store, args.session, lang)
            except EmptySession:  # its files exist, but nothing was ever logged in them
                err(t("rev-empty-session", ui, id=args.session))
                return EXIT_ERRORS
            except NotFound:
                err(t("rev-unknown-session", ui, id=args.session))
                return EXIT_ERRORS
        else:
            group = _group(store, ui, args.group)
            if group is None:
                return EXIT_ERRORS
            page = group_page(store, group, lang, include_simulated=args.include_simulated)
            unreadable = page.unreadable
            _warn_unreadable(ui, unreadable)
            html = page.html
            if page.left_out_simulated:
                err(tn("rev-left-out-demo-hint", page.left_out_simulated, ui,
                       shown=page.shown))
    except FacilitatorError as exc:
        err(t("rev-log-error", ui, id=args.session or args.group, reason=exc))
        return EXIT_ERRORS
    if not _write(ui, args.output, html.encode("utf-8")):
        return EXIT_ERRORS
    _noted(store, args.output, "report")
    print(t("rev-wrote", ui, path=args.output))
    return _incomplete(ui, unreadable)


# --- export --------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace, ui: str) -> int:
    if args.format == "xapi":
        from facilitator.review.xapi.commands import cmd_export_xapi

        return cmd_export_xapi(args, ui)
    from facilitator.errors import FacilitatorError

    since, until = args.since, args.until
    out: Path = args.output
    to_stdout = str(out) == "-"  # the usual convention: `-o -` is standard output
    if to_stdout and args.format != "json":
        return usage(ui, "porukka export", t("rev-stdout-json-only", ui))
    if args.format == "json" and not to_stdout and out.is_dir():
        return usage(ui, "porukka export", t("rev-json-needs-file", ui))
    if args.format == "csv" and out.suffix.lower() != ".zip" and out.exists() and (
            not out.is_dir() or any(out.iterdir())):
        err(t("rev-exists", ui, path=out))
        return EXIT_ERRORS
    try:
        from facilitator.review import export

        store = _store()
        group_id = None
        if args.group is not None:
            group = _group(store, ui, args.group)
            if group is None:
                return EXIT_ERRORS
            group_id = group.id
        data = export.collect(store, group=group_id, since=since, until=until,
                              include_simulated=args.include_simulated,
                              nicknames=not args.no_nicknames)
    except FacilitatorError as exc:
        err(error_text(exc, ui))
        return EXIT_ERRORS
    _warn_unreadable(ui, data.unreadable)
    say = (lambda text: print(text, file=sys.stderr)) if to_stdout else print
    try:
        if to_stdout:
            sys.stdout.write(export.json_text(data))
            sys.stdout.flush()
        elif args.format == "json":
            export.write_json(data, out)
        else:
            export.write_csv(data, out, excel_fi=args.excel_fi)
    except FileExistsError:
        err(t("rev-exists", ui, path=out))
        return EXIT_ERRORS
    except OSError as exc:
        err(t("write-failed", ui, path=out, reason=exc.strerror or exc))
        return EXIT_ERRORS
    _noted(store, out, "export")
    counts = ", ".join(f"{name} {n}" for name, n in data.counts().items())
    say(t("rev-wrote-tables", ui, path=t("rev-stdout", ui) if to_stdout else out,
          counts=counts))
    if data.left_out_simulated:
        say(t("rev-left-out-demo", ui, n=data.left_out_simulated))
    return _incomplete(ui, data.unreadable)


# --- forget and purge ----------------------------------------------------------------------


def _read_only(store: Any, ui: str) -> int | None:
    """Before an erasure: a data folder that cannot be written (an archived read-only copy,
    a full disk) is said plainly, once, instead of failing session by session."""
    import tempfile

    from facilitator.strings import not_writable

    try:
        fd, name = tempfile.mkstemp(prefix=".write-check-", dir=store.folder)
        os.close(fd)
        os.unlink(name)
    except OSError as exc:
        err(not_writable(exc, ui) or str(exc))
        return EXIT_ERRORS
    return None


def cmd_forget(args: argparse.Namespace, ui: str) -> int:
    from facilitator.errors import FacilitatorError, NotFound
    from facilitator.review import retention

    try:
        store = _store()
        if (stop := _read_only(store, ui)) is not None:
            return stop
        group = _group(store, ui, args.group)
        if group is None:
            return EXIT_ERRORS
        try:
            plan = retention.plan_forget(store, group, args.pseudonym)
        except NotFound:
            err(t("rev-unknown-person", ui, group=group.name, name=args.pseudonym))
            return EXIT_ERRORS
        refused = _confirm(args, ui, "forget", t(
            "rev-confirm-forget", ui, name=plan.person.nickname, group=group.name,
            sessions=len(plan.sessions)))
        if refused is not None:
            return refused
        done = retention.forget(store, plan)
    except (FacilitatorError, OSError) as exc:
        return _erasure_failed(ui, exc)
    c = done.counts
    print(t("rev-forgot", ui, name=plan.person.nickname, removed=c.events_removed,
            changed=c.events_changed, sessions=c.sessions, reports=done.reports_removed,
            record=t("rev-yes" if c.participant_removed else "rev-no", ui)))
    _remind_copies(store, ui)
    if c.failed:
        _left_over(ui, [sid for sid, _why in c.failed], [why for _sid, why in c.failed],
                   f"porukka forget {args.pseudonym} --group {args.group}")
        return EXIT_ERRORS
    return EXIT_OK


def _left_over(ui: str, sessions: list[str], reasons: list[str], again: str | None) -> None:
    """What an erasure could not do, and how to finish it."""
    err(tn("rev-not-erased", len(sessions), ui))
    for sid, why in zip(sessions, reasons, strict=True):
        err(f"  {sid}: {why}")
        err("    " + t("rev-finish-delete", ui, command=f"porukka delete-session {sid}"))
    if again is not None:
        err(t("rev-finish-again", ui, command=again))


def cmd_purge(args: argparse.Namespace, ui: str) -> int:
    from facilitator.errors import FacilitatorError
    from facilitator.review import _format as fmt
    from facilitator.review import retention

    try:
        age = fmt.parse_age(args.older_than)
    except fmt.AgeWithoutUnit:
        return usage(ui, "porukka purge", t("rev-age-needs-unit", ui, value=args.older_than))
    except ValueError:
        return usage(ui, "porukka purge", t("rev-bad-age", ui, value=args.older_than))
    try:
        store = _store()
        if (stop := _read_only(store, ui)) is not None:
            return stop
        group = None
        if args.group is not None:
            group = _group(store, ui, args.group)
            if group is None:
                return EXIT_ERRORS
        limit, items = retention.plan_purge(store, age, group=group)
        day = fmt.day(limit, ui)
        for item in items:
            if item.open:
                print(t("rev-skipped-open", ui, id=item.id))
        items = [i for i in items if not i.open]
        if not items:
            print(t("rev-nothing-to-purge", ui, date=day))
            return EXIT_OK
        if not args.yes:
            print(tn("rev-purge-list", len(items), ui, date=day))
            for item in items:
                print(f"  {fmt.when(item.started, ui)}  {item.group}  {item.story}")
        refused = _confirm(args, ui, "purge", t("rev-confirm-purge", ui, n=len(items),
                                                  date=day))
        if refused is not None:
            return refused
        result = retention.purge(store, items)
    except (FacilitatorError, OSError) as exc:
        return _erasure_failed(ui, exc)
    done = result.done
    for item, files in done:
        print(tn("rev-purged-one", files, ui, id=item.id, date=fmt.when(item.started, ui),
                 group=item.group, story=item.story))
    print(t("rev-purged", ui, n=len(done), files=sum(f for _, f in done)))
    _remind_copies(store, ui)
    if result.failed:
        _left_over(ui, [i.id for i, _ in result.failed], [why for _, why in result.failed],
                   f"porukka purge --older-than {args.older_than}")
        return EXIT_ERRORS
    return EXIT_OK


def cmd_delete_session(args: argparse.Namespace, ui: str) -> int:
    from facilitator.errors import FacilitatorError, NotFound
    from facilitator.review import retention

    try:
        store = _store()
        if (stop := _read_only(store, ui)) is not None:
            return stop
        refused = _confirm(args, ui, "delete-session",
                           t("rev-confirm-delete-session", ui, id=args.session))
        if refused is not None:
            return refused
        done = retention.delete_session(store, args.session)
    except NotFound:
        err(t("rev-unknown-session", ui, id=args.session))
        return EXIT_ERRORS
    except (FacilitatorError, OSError) as exc:
        return _erasure_failed(ui, exc, other_os_errors=True)
    print(tn("rev-deleted-session", done.files, ui, id=done.id, reports=done.reports))
    _remind_copies(store, ui)
    return EXIT_OK
