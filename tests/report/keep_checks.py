"""What a laid-out report must not do, checked on the lines as drawn: split a table row
across pages, leave a heading, caption or chart at a page's foot without what follows it,
leave a gap below a table's repeated header, or leave a page holding one line.

Positions are in the run's units (page i spans i * H to (i + 1) * H), from the pieces of
advisor.report.paged.Pages. A line Qt moves to the next page is drawn there while its
block still starts on the page before, so lines are measured, not blocks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextTable

from advisor.report.keep import frame_items, kept_with_next
from advisor.report.paged import Pages

OBJECT = "\ufffc"
NEAR_EMPTY = 0.06  # of a page: about three lines of body text


@dataclass
class Lines:
    """Drawn lines of text (top, bottom), in the run's units."""

    spans: list[tuple[float, float]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(t for t, _ in self.spans)

    @property
    def bottom(self) -> float:
        return max(b for _, b in self.spans)


def _block_lines(doc: QTextDocument, block: QTextBlock, shift: float) -> list[tuple[float, float]]:
    if not (block.text().strip() or OBJECT in block.text()):
        return []  # empty blocks (spacers, the block after a table) draw nothing
    top = doc.documentLayout().blockBoundingRect(block).top() + shift
    layout = block.layout()
    return [
        (top + layout.lineAt(i).y(), top + layout.lineAt(i).y() + layout.lineAt(i).height())
        for i in range(layout.lineCount())
    ]


def _range_lines(doc: QTextDocument, first: int, last: int, shift: float) -> Lines:
    out = Lines()
    block = doc.findBlock(first)
    while block.isValid() and block.position() <= last:
        out.spans += _block_lines(doc, block, shift)
        block = block.next()
    return out


def _row(doc: QTextDocument, table: QTextTable, r: int, shift: float) -> Lines:
    out = Lines()
    for c in range(table.columns()):
        cell = table.cellAt(r, c)
        out.spans += _range_lines(doc, cell.firstPosition(), cell.lastPosition(), shift).spans
    return out


def _page(y: float, height: float) -> int:
    return math.floor(y / height)


def _items(doc: QTextDocument) -> list[QTextBlock | QTextTable]:
    return frame_items(doc.rootFrame().childFrames()[0])


def _table_problems(doc: QTextDocument, table: QTextTable, shift: float, h: float) -> list[str]:
    out = []
    head = min(table.format().headerRowCount(), table.rows() - 1)
    rows = [_row(doc, table, r, shift) for r in range(head, table.rows())]
    rows = [r for r in rows if r.spans]
    if not rows:
        return out
    # How far below the header's text the rows' text starts (the header's height)
    header = rows[0].top - _row(doc, table, 0, shift).top if head else 0.0
    if len(rows) > 2 and _page(rows[-1].top, h) > _page(rows[-2].bottom - 1, h):
        out.append(f"the last row alone on page {_page(rows[-1].top, h) + 1}")
    if len(rows) > 1 and _page(rows[1].top, h) > _page(rows[0].bottom - 1, h):
        out.append(f"the first row alone at the foot of page {_page(rows[0].top, h) + 1}")
    for k, row in enumerate(rows):
        if row.bottom - row.top < 0.9 * h and _page(row.top, h) != _page(row.bottom - 1, h):
            out.append(f"row split across pages {_page(row.top, h) + 1}-{_page(row.bottom, h) + 1}")
        if k and _page(row.top, h) > _page(rows[k - 1].bottom - 1, h):
            start = row.top - _page(row.top, h) * h
            if start > header + 60:
                out.append(
                    f"gap of {start - header:.0f} below the header, page {_page(row.top, h) + 1}"
                )
    return out


def _first_lines(doc: QTextDocument, item: QTextBlock | QTextTable, shift: float) -> Lines:
    if isinstance(item, QTextTable):
        head = min(item.format().headerRowCount(), item.rows() - 1)
        return _row(doc, item, head, shift)
    return Lines(_block_lines(doc, item, shift))


def problems(pages: Pages) -> list[str]:
    """Every offence in the laid-out report, in words (empty when the layout is right)."""
    h = pages.height
    out: list[str] = []
    per_page: dict[int, float] = {}  # the height of the lines drawn on each page
    for first, doc in zip(pages._first, pages.docs, strict=True):
        shift = first * h
        items = _items(doc)
        for k, item in enumerate(items):
            if isinstance(item, QTextTable):
                out += _table_problems(doc, item, shift, h)
                continue
            lines = Lines(_block_lines(doc, item, shift))
            for top, bottom in lines.spans:
                per_page[_page(top, h)] = per_page.get(_page(top, h), 0) + bottom - top
            nxt = items[k + 1] if k + 1 < len(items) else None
            if (
                lines.spans
                and nxt is not None
                and kept_with_next(item, isinstance(nxt, QTextTable))
            ):
                after = _first_lines(doc, nxt, shift)
                if after.spans and _page(after.top, h) != _page(lines.bottom - 1, h):
                    text = item.text().strip()[:40] or "chart"
                    out.append(f"{text!r} stranded at the foot of page {_page(lines.top, h) + 1}")
        block = doc.begin()
        while block.isValid():  # lines in tables count towards their page too
            if _in_table(block):
                for top, bottom in _block_lines(doc, block, shift):
                    per_page[_page(top, h)] = per_page.get(_page(top, h), 0) + bottom - top
            block = block.next()
    opened = {first for first, doc in zip(pages._first, pages.docs, strict=True) if _opens(doc)}
    for page in range(pages.pageCount()):
        if page not in opened and per_page.get(page, 0) < NEAR_EMPTY * h:
            out.append(f"page {page + 1} is near empty ({per_page.get(page, 0):.0f} units of text)")
    return out


def _opens(doc: QTextDocument) -> bool:
    """Whether the piece starts a page (a section that opens a page may be short)."""
    first = _items(doc)[0]
    return not isinstance(first, QTextTable) and first.blockFormat().headingLevel() > 0


def _in_table(block: QTextBlock) -> bool:
    return QTextCursor(block).currentTable() is not None
