"""The knowledge base tables' content: every figure with its plain label, unit and citation.

Formatting only: labels and units come from core.labels, values from the catalog.
"""

from __future__ import annotations

from typing import Any

from ...core.knowledge import Catalog, Figure, VendorTool, iter_figures
from ...core.labels import cite_sources, figure_label, source_citation
from .overlay import USER_NOTE

__all__ = ["HEADER_TIPS", "display_frame", "headers", "search_text"]

_HEADERS = {
    "name": "Channel",
    "label": "Figure",
    "value": "Value",
    "unit": "Unit",
    "kind": "Backing",
    "citation": "Source",
    "note": "Note",
}


def headers(what: str) -> dict[str, str]:
    """Column titles of the channels' (platforms) or the tools' table."""
    if what == "assumptions":
        return {k: v for k, v in _HEADERS.items() if k != "name"}
    return _HEADERS | ({"name": "Tool"} if what == "tools" else {})


HEADER_TIPS = {
    "name": "The channel or tool the figure belongs to",
    "label": "What the figure measures; hover for its key in the knowledge base file",
    "value": "The figure in the unit beside it. Double-click to change it: your value goes to "
    "your overlay file, never to the shipped knowledge base",
    "unit": "The unit of the value",
    "kind": "Sourced: a published source backs it. Estimate: an editorial estimate. Your "
    "change: a value you set",
    "citation": "The source that backs the figure",
    "note": "What the source says or how the value was derived",
}


def display_frame(catalog: Catalog, what: str) -> Any:
    """One row per figure of the channels (``what`` = platforms), tools or engine-wide
    assumptions, display columns first (``value`` in the unit shown), then the keys behind them."""
    rows = [
        _row(catalog, what, item_id, name, tool, key, fig)
        for item_id, name, tool, key, fig in _figures(catalog, what)
    ]
    import pandas as pd

    return pd.DataFrame(rows)


def _figures(catalog: Catalog, what: str):
    """(item id, item name, tool or None, key, Figure) for every figure of ``what``."""
    if what == "assumptions":
        for path, fig in iter_figures(catalog.assumptions):
            yield "assumptions", "All channels", None, ".".join(str(p) for p in path), fig
        return
    items = catalog.platforms if what == "platforms" else catalog.tools
    for item in items:
        tool = item if isinstance(item, VendorTool) else None
        for path, fig in iter_figures(item):
            yield item.id, item.name, tool, ".".join(str(p) for p in path), fig


def _row(
    catalog: Catalog,
    what: str,
    item_id: str,
    name: str,
    tool: VendorTool | None,
    key: str,
    fig: Figure,
) -> dict[str, Any]:
    lab = figure_label(what, key, tool)
    user = fig.note == USER_NOTE
    return {
        "name": name,
        "label": lab.label,
        "value": round(lab.shown(fig.v), 6),
        "unit": lab.unit,
        "kind": "Your change" if user else "Estimate" if fig.estimate else "Sourced",
        "citation": "" if user or fig.estimate else source_citation(catalog, fig.src),
        "note": "" if user else cite_sources(fig.note, catalog),
        "id": item_id,
        "field": key,
        "scale": lab.scale,
        "user": user,
        "estimate": fig.estimate,
    }


def search_text(row: dict[str, Any]) -> str:
    """What the filter box matches a row against: what people read, and the key."""
    keys = ("name", "label", "unit", "kind", "citation", "note", "id", "field")
    return " ".join(str(row[k]) for k in keys).lower()
