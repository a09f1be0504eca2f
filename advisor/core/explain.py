"""Turn a solved mix into a Recommendation: per-channel results, reasons, totals, warnings."""

from __future__ import annotations

import math
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from .advice import advice_notes
from .mix import MixSolution, evaluate, solve
from .result import ChannelResult, Recommendation, SearchInfo, ToolChoice, WhyNot
from .staffing import base_hours, by_role, channel_hours, required_features, seats_for, setup_hours
from .vocab import Activity, Goal, Level, Regime, Role, posts_phrase

if TYPE_CHECKING:
    from .engine import Prepared

LEVELS: tuple[Level, ...] = tuple(Level)

__all__ = [
    "CAP_WARNING",
    "assemble",
    "cadence_why",
    "min_cadence_hours",
    "option_of",
    "run_hours",
    "why_not",
    "why_not_for",
]


def _fallback(prep: Prepared) -> MixSolution:
    """No feasible mix: keep the forced channels at their cheapest allowed level, under the
    cheapest option that can manage them."""
    p = prep.problem
    best = MixSolution()
    for t in range(len(p.options)):
        members = []
        for c in sorted(p.forced):
            lvls = [lvl for lvl in p.allowed[c] if not math.isinf(p.hours[t][c][lvl])]
            if not lvls:
                break
            members.append((c, min(lvls, key=lambda lvl: p.hours[t][c][lvl])))
        else:
            h = p.base[t] + sum(p.hours[t][c][lvl] for c, lvl in members) if members else 0.0
            lic = p.licence(t, sum(p.managed[c] for c, _ in members), h)
            lic = 0.0 if math.isinf(lic) else lic
            cost = h * p.cost_per_hour + lic
            if cost < best.cost:
                best = MixSolution(tuple(members), t, 0.0, cost, h, lic)
    if best.option < 0:
        best = MixSolution((), 0, 0.0, 0.0, 0.0, 0.0)
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


def run_hours(prep: Prepared, option: int, c: int, lvl: int, alone: bool) -> dict[Activity, float]:
    """Hours by activity of channel c at level lvl as a mix runs it under tool option
    ``option``: the tool's savings where it covers c, no tailoring when c is ``alone``."""
    hours = prep.hours[option][c][lvl]
    assert hours is not None
    return hours | {Activity.tailor: 0.0} if alone else hours


def _member_hours(prep: Prepared, sol: MixSolution) -> dict[int, dict[Activity, float]]:
    """Hours by activity of each channel in the mix at its level (no tailoring when alone)."""
    alone = len(sol.members) == 1
    return {c: run_hours(prep, sol.option, c, lvl, alone) for c, lvl in sol.members}


def option_of(prep: Prepared, rec: Recommendation) -> int:
    """The index of the recommendation's tool option in the scenario's problem."""
    key = "none" if rec.tool is None else f"{rec.tool.id}/{rec.tool.plan}"
    return next((t for t, o in enumerate(prep.problem.options) if o.key == key), 0)


def min_cadence_hours(prep: Prepared, rec: Recommendation, cid: str) -> float:
    """All roles' hours a week of mix channel ``cid`` at its minimum credible cadence, run as
    the mix runs it (its tool's savings, no tailoring when alone): the same basis as its
    ``total_hours``, so the two can be read side by side."""
    c = prep.problem.ids.index(cid)
    alone = len(rec.mix) == 1
    return sum(run_hours(prep, option_of(prep, rec), c, 0, alone).values())


def _channel(
    prep: Prepared,
    sol: MixSolution,
    ideal: MixSolution,
    i: int,
    rank: int,
    weights: list[float],
    member_hours: dict[int, dict[Activity, float]],
    deadline: float | None = math.inf,
) -> ChannelResult:
    p = prep.platforms[i]
    lvl = sol.level_of(i)
    in_mix = lvl is not None
    typical = LEVELS.index(Level.typical)
    if lvl is not None:
        hours = member_hours[i]
        posts = prep.posts[i][lvl]
    else:
        hours = channel_hours(p, prep.profile, prep.catalog.assumptions, prep.posts[i][typical])
        posts = prep.posts[i][typical]
    return ChannelResult(
        id=p.id,
        name=p.name,
        fit=prep.fits[i].fit,
        rank=rank,
        contributions=prep.fits[i].contributions,
        in_mix=in_mix,
        forced="in" if p.id in prep.scenario.force_in else None,
        cadence_level=LEVELS[lvl] if lvl is not None else None,
        posts_per_week=posts,
        hours_per_week=hours,
        total_hours=sum(hours.values()),
        min_hours_per_week=prep.min_hours[i],
        goal_value=prep.values[i],
        reasons=_reasons(prep, i, weights, in_mix),
        why=cadence_why(prep, sol, i, weights) if in_mix else "",
        excluded_because="" if in_mix else _excluded(prep, i, ideal, sol),
        why_not=None if in_mix or deadline is None else why_not(prep, sol, i, weights, deadline),
    )


