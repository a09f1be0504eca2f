"""The new plan inputs: messages answered, value threshold, today's channels, cadence levels."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor.core.vocab import Level
from advisor.gui.plan.presence_table import COLUMNS
from advisor.gui.widgets.models import ChannelTableModel


def _column(field: str) -> int:
    return [c[0] for c in COLUMNS].index(field)


def test_messages_answered_default_and_value_then_undo(open_window, qtbot):
    window = open_window()
    widget = window.form.answer_share
    assert window.doc.plan.profile.answer_share == 0.5
    assert not widget.default_box.isChecked()
    assert widget.spin.value() == 50
    assert "20%" in widget.default_box.text()
    assert "Sprout Social Index 2013" in widget.note.text()
    before = window.recommendation.hours_per_week
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        widget.default_box.setChecked(True)  # 20% answered: fewer engagement hours
    assert window.doc.plan.profile.answer_share is None
    assert blocker.args[0].hours_per_week < before
    assert not widget.spin.isEnabled()
    assert widget.spin.value() == 20
    assert window.undo_action.text() == "&Undo Set Messages answered to the default"
    window.undo_action.trigger()
    assert window.doc.plan.profile.answer_share == 0.5
    assert not widget.default_box.isChecked()
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        widget.spin.setValue(100)
    assert window.doc.plan.profile.answer_share == 1.0
    assert blocker.args[0].hours_per_week != before  # the mix adapts to the heavier load
    assert widget.spin.maximum() == 100 and widget.spin.minimum() == 0


def test_value_threshold_changes_the_mix_and_undo_restores(open_window, qtbot):
    window = open_window()
    widget = window.form.value_threshold
    assert widget.default_box.isChecked()  # the example leaves it at the default
    assert "1 point per $1,000" in widget.default_box.text()
    assert "spare" in widget.toolTip()
    mix = window.recommendation.mix
    widget.default_box.setChecked(False)
    assert window.doc.plan.profile.value_threshold == 1.0
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        widget.spin.setValue(50)
    assert window.doc.plan.profile.value_threshold == 50
    rec = blocker.args[0]
    assert rec.value_threshold == 50
    assert len(rec.mix) < len(mix)
    assert rec.spare_hours_per_week > 0
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.doc.plan.profile.value_threshold is None
    assert widget.default_box.isChecked()
    qtbot.waitUntil(lambda: window.recommendation.mix == mix)


def test_presence_table_shows_names_and_edits_one_undo_step_each(open_window, qtbot):
    window = open_window()
    table = window.form.presence
    model = table.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["LinkedIn", "X (Twitter)", "YouTube", "TikTok"]  # display names, not ids
    assert window.form.marks.widget("followers").text() == "Followers (other channels)"
    hours = window.recommendation.hours_per_week
    row = model.row_of("x")
    index = model.index(row, _column("followers"))
    assert index.data() == "4,000"
    model.setData(index, 400_000.0)
    qtbot.waitUntil(lambda: window.doc.plan.profile.presence["x"].followers == 400_000)
    assert window.undo_action.text() == "&Undo Change X (Twitter) in today's channels"
    assert window.recommendation.hours_per_week > hours
    assert model.index(row, _column("followers")).data() == "400,000"
    # An optional figure left at "not set" (below 0) is stored as None.
    model.setData(model.index(row, _column("inbound_per_month")), 900.0)
    qtbot.waitUntil(lambda: window.doc.plan.profile.presence["x"].inbound_per_month == 900)
    model.setData(model.index(row, _column("inbound_per_month")), -1.0)
    qtbot.waitUntil(lambda: window.doc.plan.profile.presence["x"].inbound_per_month is None)
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.doc.plan.profile.presence["x"].followers == 4000
    qtbot.waitUntil(lambda: window.recommendation.hours_per_week == hours)


def test_presence_add_remove_and_rename(open_window, qtbot):
    window = open_window()
    table = window.form.presence
    choices = dict(table.channel_choices())
    assert "linkedin" not in choices and choices["instagram"] == "Instagram"
    table.add_channel("instagram")
    presence = window.doc.plan.profile.presence
    assert presence["instagram"].followers == 12_000  # starts at the default following
    assert window.undo_action.text() == "&Undo Add Instagram to today's channels"
    table.view.selectRow(table.model.row_of("youtube"))
    table.btn_remove.click()
    assert "youtube" not in window.doc.plan.profile.presence
    assert window.undo_action.text() == "&Undo Remove YouTube from today's channels"
    index = table.model.index(table.model.row_of("instagram"), 0)
    table.model.setData(index, "facebook")
    qtbot.waitUntil(lambda: "facebook" in window.doc.plan.profile.presence)
    assert list(window.doc.plan.profile.presence) == ["linkedin", "x", "tiktok", "facebook"]
    assert window.undo_action.text() == "&Undo Change Instagram to Facebook in today's channels"
    for _ in range(3):
        window.undo_action.trigger()
    assert list(window.doc.plan.profile.presence) == ["linkedin", "x", "youtube", "tiktok"]


def test_presence_in_scenario_mode(open_window, qtbot):
    window = open_window()
    window.scenarios.btn_add.click()
    name = window.doc.scenario_name
    window.form.scope.scenario.click()
    table = window.form.presence
    table.add_channel("instagram")
    assert window.doc.scenario().changes == {"presence": {"instagram": {"followers": 12000.0}}}
    assert "instagram" not in window.doc.plan.profile.presence
    row = table.model.row_of("instagram")
    assert table.model.is_overridden(row)
    assert table.model.index(row, 0).data().endswith("Instagram")
    note = window.form.scope_note.text()
    assert "Today's channels: Instagram = 12,000 followers (shared not listed" in note
    # A scenario cannot drop a channel the shared profile lists: refused, nothing changes.
    table.view.selectRow(table.model.row_of("linkedin"))
    table.btn_remove.click()
    assert "linkedin" in window.doc.plan.profile.presence
    assert "cannot drop LinkedIn" in window.statusBar().currentMessage()
    # Removing the scenario's own channel drops its override.
    table.view.selectRow(table.model.row_of("instagram"))
    table.btn_remove.click()
    assert window.doc.scenario().changes == {}
    window.undo_action.trigger()
    assert "instagram" in window.doc.scenario().changes["presence"]
    window.doc.select_scenario("Baseline")
    assert table.model.row_of("instagram") == -1
    assert window.doc.scenario_name == "Baseline" and name != "Baseline"


def test_fixed_cadence_level_shows_in_the_table_and_undoes(open_window, qtbot):
    window = open_window()
    view = window.rec_view
    assert not view.level_combo.isEnabled()  # nothing selected yet
    view.select_channel("linkedin")
    assert view.level_combo.isEnabled()
    assert view.level_combo.currentText() == "Advisor chooses"
    assert "LinkedIn" in view.channel_label.text()
    hours = window.recommendation.hours_per_week
    view.level_combo.setCurrentIndex(view.level_combo.findData("high"))
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        view.level_combo.activated.emit(view.level_combo.currentIndex())
    assert window.doc.scenario().cadence == {"linkedin": Level.high}
    rec = blocker.args[0]
    linkedin = next(c for c in rec.channels if c.id == "linkedin")
    assert linkedin.in_mix and linkedin.cadence_level is Level.high
    assert rec.hours_per_week > hours
    row = view.model.row_of("linkedin")
    cadence = view.model.index(row, ChannelTableModel.CADENCE_COLUMN).data()
    assert cadence.endswith("(high)")
    assert view.level_combo.currentText() == "High"
    assert window.undo_action.text() == "&Undo Fix LinkedIn at high cadence"
    assert window.doc.plan.scenario("Double the team").cadence == {}  # this scenario only
    window.undo_action.trigger()
    assert window.doc.scenario().cadence == {}
    qtbot.waitUntil(lambda: window.recommendation.hours_per_week == hours)
    assert view.level_combo.currentText() == "Advisor chooses"
    view.level_combo.setCurrentIndex(view.level_combo.findData("min"))
    view.level_combo.activated.emit(view.level_combo.currentIndex())
    view.level_combo.setCurrentIndex(view.level_combo.findData(None))
    view.level_combo.activated.emit(view.level_combo.currentIndex())
    assert window.doc.scenario().cadence == {}
    assert window.undo_action.text() == "&Undo Let the advisor choose LinkedIn's cadence"
    assert view.model.index(row, 1).data(Qt.ItemDataRole.DisplayRole) == "LinkedIn"
