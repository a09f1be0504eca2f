"""Thin Qt item models over core results and data frames. No rules, no dialogs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core.actions import action_phrase
from ..core.result import ChannelResult, Recommendation
from .formatting import cadence_text

__all__ = ["SEGMENTS_ROLE", "ChannelRow", "ChannelTableModel", "FrameModel"]

SEGMENTS_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_MIX_BRUSH = QBrush(QColor("#eaf2fb"))
_OUT_BRUSH = QBrush(QColor("#f4f4f4"))


@dataclass(frozen=True, slots=True)
class ChannelRow:
    """A table row: a channel the engine considered, or one the scenario forced out."""

    id: str
    name: str
    result: ChannelResult | None
    forced: str | None


def channel_rows(rec: Recommendation | None, forced_out: list[tuple[str, str]]) -> list[ChannelRow]:
    rows = [ChannelRow(c.id, c.name, c, c.forced) for c in rec.channels] if rec else []
    return rows + [ChannelRow(cid, name, None, "out") for cid, name in forced_out]


class ChannelTableModel(QAbstractTableModel):
    """Channels ranked by fit, with mix membership, forcing, cadence and hours."""

    HEADERS = ("Rank", "Channel", "Fit", "In mix", "Forced", "Cadence", "Hours/wk", "Action")
    FIT_COLUMN = 2
    CADENCE_COLUMN = 5
    ACTION_COLUMN = 7

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ChannelRow] = []

    def set_rows(self, rows: list[ChannelRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, cid: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == cid), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        c = row.result
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == SEGMENTS_ROLE and c is not None:
            return [(x.factor, x.points) for x in c.contributions if x.weight is not None]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(c, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return _MIX_BRUSH if c and c.in_mix else _OUT_BRUSH if c is None else None
        if role == Qt.ItemDataRole.FontRole and c and c.in_mix:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 2, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(row: ChannelRow, col: int) -> str:
        c = row.result
        if col == 1:
            return row.name
        if col == 4:
            return {"in": "in", "out": "out"}.get(row.forced or "", "")
        if c is None:
            return "—" if col in (0, 2, 6) else ""
        return {
            0: str(c.rank),
            2: f"{c.fit:.2f}",
            3: "✔" if c.in_mix else "",
            5: cadence_text(c),
            6: f"{c.total_hours:.1f}",
            7: c.action.label if c.action else "",
        }[col]


_HEADER_TIPS = {
    ChannelTableModel.FIT_COLUMN: (
        "Fit 0..1. The bar adds up its parts: goals (dark blue), audience (green), "
        "voice (orange), effort (purple). Click a channel for the details."
    ),
    ChannelTableModel.CADENCE_COLUMN: (
        "Posts at the cadence level the advisor chose (minimum, typical or high); "
        "empty for a channel left out of the mix."
    ),
    6: "Staff hours a week to run the channel: at its planned cadence when in the mix, "
    "at its typical cadence when left out.",
    ChannelTableModel.ACTION_COLUMN: (
        "What to do against today's channels (the profile's presence): keep, grow, cut back, "
        "start, wind down or stay out."
    ),
}


def _tooltip(c: ChannelResult | None, col: int) -> str:
    if c is None:
        return "Forced out by this scenario"
    if col == ChannelTableModel.CADENCE_COLUMN and c.in_mix:
        return c.why
    if col == ChannelTableModel.ACTION_COLUMN:
        return action_phrase(c)
    return "; ".join(c.reasons) if c.in_mix else c.excluded_because


class FrameModel(QAbstractTableModel):
    """A pandas DataFrame as a table; optional editing is handed to a callback."""

    def __init__(
        self,
        parent=None,
        *,
        headers: dict[str, str] | None = None,
        editable: set[str] | None = None,
        on_edit: Callable[[int, str, Any], bool] | None = None,
        formats: dict[str, Callable[[Any], str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._formats = formats or {}
        self._frame: Any = None
        self._columns: list[str] = []
        self._headers = headers or {}
        self._editable = editable or set()
        self._on_edit = on_edit
        self._colors: Callable[[int, str], QColor | None] | None = None

    def set_frame(
        self, frame: Any, colors: Callable[[int, str], QColor | None] | None = None
    ) -> None:
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        self._columns = (
            [c for c in frame.columns if c in self._headers]
            if self._headers
            else list(frame.columns)
        )
        self._colors = colors
        self.endResetModel()

    def frame(self) -> Any:
        return self._frame

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self._frame is None else len(self._frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            name = self._columns[section]
            return self._headers.get(name, name)
        return section + 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self._columns[index.column()] in self._editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        name = self._columns[index.column()]
        value = self._frame.iat[index.row(), self._frame.columns.get_loc(name)]
        if role == Qt.ItemDataRole.DisplayRole:
            fmt = self._formats.get(name)
            return fmt(value) if fmt is not None else _text(value)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 24:
            return value  # long sources and notes are clipped in the cell
        if role == Qt.ItemDataRole.EditRole:
            return _text(value)
        if role == Qt.ItemDataRole.UserRole:
            return value.item() if hasattr(value, "item") else value
        if role == Qt.ItemDataRole.ForegroundRole and self._colors is not None:
            return self._colors(index.row(), name)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or self._on_edit is None or not index.isValid():
            return False
        return self._on_edit(index.row(), self._columns[index.column()], value)


def _text(value: Any) -> str:
    if isinstance(value, bool) or type(value).__name__ in ("bool", "bool_"):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:g}" if abs(value) >= 1e-3 or value == 0 else f"{value:.2e}"
    return "" if value is None else str(value)
