"""Thin Qt item models over core results and data frames. No rules, no dialogs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.actions import action_phrase
from ...core.result import ChannelResult, Recommendation
from .formatting import cadence_text, sentence

__all__ = ["SEGMENTS_ROLE", "ChannelRow", "ChannelTableModel", "FrameModel", "channel_rows"]

SEGMENTS_ROLE = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_MIX_BRUSH = QBrush(QColor("#eaf2fb"))
_OUT_BRUSH = QBrush(QColor("#f4f4f4"))
_HEADING_BRUSH = QBrush(QColor("#dde6f0"))


@dataclass(frozen=True, slots=True)
class ChannelRow:
    """A table row: a channel the engine considered, one the scenario forced out, or the
    heading of a group (``heading`` set, ``name`` its tooltip, no channel)."""

    id: str
    name: str
    result: ChannelResult | None
    forced: str | None
    heading: str = ""


def channel_rows(rec: Recommendation | None, forced_out: list[tuple[str, str]]) -> list[ChannelRow]:
    """The mix first (by fit rank) under its heading, then the channels left out."""
    if rec is None:
        return [ChannelRow(cid, name, None, "out") for cid, name in forced_out]
    mix = [ChannelRow(c.id, c.name, c, c.forced) for c in rec.channels if c.in_mix]
    out = [ChannelRow(c.id, c.name, c, c.forced) for c in rec.channels if not c.in_mix]
    out += [ChannelRow(cid, name, None, "out") for cid, name in forced_out]
    rows = []
    if mix:
        rows.append(
            _heading(
                f"Run these {len(mix)}" if len(mix) > 1 else "Run this one",
                "The recommended mix, by fit rank, with each channel's cadence and hours",
            )
        )
    rows += mix
    if out and not mix:
        rows.append(
            _heading(
                f"No channel in the mix ({len(out)} considered)",
                "No channel fits this scenario yet: the headline says what to change",
            )
        )
    elif out:
        rows.append(
            _heading(
                f"Left out ({len(out)}): the mix weighs all goals together, so a good fit can "
                "be left out",
                "The mix is chosen for all your goals together within the team's hours, the "
                "budget and the channel limit. 'Why' says what including each would change.",
            )
        )
    return rows + out


def _heading(text: str, tip: str) -> ChannelRow:
    return ChannelRow("", tip, None, None, heading=text)


class ChannelTableModel(QAbstractTableModel):
    """The mix, then the channels left out, each with its fit, cadence, hours and why."""

    HEADERS = ("Rank", "Channel", "Fit", "Cadence", "Hours/wk", "Action", "Why")
    FIT_COLUMN = 2
    CADENCE_COLUMN = 3
    HOURS_COLUMN = 4
    ACTION_COLUMN = 5
    WHY_COLUMN = 6

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ChannelRow] = []
        self._why: dict[str, str] = {}

    def set_rows(self, rows: list[ChannelRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._why = {}
        self.endResetModel()

    def set_why(self, cid: str, text: str) -> None:
        """What including a channel left out would change (filled in once it is solved)."""
        self._why[cid] = text
        row = self.row_of(cid)
        if row >= 0:
            index = self.index(row, self.WHY_COLUMN)
            self.dataChanged.emit(index, index)

    def heading_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.heading]

    def row_id(self, row: int) -> str:
        """The channel id of a row ('' for a group heading)."""
        return self._rows[row].id

    def row_of(self, cid: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == cid and cid), -1)

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

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if index.isValid() and self._rows[index.row()].heading:
            return Qt.ItemFlag.ItemIsEnabled  # a heading cannot be selected
        return super().flags(index)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if row.heading:
            return _heading_data(row, index.column(), role)
        c = row.result
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == SEGMENTS_ROLE and c is not None:
            return [(x.factor, x.points) for x in c.contributions if x.weight is not None]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return _MIX_BRUSH if c and c.in_mix else _OUT_BRUSH
        if role == Qt.ItemDataRole.FontRole and c and c.in_mix:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 2, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ChannelRow, col: int) -> str:
        c = row.result
        if col == 1:
            forced = {"in": " (forced in)", "out": " (forced out)"}.get(row.forced or "", "")
            return row.name + forced
        if c is None:
            return {0: "—", 2: "—", 4: "—", 6: "Forced out by this scenario"}.get(col, "")
        if col == self.WHY_COLUMN:
            return self._why.get(c.id) or _reason(c)
        return {
            0: str(c.rank),
            2: f"{c.fit:.2f}",
            3: cadence_text(c),
            4: f"{c.total_hours:.1f}",
            5: c.action.label if c.action else "",
        }[col]

    def _tooltip(self, row: ChannelRow, col: int) -> str:
        c = row.result
        if c is None:
            return "Forced out by this scenario"
        if col == self.CADENCE_COLUMN and c.in_mix:
            return sentence(c.why)
        if col == self.ACTION_COLUMN:
            return action_phrase(c)
        if col == self.WHY_COLUMN and c.id in self._why:
            return f"{sentence(c.excluded_because)}.\nIf included: {self._why[c.id]}"
        return sentence("; ".join(c.reasons) if c.in_mix else c.excluded_because)


def _reason(c: ChannelResult) -> str:
    return sentence(c.reasons[0] if c.in_mix and c.reasons else c.excluded_because)


def _heading_data(row: ChannelRow, col: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole and col == 0:
        return row.heading
    if role == Qt.ItemDataRole.SizeHintRole:
        return QSize(20, 26)  # the heading spans the row: it must not widen the first column
    if role == Qt.ItemDataRole.BackgroundRole:
        return _HEADING_BRUSH
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        return row.name  # a heading's row holds its explanation
    return None


_HEADER_TIPS = {
    0: "Rank by fit alone. The mix is chosen for all the goals together within the team's "
    "hours, the budget and the channel limit, so a well-fitting channel can be left out.",
    1: "The channel; '(forced in)' or '(forced out)' when this scenario forces it",
    ChannelTableModel.FIT_COLUMN: (
        "Fit 0..1. The bar adds up its parts: goals (dark blue), audience (green), "
        "voice (orange), effort (purple). Click a channel for the details."
    ),
    ChannelTableModel.CADENCE_COLUMN: (
        "Posts at the cadence level the advisor chose (minimum, typical or high); "
        "empty for a channel left out of the mix."
    ),
    ChannelTableModel.HOURS_COLUMN: "Staff hours a week to run the channel: at its planned "
    "cadence when in the mix, at its typical cadence when left out.",
    ChannelTableModel.ACTION_COLUMN: (
        "What to do against today's channels (the profile's presence): keep, grow, cut back, "
        "start, wind down or stay out."
    ),
    ChannelTableModel.WHY_COLUMN: "In the mix: why. Left out: what including it would "
    "change - the best mix with it, its goal coverage and cost against the recommendation.",
}


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
        header_tips: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._formats = formats or {}
        self._header_tips = header_tips or {}
        self._tips: Callable[[int, str], str | None] | None = None
        self._frame: Any = None
        self._columns: list[str] = []
        self._headers = headers or {}
        self._editable = editable or set()
        self._on_edit = on_edit
        self._colors: Callable[[int, str], QColor | None] | None = None

    def set_frame(
        self,
        frame: Any,
        colors: Callable[[int, str], QColor | None] | None = None,
        tips: Callable[[int, str], str | None] | None = None,
    ) -> None:
        """Show a frame; ``colors`` and ``tips`` give a cell's text colour and tooltip."""
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        self._columns = (
            [c for c in self._headers if c in frame.columns]  # in the order of the headers
            if self._headers
            else list(frame.columns)
        )
        self._colors = colors
        self._tips = tips
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
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self._header_tips.get(self._columns[section])
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
        if role == Qt.ItemDataRole.ToolTipRole and self._tips is not None:
            tip = self._tips(index.row(), name)
            if tip is not None:
                return tip
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
