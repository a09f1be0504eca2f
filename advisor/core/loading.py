"""Reading plans and the knowledge base from disk: safe YAML or JSON, clear errors, atomic saves."""

from __future__ import annotations

import copy
import json
import re
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import AdvisorInputError, Problem, problems_from_validation, with_lines
from .knowledge import ESTIMATE, Catalog, iter_figures
from .parsing import Lines, parse_json, parse_yaml
from .plan import Plan
from .safe_io import atomic_write_text, read_user_text

__all__ = [
    "atomic_write_text",
    "catalog_path",
    "dump_plan",
    "dump_yaml",
    "load_catalog",
    "load_plan",
    "locate",
    "parse_text",
    "read_document",
    "save_plan",
]

_PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data" / "platforms.yaml"
_REPO_DATA = Path(__file__).resolve().parents[2] / "data" / "platforms.yaml"

M = TypeVar("M", bound=BaseModel)
# The line maps of the files read last, so that a problem the engine finds later (an unknown
# channel id) can still name its line: see locate().
_RECENT_LINES: dict[str, Lines] = {}
_RECENT_MAX = 16
_RECENT_LOCK = threading.Lock()


def catalog_path() -> Path:
    """The shipped knowledge base: package data when installed, the repo's data/ otherwise."""
    return _PACKAGE_DATA if _PACKAGE_DATA.exists() else _REPO_DATA


def read_document(path: str | Path, *, what: str = "file") -> tuple[Any, Lines]:
    """Parse a YAML (safe loading only) or JSON file; AdvisorInputError on any failure.

    The file goes through the limits of safe_io (regular file, size) and parsing (aliases,
    nesting, number of values, long numbers); ``what`` names it in messages ("plan").
    """
    text = read_user_text(path, what=what)
    data, lines = parse_text(text, str(path), json_syntax=Path(path).suffix.lower() == ".json")
    with _RECENT_LOCK:  # the window loads in worker threads too
        _RECENT_LINES.pop(str(path), None)
        _RECENT_LINES[str(path)] = lines
        while len(_RECENT_LINES) > _RECENT_MAX:
            del _RECENT_LINES[next(iter(_RECENT_LINES))]
    return data, lines


def locate(err: AdvisorInputError) -> AdvisorInputError:
    """The error with a line for every problem whose file was read recently and whose field
    has a line there (the engine's checks know the field but not the line)."""
    for name in {p.file for p in err.problems if p.line is None}:
        with _RECENT_LOCK:
            lines = _RECENT_LINES.get(name)
        if lines is not None:
            err = with_lines(err, name, lines)
    return err


def parse_text(text: str, name: str, *, json_syntax: bool = False) -> tuple[Any, Lines]:
    """Parse document text as read_document does; ``name`` is the file in messages."""
    if not text.strip():
        raise AdvisorInputError.single(
            name, "", "the file is empty; expected a YAML or JSON mapping"
        )
    return parse_json(text, name) if json_syntax else parse_yaml(text, name)


_KINDS = {list: "a list", str: "text", int: "a number", float: "a number", bool: "true/false"}


def _require_mapping(data: Any, name: str, lines: Lines | None = None) -> dict[str, Any]:
    if not isinstance(data, dict):
        kind = "nothing" if data is None else _KINDS.get(type(data), type(data).__name__)
        raise AdvisorInputError(
            [
                Problem(
                    name,
                    "",
                    f"expected a mapping (field: value lines) at the top level, got {kind}",
                    line=(lines or {}).get(()),
                )
            ]
        )
    return data


def _validate(model: type[M], data: Any, name: str, lines: Lines) -> M:
    try:
        return model.model_validate(_require_mapping(data, name, lines))
    except ValidationError as exc:
        raise AdvisorInputError(problems_from_validation(exc, name, lines=lines)) from None


def load_plan(path: str | Path) -> Plan:
    """Read and validate a plan file."""
    data, lines = read_document(path, what="plan")
    return _validate(Plan, data, str(path), lines)


def _merge_by_id(base: list[Any], extra: list[Any]) -> list[Any]:
    out = [copy.deepcopy(x) for x in base]
    index = {
        x["id"]: i
        for i, x in enumerate(out)
        if isinstance(x, dict) and isinstance(x.get("id"), str)
    }
    for item in extra:
        # an id that is not a name (a mapping, a list) is added as is: validation names it
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"] in index:
            i = index[item["id"]]
            out[i] = _deep_merge(out[i], item)
        else:
            out.append(item)
    return out


def _deep_merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            if key in ("platforms", "tools") and isinstance(value, list) and key in out:
                out[key] = _merge_by_id(out[key], value)
            else:
                out[key] = _deep_merge(out.get(key), value) if key in out else value
        return out
    return copy.deepcopy(extra)


