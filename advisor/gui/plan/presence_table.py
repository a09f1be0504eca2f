"""The "Today's channels" editor: the channels the company runs today and their figures.

A compact table (channel, followers, posts a week, inbound a month, hours a week) with Add and
Remove. It shows the presence in effect for the current scenario and emits the user's edits;
every edit becomes one undo step in the window. No rules here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .field_marks import MARK, presence_text

__all__ = ["COLUMNS", "PresenceModel", "PresenceTable"]

_Index = QModelIndex | QPersistentModelIndex
_MARK_BRUSH = QBrush(QColor("#a04f00"))
_UNSET_BRUSH = QBrush(QColor("#888888"))
_UNSET = "—"
_SHARES = (0.27, 0.2, 0.16, 0.19, 0.18)  # of the table's width, by column

# field, header, header tip, maximum, decimals, optional
COLUMNS: tuple[tuple[str, str, str, float, int, bool], ...] = (
    (
        "channel",
        "Channel",
        "A channel the company runs today (double-click to change)",
        0,
        0,
        False,
    ),
    (
        "followers",
        "Followers",
        "The company's following on this channel; it drives the channel's engagement hours",
        1e10,
        0,
        False,
    ),
    (
        "posts_per_week",
        "Posts\na week",
        "Posts a week on this channel today (optional)",
        1000,
        1,
        True,
    ),
    (
        "inbound_per_month",
        "Inbound\na month",
        "Messages and comments a month that may need an answer (optional: estimated from "
        "the followers when not set)",
        1e9,
        0,
        True,
    ),
    (
        "hours_per_week",
        "Hours\na week",
        "Hours a week the team spends on this channel today (optional)",
        168_000,
        1,
        True,
    ),
)


def _number(value: float | None, decimals: int) -> str:
    if value is None:
        return _UNSET
    return f"{value:,.{decimals}f}" if decimals == 0 else f"{value:,g}"


class PresenceModel(QAbstractTableModel):
    """Rows of (channel id, display name, presence mapping, override tip or "")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, dict[str, Any], str]] = []
        self.on_edit: Any = None  # callable(channel id, field, value) set by the table

    def set_rows(self, rows: list[tuple[str, str, dict[str, Any], str]]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_id(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, cid: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r[0] == cid), -1)

    def ids(self) -> list[str]:
        return [r[0] for r in self._rows]

    def is_overridden(self, row: int) -> bool:
        return bool(self._rows[row][3])

    def presence(self, row: int) -> dict[str, Any]:
        return dict(self._rows[row][2])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section][2]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cid, name, values, tip = self._rows[index.row()]
        field, _h, _t, _max, decimals, _opt = COLUMNS[index.column()]
        value = None if field == "channel" else values.get(field)
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "channel":
                return f"{MARK} {name}" if tip else name
            return _number(value, decimals)
        if role == Qt.ItemDataRole.EditRole:
            if field == "channel":
                return cid
            return -1.0 if value is None else float(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if tip:
                return tip
            if field != "channel" and value is None:
                return "Not set (double-click to enter a figure)"
            return f"{name}: {presence_text(values)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            if field == "channel" and tip:
                return _MARK_BRUSH
            if value is None and field != "channel":
                return _UNSET_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and field != "channel":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_edit is None:
            return False
        field = COLUMNS[index.column()][0]
        cid = self._rows[index.row()][0]
        if field != "channel":
            value = None if value is None or float(value) < 0 else float(value)
            if value == self._rows[index.row()][2].get(field):
                return False
        elif value == cid:
            return False
        self.on_edit(cid, field, value)
        return True


class _Delegate(QStyledItemDelegate):
    """Spin boxes with the model's ranges (an optional figure has a "not set" step below 0);
    a combo of the active channels not yet listed for the channel column."""

    def __init__(self, table: PresenceTable) -> None:
        super().__init__(table)
        self._table = table

    def createEditor(  # noqa: N802 - Qt API
        self, parent: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> QWidget:
        field, header, _tip, maximum, decimals, optional = COLUMNS[index.column()]
        if field == "channel":
            combo = QComboBox(parent)
            current = index.data(Qt.ItemDataRole.EditRole)
            for cid, name in self._table.channel_choices(keep=current):
                combo.addItem(name, cid)
            return combo
        box = QDoubleSpinBox(parent)
        box.setDecimals(decimals)
        box.setRange(-1.0 if optional else 0.0, maximum)
        box.setSingleStep(1000 if field == "followers" else 1)
        box.setGroupSeparatorShown(True)
        box.setAccessibleName(header.replace("\n", " "))
        if optional:
            box.setSpecialValueText("not set")
        return box

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802 - Qt API
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value))

    def setModelData(self, editor: QWidget, model, index: _Index) -> None:  # noqa: N802 - Qt API
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, editor.value())


