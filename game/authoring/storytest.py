"""`porukka test`: every plan of every story under a path, plus the explorer's coverage.

`test_paths` returns `StoryReport` values; `junit_xml` turns them into JUnit XML for CI (one
testcase per plan, plus one for coverage). Printing is the command line's job.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.story.issues import Issue
from game.story.loader import check_file, display_name, expand_paths
from game.story.model import Story

from .explorer import MAX_STATES, WALKS, Coverage, explore
from .plans import LoadedPlans, PlanResult, plan_files, plan_language, read_plans, run_plan


@dataclass
class StoryReport:
    file: Path
    name: str
    story: Story | None = None
    load_errors: list[Issue] = field(default_factory=list)
    plan_files: list[LoadedPlans] = field(default_factory=list)
    plans: list[PlanResult] = field(default_factory=list)
    coverage: Coverage | None = None
    seconds: float = 0.0

    @property
    def plan_errors(self) -> list[Issue]:
        return [i for pf in self.plan_files for i in pf.issues if i.is_error]

    @property
    def failed(self) -> bool:
        """A plan failed, a plan file has errors, or the story itself does not load."""
        return bool(self.load_errors or self.plan_errors
                    or any(not r.passed for r in self.plans))

    @property
    def gaps(self) -> bool:
        return self.coverage is not None and not self.coverage.complete


def check_story(file: Path, *, lang: str | None = None, seed: int = 0,
               max_states: int = MAX_STATES, walks: int = WALKS) -> StoryReport:
    """Run the plans of one story and explore it."""
    t0 = time.perf_counter()
    result = check_file(file)
    report = StoryReport(result.file, display_name(result.file))
    if result.loaded is None:
        report.load_errors = [i for i in result.issues if i.is_error]
        report.seconds = time.perf_counter() - t0
        return report
    story = result.loaded.story
    report.story = story
    for pf in plan_files(result.file):
        loaded = read_plans(pf, story)
        report.plan_files.append(loaded)
        for plan, (line, col) in zip(loaded.plans, loaded.positions, strict=True):
            plang = plan_language(story, plan, loaded.lang, lang)
            report.plans.append(run_plan(story, plan, lang=plang, file=loaded.name, line=line,
                                         column=col))
    play_lang = lang if lang in story.languages else None
    report.coverage = explore(story, max_states=max_states, walks=walks, seed=seed,
                              lang=play_lang)
    report.seconds = time.perf_counter() - t0
    return report


def story_files(path: Path) -> list[Path]:
    """The story files a `test` PATH names: a file, a story folder or a folder of stories."""
    return expand_paths([path])


def check_paths(paths: list[Path], *, lang: str | None = None, seed: int = 0,
                max_states: int = MAX_STATES, walks: int = WALKS) -> list[StoryReport]:
    """Reports for every story under `paths`, in order."""
    return [check_story(f, lang=lang, seed=seed, max_states=max_states, walks=walks)
            for p in paths for f in story_files(p)]


# --- JUnit XML ---------------------------------------------------------------------------------

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """Text XML 1.0 can hold: control characters from a story would make the file unreadable."""
    return _XML_BAD.sub("\ufffd", text)


def junit_xml(reports: list[StoryReport], *, plan_message: Callable[[PlanResult], str],
              coverage_text: Callable[[StoryReport], str], issue_text: Callable[[Issue], str],
              strict: bool = False) -> bytes:
    """JUnit XML: a testsuite per story; a testcase per plan and one for coverage."""
    root = ET.Element("testsuites", name="porukka test")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for rep in reports:
        suite_name = rep.story.id if rep.story is not None else rep.name
        suite = ET.SubElement(root, "testsuite", name=_clean(suite_name), file=_clean(rep.name))
        counts = {"tests": 0, "failures": 0, "errors": 0}

        def case(name: str, file: str, line: int | None = None, seconds: float = 0.0,
                 suite: ET.Element = suite, suite_name: str = suite_name,
                 counts: dict[str, int] = counts) -> ET.Element:
            counts["tests"] += 1
            attrs = {"classname": _clean(suite_name), "name": _clean(name), "file": _clean(file),
                     "time": f"{seconds:.3f}"}
            if line is not None:
                attrs["line"] = str(line)
            return ET.SubElement(suite, "testcase", attrs)

        if rep.load_errors:
            tc = case("load", rep.name)
            counts["errors"] += 1
            text = "\n".join(issue_text(i) for i in rep.load_errors)
            err = ET.SubElement(tc, "error", message=_clean(text.splitlines()[0]), type="load")
            err.text = _clean(text)
        for pf in rep.plan_files:
            errors = [i for i in pf.issues if i.is_error]
            if errors:
                tc = case(f"plans: {pf.name}", pf.name, errors[0].line)
                counts["errors"] += 1
                text = "\n".join(issue_text(i) for i in errors)
                err = ET.SubElement(tc, "error", message=_clean(text.splitlines()[0]),
                                    type="plan-file")
                err.text = _clean(text)
        for res in rep.plans:
            tc = case(res.plan.name, res.file, res.line, res.seconds)
            if not res.passed:
                counts["failures"] += 1
                text = plan_message(res)
                fail = ET.SubElement(tc, "failure", message=_clean(text.splitlines()[0]),
                                     type="plan")
                fail.text = _clean(text)
        if rep.coverage is not None:
            tc = case("coverage", rep.name, seconds=rep.coverage.seconds)
            text = coverage_text(rep)
            if strict and not rep.coverage.complete:
                counts["failures"] += 1
                fail = ET.SubElement(tc, "failure", message=_clean(text.splitlines()[0]),
                                     type="coverage")
                fail.text = _clean(text)
            else:
                out = ET.SubElement(tc, "system-out")
                out.text = _clean(text)
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
        suite.set("skipped", "0")
        suite.set("time", f"{rep.seconds:.3f}")
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
