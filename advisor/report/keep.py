"""Keep things together across page breaks, after Qt has laid the document out.

Qt's rich-text layout breaks pages between lines: a table row can start at the foot of one
page and end at the top of the next, and a heading, a table's caption or a chart (whose
caption follows it) can be left alone at a page's foot. CSS ``page-break-inside`` is not
supported, so we look at the laid-out document and push the first offender to the next page,
then look again: a push moves everything after it.

Measuring is the cost (each call crosses into Qt), so tables are not measured row by row:
a row can only be split where a page ends, and row tops grow down the table, so a binary
search finds the one row at each page end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

__all__ = ["keep_together"]

MAX_PASSES = 200  # a bound on the passes (one push each); our reports need up to about 20
# The spacer stops this far (document units, 300 dpi) above the page's end: Qt's usable page
# ends above it by the table's margin, padding and border (between 48 and 72 measured on our
# tables), and a spacer that does not fit moves to the next page itself; less than that
# plus a line (about 31), so the row's first line still crosses the end.
SPACER_SLACK = 64.0
SPACER_STEP = 8.0
_OBJECT = "\ufffc"  # the character a chart is drawn in


@dataclass(frozen=True, slots=True)
class _Unit:
    """Something that must not be split, or must stay on the page of what follows it.
    key: stable across passes (the item's place in the frame, and the row)."""

    key: tuple[int, int]
    top: float
    bottom: float
    block: QTextBlock | None = None  # a block: pushed with its top margin
    row: tuple[QTextTable, int] | None = None  # a table row: pushed with spacers
    with_next: bool = False


class _Measure:
    """Positions in the laid-out document (document units)."""

    def __init__(self, doc: QTextDocument) -> None:
        self.doc = doc
        self.layout = doc.documentLayout()

    def block(self, block: QTextBlock) -> tuple[float, float]:
        rect = self.layout.blockBoundingRect(block)
        return rect.top(), rect.bottom()

    def at(self, pos: int) -> tuple[float, float]:
        return self.block(self.doc.findBlock(pos))

    def row_top(self, table: QTextTable, r: int) -> float:
        return self.at(table.cellAt(r, 0).firstPosition())[0]

    def row(self, table: QTextTable, r: int) -> tuple[float, float]:
        cells = [table.cellAt(r, c) for c in range(table.columns())]
        top = min(self.at(c.firstPosition())[0] for c in cells)
        return top, max(self.at(c.lastPosition())[1] for c in cells)


def _row_at(m: _Measure, table: QTextTable, lo: int, y: float) -> int:
    """The last row from ``lo`` whose top is above y (binary search: tops grow down)."""
    hi = table.rows() - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if m.row_top(table, mid) < y:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _table_units(m: _Measure, k: int, table: QTextTable, page: float) -> list[_Unit]:
    """The table's first row below its header, and each row that holds a page's end."""
    head = min(table.format().headerRowCount(), table.rows() - 1)
    rows = {head}
    first = m.row_top(table, head)
    last = m.row(table, table.rows() - 1)[1]
    for n in range(math.floor(first / page) + 1, math.floor(last / page) + 1):
        rows.add(_row_at(m, table, head, n * page))
    out = []
    for r in sorted(rows):
        top, bottom = m.row(table, r)
        out.append(_Unit((k, r), top, bottom, row=(table, r)))
    return out


def _units(m: _Measure, frame: QTextFrame, page: float) -> list[_Unit]:
    """The frame's blocks and the table rows that matter, in order. Headings, table
    captions (a block just before a table) and charts (whose caption follows) stay with what
    comes next."""
    items: list[QTextBlock | QTextTable] = []
    it = frame.begin()
    while not it.atEnd():
        child = it.currentFrame()
        if isinstance(child, QTextTable):
            items.append(child)
        elif child is None and it.currentBlock().isValid():
            items.append(it.currentBlock())
        it += 1
    out: list[_Unit] = []
    for k, item in enumerate(items):
        if isinstance(item, QTextTable):
            out += _table_units(m, k, item, page)
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        keep = nxt is not None and (
            item.blockFormat().headingLevel() > 0
            or _OBJECT in item.text()
            or (isinstance(nxt, QTextTable) and bool(item.text().strip()))
        )
        top, bottom = m.block(item)
        out.append(_Unit((k, -1), top, bottom, block=item, with_next=keep))
    return out


def _offender(units: list[_Unit], page: float, done: set[tuple[int, int]]) -> _Unit | None:
    """The first unit not pushed yet that a page end splits or strands."""
    for k, u in enumerate(units):
        if u.key in done or u.bottom - u.top >= page * 0.9:
            continue  # pushed already, or taller than a page: it has to break somewhere
        first = math.floor(u.top / page)
        if math.floor((u.bottom - 1) / page) != first:
            return u
        if u.with_next and k + 1 < len(units):
            nxt = units[k + 1]
            if math.floor(nxt.top / page) != first and nxt.bottom - u.top < page * 0.9:
                return u
    return None


def _push_block(block: QTextBlock, by: float) -> None:
    fmt = block.blockFormat()
    fmt.setTopMargin(fmt.topMargin() + by)
    QTextCursor(block).setBlockFormat(fmt)


def _push_row(m: _Measure, table: QTextTable, r: int, target: float) -> None:
    """An empty block of fixed height at the top of each of the row's cells fills the rest of
    the page, so the row's first line crosses the page's foot and Qt moves it, and the rest
    of the row, to the next page below the repeated header. (Padding would do it too, but Qt
    keeps the padding on the new page: a gap below the header.)"""
    first = table.cellAt(r, 0).firstPosition()
    height = target - m.at(first)[0] - SPACER_SLACK
    cur = QTextCursor(m.doc)
    cur.beginEditBlock()  # one layout for all the cells, not one per edit
    for c in range(table.columns()):
        cur.setPosition(table.cellAt(r, c).firstPosition())
        cur.insertBlock(cur.blockFormat())
    cur.endEditBlock()
    spacers = [table.cellAt(r, c).firstPosition() for c in range(table.columns())]
    for _ in range(6):  # shrink until the spacer stays on this page
        _set_height(m.doc, spacers, height)
        if m.at(first)[1] < target - 1 or height <= 1:
            return
        height = max(1.0, height - SPACER_STEP)


def _set_height(doc: QTextDocument, spacers: list[int], height: float) -> None:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(0)
    fmt.setBottomMargin(0)
    fmt.setLineHeight(max(1.0, height), int(QTextBlockFormat.LineHeightTypes.FixedHeight.value))
    cur = QTextCursor(doc)
    cur.beginEditBlock()
    for pos in spacers:
        cur.setPosition(pos)
        cur.setBlockFormat(fmt)
    cur.endEditBlock()


def keep_together(doc: QTextDocument, frame: QTextFrame, page: float) -> int:
    """Push table rows a page end would split, and headings and captions it would strand,
    onto the next page; returns how many were pushed. ``page``: the page height in document
    units. A table's first row is not pushed alone: its caption goes, and the table with it."""
    m = _Measure(doc)
    done: set[tuple[int, int]] = set()  # pushed once: if still offending, leave it
    for _ in range(MAX_PASSES):
        units = _units(m, frame, page)
        u = _offender(units, page, done)
        if u is None:
            break
        if u.row is not None and u.row[1] == u.row[0].format().headerRowCount():
            before = [x for x in units if x.key == (u.key[0] - 1, -1)]
            if before:
                u = before[0]  # the caption (or whatever precedes the table) goes first
        done.add(u.key)
        target = (math.floor(u.top / page) + 1) * page
        if u.block is not None:
            _push_block(u.block, target - u.top + 1)
        elif u.row is not None:
            _push_row(m, *u.row, target)
    return len(done)
