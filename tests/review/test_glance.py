"""What a worker reads first (issue 17): statuses told apart, close votes with their options'
texts, no internal ids, no skip counts beside a name, the domain labels in exports."""

from __future__ import annotations

import re

from facilitator.review import export
from facilitator.review.model import group_report, session_report
from facilitator.review.render import render_group, render_session

from .conftest import Log, people
from .test_commands import porukka


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_ended_early_and_resumed_are_told_apart_in_the_report():
    log = Log().start(["p0", "p1"])
    log.scene("alku")
    log.add("counsellor_action", {"action": "resume", "detail": "restart", "state": None},
            scene="alku")
    log.end("ended-early")
    r = session_report(log.records, people(2))
    assert r.status == "ended-early" and r.resumed == 1
    page = _text(render_session(r, "en"))
    assert "ended early" in page and "resumed after an interruption" in page
    assert "finished" not in page.lower().replace("unfinished", "")


def test_the_summary_lists_only_close_votes_with_every_options_text():
    log = Log().start([f"p{i}" for i in range(6)])
    log.scene("eka", "Aamu alkaa.").offer("eka", [("x", []), ("y", [])])
    log.decide("eka", "x", {"x": 5, "y": 1})
    log.scene("toka", "Ilta tulee.").offer("toka", [("x", []), ("y", []), ("z", [])])
    log.decide("toka", "x", {"x": 3, "y": 2, "z": 1})
    log.scene("loppu", "Loppu.")
    log.end()
    page = render_session(session_report(log.records, people(6)), "fi")
    glance = page[page.index('id="points"'):page.index('id="path"')]
    text = " ".join(_text(glance).split())
    # A dash, not a colon: an option ending in "." would read ".:" (issue 17 screenshots).
    assert "Valinta x – 3 ääntä Valinta y – 2 ääntä Valinta z – 1 ääni" in text
    assert '<li value="1">Valinta x – <b class="nowrap">3 ääntä</b>' in glance
    assert "5 ääntä" not in text  # the 5–1 is not listed
    # No scene id anywhere a person reads: scenes are named by their first line.
    body = _text(page[page.index("<body"):])
    for scene_id in ("eka", "toka", "loppu"):
        assert not re.search(rf"\b{scene_id}\b", body), scene_id
    assert "Ilta tulee." in body


def test_no_skip_count_beside_a_name_in_the_group_report():
    sessions = []
    for k in range(2):
        log = Log(session=f"2025011{k}T093000Z-00000{k}")
        log.start(["p0", "p1"]).scene("a")
        log.rate("p0", "arki", None).rate("p0", "mieli", None).rate("p1", "arki", 3 + 3 * k)
        sessions.append(log.end().records)
    r = group_report("g-1", "Tiistai", sessions, people(2))
    page = _text(render_group(r, "en"))
    assert not re.search(r"skipped \d|\d×", page)
    assert "higher now" in page  # Susi's own view 3 → 6, in words
    assert "20250110T093000Z-000000" in page  # session ids to go on to a session report


def test_export_has_divided_resumed_and_a_table_of_domain_labels(fresh):
    data = export.collect(fresh["store"], include_simulated=True)
    assert {"divided", "split"} <= set(data.tables["decisions"][0])
    assert all(isinstance(r["resumed"], int) for r in data.tables["sessions"])
    labels = {r["domain"]: r for r in data.tables["domains"]}
    used = {d for r in data.tables["decisions"] for d in r["domains"]}
    assert used and used <= set(labels)
    assert all(row["fi"] and row["sv"] and row["en"] for row in labels.values())


def test_a_group_of_only_demo_sessions_says_why_the_report_is_empty(fresh, capsys,
                                                                      monkeypatch, tmp_path):
    store = fresh["store"]
    g = store.groups.create_group("Vain demo")
    p = [store.groups.add_participant(g.id, n) for n in ("Aa", "Bb")]
    from game.story import load_story

    from .conftest import ROOT, play_session
    play_session(store, g.id, p, load_story(ROOT / "stories" / "rahat-loppuu"), simulated=True)
    code, _out, err = porukka(capsys, monkeypatch, "report", "--group", "Vain demo", "-o",
                              str(tmp_path / "r.html"))
    assert code == 0 and "--include-simulated" in err and "1 simulated" in err


