"""A plan as YAML text that keeps the file it came from: comments, key order, quoting, flow
lists and folded text stay as they were; only the values that changed are written anew.

Round trip with ruamel.yaml: the original text is parsed into its comment-keeping tree, the
difference between the plan it held and the plan to save is applied to that tree, and the tree
is dumped. The result is read back and checked against the plan; if it does not say the same
plan (or the original cannot be used), a fresh dump is written instead - never a wrong file.
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml
from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

from .plan import Plan

__all__ = ["plan_yaml"]

# Fields whose default is empty: when an edit empties one, the key leaves the file (as if it
# had never been written) rather than staying as "changes: {}".
_EMPTY_MEANS_ABSENT = frozenset(
    {"changes", "force_in", "force_out", "forbid_tools", "cadence", "presence", "description"}
)


def plan_yaml(plan: Plan, original: str | None = None) -> str:
    """The plan as YAML; with ``original`` (the text it was read from), that text with only
    the changed values replaced."""
    new = plan.model_dump(mode="json")
    if original:
        try:
            text = _round_trip(original, new)
        except (YAMLError, ValidationError, ValueError, TypeError, AttributeError):
            text = None  # the original is unusable as a base: write the plan afresh
        if text is not None and _says(text, plan):
            return text
    new["scenarios"] = [_lean(s) for s in new["scenarios"]]
    return _dump(_fresh(new), _writer())


def _round_trip(original: str, new: dict[str, Any]) -> str:
    _, seq_indent, offset = load_yaml_guess_indent(original)
    rt = _writer()
    rt.preserve_quotes = True  # "18-29": keys and values keep their quotes
    tree = rt.load(original)
    if not isinstance(tree, CommentedMap):
        raise ValueError("not a mapping")
    old = Plan.model_validate(yaml.safe_load(original)).model_dump(mode="json")
    _apply_map(tree, old, new)
    rt.width = 4096  # never re-wrap a long line the author wrote on one line
    mapping = _mapping_indent(original)
    rt.indent(mapping=mapping, sequence=seq_indent or mapping, offset=offset or 0)
    return _dump(tree, rt)


def _mapping_indent(text: str) -> int:
    """The indentation of the first nested key (ruamel guesses only the lists' indentation)."""
    match = re.search(
        r"^[^\s#-][^\n]*:[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*( +)[^\s#-]",
        text,
        re.MULTILINE,
    )
    return len(match.group(1)) if match else 2


def _writer() -> YAML:
    """A round-trip dumper that writes None as "null" (ruamel writes nothing), as plan files
    and the documentation do."""
    rt = YAML()
    rt.representer.add_representer(
        type(None), lambda r, _d: r.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return rt


def _dump(tree: Any, rt: YAML) -> str:
    out = io.StringIO()
    rt.dump(tree, out)
    return out.getvalue()


def _says(text: str, plan: Plan) -> bool:
    """True when ``text`` reads back as exactly ``plan``."""
    try:
        return Plan.model_validate(yaml.safe_load(text)) == plan
    except (yaml.YAMLError, ValidationError):
        return False


def _find(node: CommentedMap, key: str) -> Any:
    """The tree's own key for ``key`` (a YAML key may be an int where the model has a str)."""
    return next((k for k in node if str(k) == key), None)


def _apply_map(
    node: CommentedMap, old: dict[str, Any], new: dict[str, Any], path: tuple[str, ...] = ()
) -> None:
    figures = len(path) >= 2 and path[-2] == "presence"  # a channel's figures: None = absent
    for k in [k for k in node if str(k) not in new or (figures and new[str(k)] is None)]:
        del node[k]
    for key, value in new.items():
        here = _find(node, key)
        if key in old and old[key] == value or (figures and value is None):
            continue  # unchanged: whatever the file says (or leaves out) stays
        if here is None:
            if not (key in _EMPTY_MEANS_ABSENT and not value):
                node[key] = _new_entry(node, value) if path[-1:] == ("presence",) else _fresh(value)
        elif key in _EMPTY_MEANS_ABSENT and not value:
            del node[here]
        else:
            node[here] = _apply(node[here], old.get(key), value, (*path, key))


def _new_entry(siblings: CommentedMap, figures: Any) -> Any:
    """A channel new to today's channels: its figures only, written like the others."""
    if not isinstance(figures, dict):
        return _fresh(figures)
    entry = _fresh({k: v for k, v in figures.items() if v is not None})
    flow = any(isinstance(v, CommentedMap) and v.fa.flow_style() for v in siblings.values())
    if flow:
        entry.fa.set_flow_style()
    return entry


def _apply(node: Any, old: Any, new: Any, path: tuple[str, ...] = ()) -> Any:
    """``node`` changed from saying ``old`` to saying ``new``, keeping what can be kept."""
    if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        _apply_map(node, old, new, path)
        return node
    if isinstance(node, CommentedSeq) and isinstance(old, list) and isinstance(new, list):
        return _apply_seq(node, old, new)
    if isinstance(new, str) and isinstance(node, FoldedScalarString | LiteralScalarString):
        # a block stays a block; a folded one becomes literal when it gains line breaks
        return LiteralScalarString(new) if "\n" in new else type(node)(new)
    if isinstance(new, str) and "\n" not in new and isinstance(node, _QUOTED):
        return type(node)(new)  # 'quoted' text stays quoted the same way
    fresh = _fresh(new)
    if isinstance(fresh, CommentedSeq) and isinstance(node, CommentedSeq):
        _copy_flow(node, fresh)
    return fresh


def _apply_seq(node: CommentedSeq, old: list[Any], new: list[Any]) -> CommentedSeq:
    names_old = [x.get("name") if isinstance(x, dict) else None for x in old]
    if len(node) == len(old) and all(names_old) and all(isinstance(x, dict) for x in new):
        # Scenarios: matched by name, so a rename, move, add or delete keeps the others' text.
        by_name = dict(zip(names_old, zip(list(node), old, strict=True), strict=True))
        new_names = {x.get("name") for x in new}
        items = []
        for i, item in enumerate(new):
            here = by_name.get(item.get("name"))
            if here is None and i < len(old) and names_old[i] not in new_names:
                here = (node[i], old[i])  # renamed where it stands
            items.append(_apply(here[0], here[1], item) if here else _fresh(_lean(item)))
        if [id(x) for x in items] != [id(x) for x in node]:
            del node[:]
            node.extend(items)
        return node
    if len(node) == len(old) == len(new):
        for i, (o, n) in enumerate(zip(old, new, strict=True)):
            if o != n:
                node[i] = _apply(node[i], o, n)
        return node
    fresh = _fresh(new)
    _copy_flow(node, fresh)
    return fresh


_QUOTED = (SingleQuotedScalarString, DoubleQuotedScalarString)


def _lean(scenario: dict[str, Any]) -> dict[str, Any]:
    """A new scenario as a person would write it: without its empty and automatic settings."""
    return {
        k: v
        for k, v in scenario.items()
        if not (k in _EMPTY_MEANS_ABSENT and not v)
        and not (k == "tool" and v is None)
        and not (k == "ambition" and v == "auto")
    }


def _copy_flow(before: CommentedSeq, after: CommentedSeq) -> None:
    if before.fa.flow_style():
        after.fa.set_flow_style()
    else:
        after.fa.set_block_style()


def _key(key: str) -> str:
    """A new key; quoted when it starts with a digit ("18-29"), as the plan format asks."""
    return DoubleQuotedScalarString(key) if key[:1].isdigit() else key


def _fresh(value: Any) -> Any:
    """A value new to the file: lists of plain values in flow style ([text, image]), whole
    numbers without ".0", multi-line text as a literal block."""
    if isinstance(value, dict):
        return CommentedMap((_key(k), _fresh(v)) for k, v in value.items())
    if isinstance(value, list):
        seq = CommentedSeq(_fresh(v) for v in value)
        if all(not isinstance(v, dict | list) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value