def _overlay_lines(base: dict[str, Any], extra: dict[str, Any], lines: Lines) -> Lines:
    """The overlay's line map re-keyed to the merged lists: overlay item j of platforms or
    tools is merged item i (the base item of the same id, or appended after the base's)."""
    moved: dict[tuple[str, int], int] = {}
    for key in ("platforms", "tools"):
        old, new = base.get(key), extra.get(key)
        if not isinstance(old, list) or not isinstance(new, list):
            continue
        ids = {x.get("id"): i for i, x in enumerate(old) if isinstance(x, dict)}
        appended = len(old)
        for j, item in enumerate(new):
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str) and item_id in ids:
                moved[(key, j)] = ids[item_id]
            else:
                moved[(key, j)], appended = appended, appended + 1
    out: Lines = {}
    for path, line in lines.items():
        if len(path) > 1 and (path[0], path[1]) in moved:
            path = (path[0], moved[(str(path[0]), int(path[1]))], *path[2:])
        out[path] = line
    return out


def _named_items(err: AdvisorInputError, data: dict[str, Any]) -> AdvisorInputError:
    """Name the channel or tool a problem is in by its id ("platforms[blog]"), not by its
    position in the merged list, which the user never sees."""

    def name(m: re.Match[str]) -> str:
        items = data.get(m[1])
        i = int(m[2])
        item = items[i] if isinstance(items, list) and i < len(items) else None
        item_id = item.get("id") if isinstance(item, dict) else None
        return f"{m[1]}[{item_id}]" if isinstance(item_id, str) else m[0]

    return AdvisorInputError(
        [replace(p, field=_ITEM.sub(name, p.field, count=1)) for p in err.problems]
    )


_ITEM = re.compile(r"^(platforms|tools)\[(\d+)\]")


def _check_sources(cat: Catalog, name: str, lines: Lines) -> None:
    problems = []
    for path, fig in iter_figures(cat):
        if fig.src != ESTIMATE and fig.src not in cat.sources:
            field = ".".join(f"[{x}]" if isinstance(x, int) else x for x in path).replace(".[", "[")
            problems.append(
                Problem(
                    name,
                    field,
                    "unknown source id; add it under 'sources' or write 'est' for an estimate",
                    fig.src,
                    lines.get(path),
                )
            )
    if problems:
        raise AdvisorInputError(problems)


def load_catalog(
    path: str | Path | None = None,
    overlay: str | Path | None = None,
    *,
    overlay_text: str | None = None,
) -> Catalog:
    """Read and validate the knowledge base, with an optional user overlay merged over it.

    The overlay has the same structure; platforms and tools merge by id (fields override,
    new ids are added), other mappings merge key by key. ``overlay_text`` checks an overlay
    not yet written (``overlay`` then names it in messages) without a temporary file.
    """
    base_path = Path(path) if path is not None else catalog_path()
    data, lines = read_document(base_path, what="knowledge base")
    name = str(base_path)
    _require_mapping(data, name, lines)
    if overlay is not None or overlay_text is not None:
        label = str(overlay or "overlay")
        if overlay_text is None:
            extra, lines = read_document(label, what="overlay")
        else:
            extra, lines = parse_text(overlay_text, label)
        name = f"{label} (overlay on {base_path.name})"
        _require_mapping(extra, label, lines)
        data, lines = _deep_merge(data, extra), _overlay_lines(data, extra, lines)
    try:
        cat = _validate(Catalog, data, name, lines)
        _check_sources(cat, name, lines)
    except AdvisorInputError as exc:
        raise _named_items(exc, data) from None
    return cat


def dump_plan(plan: Plan) -> str:
    """The plan as YAML text (exclude nothing: a saved plan is complete)."""
    return dump_yaml(plan.model_dump(mode="json"))


class _NoAliasDumper(yaml.SafeDumper):
    """Writes a value used twice out twice: the loaders refuse aliases in user files."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """YAML text the loaders read back: block style, keys in order, no anchors or aliases."""
    return yaml.dump(data, Dumper=_NoAliasDumper, sort_keys=False, allow_unicode=True)


def save_plan(plan: Plan, path: str | Path, *, original: str | None = None) -> str:
    """Write the plan atomically: to a temporary file beside it, then rename over. YAML keeps
    the comments and layout of ``original``, the text the plan was read from (plan_yaml).
    Returns the text written."""
    from .plan_yaml import plan_yaml  # ruamel.yaml: imported only when a plan is written

    p = Path(path)
    text = (
        json.dumps(plan.model_dump(mode="json"), indent=2)
        if p.suffix == ".json"
        else plan_yaml(plan, original)
    )
    atomic_write_text(p, text, what="plan")
    return text
