"""The Help menu: method, keyboard shortcuts, calibration, about."""

from __future__ import annotations


def test_help_menu_shows_method_shortcuts_and_about(open_window, dialogs):
    window = open_window()
    method, keys, calibration, about = window.help_actions
    method.trigger()
    keys.trigger()
    calibration.trigger()
    about.trigger()
    titles = [title for title, _html, _details in dialogs["documents"]]
    assert titles == ["How the advisor decides", "Keyboard shortcuts", "About Channel Advisor"]
    _t, summary, details = dialogs["documents"][0]
    for word in ("gates", "exact", "create", "licence", "unlimited hours", "200"):
        assert word in summary
    assert details is None or details.startswith("# How the engine decides")
    shortcuts = dialogs["documents"][1][1]
    assert "Ctrl+Z" in shortcuts and "Undo" in shortcuts
    assert calibration.text() == "How the figures compare with published data"
    assert dialogs["calibration"] == [window.doc.catalog]
