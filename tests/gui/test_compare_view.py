"""Compare: names not ids, the deltas that matter without scrolling, the best scenario marked,
a goal coverage that compares across scenarios with different goal weights."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _show_compare(window, qtbot):
    with qtbot.waitSignal(window.sig_compare_updated, timeout=5000):
        window.tabs.setCurrentWidget(window.compare_view)
    view = window.compare_view
    qtbot.waitUntil(lambda: view.model.rowCount() == len(window.doc.plan.scenarios))
    return view


def _column(view, header: str) -> list[str]:
    model = view.model
    col = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == header
    )
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_compare_fits_1280_pixels_and_reads_in_names(open_window, qtbot):
    window = open_window()
    view = _show_compare(window, qtbot)
    qtbot.waitUntil(lambda: not view.table.horizontalScrollBar().isVisible())
    for header in ("Hours/week (Δ)", "FTE (Δ)", "$/month (Δ)", "Goal coverage (Δ)"):
        cells = _column(view, header)
        assert cells[0].endswith("(0)") or cells[0].endswith("(0 pts)")  # the baseline itself
        assert not any("-0" in c for c in cells)
    tools, mixes = _column(view, "Tool"), _column(view, "Mix")
    assert not any("/" in t or "_" in t for t in tools)
    assert all("linkedin" not in m for m in mixes) and "LinkedIn" in mixes[0]


def test_the_best_scenario_is_marked_and_explained(open_window, qtbot):
    window = open_window()
    view = _show_compare(window, qtbot)
    recs = view._recs
    marked = [s for s in _column(view, "Scenario") if s.startswith("★ ")]
    assert len(marked) == 1
    name = marked[0][2:]
    assert f"Best: {name}" in view.best.text()
    # the best has the highest coverage of the goals as the baseline weighs them
    coverage = _column(view, "Goal coverage (Δ)")
    best_row = [r.scenario for r in recs].index(name)
    top = max(int(c.split("%")[0]) for c in coverage)
    assert int(coverage[best_row].split("%")[0]) == top


def test_coverage_of_a_reweighted_scenario_is_measured_on_the_baselines_weights(open_window, qtbot):
    window = open_window()
    view = _show_compare(window, qtbot)
    model = view.model
    col = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    cov = col.index("Goal coverage (Δ)")
    row = [r.scenario for r in view._recs].index("Recruiting push")  # changes the goal weights
    tip = model.index(row, cov).data(Qt.ItemDataRole.ToolTipRole)
    assert "baseline's goal weights" in tip and "not comparable" in tip
    header_tip = model.headerData(cov, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "same scale" in header_tip
