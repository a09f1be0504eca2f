"""Help › How the figures compare with published data: the engine's calibration benchmarks.

The core computes the benchmarks (advisor.core.calibration); this dialog runs them off the UI
thread and shows them as a read-only table. Without that module it says so.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.knowledge import Catalog
from ..widgets.worker import BackgroundRunner

__all__ = ["HEADERS", "UNAVAILABLE", "CalibrationDialog", "CalibrationUnavailable", "load_cases"]

HEADERS = ("Benchmark", "Situation", "Published", "Channel Advisor", "Source", "Result")
UNAVAILABLE = "Calibration is not available in this version of the engine."
_FIELDS = ("name", "situation", "published", "engine", "source")
_PASS, _FAIL = "#2e7d32", "#b04a5a"


class CalibrationUnavailable(RuntimeError):
    """The engine has no calibration module."""


def load_cases(catalog: Catalog) -> list[Any]:
    """The benchmark results from the core, run against the catalog in use:
    ``calibration_table(catalog)`` or ``run_calibration(catalog)`` (``run_calibration()`` in
    a version that always uses the shipped catalog)."""
    try:
        module = importlib.import_module("advisor.core.calibration")
    except ImportError:
        raise CalibrationUnavailable(UNAVAILABLE) from None
    run = getattr(module, "calibration_table", None) or getattr(module, "run_calibration", None)
    if run is None:
        raise CalibrationUnavailable(UNAVAILABLE)
    takes_catalog = bool(inspect.signature(run).parameters)
    return list(run(catalog) if takes_catalog else run())


def summary_text(cases: list[Any]) -> str:
    """'9 of 9 benchmarks pass'."""
    passed = sum(1 for c in cases if getattr(c, "passed", False))
    noun = "benchmark passes" if len(cases) == 1 else "benchmarks pass"
    return f"{passed} of {len(cases)} {noun}"


class CalibrationDialog(QDialog):
    """The benchmarks as a table with a one-line summary; computed in the background."""

    def __init__(self, load: Callable[[], list[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How the figures compare with published data")
        self.resize(1100, 560)
        self.summary = QLabel("Running the benchmarks…")
        self.summary.setObjectName("calibrationSummary")
        self.summary.setStyleSheet("font-weight: bold")
        self.summary.setWordWrap(True)
        self.table = self._make_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)
        self.runner = BackgroundRunner(self)
        self.runner.sig_finished.connect(self._on_finished)
        self.runner.sig_error.connect(self._on_error)
        # Closing does not wait for the benchmarks: the late result is dropped with the dialog.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(lambda _r: self.runner.cancel())
        self.runner.start(lambda _progress, _stop: load())

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, len(HEADERS))
        table.setObjectName("calibrationTable")
        table.setHorizontalHeaderLabels(list(HEADERS))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((170, 230, 130, 130, 300, 60)):
            table.setColumnWidth(col, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.hide()
        return table

    def _on_finished(self, cases: list[Any]) -> None:
        self.summary.setText(summary_text(cases))
        self.table.setRowCount(len(cases))
        for row, case in enumerate(cases):
            self._fill_row(row, case)
        self.table.resizeRowsToContents()
        self.table.show()

    def _fill_row(self, row: int, case: Any) -> None:
        texts = [str(getattr(case, f, "")) for f in _FIELDS]
        texts.append("pass" if getattr(case, "passed", False) else "fail")
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.table.setItem(row, col, item)
        self._mark_result(row, texts[-1] == "pass")

    def _mark_result(self, row: int, passed: bool) -> None:
        item = self.table.item(row, len(HEADERS) - 1)
        if item is None:
            return
        item.setForeground(QColor(_PASS if passed else _FAIL))
        font = item.font()
        font.setBold(True)
        item.setFont(font)

    def _on_error(self, exc: BaseException) -> None:
        if isinstance(exc, CalibrationUnavailable):
            self.summary.setText(str(exc))
        else:
            self.summary.setText(f"The benchmarks could not be run: {exc}")