def test_the_faces_caption_counts_as_the_page_does_and_a_word_keeps_the_face_name():
    """Regression (issue 17): the accessible caption said "answered: 6" where the page said
    5 (one gave a word but no face), and a word replaced the face's name."""
    log = Log().start([f"p{i}" for i in range(6)]).scene("a")
    for i in range(5):
        log.feedback(f"p{i}", 4, "kiva" if i == 0 else None)
    log.feedback("p5", None, "väsy")
    page = render_session(session_report(log.end().records, people(6)), "en")
    assert "People who answered: 5." in page and "People who answered: 6." not in page
    faces = page[page.index('data-chart="faces"'):]
    faces = faces[:faces.index("</figure>")]
    # Five faces "good" with their names: the first one with its word as well.
    cards = re.findall(r"<li>(.*?)</li>", faces, re.S)
    assert len(cards) == 6 and all('<b class="face-name">' in c for c in cards)
    assert [c.count('<span class="face-word">good</span>') for c in cards] == [1] * 5 + [0]
    assert '<i class="face-own">“kiva”</i>' in cards[0] and "“väsy”" in cards[5]
    assert all(c.count('<svg class="face"') == 1 for c in cards)


def test_a_scene_name_never_shows_a_story_variable_placeholder(loaded):
    """A scene's first line may hold {rahat}: the name uses the logged line (with the value)
    or leaves the placeholder out."""
    from facilitator.review.texts import StoryTexts

    texts = StoryTexts({loaded.story.id: loaded.story}, "fi")
    for sid, scene in loaded.story.scenes.items():
        logged = "Lähikaupassa. Alexilla on 12 €." if scene.lines else None
        for lang in ("fi", "en"):
            said = texts.scene(loaded.story.id, sid, logged, lang)
            assert said is None or ("{" not in said.text and "}" not in said.text), said


def test_a_session_with_an_empty_log_is_called_empty_not_missing(fresh, capsys, monkeypatch,
                                                                  tmp_path):
    """Regression (issue 17): `sessions` listed it (from its summary) but the report said it
    "does not exist"."""
    folder = fresh["store"].folder
    old, new = fresh["sessions"][0], "20250301T093000Z-eeeeee"
    summary = (folder / f"{old}.summary.json").read_text("utf-8").replace(old, new)
    (folder / f"{new}.summary.json").write_text(summary, "utf-8")
    (folder / f"{new}.json").write_text("{}", "utf-8")
    code, out, err = porukka(capsys, monkeypatch, "sessions")
    row = next(ln for ln in out.splitlines() if new in ln)
    assert "cannot be read" in row and "holds nothing" in err and code == 1
    code, _out, err = porukka(capsys, monkeypatch, "report", "20250301T093000Z-eeeeee", "-o",
                              str(tmp_path / "r.html"))
    assert code == 1 and "is empty" in err and "There is no session" not in err


def test_sessions_lists_story_titles_in_its_own_language(capsys, monkeypatch, loaded):
    """Regression (issue 17): a Finnish listing showed a Swedish title for a session played
    in Swedish."""
    from facilitator.sessions import SessionStore

    from .conftest import play_session

    store = SessionStore()
    g = store.groups.create_group("Kieli")
    p = [store.groups.add_participant(g.id, n) for n in ("Aa", "Bb")]
    sid = play_session(store, g.id, p, loaded)
    summary = store.folder / f"{sid}.summary.json"
    summary.write_text(summary.read_text("utf-8").replace(
        '"Rahat loppuu kesken"', '"Pengarna tar slut"'), "utf-8")
    assert store.summary(sid).story_title == "Pengarna tar slut"  # as if played in Swedish
    code, out, _ = porukka(capsys, monkeypatch, "sessions", "--lang", "fi")
    assert code == 0 and "Rahat loppuu kesken" in out and "Pengarna" not in out