def _coverage(prep: Prepared, members) -> dict[Goal, float]:
    p = prep.problem
    out = {}
    for k, g in enumerate(Goal):
        rest = 1.0
        for c, lvl in members:
            rest *= 1.0 - min(1.0, p.values[c][k] * p.scale[c][lvl])
        out[g] = 1.0 - rest
    return out


def assemble(
    prep: Prepared,
    sol: MixSolution,
    ideal: MixSolution,
    weights: list[float],
    deadline: float | None = math.inf,
) -> Recommendation:
    """The Recommendation for a solved mix; ``deadline`` None leaves out the why-not mixes."""
    feasible = sol.found
    if not feasible:
        sol = _fallback(prep)
    order = sorted(range(len(prep.platforms)), key=lambda i: -prep.fits[i].fit)
    rank = {i: r + 1 for r, i in enumerate(order)}
    member_hours = _member_hours(prep, sol)
    channels = [
        _channel(prep, sol, ideal, i, rank[i], weights, member_hours, deadline) for i in order
    ]
    mix = [prep.platforms[i].id for i in sorted(sol.channels, key=lambda i: rank[i])]
    a = prep.catalog.assumptions
    prof = prep.profile
    option = prep.problem.options[sol.option]
    runs = bool(sol.members)
    seats = seats_for(sol.hours, a) if option.tool is not None and runs else 0
    base = dict(prep.base[sol.option]) if runs else dict.fromkeys(Activity, 0.0)
    base[Activity.administer] += a.it_hours_per_seat.v * seats
    by_act = {act: base[act] + sum(h[act] for h in member_hours.values()) for act in Activity}
    hours = sum(by_act.values())
    roles = by_role(by_act)
    fte = a.productive_hours_per_fte.v
    staff_cost = hours * prof.hourly_cost * a.weeks_per_month.v
    coverage = _coverage(prep, sol.members)
    warnings = _warnings(prep, sol, ideal, channels, feasible, roles[Role.marketing])
    rec = Recommendation(
        plan_name=prep.plan_name,
        scenario=prep.scenario.name,
        ambition=prep.scenario.ambition,
        mix=mix,
        channels=channels,
        hours_per_week=hours,
        hours_by_activity=by_act,
        base_hours_by_activity=base,
        hours_by_role=roles,
        fte_by_role={r: h / fte for r, h in roles.items()},
        staff_hours_available=prof.staff_hours,
        spare_hours_per_week=max(prof.staff_hours - roles[Role.marketing], 0.0),
        fte=hours / fte,
        productive_hours_per_fte=fte,
        staff_cost=staff_cost,
        licence_cost=sol.licence,
        monthly_cost=staff_cost + sol.licence,
        setup_hours=setup_hours(prof, a, option.tool is not None, seats, runs),
        tool=tool_choice(prep, sol, member_hours) if runs else None,
        coverage=coverage,
        objective=sum(w * v for w, v in zip(weights, coverage.values(), strict=True)),
        value_threshold=prep.threshold,
        ideal_mix=[prep.platforms[i].id for i in sorted(ideal.channels, key=lambda i: rank[i])],
        warnings=warnings,
        advice=[],
        search=SearchInfo(
            nodes=sol.nodes, optimal=not sol.stopped, gap=sol.gap if sol.stopped else 0.0
        ),
        feasible=feasible,
    )
    return rec.model_copy(update={"advice": advice_notes(prof, rec)})


# a settings hint, not a risk to the plan: page 1 passes over it for the plan's real risk
CAP_WARNING = "The mix is at the limit of"
_REGULATED = {
    Regime.financial: "A regulated firm",
    Regime.health: "A health provider",
    Regime.public_sector: "A public body",
}


def _money(x: float) -> str:
    return f"${x:,.0f}"


