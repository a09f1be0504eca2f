"""Turn a solved mix into a Recommendation: per-channel results, reasons, totals, warnings."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .advice import advice_notes
from .mix import MixSolution
from .result import ChannelResult, Recommendation, ToolChoice
from .staffing import channel_hours, required_features, seats_for
from .vocab import Activity, Goal

if TYPE_CHECKING:
    from .engine import Prepared

__all__ = ["assemble"]


def _fallback(prep: Prepared) -> MixSolution:
    """No feasible mix: keep the forced channels, cheapest option that can manage them."""
    p = prep.problem
    members = tuple(sorted(p.forced))
    best = MixSolution(members=members)
    for t in range(len(p.options)):
        h = sum(p.hours[t][c] for c in members)
        if math.isinf(h):
            continue
        lic = p.licence(t, sum(p.managed[c] for c in members), h)
        lic = 0.0 if math.isinf(lic) else lic
        cost = h * p.cost_per_hour + lic
        if cost < best.cost:
            best = MixSolution(members, t, 0.0, cost, h, lic)
    if best.option < 0:
        best = MixSolution(members, 0, 0.0, 0.0, 0.0, 0.0)
    return best


def _reasons(prep: Prepared, i: int, weights: list[float], in_mix: bool) -> list[str]:
    p, fit = prep.platforms[i], prep.fits[i]
    goals = list(Goal)
    served = sorted(((weights[k] * p.goal_fit[g].v, g) for k, g in enumerate(goals)), reverse=True)
    top = [g.label.lower() for w, g in served[:2] if w > 0.02]
    out = []
    if top:
        out.append(f"serves {' and '.join(top)}")
    s = fit.scores
    if s["audience"] >= 0.55:
        out.append("reaches the target audience well")
    elif s["audience"] < 0.35:
        out.append("reaches little of the target audience")
    if s["voice"] >= 0.8:
        out.append("its tone matches the brand voice")
    elif s["voice"] < 0.5:
        out.append("its tone clashes with the brand voice")
    if s["capability"] < 1.0:
        out.append(f"the team can produce {s['capability']:.0%} of its formats")
    if s["compliance"] < 1.0:
        out.append(
            "hard to archive under the regulated regime"
            if s["compliance"] < 0.5
            else "archiving needs care under the regulated regime"
        )
    if p.id in prep.scenario.force_in:
        out.insert(0, "forced in by the scenario")
    return out


def _channel(
    prep: Prepared, sol: MixSolution, ideal: MixSolution, i: int, rank: int, weights: list[float]
) -> ChannelResult:
    p = prep.platforms[i]
    in_mix = i in sol.members
    option = prep.problem.options[sol.option]
    hours = prep.base_hours[i]
    if in_mix and option.covers(p):
        hours = channel_hours(
            p, prep.profile, prep.catalog.assumptions, prep.posts[i], option.savings()
        )
    return ChannelResult(
        id=p.id,
        name=p.name,
        fit=prep.fits[i].fit,
        rank=rank,
        contributions=prep.fits[i].contributions,
        in_mix=in_mix,
        forced="in" if p.id in prep.scenario.force_in else None,
        posts_per_week=prep.posts[i],
        hours_per_week=hours,
        total_hours=sum(hours.values()),
        min_hours_per_week=prep.min_hours[i],
        goal_value=prep.values[i],
        reasons=_reasons(prep, i, weights, in_mix),
        excluded_because="" if in_mix else _excluded(prep, i, ideal, sol.hours),
    )


def _coverage(prep: Prepared, members: tuple[int, ...]) -> dict[Goal, float]:
    out = {}
    for g in Goal:
        rest = 1.0
        for c in members:
            rest *= 1.0 - prep.values[c][g]
        out[g] = 1.0 - rest
    return out


def assemble(
    prep: Prepared, sol: MixSolution, ideal: MixSolution, weights: list[float]
) -> Recommendation:
    feasible = sol.found
    if not feasible:
        sol = _fallback(prep)
    order = sorted(range(len(prep.platforms)), key=lambda i: -prep.fits[i].fit)
    rank = {i: r + 1 for r, i in enumerate(order)}
    channels = [_channel(prep, sol, ideal, i, rank[i], weights) for i in order]
    members = sorted(sol.members, key=lambda i: rank[i])
    mix = [prep.platforms[i].id for i in members]
    by_act = {act: sum(c.hours_per_week[act] for c in channels if c.in_mix) for act in Activity}
    hours = sum(by_act.values())
    a = prep.catalog.assumptions
    prof = prep.profile
    staff_cost = hours * prof.hourly_cost * a.weeks_per_month.v
    warnings = _warnings(prep, sol, ideal, channels, feasible, hours)
    tool = tool_choice(prep, sol)
    rec = Recommendation(
        plan_name=prep.plan_name,
        scenario=prep.scenario.name,
        ambition=prep.scenario.ambition,
        mix=mix,
        channels=channels,
        hours_per_week=hours,
        hours_by_activity=by_act,
        staff_hours_available=prof.staff_hours,
        fte=hours / a.productive_hours_per_fte.v,
        productive_hours_per_fte=a.productive_hours_per_fte.v,
        staff_cost=staff_cost,
        licence_cost=sol.licence,
        monthly_cost=staff_cost + sol.licence,
        tool=tool,
        coverage=_coverage(prep, sol.members),
        objective=sol.objective
        if feasible
        else sum(
            w * v for w, v in zip(weights, _coverage(prep, sol.members).values(), strict=True)
        ),
        ideal_mix=[prep.platforms[i].id for i in sorted(ideal.members, key=lambda i: rank[i])],
        warnings=warnings,
        advice=[],
        feasible=feasible,
    )
    return rec.model_copy(update={"advice": advice_notes(prof, rec)})


def _excluded(prep: Prepared, idx: int, ideal: MixSolution, used: float) -> str:
    if prep.fits[idx].gate <= 0:
        return "the company cannot serve it (formats or archiving rules)"
    p = prep.problem
    if all(math.isinf(p.hours[t][idx]) for t in range(len(p.options))):
        names = sorted({o.tool.name for o in p.options if o.tool is not None})
        return f"the fixed tool ({', '.join(names)}) cannot manage it"
    if idx in ideal.members:
        need = sum(prep.base_hours[idx].values())
        return (
            f"needs {need:.1f} h/week ({prep.min_hours[idx]:.1f} at its minimum cadence); "
            f"only {max(prep.profile.staff_hours - used, 0):.1f} h/week are left"
        )
    return "adds less to the weighted goals than the channels chosen"


def _warnings(
    prep: Prepared,
    sol: MixSolution,
    ideal: MixSolution,
    channels: list[ChannelResult],
    feasible: bool,
    hours: float,
) -> list[str]:
    prof = prep.profile
    out = []
    if not feasible:
        out.append(
            f"No mix fits the constraints: the forced channels need {hours:.1f} h/week against "
            f"{prof.staff_hours:.1f} available (or exceed the channel limit or tool budget). "
            "Add staff hours or drop a forced channel: a channel run below its minimum cadence "
            "is worse than none."
        )
    dropped = [prep.platforms[i] for i in ideal.members if i not in sol.members]
    if dropped and feasible:
        need = {c.id: c for c in channels}
        parts = [
            f"{p.name} ({need[p.id].total_hours:.1f} h/week, {need[p.id].min_hours_per_week:.1f} "
            "at minimum cadence)"
            for p in dropped
        ]
        ideal_hours = sum(prep.problem.hours[ideal.option][i] for i in ideal.members)
        out.append(
            f"The team cannot sustain {', '.join(parts)}: the fuller mix would need "
            f"{ideal_hours:.1f} h/week against {prof.staff_hours:.1f} available. The recommended "
            "mix is the smaller one it can keep up - once you start you can't disappear."
            + (
                " A 'minimum' cadence ambition would need fewer hours."
                if prep.scenario.ambition.value != "minimum"
                else ""
            )
        )
    too_big = [
        c
        for c in channels
        if c.min_hours_per_week > prof.staff_hours
        and prep.fits[prep.problem.ids.index(c.id)].gate > 0
        and c.fit >= 0.5
    ]
    for c in too_big[:3]:
        out.append(
            f"{c.name} alone needs {c.min_hours_per_week:.1f} h/week even at its minimum "
            f"cadence, more than the {prof.staff_hours:.1f} h/week available."
        )
    if prof.max_channels is not None and len(ideal.members) > prof.max_channels:
        out.append(
            f"The limit of {prof.max_channels} channels binds: more would add goal coverage."
        )
    if (
        prof.regulated.value != "none"
        and sol.option >= 0
        and prep.problem.options[sol.option].tool is None
    ):
        out.append(
            "Regulated firm without a tool that archives and routes approvals: plan for a "
            "separate archiving service and a manual pre-approval step."
        )
    option = prep.problem.options[sol.option] if sol.option >= 0 else None
    if option is not None and option.plan is not None and option.tool is not None:
        missing = sorted(f.value for f in required_features(prof) - set(option.plan.features))
        if missing:
            out.append(
                f"The scenario fixes {option.tool.name} {option.plan.name}, which lacks "
                f"{' and '.join(missing)} that a regulated firm needs: add a separate service "
                "for them or choose another plan."
            )
    return out


def tool_choice(prep: Prepared, sol: MixSolution) -> ToolChoice | None:
    option = prep.problem.options[sol.option]
    if option.tool is None or option.plan is None:
        return None
    mix = [prep.platforms[c] for c in sol.members]
    covered = [p.id for p in mix if option.covers(p)]
    saved = sum(
        sum(prep.base_hours[c].values()) - prep.problem.hours[sol.option][c] for c in sol.members
    )
    a = prep.catalog.assumptions
    need = sorted(required_features(prep.profile))
    why = "lowest monthly cost (staff hours plus licence) of the tools that fit the budget"
    if need:
        why += f" and offer {' and '.join(need)}"
    return ToolChoice(
        id=option.tool.id,
        plan=option.plan.id,
        name=f"{option.tool.name} {option.plan.name}",
        seats=seats_for(sol.hours, a),
        monthly_cost=sol.licence,
        hours_saved=saved,
        covered=covered,
        why=why,
    )
