"""Keep things together across page breaks, after Qt has laid the document out.

Qt's rich-text layout breaks pages between lines: a table row can start at the foot of one
page and end at the top of the next, and a heading, a table's caption or a chart (whose
caption follows it) can be left alone at a page's foot. CSS ``page-break-inside`` is not
supported, so we look at the laid-out document and push the first offender to the next page,
then look again: a push moves everything after it.

Each look follows a layout, so the renderer runs this on each small piece of the report
(paged.py) rather than on one long document: a push then lays out a page or two, not the
report. Positions are of lines as drawn (Qt moves a line that crosses a page's end to the
next page, while its block still starts on this one). Tables are not measured row by row: a
row can only be split where a page ends, and row tops grow down the table, so a binary
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

__all__ = ["frame_items", "keep_together", "kept_with_next"]

MAX_PASSES = 200  # a bound on the passes (one push each); our pieces need up to 2
# A row is pushed by an empty spacer block at the top of each of its cells that ends just
# above where Qt's usable page ends for the cell (the page's end less the table's margins,
# border and the cell's padding: 23 to 27 document units on our tables), so the row's first
# line no longer fits and moves to the next page. The spacer aims this far above the page's
# end: inside the window of one line (about 35) in which it both fits and pushes the line.
SPACER_SLACK = 38.0
SPACER_TRIES = 4
KEEP_LAST_ROWS = 2  # a table's last rows that go to a new page together (the last not alone)
KEEP_FIRST_ROWS = 2  # a table's first rows that start on one page (the first not alone)
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
        """Top of the block's first line and bottom of its last, as drawn: a line Qt moves
        to the next page is drawn there, while the block still starts on this page."""
        rect = self.layout.blockBoundingRect(block)
        lines = block.layout()
        if lines is None or not lines.lineCount():
            return rect.top(), rect.bottom()
        last = lines.lineAt(lines.lineCount() - 1)
        return rect.top() + lines.lineAt(0).y(), rect.top() + last.y() + last.height()

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
    """The table's first row below its header, each row that holds a page's end, and the
    first two and last two rows (neither the first nor the last is left alone on a page)."""
    head = min(table.format().headerRowCount(), table.rows() - 1)
    rows = {head}
    first = m.row_top(table, head)
    last = m.row(table, table.rows() - 1)[1]
    for n in range(math.floor(first / page) + 1, math.floor(last / page) + 1):
        rows.add(_row_at(m, table, head, n * page))
    # the last row never goes alone below a repeated header: the one before it goes with it;
    # and the first row is not left alone at a page's foot: it goes on with the second
    end = table.rows() - 1
    paired = set()
    if KEEP_LAST_ROWS > 1 and end - 1 > head:
        paired.add(end - 1)
    if KEEP_FIRST_ROWS > 1 and head + 1 <= end:
        paired.add(head)
    rows |= paired | {r + 1 for r in paired}
    out = []
    for r in sorted(rows):
        top, bottom = m.row(table, r)
        out.append(_Unit((k, r), top, bottom, row=(table, r), with_next=r in paired))
    return out


def frame_items(frame: QTextFrame) -> list[QTextBlock | QTextTable]:
    """The frame's top-level blocks and tables, in order (what keeping together and cutting
    into pieces both walk)."""
    items: list[QTextBlock | QTextTable] = []
    it = frame.begin()
    while not it.atEnd():
        child = it.currentFrame()
        if isinstance(child, QTextTable):
            items.append(child)
        elif child is None and it.currentBlock().isValid():
            items.append(it.currentBlock())
        it += 1
    return items


def _units(m: _Measure, frame: QTextFrame, page: float) -> list[_Unit]:
    """The frame's blocks and the table rows that matter, in order. Headings, table
    captions (a block just before a table) and charts (whose caption follows) stay with what
    comes next."""
    items = frame_items(frame)
    out: list[_Unit] = []
    for k, item in enumerate(items):
        if isinstance(item, QTextTable):
            out += _table_units(m, k, item, page)
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        keep = nxt is not None and kept_with_next(item, isinstance(nxt, QTextTable))
        top, bottom = m.block(item)
        out.append(_Unit((k, -1), top, bottom, block=item, with_next=keep))
    return out


def kept_with_next(block: QTextBlock, next_is_table: bool) -> bool:
    """Whether the block must stay on the page of what follows it: a heading, a chart
    (its caption follows) or a table's caption (a block with text just before a table)."""
    return (
        block.blockFormat().headingLevel() > 0
        or _OBJECT in block.text()
        or (next_is_table and bool(block.text().strip()))
    )


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
            if math.floor(nxt.top / page) != first:  # what follows starts on the next page
                return u
    return None


