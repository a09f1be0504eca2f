"""Editing a knowledge-base figure: the change goes to the user's overlay file, never to
data/platforms.yaml. The new overlay is validated with load_catalog before it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...core.knowledge import Catalog, Figure, VendorTool, iter_figures
from ...core.labels import figure_label
from ...core.loading import dump_yaml, load_catalog, read_document
from ..document import OverlayEdit, PlanDocument

__all__ = ["edit_figure", "overlay_text_with", "overlay_text_without", "reset_figure"]

USER_NOTE = "user override"


def _set_path(target: dict[str, Any], path: list[str], value: Any) -> None:
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value


def _entry(
    catalog: Catalog, what: str, item_id: str, field: str, value: float, figure: list | None = None
) -> dict[str, Any]:
    """The overlay entry that sets one figure of one channel or tool (``figure``: the whole
    [value, source, note] to write instead of the user's value)."""
    item = catalog.platform(item_id) if what == "platforms" else catalog.tool(item_id)
    path = field.split(".")
    figure = figure or [value, "est", USER_NOTE]
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
    current: dict[str, Any],
    catalog: Catalog,
    what: str,
    item_id: str,
    field: str,
    value: float,
    figure: list | None = None,
) -> str:
    """The overlay document (YAML text) with one more figure override."""
    data = dict(current)
    items = list(data.get(what) or [])
    entry = _entry(catalog, what, item_id, field, value, figure)
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == item_id:
            items[i] = _merge(item, entry)
            break
    else:
        items.append(entry)
    data[what] = items
    return dump_yaml(data)  # no aliases: the loader refuses them


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
    lab, name = _figure_words(doc.catalog, what, item_id, field)
    shown = f"{lab.shown(value):g} {lab.unit}".strip()
    doc.undo_stack.push(OverlayEdit(doc, text, f"Set {name}: {lab.label} to {shown}"))


def _figure_words(catalog: Catalog, what: str, item_id: str, field: str):
    """The figure's label and the item's display name, for undo texts."""
    item = catalog.platform(item_id) if what == "platforms" else catalog.tool(item_id)
    tool = item if isinstance(item, VendorTool) else None
    return figure_label(what, field, tool), item.name


def _current(path: Path) -> dict[str, Any]:
    if path.exists():
        data, _ = read_document(path)
        if isinstance(data, dict):
            return data
    return {}


def _drop_path(node: dict[str, Any], path: list[str]) -> None:
    """Remove a nested key and the dictionaries it leaves empty."""
    if len(path) == 1:
        node.pop(path[0], None)
        return
    child = node.get(path[0])
    if isinstance(child, dict):
        _drop_path(child, path[1:])
        if not child:
            node.pop(path[0], None)


def overlay_text_without(current: dict[str, Any], what: str, item_id: str, field: str) -> str:
    """The overlay document without the user's value of one figure (dict fields only; a list
    field such as a tool's plans is reset by writing the shipped figure, see reset_figure)."""
    data = dict(current)
    items = []
    for item in data.get(what) or []:
        if isinstance(item, dict) and item.get("id") == item_id:
            item = dict(item)
            _drop_path(item, field.split("."))
            if set(item) == {"id"}:
                continue  # nothing of this item is overridden any more
        items.append(item)
    data[what] = items
    if not items:
        data.pop(what)
    return dump_yaml(data) if data else ""  # no aliases: the loader refuses them


def reset_figure(doc: PlanDocument, *, what: str, item_id: str, field: str) -> None:
    """Put one figure back to the shipped value (undoable); AdvisorInputError if the overlay
    would no longer load."""
    path = doc.overlay_path
    current = _current(path)
    if any(p.isdigit() for p in field.split(".")):
        # a list (a tool's plans) is overridden whole: write the shipped figure in its place
        shipped = _shipped_figure(what, item_id, field)
        text = overlay_text_with(
            current,
            doc.catalog,
            what,
            item_id,
            field,
            shipped.v,
            [shipped.v, shipped.src, shipped.note],
        )
    else:
        text = overlay_text_without(current, what, item_id, field) or "{}\n"
    _validate(text, path)
    lab, name = _figure_words(doc.catalog, what, item_id, field)
    doc.undo_stack.push(OverlayEdit(doc, text, f"Reset {name}: {lab.label} to the shipped value"))


def _shipped_figure(what: str, item_id: str, field: str) -> Figure:
    shipped = load_catalog()
    item = shipped.platform(item_id) if what == "platforms" else shipped.tool(item_id)
    key = tuple(int(p) if p.isdigit() else p for p in field.split("."))
    return dict(iter_figures(item))[key]
