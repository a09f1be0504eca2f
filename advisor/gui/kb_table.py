"""The knowledge base tables' content: every figure with its plain label, unit and citation.

Formatting only: labels and units come from core.labels, values from the catalog.
"""

from __future__ import annotations

from typing import Any

from ..core.knowledge import Catalog, VendorTool
from ..core.labels import cite_sources, figure_label, source_citation
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
    """One row per figure of the channels (``what`` = platforms) or tools, display columns in
    the order of HEADERS first (``value`` in the unit shown), then the keys behind them."""
    from ..core.tables import figures_frame

    frame = figures_frame(catalog, what)
    items = {i.id: i for i in (catalog.platforms if what == "platforms" else catalog.tools)}
    rows = []
    for rec in frame.to_dict("records"):
        item = items[rec["id"]]
        lab = figure_label(what, rec["field"], item if isinstance(item, VendorTool) else None)
        user = rec["note"] == USER_NOTE
        rows.append(
            {
                "name": item.name,
                "label": lab.label,
                "value": round(lab.shown(rec["value"]), 6),
                "unit": lab.unit,
                "kind": "Your change" if user else "Estimate" if rec["estimate"] else "Sourced",
                "citation": ""
                if user or rec["estimate"]
                else source_citation(catalog, rec["source_id"]),
                "note": "" if user else cite_sources(rec["note"], catalog),
                "id": rec["id"],
                "field": rec["field"],
                "scale": lab.scale,
                "user": user,
                "estimate": bool(rec["estimate"]),
            }
        )
    import pandas as pd

    return pd.DataFrame(rows)


def search_text(row: dict[str, Any]) -> str:
    """What the filter box matches a row against: what people read, and the key."""
    keys = ("name", "label", "unit", "kind", "citation", "note", "id", "field")
    return " ".join(str(row[k]) for k in keys).lower()
