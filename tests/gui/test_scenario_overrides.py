"""Editing only one scenario: overrides in scenario.changes, marks, reset, undo, save."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from advisor.core.engine import build, prepare
from advisor.core.loading import load_plan
from advisor.gui.plan import operations
from advisor.gui.widgets import dialogs as dialogs_mod


def scenario_mode(window, name: str | None = None) -> None:
    if name is not None:
        window.doc.select_scenario(name)
    window.form.scope.scenario.click()
    assert window.form.scenario_only


def new_scenario(window) -> str:
    """A new scenario the user has named (one the app named is renamed by its first edit)."""
    window.scenarios.btn_add.click()
    operations.rename_scenario(window.doc, old=window.doc.scenario_name, new="What-if")
    return window.doc.scenario_name


def hours_available(window, name: str) -> float:
    return build(prepare(window.doc.plan, name, window.doc.catalog)).staff_hours_available


def test_people_edit_in_scenario_mode_changes_only_that_scenario(open_window, qtbot):
    window = open_window()
    name = new_scenario(window)
    scenario_mode(window)
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        window.form.people.setValue(6)
    assert blocker.args[0].scenario == name
    assert blocker.args[0].staff_hours_available == 120
    plan = window.doc.plan
    assert plan.scenario(name).changes == {"people": 6.0}
    assert plan.profile.people == 3
    assert hours_available(window, "Baseline") == 60
    assert window.form.marks.is_marked("people")
    assert window.profile_dock.windowTitle() == f"Company profile — scenario {name} only"
    window.doc.select_scenario("Baseline")  # the form shows what the Baseline uses
    assert window.form.people.value() == 3
    assert not window.form.marks.is_marked("people")


def test_goal_weight_in_scenario_mode_stores_only_that_goal(open_window):
    window = open_window()
    scenario_mode(window, "Recruiting push")  # already overrides goals.recruiting = 9
    window.form.goals.slider("thought_leadership").setValue(20)
    changes = window.doc.scenario().changes
    assert changes == {"goals": {"recruiting": 9, "thought_leadership": 2.0}}
    assert window.doc.plan.profile.goals["thought_leadership"] == 8
    assert window.form.marks.is_marked("goals.thought_leadership")
    assert not window.form.marks.is_marked("goals.lead_generation")
    assert "Recruiting &amp; employer brand goal weight = 9" in window.form.scope_note.text()


def test_undo_redo_of_a_scenario_override(open_window):
    window = open_window()
    name = new_scenario(window)
    scenario_mode(window)
    window.form.hourly.setValue(120)
    assert window.doc.scenario().changes == {"hourly_cost": 120.0}
    window.doc.select_scenario("Baseline")
    window.undo_action.trigger()  # undo goes back to the scenario it edited
    assert window.doc.scenario_name == name
    assert window.doc.scenario().changes == {}
    assert window.form.hourly.value() == 85
    window.redo_action.trigger()
    assert window.doc.scenario().changes == {"hourly_cost": 120.0}
    assert window.form.hourly.value() == 120
    assert window.doc.plan.profile.hourly_cost == 85


def test_use_shared_value_removes_the_key(open_window):
    window = open_window()
    window.doc.select_scenario("Double the team")
    form = window.form
    assert form.people.value() == 6  # the value in effect, not the shared 3
    assert form.marks.is_marked("people")
    assert "shared value: 3" in form.marks.widget("people").toolTip()
    form.marks.sig_reset.emit("people")  # the label's "Use shared value"
    assert window.doc.scenario().changes == {}
    assert form.people.value() == 3
    assert not form.marks.is_marked("people")
    window.undo_action.trigger()
    window.doc.select_scenario("Recruiting push")
    form.scope_note.linkActivated.emit("goals.recruiting")  # the note's "use shared" link
    assert window.doc.scenario().changes == {}


def test_clear_all_overrides(open_window):
    window = open_window()
    scenario_mode(window, "Recruiting push")
    window.form.people.setValue(5)
    assert window.form.scope.clear.isEnabled()
    window.form.scope.clear.click()
    assert window.doc.scenario().changes == {}
    assert not window.form.scope.clear.isEnabled()
    window.undo_action.trigger()
    assert window.doc.scenario().changes == {"goals": {"recruiting": 9}, "people": 5.0}


def test_shared_edit_of_an_overridden_field_keeps_the_mark(open_window):
    window = open_window()
    window.doc.select_scenario("Double the team")
    window.form.people.setValue(4)  # shared mode
    assert window.doc.plan.profile.people == 4
    assert window.doc.scenario().changes == {"people": 6}
    assert window.form.people.value() == 6
    assert window.form.marks.is_marked("people")
    assert "still overrides People," in window.statusBar().currentMessage()


def test_invalid_scenario_value_is_refused(open_window):
    window = open_window()
    scenario_mode(window, "Baseline")
    window.form.sig_edited.emit("people", 0.0, "")
    assert window.doc.scenario().changes == {}
    assert window.statusBar().currentMessage().startswith("Not changed")
    assert window.doc.undo_stack.count() == 0


def test_compare_view_shows_the_scenario_delta(open_window, qtbot):
    window = open_window()
    name = new_scenario(window)
    scenario_mode(window)
    window.form.people.setValue(1)  # 20 h a week: fewer than the baseline mix needs
    with qtbot.waitSignal(window.sig_compare_updated, timeout=3000):
        window.tabs.setCurrentWidget(window.compare_view)
    frame = window.compare_view.model.frame().set_index("scenario")
    assert frame.loc["Baseline", "d_hours"] == 0
    assert frame.loc[name, "d_hours"] < 0


def test_save_and_reopen_keeps_the_overrides(open_window, tmp_path, monkeypatch):
    window = open_window()
    scenario_mode(window, "Ambitious cadence")
    window.form.goals.slider("recruiting").setValue(70)
    window.form.content["live"].setChecked(False)
    target = tmp_path / "saved.yaml"
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(target))
    assert window.files.save_as()
    changes = load_plan(target).scenario("Ambitious cadence").changes
    assert changes == {
        "goals": {"recruiting": 7.0},
        "content": ["text", "image", "short_video", "long_video"],
    }
    assert load_plan(target).profile == window.doc.plan.profile
    assert window.files.open_path(target)
    window.doc.select_scenario("Ambitious cadence")
    assert window.form.marks.is_marked("content")
    assert not window.form.content["live"].isChecked()


def test_prepared_by_and_notes_are_saved_and_undoable(open_window, tmp_path, monkeypatch):
    window = open_window()
    form = window.form
    form.prepared_by.setText("Jane Doe, CMO office")
    form.prepared_by.editingFinished.emit()
    assert window.doc.plan.profile.prepared_by == "Jane Doe, CMO office"
    form.industry.setText("Workflow software")
    form.industry.editingFinished.emit()
    form.notes.setPlainText("Launch in March.\nSecond line.")
    QApplication.sendEvent(form.notes, QFocusEvent(QEvent.Type.FocusOut))
    assert window.doc.plan.profile.notes == "Launch in March.\nSecond line."
    assert window.doc.undo_stack.count() == 3  # one step per field, not per keystroke
    form.prepared_by.editingFinished.emit()  # leaving without a change adds no step
    assert window.doc.undo_stack.count() == 3
    target = tmp_path / "saved.yaml"
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(target))
    assert window.files.save_as()
    saved = load_plan(target).profile
    assert (saved.prepared_by, saved.industry) == ("Jane Doe, CMO office", "Workflow software")
    for _ in range(3):
        window.undo_action.trigger()
    assert window.doc.plan.profile.prepared_by == "Marketing operations"
    assert form.prepared_by.text() == "Marketing operations"
    window.redo_action.trigger()
    assert form.prepared_by.text() == "Jane Doe, CMO office"


def test_tabbing_through_fields_in_scenario_mode_adds_no_override(open_window):
    window = open_window()
    scenario_mode(window, "Baseline")
    window.form.name.editingFinished.emit()
    window.form.market.activated.emit(window.form.market.currentIndex())
    QApplication.sendEvent(window.form.notes, QFocusEvent(QEvent.Type.FocusOut))
    assert window.doc.scenario().changes == {}
    assert window.doc.undo_stack.count() == 0


def test_operations_refuse_unknown_reset_quietly(open_window):
    window = open_window()
    operations.clear_scenario_override(window.doc, field="people")  # nothing to reset
    assert window.doc.undo_stack.count() == 0
