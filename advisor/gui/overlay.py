"""Editing a knowledge-base figure: the change goes to the user's overlay file, never to
data/platforms.yaml. The new overlay is validated with load_catalog before it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..core.knowledge import Catalog
from ..core.loading import load_catalog, read_document
from .document import OverlayEdit, PlanDocument

__all__ = ["edit_figure", "overlay_text_with"]

USER_NOTE = "user override"


def _set_path(target: dict[str, Any], path: list[str], value: Any) -> None:
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value


def _entry(catalog: Catalog, what: str, item_id: str, field: str, value: float) -> dict[str, Any]:
    """The overlay entry that sets one figure of one channel or tool."""
    item = catalog.platform(item_id) if what == "platforms" else catalog.tool(item_id)
    path = field.split(".")
    figure = [value, "est", USER_NOTE]
    if any(p.isdigit() for p in path):
        # Lists (tool plans) replace rather than merge: write the whole top-level field.
        data = item.model_dump(mode="json")[path[0]]
        node: Any = data
        for p in path[1:-1]:
            node = node[int(p)] if p.isdigit() else node[p]
        last = path[-1]
        node[int(last) if last.isdigit() else last] = figure
        return {"id": item_id, path[0]: data}
    entry: dict[str, Any] = {"id": item_id}
    _set_path(entry, path, figure)
    return entry


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        return base | {k: _merge(base.get(k), v) if k in base else v for k, v in extra.items()}
    return extra


def overlay_text_with(
    current: dict[str, Any], catalog: Catalog, what: str, item_id: str, field: str, value: float
) -> str:
    """The overlay document (YAML text) with one more figure override."""
    data = dict(current)
    items = list(data.get(what) or [])
    entry = _entry(catalog, what, item_id, field, value)
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == item_id:
            items[i] = _merge(item, entry)
            break
    else:
        items.append(entry)
    data[what] = items
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _validate(text: str, overlay_path: Path) -> None:
    """Raise AdvisorInputError unless the catalog loads with this overlay (checked in memory:
    no temporary file to leave behind)."""
    load_catalog(overlay=overlay_path, overlay_text=text)


def edit_figure(doc: PlanDocument, *, what: str, item_id: str, field: str, value: float) -> None:
    """Override one figure in the user's overlay (undoable); AdvisorInputError if invalid."""
    path = doc.overlay_path
    current: dict[str, Any] = {}
    if path.exists():
        data, _ = read_document(path, what="overlay")
        if isinstance(data, dict):
            current = data
    text = overlay_text_with(current, doc.catalog, what, item_id, field, value)
    _validate(text, path)
    doc.undo_stack.push(OverlayEdit(doc, text, f"Set {item_id} {field} to {value:g}"))
