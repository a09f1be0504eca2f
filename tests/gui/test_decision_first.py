"""The recommendation leads with the decision; left-out channels say what including them costs;
an empty mix says what to change and offers the step."""

from __future__ import annotations


def _rows(model, column):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_mix_is_its_own_group_and_left_out_channels_say_what_they_would_change(
    open_window, qtbot
):
    window = open_window("hospital.yaml")
    view, rec = window.rec_view, window.recommendation
    names = [rec.channel(c).name for c in rec.mix]
    assert f"Run these {len(names)}: {', '.join(names)}" in view.summary.text()
    model = view.model
    first = _rows(model, 0)
    assert first[0] == f"Run these {len(names)}"
    assert first[len(names) + 1].startswith(f"Left out ({len(rec.channels) - len(names)})")
    # a heading cannot be selected, so selection always names a channel
    view.table.selectRow(0)
    assert view.selected_channel() is None
    out = [c for c in rec.channels if not c.in_mix]
    why = model.WHY_COLUMN

    qtbot.waitUntil(lambda: not view.why_pending(), timeout=20000)
    texts = {c.id: model.index(model.row_of(c.id), why).data() for c in out}
    costed = [cid for cid, t in texts.items() if t.startswith(("Replaces", "Added", "No mix"))]
    assert len(costed) >= len(out) - 1  # Snapchat cannot be served: its reason stays
    text = texts[out[0].id]
    assert "pts" in text and "/month" in text and "-0" not in text
    # what the cell says in short the detail pane says in full
    view.select_channel(out[0].id)
    assert "Best mix with" in view.detail.toPlainText()


def test_no_hours_says_what_to_change_and_the_link_leads_to_the_hours(open_window, qtbot):
    window = open_window("local_restaurant.yaml")
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=5000) as blocker:
        window.form.hours.setValue(0)
    assert blocker.args[0].mix == []
    summary = window.rec_view.summary.text()
    assert "No channel fits this scenario yet" in summary
    assert "href='next:hours'" in summary and "Add hours" in summary
    assert "cheapest run natively" not in window.rec_view.notes.toPlainText()
    with qtbot.waitSignal(window.rec_view.sig_add_hours, timeout=2000):
        window.rec_view.summary.linkActivated.emit("next:hours")
    assert window.profile_dock.isVisible()


def test_an_empty_mix_is_not_analysed_and_the_table_says_nothing_fits(open_window, qtbot):
    window = open_window("local_restaurant.yaml")
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=5000):
        window.form.hours.setValue(0)
    model = window.rec_view.model
    assert model.index(0, 0).data().startswith("No channel in the mix (")
    status = window.sens_view.status
    qtbot.waitUntil(lambda: "No channel is in the mix" in status.text(), timeout=10000)
    assert not window.runner.running  # nothing was run for an empty mix
    assert window.sens_view.table.rowCount() == 0
