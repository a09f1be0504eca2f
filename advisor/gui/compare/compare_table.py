"""The Compare table's content: one row per scenario with the deltas that matter, in words.

Formatting only. The one figure computed here is arithmetic on the engine's own numbers: every
scenario's goal coverage weighted by the *baseline's* goal weights, so that scenarios which
change the goal weights can still be compared on one scale.
"""

from __future__ import annotations

from typing import Any

from ...core.result import Recommendation
from ...core.vocab import Goal
from ..widgets.formatting import signed

__all__ = ["HEADERS", "HEADER_TIPS", "best_index", "comparable_coverage", "display_frame"]

HEADERS = {
    "scenario_cell": "Scenario",
    "hours_cell": "Hours/week (Δ)",
    "fte_cell": "FTE (Δ)",
    "cost_cell": "$/month (Δ)",
    "coverage_cell": "Goal coverage (Δ)",
    "spare_cell": "Spare h",
    "tool_cell": "Tool",
    "mix_cell": "Mix",
}

HEADER_TIPS = {
    "scenario_cell": "The scenario; ★ marks the best by the plan's objective: the highest goal "
    "coverage, ties to the lower monthly cost",
    "hours_cell": "Staff hours a week the plan needs, every role; in brackets the difference "
    "from the baseline scenario",
    "fte_cell": "Full-time equivalents (hours over productive hours per FTE); in brackets the "
    "difference from the baseline",
    "cost_cell": "Staff time plus licences, USD a month; in brackets the difference from the "
    "baseline",
    "coverage_cell": "How much of the goals the mix covers, 0-100%, weighted by the BASELINE "
    "scenario's goal weights so every scenario is measured on the same scale (a scenario that "
    "changes the weights scores itself on its own weights; the two are not comparable). In "
    "brackets the difference from the baseline in points.",
    "spare_cell": "The marketing team's hours a week the mix leaves free (h/week)",
    "tool_cell": "The management tool and plan the scenario uses",
    "mix_cell": "The channels in the mix; hover for what was added or dropped against the baseline",
}

# the numeric delta behind each cell, for the cell's colour (more hours is worse, more
# coverage is better)
DELTAS = {
    "hours_cell": ("d_hours", -1),
    "fte_cell": ("d_fte", -1),
    "cost_cell": ("d_cost", -1),
    "coverage_cell": ("d_coverage", 1),
}


def comparable_coverage(rec: Recommendation, weights: dict[Goal, float]) -> float:
    """The recommendation's goal coverage (0..1) weighted by the given goal weights."""
    total = sum(weights.values()) or 1.0
    return sum(weights.get(g, 0.0) * rec.coverage[g] for g in Goal) / total


def best_index(recs: list[Recommendation], coverage: list[float]) -> int | None:
    """The best scenario by the plan's objective: the highest coverage among the feasible
    scenarios with a mix; within 0.05 points of it, the cheapest."""
    ok = [i for i, r in enumerate(recs) if r.feasible and r.mix]
    if not ok:
        return None
    top = max(coverage[i] for i in ok)
    near = [i for i in ok if coverage[i] >= top - 0.0005]
    return min(near, key=lambda i: recs[i].monthly_cost)


def display_frame(
    frame: Any, recs: list[Recommendation], weights: dict[Goal, float], baseline: int
) -> Any:
    """``frame`` (core.tables.compare_frame) with the display columns added."""
    names = {c.id: c.name for r in recs for c in r.channels}
    cov = [comparable_coverage(r, weights) for r in recs]
    best = best_index(recs, cov)
    base = recs[baseline]
    rows = [
        _cells(r, row, cov[i], cov[i] - cov[baseline], i == best, base, names)
        for i, (r, row) in enumerate(zip(recs, frame.to_dict("records"), strict=True))
    ]
    import pandas as pd

    return pd.concat([frame.reset_index(drop=True), pd.DataFrame(rows)], axis=1)


def _cells(
    r: Recommendation,
    row: dict[str, Any],
    cov: float,
    d_cov: float,
    best: bool,
    base: Recommendation,
    names: dict[str, str],
) -> dict[str, Any]:
    return {
        "coverage": cov,
        "d_coverage": d_cov,
        "scenario_cell": ("★ " if best else "") + r.scenario,
        "hours_cell": f"{r.hours_per_week:,.1f} ({signed(row['d_hours'])})",
        "fte_cell": f"{r.fte:.2f} ({signed(row['d_fte'], '{:.2f}')})",
        "cost_cell": f"${r.monthly_cost:,.0f} ({signed(row['d_cost'], '${:,.0f}')})",
        "coverage_cell": f"{cov:.0%} ({signed(d_cov * 100, unit=' pts')})",
        "spare_cell": f"{r.spare_hours_per_week:,.1f}",
        "tool_cell": r.tool.name if r.tool else "No tool",
        "mix_cell": ", ".join(names.get(c, c) for c in r.mix) or "No channel",
        "mix_tip": _mix_tip(r, base, names),
        "coverage_tip": _coverage_tip(r, cov),
    }


def _mix_tip(rec: Recommendation, base: Recommendation, names: dict[str, str]) -> str:
    added = [names.get(c, c) for c in rec.mix if c not in base.mix]
    dropped = [names.get(c, c) for c in base.mix if c not in rec.mix]
    lines = [", ".join(names.get(c, c) for c in rec.mix) or "No channel"]
    if rec is not base:
        lines.append(f"Added against {base.scenario}: {', '.join(added) or 'none'}")
        lines.append(f"Dropped against {base.scenario}: {', '.join(dropped) or 'none'}")
    return "\n".join(lines)


def _coverage_tip(rec: Recommendation, comparable: float) -> str:
    own = rec.objective
    text = f"{comparable:.1%} of the goals, weighted by the baseline's goal weights."
    if abs(own - comparable) > 0.0005:
        text += (
            f"\nOn this scenario's own goal weights: {own:.1%} (not comparable: the weights "
            "differ)."
        )
    return text
