"""One short keyword-only function per user operation; each pushes one undoable command.

Operations validate through the core models; an edit the models reject raises EditRejected
with a readable message and changes nothing.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ...core.field_names import field_name, value_text
from ...core.plan import CompanyProfile, Scenario
from ...core.vocab import Ambition, Level
from ..document import PlanDocument
from .scenario_ops import (
    EditRejected,
    add_scenario,
    auto_name,
    delete_scenario,
    duplicate_scenario,
    message,
    move_scenario,
    push,
    rename_scenario,
    set_scenario_description,
    validated,
)

__all__ = [
    "EditRejected",
    "add_scenario",
    "clear_scenario_changes",
    "clear_scenario_override",
    "delete_scenario",
    "duplicate_scenario",
    "edit_presence",
    "force_channel",
    "move_scenario",
    "rename_scenario",
    "set_ambition",
    "set_cadence",
    "set_scenario_description",
    "set_scenario_field",
    "set_profile_field",
    "set_tool",
]


def _edit_text(field: str, value: Any) -> str:
    """The undo step of an edit in words: "Set People to 3", "Edit the notes"."""
    if field == "notes":
        return "Edit the notes"
    if isinstance(value, dict) and len(value) == 1:
        [(k, v)] = value.items()
        return f"Set {field_name(field, k)} to {value_text(field, v)}"
    return f"Set {field_name(field)} to {value_text(field, value)}"


def set_profile_field(doc: PlanDocument, *, field: str, value: Any, key: str | None = None) -> None:
    """Change one field of the shared company profile (mappings merge key by key)."""
    data = doc.plan.profile.model_dump(mode="json")
    text = _edit_text(field, value)
    if isinstance(value, dict) and isinstance(data.get(field), dict):
        value = data[field] | value
    data[field] = value
    profile = validated(CompanyProfile, data)
    push(doc, doc.plan.model_copy(update={"profile": profile}), text, key=key)


def _edit_scenario(doc: PlanDocument, text: str, key: str | None = None, **update: Any) -> None:
    current = doc.scenario()
    scenario = validated(Scenario, current.model_dump(mode="json") | update)
    renamed = auto_name(doc, scenario) if "changes" in update else None
    if renamed and renamed != scenario.name:
        scenario = scenario.model_copy(update={"name": renamed})
    scenarios = [scenario if s.name == current.name else s for s in doc.plan.scenarios]
    after = doc.plan.model_copy(update={"scenarios": scenarios})
    push(doc, after, text, key=key, scenario=scenario.name)


def _set_changes(doc: PlanDocument, changes: dict[str, Any], text: str, key: str | None) -> None:
    """Replace the current scenario's changes, refusing any that make its profile invalid."""
    try:
        doc.scenario().model_copy(update={"changes": changes}).apply(doc.plan.profile)
    except ValidationError as exc:
        raise EditRejected(message(exc)) from None
    _edit_scenario(doc, text, key, changes=changes)


def set_scenario_field(
    doc: PlanDocument, *, field: str, value: Any, key: str | None = None
) -> None:
    """Override one profile field in the current scenario only (a mapping: only the keys given).

    A scenario the app named is renamed after what it changes (see scenario_ops.auto_name)."""
    changes = dict(doc.scenario().changes)
    previous = changes.get(field)
    text = f"{_edit_text(field, value)} in scenario {doc.scenario_name}"
    if isinstance(value, dict):
        value = (previous if isinstance(previous, dict) else {}) | value
    changes[field] = value
    # the merge key follows the scenario through an automatic rename (same base profile)
    base = doc.auto_named.get(doc.scenario_name)
    owner = f"auto{id(base)}" if base is not None else doc.scenario_name
    _set_changes(doc, changes, text, f"{owner}|{key}" if key else None)


def clear_scenario_override(doc: PlanDocument, *, field: str, key: str | None = None) -> None:
    """Use the shared value again for ``field`` (or only its mapping ``key``) in this scenario."""
    changes = dict(doc.scenario().changes)
    inner = changes.get(field)
    if key is not None and isinstance(inner, dict):
        rest = {k: v for k, v in inner.items() if k != key}
        changes = changes | {field: rest} if rest else _without(changes, field)
    else:
        changes = _without(changes, field)
    what = field_name(field, key)
    _set_changes(doc, changes, f"Use the shared {what} in scenario {doc.scenario_name}", None)


def clear_scenario_changes(doc: PlanDocument) -> None:
    """Drop every profile override of the current scenario."""
    _set_changes(doc, {}, f"Clear overrides of scenario {doc.scenario_name}", None)


def _without(changes: dict[str, Any], field: str) -> dict[str, Any]:
    return {k: v for k, v in changes.items() if k != field}


