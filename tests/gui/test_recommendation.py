"""Editing the profile and the scenario updates the recommendation."""

from __future__ import annotations


def test_goal_weight_slider_changes_the_recommendation(open_window, qtbot):
    window = open_window("fashion_retailer.yaml")
    before = window.recommendation
    slider = window.form.goals.slider("thought_leadership")
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        slider.setValue(slider.maximum())
    after = blocker.args[0]
    assert after.objective != before.objective  # the goals are weighted anew
    assert window.doc.plan.profile.goals["thought_leadership"] == 10.0
    assert window.isWindowModified()
    model = window.rec_view.model
    ids = [model.row_id(r) for r in range(model.rowCount())]
    # the mix first under its heading, then the channels left out under theirs
    mix = [c.id for c in after.channels if c.in_mix]
    out = [c.id for c in after.channels if not c.in_mix]
    assert ids == ["", *mix, "", *out]


def test_force_channel_in_puts_it_in_the_mix(open_window, qtbot):
    window = open_window()
    out = next(c for c in window.recommendation.channels if not c.in_mix)
    window.rec_view.select_channel(out.id)
    assert window.rec_view.selected_channel() == out.id
    assert out.name in window.rec_view.detail.toPlainText()
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        window.rec_view.btn_in.click()
    assert out.id in blocker.args[0].mix
    assert window.doc.scenario().force_in == [out.id]
    assert window.undo_action.text() == f"&Undo Force in {out.name}"
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000):
        window.rec_view.btn_out.click()
    assert window.doc.scenario().force_out == [out.id]
    model = window.rec_view.model
    assert model.row_of(out.id) >= 0  # forced-out channels stay listed


def test_tool_and_ambition_change_the_current_scenario_only(open_window, qtbot):
    window = open_window()
    combo = window.rec_view.tool_combo
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        combo.setCurrentIndex(combo.findData("none"))
        combo.activated.emit(combo.currentIndex())
    assert blocker.args[0].tool is None
    assert window.doc.plan.scenarios[0].tool == "none"
    assert window.doc.plan.scenarios[1].tool is None
    amb = window.rec_view.ambition_combo
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        amb.setCurrentIndex(amb.findData("minimum"))
        amb.activated.emit(amb.currentIndex())
    assert blocker.args[0].ambition == "minimum"
    assert amb.currentText() == "Minimum for every channel"


def test_sensitivity_runs_in_background_and_reports(open_window, qtbot):
    window = open_window()
    # generous: the analysis takes ~4 s alone and far longer on a loaded machine
    with qtbot.waitSignal(window.runner.sig_finished, timeout=40000) as blocker:
        window.sens_view.btn_run.click()
    sens = blocker.args[0]
    assert sens.samples == 200
    assert window.sens_view.table.rowCount() == 9
    # what is fragile, in words and in points
    fragile = window.sens_view.fragile.text()
    assert fragile.startswith("<b>What is fragile:</b> A ") and "-point move " in fragile


def test_sensitivity_cancel(open_window, qtbot):
    window = open_window()
    window.sens_view.btn_run.click()
    with qtbot.waitSignal(window.runner.sig_cancelled, timeout=5000):
        window.sens_view.btn_cancel.click()
    assert "cancelled" in window.sens_view.status.text()


def test_a_scenario_the_catalog_rejects_shows_why(open_window, qtbot):
    # Opening such a file is refused (test_files); a plan can still meet a catalog that rejects
    # it, e.g. work recovered after a crash under another knowledge base: say why, inline.
    window = open_window()
    scenarios = list(window.doc.plan.scenarios)
    scenarios[0] = scenarios[0].model_copy(update={"force_in": ["myspace"]})
    plan = window.doc.plan.model_copy(update={"scenarios": scenarios})
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        window.doc.reset(plan, None)
    assert blocker.args[0] is None
    assert "cannot be computed" in window.rec_view.summary.text()
    assert "unknown channel" in window.rec_view.summary.text()


def test_form_fields_edit_the_shared_profile(open_window, qtbot):
    window = open_window()
    form = window.form
    form.name.setText("Northwind Cloud GmbH")
    form.name.editingFinished.emit()
    assert window.doc.plan.profile.name == "Northwind Cloud GmbH"
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=3000) as blocker:
        form.people.setValue(1)
    assert blocker.args[0].staff_hours_available == 20
    form.max_channels.setValue(0)
    assert window.doc.plan.profile.max_channels is None
    form.content["live"].setChecked(False)
    assert "live" not in window.doc.plan.profile.content
    form.regulated.setCurrentIndex(form.regulated.findData("financial"))
    form.regulated.activated.emit(form.regulated.currentIndex())
    assert window.doc.plan.profile.regulated == "financial"
    form.voice.slider.setValue(90)
    assert window.doc.plan.profile.voice == 0.9
    assert window.doc.plan.scenarios[1].changes == {"people": 6}  # scenarios keep overrides
    assert window.doc.undo_stack.count() == 6


def test_company_name_field_is_wide_enough_at_1280x800(open_window, qtbot):
    window = open_window("regional_bank.yaml")  # "Riverside Savings Bank"
    window.resize(1280, 800)
    name = window.form.name
    qtbot.waitUntil(lambda: name.width() > 0, timeout=2000)
    text_width = name.fontMetrics().horizontalAdvance(name.text())
    assert name.width() > text_width + 20, (name.width(), text_width)
    assert name.cursorPosition() == 0  # a long name shows its start
