"""Keep things together across page breaks, after Qt has laid the document out.

Qt's rich-text layout breaks pages between lines, so a heading, a table's caption or a chart
(whose caption follows it) can be left alone at a page's foot, and a paragraph can be split.
CSS ``page-break-inside`` is not supported, so we look at the laid-out document and push each
offender to the next page with a larger top margin, first offender first: pushing one moves
everything after it, and Qt lays out again from that point only.

Table rows are not handled here: Qt lays a row out line by line and drops it to the next
page only when none of its cells starts on this one, so padding a row leaves a gap below the
repeated header (tried; see the report's known limits).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtGui import (
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

__all__ = ["keep_together"]

MAX_PASSES = 200  # a bound on the passes; real reports need a handful
_OBJECT = "\ufffc"  # the character a chart is drawn in


@dataclass(frozen=True, slots=True)
class _Unit:
    """Something that must not be split, or must stay on the page of what follows it."""

    top: float
    bottom: float
    block: QTextBlock | None = None  # a block, pushed with its top margin (None: a table)
    with_next: bool = False


def _block_unit(doc: QTextDocument, block: QTextBlock, with_next: bool) -> _Unit:
    rect = doc.documentLayout().blockBoundingRect(block)
    return _Unit(rect.top(), rect.bottom(), block=block, with_next=with_next)


def _units(doc: QTextDocument, frame: QTextFrame) -> list[_Unit]:
    """The frame's blocks and table rows in order. Headings, table captions (a block just
    before a table) and charts (whose caption follows) stay with what comes next."""
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
            rect = doc.documentLayout().frameBoundingRect(item)
            out.append(_Unit(rect.top(), rect.top() + 1))  # where the table starts
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        keep = (
            item.blockFormat().headingLevel() > 0
            or _OBJECT in item.text()
            or (isinstance(nxt, QTextTable) and bool(item.text().strip()))
        )
        out.append(_block_unit(doc, item, keep and nxt is not None))
    return out


def _offender(units: list[_Unit], page: float) -> tuple[_Unit, float] | None:
    """The first unit to push and the page top to push it to."""
    for k, u in enumerate(units):
        if u.block is None:
            continue  # tables: Qt breaks them between lines, and repeats their header
        first = math.floor(u.top / page)
        if u.bottom - u.top >= page * 0.9:
            continue  # taller than a page: it has to break somewhere
        if math.floor((u.bottom - 1) / page) != first:
            return u, (first + 1) * page
        if u.with_next and k + 1 < len(units):
            nxt = units[k + 1]
            if math.floor(nxt.top / page) != first and nxt.bottom - u.top < page * 0.9:
                return u, (first + 1) * page
    return None


def _push(u: _Unit, by: float) -> None:
    assert u.block is not None
    fmt = u.block.blockFormat()
    fmt.setTopMargin(fmt.topMargin() + by)
    QTextCursor(u.block).setBlockFormat(fmt)


def keep_together(doc: QTextDocument, frame: QTextFrame, page: float) -> int:
    """Push rows, headings and captions that a page break would split or strand onto the
    next page; returns how many were pushed. ``page``: the page height in document units."""
    done: set[int] = set()
    for _ in range(MAX_PASSES):
        found = _offender(_units(doc, frame), page)
        if found is None:
            break
        unit, target = found
        assert unit.block is not None
        if unit.block.position() in done:
            break  # pushed once already and still stranded: leave it rather than loop
        done.add(unit.block.position())
        _push(unit, target - unit.top + 1)
    return len(done)
