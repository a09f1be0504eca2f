"""The Compare tab: all scenarios side by side with deltas against a chosen baseline."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

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

from ..core.result import Recommendation
from ..core.vocab import Goal
from .canvas import ChartView
from .models import FrameModel

__all__ = ["CompareView"]

_HEADERS = {
    "scenario": "Scenario",
    "mix": "Mix",
    "channels": "Channels",
    "hours_per_week": "Hours/week",
    "d_hours": "Δ hours",
    "spare_hours_per_week": "Spare h/week",
    "fte": "FTE",
    "d_fte": "Δ FTE",
    "monthly_cost": "$ / month",
    "d_cost": "Δ $",
    "tool": "Tool",
    "objective": "Goal score",
    "added": "Added",
    "dropped": "Dropped",
} | {f"{p}cov_{g.value}": f"{d}{g.label}" for g in Goal for p, d in (("", ""), ("d_", "Δ "))}
_WORSE_IF_UP = {"d_hours", "d_fte", "d_cost"}


def _signed(digits: int, prefix: str = "") -> Callable[[Any], str]:
    def fmt(value: Any) -> str:
        v = float(value)
        if abs(v) < 0.5 * 10**-digits:
            return "±0"
        return f"{'+' if v > 0 else '−'}{prefix}{abs(v):,.{digits}f}"

    return fmt


_FORMATS: dict[str, Callable[[Any], str]] = {
    "hours_per_week": lambda v: f"{float(v):,.1f}",
    "spare_hours_per_week": lambda v: f"{float(v):,.1f}",
    "fte": lambda v: f"{float(v):.2f}",
    "monthly_cost": lambda v: f"${float(v):,.0f}",
    "objective": lambda v: f"{float(v):.3f}",
    "d_hours": _signed(1),
    "d_fte": _signed(2),
    "d_cost": _signed(0, "$"),
} | {f"d_cov_{g.value}": _signed(3) for g in Goal}


class CompareView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recs: list[Recommendation] = []
        self.baseline = QComboBox()
        self.baseline.setMinimumContentsLength(16)
        self.baseline.currentIndexChanged.connect(self._on_baseline_changed)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.model = FrameModel(self, headers=_HEADERS, formats=_FORMATS)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.hours_chart = ChartView(empty_text="No scenarios to compare")
        self.coverage_chart = ChartView(empty_text="No scenarios to compare")
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
        head.addWidget(QLabel("Baseline for the Δ columns:"))
        head.addWidget(self.baseline)
        head.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.status)
        box.addWidget(split, 1)

    def show_results(self, recs: list[Recommendation], errors: dict[str, str]) -> None:
        """Show the scenarios that could be computed; list the ones that could not."""
        self._recs = recs
        names = [r.scenario for r in recs]
        previous = self.baseline.currentText()
        self.baseline.blockSignals(True)
        self.baseline.clear()
        self.baseline.addItems(names)
        if previous in names:
            self.baseline.setCurrentText(previous)
        self.baseline.blockSignals(False)
        text = "Δ columns are differences against the baseline; coverage is 0..1 per goal."
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
            return
        from ..core.tables import compare_frame

        frame = _with_names(
            compare_frame(self._recs, baseline=max(self.baseline.currentIndex(), 0)), self._recs
        )

        def colors(row: int, col: str) -> QColor | None:
            if not col.startswith("d_"):
                return None
            value = frame.iloc[row][col]
            if value == 0:
                return QColor("#888888")
            good = value < 0 if col in _WORSE_IF_UP else value > 0
            return QColor("#2e7d32") if good else QColor("#b04a5a")

        self.model.set_frame(frame, colors)

    def _update_charts(self) -> None:
        from ..charts import draw_compare, draw_compare_coverage

        recs = list(self._recs)
        if not recs:
            self.hours_chart.set_draw(None)
            self.coverage_chart.set_draw(None)
            return
        self.hours_chart.set_draw(lambda ax: draw_compare(ax, recs))
        self.coverage_chart.set_draw(lambda ax: draw_compare_coverage(ax, recs))


def _with_names(frame: Any, recs: list[Recommendation]) -> Any:
    """The frame with channel and tool names in place of their ids."""
    names = {c.id: c.name for r in recs for c in r.channels}

    def channels(text: str) -> str:
        ids = [i for i in text.split(", ") if i]
        return ", ".join(names.get(i, i) for i in ids) if ids and text != "(none)" else text

    frame = frame.copy()
    for col in ("mix", "added", "dropped"):
        frame[col] = [channels(t) for t in frame[col]]
    frame["tool"] = [r.tool.name if r.tool else "none" for r in recs]
    return frame
