"""Command-line commands of the facilitator (review), added to `porukka` by launcher.py:
`sessions`, `report`, `export`, `forget` and `purge`.

Keep this module light: import heavy modules inside the command handlers, so that starting the
game stays fast. The handlers parse, call `facilitator.review.*` and print what they return;
every expected failure is a message in the user's language and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.i18n import STRINGS, add_strings, t

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_USAGE = 2
LANGS = ["fi", "sv", "en"]


# The commands' help is here, so that building the parser loads nothing more; the rest of
# the review's words are in facilitator/review/strings.py, loaded when a command runs.
HELP: dict[str, dict[str, str]] = {
    "rev-help-sessions": {
        "en": "list groups and their sessions, newest first",
        "fi": "listaa ryhmät ja niiden tapaamiset, uusin ensin",
        "sv": "lista grupper och deras träffar, nyaste först",
    },
    "rev-help-group": {
        "en": "only this group (its name or id)",
        "fi": "vain tämä ryhmä (nimi tai tunnus)",
        "sv": "bara den här gruppen (namn eller id)",
    },
    "rev-help-since": {
        "en": "only sessions on or after this day (YYYY-MM-DD or D.M.YYYY)",
        "fi": "vain tapaamiset tästä päivästä alkaen (VVVV-KK-PP tai P.K.VVVV)",
        "sv": "bara träffar från och med den här dagen (ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ)",
    },
    "rev-help-until": {
        "en": "only sessions on or before this day (YYYY-MM-DD or D.M.YYYY)",
        "fi": "vain tapaamiset tähän päivään asti (VVVV-KK-PP tai P.K.VVVV)",
        "sv": "bara träffar till och med den här dagen (ÅÅÅÅ-MM-DD eller D.M.ÅÅÅÅ)",
    },
    "rev-help-report": {
        "en": "write a session's or a group's report as one HTML file (screen and A4 print)",
        "fi": "kirjoita tapaamisen tai ryhmän raportti yhdeksi HTML-tiedostoksi (näyttö ja "
              "A4-tuloste)",
        "sv": "skriv en träffs eller en grupps rapport som en HTML-fil (skärm och A4-utskrift)",
    },
    "rev-help-session": {
        "en": "the session's id (see `porukka sessions`)",
        "fi": "tapaamisen tunnus (katso `porukka sessions`)",
        "sv": "träffens id (se `porukka sessions`)",
    },
    "rev-help-report-group": {
        "en": "the report of this group over its sessions instead (name or id)",
        "fi": "sen sijaan tämän ryhmän raportti kaikista tapaamisista (nimi tai tunnus)",
        "sv": "i stället den här gruppens rapport över dess träffar (namn eller id)",
    },
    "rev-help-output-html": {
        "en": "the HTML file to write",
        "fi": "kirjoitettava HTML-tiedosto",
        "sv": "HTML-filen som skrivs",
    },
    "rev-help-lang": {
        "en": "language of the report and messages: fi, sv or en (default: from the locale)",
        "fi": "raportin ja viestien kieli: fi, sv tai en (oletus: järjestelmän kieliasetus)",
        "sv": "rapportens och meddelandenas språk: fi, sv eller en (standard: systemets språk)",
    },
    "rev-help-include-simulated": {
        "en": "include simulated demo sessions in the figures (left out by default)",
        "fi": "ota simuloidut esittelytapaamiset mukaan lukuihin (oletuksena jätetään pois)",
        "sv": "ta med simulerade demoträffar i siffrorna (utelämnas som standard)",
    },
    "rev-help-export": {
        "en": "export sessions, decisions, votes, reflections and feedback as CSV or JSON",
        "fi": "vie tapaamiset, päätökset, äänet, reflektiot ja palautteet CSV- tai "
              "JSON-muodossa",
        "sv": "exportera träffar, beslut, röster, reflektioner och respons som CSV eller JSON",
    },
    "rev-help-format": {
        "en": "csv: one file per table in a folder (or a .zip); json: one file",
        "fi": "csv: yksi tiedosto taulua kohden kansioon (tai .zip); json: yksi tiedosto",
        "sv": "csv: en fil per tabell i en mapp (eller en .zip); json: en fil",
    },
    "rev-help-excel-fi": {
        "en": "CSV for Excel with Finnish settings: ; between fields and decimal commas",
        "fi": "CSV suomenkieliselle Excelille: kenttien välissä ; ja desimaalipilkku",
        "sv": "CSV för Excel med finska inställningar: ; mellan fälten och decimalkomma",
    },
    "rev-help-output-export": {
        "en": "where to write: a folder (CSV), a .zip (CSV) or a .json file",
        "fi": "mihin kirjoitetaan: kansio (CSV), .zip (CSV) tai .json-tiedosto",
        "sv": "vart det skrivs: en mapp (CSV), en .zip (CSV) eller en .json-fil",
    },
    "rev-help-no-nicknames": {
        "en": "leave the nicknames out: participants appear only by their random id",
        "fi": "jätä lempinimet pois: osallistujat näkyvät vain satunnaisella tunnuksella",
        "sv": "utelämna smeknamnen: deltagarna syns bara med sitt slumpmässiga id",
    },
    "rev-help-forget": {
        "en": "erase every trace of one participant: votes, ratings, feedback, attendance",
        "fi": "poista yhden osallistujan kaikki tiedot: äänet, arviot, palautteet, "
              "läsnäolot",
        "sv": "radera alla spår av en deltagare: röster, skattningar, respons, närvaro",
    },
    "rev-help-pseudonym": {
        "en": "the participant's nickname (or id)",
        "fi": "osallistujan lempinimi (tai tunnus)",
        "sv": "deltagarens smeknamn (eller id)",
    },
    "rev-help-forget-group": {
        "en": "the group the participant belongs to (name or id)",
        "fi": "ryhmä, johon osallistuja kuuluu (nimi tai tunnus)",
        "sv": "gruppen som deltagaren hör till (namn eller id)",
    },
    "rev-help-yes": {
        "en": "do not ask for confirmation",
        "fi": "älä kysy vahvistusta",
        "sv": "fråga inte om bekräftelse",
    },
    "rev-help-purge": {
        "en": "delete whole sessions older than a given age (retention)",
        "fi": "poista kokonaan tiettyä ikää vanhemmat tapaamiset (säilytysaika)",
        "sv": "radera hela träffar som är äldre än en viss ålder (lagringstid)",
    },
    "rev-help-older-than": {
        "en": "age, e.g. 180d (days) or 26w (weeks)",
        "fi": "ikä, esim. 180d (päivää) tai 26w (viikkoa)",
        "sv": "ålder, t.ex. 180d (dagar) eller 26w (veckor)",
    },
    "rev-help-purge-group": {
        "en": "only sessions of this group",
        "fi": "vain tämän ryhmän tapaamiset",
        "sv": "bara den här gruppens träffar",
    },
}


def _strings() -> None:
    from facilitator.review import strings  # noqa: F401  (registers the rev- strings)


def register(sub: Any, lang: str) -> None:
    """Add this module's commands to the `porukka` sub-parsers (`sub`), with help in `lang`.

    Each command sets `handler=function(args: argparse.Namespace, ui: str) -> int`.
    """
    if "rev-help-sessions" not in STRINGS:
        add_strings(HELP)

    def h(key: str) -> str:
        return t(key, lang)

    p = sub.add_parser("sessions", help=h("rev-help-sessions"),
                       description=h("rev-help-sessions"))
    p.add_argument("--group", metavar="G", help=h("rev-help-group"))
    p.add_argument("--since", metavar="DATE", help=h("rev-help-since"))
    p.add_argument("--until", metavar="DATE", help=h("rev-help-until"))
    p.add_argument("--lang", choices=LANGS, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_sessions)

    p = sub.add_parser("report", help=h("rev-help-report"), description=h("rev-help-report"))
    p.add_argument("session", nargs="?", metavar="SESSION", help=h("rev-help-session"))
    p.add_argument("--group", metavar="G", help=h("rev-help-report-group"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.html",
                   help=h("rev-help-output-html"))
    p.add_argument("--lang", choices=LANGS, help=h("rev-help-lang"))
    p.add_argument("--include-simulated", action="store_true",
                   help=h("rev-help-include-simulated"))
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("export", help=h("rev-help-export"), description=h("rev-help-export"))
    p.add_argument("--format", choices=["csv", "json", "xapi"], required=True,
                   help=h("rev-help-format"))
    p.add_argument("--group", metavar="G", help=h("rev-help-group"))
    p.add_argument("--since", metavar="DATE", help=h("rev-help-since"))
    p.add_argument("--until", metavar="DATE", help=h("rev-help-until"))
    p.add_argument("--excel-fi", action="store_true", help=h("rev-help-excel-fi"))
    p.add_argument("--include-simulated", action="store_true",
                   help=h("rev-help-include-simulated"))
    p.add_argument("--no-nicknames", action="store_true", help=h("rev-help-no-nicknames"))
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                   help=h("rev-help-output-export"))
    p.add_argument("--lang", choices=LANGS, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("forget", help=h("rev-help-forget"), description=h("rev-help-forget"))
    p.add_argument("pseudonym", metavar="PSEUDONYM", help=h("rev-help-pseudonym"))
    p.add_argument("--group", metavar="G", required=True, help=h("rev-help-forget-group"))
    p.add_argument("--yes", action="store_true", help=h("rev-help-yes"))
    p.add_argument("--lang", choices=LANGS, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_forget)

    p = sub.add_parser("purge", help=h("rev-help-purge"), description=h("rev-help-purge"))
    p.add_argument("--older-than", metavar="AGE", required=True, help=h("rev-help-older-than"))
    p.add_argument("--group", metavar="G", help=h("rev-help-purge-group"))
    p.add_argument("--yes", action="store_true", help=h("rev-help-yes"))
    p.add_argument("--lang", choices=LANGS, help=h("rev-help-lang"))
    p.set_defaults(handler=cmd_purge)


# --- shared --------------------------------------------------------------------------------


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _usage(ui: str, command: str, message: str) -> int:
    _err(t("usage-error", ui, prog=f"porukka {command}", message=message))
    return EXIT_USAGE


def _day(ui: str, option: str, value: str | None) -> Any:
    """A parsed day, None when not given, or the string "bad" after printing the error."""
    from facilitator.review._format import parse_day

    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError:
        _err(t("rev-bad-date", ui, option=option, value=value))
        return "bad"


def _store() -> Any:
    from facilitator.sessions import SessionStore

    return SessionStore()


def _group(store: Any, ui: str, name: str) -> Any:
    group = store.groups.find_group(name)
    if group is None:
        _err(t("rev-unknown-group", ui, name=name))
    return group


def _write(ui: str, path: Path, data: bytes) -> bool:
    from facilitator import _files

    try:
        _files.atomic_write(path, data)
    except OSError as exc:
        _err(t("write-failed", ui, path=path, reason=exc.strerror or exc))
        return False
    return True


def _warn_unreadable(ui: str, unreadable: Any) -> None:
    for sid, why in unreadable:
        _err(t("rev-unreadable", ui, id=sid, reason=why))


def _confirm(args: argparse.Namespace, ui: str, command: str, question: str) -> int | None:
    """None to go ahead; otherwise the exit status (no terminal, or the answer was no)."""
    if args.yes:
        return None
    if not sys.stdin or not sys.stdin.isatty():
        _err(t("rev-no-tty", ui, command=f"porukka {command}"))
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
    _strings()
    from facilitator.errors import FacilitatorError
    from facilitator.review import _format as fmt

    since, until = _day(ui, "--since", args.since), _day(ui, "--until", args.until)
    if "bad" in (since, until):
        return EXIT_USAGE
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
        _err(str(exc))
        return EXIT_ERRORS
    _warn_unreadable(ui, store.unreadable)
    if not sessions and args.group is None:
        filtered = since is not None or until is not None
        print(t("rev-no-sessions-match" if filtered else "rev-no-sessions", ui))
        return EXIT_OK
    by_group: dict[str, list[Any]] = {}
    for s in sessions:
        by_group.setdefault(s.group, []).append(s)
    known = {g.id for g in groups}
    order = [g for g in groups if g.id in by_group or args.group is not None]
    head = [t(f"rev-col-{c}", ui) for c in ("date", "story", "duration", "status", "present",
                                            "id")]
    first = True
    for gid in [g.id for g in order] + [g for g in by_group if g not in known]:
        name = next((g.name for g in order if g.id == gid), gid)
        rows = []
        for s in by_group.get(gid, []):
            status = t(f"rev-status-{s.status}", ui)
            if s.simulated:
                status += f" · {t('rev-demo', ui)}"
            rows.append([fmt.list_date(s.started), s.story_title,
                         f"{fmt.minutes(s.duration)} min", status,
                         ", ".join(s.present_nicknames) or t("rev-nobody", ui), s.id])
        people = len(store.groups.participants(gid)) if gid in known else 0
        if not first:
            print()
        first = False
        print(t("rev-group-line", ui, name=name, people=people, sessions=len(rows)))
        if not rows:
            print("  " + t("rev-no-sessions-match", ui))
            continue
        widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
        for r in [head, *rows]:
            print("  " + "  ".join(str(v).ljust(widths[i]) for i, v in enumerate(r)).rstrip())
    return EXIT_OK


# --- report --------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace, ui: str) -> int:
    _strings()
    from facilitator.errors import FacilitatorError, NotFound

    lang = args.lang or ui
    if (args.session is None) == (args.group is None):
        return _usage(ui, "report", t("rev-session-or-group", ui))
    try:
        from facilitator.review.load import load_group, session_html
        from facilitator.review.render import render_group

        store = _store()
        if args.session is not None:
            try:
                html = session_html(store, args.session, lang)
            except NotFound:
                _err(t("rev-unknown-session", ui, id=args.session))
                return EXIT_ERRORS
        else:
            group = _group(store, ui, args.group)
            if group is None:
                return EXIT_ERRORS
            bundle = load_group(store, group, include_simulated=args.include_simulated)
            _warn_unreadable(ui, bundle.unreadable)
            html = render_group(bundle.report, lang, domain_names=bundle.domain_names)
    except FacilitatorError as exc:
        _err(t("rev-log-error", ui, id=args.session or args.group, reason=exc))
        return EXIT_ERRORS
    if not _write(ui, args.output, html.encode("utf-8")):
        return EXIT_ERRORS
    print(t("rev-wrote", ui, path=args.output))
    return EXIT_OK


# --- export --------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace, ui: str) -> int:
    if args.format == "xapi":
        from facilitator.review.xapi.commands import cmd_export_xapi

        return cmd_export_xapi(args, ui)
    _strings()
    from facilitator.errors import FacilitatorError

    since, until = _day(ui, "--since", args.since), _day(ui, "--until", args.until)
    if "bad" in (since, until):
        return EXIT_USAGE
    out: Path = args.output
    if args.format == "json" and out.is_dir():
        return _usage(ui, "export", t("rev-json-needs-file", ui))
    if args.format == "csv" and out.suffix.lower() != ".zip" and out.exists() and (
            not out.is_dir() or any(out.iterdir())):
        _err(t("rev-exists", ui, path=out))
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
        _err(str(exc))
        return EXIT_ERRORS
    _warn_unreadable(ui, data.unreadable)
    try:
        if args.format == "json":
            export.write_json(data, out)
        else:
            export.write_csv(data, out, excel_fi=args.excel_fi)
    except FileExistsError:
        _err(t("rev-exists", ui, path=out))
        return EXIT_ERRORS
    except OSError as exc:
        _err(t("write-failed", ui, path=out, reason=exc.strerror or exc))
        return EXIT_ERRORS
    counts = ", ".join(f"{name} {n}" for name, n in data.counts().items())
    print(t("rev-wrote-tables", ui, path=out, counts=counts))
    if data.left_out_simulated:
        print(t("rev-left-out-demo", ui, n=data.left_out_simulated))
    return EXIT_OK


# --- forget and purge ----------------------------------------------------------------------


def cmd_forget(args: argparse.Namespace, ui: str) -> int:
    _strings()
    from facilitator.errors import FacilitatorError, NotFound, SessionBusyError
    from facilitator.review import retention

    try:
        store = _store()
        group = _group(store, ui, args.group)
        if group is None:
            return EXIT_ERRORS
        try:
            plan = retention.plan_forget(store, group, args.pseudonym)
        except NotFound:
            _err(t("rev-unknown-person", ui, group=group.name, name=args.pseudonym))
            return EXIT_ERRORS
        refused = _confirm(args, ui, "forget", t(
            "rev-confirm-forget", ui, name=plan.person.nickname, group=group.name,
            sessions=len(plan.sessions)))
        if refused is not None:
            return refused
        done = retention.forget(store, plan)
    except SessionBusyError as exc:
        _err(t("rev-busy", ui, reason=exc))
        return EXIT_ERRORS
    except FacilitatorError as exc:
        _err(str(exc))
        return EXIT_ERRORS
    c = done.counts
    print(t("rev-forgot", ui, name=plan.person.nickname, removed=c.events_removed,
            changed=c.events_changed, sessions=c.sessions, reports=done.reports_removed,
            record=t("rev-yes" if c.participant_removed else "rev-no", ui)))
    return EXIT_OK


def cmd_purge(args: argparse.Namespace, ui: str) -> int:
    _strings()
    from facilitator.errors import FacilitatorError, SessionBusyError
    from facilitator.review import _format as fmt
    from facilitator.review import retention

    try:
        age = fmt.parse_age(args.older_than)
    except ValueError:
        return _usage(ui, "purge", t("rev-bad-age", ui, value=args.older_than))
    try:
        store = _store()
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
        refused = _confirm(args, ui, "purge", t("rev-confirm-purge", ui, n=len(items),
                                                  date=day))
        if refused is not None:
            return refused
        done = retention.purge(store, items)
    except SessionBusyError as exc:
        _err(t("rev-busy", ui, reason=exc))
        return EXIT_ERRORS
    except FacilitatorError as exc:
        _err(str(exc))
        return EXIT_ERRORS
    for item, files in done:
        print(t("rev-purged-one", ui, id=item.id, date=fmt.list_date(item.started),
                group=item.group, story=item.story, files=files))
    print(t("rev-purged", ui, n=len(done), files=sum(f for _, f in done)))
    return EXIT_OK
