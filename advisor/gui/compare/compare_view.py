"""The Compare tab: all scenarios side by side with deltas against a chosen baseline."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.result import Recommendation
from ...core.vocab import Goal
from ..widgets.canvas import ChartView
from ..widgets.models import FrameModel
from .compare_table import DELTAS, HEADER_TIPS, HEADERS, display_frame

__all__ = ["CompareView"]

_GREY, _GOOD, _BAD = QColor("#888888"), QColor("#2e7d32"), QColor("#b04a5a")


class CompareView(QWidget):
    """Every scenario side by side: hours, FTE, cost and goal coverage with their differences
    from a chosen baseline, the best scenario marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recs: list[Recommendation] = []
        self._weights: dict[str, dict[Goal, float]] = {}
        self.baseline = QComboBox()
        self.baseline.setToolTip(
            "The scenario the other scenarios are compared with: the differences in brackets "
            "and the goal weights of the coverage column are the baseline's"
        )
        self.baseline.setMinimumContentsLength(16)
        self.baseline.currentIndexChanged.connect(self._on_baseline_changed)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.best = QLabel()
        self.best.setObjectName("bestScenario")
        self.best.setWordWrap(True)
        self.model = FrameModel(self, headers=HEADERS, header_tips=HEADER_TIPS)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.hours_chart = ChartView(empty_text="No scenarios to compare", name="compare-hours")
        self.coverage_chart = ChartView(
            empty_text="No scenarios to compare", name="compare-coverage"
        )
        charts = QTabWidget()
        charts.setDocumentMode(True)
        charts.addTab(self.hours_chart, "Hours, FTE and cost")
        charts.addTab(self.coverage_chart, "Goal coverage")
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        split.setSizes([260, 520])
        head = QHBoxLayout()
        head.addWidget(QLabel("Baseline:"))
        head.addWidget(self.baseline)
        head.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.best)
        box.addWidget(self.status)
        box.addWidget(split, 1)

    def show_results(
        self,
        recs: list[Recommendation],
        errors: dict[str, str],
        weights: dict[str, dict[Goal, float]] | None = None,
    ) -> None:
        """Show the scenarios that could be computed; list the ones that could not.

        weights: each scenario's normalised goal weights (the baseline's weigh the coverage).
        """
        self._recs = recs
        self._weights = weights or {}
        names = [r.scenario for r in recs]
        previous = self.baseline.currentText()
        self.baseline.blockSignals(True)
        self.baseline.clear()
        self.baseline.addItems(names)
        if previous in names:
            self.baseline.setCurrentText(previous)
        self.baseline.blockSignals(False)
        text = (
            "In brackets: the difference from the baseline. Goal coverage weighs every "
            "scenario by the baseline's goal weights, so the scenarios compare on one scale."
        )
        if errors:
            text += (
                " <span style='color:#b04a5a'>Not computed: "
                + "; ".join(f"<b>{escape(k)}</b> ({escape(v)})" for k, v in errors.items())
                + "</span>"
            )
        self.status.setText(text)
        self._update_table()
        self._update_charts()

    def _on_baseline_changed(self, _index: int) -> None:
        self._update_table()

    def _update_table(self) -> None:
        if not self._recs:
            self.best.setText("No scenario could be computed.")
            return
        from ...core.tables import compare_frame

        base = max(self.baseline.currentIndex(), 0)
        recs = self._recs
        weights = self._weights.get(recs[base].scenario) or {g: 1.0 for g in Goal}
        frame = display_frame(compare_frame(recs, baseline=base), recs, weights, base)

        def colors(row: int, col: str) -> QColor | None:
            if col not in DELTAS:
                return None
            delta, better = DELTAS[col]
            value = float(frame.iloc[row][delta]) * better
            if row == base:
                return None
            if abs(value) < 1e-9:
                return _GREY
            return _GOOD if value > 0 else _BAD

        def tips(row: int, col: str) -> str | None:
            if col == "mix_cell":
                return str(frame.iloc[row]["mix_tip"])
            if col == "coverage_cell":
                return str(frame.iloc[row]["coverage_tip"])
            return None

        self.model.set_frame(frame, colors, tips)
        self._fix_widths()
        self._update_best(frame)

    def _fix_widths(self) -> None:
        """The figures at their content's width, the scenario and tool at fixed widths, the mix
        in what is left: no horizontal scrolling at 1280 pixels."""
        header = self.table.horizontalHeader()
        n = self.model.columnCount()
        if n == 0:
            return
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        for col, width in ((0, 160), (n - 2, 110)):
            header.resizeSection(col, min(width, header.sectionSize(col)))
        used = sum(header.sectionSize(c) for c in range(n - 1))
        header.resizeSection(n - 1, max(80, self.table.viewport().width() - used))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fix_widths()

    def _update_best(self, frame) -> None:
        marked = [i for i, s in enumerate(frame["scenario_cell"]) if s.startswith("★")]
        if not marked:
            self.best.setText("No scenario has a feasible mix to call best.")
            return
        r = self._recs[marked[0]]
        cov = float(frame.iloc[marked[0]]["coverage"])
        self.best.setText(
            f"<b>★ Best: {escape(r.scenario)}</b> - the highest goal coverage ({cov:.0%}) for "
            f"the baseline's goals, ${r.monthly_cost:,.0f} a month, {r.hours_per_week:.1f} "
            "h/week (ties go to the cheaper scenario)."
        )

    def _update_charts(self) -> None:
        from ...charts import draw_compare, draw_compare_coverage

        recs = list(self._recs)
        if not recs:
            self.hours_chart.set_draw(None)
            self.coverage_chart.set_draw(None)
            return
        self.hours_chart.set_draw(lambda ax: draw_compare(ax, recs))
        self.coverage_chart.set_draw(lambda ax: draw_compare_coverage(ax, recs))
