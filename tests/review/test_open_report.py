"""`open_report`: what the game's end screen calls to show the session's report."""

from __future__ import annotations

import stat

import pytest

from facilitator.errors import NotFound
from facilitator.review import open_report


@pytest.mark.slow
def test_writes_a_private_report_and_opens_it_as_a_file_url(fresh, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    sid = fresh["sessions"][0]
    path = open_report(sid, "fi")
    assert path.parent == fresh["store"].root / "reports"
    assert path.name == f"{sid}.fi.html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "Tapaamisen raportti" in path.read_text("utf-8")
    assert opened == [path.resolve().as_uri()] and opened[0].startswith("file:///")
    again = open_report(sid, "sv-FI", store=fresh["store"])  # the language is normalised
    assert again.name == f"{sid}.sv.html" and len(opened) == 2


@pytest.mark.slow
def test_unknown_session_raises_and_opens_nothing(fresh, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url))
    with pytest.raises(NotFound):
        open_report("20990101T000000Z-000000", "en")
    assert opened == []
