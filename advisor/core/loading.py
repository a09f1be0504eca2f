"""Reading plans and the knowledge base from disk: safe YAML or JSON, clear errors, atomic saves."""

from __future__ import annotations

import copy
import json
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import AdvisorInputError, Problem, problems_from_validation
from .knowledge import ESTIMATE, Catalog, iter_figures
from .plan import Plan

__all__ = [
    "catalog_path",
    "dump_plan",
    "load_catalog",
    "load_plan",
    "read_document",
    "save_plan",
]

_PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data" / "platforms.yaml"
_REPO_DATA = Path(__file__).resolve().parents[2] / "data" / "platforms.yaml"

# libyaml's safe loader when present (ten times faster); both construct plain data only.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Lines = dict[tuple[str | int, ...], int]
M = TypeVar("M", bound=BaseModel)


def catalog_path() -> Path:
    """The shipped knowledge base: package data when installed, the repo's data/ otherwise."""
    return _PACKAGE_DATA if _PACKAGE_DATA.exists() else _REPO_DATA


def _line_map(text: str) -> Lines:
    """Map each field path of a YAML document to its (1-based) line number."""
    lines: Lines = {}
    try:
        root = yaml.compose(text, Loader=_SafeLoader)
    except yaml.YAMLError:
        return lines

    def walk(node: yaml.Node | None, path: tuple[str | int, ...]) -> None:
        if node is None:
            return
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[(*path, str(key.value))] = key.start_mark.line + 1
                walk(value, (*path, str(key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*path, i))

    walk(root, ())
    return lines


def read_document(path: str | Path) -> tuple[Any, Lines]:
    """Parse a YAML (safe loading only) or JSON file; AdvisorInputError on any failure."""
    p = Path(path)
    name = str(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AdvisorInputError.single(name, "", "file not found") from None
    except IsADirectoryError:
        raise AdvisorInputError.single(name, "", "is a directory, not a file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AdvisorInputError.single(name, "", f"cannot be read: {exc}") from None
    if not text.strip():
        raise AdvisorInputError.single(
            name, "", "the file is empty; expected a YAML or JSON mapping"
        )
    if p.suffix.lower() == ".json":
        try:
            return json.loads(text), {}
        except json.JSONDecodeError as exc:
            raise AdvisorInputError(
                [Problem(name, "", f"malformed JSON: {exc.msg}", line=exc.lineno)]
            ) from None
    try:
        data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        msg = getattr(exc, "problem", None) or str(exc)
        raise AdvisorInputError([Problem(name, "", f"malformed YAML: {msg}", line=line)]) from None
    return data, _line_map(text)


def _require_mapping(data: Any, name: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise AdvisorInputError.single(name, "", f"expected a mapping at the top level, got {kind}")
    return data


def _validate(model: type[M], data: Any, name: str, lines: Lines) -> M:
    try:
        return model.model_validate(_require_mapping(data, name))
    except ValidationError as exc:
        raise AdvisorInputError(problems_from_validation(exc, name, lines=lines)) from None


def load_plan(path: str | Path) -> Plan:
    """Read and validate a plan file."""
    data, lines = read_document(path)
    return _validate(Plan, data, str(path), lines)


def _merge_by_id(base: list[Any], extra: list[Any]) -> list[Any]:
    out = [copy.deepcopy(x) for x in base]
    index = {x.get("id"): i for i, x in enumerate(out) if isinstance(x, dict)}
    for item in extra:
        if isinstance(item, dict) and item.get("id") in index:
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


def _check_sources(cat: Catalog, name: str, lines: Lines) -> None:
    problems = []
    for path, fig in iter_figures(cat):
        if fig.src != ESTIMATE and fig.src not in cat.sources:
            field = ".".join(str(x) for x in path)
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


def load_catalog(path: str | Path | None = None, overlay: str | Path | None = None) -> Catalog:
    """Read and validate the knowledge base, with an optional user overlay merged over it.

    The overlay has the same structure; platforms and tools merge by id (fields override,
    new ids are added), other mappings merge key by key.
    """
    base_path = Path(path) if path is not None else catalog_path()
    data, lines = read_document(base_path)
    name = str(base_path)
    _require_mapping(data, name)
    if overlay is not None:
        extra, lines = read_document(overlay)
        name = f"{overlay} (overlay on {base_path.name})"
        data = _deep_merge(data, _require_mapping(extra, str(overlay)))
    cat = _validate(Catalog, data, name, lines)
    _check_sources(cat, name, lines)
    return cat


def dump_plan(plan: Plan, original: str | None = None) -> str:
    """The plan as YAML text (the whole profile; scenarios with the settings they use); with
    ``original``, the text it was read from, keeping its comments and layout (plan_yaml)."""
    from .plan_yaml import plan_yaml  # ruamel.yaml loads only when a plan is saved

    return plan_yaml(plan, original)


def save_plan(plan: Plan, path: str | Path, *, original: str | None = None) -> None:
    """Write the plan atomically: to a temporary file beside it, then rename over."""
    p = Path(path)
    text = (
        json.dumps(plan.model_dump(mode="json"), indent=2)
        if p.suffix == ".json"
        else dump_plan(plan, original)
    )
    atomic_write_text(p, text)


def atomic_write_text(path: Path, text: str) -> None:
    """Write text so that a crash leaves either the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
