"""What-ifs never touch the baseline: new scenarios take the edits, shared edits and deletions
are announced with an Undo."""

from __future__ import annotations

from PySide6.QtCore import Qt


def type_into(qtbot, box, text: str) -> None:
    """Type a value into a spin box and press Enter, as a user would."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_a_new_scenario_takes_the_edits_and_the_baseline_stays(open_window, qtbot):
    window = open_window()
    assert not window.form.scenario_only  # the window opens on the shared profile
    baseline = window.doc.plan.scenario("Baseline")
    window.scenarios.btn_add.click()
    added = window.doc.scenario_name
    assert window.form.scenario_only, "the form must switch to editing only the new scenario"
    assert window.form.scope.scenario.isChecked()
    notice = window.form.notice
    assert notice.isVisible()
    assert "Edits now change only this scenario" in notice.text.text()
    type_into(qtbot, window.form.people, "5")
    assert notice.isVisible() and not notice.undo.isVisible()  # Undo would undo the edit now
    plan = window.doc.plan
    assert plan.profile.people == 3  # the shared profile, so the Baseline, is unchanged
    assert plan.scenario("Baseline") == baseline
    new = plan.scenarios[1]
    assert new.changes == {"people": 5.0}
    assert added in {"New scenario", new.name}


def test_duplicate_also_takes_the_edits(open_window, qtbot):
    window = open_window()
    window.scenarios.list.setCurrentRow(1)  # "Double the team"
    window.scenarios.btn_dup.click()
    assert window.form.scenario_only
    type_into(qtbot, window.form.hours, "25")
    plan = window.doc.plan
    assert plan.scenario("Double the team").changes == {"people": 6}
    assert plan.scenarios[2].changes == {"people": 6, "hours_per_person": 25.0}
    assert plan.profile.hours_per_person == 20


def test_shared_edit_names_the_scenarios_it_changed_and_is_one_undo_away(open_window, qtbot):
    window = open_window()
    notice = window.form.notice
    assert not window.form.scenario_only
    type_into(qtbot, window.form.people, "1")  # 20 staff hours a week instead of 60
    assert window.doc.plan.profile.people == 1
    qtbot.waitUntil(notice.isVisible, timeout=20000)  # a background check; a loaded machine
    text = notice.text.text()
    assert "also changed the answer" in text
    # Double the team overrides people (6), so its answer stays; the ones that share it change
    assert "Double the team" not in text
    assert "Recruiting push" in text
    assert "Baseline" not in text  # the scenario on screen is not "another" one
    qtbot.mouseClick(notice.undo, Qt.MouseButton.LeftButton)
    assert window.doc.plan.profile.people == 3
    assert not notice.isVisible()


def test_shared_edit_that_changes_no_other_answer_says_nothing(open_window, qtbot):
    window = open_window()
    window.form.name.setText("Northwind Cloud Ltd")
    window.form.name.editingFinished.emit()
    assert window.doc.plan.profile.name == "Northwind Cloud Ltd"
    assert window.scenario_control.checking
    qtbot.waitUntil(lambda: not window.scenario_control.checking, timeout=20000)
    assert not window.form.notice.isVisible()


def test_delete_is_announced_and_undone_from_the_notice(open_window, qtbot):
    window = open_window()
    window.scenarios.list.setCurrentRow(2)
    name = window.doc.scenario_name
    window.scenarios.btn_delete.click()
    assert name not in [s.name for s in window.doc.plan.scenarios]
    notice = window.form.notice
    assert notice.isVisible() and f"Deleted scenario <b>{name}</b>" in notice.text.text()
    assert "Deleted scenario" in window.statusBar().currentMessage()
    qtbot.mouseClick(notice.undo, Qt.MouseButton.LeftButton)
    assert [s.name for s in window.doc.plan.scenarios][2] == name
    assert not notice.isVisible()