def cadence_why(prep: Prepared, sol: MixSolution, c: int, weights: list[float]) -> str:
    """Why channel c runs at its level: what the neighbouring levels would need and add."""
    p = prep.problem
    lvl = sol.level_of(c)
    assert lvl is not None
    posts = prep.posts[c][lvl]
    head = f"at {posts_phrase(posts)} ({LEVELS[lvl].label})"
    if len(p.allowed[c]) == 1:
        fixed = prep.platforms[c].id in prep.scenario.cadence
        return head + (
            ": the scenario fixes this level"
            if fixed
            else ": the scenario's cadence preference fixes it"
        )
    parts = []
    for other in p.allowed[c]:
        if other == lvl:
            continue
        members = tuple((cc, other if cc == c else ll) for cc, ll in sol.members)
        alt = evaluate(p, weights, sol.option, members)
        # all roles' hours as the mix runs it: the basis of the channel page's hours table
        alone = len(sol.members) == 1
        dh = sum(run_hours(prep, sol.option, c, other, alone).values()) - sum(
            run_hours(prep, sol.option, c, lvl, alone).values()
        )
        name = f"{LEVELS[other].label} ({posts_phrase(prep.posts[c][other])})"
        if other > lvl:
            if alt is None:
                parts.append(
                    f"{name} would need {dh:.1f} h/week more, which the team's hours or the budget cannot carry"
                )
            else:
                gain = (alt.coverage - sol.coverage) * 100
                extra = alt.cost - sol.cost
                parts.append(
                    f"{name} would need {dh:.1f} h/week more ({_money(extra)} a month) for "
                    f"{gain:.1f} more points of goal coverage, below the threshold of "
                    f"{_points(prep.threshold)} per $1,000"
                )
        else:
            loss = (sol.coverage - alt.coverage) * 100 if alt is not None else 0.0
            parts.append(
                f"{name} would save {-dh:.1f} h/week but lose {loss:.1f} points of goal coverage"
            )
    return head + ": " + "; ".join(parts) if parts else head


def _points(x: float) -> str:
    return "1 point" if x == 1 else f"{x:g} points"


def why_not(
    prep: Prepared, sol: MixSolution, c: int, weights: list[float], deadline: float = math.inf
) -> WhyNot | None:
    """The best mix that includes channel c (None when the company cannot serve it)."""
    if prep.fits[c].gate <= 0:
        return None
    p = prep.problem
    # with the chosen tool when it can run the channel: what adding it changes for this plan
    keep = [sol.option] if not all(map(math.isinf, p.hours[sol.option][c])) else None
    forced = replace(
        p,
        forced=p.forced | {c},
        time_limit=max(0.0, min(p.time_limit / 4, deadline - time.perf_counter())),
        options=[p.options[t] for t in keep] if keep else p.options,
        hours=[p.hours[t] for t in keep] if keep else p.hours,
        cost_hours=[p.cost_hours[t] for t in keep] if keep else p.cost_hours,
        refund=[p.refund[t] for t in keep] if keep else p.refund,
        base=[p.base[t] for t in keep] if keep else p.base,
        base_cost=[p.base_cost[t] for t in keep] if keep else p.base_cost,
        licence=(lambda _t, m, h: p.licence(sol.option, m, h)) if keep else p.licence,
    )
    at = 0 if keep else sol.option
    hints = [(at, (*sol.members, (c, lvl))) for lvl in p.allowed[c]]
    hints += [
        (at, (*(x for x in sol.members if x != drop), (c, lvl)))
        for drop in sol.members
        for lvl in p.allowed[c]
    ]
    alt = solve(forced, weights, hints=hints)
    if not alt.found:
        return WhyNot(
            mix=[], levels={}, coverage=0.0, hours_per_week=0.0, monthly_cost=0.0, feasible=False
        )
    ids = [prep.platforms[i].id for i in alt.channels]
    return WhyNot(
        mix=ids,
        levels={prep.platforms[i].id: LEVELS[lvl] for i, lvl in alt.members},
        coverage=alt.coverage,
        hours_per_week=alt.hours,
        monthly_cost=alt.cost,
        optimal=not alt.stopped,
    )


def why_not_for(prep: Prepared, rec: Recommendation, cid: str) -> WhyNot | None:
    """The best mix that includes channel ``cid``, for a recommendation built without them
    (None when the channel is in the mix, unknown here, or cannot be served)."""
    ids = prep.problem.ids
    if cid not in ids or cid in rec.mix:
        return None
    members = tuple(
        (ids.index(c), LEVELS.index(level))
        for c in rec.mix
        if (level := rec.channel(c).cadence_level) is not None
    )
    option = option_of(prep, rec)
    weights = prep.profile.goal_weights()
    sol = evaluate(prep.problem, weights, option, members) or MixSolution(members, option)
    return why_not(prep, sol, ids.index(cid), weights)


def _excluded(prep: Prepared, idx: int, ideal: MixSolution, sol: MixSolution) -> str:
    if prep.fits[idx].gate <= 0:
        return "the company cannot serve it (formats or archiving rules)"
    p = prep.problem
    if all(all(math.isinf(h) for h in p.hours[t][idx]) for t in range(len(p.options))):
        names = sorted({o.tool.name for o in p.options if o.tool is not None})
        return f"the fixed tool ({', '.join(names)}) cannot manage it"
    t = (
        sol.option
        if not all(map(math.isinf, p.hours[sol.option][idx]))
        else min(range(len(p.options)), key=lambda o: min(p.hours[o][idx]))
    )
    if idx in ideal.channels:  # in with unlimited hours: the team's hours keep it out
        return _hours_reason(prep, idx, t, ideal, sol)
    cap = prep.profile.max_channels
    if cap is not None and len(sol.members) >= cap:
        return (
            f"the mix is at its limit of {cap} channels and the channels chosen add more to the "
            "weighted goals for their cost"
        )
    return (
        f"what it would add to the weighted goals is not worth its hours: below "
        f"{_points(prep.threshold)} of goal coverage per $1,000 a month, or less than the "
        "channels chosen"
    )