class PresenceTable(QWidget):
    """Today's channels. sig_set(channel, presence mapping) adds or changes a row;
    sig_remove(channel); sig_rename(old, new); sig_reset(channel) for "Use shared value"."""

    sig_set = Signal(str, object)
    sig_remove = Signal(str)
    sig_rename = Signal(str, str)
    sig_reset = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}  # active channels by id, catalog order
        self._default_followers = 0.0
        self.model = PresenceModel(self)
        self.model.on_edit = self._on_cell_edited
        self.view = QTableView()
        self.view.setObjectName("presenceTable")
        self.view.setToolTip(
            "The channels the company runs today and their figures: double-click a figure "
            "to change it, right-click a channel for more"
        )
        self.view.setModel(self.model)
        self.view.setItemDelegate(_Delegate(self))
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setWordWrap(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(30)
        header.setStyleSheet("QHeaderView::section { padding: 1px 3px; }")
        font = header.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        font.setBold(False)
        header.setFont(font)
        self.add_menu = QMenu(self)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.btn_add = QPushButton("Add channel")
        self.btn_add.setMenu(self.add_menu)
        self.btn_add.setToolTip("List another channel the company runs today")
        self.btn_remove = QPushButton("Remove")
        self.btn_remove.setToolTip("Stop listing the selected channel")
        self.btn_remove.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.btn_add)
        buttons.addWidget(self.btn_remove)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.view)
        box.addLayout(buttons)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._fit_height()
        self._update_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the width among the columns: the panel is narrow and nothing may be clipped
        behind a scroll bar."""
        width = self.view.viewport().width()
        sizes = [int(width * share) for share in _SHARES]
        sizes[0] += width - sum(sizes)
        for i, size in enumerate(sizes):
            self.view.setColumnWidth(i, size)

    # --- refresh -------------------------------------------------------------------------------
    def set_channels(self, names: dict[str, str]) -> None:
        """The active channels of the catalog a row may name: id -> display name."""
        self._names = dict(names)

    def name(self, cid: str) -> str:
        return self._names.get(cid, cid)

    def update_from(
        self,
        presence: dict[str, dict[str, Any]],
        overridden: dict[str, str],
        default_followers: float,
    ) -> None:
        """Show the presence in effect; ``overridden`` maps a channel to its override tip."""
        self._default_followers = default_followers
        current = self.selected_channel()
        rows = [
            (cid, self.name(cid), dict(values), overridden.get(cid, ""))
            for cid, values in presence.items()
        ]
        self.model.set_rows(rows)
        if current is not None and self.model.row_of(current) >= 0:
            self.view.selectRow(self.model.row_of(current))
        self._fit_height()
        self._update_buttons()

    def channel_choices(self, keep: str | None = None) -> list[tuple[str, str]]:
        """Active channels not listed yet (plus ``keep``), as (id, display name)."""
        listed = set(self.model.ids()) - {keep}
        return [(cid, name) for cid, name in self._names.items() if cid not in listed]

    def selected_channel(self) -> str | None:
        index = self.view.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def _fit_height(self) -> None:
        rows = max(self.model.rowCount(), 1)
        height = (
            self.view.horizontalHeader().sizeHint().height()
            + rows * self.view.verticalHeader().defaultSectionSize()
            + 2 * self.view.frameWidth()
            + 2
        )
        self.view.setFixedHeight(height)

    def _update_buttons(self, *_args) -> None:
        self.btn_remove.setEnabled(self.selected_channel() is not None)
        self.btn_add.setEnabled(bool(self.channel_choices()))

    # --- user actions --------------------------------------------------------------------------
    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        for cid, name in self.channel_choices():
            action = self.add_menu.addAction(name.replace("&", "&&"))
            action.triggered.connect(lambda _c=False, c=cid: self.add_channel(c))

    def add_channel(self, cid: str) -> None:
        """List ``cid`` with the default following (the user then edits its figures)."""
        self.sig_set.emit(cid, {"followers": self._default_followers})

    def _remove_selected(self) -> None:
        cid = self.selected_channel()
        if cid is not None:
            self.sig_remove.emit(cid)

    def _on_cell_edited(self, cid: str, field: str, value: Any) -> None:
        # Deferred: the edit rebuilds this table, which must not happen inside its editor.
        if field == "channel":
            QTimer.singleShot(0, lambda: self.sig_rename.emit(cid, value))
            return
        row = self.model.row_of(cid)
        values = self.model.presence(row) | {field: value}
        QTimer.singleShot(0, lambda: self.sig_set.emit(cid, values))

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        cid = self.model.row_id(index.row())
        menu = QMenu(self)
        reset = menu.addAction("Use shared value", lambda: self.sig_reset.emit(cid))
        reset.setEnabled(self.model.is_overridden(index.row()))
        name = self.name(cid).replace("&", "&&")
        menu.addAction(f"Remove {name}", lambda: self.sig_remove.emit(cid))
        menu.exec(self.view.viewport().mapToGlobal(pos))
