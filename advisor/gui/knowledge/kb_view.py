"""The Knowledge base tab: every figure of the channels and tools in plain words, with its unit
and source.

Values are editable; an edit is handed on (sig_edit_figure) and ends up in the user's overlay;
a changed figure can be reset to the shipped value (sig_reset_figure).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.knowledge import Catalog
from ..widgets.models import FrameModel
from .kb_table import HEADER_TIPS, display_frame, headers, search_text

__all__ = ["KnowledgeView"]

_USER, _EST = QColor("#1f5fa8"), QColor("#b26a00")


class _FigureProxy(QSortFilterProxyModel):
    """Filters by words (what people read and the key; all must match) and, optionally, to the
    user's changes."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.only_user = False
        self.words = ""
        self.texts: list[str] = []
        self.user: list[bool] = []

    def set_rows(self, texts: list[str], user: list[bool]) -> None:
        self.beginFilterChange()  # Qt 6.10: invalidateFilter() is deprecated
        self.texts, self.user = texts, user
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_filter(self, *, words: str | None = None, only_user: bool | None = None) -> None:
        self.beginFilterChange()
        if words is not None:
            self.words = words.strip().lower()
        if only_user is not None:
            self.only_user = only_user
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, _parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if row >= len(self.texts):
            return True
        if self.only_user and not self.user[row]:
            return False
        # every word must match, anywhere: "linkedin cadence" finds LinkedIn's three cadences
        return all(w in self.texts[row] for w in self.words.split())


class _FigureTable(QWidget):
    def __init__(self, what: str, on_edit, on_reset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self._on_reset = on_reset
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter by name, figure, source or note…")
        self.filter.setToolTip(
            "Show only the figures whose name, label, source or note contain this text"
        )
        self.filter.setClearButtonEnabled(True)
        self.only_mine = QCheckBox("Only my changes")
        self.only_mine.setToolTip("Show only the figures you changed (kept in your overlay file)")
        self.reset = QPushButton("Reset to shipped value")
        self.reset.setToolTip(
            "Undo your change of the selected figure: back to the value the advisor ships with"
        )
        editable = what != "assumptions"  # the overlay holds channel and tool figures
        self.model = FrameModel(
            self,
            headers=headers(what),
            header_tips=HEADER_TIPS,
            editable={"value"} if editable else set(),
            on_edit=lambda row, _col, value: on_edit(self, row, value),
        )
        self.proxy = _FigureProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.table = self._make_table()
        self.filter.textChanged.connect(lambda t: self.proxy.set_filter(words=t))
        self.only_mine.toggled.connect(lambda on: self.proxy.set_filter(only_user=on))
        self.reset.clicked.connect(self._on_reset_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._update_reset)
        self.model.modelReset.connect(self._update_reset)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        if editable:
            bar.addWidget(self.only_mine)
            bar.addWidget(self.reset)
        else:
            self.only_mine.hide()
            self.reset.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.addLayout(bar)
        box.addWidget(self.table, 1)
        self._update_reset()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    def set_catalog(self, catalog: Catalog) -> None:
        frame = display_frame(catalog, self.what)
        user, est = frame["user"].tolist(), frame["estimate"].tolist()

        def colors(row: int, col: str) -> QColor | None:
            if user[row]:
                return _USER
            return _EST if est[row] and col in ("value", "kind") else None

        def tips(row: int, col: str) -> str | None:
            if col == "label":
                return (
                    f"Key in the knowledge base: {frame.iat[row, frame.columns.get_loc('field')]}"
                )
            return None

        first = self.model.rowCount() == 0
        self.model.set_frame(frame, colors, tips)
        self.proxy.set_rows([search_text(r) for r in frame.to_dict("records")], user)
        if first:
            widths = (110, 270, 60, 130, 85, 320)
            for col, width in enumerate(widths[1:] if self.what == "assumptions" else widths):
                self.table.setColumnWidth(col, width)

    def row_key(self, row: int) -> tuple[str, str, float]:
        """The item id, figure key and display scale of a row of the model."""
        frame = self.model.frame()
        r = frame.iloc[row]
        return str(r["id"]), str(r["field"]), float(r["scale"])

    def _selected_row(self) -> int:
        index = self.proxy.mapToSource(self.table.currentIndex())
        return index.row() if index.isValid() else -1

    def _update_reset(self, *_args) -> None:
        row = self._selected_row()
        frame = self.model.frame()
        self.reset.setEnabled(row >= 0 and frame is not None and bool(frame.iloc[row]["user"]))

    def _on_reset_clicked(self) -> None:
        row = self._selected_row()
        if row >= 0:
            item_id, field, _scale = self.row_key(row)
            self._on_reset(self.what, item_id, field)


class KnowledgeView(QWidget):
    """Browse channels and tools; double-click a value to override it in your overlay."""

    sig_edit_figure = Signal(str, str, str, float)  # what, id, field, value (stored unit)
    sig_reset_figure = Signal(str, str, str)  # what, id, field
    sig_bad_value = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._catalog: Catalog | None = None
        self._dirty = False
        self.info = QLabel()
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reset = self._reset_later
        self.channels = _FigureTable("platforms", self._on_edit, reset)
        self.tools = _FigureTable("tools", self._on_edit, reset)
        self.assumptions = _FigureTable("assumptions", self._on_edit, reset)
        self.assumptions.setToolTip(
            "Engine-wide figures (hours per FTE, activity minutes, factors) with their sources; "
            "read-only here"
        )
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        tabs.addTab(self.channels, "Channels")
        tabs.addTab(self.tools, "Tools")
        tabs.addTab(self.assumptions, "Engine assumptions")
        box = QVBoxLayout(self)
        box.addWidget(self.info)
        box.addWidget(tabs, 1)

    def set_overlay_path(self, path: str) -> None:
        self.info.setText(
            "Every figure with its unit and source. <span style='color:#b26a00'>Orange</span> "
            "values are estimates no source backs; <span style='color:#1f5fa8'>blue</span> rows "
            "are your changes. Double-click a value to change it: the change is checked, saved "
            f"to your overlay file <b>{path}</b> (never to the shipped data) and can be undone."
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
        for table in (self.channels, self.tools, self.assumptions):
            table.set_catalog(self._catalog)

    def _reset_later(self, what: str, item_id: str, field: str) -> None:
        QTimer.singleShot(0, lambda: self.sig_reset_figure.emit(what, item_id, field))

    def _on_edit(self, table: _FigureTable, row: int, value: object) -> bool:
        try:
            number = float(str(value).replace(",", "").replace("%", ""))
        except ValueError:
            QTimer.singleShot(0, lambda: self.sig_bad_value.emit(f"'{value}' is not a number"))
            return False
        item_id, field, scale = table.row_key(row)
        stored = number / scale  # typed in the unit shown (a percentage for a share)
        # Deferred: the edit may open a dialog, which must not happen inside the editor commit.
        QTimer.singleShot(0, lambda: self.sig_edit_figure.emit(table.what, item_id, field, stored))
        return False
