"""The Sensitivity tab: which goal-weight changes flip the mix, and how robust each channel is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.result import Sensitivity
from ..widgets.canvas import ChartView
from ..widgets.formatting import sentence
from .sensitivity_text import fragile_sentences, swap_text

__all__ = ["SensitivityView"]

_COLUMNS = ("Goal", "Share now", "Lower by", "What changes", "Raise by", "What changes")
_TIPS = (
    "The goal whose weight moves",
    "The goal's share of all the goal weights now, in %",
    "The smallest cut of the goal's share, in percentage points, that changes the mix",
    "What the cut does to the mix; hover for the whole new mix",
    "The smallest rise of the goal's share, in percentage points, that changes the mix",
    "What the rise does to the mix; hover for the whole new mix",
)


class SensitivityView(QWidget):
    """Shows the latest analysis; progress and Cancel while one runs in the background."""

    sig_cancel = Signal()
    sig_run = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel("The analysis runs in the background after every change.")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(260)
        self.btn_cancel = QPushButton("Cancel")
        self.btn_run = QPushButton("Run again")
        self.btn_cancel.setToolTip("Stop the analysis; the recommendation is not affected")
        self.btn_run.setToolTip(
            "Run the analysis again: how far each goal's weight can move before the mix changes"
        )
        self.progress.setToolTip("How far the analysis has got")
        self.fragile = QLabel()
        self.fragile.setObjectName("fragile")
        self.fragile.setWordWrap(True)
        self.fragile.setTextFormat(Qt.TextFormat.RichText)
        self.btn_cancel.clicked.connect(self.sig_cancel)
        self.btn_run.clicked.connect(self.sig_run)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels(_COLUMNS)
        for col, tip in enumerate(_TIPS):
            item = self.table.horizontalHeaderItem(col)
            if item is not None:
                item.setToolTip(tip)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.robustness = ChartView(empty_text="Waiting for the analysis…", name="robustness")
        self.margins = ChartView(empty_text="Waiting for the analysis…", name="weight-margins")
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(
            self._titled("Robustness: how often each channel stays in the mix", self.robustness)
        )
        charts.addWidget(
            self._titled(
                "Weight change that flips the mix (left: lower, right: raise)", self.margins
            )
        )
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(charts)
        split.setStretchFactor(1, 2)
        split.setSizes([320, 480])
        head = QHBoxLayout()
        head.addWidget(self.status, 1)
        head.addWidget(self.progress)
        head.addWidget(self.btn_cancel)
        head.addWidget(self.btn_run)
        box = QVBoxLayout(self)
        box.addLayout(head)
        box.addWidget(self.fragile)
        box.addWidget(split, 1)
        self.set_running(False)

    @staticmethod
    def _titled(title: str, chart: QWidget) -> QWidget:
        w = QWidget()
        box = QVBoxLayout(w)
        box.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title)
        label.setObjectName("chartTitle")
        label.setWordWrap(True)
        box.addWidget(label)
        box.addWidget(chart, 1)
        return w

    def set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.btn_cancel.setVisible(running)
        self.btn_run.setVisible(not running)
        if running:
            self.progress.setValue(0)
            self.status.setText("Analysing how robust the mix is to the goal weights…")

    def set_progress(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))

    def show_message(self, text: str) -> None:
        self.set_running(False)
        self.status.setText(text)

    def show_result(
        self, sens: Sensitivity, names: dict[str, str], mix: list[str] | None = None
    ) -> None:
        """Show an analysis of the mix ``mix`` (channel ids); an empty mix has nothing whose
        robustness could be claimed."""
        self.set_running(False)
        if mix is not None and not mix:
            self.show_empty()
            return
        self.status.setText(
            f"<b>{sens.mix_stability:.0%}</b> of {sens.samples} weightings (each goal weight "
            f"moved by up to ±{sens.spread:.0%}) keep exactly this mix."
        )
        lines = fragile_sentences(sens, mix or [], names) if mix else []
        self.fragile.setText(
            "<b>What is fragile:</b> " + " ".join(lines)
            if lines
            else "<b>Nothing is fragile:</b> no goal-weight move within range changes the mix."
        )
        self._fill(sens, names, mix or [])

    def show_empty(self) -> None:
        """No channel in the mix: nothing to analyse, and no robustness claimed."""
        self.set_running(False)
        self.status.setText(
            "No channel is in the mix, so there is no mix whose robustness to measure. "
            "See the Recommendation tab for what to change."
        )
        self.fragile.setText("")
        self.table.setRowCount(0)
        self.robustness.set_draw(None, "No channel in the mix")
        self.margins.set_draw(None, "No channel in the mix")

    def _fill(self, sens: Sensitivity, names: dict[str, str], mix: list[str]) -> None:
        from ...charts import draw_robustness, draw_sensitivity

        self.table.setRowCount(len(sens.goals))
        for row, g in enumerate(sens.goals):
            cells = (
                (g.goal.label, ""),
                (f"{g.share:.0%}", ""),
                (_delta(g.down), ""),
                _change(g.down, mix, g.mix_down, names),
                (_delta(g.up), ""),
                _change(g.up, mix, g.mix_up, names),
            )
            for col, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip or _TIPS[col])
                self.table.setItem(row, col, item)
        self.robustness.set_draw(lambda ax: draw_robustness(ax, sens, names))
        self.margins.set_draw(lambda ax: draw_sensitivity(ax, sens))


def _delta(value: float | None) -> str:
    return "never changes it" if value is None else f"{value * 100:.1f} pts"


def _change(
    value: float | None, mix: list[str], after: list[str], names: dict[str, str]
) -> tuple[str, str]:
    """What the move does to the mix ('Swaps Facebook for LinkedIn'), the whole new mix as
    the tooltip."""
    if value is None:
        return "", ""
    full = ", ".join(names.get(c, c) for c in after) or "No channel"
    change = sentence(swap_text(mix, after, names)) if mix else full
    return change, f"The mix then: {full}"