def _hours_reason(prep: Prepared, idx: int, t: int, ideal: MixSolution, sol: MixSolution) -> str:
    """Why a channel the unlimited-hours mix includes is out: the marketing team's hours (the
    same words on page 1's risk and on the channel pages)."""
    p = prep.problem
    cheapest = min(p.allowed[idx], key=lambda lvl: p.hours[t][idx][lvl])
    need = p.hours[t][idx][cheapest] + (0.0 if sol.members else p.base[t])
    staff = prep.profile.staff_hours
    left = max(staff - sol.hours, 0.0)
    if need > left + 0.05:
        return (
            f"needs {need:.1f} h/week of the marketing team even at its "
            f"{LEVELS[cheapest].label} cadence; only {left:.1f} h/week are left"
        )
    return (
        f"the mix with unlimited hours includes it but needs {ideal.hours:.1f} h/week of the "
        f"marketing team against {staff:.1f} available; within them the channels chosen add "
        "more to the weighted goals"
    )


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
    unmanaged = [
        prep.platforms[c].name for c in sorted(prep.problem.forced) if c not in sol.channels
    ]
    if not feasible and unmanaged:  # no option may run them (hours infinite): say why, no number
        out.append(
            f"No mix fits the constraints: the tool this scenario fixes cannot manage "
            f"{', '.join(unmanaged)}. Fix another tool or none, or let the advisor choose."
        )
    elif not feasible:
        out.append(
            f"No mix fits the constraints: the forced channels need {hours:.1f} h/week against "
            f"{prof.staff_hours:.1f} available (or exceed the channel limit or tool budget). "
            "Add staff hours or drop a forced channel: a channel run below its minimum cadence "
            "is worse than none."
        )
    for i in (i for i in ideal.channels if i not in sol.channels) if feasible else ():
        # the reason the channel pages give for leaving it out, with the same figures
        reason = next(x.excluded_because for x in channels if x.id == prep.problem.ids[i])
        name = prep.platforms[i].name
        head = (
            f"The team cannot sustain {name} as well: it"
            if reason.startswith("needs")
            else f"{name} is out for the team's hours:"
        )
        out.append(
            f"{head} {reason}. The recommended mix is the smaller one it can keep up: once you "
            "start you can't disappear."
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
    if (
        prof.max_channels is not None
        and len(ideal.members) >= prof.max_channels
        and len(sol.members) >= prof.max_channels
    ):
        out.append(
            f"{CAP_WARNING} {prof.max_channels} channels: raise it to let the advisor weigh more."
        )
    if (
        prof.regulated is not Regime.none
        and sol.option >= 0
        and prep.problem.options[sol.option].tool is None
    ):
        out.append(
            f"{_REGULATED[prof.regulated]} without a tool that archives and routes approvals: "
            "plan for a separate archiving service and a manual pre-approval step."
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


def tool_choice(
    prep: Prepared, sol: MixSolution, member_hours: dict[int, dict[Activity, float]]
) -> ToolChoice | None:
    option = prep.problem.options[sol.option]
    if option.tool is None or option.plan is None:
        return None
    prof, a = prep.profile, prep.catalog.assumptions
    covered = [prep.platforms[c].id for c in sol.channels if option.covers(prep.platforms[c])]
    single = len(sol.members) == 1
    without = sum(base_hours(prof, a).values())  # the job's base with no tool's savings
    with_tool = sum(prep.base[sol.option].values())
    for c, lvl in sol.members:
        raw = channel_hours(prep.platforms[c], prof, a, prep.posts[c][lvl])
        without += sum(raw.values()) - (raw[Activity.tailor] if single else 0.0)
        with_tool += sum(member_hours[c].values())
    seats = seats_for(sol.hours, a)
    it_hours = a.it_hours_per_seat.v * seats  # in the recommendation's base, not in prep.base
    need = sorted(required_features(prof))
    why = "lowest monthly cost (staff hours plus licence) of the tools that fit the budget"
    if need:
        why += f" and offer {' and '.join(need)}"
    return ToolChoice(
        id=option.tool.id,
        plan=option.plan.id,
        name=f"{option.tool.name} {option.plan.name}",
        seats=seats,
        monthly_cost=sol.licence,
        hours_saved=without - with_tool - it_hours,
        it_hours=it_hours,
        covered=covered,
        why=why,
    )
