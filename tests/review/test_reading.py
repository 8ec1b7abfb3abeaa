"""Reports read at a glance on a phone, a desktop and paper, in each language (issue 17).

Headless Chromium renders a session report and a group report in fi, sv and en at 390 px and
1280 px wide; a script injected into a copy of each page measures every text's size as drawn
(the computed font size times the scale of the SVG it is in) and writes the smallest into the
DOM. Then: no text under 9 px, none running off the side of the window, no scene id where a
person reads, and on A4 each story's heading on the page of its table's first row and each
chart's legend on the chart's page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from facilitator.review.load import group_html, session_html
from facilitator.review.render import MIN_TEXT_PX

from .test_browser import ARTIFACTS, NOW, run

pytestmark = pytest.mark.slow

MEASURE = """
<script>
(function () {
  function scaleOf(el) {
    var svg = el.closest && el.closest('svg');
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) return 1;
    return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  }
  var min = 1000, where = '';
  var all = document.body.querySelectorAll('*');
  for (var i = 0; i < all.length; i++) {
    var el = all[i];
    if (el.closest('.sr-only, title, desc, style, script')) continue;
    var own = '';
    for (var k = 0; k < el.childNodes.length; k++) {
      if (el.childNodes[k].nodeType === 3) own += el.childNodes[k].textContent;
    }
    if (!own.trim()) continue;
    var r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    var px = parseFloat(getComputedStyle(el).fontSize) * scaleOf(el);
    if (px < min) { min = px; where = own.trim().slice(0, 40); }
  }
  // Text that runs past the window's right edge (outside a chart's own sideways scroll).
  var edge = document.documentElement.clientWidth + 1, over = '';
  for (var j = 0; j < all.length && !over; j++) {
    var e = all[j];
    if (e.closest('.sr-only, .scroll, title, desc, style, script')) continue;
    var txt = '';
    for (var q = 0; q < e.childNodes.length; q++) {
      if (e.childNodes[q].nodeType === 3) txt += e.childNodes[q].textContent;
    }
    if (txt.trim() && e.getBoundingClientRect().right > edge) over = txt.trim().slice(0, 40);
  }
  document.body.setAttribute('data-overflow', over);
  document.body.setAttribute('data-min-font', min.toFixed(2));
  document.body.setAttribute('data-min-where', where);
  var text = document.body.innerText;
  document.body.setAttribute('data-text', text.replace(/\\s+/g, ' '));
})();
</script>
"""


def measured_copy(html: str, folder: Path, name: str) -> Path:
    """A copy that runs the measuring script (the report itself allows no script)."""
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    page = folder / f"{name}.measure.html"
    page.write_text(html.replace("</body>", MEASURE + "</body>"), "utf-8")
    return page


@pytest.fixture(scope="module")
def reports(shared, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reading")
    store = shared["store"]
    out = {}
    for lang in ("fi", "sv", "en"):
        for which, html in (
            ("session", session_html(store, shared["sessions"][1], lang, now=NOW)),
            ("group", group_html(store, shared["group"], lang, now=NOW,
                                 include_simulated=True)),
        ):
            page = folder / f"{which}-{lang}.html"
            page.write_text(html, "utf-8")
            out[which, lang] = page
    return out


def scene_ids(loaded) -> list[str]:
    """The story's scene ids that are not also ordinary words of its texts."""
    texts = set(re.findall(r"\w+", " ".join(
        str(v) for sc in loaded.story.scenes.values()
        for v in (sc.lines, sc.discuss, [c.text for c in sc.choices or []], sc.end))))
    return [sid for sid in loaded.story.scenes if sid not in texts]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("which", ["session", "group"])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_text_under_9_px_none_off_the_side_and_no_scene_id(
        reports, loaded, tmp_path, which, lang, width):
    page = measured_copy(reports[which, lang].read_text("utf-8"), tmp_path, f"{which}-{lang}")
    dom = run(tmp_path, page, "--dump-dom", f"--window-size={width},2000").stdout
    m = re.search(r'data-min-font="([\d.]+)"', dom)
    assert m, "the measuring script did not run"
    where = re.search(r'data-min-where="([^"]*)"', dom)
    assert float(m[1]) >= MIN_TEXT_PX - 0.05, (m[1], where and where[1])
    # Nothing runs off the side (issue 17: the comparison table did at 390 px).
    assert re.search(r'data-overflow="([^"]*)"', dom)[1] == ""
    text = re.search(r'data-text="([^"]*)"', dom)[1]
    for sid in scene_ids(loaded):
        assert not re.search(rf"(?<![\w-]){re.escape(sid)}(?![\w-])", text), sid


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True, timeout=60).stdout
    return [" ".join(p.split()) for p in out.split("\f")]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_on_a4_headings_stay_with_their_tables_and_legends_with_their_charts(
        reports, shared, tmp_path, lang):
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: .ci/run installs it (apt-get install poppler-utils)")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"group-{lang}-a4.pdf"
    pdf.unlink(missing_ok=True)
    html = reports["group", lang].read_text("utf-8")
    run(tmp_path, reports["group", lang], "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    pages = _pages(pdf)
    # Each story of the comparison: its heading on the page of its table's first row.
    compare = html[html.index('id="compare"'):html.index('id="sessions"')]
    blocks = re.findall(r'<h3>(.*?)</h3>.*?<li value="\d+"><span class="opt">(.*?)</span>',
                        compare, re.S)
    assert blocks
    section = re.search(r"<h2>(.*?)</h2>", compare)[1]
    start = next(i for i, p in enumerate(pages) if section in p)
    for heading, first in blocks:
        heading = " ".join(re.sub(r"<[^>]+>", " ", heading).split())
        first = " ".join(re.sub(r"<[^>]+>", " ", first).split())[:25]
        on = next(i for i, p in enumerate(pages) if i >= start and heading in p)
        assert first in pages[on], (heading, first, on)
    # Each person's rating chart: the person's heading and the chart's legend on one page.
    ratings = html[html.index('id="ratings"'):html.index('id="compare"')]
    people = re.findall(r'<h3>.*?</svg> (.*?)</h3>', ratings, re.S)
    assert people
    legend = re.findall(
        r'<text x="[\d.]+" y="[\d.]+" font-size="11(?:\.0)?" fill="#222222">(.*?)</text>',
        ratings)
    assert legend
    last_label = legend[-1]
    for name in people:
        on = [i for i, p in enumerate(pages) if re.search(rf"\b{re.escape(name)}\b", p)]
        assert any(last_label in pages[i] for i in on), name
