"""Story test plans, the explorer and JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from game.authoring._common import issue_text
from game.authoring.explorer import explore, seen_scenes
from game.authoring.plans import plan_files, read_plans
from game.authoring.storytest import check_paths, check_story
from game.story import load_story

from ._helpers import BUILTIN, porukka, write

SMALL = """\
    format: 1
    id: pieni
    title: {fi: Pieni, en: Small}
    languages: [fi, en]
    start: alku
    variables:
      rahat: {initial: 10, min: 0, max: 20}
      soitti: {initial: false}
    scenes:
      alku:
        lines:
          - {fi: "Rahaa on {rahat} €.", en: "You have {rahat} €."}
        choices:
          - id: osta
            text: {fi: Ostan, en: I buy}
            add: {rahat: -5}
            goto: kauppa
            domains: [arki]
          - id: soita
            text: {fi: Soitan, en: I call}
            set: {soitti: true}
            goto: puhelu
            domains: [yhdessa]
      kauppa:
        lines: [{fi: Kaupassa., en: At the shop.}]
        goto: alku
      puhelu:
        lines:
          - {fi: Puhelu., en: A call.}
          - text: {fi: Kävit kaupassa., en: You went shopping.}
            if: seen(kauppa)
        choices:
          - id: takaisin
            text: {fi: Takaisin, en: Back}
            if: rahat > 0
            goto: alku
            domains: [arki]
          - id: loppuun
            text: {fi: Loppuun, en: To the end}
            goto: loppu
            domains: [arki]
      loppu:
        lines: [{fi: Loppu., en: The end.}]
        end: {title: {fi: Hyvä, en: Good}, mood: hopeful}
    """

PLANS = """\
    format: 1
    plans:
      - name: Suoraan loppuun
        choose: [soita, loppuun]
        ending: loppu
        variables: {rahat: 10, soitti: true}
      - name: Kaupan kautta
        choose: [osta, soita]
        scene: puhelu
        visits: [kauppa]
        variables: {rahat: 5}
        shows: Kävit kaupassa
      - name: In English
        lang: en
        choose: [osta, soita, loppuun]
        shows: [you went SHOPPING, "The   end."]
        ending: loppu
    """


@pytest.fixture
def small(tmp_path) -> Path:
    return write(tmp_path / "pieni" / "story.yaml", SMALL)


def test_plans_pass(small):
    write(small.parent / "story.test.yaml", PLANS)
    rep = check_story(small)
    assert rep.plan_errors == []
    assert [r.passed for r in rep.plans] == [True, True, True]
    assert not rep.failed
    assert [r.line for r in rep.plans] == [3, 7, 13]
    assert rep.plans[2].lang == "en"


def test_plan_files_beside_a_folder_story_and_a_single_file_story(tmp_path, small):
    write(small.parent / "story.test.yaml", PLANS)
    write(small.parent / "lisää.test.yaml", PLANS)
    assert [p.name for p in plan_files(small)] == ["lisää.test.yaml", "story.test.yaml"]
    single = write(tmp_path / "yksi.yaml", SMALL)
    write(tmp_path / "yksi.test.yaml", PLANS)
    write(tmp_path / "toinen.test.yaml", PLANS)
    assert [p.name for p in plan_files(single)] == ["yksi.test.yaml"]


def failures(small: Path, plans: str) -> list[str]:
    write(small.parent / "story.test.yaml", plans)
    rep = check_story(small)
    assert rep.plan_errors == [], [issue_text(i, "en") for i in rep.plan_errors]
    from game.authoring.commands import plan_message

    return [plan_message(r, "en") for r in rep.plans if not r.passed]


def test_failing_plan_names_the_step_and_the_choice(small):
    (msg,) = failures(small, """\
        format: 1
        plans:
          - name: Piilossa
            choose: [osta, osta, osta, soita, takaisin]
        """)
    assert msg.endswith(":3:5: plan 'Piilossa' failed at step 5 (takaisin): in scene 'puhelu' "
                        "this choice is hidden (its 'if' does not hold); available: loppuun")


def test_failing_plan_choice_of_another_scene(small):
    (msg,) = failures(small, """\
        format: 1
        plans:
          - name: Väärä kohtaus
            choose: [osta, loppuun]
        """)
    assert "at step 2 (loppuun): the group is in scene 'alku', which has no such choice; " \
           "available: osta, soita" in msg


def test_failing_expectations_say_expected_and_found(small):
    (msg,) = failures(small, """\
        format: 1
        plans:
          - name: Odotukset
            choose: [soita, loppuun]
            ending: loppu
            scene: alku
            visits: [kauppa]
            variables: {rahat: 3, soitti: false}
            shows: Kävit kaupassa
        """)
    lines = msg.splitlines()
    assert all("plan 'Odotukset' failed after step 2 (loppuun)" in line for line in lines)
    whats = [line.split("(loppuun): ", 1)[1] for line in lines]
    assert whats == [
        "expected to be in scene 'alku', found 'loppu'",
        "expected to pass through scene 'kauppa'; the path was alku → puhelu → loppu",
        "expected rahat = 3, found 10",
        "expected soitti = false, found true",
        "expected a line containing 'Kävit kaupassa' (fi), but none was shown",
    ]


def test_ending_expected_while_still_playing_and_steps_after_the_end(small):
    msgs = failures(small, """\
        format: 1
        plans:
          - name: Kesken
            choose: [soita]
            ending: loppu
          - name: Liikaa
            choose: [soita, loppuun, osta]
        """)
    assert "expected the ending 'loppu', but the story is still in scene 'puhelu'" in msgs[0]
    assert "at step 3 (osta): the story had already ended in 'loppu'" in msgs[1]


def test_plan_file_errors_point_at_the_line_and_column(small):
    plan = write(small.parent / "story.test.yaml", """\
        format: 1
        plans:
          - name: Kirjoitusvirheet
            chose: [osta]
          - name: Nimet
            choose: [osat, soita]
            ending: puhelu
            visits: [kaupa]
            variables: {raha: 1, soitti: 3}
            lang: de
          - name: Nimet
        """)
    loaded = read_plans(plan, load_story(small).story)
    assert not loaded.ok and loaded.plans == []
    assert [issue_text(i, "en").split(": ", 1)[1] for i in loaded.issues] == [
        "error[unknown-key]: unknown key 'chose' (did you mean 'choose'?)",
    ]
    write(plan, """\
        format: 1
        plans:
          - name: Nimet
            choose: [osat, soita]
            ending: puhelu
            visits: [kaupa]
            variables: {raha: 1, soitti: 3}
            lang: de
          - name: Nimet
        """)
    loaded = read_plans(plan, load_story(small).story)
    got = [issue_text(i, "en").split(":", 1)[1] for i in loaded.issues]
    assert got == [
        "4:14: error[plan-unknown-choice]: step 1: no scene of the story has a choice 'osat' "
        "(did you mean 'osta'?)",
        "5:13: error[plan-not-ending]: 'puhelu' is not an ending; the endings are: loppu",
        "6:14: error[unknown-scene]: there is no scene 'kaupa' (did you mean 'kauppa'?)",
        "7:17: error[unknown-variable]: there is no variable 'raha'; declare it under "
        "'variables:' (did you mean 'rahat'?)",
        "7:34: error[set-type]: 'soitti' holds true or false; set it to a value of the same "
        "kind",
        "8:11: error[plan-unknown-lang]: the story has no language 'de' (fi, en)",
        "9:11: error[plan-duplicate-name]: another plan is already called 'Nimet' (line 3); "
        "give each plan its own name",
    ]


@pytest.mark.parametrize("text,code", [
    ("plans: []\n", "missing-field"),
    ("format: 2\nplans: [{name: x}]\n", "format-version"),
    ("format: 1\nplans: []\n", "plan-empty"),
    ("format: 1\nplans: [{name: x, choose: osta}]\n", "wrong-type"),
    ("- name: x\n", "not-mapping"),
    ("format: 1\nplans: [{name: x}]\nplans: []\n", "duplicate-key"),
    ("format: 1\nplans: &a [{name: x}]\n", "yaml-anchor"),
    ("format: 1\nplans: [{name: x\n", "yaml-unclosed-bracket"),
    (b"format: 1\nplans: [{name: \xff}]\n", "not-utf8"),
])
def test_broken_plan_files_give_clean_errors(small, text, code):
    plan = small.parent / "story.test.yaml"
    plan.write_bytes(text if isinstance(text, bytes) else text.encode())
    loaded = read_plans(plan, load_story(small).story)
    assert code in {i.code for i in loaded.issues}
    for issue in loaded.issues:
        assert issue_text(issue, "fi").startswith(f"{loaded.name}:")


def test_builtin_story_plans_pass_and_cover_every_path():
    rep = check_story(BUILTIN)
    assert len(rep.plans) >= 3
    assert all(r.passed for r in rep.plans), [r.failures for r in rep.plans]
    endings = {r.path[-1] for r in rep.plans if r.plan.ending}
    story = rep.story
    assert endings == {s for s, sc in story.scenes.items() if sc.end is not None}
    cov = rep.coverage
    assert cov.mode == "exhaustive" and cov.complete


# --- the explorer --------------------------------------------------------------------------------


def test_explorer_covers_everything_on_a_small_story(small):
    story = load_story(small).story
    cov = explore(story)
    assert cov.mode == "exhaustive"
    assert cov.reached == set(story.scenes)
    assert set(cov.taken) == set(cov.choices)
    assert cov.endings_reached == ["loppu"]
    assert cov.complete
    assert seen_scenes(story) == {"kauppa"}
    # rahat 10 → 5 → 0 (clamped), soitti, seen(kauppa): a handful of states, not a path per loop
    assert cov.states < 40


NEVER = """\
    format: 1
    id: koskaan
    start: alku
    variables:
      rahat: {initial: 10, min: 0, max: 50}
      avain: {initial: false}
    scenes:
      alku:
        lines: [Alku.]
        choices:
          - id: rikastu
            text: Rikastun
            if: rahat > 100
            goto: loppu
            domains: [arki]
          - id: ovi
            text: Avaan oven
            if: avain
            goto: loppu
            domains: [arki]
          - id: kotiin
            text: Kotiin
            goto: koti
            domains: [arki]
      koti:
        lines: [Koti.]
        choices:
          - id: a
            text: A
            if: rahat > 20
            goto: loppu
            domains: [arki]
          - id: b
            text: B
            if: rahat < 5
            goto: loppu
            domains: [arki]
      salainen:
        lines: [Tänne ei pääse.]
        goto: loppu
      loppu:
        lines: [Loppu.]
        end: {}
    """


def test_explorer_reports_never_shown_choices_stuck_scenes_and_unreached(tmp_path):
    path = write(tmp_path / "koskaan.yaml", NEVER)
    story = load_story(path).story
    cov = explore(story)
    assert cov.mode == "exhaustive"
    shown = {cov.choices[c] for c in cov.never_shown}
    assert shown == {"rikastu", "ovi", "a", "b"}
    assert cov.never_reached == ["salainen"]
    assert cov.stuck == {"koti": {"rahat": 10, "avain": False}}
    assert not cov.complete


def test_explorer_falls_back_to_seeded_random_walks(tmp_path):
    # a counter that only grows: far more states than the cap
    path = write(tmp_path / "iso.yaml", """\
        format: 1
        id: iso
        start: alku
        variables:
          n: {initial: 0}
        scenes:
          alku:
            lines: ["Kierros {n}."]
            choices:
              - {id: taas, text: Taas, add: {n: 1}, goto: alku, domains: [arki]}
              - {id: loppuun, text: Loppuun, if: n > 3, goto: loppu, domains: [arki]}
          loppu:
            lines: [Loppu.]
            end: {}
        """)
    story = load_story(path).story
    a = explore(story, max_states=50, walks=200, seed=3, walk_steps=100)
    b = explore(story, max_states=50, walks=200, seed=3, walk_steps=100)
    assert a.mode == "sampled" and a.states == 50 and a.walks == 200 and a.seed == 3
    assert (a.reached, a.offered, a.taken, a.steps) == (b.reached, b.offered, b.taken, b.steps)
    assert a.endings_reached == ["loppu"]


@pytest.mark.slow
def test_random_walk_mode_agrees_with_exhaustive_on_the_builtin_story():
    story = load_story(BUILTIN).story
    full = explore(story)
    sampled = explore(story, max_states=10, walks=2000, seed=1)
    assert sampled.mode == "sampled"
    assert sampled.reached == full.reached
    assert sampled.endings_reached == full.endings_reached


# --- JUnit XML and the command -------------------------------------------------------------


def test_junit_xml_counts_plans_and_coverage(small, tmp_path):
    write(small.parent / "story.test.yaml", PLANS.replace("ending: loppu\n", "ending: loppu\n"
                                                          "        scene: alku\n", 1))
    out = tmp_path / "junit.xml"
    res = porukka("test", str(small.parent), "--junit", str(out))
    assert res.returncode == 1, res.stdout + res.stderr
    root = ET.parse(out).getroot()
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["Suoraan loppuun", "Kaupan kautta", "In English",
                                               "coverage"]
    assert suite.get("tests") == "4" and suite.get("failures") == "1"
    assert root.get("tests") == "4" and root.get("failures") == "1" and root.get("errors") == "0"
    failure = cases[0].find("failure")
    assert "plan 'Suoraan loppuun' failed after step 2 (loppuun)" in failure.get("message")
    assert cases[3].find("system-out").text.startswith("coverage (every way through")


@pytest.mark.slow
def test_strict_turns_coverage_gaps_into_a_failure(tmp_path):
    path = write(tmp_path / "koskaan" / "story.yaml", NEVER)
    res = porukka("test", str(path))
    assert res.returncode == 0, res.stdout
    assert "choice 'rikastu' in scene 'alku' is never shown: 'if: rahat > 100'" in res.stdout
    assert "no playthrough reaches scene 'salainen'" in res.stdout
    assert "in scene 'koti' the group can find no choice available" in res.stdout
    assert "(no test plans: write" in res.stdout
    out = tmp_path / "j.xml"
    res = porukka("test", str(path), "--strict", "--junit", str(out))
    assert res.returncode == 1
    root = ET.parse(out).getroot()
    assert root.get("failures") == "1"
    assert root.find("testsuite/testcase/failure").get("type") == "coverage"


def test_a_story_that_does_not_load_fails_the_run(tmp_path):
    path = write(tmp_path / "rikki.yaml", "format: 1\nid: rikki\nstart: x\nscenes: {}\n")
    out = tmp_path / "j.xml"
    res = porukka("test", str(path), "--junit", str(out))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "error[unknown-scene]" in res.stdout
    assert ET.parse(out).getroot().get("errors") == "1"


def test_folder_of_stories(tmp_path):
    write(tmp_path / "a" / "story.yaml", SMALL)
    write(tmp_path / "a" / "story.test.yaml", PLANS)
    write(tmp_path / "b.yaml", NEVER)
    reports = check_paths([tmp_path])
    assert [r.story.id for r in reports] == ["pieni", "koskaan"]
    res = porukka("test", str(tmp_path))
    assert res.returncode == 0
    assert "2 story files: 3 plans passed, 0 failed" in res.stdout


def test_builtin_story_through_the_command(tmp_path):
    res = porukka("test", "stories/rahat-loppuu", "--junit", str(tmp_path / "j.xml"))
    assert res.returncode == 0, res.stdout
    assert "scenes 24/24" in res.stdout
    root = ET.parse(tmp_path / "j.xml").getroot()
    assert int(root.get("tests")) >= 4 and root.get("failures") == "0"


def test_a_plan_file_linking_out_of_the_story_folder_is_ignored(tmp_path, small):
    outside = write(tmp_path / "muualla.yaml", PLANS)
    (small.parent / "linkki.test.yaml").symlink_to(outside)
    write(small.parent / "story.test.yaml", PLANS)
    assert [p.name for p in plan_files(small)] == ["story.test.yaml"]
