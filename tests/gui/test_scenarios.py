"""Scenarios: add, duplicate, rename, delete, reorder, compare; undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor.gui.plan import operations


def names(window) -> list[str]:
    return [s.name for s in window.doc.plan.scenarios]


def test_add_duplicate_rename_delete_and_move(open_window, qtbot):
    window = open_window()
    panel = window.scenarios
    panel.btn_add.click()
    assert names(window)[1] == "New scenario"
    assert window.doc.scenario_name == "New scenario"
    panel.btn_dup.click()
    assert window.doc.scenario_name == "New scenario copy"
    panel.list.currentItem().setText("Lean team")  # as an in-place rename does
    qtbot.waitUntil(lambda: window.doc.scenario_name == "Lean team", timeout=2000)
    panel.btn_up.click()
    assert names(window)[:3] == ["Baseline", "Lean team", "New scenario"]
    panel.btn_delete.click()
    assert "Lean team" not in names(window)
    assert panel.list.count() == len(window.doc.plan.scenarios) == 6


def test_last_scenario_cannot_be_deleted(open_window):
    window = open_window()
    for name in names(window)[1:]:
        operations.delete_scenario(window.doc, name=name)
    assert not window.scenarios.btn_delete.isEnabled()
    window.scenarios.btn_delete.click()
    assert names(window) == ["Baseline"]


def test_selecting_a_scenario_shows_its_recommendation(open_window, qtbot):
    window = open_window()
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        window.scenarios.list.setCurrentRow(1)  # "Double the team": 6 people
    assert blocker.args[0].scenario == "Double the team"
    assert blocker.args[0].staff_hours_available == 120
    assert "People = 6" in window.form.scope_note.text()


def test_compare_view_lists_all_scenarios_with_deltas(open_window, qtbot):
    window = open_window()
    window.scenarios.btn_add.click()
    with qtbot.waitSignal(window.sig_compare_updated, timeout=3000):
        window.tabs.setCurrentWidget(window.compare_view)
    model = window.compare_view.model
    assert model.rowCount() == 6
    frame = model.frame()
    assert list(frame["scenario"])[1] == "New scenario"
    assert frame["d_hours"].iloc[0] == 0
    view = window.compare_view
    view.baseline.setCurrentIndex(4)  # "Ambitious cadence" (high cadences) as the baseline
    assert model.frame()["d_hours"].iloc[4] == 0
    assert model.frame()["d_hours"].iloc[0] < 0
    qtbot.waitUntil(lambda: bool(view.hours_chart.figure().axes), timeout=5000)


def test_undo_redo_every_kind_of_edit(open_window, qtbot):
    window = open_window()
    doc = window.doc
    original = doc.plan
    slider = window.form.goals.slider("recruiting")
    for value in (50, 60, 70, 80):  # one drag: merged into one undo step
        slider.setValue(value)
    assert doc.undo_stack.count() == 1
    operations.force_channel(doc, channel="tiktok", how="in")
    window.scenarios.btn_add.click()
    assert doc.undo_stack.count() == 3
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert doc.plan.scenarios[0].force_in == []
    assert doc.plan.profile.goals["recruiting"] == 8.0
    window.undo_action.trigger()
    assert doc.plan == original
    assert not window.isWindowModified()
    assert slider.value() == 40  # the form shows the undone value
    window.redo_action.trigger()
    assert doc.plan.profile.goals["recruiting"] == 8.0
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000):
        window.redo_action.trigger()
    assert window.recommendation.channel("tiktok").forced == "in"


def test_invalid_edit_is_rejected_and_changes_nothing(open_window):
    window = open_window()
    before = window.doc.plan
    operations_err = None
    try:
        operations.set_profile_field(
            window.doc, field="goals", value={g: 0 for g in before.profile.goals}
        )
    except operations.EditRejected as exc:
        operations_err = str(exc)
    assert operations_err and "at least one goal" in operations_err
    assert window.doc.plan == before


def test_scenario_description_is_editable_and_undoable(open_window, qtbot):
    window = open_window()
    edit = window.scenarios.description
    before = window.doc.scenario().description
    assert edit.text() == before
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "  Today's team, with a new intern  ")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.doc.scenario().description == "Today's team, with a new intern"
    assert window.isWindowModified()
    window.scenarios.list.setCurrentRow(1)  # another scenario shows its own description
    assert edit.text() == window.doc.plan.scenarios[1].description
    window.undo_action.trigger()
    assert window.doc.plan.scenarios[0].description == before
    assert window.doc.scenario_name == window.doc.plan.scenarios[0].name  # shown where undone
    assert edit.text() == before
    window.redo_action.trigger()
    assert edit.text() == "Today's team, with a new intern"


def test_description_edit_commits_to_the_scenario_it_was_typed_for(open_window, qtbot):
    window = open_window()
    first = window.doc.scenario_name
    edit = window.scenarios.description
    edit.setText("Typed for the first scenario")  # not committed yet
    edit.editingFinished.emit()  # as the focus leaves for the list
    window.scenarios.list.setCurrentRow(2)
    assert window.doc.plan.scenario(first).description == "Typed for the first scenario"
    assert window.doc.plan.scenarios[2].description != "Typed for the first scenario"
