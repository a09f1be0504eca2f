"""Render the report model to PDF with Qt: QTextDocument laid out page by page on a QPdfWriter.

Text stays text (selectable, fonts embedded by QPdfWriter). Charts are drawn by the shared
``advisor.charts`` functions, saved by matplotlib as SVG and painted with QSvgRenderer as inline
text objects, so they stay vector. No scoring happens here: the model's strings are final.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRect, QRectF, QSizeF, Qt, qVersion
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtSvg import QSvgRenderer

from .chart_worker import ChartWorker
from .keep import keep_together
from .markup import chart_token, to_html
from .model import Chart, Report
from .paged import Pages, piece_document, pieces
from .pdfmeta import with_info
from .progress import Progress

__all__ = ["DPI", "ensure_app", "render_pdf"]

DPI = 300
MARGINS_MM = (18.0, 20.0, 18.0, 16.0)  # left, top, right, bottom (the header sits in the top)
FONT = "DejaVu Sans"
_CHART_TYPE = int(QTextFormat.ObjectTypes.UserObject) + 1
_CHART_INDEX = int(QTextFormat.Property.UserProperty) + 1
_app: QGuiApplication | None = None
# Qt maps the space glyph back to U+0009 (DejaVu's cmap gives tab and space one glyph), so
# copied text would have tabs between words. Patch the ToUnicode CMaps' targets in place:
# same length, so the PDF's cross-reference offsets stay valid.
_CMAP = re.compile(rb"begincmap.*?endcmap", re.S)
_CMAP_LINE = re.compile(rb"^(<[0-9A-Fa-f]+>\s+(?:<[0-9A-Fa-f]+>\s+)?)(.*)$", re.M)
_RADICAL = re.compile(rb"<(2F[0-9A-Da-d][0-9A-Fa-f])>")


def ensure_app() -> None:
    """Qt needs a QGuiApplication for fonts; make one (headless if there is no display)."""
    global _app
    inst = QGuiApplication.instance()
    if isinstance(inst, QGuiApplication):
        return
    if inst is not None:
        raise RuntimeError("the report needs a QGuiApplication, not a bare QCoreApplication")
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])


class _ChartObject(QPyTextObject):
    """Draws chart i (the format's _CHART_INDEX) as vector SVG, sized in inches.

    The layout needs only the sizes (from the specs); each drawing is asked of ``svgs`` (a
    list, or a function of the chart's index such as ChartWorker.svg) when its page is
    painted. Qt calls drawObject and drops what it raises, so an error is kept in ``error``
    for the painter to raise."""

    def __init__(
        self, specs: list[Chart], svgs: list[bytes] | Callable[[int], bytes], max_width: float
    ) -> None:
        super().__init__()
        self._specs = specs
        self._max_width = max_width
        self._renderers: dict[int, QSvgRenderer] = {}
        self._source: Callable[[int], bytes] = svgs if callable(svgs) else svgs.__getitem__
        self.error: BaseException | None = None

    def set_svgs(self, svgs: list[bytes] | Callable[[int], bytes]) -> None:
        """Where the drawings come from (see the class)."""
        self._source = svgs if callable(svgs) else svgs.__getitem__
        self._renderers = {}

    def intrinsicSize(self, doc: Any, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        spec = self._specs[int(fmt.property(_CHART_INDEX))]
        w, h = spec.width * DPI, spec.height * DPI
        scale = min(1.0, self._max_width / w)
        return QSizeF(w * scale, h * scale)

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        doc: Any,  # noqa: N802
        pos: int,
        fmt: QTextFormat,
    ) -> None:
        i = int(fmt.property(_CHART_INDEX))
        try:
            if i not in self._renderers:
                self._renderers[i] = QSvgRenderer(QByteArray(self._source(i)))
            self._renderers[i].render(painter, QRectF(rect))
        except BaseException as exc:  # noqa: BLE001 - raised again by the painter
            self.error = self.error or exc


def _spaces_not_tabs(pdf: bytes) -> bytes:
    """Map glyphs that Qt says are tabs to spaces in the ToUnicode CMaps (targets only), and
    CJK glyphs it maps to a Kangxi radical (U+2F00-2FD5, which shares the glyph) to the
    ideograph people type, so "食堂" copies and searches as "食堂"."""

    def line(m: re.Match[bytes]) -> bytes:
        targets = m.group(2).replace(b"<0009>", b"<0020>")
        if targets.startswith(b"["):
            targets = _RADICAL.sub(_ideograph, targets)
        return m.group(1) + targets

    return _CMAP.sub(lambda m: _CMAP_LINE.sub(line, m.group(0)), pdf)


def _ideograph(m: re.Match[bytes]) -> bytes:
    ch = unicodedata.normalize("NFKC", chr(int(m.group(1), 16)))
    return b"<%04X>" % ord(ch) if len(ch) == 1 and ord(ch) <= 0xFFFF else m.group(0)


def _mm(x: float) -> float:
    return x / 25.4 * DPI


def _font(size: float) -> QFont:
    """The report font, without ligatures: copied or extracted text must read "fi", not "ﬁ"."""
    font = QFont(FONT)
    font.setPointSizeF(size)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _document(
    html: str, writer: QPdfWriter, page: QSizeF, charts: _ChartObject, n_charts: int
) -> Pages:
    """The HTML laid out in pages of the given size, as a chain of small documents (see
    paged.py), rows and captions kept together (keep.py) piece by piece."""
    parsed = QTextDocument()
    parsed.setDefaultFont(_font(9))
    parsed.setHtml(html)
    # Charts go in before the cut (the parsed document has no page size: no layout), so
    # each piece is laid out once, with its charts.
    found = _insert_charts(parsed, n_charts)
    if found != n_charts:
        raise RuntimeError(f"chart placeholder {found} was lost in the layout")

    def setup(doc: QTextDocument) -> None:
        doc.documentLayout().setPaintDevice(writer)
        doc.documentLayout().registerHandler(_CHART_TYPE, charts)
        doc.setDefaultFont(_font(9))
        doc.setPageSize(page)

    pages = Pages(page.height())
    for piece in pieces(parsed):
        first, used = pages.place(piece.new_page)
        doc, body = piece_document(piece, setup, used)
        keep_together(doc, body, page.height())
        pages.add(doc, body, first)
    return pages


def _insert_charts(doc: QTextDocument, n: int) -> int:
    """Swap the placeholders of charts 0 .. n - 1 for chart objects, in one edit; returns
    how many were found (they come in order)."""
    i = 0
    edit = QTextCursor(doc)
    edit.beginEditBlock()  # one layout for all of them
    try:
        while i < n:
            cur = doc.find(chart_token(i))
            if cur.isNull():
                break
            fmt = QTextCharFormat()
            fmt.setObjectType(_CHART_TYPE)
            fmt.setProperty(_CHART_INDEX, i)
            cur.insertText("\ufffc", fmt)
            i += 1
    finally:
        edit.endEditBlock()
    return i


def _header(
    painter: QPainter, writer: QPdfWriter, body: QRectF, report: Report, right: str
) -> None:
    """Company, then scenario at the left, page N of M at the right. Each name is drawn in
    its own box: laid out as one string, an Arabic company name would make the whole line
    right-to-left and swap places with the scenario."""
    font = _font(7.5)
    painter.setFont(font)
    painter.setPen(QColor("#666666"))
    fm = QFontMetricsF(font, writer)
    y = body.top() - _mm(5) - fm.height()
    room = body.width() - fm.horizontalAdvance(right) - _mm(6)
    sep = " · "
    company = fm.elidedText(report.company, Qt.TextElideMode.ElideRight, room * 0.55)
    x = body.left()
    for text in (company, sep):
        _text(painter, QRectF(x, y, room, fm.height()), text)
        x += fm.horizontalAdvance(text)
    scenario = fm.elidedText(report.scenario, Qt.TextElideMode.ElideRight, body.left() + room - x)
    _text(painter, QRectF(x, y, body.left() + room - x, fm.height()), scenario)
    _text(painter, QRectF(body.left(), y, body.width(), fm.height()), right, right_align=True)
    y += fm.height() + _mm(1.2)
    painter.setPen(QPen(QColor("#c8d0d8"), _mm(0.25)))
    painter.drawLine(QPointF(body.left(), y), QPointF(body.right(), y))


def _text(painter: QPainter, box: QRectF, text: str, *, right_align: bool = False) -> None:
    """One run of text in its box; its own direction inside, the box's place outside."""
    side = Qt.AlignmentFlag.AlignRight if right_align else Qt.AlignmentFlag.AlignLeft
    painter.drawText(box, int(side | Qt.AlignmentFlag.AlignBottom), text)


@dataclass(slots=True)
class _Laid:
    """The report laid out in pages on its PDF writer, the charts not yet drawn."""

    writer: QPdfWriter
    doc: Pages
    body: QRectF
    charts: _ChartObject
    specs: list[Chart]


def _lay_out(report: Report, target: str, charts: ChartWorker) -> _Laid:
    """The pages laid out; the chart specs go to ``charts`` first: in a second process they
    are drawn while the pages are laid out here (the layout needs only their sizes)."""
    html, specs = to_html(report)
    charts.submit(specs)
    writer = _writer(report, target)
    page = writer.pageLayout().fullRectPixels(DPI)
    left, top, right, bottom = (_mm(m) for m in MARGINS_MM)
    body = QRectF(left, top, page.width() - left - right, page.height() - top - bottom)
    handler = _ChartObject(specs, charts.svg, body.width())
    doc = _document(html, writer, QSizeF(body.width(), body.height()), handler, len(specs))
    return _Laid(writer, doc, body, handler, specs)


def _paint_pages(laid: _Laid, report: Report, target: str, progress: Progress) -> int:
    """Paint every page (header, then content) on the writer; returns the page count."""
    writer, doc, body = laid.writer, laid.doc, laid.body
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF to {target}")
    try:
        for i in range(pages):
            if i and not writer.newPage():
                raise OSError(f"cannot add page {i + 1} to {target}")
            if i:
                _header(painter, writer, body, report, f"page {i + 1} of {pages}")
            painter.save()
            painter.translate(body.left(), body.top() - i * body.height())
            doc.drawContents(painter, QRectF(0, i * body.height(), body.width(), body.height()))
            painter.restore()
            if laid.charts.error is not None:
                raise laid.charts.error
            progress((i + 1) / pages)
    finally:
        painter.end()
    return pages


def _paint(report: Report, target: str, progress: Progress, charts: ChartWorker) -> int:
    """The layout takes the first 30% of ``progress``, the pages the rest; each chart is
    drawn (or received from the chart process) when its page is painted."""
    progress.check()
    laid = _lay_out(report, target, charts)
    progress(0.3)
    return _paint_pages(laid, report, target, progress.part(0.3, 1.0))


def _writer(report: Report, target: str) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(report.title)
    writer.setAuthor(report.author)
    writer.setCreator("Channel Advisor")
    return writer


def info(report: Report) -> dict[str, str]:
    """The PDF's document information: title, author (the plan's prepared_by), subject,
    keywords."""
    return {
        "Title": report.title,
        "Author": report.author,
        "Subject": report.subject,
        "Keywords": ", ".join(k for k in report.keywords if k),
        "Creator": "Channel Advisor",
        "Producer": f"Qt {qVersion()}",
    }


def render_pdf(
    report: Report,
    path: str | Path,
    *,
    progress: Progress | None = None,
    charts: ChartWorker | None = None,
) -> int:
    """Paint the report as PDF into ``path``; returns pages. Raises Cancelled when
    ``progress`` is asked to stop. It writes ``path`` directly: write_report gives it the
    temporary file of safe_io.replacing, which makes the whole write atomic. ``charts``: a
    ChartWorker started earlier (the CLI's, drawing in a second process); by default the
    charts are drawn here."""
    progress = progress or Progress()
    ensure_app()
    out = Path(path)
    pages = _paint(report, str(out), progress, charts or ChartWorker())
    data = out.read_bytes()
    if not data.startswith(b"%PDF"):
        raise OSError(f"Qt did not write a PDF for {out}")
    fixed = with_info(_spaces_not_tabs(data), info(report))
    if fixed != data:
        out.write_bytes(fixed)
    return pages