def force_channel(doc: PlanDocument, *, channel: str, how: str | None) -> None:
    """Force a channel "in" or "out" of the current scenario's mix, or clear it (None)."""
    s = doc.scenario()
    force_in = [c for c in s.force_in if c != channel] + ([channel] if how == "in" else [])
    force_out = [c for c in s.force_out if c != channel] + ([channel] if how == "out" else [])
    verb = {"in": "Force in", "out": "Force out"}.get(how or "", "Clear forcing of")
    _edit_scenario(
        doc, f"{verb} {_channel_name(doc, channel)}", force_in=force_in, force_out=force_out
    )


def set_cadence(doc: PlanDocument, *, channel: str, level: str | None) -> None:
    """Fix a channel's cadence level ("min", "typical", "high") in the current scenario, or
    let the advisor choose it again (None)."""
    name = _channel_name(doc, channel)
    cadence = {k: v.value for k, v in doc.scenario().cadence.items() if k != channel}
    if level is None:
        text = f"Let the advisor choose {name}'s cadence"
    else:
        try:
            text = f"Fix {name} at {Level(level).label} cadence"
        except ValueError:
            raise EditRejected(f"unknown cadence level {level!r}") from None
        cadence[channel] = level
    _edit_scenario(doc, text, cadence=cadence)


def edit_presence(
    doc: PlanDocument,
    *,
    channel: str,
    presence: dict[str, Any] | None,
    scenario_only: bool,
    rename_to: str | None = None,
) -> None:
    """Add or change (``presence``), remove (None) or rename (``rename_to``) one of today's
    channels, in the shared profile or, with ``scenario_only``, in the current scenario.

    A scenario can add channels and change their figures but cannot drop one the shared
    profile lists (its changes merge key by key into the shared profile).
    """
    shared = {
        k: _figures(v) for k, v in doc.plan.profile.model_dump(mode="json")["presence"].items()
    }
    changes = dict(doc.scenario().changes)
    override = {k: _figures(v) for k, v in (changes.get("presence") or {}).items()}
    presence = None if presence is None else _figures(presence)
    shown = shared | override if scenario_only else dict(shared)
    name = _channel_name(doc, channel)
    if rename_to is not None:
        new = _channel_name(doc, rename_to)
        text = f"Change {name} to {new} in today's channels"
        value = shown.get(channel) if presence is None else presence
        target = {(rename_to if k == channel else k): v for k, v in shown.items()}
        target[rename_to] = value
    elif presence is None:
        text = f"Remove {name} from today's channels"
        target = {k: v for k, v in shown.items() if k != channel}
    else:
        verb = "Change" if channel in shown else "Add"
        text = f"{verb} {name} {'in' if verb == 'Change' else 'to'} today's channels"
        target = shown | {channel: presence}
    if not scenario_only:
        data = doc.plan.profile.model_dump(mode="json") | {"presence": target}
        try:
            profile = CompanyProfile.model_validate(data)
        except ValidationError as exc:
            raise EditRejected(message(exc)) from None
        push(doc, doc.plan.model_copy(update={"profile": profile}), text)
        return
    dropped = [k for k in shared if k not in target]
    if dropped:
        names = ", ".join(_channel_name(doc, k) for k in dropped)
        raise EditRejected(
            f"scenario {doc.scenario_name} cannot drop {names}, which the shared profile "
            "lists; remove it from the shared profile, or change its figures here"
        )
    kept = {k: v for k, v in target.items() if k in override or shared.get(k) != v}
    changes = changes | {"presence": kept} if kept else _without(changes, "presence")
    _set_changes(doc, changes, f"{text} in scenario {doc.scenario_name}", None)


def _figures(presence: Any) -> Any:
    """A presence mapping without its unset (None) figures, as a plan file would say it."""
    if not isinstance(presence, dict):
        return presence
    return {k: v for k, v in presence.items() if v is not None}


def _channel_name(doc: PlanDocument, channel: str) -> str:
    try:
        return doc.catalog.platform(channel).name
    except KeyError:
        return channel


def set_tool(doc: PlanDocument, *, tool: str | None) -> None:
    """Fix the current scenario's tool ("id/plan", "none") or let the advisor choose (None)."""
    _edit_scenario(doc, f"Set the tool to {_tool_name(doc, tool)}", tool=tool)


def _tool_name(doc: PlanDocument, tool: str | None) -> str:
    """ "Sprout Social Essentials" for "sprout_social/essentials"."""
    if tool is None:
        return "the advisor's choice"
    if tool == "none":
        return "no tool"
    tool_id, _, plan_id = tool.partition("/")
    found = next((t for t in doc.catalog.tools if t.id == tool_id), None)
    if found is None:
        return tool
    plan = next((p for p in found.plans if p.id == plan_id), None)
    return f"{found.name} {plan.name}" if plan is not None else found.name


def set_ambition(doc: PlanDocument, *, ambition: str) -> None:
    """Set the current scenario's cadence preference (an Ambition value)."""
    try:
        label = Ambition(ambition).label
    except ValueError:
        raise EditRejected(f"unknown cadence preference {ambition!r}") from None
    _edit_scenario(doc, f"Set cadence to {label.lower()}", ambition=ambition)
