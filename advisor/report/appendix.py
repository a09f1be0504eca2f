"""The appendix: every assumption and figure the recommendation used, with source and date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.knowledge import Catalog, Figure, VendorTool, iter_figures
from ..core.labels import cite_sources, figure_label, source_citation
from . import fmt
from .content import Inputs
from .model import Paragraph, Section, Table

__all__ = ["ESTIMATE_LABEL", "appendix_section", "figure_rows", "source_rows", "sources_table"]

ESTIMATE_LABEL = "Estimate"
NOT_GIVEN = "not given"
_COLS = ("Figure", "Value", "Source", "Note")
_WIDTHS = (27, 21, 29, 23)  # the value column holds its unit on one line
_SOURCE_COLS = ("Source", "Publisher", "Date", "Address")
# The address column is wide enough for a long URL to wrap in two or three lines, not seven.
_SOURCE_WIDTHS = (40, 18, 11, 31)


def _row(cat: Catalog, what: str, key: str, fig: Figure, item: object) -> tuple[str, ...]:
    label = figure_label(what, key, item if isinstance(item, VendorTool) else None)
    value = label.text(fig.v) if label.unit else fmt.value(fig.v)
    source = ESTIMATE_LABEL if fig.estimate else source_citation(cat, fig.src)
    return label.label, value, source, cite_sources(fig.note, cat)


def figure_rows(cat: Catalog, what: str, obj: object) -> list[tuple[str, ...]]:
    """One row per figure inside a knowledge-base object (depth first), in plain words:
    the figure's label, its value with the unit, the source cited, the note. ``what``:
    platforms, tools or assumptions."""
    return [
        _row(cat, what, ".".join(str(x) for x in path), fig, obj) for path, fig in iter_figures(obj)
    ]


def _table(rows: Sequence[tuple[str, ...]], caption: str) -> Table:
    return Table(_COLS, tuple(rows), align="lrll", widths=_WIDTHS, small=True, caption=caption)


def source_rows(cat: Catalog, ids: set[str]) -> tuple[tuple[str, ...], ...]:
    """Each source as (citation, publisher, date, address); what the knowledge base does not
    give reads "not given". The publisher is the one the knowledge base names, never guessed
    from the title (a title's head is as often a description as a publisher)."""
    rows = []
    for sid, s in sorted(cat.sources.items(), key=lambda kv: source_citation(cat, kv[0])):
        if sid in ids:
            citation = source_citation(cat, sid)
            rows.append(
                (citation, s.publisher or NOT_GIVEN, s.date or NOT_GIVEN, s.url or NOT_GIVEN)
            )
    return tuple(rows)


def sources_table(cat: Catalog, ids: set[str]) -> Table:
    """The sources cited, each with its publisher, date and address."""
    return Table(
        _SOURCE_COLS,
        source_rows(cat, ids),
        widths=_SOURCE_WIDTHS,
        small=True,
        caption="Sources cited",
    )


def _cited_in(cat: Catalog, text: str) -> set[str]:
    """The ids of the catalog's sources that a free text names."""
    return {sid for sid in cat.sources if re.search(rf"\b{re.escape(sid)}\b", text)}


def appendix_section(inp: Inputs) -> Section:
    cat = inp.catalog
    blocks: list = [
        Paragraph(
            f"Every figure behind this recommendation, with its source. Figures marked "
            f"{ESTIMATE_LABEL.lower()} are editorial estimates that no source backs: they are "
            "the first to check and to replace with the company's own data (via a "
            "knowledge-base overlay)."
        )
    ]
    if inp.plan.profile.notes:  # the company's own notes first; the long source list ends it
        blocks += [Paragraph("Planning notes", style="subhead"), Paragraph(inp.plan.profile.notes)]
    blocks.append(_table(figure_rows(cat, "assumptions", cat.assumptions), "Engine assumptions"))
    for c in inp.mix:
        blocks.append(
            _table(figure_rows(cat, "platforms", cat.platform(c.id)), f"Figures for {c.name}")
        )
    used: set[str] = set()
    t = inp.rec.tool
    if t is not None:
        tool = cat.tool(t.id)
        blocks.append(_table(figure_rows(cat, "tools", tool), f"Figures for the tool: {tool.name}"))
    shown = [cat.assumptions, *(cat.platform(c.id) for c in inp.mix)]
    if t is not None:
        shown.append(cat.tool(t.id))
    for obj in shown:
        for _, f in iter_figures(obj):
            used.add(f.src)
            used |= _cited_in(cat, f.note)  # a note naming a source cites it too
    for n in inp.rec.advice:
        used |= {sid for sid in cat.sources if sid in n.source}
    blocks.append(sources_table(cat, used))
    # Not on a new page: the policy section before it often ends with a line or two.
    return Section("Appendix: assumptions and figures", tuple(blocks), new_page=False)
