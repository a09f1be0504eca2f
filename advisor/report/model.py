"""The report as plain data: sections of headings, paragraphs, tables and chart specs.

Content builders (``content.py``) produce these objects from the engine's outputs; the
renderer (``render.py``) turns them into a PDF. Every string here is final text: the renderer
escapes it and lays it out, and never computes or rewords anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Block",
    "Bullets",
    "Chart",
    "Cover",
    "KeyFigures",
    "Paragraph",
    "Report",
    "Section",
    "Table",
]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text. label: optional bold lead-in ("Personality"); style: body | lead |
    subhead | warning | small."""

    text: str
    label: str = ""
    style: str = "body"


@dataclass(frozen=True, slots=True)
class Bullets:
    """A list. style: body (bullets), warning (bullets in the warning colour), check (boxes)."""

    items: tuple[str, ...]
    style: str = "body"


@dataclass(frozen=True, slots=True)
class Table:
    """A table of strings (a newline in a cell starts a new line). align: one letter per column, "l" or "r" (default all left).
    widths: relative column widths in percent (None: let the layout decide).
    small: smaller type, for long appendix tables. width: of the page body, in percent."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: str = ""
    widths: tuple[int, ...] | None = None
    caption: str = ""
    small: bool = False
    bold_last: bool = False
    width: int = 100

    def __post_init__(self) -> None:
        n = len(self.columns)
        bad = [r for r in self.rows if len(r) != n]
        if bad:
            raise ValueError(f"table rows need {n} cells, got {len(bad[0])}")


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """Headline numbers drawn as a row of boxes: (label, value, detail)."""

    items: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart from ``advisor.charts``: ``kind`` names the draw function (``draw_staffing``),
    args/kwargs are passed after the axes. width, height: inches on the page."""

    kind: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    width: float = 6.3
    height: float = 3.2
    caption: str = ""


Block = Paragraph | Bullets | Table | KeyFigures | Chart


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its blocks. level 1 starts a new page unless new_page is False."""

    heading: str
    blocks: tuple[Block, ...]
    level: int = 1
    new_page: bool = True


@dataclass(frozen=True, slots=True)
class Cover:
    """The title block at the top of page 1. lines: (label, value) pairs on one line under
    the title; notes: what the scenario is about (a line under them)."""

    title: str
    company: str
    scenario: str
    lines: tuple[tuple[str, str], ...]
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """The whole report: the title block, then the sections in order.

    author, subject, keywords: the PDF's metadata (author: the plan's prepared_by).
    """

    company: str
    scenario: str
    cover: Cover
    sections: tuple[Section, ...]
    author: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """The PDF's title: the plan and the scenario."""
        return f"{self.cover.title}: {self.company}, {self.scenario}"

    @property
    def running_header(self) -> str:
        """Text of the header on every page after the first (page numbers are added later).
        The renderer draws the two parts apart, so right-to-left names keep their places."""
        return f"{self.company} · {self.scenario}"

    @property
    def headings(self) -> list[str]:
        return [s.heading for s in self.sections]
