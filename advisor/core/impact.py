"""Which scenarios' answers an edit changed: the mix, cadences, tool, hours or monthly cost."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .engine import build, prepare
from .errors import AdvisorInputError
from .knowledge import Catalog
from .plan import Plan
from .result import Recommendation
from .sensitivity import Cancelled

__all__ = ["answer_key", "changed_scenarios"]

Key = tuple[object, ...]


def answer_key(rec: Recommendation) -> Key:
    """What a reader of the answer would notice changing: the channels and their cadence
    levels, the tool, the hours a week (to 0.1 h) and the monthly cost (to the dollar)."""
    cadences = tuple((c.id, c.cadence_level) for c in rec.channels if c.in_mix)
    tool = (rec.tool.id, rec.tool.plan) if rec.tool is not None else None
    return (cadences, tool, round(rec.hours_per_week, 1), round(rec.monthly_cost))


def _key(plan: Plan, name: str, catalog: Catalog) -> Key:
    try:
        return answer_key(build(prepare(plan, name, catalog), explain_left_out=False))
    except AdvisorInputError as exc:  # an invalid scenario: its problem is its answer
        return ("problem", exc.problems[0].message)


def changed_scenarios(
    before: Plan,
    after: Plan,
    catalog: Catalog,
    *,
    skip: Iterable[str] = (),
    should_stop: Callable[[], bool] = lambda: False,
) -> list[str]:
    """Names of the scenarios (in both plans, not in ``skip``) whose answer differs, in plan
    order. Raises Cancelled when ``should_stop()`` turns true between scenarios."""
    names = {s.name for s in before.scenarios} - set(skip)
    changed = []
    for s in after.scenarios:
        if s.name not in names:
            continue
        if should_stop():
            raise Cancelled
        if _key(before, s.name, catalog) != _key(after, s.name, catalog):
            changed.append(s.name)
    return changed
