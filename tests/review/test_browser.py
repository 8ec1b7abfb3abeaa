"""The reports as a worker sees them: rendered by headless Chromium at screen width and
printed to A4, with no console errors and every chart drawn. The screenshots and PDFs are
kept under test-artifacts/review/ for a person to look at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.review.load import group_html, session_html

from .conftest import ROOT

pytestmark = pytest.mark.slow  # a real browser renders and prints the reports

ARTIFACTS = ROOT / "test-artifacts" / "review"
NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
         "--virtual-time-budget=3000"]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs it (apt-get install chromium)")
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return found


def run(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "TZ": "Europe/Helsinki"})
    assert res.returncode == 0, res.stderr[-2000:]
    problems = [ln for ln in res.stderr.splitlines()
                if ":CONSOLE" in ln or "Uncaught" in ln or "Refused to" in ln]
    assert not problems, problems
    return res


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.fixture(scope="module")
def pages(shared, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    store = shared["store"]
    out = {
        "session": folder / "session.html",
        "group": folder / "group.html",
    }
    out["session"].write_text(session_html(store, shared["sessions"][1], "fi", now=NOW),
                              "utf-8")
    out["group"].write_text(group_html(store, shared["group"], "en", now=NOW), "utf-8")
    return out


@pytest.mark.parametrize("which", ["session", "group"])
def test_report_loads_cleanly_with_every_chart(pages, tmp_path, which):
    page = pages[which]
    dom = run(tmp_path, page, "--dump-dom").stdout
    html = page.read_text("utf-8")
    expected = len(re.findall(r'<figure class="chart[" ]', html))  # pictures and bar lists
    assert expected >= 5
    assert len(re.findall(r'<figure class="chart[" ]', dom)) == expected
    pictures = len(re.findall(r'<figure class="chart"', html))
    assert len(re.findall(r'<svg [^>]*role="img"', dom)) == pictures


@pytest.mark.parametrize("which", ["session", "group"])
def test_screenshot_at_screen_width(pages, tmp_path, which):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{which}-screen.png"
    shot.unlink(missing_ok=True)
    run(tmp_path, pages[which], "--window-size=1280,4000", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000


@pytest.mark.parametrize("which", ["session", "group"])
def test_prints_on_a4_pages(pages, tmp_path, which):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"{which}-print.pdf"
    pdf.unlink(missing_ok=True)
    run(tmp_path, pages[which], "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and pdf_pages(data) >= 2
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert boxes and all(abs(float(w) - 595) < 1 and abs(float(h) - 842) < 1
                         for w, h in boxes), boxes  # A4: 595 × 842 points
    if shutil.which("pdftoppm"):  # a picture of the printed pages, for a person to look at
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf),
                        str(ARTIFACTS / f"{which}-print")], check=True, timeout=120)
