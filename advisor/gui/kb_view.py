"""The Knowledge base tab: every figure of the channels and tools with its source.

Values are editable; an edit is handed on (sig_edit_figure) and ends up in the user's overlay.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.knowledge import Catalog
from .models import FrameModel

__all__ = ["KnowledgeView"]

_HEADERS = {
    "id": "Id",
    "field": "Figure",
    "value": "Value",
    "estimate": "Estimate",
    "source": "Source",
    "date": "Date",
    "note": "Note",
}


class _FigureTable(QWidget):
    def __init__(self, what: str, on_edit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by channel, figure, source or note…")
        self.filter.setClearButtonEnabled(True)
        self.model = FrameModel(
            self,
            headers=_HEADERS,
            editable={"value"},
            on_edit=lambda row, _col, value: on_edit(self, row, value),
        )
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(self.filter)
        box.addWidget(self.table, 1)

    def set_catalog(self, catalog: Catalog) -> None:
        from ..core.tables import figures_frame

        frame = figures_frame(catalog, self.what)
        est = frame["estimate"].tolist()
        user = (frame["note"] == "user override").tolist()

        def colors(row: int, col: str) -> QColor | None:
            if user[row]:
                return QColor("#1f5fa8")
            return QColor("#b26a00") if est[row] and col in ("value", "estimate") else None

        first = self.model.rowCount() == 0
        self.model.set_frame(frame, colors)
        if first:
            for col, width in enumerate((110, 180, 70, 70, 250, 80)):
                self.table.setColumnWidth(col, width)

    def row_key(self, row: int) -> tuple[str, str]:
        frame = self.model.frame()
        return str(frame.iloc[row]["id"]), str(frame.iloc[row]["field"])


class KnowledgeView(QWidget):
    """Browse channels and tools; double-click a value to override it in your overlay."""

    sig_edit_figure = Signal(str, str, str, float)  # what, id, field, value
    sig_bad_value = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog: Catalog | None = None
        self._dirty = False
        self.info = QLabel()
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.channels = _FigureTable("platforms", self._on_edit)
        self.tools = _FigureTable("tools", self._on_edit)
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(self.channels, "Channels")
        tabs.addTab(self.tools, "Tools")
        box = QVBoxLayout(self)
        box.addWidget(self.info)
        box.addWidget(tabs, 1)

    def set_overlay_path(self, path: str) -> None:
        self.info.setText(
            "Every figure with its source. <span style='color:#b26a00'>Orange</span> values are "
            "estimates no source backs; <span style='color:#1f5fa8'>blue</span> rows are your "
            "overrides. Double-click a value to change it: the change is checked, saved to your "
            f"overlay file <b>{path}</b> (never to the shipped data) and can be undone."
        )

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._dirty = True
        if self.isVisible():
            self._update_tables()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self._update_tables()

    def _update_tables(self) -> None:
        if self._catalog is None:
            return
        self._dirty = False
        self.channels.set_catalog(self._catalog)
        self.tools.set_catalog(self._catalog)

    def _on_edit(self, table: _FigureTable, row: int, value: object) -> bool:
        try:
            number = float(str(value).replace(",", ""))
        except ValueError:
            QTimer.singleShot(0, lambda: self.sig_bad_value.emit(f"'{value}' is not a number"))
            return False
        item_id, field = table.row_key(row)
        # Deferred: the edit may open a dialog, which must not happen inside the editor commit.
        QTimer.singleShot(0, lambda: self.sig_edit_figure.emit(table.what, item_id, field, number))
        return False
