"""The authoring tools' command handlers (the parsers are set up by `cli.register`).

Each handler parses nothing itself: it calls the library functions of its tool, which return
values, and prints them in the user's language. Exit status (game.cli): 0 done, 1 the input has
problems (a failing plan, a story with errors, a missing program), 2 bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli import (
    EXIT_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    find_story,
    other_language,
    story_language,
    story_paths,
)
from game.cli import err as _err
from game.cli import usage as _usage
from game.i18n import t, tn
from game.story.issues import Issue
from game.story.loader import check_file, display_name
from game.story.model import Story
from game.story.text import LANG_RE

from ._common import issue_text, read_draft

# --- shared -------------------------------------------------------------------------------------


def _write(path: Path, data: bytes, ui: str) -> bool:
    try:
        if path.parent and not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        _err(t("write-failed", ui, path=path, reason=exc.strerror or exc))
        return False
    return True


def _print_issues(issues: list[Issue], ui: str, *, errors_only: bool = False) -> None:
    for issue in issues:
        if issue.is_error or not errors_only:
            _err(issue_text(issue, ui))


# --- graph --------------------------------------------------------------------------------------


def cmd_graph(args: argparse.Namespace, ui: str) -> int:
    from .graph import GraphvizError, output_format, render, story_map, to_dot, to_mermaid

    fmt = "dot"
    if args.output is not None:
        found = output_format(args.output)
        if found is None:
            return _usage(ui, "porukka graph", t("graph-bad-format", ui, path=args.output))
        fmt = found
    path = find_story(args.story, ui)
    if path is None:
        return EXIT_USAGE
    draft = read_draft(path)
    if draft.story is None:
        _print_issues(draft.issues, ui, errors_only=True)
        _err(t("authoring-unreadable", ui))
        return EXIT_ERRORS
    if draft.errors:
        _print_issues(draft.issues, ui, errors_only=True)
        _err(t("graph-has-errors", ui))
    story = draft.story
    smap = story_map(story, story_language(story, other_language(args, "--story-lang", ui), ui))
    if fmt == "mmd":
        data = to_mermaid(smap, ui).encode("utf-8")
    else:
        dot_text = to_dot(smap, ui)
        data = dot_text.encode("utf-8")
        if fmt in ("svg", "png"):
            try:
                data = render(dot_text, fmt)  # type: ignore[arg-type]  # checked just above
            except GraphvizError as exc:
                _err(t(exc.code, ui, **exc.params))
                return EXIT_ERRORS
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return EXIT_OK
    if not _write(args.output, data, ui):
        return EXIT_ERRORS
    print(t("graph-written", ui, story=story.id, scenes=tn("graph-scenes", len(story.scenes), ui),
            edges=tn("graph-edges", len(smap.edges), ui), path=args.output))
    return EXIT_OK


# --- test ---------------------------------------------------------------------------------------


def plan_message(result: Any, ui: str) -> str:
    """The failures of a plan, one line each, naming the plan, the step and what was found."""
    from .plans import PlanResult

    assert isinstance(result, PlanResult)
    lines = []
    for f in result.failures:
        if f.step is None:
            when = t("test-at-start", ui)
        elif f.code in ("plan-ended-early", "plan-stuck", "plan-not-in-scene", "plan-hidden"):
            when = t("test-at-step", ui, step=f.step, choice=f.choice)
        else:
            when = t("test-after-step", ui, step=f.step, choice=f.choice)
        lines.append(t("test-failure", ui, file=result.file, line=result.line,
                       column=result.column, plan=result.plan.name, when=when,
                       what=t(f.code, ui, **f.params)))
    return "\n".join(lines)


def coverage_lines(cov: Any, story: Story, ui: str) -> list[str]:
    """The coverage summary line, then a warning per gap."""
    from .explorer import Coverage

    assert isinstance(cov, Coverage)
    if cov.mode == "exhaustive":
        how = tn("test-exhaustive", cov.states, ui)
    else:
        how = tn("test-sampled", cov.walks, ui, states=cov.states, seed=cov.seed)
    out = [t("test-coverage", ui, how=how, scenes=len(cov.reached), scenes_total=len(cov.scenes),
             choices=len(cov.taken), choices_total=len(cov.choices),
             endings=len(cov.endings_reached), endings_total=len(cov.endings))]
    sampled = cov.mode == "sampled"
    for sid in cov.never_reached:
        out.append(t("test-never-reached-sampled" if sampled else "test-never-reached", ui,
                     scene=sid))
    for sid, index in cov.never_shown:
        spec = (story.scenes[sid].choices or [])[index]
        out.append(t("test-never-shown-sampled" if sampled else "test-never-shown", ui,
                     choice=cov.choices[(sid, index)], scene=sid, condition=spec.if_ or ""))
    for sid, index in cov.not_taken:
        out.append(t("test-not-taken", ui, choice=cov.choices[(sid, index)], scene=sid))
    for sid, values in cov.stuck.items():
        shown = ", ".join(f"{k} = {_value(v)}" for k, v in values.items()) or "-"
        out.append(t("test-stuck", ui, scene=sid, values=shown))
    return out


def _value(v: int | bool) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def cmd_test(args: argparse.Namespace, ui: str) -> int:
    from .storytest import check_paths, junit_xml

    for option, value, least in (("--max-states", args.max_states, 1), ("--walks", args.walks, 0)):
        if value < least:
            return _usage(ui, "porukka test", t("test-bad-number", ui, option=option,
                                                  least=least))
    paths = story_paths(args.paths, ui, "porukka test")
    if paths is None:
        return EXIT_USAGE
    reports = check_paths(paths, lang=other_language(args, "--story-lang", ui), seed=args.seed,
                          max_states=args.max_states, walks=args.walks)
    passed = failed = 0
    gaps = False
    for rep in reports:
        print(rep.name)
        if rep.load_errors:
            for issue in rep.load_errors:
                print("  " + issue_text(issue, ui))
            print("  " + t("story-invalid", ui, path=rep.name))
            continue
        for pf in rep.plan_files:
            for issue in pf.issues:
                print("  " + issue_text(issue, ui))
        if not rep.plan_files:
            test_file = "story.test.yaml" if rep.file.name == "story.yaml" else (
                rep.file.name.rsplit(".", 1)[0] + ".test.yaml")
            print(t("test-no-plans", ui, file=display_name(rep.file.parent / test_file)))
        for res in rep.plans:
            if res.passed:
                passed += 1
                print(f"  ✓ {res.plan.name}")
            else:
                failed += 1
                print(f"  ✗ {res.plan.name}")
                for line in plan_message(res, ui).splitlines():
                    print("      " + line)
        if rep.coverage is not None and rep.story is not None:
            for line in coverage_lines(rep.coverage, rep.story, ui):
                print(line)
            gaps = gaps or rep.gaps
    print(t("test-summary", ui, stories=tn("test-summary-stories", len(reports), ui),
            passed=tn("test-summary-passed", passed, ui),
            failed=tn("test-summary-failed", failed, ui)))
    if gaps and not args.strict:
        print(t("test-gaps", ui))
    if args.junit is not None:
        xml = junit_xml(
            reports,
            plan_message=lambda r: plan_message(r, ui),
            coverage_text=lambda rep: "\n".join(
                line.strip() for line in coverage_lines(rep.coverage, rep.story, ui))
            if rep.story is not None else "",
            issue_text=lambda i: issue_text(i, ui),
            strict=args.strict,
        )
        if not _write(args.junit, xml, ui):
            return EXIT_ERRORS
        print(t("test-junit-written", ui, path=args.junit))
    if any(r.failed for r in reports) or (args.strict and gaps):
        return EXIT_ERRORS
    return EXIT_OK


# --- strings ------------------------------------------------------------------------------------


def cmd_strings_export(args: argparse.Namespace, ui: str) -> int:
    from .strings import entries, export_csv

    target = other_language(args, "--target-lang", ui)
    if target is None:
        return _usage(ui, "porukka strings export",
                      t("option-required", ui, option="--target-lang"))
    if not LANG_RE.match(target):
        return _usage(ui, "porukka strings export", t("strings-bad-lang", ui, lang=target))
    path = find_story(args.story, ui)
    if path is None:
        return EXIT_USAGE
    draft = read_draft(path)
    if draft.story is None or draft.source is None:
        _print_issues(draft.issues, ui, errors_only=True)
        _err(t("authoring-unreadable", ui))
        return EXIT_ERRORS
    story = draft.story
    if target == story.default_language:
        _err(t("strings-same-language", ui, lang=target))
        return EXIT_ERRORS
    out = args.output or Path(f"{story.id}.{target}.csv")
    found = entries(draft, target)
    if not _write(out, export_csv(draft, target), ui):
        return EXIT_ERRORS
    print(tn("strings-exported", len(found), ui, story=story.id,
            source=story.default_language, lang=target,
            done=sum(1 for e in found if e.translation), path=out))
    return EXIT_OK


def cmd_strings_import(args: argparse.Namespace, ui: str) -> int:
    from .strings import CsvError, import_translations, read_csv, story_from_where

    csv_name = display_name(args.csv)
    try:
        raw = args.csv.read_bytes()
    except FileNotFoundError:
        return _usage(ui, "porukka strings import", t("no-path", ui, path=args.csv))
    except OSError as exc:
        _err(t("write-failed", ui, path=args.csv, reason=exc.strerror or exc))
        return EXIT_ERRORS
    try:
        table = read_csv(raw)
    except CsvError as exc:
        _err(f"{csv_name}:{exc.row}: {t(exc.code, ui, **exc.params)}")
        return EXIT_ERRORS
    if args.story is not None:
        story_path = find_story(args.story, ui)
        if story_path is None:
            return EXIT_USAGE
    else:
        story_path = story_from_where(table, Path.cwd())
        if story_path is None:
            return _usage(ui, "porukka strings import", t("strings-no-story", ui))
    draft = read_draft(story_path)
    if draft.story is None or draft.errors:
        _print_issues(draft.issues, ui, errors_only=True)
        _err(t("strings-story-has-errors", ui))
        return EXIT_ERRORS
    story = draft.story
    try:
        done = import_translations(draft, table, force=args.force, write=not args.dry_run)
    except CsvError as exc:
        where = draft.name if exc.code == "strings-yaml-failed" else csv_name
        _err(f"{where}:{exc.row}: {t(exc.code, ui, **exc.params)}")
        return EXIT_ERRORS
    plan = done.plan
    source = story.default_language
    for row, entry in plan.stale:
        _err(t("strings-stale", ui, file=csv_name, row=row.number, key=row.key, source=source,
               text=entry.source))
    for row, _entry in plan.forced:
        _err(t("strings-forced", ui, file=csv_name, row=row.number, key=row.key, source=source))
    for row in plan.unknown:
        _err(t("strings-unknown-key", ui, file=csv_name, row=row.number, key=row.key))
    for row, code, params in plan.rejected:
        _err(t("strings-rejected", ui, file=csv_name, row=row.number, key=row.key,
               problem=t(code, ui, **params)))
    print(tn("strings-summary", len(plan.changes), ui, unchanged=plan.unchanged,
            empty=plan.empty, stale=len(plan.stale), unknown=len(plan.unknown),
            rejected=len(plan.rejected)))
    if plan.add_language and plan.changes:
        print(t("strings-language-added", ui, lang=plan.lang))
    if not done.result.ok:
        _err(t("strings-invalid-result", ui))
        _print_issues(done.result.issues, ui, errors_only=True)
        return EXIT_ERRORS
    if not plan.changes:
        print(t("strings-nothing", ui))
    elif args.dry_run:
        print(t("strings-dry-run", ui))
    else:
        warnings = len(done.result.issues)
        print(tn("strings-written", warnings, ui, path=draft.name))
        if warnings:
            print(t("strings-warnings-hint", ui, path=draft.name))
    if plan.stale or plan.unknown or plan.rejected:
        return EXIT_ERRORS
    return EXIT_OK


# --- import-twee ----------------------------------------------------------------------------------


def cmd_import_twee(args: argparse.Namespace, ui: str) -> int:
    from .twee import MAX_TWEE_BYTES, TweeError, convert, story_id_for

    source = other_language(args, "--source-lang", ui) or "fi"
    if not LANG_RE.match(source):
        return _usage(ui, "porukka import-twee", t("strings-bad-lang", ui, lang=source))
    src: Path = args.file
    try:
        with src.open("rb") as fh:
            raw = fh.read(MAX_TWEE_BYTES + 1)
    except (FileNotFoundError, IsADirectoryError):
        return _usage(ui, "porukka import-twee", t("no-path", ui, path=src))
    except OSError as exc:
        _err(t("write-failed", ui, path=src, reason=exc.strerror or exc))
        return EXIT_ERRORS
    if len(raw) > MAX_TWEE_BYTES:
        _err(t("twee-too-large", ui, path=src, limit=MAX_TWEE_BYTES // (1024 * 1024)))
        return EXIT_ERRORS
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        _err(t("twee-not-utf8", ui, path=src))
        return EXIT_ERRORS
    out: Path = args.output
    if out.suffix.lower() in (".yaml", ".yml"):
        target, name = out, out.stem
    else:
        target, name = out / "story.yaml", out.resolve().name
    if target.exists() and not args.force:
        _err(t("twee-exists", ui, path=target))
        return EXIT_ERRORS
    try:
        conversion = convert(text, story_id=story_id_for(name), lang=source)
    except TweeError as exc:
        _err(t(exc.code, ui, path=src, **exc.params))
        return EXIT_ERRORS
    src_name = display_name(src)
    for note in conversion.notes:
        params = {k: v for k, v in note.params.items() if k != "n"}
        message = (tn(note.code, note.params["n"], ui, passage=note.passage, **params)
                   if "n" in note.params else t(note.code, ui, passage=note.passage, **params))
        _err(f"{src_name}:{note.line}:{note.column}: warning[{note.code}]: {message}")
    header = t("twee-header", ui, source=src.name)
    if not _write(target, conversion.yaml(src.name, header).encode("utf-8"), ui):
        return EXIT_ERRORS
    print(tn("twee-written", conversion.scenes, ui, path=display_name(target),
            title=conversion.title))
    if conversion.notes:
        print(tn("twee-notes-summary", len(conversion.notes), ui))
    result = check_file(target)
    _print_issues(result.issues, ui)
    if not result.ok:
        _err(t("twee-validate-errors", ui, path=display_name(target)))
        return EXIT_ERRORS
    return EXIT_OK

