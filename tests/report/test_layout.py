"""Page layout: no table row split across pages, no heading or caption stranded at a page's
foot, and no gap left below a table's repeated header where a row was moved."""

from __future__ import annotations

import math
from unittest.mock import patch

import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPdfWriter

from advisor.report.keep import keep_together
from advisor.report.markup import CSS, _table
from advisor.report.model import Table
from advisor.report.render import DPI, _ChartObject, _document

PAGE = 3000.0  # a page's body in document units (300 dpi), as in the report


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


@pytest.fixture
def writer(tmp_path):
    w = QPdfWriter(str(tmp_path / "x.pdf"))
    w.setResolution(DPI)
    return w


def _doc(html: str, writer):
    """The HTML laid out the way the report lays it out (keep_together already run)."""
    charts = _ChartObject([], [], 2000.0)
    with patch("advisor.report.render.keep_together", lambda *a: 0):
        pages = _document(html, writer, QSizeF(2000, PAGE), charts, 0)
    assert len(pages.docs) == 1, "a table or text without a page break is one piece"
    doc = pages.docs[0]
    return doc, doc.rootFrame().childFrames()[0]


def _table_html(rows: int) -> str:
    long = "a note long enough to wrap over several lines in its narrow column " * 8
    t = Table(
        ("Figure", "Value", "Note"),
        tuple((f"Figure {i}", str(i), long) for i in range(rows)),
        widths=(30, 20, 50),
        caption="Figures",
        small=True,
    )
    return f"<html><head><style>{CSS}</style></head><body>{_table(t)}</body></html>"


def _rows(doc, frame):
    """Each body row's (top, bottom): its first and last line of text as drawn (a line Qt
    moves to the next page is drawn there, while its block still starts on this page)."""
    table = frame.childFrames()[0]
    layout = doc.documentLayout()
    out = []
    for r in range(1, table.rows()):
        lines = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            b = doc.findBlock(cell.firstPosition())
            while b.isValid() and b.position() <= cell.lastPosition():
                top = layout.blockBoundingRect(b).top()
                if b.text().strip():
                    for i in range(b.layout().lineCount()):
                        line = b.layout().lineAt(i)
                        lines.append((top + line.y(), top + line.y() + line.height()))
                b = b.next()
        out.append((min(t for t, _ in lines), max(e for _, e in lines)))
    return out


def _split(rows) -> list[int]:
    return [
        i for i, (t, b) in enumerate(rows) if math.floor(t / PAGE) != math.floor((b - 1) / PAGE)
    ]


def test_rows_are_moved_whole_below_the_repeated_header(writer):
    doc, frame = _doc(_table_html(60), writer)
    assert _split(_rows(doc, frame)), "the test table must have rows that Qt splits"
    assert keep_together(doc, frame, PAGE) > 0
    rows = _rows(doc, frame)
    assert _split(rows) == []
    # A moved row starts right below the header on its new page: no gap.
    header = rows[0][0] - doc.documentLayout().frameBoundingRect(frame.childFrames()[0]).top()
    tops = [t - math.floor(t / PAGE) * PAGE for t, _ in rows]
    first_on_page = [
        top
        for i, top in enumerate(tops)
        if i and math.floor(rows[i][0] / PAGE) > math.floor(rows[i - 1][0] / PAGE)
    ]
    assert first_on_page and all(top < header + 60 for top in first_on_page)


def test_a_heading_is_not_left_at_the_foot_of_a_page(writer):
    filler = "<p>" + "words " * 60 + "</p>"
    layout_pages = []
    for extra in range(0, 200, 5):  # grow the text above until the heading is stranded
        body = filler * 12 + "<p>" + "more " * extra + "</p><h2>Heading</h2>" + filler
        doc, frame = _doc(
            f"<html><head><style>{CSS}</style></head><body>{body}</body></html>", writer
        )
        heading = doc.find("Heading").block()
        layout = doc.documentLayout()

        def pages(heading=heading, layout=layout):
            """The pages of the heading's line and of the next block's first line, as
            drawn (Qt moves a line that crosses the page's end, not its block)."""
            return tuple(
                math.floor((layout.blockBoundingRect(b).top() + b.layout().lineAt(0).y()) / PAGE)
                for b in (heading, heading.next())
            )

        first, nxt = pages()
        layout_pages.append((first, nxt))
        if first != nxt:
            assert keep_together(doc, frame, PAGE) == 1
            first, nxt = pages()
            assert first == nxt
            return
    pytest.fail(f"no filler size stranded the heading: {layout_pages}")