def _scale(doc: QTextDocument) -> float:
    """Document units per CSS pixel: Qt scales margins and fixed line heights from 96 dpi to
    the paint device's resolution."""
    device = doc.documentLayout().paintDevice()
    return device.logicalDpiY() / 96 if device is not None else 1.0


def spacer(doc: QTextDocument, height: float) -> QTextBlockFormat:
    """The format of an empty block ``height`` document units tall."""
    fmt = QTextBlockFormat()
    fmt.setTopMargin(0)
    fmt.setBottomMargin(0)
    fmt.setLineHeight(
        max(0.01, height / _scale(doc)), int(QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    )
    return fmt


def _push_block(block: QTextBlock, by: float) -> None:
    """Move the block down by ``by`` document units. Qt collapses a block's top margin with
    the bottom margin of the block before it (the larger one is the gap), so the new top
    margin is the old gap plus ``by``."""
    fmt = block.blockFormat()
    gap = fmt.topMargin()
    prev = block.previous()
    if prev.isValid() and _frame_of(prev) == _frame_of(block):
        gap = max(gap, prev.blockFormat().bottomMargin())
    fmt.setTopMargin(gap + by / _scale(block.document()))
    QTextCursor(block).setBlockFormat(fmt)


def _frame_of(block: QTextBlock) -> int:
    frame = QTextCursor(block).currentFrame()
    return frame.firstPosition() if frame is not None else -1


def _push_row(m: _Measure, table: QTextTable, r: int, target: float) -> None:
    """An empty block of fixed height at the top of each of the row's cells fills the rest of
    the page, so the row's first line crosses the page's foot and Qt moves it, and the rest
    of the row, to the next page below the repeated header. (Padding would do it too, but Qt
    keeps the padding on the new page: a gap below the header.) The spacer must itself fit,
    or Qt moves the whole row with the spacer at its top: again a gap. So it is checked, and
    made shorter or taller until it fits and pushes (almost always at the first try)."""
    top = m.at(table.cellAt(r, 0).firstPosition())[0]
    height = target - top - SPACER_SLACK
    cur = QTextCursor(m.doc)
    for attempt in range(SPACER_TRIES):
        cur.beginEditBlock()  # one layout for all the cells
        for c in range(table.columns()):
            cur.setPosition(table.cellAt(r, c).firstPosition())
            if attempt == 0:
                cur.insertBlock(cur.blockFormat())
                cur.setPosition(table.cellAt(r, c).firstPosition())
            cur.setBlockFormat(spacer(m.doc, height))
        cur.endEditBlock()
        first = m.doc.findBlock(table.cellAt(r, 0).firstPosition())
        if m.block(first)[0] >= target:
            height -= SPACER_SLACK / 2  # the spacer itself went to the next page
        elif m.block(first.next())[0] < target:
            height += SPACER_SLACK / 3  # the row's first line still fits on this page
        else:
            return


def _goes_first(u: _Unit, units: list[_Unit]) -> _Unit | None:
    """What must move with a table row that is to be pushed, instead of it: for the table's
    first rows its caption (or whatever precedes the table), so the table starts on the next
    page; for its last row the row before it, so the last row is not alone."""
    if u.row is None:
        return None
    table, r = u.row
    head = table.format().headerRowCount()
    if r < head + KEEP_FIRST_ROWS:
        return next((x for x in units if x.key == (u.key[0] - 1, -1)), None)
    if KEEP_LAST_ROWS > 1 and r == table.rows() - 1 and r - 1 > head:
        return next((x for x in units if x.key == (u.key[0], r - 1)), None)
    return None


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
        instead = _goes_first(u, units)
        if instead is not None and instead.key in done:
            done.add(u.key)  # what it would take along went once already: leave it
            continue
        u = instead or u
        done.add(u.key)
        target = (math.floor(u.top / page) + 1) * page
        if u.block is not None:
            _push_block(u.block, target - u.top + 1)
        elif u.row is not None:
            _push_row(m, *u.row, target)
    return len(done)
