"""One short keyword-only function per user operation; each pushes one undoable command.

Operations validate through the core models; an edit the models reject raises EditRejected
with a readable message and changes nothing.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..core.plan import CompanyProfile, Plan, Scenario
from ..core.vocab import Ambition, Level
from .document import PlanDocument, PlanEdit

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


class EditRejected(ValueError):
    """The edit would make the plan invalid; the message says why."""


def _message(exc: ValidationError) -> str:
    return "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())


def _plan_with(plan: Plan, **update: Any) -> Plan:
    data = plan.model_dump(mode="json") | update
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise EditRejected(_message(exc)) from None


def _with_scenarios(plan: Plan, scenarios: list[Scenario]) -> Plan:
    """The plan with this list of scenarios (validated: names stay unique)."""
    return _plan_with(plan, scenarios=[s.model_dump(mode="json") for s in scenarios])


def _push(
    doc: PlanDocument,
    after: Plan,
    text: str,
    *,
    key: str | None = None,
    scenario: str | None = None,
) -> None:
    if after == doc.plan and scenario in (None, doc.scenario_name):
        return
    doc.undo_stack.push(PlanEdit(doc, after, text, key=key, scenario=scenario))


def set_profile_field(
    doc: PlanDocument, *, field: str, value: Any, key: str | None = None, label: str | None = None
) -> None:
    """Change one field of the shared company profile (mappings merge key by key)."""
    data = doc.plan.profile.model_dump(mode="json")
    if isinstance(value, dict) and isinstance(data.get(field), dict):
        value = data[field] | value
    data[field] = value
    try:
        profile = CompanyProfile.model_validate(data)
    except ValidationError as exc:
        raise EditRejected(_message(exc)) from None
    after = doc.plan.model_copy(update={"profile": profile})
    _push(doc, after, f"Change {label or field.replace('_', ' ')}", key=key)


def _edit_scenario(doc: PlanDocument, text: str, key: str | None = None, **update: Any) -> None:
    current = doc.scenario()
    data = current.model_dump(mode="json") | update
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        raise EditRejected(_message(exc)) from None
    scenarios = [scenario if s.name == current.name else s for s in doc.plan.scenarios]
    _push(
        doc,
        doc.plan.model_copy(update={"scenarios": scenarios}),
        text,
        key=key,
        scenario=scenario.name,
    )


def _set_changes(doc: PlanDocument, changes: dict[str, Any], text: str, key: str | None) -> None:
    """Replace the current scenario's changes, refusing any that make its profile invalid."""
    try:
        doc.scenario().model_copy(update={"changes": changes}).apply(doc.plan.profile)
    except ValidationError as exc:
        raise EditRejected(_message(exc)) from None
    _edit_scenario(doc, text, key, changes=changes)


def set_scenario_field(
    doc: PlanDocument, *, field: str, value: Any, key: str | None = None, label: str | None = None
) -> None:
    """Override one profile field in the current scenario only (a mapping: only the keys given)."""
    changes = dict(doc.scenario().changes)
    previous = changes.get(field)
    if isinstance(value, dict):
        value = (previous if isinstance(previous, dict) else {}) | value
    changes[field] = value
    name = doc.scenario_name
    text = f"Change {label or field.replace('_', ' ')} in scenario {name}"
    _set_changes(doc, changes, text, f"{name}|{key}" if key else None)


def clear_scenario_override(doc: PlanDocument, *, field: str, key: str | None = None) -> None:
    """Use the shared value again for ``field`` (or only its mapping ``key``) in this scenario."""
    changes = dict(doc.scenario().changes)
    inner = changes.get(field)
    if key is not None and isinstance(inner, dict):
        rest = {k: v for k, v in inner.items() if k != key}
        changes = changes | {field: rest} if rest else _without(changes, field)
    else:
        changes = _without(changes, field)
    what = f"{field}.{key}" if key else field
    _set_changes(doc, changes, f"Use shared {what.replace('_', ' ')} in {doc.scenario_name}", None)


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
            raise EditRejected(_message(exc)) from None
        _push(doc, doc.plan.model_copy(update={"profile": profile}), text)
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
    _edit_scenario(doc, f"Set tool to {tool or 'automatic'}", tool=tool)


