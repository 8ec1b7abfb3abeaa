"""The interface catalogue: every key in Finnish, Swedish and English, plural forms for counts,
strict about missing keys, and compiled `.mo` files that match their `.po` sources."""

from __future__ import annotations

import ast
import logging
import re
import string
import subprocess
import sys

import pytest

from game import i18n
from game.i18n import LANGUAGES, MissingString, detect_language, entries, interface_language, t, tn
from game.i18n.__main__ import compiled, po_file

from ._catalogue import po, validator_codes
from .conftest import ROOT


def _fields(text: str) -> set[str]:
    return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


def _literal_braces(key: str) -> bool:
    return key.startswith("word-pp-")  # placeholder help shows braces as they are written


def test_every_key_in_three_languages_and_not_empty():
    keys = {lang: set(entries(lang)) for lang in LANGUAGES}
    assert keys["fi"] == keys["sv"] == keys["en"]
    assert len(keys["en"]) > 600
    for lang in LANGUAGES:
        empty = [k for k, texts in entries(lang).items() if not all(x.strip() for x in texts)]
        assert empty == [], lang


def test_plural_entries_have_both_forms_in_every_language():
    plural = {lang: {k for k, texts in entries(lang).items() if len(texts) > 1}
              for lang in LANGUAGES}
    assert plural["fi"] == plural["sv"] == plural["en"]
    assert "votes-n" in plural["en"]
    for lang in LANGUAGES:
        assert all(len(entries(lang)[k]) == 2 for k in plural[lang]), lang
        header = po(lang).plural_forms
        assert header == "nplurals=2; plural=(n != 1);", (lang, header)


def test_placeholders_are_the_same_in_every_language():
    for key in entries("en"):
        if _literal_braces(key):
            continue
        fields = {}
        for lang in LANGUAGES:
            forms = entries(lang)[key]
            # a plural's "one" form may say the count in words ("once"), so {n} may be left out
            found = {frozenset(_fields(x) - ({"n"} if len(forms) > 1 else set())) for x in forms}
            assert len(found) == 1, (key, lang, forms)
            fields[lang] = found.pop()
        assert fields["fi"] == fields["sv"] == fields["en"], key


# Count strings rendered with n = 1 and n = 2: (key, params, {lang: (n=1, n=2)}).
COUNTS = [
    ("votes-n", {}, {"fi": ("1 ääni", "2 ääntä"), "sv": ("1 röst", "2 röster"),
                     "en": ("1 vote", "2 votes")}),
    ("summary-files", {}, {"fi": ("1 tiedosto", "2 tiedostoa"), "sv": ("1 fil ", "2 filer "),
                           "en": ("1 file ", "2 files ")}),
    ("summary-errors", {}, {"fi": ("1 virhe", "2 virhettä"), "sv": ("1 fel", "2 fel"),
                            "en": ("1 error", "2 errors")}),
    ("summary-warnings", {}, {"fi": ("1 varoitus", "2 varoitusta"),
                              "sv": ("1 varning", "2 varningar"),
                              "en": ("1 warning", "2 warnings")}),
    ("fs-mirror-times", {"domain": "D"}, {"fi": ("kerran", "2 kertaa"),
                                          "sv": ("en gång", "2 gånger"),
                                          "en": ("once", "2 times")}),
    ("sim-done", {"events": 9}, {"fi": ("1 tapaaminen,", "2 tapaamista,"),
                                 "sv": ("1 träff,", "2 träffar,"),
                                 "en": ("1 session,", "2 sessions,")}),
    ("choices-left-over", {"scene": "s"}, {"fi": ("1 valintanumero jäi", "2 valintanumeroa jäi"),
                                           "sv": ("1 valnummer", "2 valnummer"),
                                           "en": ("1 choice number was", "2 choice numbers were")}),
    ("test-summary-passed", {}, {"fi": ("1 suunnitelma onnistui", "2 suunnitelmaa onnistui"),
                                 "sv": ("1 plan lyckades", "2 planer lyckades"),
                                 "en": ("1 plan passed", "2 plans passed")}),
    ("twee-notes-summary", {}, {"fi": ("kirjoita se", "kirjoita ne"), "sv": ("1 sak ", "2 saker "),
                                "en": ("1 thing could", "2 things could")}),
    ("rev-purged-one", {"id": "x", "date": "d", "group": "g", "story": "s"},
     {"fi": ("(1 tiedosto)", "(2 tiedostoa)"), "sv": ("(1 fil)", "(2 filer)"),
      "en": ("(1 file)", "(2 files)")}),
    ("too-few-choices", {}, {"fi": ("tässä on 1;", "tässä on 2;"),
                             "sv": ("här finns 1;", "här finns 2;"),
                             "en": ("there is 1;", "there are 2;")}),
]


@pytest.mark.parametrize("key,params,expected", COUNTS, ids=[c[0] for c in COUNTS])
def test_count_strings_take_the_form_of_their_number(key, params, expected):
    for lang, (one, two) in expected.items():
        assert one in tn(key, 1, lang, **params), (lang, tn(key, 1, lang, **params))
        assert two in tn(key, 2, lang, **params), (lang, tn(key, 2, lang, **params))


