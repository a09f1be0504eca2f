"""The window's link to today: the Action column, File > Import analytics (preview, apply,
undo, errors shown in the dialog) and File > Export calendar."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from advisor.gui.files import import_dialog, today_actions
from advisor.gui.widgets import dialogs as dialogs_mod
from advisor.gui.widgets.models import ChannelTableModel

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _action_cells(window) -> dict[str, str]:
    model = window.rec_view.model
    col = ChannelTableModel.ACTION_COLUMN
    return {model.row_id(r): model.index(r, col).data() for r in range(model.rowCount())}


def test_action_column_reads_keep_start_wind_down(open_window) -> None:
    window = open_window()
    cells = _action_cells(window)
    assert cells["x"] == "Keep" and cells["blog"] == "Start" and cells["tiktok"] == "Wind down"
    assert cells["linkedin"] == "Grow" and cells["reddit"] == "Stay out"
    model = window.rec_view.model
    row = model.row_of("linkedin")
    tip = model.index(row, ChannelTableModel.ACTION_COLUMN).data(3)  # ToolTipRole
    assert tip == "Grow from 3 a week to 4 a week"
    notes = window.rec_view.notes.toPlainText()
    rec = window.recommendation
    assert "Against today" in notes and f"{rec.hours_today:.1f} h/week" in notes
    assert "Winding down TikTok over 4 weeks" in notes and "Announce on TikTok" in notes


def _drive_dialog(monkeypatch, paths: list[str], *, act) -> list:
    """Replace the file chooser and the modal run: ``act(dialog)`` clicks like a user and
    returns whether the user applied."""
    seen = []
    monkeypatch.setattr(import_dialog, "get_export_paths", lambda *_a: paths)

    def run(dialog):
        seen.append(dialog)
        return act(dialog)

    monkeypatch.setattr(import_dialog, "exec_dialog", run)
    return seen


def test_import_previews_applies_and_undoes(open_window, qtbot, monkeypatch) -> None:
    window = open_window()
    before = window.doc.plan

    def act(dialog):
        rows = dialog.changes.rowCount()
        cells = [dialog.changes.item(r, 0).text() for r in range(rows)]
        assert "X (Twitter)" in cells and "16 rows read" in dialog.summary.text()
        assert dialog.apply_button.isEnabled()
        qtbot.mouseClick(dialog.apply_button, qtbot_button())
        return dialog.result() == dialog.DialogCode.Accepted

    seen = _drive_dialog(monkeypatch, [str(SAMPLES / "x_analytics_posts.csv")], act=act)
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=5000):
        window.import_action.trigger()
    assert seen and window.doc.plan.profile.presence["x"].posts_per_week == 4.0
    assert window.doc.plan.profile.presence["x"].inbound_per_month is not None
    assert "Imported today's channels" in window.statusBar().currentMessage()
    assert window.undo_action.text() == "&Undo Import analytics"
    window.undo_action.trigger()
    assert window.doc.plan == before


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_import_error_is_shown_and_changes_nothing(
    open_window, qtbot, monkeypatch, tmp_path
) -> None:
    window = open_window()
    before = window.doc.plan
    bad = tmp_path / "bad.csv"
    bad.write_text("Date,Social network\nnot a date,Facebook\n", encoding="utf-8")

    def act(dialog):
        text = dialog.summary.text()
        assert "Nothing was imported" in text and "bad.csv" in text
        assert "date not understood" in text and not dialog.apply_button.isEnabled()
        return False  # the user cancels

    seen = _drive_dialog(monkeypatch, [str(bad)], act=act)
    window.import_action.trigger()
    assert seen and window.doc.plan == before and not window.isWindowModified()


def test_import_with_a_column_mapping(open_window, qtbot, monkeypatch) -> None:
    window = open_window()

    def act(dialog):
        assert "not a recognised analytics export" in dialog.summary.text()
        dialog.combos["date"].setCurrentText("Posted on")
        dialog.combos["channel"].setCurrentText("Platform")
        dialog.combos["followers"].setCurrentText("Fans")
        qtbot.mouseClick(dialog.read_button, qtbot_button())
        assert dialog.apply_button.isEnabled()
        assert "Bluesky" in [
            dialog.changes.item(r, 0).text() for r in range(dialog.changes.rowCount())
        ]
        dialog.grab().save(str(Path(window.doc.path).parent / "import_dialog.png"))
        return True

    _drive_dialog(monkeypatch, [str(SAMPLES / "other_tool_posts.csv")], act=act)
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=5000):
        window.import_action.trigger()
    assert window.doc.plan.profile.presence["bluesky"].followers == 635


def test_export_calendar(open_window, monkeypatch, tmp_path) -> None:
    window = open_window()
    target = tmp_path / "calendar.ics"
    monkeypatch.setattr(today_actions, "ask_weeks", lambda _p: 2)
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(target))
    window.calendar_action.trigger()
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    rec = window.recommendation
    assert len(events) == sum(round(rec.channel(c).posts_per_week * 2) for c in rec.mix)
    assert "Exported" in window.statusBar().currentMessage()


@pytest.mark.parametrize("name", ["calendar.txt"])
def test_export_calendar_bad_suffix_dialog(
    open_window, monkeypatch, tmp_path, dialogs, name
) -> None:
    window = open_window()
    monkeypatch.setattr(today_actions, "ask_weeks", lambda _p: 2)
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(tmp_path / name))
    window.calendar_action.trigger()
    assert dialogs["problems"] and "calendar" in dialogs["problems"][0][0].lower()
    assert not (tmp_path / name).exists()
