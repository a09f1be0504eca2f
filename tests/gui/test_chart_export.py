"""Every chart can be saved as PNG or SVG from its context menu."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_save_the_staffing_chart(open_window, qtbot, tmp_path, monkeypatch, fmt):
    from advisor.gui.widgets import dialogs

    window = open_window()
    chart = window.rec_view.staffing
    qtbot.waitUntil(chart.can_export, timeout=5000)
    target = tmp_path / "out" / f"hours.{fmt}"
    target.parent.mkdir()
    asked = []
    monkeypatch.setattr(
        dialogs, "get_save_path", lambda _p, _t, start, _f: asked.append(start) or str(target)
    )
    chart.ask_export(fmt)  # what the context menu's "Save chart as …" runs
    assert asked == [f"staffing.{fmt}"]
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data[:2000]
    assert "LinkedIn" in data.decode("latin-1") if fmt == "svg" else len(data) > 10_000
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary left


def test_a_failed_save_says_so(open_window, qtbot, tmp_path, monkeypatch, dialogs):
    from advisor.gui.widgets import dialogs as mod

    window = open_window()
    chart = window.rec_view.staffing
    qtbot.waitUntil(chart.can_export, timeout=5000)
    missing = tmp_path / "no-such-dir" / "chart.png"
    monkeypatch.setattr(mod, "get_save_path", lambda *_a: str(missing))
    chart.ask_export("png")
    assert dialogs["messages"] and dialogs["messages"][0][0] == "Could not save the chart"
    assert not missing.exists()


def test_the_context_menu_offers_both_formats(open_window, qtbot):
    window = open_window()
    chart = window.rec_view.staffing
    qtbot.waitUntil(lambda: chart._canvas is not None and chart.can_export(), timeout=5000)
    menu = chart.context_menu()  # what a right-click on the chart opens
    assert [a.text() for a in menu.actions()] == ["Save chart as PNG…", "Save chart as SVG…"]
    assert all(a.isEnabled() for a in menu.actions())
    assert "PNG or SVG" in chart._canvas.toolTip()
