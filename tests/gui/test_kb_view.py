"""The knowledge base reads in labels and units; a change can be filtered and reset."""

from __future__ import annotations

import yaml
from PySide6.QtCore import Qt


def _row(table, item: str, key: str) -> int:
    frame = table.model.frame()
    return int(frame.index[(frame["id"] == item) & (frame["field"] == key)][0])


def _cell(table, row: int, column: str):
    cols = [
        table.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(table.model.columnCount())
    ]
    return table.model.index(row, cols.index(column))


def test_figures_read_as_labels_and_units_with_the_key_as_tooltip(open_window):
    window = open_window()
    window.tabs.setCurrentWidget(window.kb_view)
    table = window.kb_view.channels
    row = _row(table, "facebook", "reach_age.18-29")
    assert _cell(table, row, "Channel").data() == "Facebook"
    label = _cell(table, row, "Figure")
    assert label.data() == "Reach, ages 18-29"
    assert "reach_age.18-29" in label.data(Qt.ItemDataRole.ToolTipRole)
    assert _cell(table, row, "Unit").data() == "% of adults"
    shipped = window.doc.catalog.platform("facebook").reach_age["18-29"].v
    assert float(_cell(table, row, "Value").data()) == round(shipped * 100, 6)
    headers = [
        table.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(table.model.columnCount())
    ]
    assert all("_" not in h for h in headers)
    seeds = [c.data() for c in (_cell(table, r, "Source") for r in range(table.model.rowCount()))]
    assert not any("seed_" in s for s in seeds)
    notes = [_cell(table, r, "Note").data() for r in range(table.model.rowCount())]
    assert not any("seed_" in n for n in notes)  # ids inside notes read as citations too


def test_change_a_percentage_filter_my_changes_and_reset_it(open_window, qtbot, config_dir):
    window = open_window()
    window.tabs.setCurrentWidget(window.kb_view)
    table = window.kb_view.channels
    row = _row(table, "facebook", "reach_age.18-29")
    with qtbot.waitSignal(window.doc.sig_catalog_changed, timeout=5000):
        table.model.setData(_cell(table, row, "Value"), "50")  # typed as a percentage
    assert window.doc.catalog.platform("facebook").reach_age["18-29"].v == 0.5
    assert "Set Facebook: Reach, ages 18-29 to 50 % of adults" in window.undo_action.text()
    table.only_mine.setChecked(True)
    qtbot.waitUntil(lambda: table.proxy.rowCount() == 1, timeout=5000)
    table.table.selectRow(0)
    assert table.reset.isEnabled()
    with qtbot.waitSignal(window.doc.sig_catalog_changed, timeout=5000):
        table.reset.click()
    from advisor.core.loading import load_catalog

    shipped = load_catalog().platform("facebook").reach_age["18-29"].v
    assert window.doc.catalog.platform("facebook").reach_age["18-29"].v == shipped
    data = yaml.safe_load((config_dir / "overlay.yaml").read_text()) or {}
    assert "platforms" not in data  # nothing of the user's is left in the overlay
    qtbot.waitUntil(lambda: table.proxy.rowCount() == 0, timeout=5000)
    window.undo_action.trigger()  # the reset is one undo away
    assert window.doc.catalog.platform("facebook").reach_age["18-29"].v == 0.5


def test_reset_a_tool_price_keeps_the_other_plans(open_window, qtbot):
    from advisor.gui.knowledge.overlay import edit_figure, reset_figure

    window = open_window()
    shipped = [p.price.v for p in window.doc.catalog.tool("hootsuite").plans]
    with qtbot.waitSignal(window.doc.sig_catalog_changed, timeout=3000):
        edit_figure(window.doc, what="tools", item_id="hootsuite", field="plans.0.price", value=1)
    with qtbot.waitSignal(window.doc.sig_catalog_changed, timeout=3000):
        edit_figure(window.doc, what="tools", item_id="hootsuite", field="plans.1.price", value=2)
    with qtbot.waitSignal(window.doc.sig_catalog_changed, timeout=3000):
        reset_figure(window.doc, what="tools", item_id="hootsuite", field="plans.0.price")
    prices = [p.price.v for p in window.doc.catalog.tool("hootsuite").plans]
    assert prices[0] == shipped[0] and prices[1] == 2


def test_engine_assumptions_are_listed_in_words_read_only(open_window):
    window = open_window()
    window.tabs.setCurrentWidget(window.kb_view)
    table = window.kb_view.assumptions
    frame = table.model.frame()
    row = int(frame.index[frame["field"] == "productive_hours_per_fte"][0])
    assert _cell(table, row, "Figure").data() == "Productive hours per FTE"
    assert _cell(table, row, "Unit").data() == "h/week"
    value = _cell(table, row, "Value")
    assert not value.flags() & Qt.ItemFlag.ItemIsEditable
    assert not table.only_mine.isVisible() and not table.reset.isVisible()
    assert "fte_hours_1690" not in _cell(table, row, "Source").data()
