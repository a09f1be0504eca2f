"""The report as a chain of small documents, laid out one after another on shared pages.

Why: with a page size set, Qt lays out every child frame (each table, and the frame our
content sits in) again on every change, so each of keep.py's pushes in one 25-page document
cost a layout of all 25 pages. Here the report is cut into pieces - at each section that
starts a new page, and before each table's caption - and each piece is its own
QTextDocument. A piece is laid out and its pushes made before the next piece is placed, so a
push lays out only its own piece, and no piece is laid out again once it is final.

A piece that continues the page of the one before starts with an empty spacer block as tall
as the part of that page already used; painting draws each piece's pages at their place in
the run, so several pieces can share a page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextTable,
)

from .keep import frame_items, kept_with_next, spacer

__all__ = ["Pages", "Piece", "pieces"]

_BREAK = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of the report: ``new_page`` when it starts a page, else it continues the last."""

    fragment: QTextDocumentFragment
    new_page: bool
    # The first block's format: the fragment's first block merges into the block it is
    # inserted in, and takes that block's format (no margins, no heading level).
    first: QTextBlockFormat


def _cuts(parsed: QTextDocument) -> list[tuple[int, bool]]:
    """(position, new_page) of each top-level block a piece starts at: each block that
    starts a page, and each table caption whose block before can leave it."""
    items = frame_items(parsed.rootFrame())
    cuts = [(0, True)]
    for k in range(1, len(items) - 1):
        item, before, after = items[k], items[k - 1], items[k + 1]
        if isinstance(item, QTextTable) or item.position() == 0:
            continue
        if item.blockFormat().pageBreakPolicy() & _BREAK:
            cuts.append((item.position(), True))
        elif _free_caption(before, item, after):
            cuts.append((item.position(), False))
    return cuts


def _free_caption(
    before: QTextBlock | QTextTable, item: QTextBlock, after: QTextBlock | QTextTable
) -> bool:
    """A table's caption that the block before it need not stay with: a piece can start
    there, and the table is the bulk of the piece (tables are the slow part to lay out)."""
    is_caption = isinstance(after, QTextTable) and bool(item.text().strip())
    free = isinstance(before, QTextTable) or not kept_with_next(before, False)
    return is_caption and free


def pieces(parsed: QTextDocument) -> Iterator[Piece]:
    """The parsed report cut into pieces (see the module's docstring), in order."""
    cuts = _cuts(parsed)
    ends = [pos - 1 for pos, _ in cuts[1:]] + [parsed.characterCount() - 1]
    cur = QTextCursor(parsed)
    for (start, new_page), end in zip(cuts, ends, strict=True):
        cur.setPosition(start)
        cur.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        yield Piece(cur.selection(), new_page, parsed.findBlock(start).blockFormat())


def piece_document(
    piece: Piece, setup: Callable[[QTextDocument], None], used: float
) -> tuple[QTextDocument, QTextFrame]:
    """One piece in a new document (``setup`` gives it the page size, fonts and handlers),
    inside one frame below the root, below a spacer ``used`` tall (the part of its first
    page that pieces before it fill). A page break it starts with is dropped: the document
    starts a page anyway. Returns the document and the frame.

    Why the frame: when the root frame paints a page, Qt skips to the page through layout
    checkpoints, and those can be off after a pushed block, so blocks at the page's top or
    bottom go missing. Blocks in a child frame are found by position instead."""
    doc = QTextDocument()
    setup(doc)
    fmt = QTextFrameFormat()
    fmt.setMargin(0)
    fmt.setPadding(0)
    fmt.setBorder(0)
    cur = QTextCursor(doc)
    cur.beginEditBlock()  # one layout for the whole piece
    try:
        frame = cur.insertFrame(fmt)
        cur.insertFragment(piece.fragment)
        block = QTextBlockFormat(piece.first)
        block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
        first = QTextCursor(frame.firstCursorPosition())
        first.setBlockFormat(block)
        if used > 0:
            first.insertBlock(block)
            first.setPosition(frame.firstPosition())
            first.setBlockFormat(spacer(doc, used))
        # Qt keeps an empty block before the frame: flat, so a piece starts at the page's top
        QTextCursor(doc.begin()).setBlockFormat(spacer(doc, 0))
    finally:
        cur.endEditBlock()
    return doc, frame


class Pages:
    """Pieces laid out in a run of pages of ``height`` document units."""

    def __init__(self, height: float) -> None:
        self.height = height
        self.docs: list[QTextDocument] = []
        self._first: list[int] = []  # the page of the run each document's page 0 is
        self._end = 0.0  # where the last piece ends, in the run's units
        self._top = 0.0  # where a piece's frame starts in its document (the root's margin)

    def place(self, new_page: bool) -> tuple[int, float]:
        """(page, used) for the next piece: the run's page its page 0 is, and how much of
        that page the pieces before it fill."""
        if not self.docs:
            return 0, 0.0
        page = math.floor(self._end / self.height)
        used = self._end - page * self.height - self._top
        if new_page:
            return page + 1, 0.0
        return page, max(0.0, used)

    def add(self, doc: QTextDocument, frame: QTextFrame, page: int) -> None:
        """Append a laid-out piece whose page 0 is the run's ``page``."""
        self.docs.append(doc)
        self._first.append(page)
        rect = doc.documentLayout().frameBoundingRect(frame)
        self._end = page * self.height + rect.bottom()
        self._top = rect.top()

    def pageCount(self) -> int:  # noqa: N802 - QTextDocument's name: the painter takes either
        """Pages in the run."""
        if not self.docs:
            return 0
        # Where the last piece's content ends, not its document's page count: the document's
        # own bottom margin can spill onto a page that would stay empty.
        return max(1, math.floor((self._end - 1) / self.height) + 1)

    def drawContents(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """Paint the page whose area ``rect`` is, in the run's coordinates (page i spans
        i * height to (i + 1) * height), as QTextDocument.drawContents does."""
        page = round(rect.top() / self.height)
        for first, doc in zip(self._first, self.docs, strict=True):
            if first <= page < first + doc.pageCount():
                shift = first * self.height
                painter.save()
                painter.translate(0, shift)  # the document's page 0 lands on the run's `first`
                doc.drawContents(painter, rect.translated(0, -shift))
                painter.restore()
