"""The report laid out in pieces (paged.py) keeps every promise of one long document: no
split rows, nothing stranded, no gap below a repeated header, no near-empty page; and the
pages are painted with each piece in its place (sections on new pages, continuations below
what came before, every text once)."""

from __future__ import annotations

from unittest.mock import patch

import pytest
from keep_checks import problems
from pdfminer.high_level import extract_text
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainter, QPdfWriter

from advisor.report.markup import to_html
from advisor.report.model import Chart, Cover, Paragraph, Report, Section, Table
from advisor.report.paged import Pages
from advisor.report.render import DPI, _ChartObject, _document

PAGE = QSizeF(2000, 3000)  # a page's body in document units (300 dpi), about as in the report
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">'
    b'<rect width="100" height="50" fill="#2f5d8a"/></svg>'
)
NOTE = "a note long enough to wrap over several lines in its narrow column " * 3


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


def _table(name: str, rows: int) -> Table:
    return Table(
        ("Figure", "Value", "Note"),
        tuple((f"{name} {i}", str(i), NOTE if i % 3 == 0 else "short") for i in range(rows)),
        widths=(30, 20, 50),
        caption=f"Figures for {name}",
        small=True,
    )


def _report(words: int) -> Report:
    """Sections that start pages and sections that do not, tables whose captions follow
    text (where the report is cut into pieces), a chart with its caption. ``words`` grows
    the text in front, so page ends fall in different places."""
    text = Paragraph("lorem " * words)
    chart = Chart("draw_staffing", (), width=5.0, height=2.5, caption="The chart's caption")
    sections = (
        Section("Alpha section", (text, _table("Alpha", 30), text, _table("Beta", 25))),
        Section("Gamma section", (text, chart, _table("Gamma", 12)), level=2),
        Section("Delta section", (text, _table("Delta", 40)), new_page=False),
        Section("Omega section", (Paragraph("The last words."),)),
    )
    cover = Cover("Plan", "Company", "Baseline", ())
    return Report("Company", "Baseline", cover, sections)


def _layout(report: Report, writer: QPdfWriter) -> Pages:
    html, specs = to_html(report)
    charts = _ChartObject(specs, [SVG] * len(specs), PAGE.width())
    return _document(html, writer, PAGE, charts, len(specs))


@pytest.fixture
def writer(tmp_path):
    w = QPdfWriter(str(tmp_path / "layout.pdf"))
    w.setResolution(DPI)
    return w


@pytest.mark.parametrize("words", [40, 230, 420, 610])
def test_the_pieces_keep_rows_headings_and_captions_together(words, writer):
    pages = _layout(_report(words), writer)
    assert len(pages.docs) > 4, "the report is cut at page breaks and captions"
    assert problems(pages) == []


def test_without_keeping_together_the_checks_find_offences(writer):
    """The checks above can fail: Qt's own layout splits rows and strands captions."""
    found = []
    with patch("advisor.report.render.keep_together", lambda *a: 0):
        for words in (40, 230, 420, 610):
            found += problems(_layout(_report(words), writer))
    assert any("split" in p for p in found)


def _paint(pages: Pages, writer: QPdfWriter) -> None:
    """The pages painted as render._paint paints them (without the running header)."""
    painter = QPainter()
    assert painter.begin(writer)
    height = pages.height
    for i in range(pages.pageCount()):
        if i:
            assert writer.newPage()
        painter.save()
        painter.translate(0, -i * height)
        pages.drawContents(painter, QRectF(0, i * height, PAGE.width(), height))
        painter.restore()
    painter.end()


def test_each_piece_is_painted_once_in_its_place(tmp_path, writer):
    pages = _layout(_report(230), writer)
    _paint(pages, writer)
    texts = [" ".join(t.split()) for t in extract_text(str(tmp_path / "layout.pdf")).split("\f")][
        : pages.pageCount()
    ]
    assert len(texts) == pages.pageCount()
    everything = " ".join(texts)
    for marker in ("Figures for Alpha", "Figures for Beta", "Delta 39", "The last words."):
        assert everything.count(marker) == 1, marker
    # New sections open their page; a piece cut before a caption shares the page of the
    # piece before it (Alpha's last rows, the text, then Beta's caption and first rows).
    for heading in ("Alpha section", "Gamma section", "Omega section"):
        assert any(t.startswith(heading) for t in texts), heading
    assert any("Alpha 29" in t and "Figures for Beta" in t for t in texts)
    # A table continued below a caption-cut keeps its rows in order across pages.
    beta = [int(w) for t in texts for w in _numbers_after(t, "Beta")]
    assert beta == sorted(beta) and len(beta) == 25


def _numbers_after(text: str, name: str) -> list[str]:
    words = text.split()
    return [b for a, b in zip(words, words[1:], strict=False) if a == name and b.isdigit()]


def test_the_last_row_of_a_table_never_goes_alone(writer):
    """Text lengths that put a page end just before a table's last row: with the rule the
    row before it goes too (no lone last row below a repeated header); without it, some of
    these lengths do leave it alone, so the check can fail."""
    from advisor.report import keep

    def lone(words: int) -> list[str]:
        report = Report(
            "Company",
            "Baseline",
            Cover("Plan", "Company", "Baseline", ()),
            (Section("Only", (Paragraph("lorem " * words), _table("Alpha", 62))),),
        )
        return [p for p in problems(_layout(report, writer)) if "last row alone" in p]

    lengths = range(0, 400, 12)
    assert all(lone(w) == [] for w in lengths)
    with patch.object(keep, "KEEP_LAST_ROWS", 1):
        assert any(lone(w) for w in lengths)


def test_the_first_row_of_a_table_never_stays_alone(writer):
    """Text lengths that put a page end just after a table's first row: with the rule the
    caption and the first row go on to the next page with the second; without it, some of
    these lengths leave the caption and one row at the foot of a page."""
    from advisor.report import keep

    def orphan(words: int) -> list[str]:
        report = Report(
            "Company",
            "Baseline",
            Cover("Plan", "Company", "Baseline", ()),
            (Section("Only", (Paragraph("lorem " * words), _table("Alpha", 8))),),
        )
        return [p for p in problems(_layout(report, writer)) if "first row alone" in p]

    lengths = range(2600, 3400, 25)
    assert all(orphan(w) == [] for w in lengths)
    with patch.object(keep, "KEEP_FIRST_ROWS", 1):
        assert any(orphan(w) for w in lengths)