def set_ambition(doc: PlanDocument, *, ambition: str) -> None:
    """Set the current scenario's cadence preference (an Ambition value)."""
    try:
        label = Ambition(ambition).label
    except ValueError:
        raise EditRejected(f"unknown cadence preference {ambition!r}") from None
    _edit_scenario(doc, f"Set cadence to {label.lower()}", ambition=ambition)


def set_scenario_description(doc: PlanDocument, *, name: str, description: str) -> None:
    """Describe scenario ``name`` (the report's cover shows the description)."""
    scenarios = [
        s.model_copy(update={"description": description}) if s.name == name else s
        for s in doc.plan.scenarios
    ]
    after = _with_scenarios(doc.plan, scenarios)
    _push(doc, after, f"Describe scenario {name}", scenario=name)


def _unique_name(plan: Plan, base: str) -> str:
    names = {s.name for s in plan.scenarios}
    if base not in names:
        return base
    n = 2
    while f"{base} ({n})" in names:
        n += 1
    return f"{base} ({n})"


def add_scenario(doc: PlanDocument, *, name: str = "New scenario") -> str:
    """Add an empty scenario after the current one and select it; returns its name."""
    name = _unique_name(doc.plan, name)
    scenarios = list(doc.plan.scenarios)
    i = scenarios.index(doc.scenario()) + 1
    scenarios.insert(i, Scenario(name=name))
    _push(
        doc,
        _with_scenarios(doc.plan, scenarios),
        f"Add scenario {name}",
        scenario=name,
    )
    return name


def duplicate_scenario(doc: PlanDocument) -> str:
    current = doc.scenario()
    name = _unique_name(doc.plan, f"{current.name} copy")
    scenarios = list(doc.plan.scenarios)
    scenarios.insert(scenarios.index(current) + 1, current.model_copy(update={"name": name}))
    _push(
        doc,
        _with_scenarios(doc.plan, scenarios),
        f"Duplicate scenario {current.name}",
        scenario=name,
    )
    return name


def rename_scenario(doc: PlanDocument, *, old: str, new: str) -> None:
    new = new.strip()
    if not new:
        raise EditRejected("a scenario needs a name")
    if new == old:
        return
    if any(s.name == new for s in doc.plan.scenarios):
        raise EditRejected(f"a scenario named '{new}' already exists")
    scenarios = [
        s.model_copy(update={"name": new}) if s.name == old else s for s in doc.plan.scenarios
    ]
    after = _with_scenarios(doc.plan, scenarios)
    selected = new if doc.scenario_name == old else doc.scenario_name
    _push(doc, after, f"Rename scenario {old} to {new}", scenario=selected)


def delete_scenario(doc: PlanDocument, *, name: str) -> None:
    scenarios = [s for s in doc.plan.scenarios if s.name != name]
    if not scenarios:
        raise EditRejected("a plan needs at least one scenario")
    old = [s.name for s in doc.plan.scenarios].index(name)
    selected = (
        doc.scenario_name
        if doc.scenario_name != name
        else scenarios[min(old, len(scenarios) - 1)].name
    )
    _push(
        doc,
        doc.plan.model_copy(update={"scenarios": scenarios}),
        f"Delete scenario {name}",
        scenario=selected,
    )


def move_scenario(doc: PlanDocument, *, name: str, step: int) -> None:
    """Move a scenario up (step -1) or down (+1) the list."""
    scenarios = list(doc.plan.scenarios)
    i = [s.name for s in scenarios].index(name)
    j = i + step
    if not 0 <= j < len(scenarios):
        return
    scenarios[i], scenarios[j] = scenarios[j], scenarios[i]
    _push(
        doc,
        doc.plan.model_copy(update={"scenarios": scenarios}),
        f"Move scenario {name} {'up' if step < 0 else 'down'}",
        scenario=name,
    )
