"""Operations on the list of scenarios: add, duplicate, rename, describe, delete, move; and
the shared helpers of every operation (validation in words, pushing one undoable step).

A scenario the app named ("New scenario", "Baseline copy") is renamed after what it changes
at its first edits ("People 3 → 5"), until the user names it (see auto_name).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ...core.field_names import describe_changes, path_name
from ...core.plan import Plan, Scenario
from ..document import PlanDocument, PlanEdit
from ..files.plain_errors import plain_message

__all__ = [
    "NAME_MAX",
    "EditRejected",
    "add_scenario",
    "auto_name",
    "delete_scenario",
    "duplicate_scenario",
    "message",
    "move_scenario",
    "push",
    "rename_scenario",
    "set_scenario_description",
    "validated",
    "with_scenarios",
]

M = TypeVar("M", bound=BaseModel)
NAME_MAX: int = next(
    m.max_length for m in Scenario.model_fields["name"].metadata if hasattr(m, "max_length")
)
"""The longest scenario name a plan may hold (from the model)."""


class EditRejected(ValueError):
    """The edit would make the plan invalid; the message says why, in words."""


def message(exc: ValidationError) -> str:
    """A validation error in words: "People must be more than 0"."""
    out = []
    for e in exc.errors():
        loc = [x for x in e["loc"] if not (isinstance(x, str) and x.startswith("function-"))]
        path = ".".join(f"[{x}]" if isinstance(x, int) else str(x) for x in loc)
        where = path_name(path.replace(".[", "["))
        text = plain_message(e["msg"].removeprefix("Value error, "))
        plain = text.startswith(("must ", "is ", "cannot "))
        out.append(f"{where} {text}" if plain and where else f"{where}: {text}" if where else text)
    return "; ".join(out)


def validated(model: type[M], data: dict[str, Any]) -> M:
    """``model`` validated from ``data``; EditRejected in words when it is not valid."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise EditRejected(message(exc)) from None


def with_scenarios(plan: Plan, scenarios: list[Scenario]) -> Plan:
    """The plan with this list of scenarios (validated: names stay unique)."""
    data = plan.model_dump(mode="json") | {
        "scenarios": [s.model_dump(mode="json") for s in scenarios]
    }
    return validated(Plan, data)


def push(
    doc: PlanDocument,
    after: Plan,
    text: str,
    *,
    key: str | None = None,
    scenario: str | None = None,
) -> None:
    """One undoable step from the document's plan to ``after`` (nothing when no change)."""
    if after == doc.plan and scenario in (None, doc.scenario_name):
        return
    doc.undo_stack.push(PlanEdit(doc, after, text, key=key, scenario=scenario))


def set_scenario_description(doc: PlanDocument, *, name: str, description: str) -> None:
    """Describe scenario ``name`` (the report's cover shows the description)."""
    scenarios = [
        s.model_copy(update={"description": description}) if s.name == name else s
        for s in doc.plan.scenarios
    ]
    push(doc, with_scenarios(doc.plan, scenarios), f"Describe scenario {name}", scenario=name)


def unique_name(plan: Plan, base: str, *, but: str | None = None) -> str:
    """``base``, or ``base (2)``... : a name no scenario (other than ``but``) has."""
    base = base[: NAME_MAX - 5].rstrip()
    names = {s.name for s in plan.scenarios} - {but}
    if base not in names:
        return base
    n = 2
    while f"{base} ({n})" in names:
        n += 1
    return f"{base} ({n})"


def _profile_of(doc: PlanDocument, scenario: Scenario) -> dict[str, Any]:
    try:
        return scenario.apply(doc.plan.profile).model_dump(mode="json")
    except ValidationError:
        return doc.plan.profile.model_dump(mode="json")


def add_scenario(doc: PlanDocument, *, name: str = "New scenario") -> str:
    """Add an empty scenario after the current one and select it; returns its name."""
    name = unique_name(doc.plan, name)
    scenarios = list(doc.plan.scenarios)
    scenarios.insert(scenarios.index(doc.scenario()) + 1, Scenario(name=name))
    doc.auto_named[name] = doc.plan.profile.model_dump(mode="json")
    push(doc, with_scenarios(doc.plan, scenarios), f"Add scenario {name}", scenario=name)
    return name


def duplicate_scenario(doc: PlanDocument) -> str:
    """Copy the current scenario after it and select the copy; returns its name."""
    current = doc.scenario()
    name = unique_name(doc.plan, f"{current.name} copy")
    scenarios = list(doc.plan.scenarios)
    scenarios.insert(scenarios.index(current) + 1, current.model_copy(update={"name": name}))
    doc.auto_named[name] = _profile_of(doc, current)
    text = f"Duplicate scenario {current.name}"
    push(doc, with_scenarios(doc.plan, scenarios), text, scenario=name)
    return name


def auto_name(doc: PlanDocument, scenario: Scenario) -> str | None:
    """The name an app-named scenario takes after an edit: what it changes ("People 3 → 5"),
    or None when the user has named it (or it changes nothing yet)."""
    base = doc.auto_named.get(scenario.name)
    if base is None:
        return None
    names = {p.id: p.name for p in doc.catalog.platforms}
    what = describe_changes(base, _profile_of(doc, scenario), channels=names)
    if not what:
        return None
    name = unique_name(doc.plan, what, but=scenario.name)
    doc.auto_named[name] = base  # still the app's name: later edits rename it again
    return name


def rename_scenario(doc: PlanDocument, *, old: str, new: str) -> None:
    """Rename a scenario; refused in words when empty, too long or taken."""
    new = new.strip()
    if not new:
        raise EditRejected("A scenario needs a name.")
    if len(new) > NAME_MAX:
        raise EditRejected(
            f"A scenario name can have at most {NAME_MAX} characters; the one typed has "
            f"{len(new)}. Use the description for the details."
        )
    if new == old:
        return
    if any(s.name == new for s in doc.plan.scenarios):
        raise EditRejected(f"A scenario named “{new}” already exists; choose another name.")
    scenarios = [
        s.model_copy(update={"name": new}) if s.name == old else s for s in doc.plan.scenarios
    ]
    after = with_scenarios(doc.plan, scenarios)
    selected = new if doc.scenario_name == old else doc.scenario_name
    doc.auto_named.pop(old, None)  # named by the user now
    push(doc, after, f"Rename scenario {old} to {new}", scenario=selected)


def delete_scenario(doc: PlanDocument, *, name: str) -> None:
    """Delete a scenario (never the last one)."""
    scenarios = [s for s in doc.plan.scenarios if s.name != name]
    if not scenarios:
        raise EditRejected("A plan needs at least one scenario.")
    old = [s.name for s in doc.plan.scenarios].index(name)
    selected = (
        doc.scenario_name
        if doc.scenario_name != name
        else scenarios[min(old, len(scenarios) - 1)].name
    )
    after = doc.plan.model_copy(update={"scenarios": scenarios})
    push(doc, after, f"Delete scenario {name}", scenario=selected)


def move_scenario(doc: PlanDocument, *, name: str, step: int) -> None:
    """Move a scenario up (step -1) or down (+1) the list."""
    scenarios = list(doc.plan.scenarios)
    i = [s.name for s in scenarios].index(name)
    j = i + step
    if not 0 <= j < len(scenarios):
        return
    scenarios[i], scenarios[j] = scenarios[j], scenarios[i]
    after = doc.plan.model_copy(update={"scenarios": scenarios})
    push(doc, after, f"Move scenario {name} {'up' if step < 0 else 'down'}", scenario=name)