# Singular entries whose number-like field is not a count that changes the words around it.
NOT_COUNTS = {
    "fs-present-count", "who-voted", "fs-resume-votes", "fs-thanks-body",  # labels, "{n}/{total}"
    "ui-player-n", "rev-map-order", "rev-decision-n", "sim-session-n",  # ordinals: "Player 2"
    "prompt-choice", "invalid-input", "ui-minutes",  # ranges, and "min" in every number
    "rev-votes-n", "rev-revotes", "rev-mirror-sentence", "rev-ratings-skipped",  # "votes: 3", 3×
    "rev-not-reached-n", "rev-chart-mirror-desc", "rev-chart-faces-desc", "rev-left-out-demo",
    "rev-includes-demo", "rev-group-sessions", "rev-trend-suppressed", "rev-compare-lead",
    "rev-confirm-purge", "rev-purged", "rev-suppressed", "rev-feedback-summary",
    "rev-privacy-note",  # {n} is the fixed threshold of 5 people
    "strings-csv-columns", "test-coverage", "rev-chart-attendance-desc",  # "found {count}", "a/b"
    "rev-chart-ratings-desc", "rev-confirm-forget", "rev-forgot", "rev-group-line",  # "x: {n}"
    "summary", "test-summary", "graph-written",  # sentences around counted plural pieces
    # the count is always above a limit of 4 or more
    "too-many-choices", "many-choices", "too-many-scenes", "twee-too-many-links",
    "number-range",  # {shown} is the number as written, not a count
}
COUNT_FIELDS = {"n", "count", "files", "errors", "warnings", "scenes", "sessions", "stories",
                "passed", "states", "walks", "changed", "shown", "edges"}


def test_counted_strings_are_plural_entries():
    """A bare "{n} votes" is the bug of "1 votes": a count field needs a plural entry."""
    singular = {k: texts[0] for k, texts in entries("en").items() if len(texts) == 1}
    counted = sorted(k for k, text in singular.items()
                     if _fields(text) & COUNT_FIELDS and k not in NOT_COUNTS
                     and not _literal_braces(k))
    assert counted == []
    assert NOT_COUNTS <= set(singular)


def test_languages_differ():
    """A Finnish string equal to its English one is an untranslated string, unless it is only
    a name or a format (the product's name, a clock)."""

    def words(text: str) -> str:
        return re.sub(r"\{[^}]*\}|[^A-Za-zÅÄÖåäö]", "", text)

    fi, en = entries("fi"), entries("en")
    same = [k for k in en if fi[k] == en[k] and k not in validator_codes()
            and not k.startswith("word-") and words(fi[k][0]) not in ("", "Porukka")]
    assert same == []


def test_strict_mode_raises_on_a_missing_key_or_placeholder(monkeypatch):
    monkeypatch.setenv("PORUKKA_STRICT_STRINGS", "1")
    with pytest.raises(MissingString):
        t("no-such-key", "fi")
    with pytest.raises(MissingString):
        t("ending", "fi", wrong="x")  # {title} is not given
    with pytest.raises(MissingString):
        t("votes-n", "fi", n=2)  # a plural entry is read with tn
    with pytest.raises(MissingString):
        tn("ending", 2, "fi", title="x")  # and a singular one with t


def test_outside_the_tests_a_missing_key_falls_back_and_is_logged_once(monkeypatch, caplog):
    monkeypatch.delenv("PORUKKA_STRICT_STRINGS")
    with caplog.at_level(logging.WARNING, logger="game.i18n"):
        assert t("no-such-key-at-all", "fi") == "no-such-key-at-all"
        assert t("no-such-key-at-all", "fi") == "no-such-key-at-all"
    assert sum("no-such-key-at-all" in r.getMessage() for r in caplog.records) == 2  # fi, en
    # a Finnish text that cannot be filled in gives way to the English one
    monkeypatch.setitem(i18n.load_catalogue("fi")._catalog, "ending", "Loppu: {otsikko}")
    assert t("ending", "fi", title="X") == "The end: X"


def test_locale_detection():
    assert detect_language({"LANG": "fi_FI.UTF-8"}) == "fi"
    assert detect_language({"LANG": "sv_FI.UTF-8"}) == "sv"
    assert detect_language({"LC_ALL": "de_DE.UTF-8", "LANG": "fi_FI"}) == "en"
    assert detect_language({"LANGUAGE": "sv:fi", "LANG": "en_US"}) == "sv"
    assert detect_language({}) == "en"
    assert detect_language({"LANG": "C.UTF-8"}) == "en"
    assert interface_language("fi-selko") == "fi"
    assert interface_language("sv_FI.UTF-8") == "sv"
    assert interface_language(None) == "en"
    assert t("ending", "fi-selko", title="X") == "Loppu: X"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_committed_mo_matches_a_fresh_compile(lang):
    mo = po_file(lang).with_suffix(".mo")
    assert mo.read_bytes() == compiled(lang), (
        f"{mo.relative_to(ROOT)} is older than its .po: run `python -m game.i18n compile`")


def test_the_catalogue_is_whole_without_importing_anything_else():
    """Which strings exist must not depend on which modules were imported first."""
    code = ("import sys, game.i18n as i; n = len(i.entries('sv')); "
            "assert not any(m in sys.modules for m in ('babel', 'pydantic', 'pygame')), "
            "[m for m in ('babel', 'pydantic', 'pygame') if m in sys.modules]; print(n)")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""}, check=False)
    assert res.returncode == 0, res.stderr
    import launcher  # noqa: F401  (everything imported: still the same catalogue)

    assert int(res.stdout) == len(entries("sv"))


def test_the_catalogue_package_is_a_leaf():
    """game.i18n imports nothing else of the project, so any module may use it without cycles."""
    for path in (ROOT / "game" / "i18n").glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert node.module.split(".")[0] not in ("game", "facilitator", "launcher"), path
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 1, (path, node.module)  # only its own modules
            elif isinstance(node, ast.Import):
                assert not {a.name.split(".")[0] for a in node.names} & {"game", "facilitator"}
