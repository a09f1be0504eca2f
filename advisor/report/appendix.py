"""The appendix: every assumption and figure the recommendation used, with source and date."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.knowledge import Catalog, Figure, VendorTool, iter_figures
from . import fmt
from .content import Inputs
from .model import Paragraph, Section, Table

__all__ = ["ESTIMATE_LABEL", "appendix_section", "figure_rows"]

ESTIMATE_LABEL = "ESTIMATE"
_COLS = ("Figure", "Value", "Source", "Date", "Note")
_WIDTHS = (24, 8, 32, 11, 25)


def _row(cat: Catalog, field: str, fig: Figure) -> tuple[str, str, str, str, str]:
    if fig.estimate:
        return field, fmt.value(fig.v), ESTIMATE_LABEL, "", fig.note
    src = cat.sources.get(fig.src)
    title = src.title if src else fig.src
    return field, fmt.value(fig.v), title, (src.date if src else "") or "undated", fig.note


def figure_rows(cat: Catalog, obj: object) -> list[tuple[str, str, str, str, str]]:
    """One row per figure inside a knowledge-base object (depth first); a tool's plans are
    named by id (plans.essentials.price) rather than by position."""
    plans = [p.id for p in obj.plans] if isinstance(obj, VendorTool) else []
    rows = []
    for path, fig in iter_figures(obj):
        if plans and path[0] == "plans" and isinstance(path[1], int):
            path = (path[0], plans[path[1]], *path[2:])
        rows.append(_row(cat, ".".join(str(x) for x in path), fig))
    return rows


def _table(rows: Sequence[tuple[str, ...]], caption: str) -> Table:
    return Table(_COLS, tuple(rows), align="lrlll", widths=_WIDTHS, small=True, caption=caption)


def appendix_section(inp: Inputs) -> Section:
    cat = inp.catalog
    blocks: list = [
        Paragraph(
            f"Every figure behind this recommendation, with its source and date. Figures marked "
            f"{ESTIMATE_LABEL} are editorial estimates that no source backs: they are the first to "
            "check and to replace with the company's own data (via a knowledge-base overlay)."
        )
    ]
    blocks.append(_table(figure_rows(cat, cat.assumptions), "Engine assumptions"))
    for c in inp.mix:
        blocks.append(_table(figure_rows(cat, cat.platform(c.id)), f"Figures for {c.name}"))
    used: set[str] = set()
    t = inp.rec.tool
    if t is not None:
        tool = cat.tool(t.id)
        blocks.append(_table(figure_rows(cat, tool), f"Figures for the tool: {tool.name}"))
        used |= {f.src for _, f in iter_figures(tool)}
    used |= {f.src for _, f in iter_figures(cat.assumptions)}
    for c in inp.mix:
        used |= {f.src for _, f in iter_figures(cat.platform(c.id))}
    for n in inp.rec.advice:
        used |= {sid for sid in cat.sources if sid in n.source}
    rows = tuple(
        (sid, s.title, s.date or "undated", s.url or "-")
        for sid, s in sorted(cat.sources.items())
        if sid in used
    )
    blocks.append(
        Table(
            ("Id", "Source", "Date", "Address"),
            rows,
            widths=(18, 45, 11, 26),
            small=True,
            caption="Sources cited",
        )
    )
    if inp.plan.profile.notes:
        blocks += [Paragraph("Planning notes", style="subhead"), Paragraph(inp.plan.profile.notes)]
    return Section("Appendix: assumptions and figures", tuple(blocks))
