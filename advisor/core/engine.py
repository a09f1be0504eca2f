"""From a plan and a scenario to a Recommendation: fit, exact mix, staffing, tool, warnings."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

from pydantic import ValidationError

from .errors import AdvisorInputError, Problem, problems_from_validation
from .fit import ChannelFit, channel_fit, goal_values
from .knowledge import Catalog, Platform
from .mix import EPS, MixProblem, solve
from .plan import CompanyProfile, Plan, Scenario
from .result import Recommendation
from .staffing import (
    ToolOption,
    base_hours,
    cadence_value,
    channel_hours,
    level_posts,
    licence_cost,
    required_features,
    team_hours,
    with_savings,
)
from .vocab import Activity, Goal, Level

LEVELS: tuple[Level, ...] = tuple(Level)

__all__ = [
    "LEVELS",
    "Prepared",
    "build",
    "check_plan",
    "check_scenario",
    "prepare",
    "recommend",
    "recommend_all",
    "weights_of",
]


def check_scenario(plan: Plan, scenario: Scenario, catalog: Catalog, file: str = "plan") -> None:
    """Raise AdvisorInputError for ids the knowledge base does not know, with what is allowed."""
    i = plan.scenarios.index(scenario)
    active = {p.id for p in catalog.active_platforms}
    known = {p.id for p in catalog.platforms}
    tools = {t.id for t in catalog.tools if t.active}
    problems = []
    for key in ("force_in", "force_out"):
        for cid in getattr(scenario, key):
            if cid not in known:
                msg = f"unknown channel; allowed: {', '.join(sorted(active))}"
            elif key == "force_in" and cid not in active:
                msg = "this channel is retired and cannot be used"
            else:
                continue
            problems.append(Problem(file, f"scenarios[{i}].{key}", msg, repr(cid)))
    for cid in scenario.cadence:
        if cid not in active:
            problems.append(
                Problem(
                    file,
                    f"scenarios[{i}].cadence",
                    f"unknown channel; allowed: {', '.join(sorted(active))}",
                    repr(cid),
                )
            )
    for tid in scenario.forbid_tools:
        if tid not in {t.id for t in catalog.tools}:
            problems.append(
                Problem(
                    file,
                    f"scenarios[{i}].forbid_tools",
                    f"unknown tool; allowed: {', '.join(sorted(tools))}",
                    repr(tid),
                )
            )
    if scenario.tool not in (None, "none"):
        tid, _, plan_id = scenario.tool.partition("/")
        if tid not in tools:
            problems.append(
                Problem(
                    file,
                    f"scenarios[{i}].tool",
                    f"unknown or retired tool; allowed: none, {', '.join(sorted(tools))}",
                    repr(scenario.tool),
                )
            )
        elif plan_id and plan_id not in {p.id for p in catalog.tool(tid).plans}:
            plans = ", ".join(f"{tid}/{p.id}" for p in catalog.tool(tid).plans)
            problems.append(
                Problem(
                    file,
                    f"scenarios[{i}].tool",
                    f"unknown plan; allowed: {plans}",
                    repr(scenario.tool),
                )
            )
    if problems:
        raise AdvisorInputError(problems)


def check_profile(
    profile: CompanyProfile, catalog: Catalog, file: str, where: str
) -> list[Problem]:
    """Channel ids in the profile (today's presence) the knowledge base does not know."""
    active = {p.id for p in catalog.active_platforms}
    return [
        Problem(
            file,
            f"{where}.presence",
            f"unknown channel; allowed: {', '.join(sorted(active))}",
            repr(cid),
        )
        for cid in profile.presence
        if cid not in active
    ]


def check_plan(plan: Plan, catalog: Catalog, file: str = "plan") -> None:
    """Every problem of every scenario against the catalog (unknown ids, invalid changes)."""
    problems: list[Problem] = check_profile(plan.profile, catalog, file, "profile")
    for i, scenario in enumerate(plan.scenarios):
        try:
            check_scenario(plan, scenario, catalog, file)
        except AdvisorInputError as exc:
            problems += exc.problems
        try:
            scenario.apply(plan.profile)
        except ValidationError as exc:
            problems += problems_from_validation(exc, file, f"scenarios[{i}].changes")
    if problems:
        raise AdvisorInputError(problems)


def _options(prof: CompanyProfile, scenario: Scenario, catalog: Catalog) -> list[ToolOption]:
    if scenario.tool == "none":
        return [ToolOption(None, None)]
    need = required_features(prof)
    fixed_tool, _, fixed_plan = (scenario.tool or "").partition("/")
    out = [] if fixed_tool else [ToolOption(None, None)]
    for tool in catalog.tools:
        if not tool.active or tool.id in scenario.forbid_tools:
            continue
        if fixed_tool and tool.id != fixed_tool:
            continue
        for plan in tool.plans:
            if fixed_plan and plan.id != fixed_plan:
                continue
            if fixed_tool or need <= set(plan.features):
                out.append(ToolOption(tool, plan))
    return [o for o in out if not any(_dominates(b, o) for b in out if b is not o)]


def _limit(value: int | None) -> float:
    return math.inf if value is None else value


def _dominates(a: ToolOption, b: ToolOption) -> bool:
    """Plan a of a tool makes plan b of the same tool pointless: the same savings (they belong
    to the tool), no higher price, and limits at least as wide. Ties keep the first listed."""
    if a.tool is None or b.tool is None or a.plan is None or b.plan is None or a.tool is not b.tool:
        return False
    pa, pb = a.plan, b.plan
    wider = _limit(pa.max_channels) >= _limit(pb.max_channels) and _limit(pa.max_seats) >= _limit(
        pb.max_seats
    )
    cheaper = pa.price.v < pb.price.v or (
        pa.price.v == pb.price.v and a.tool.plans.index(pa) < a.tool.plans.index(pb)
    )
    return wider and cheaper


@dataclass(frozen=True, slots=True)
class Prepared:
    """A scenario turned into numbers: the search problem plus what explains it.

    posts[c][l]: posts per week of channel c at level l (l indexes LEVELS).
    hours[t][c][l]: hours by activity of c at level l under option t (None: t cannot manage c).
    base[t]: hours by activity the job needs once any channel runs, under option t.
    min_hours[c]: team hours of c at its minimum cadence with no tool (the effort score).
    """

    plan_name: str
    scenario: Scenario
    profile: CompanyProfile
    catalog: Catalog
    platforms: list[Platform]
    fits: list[ChannelFit]
    values: list[dict[Goal, float]]
    posts: list[list[float]]
    hours: list[list[list[dict[Activity, float] | None]]]
    base: list[dict[Activity, float]]
    min_hours: list[float]
    threshold: float
    problem: MixProblem


def prepare(
    plan: Plan, scenario_name: str | None, catalog: Catalog, file: str = "plan"
) -> Prepared:
    """Validate the scenario against the catalog and compute every channel's figures."""
    try:
        scenario = plan.scenario(scenario_name)
    except KeyError:
        names = ", ".join(s.name for s in plan.scenarios)
        raise AdvisorInputError.single(
            file, "scenario", f"no such scenario; allowed: {names}", repr(scenario_name)
        ) from None
    check_scenario(plan, scenario, catalog, file)
    try:
        prof = scenario.apply(plan.profile)
    except ValidationError as exc:
        i = plan.scenarios.index(scenario)
        raise AdvisorInputError(
            problems_from_validation(exc, file, f"scenarios[{i}].changes")
        ) from None
    if problems := check_profile(prof, catalog, file, "profile"):
        raise AdvisorInputError(problems)
    a = catalog.assumptions
    platforms = [p for p in catalog.active_platforms if p.id not in scenario.force_out]
    posts = [[level_posts(p, lvl) for lvl in LEVELS] for p in platforms]
    raw = [
        [channel_hours(p, prof, a, n) for n in row] for p, row in zip(platforms, posts, strict=True)
    ]
    mins = [team_hours(row[0]) for row in raw]
    typ = [team_hours(row[1]) for row in raw]
    fits = [channel_fit(p, prof, a, h) for p, h in zip(platforms, typ, strict=True)]
    values = [goal_values(p, f) for p, f in zip(platforms, fits, strict=True)]
    options = _options(prof, scenario, catalog)
    raw = [
        [channel_hours(p, prof, a, n) for n in row] for p, row in zip(platforms, posts, strict=True)
    ]
    hours = [
        [
            [
                (with_savings(d, o.savings()) if o.covers(p) else d)
                if o.tool is None or not p.managed_by_tools or o.covers(p)
                else None
                for d in row
            ]
            for p, row in zip(platforms, raw, strict=True)
        ]
        for o in options
    ]
    base = [base_hours(prof, a, o.savings()) for o in options]
    forced = frozenset(i for i, p in enumerate(platforms) if p.id in scenario.force_in)
    allowed_levels = scenario.ambition.levels()

    def allowed(p: Platform) -> tuple[int, ...]:
        fixed = scenario.cadence.get(p.id)
        chosen = (fixed,) if fixed is not None else allowed_levels
        return tuple(LEVELS.index(lvl) for lvl in chosen)

    def licence(t: int, managed: int, h: float) -> float:
        return licence_cost(options[t], managed, h, a)

    def grid(f) -> list[list[list[float]]]:
        return [[[math.inf if d is None else f(d) for d in row] for row in opt] for opt in hours]

    threshold = a.min_gain_per_1000_usd.v if prof.value_threshold is None else prof.value_threshold
    problem = MixProblem(
        ids=[p.id for p in platforms],
        values=[[v[g] for g in Goal] for v in values],
        scale=[
            [cadence_value(a, p, n) for n in row] for p, row in zip(platforms, posts, strict=True)
        ],
        allowed=[allowed(p) for p in platforms],
        managed=[p.managed_by_tools for p in platforms],
        forced=forced,
        options=options,
        hours=grid(team_hours),
        cost_hours=grid(lambda d: sum(d.values())),
        refund=grid(lambda d: d[Activity.tailor]),
        base=[team_hours(b) for b in base],
        base_cost=[sum(b.values()) for b in base],
        licence=licence,
        capacity=prof.staff_hours,
        budget=prof.tool_budget,
        max_count=prof.max_channels,
        cost_per_hour=prof.hourly_cost * a.weeks_per_month.v,
        money_weight=threshold / 100 / 1000,
    )
    return Prepared(
        plan.profile.name,
        scenario,
        prof,
        catalog,
        platforms,
        fits,
        values,
        posts,
        hours,
        base,
        mins,
        threshold,
        problem,
    )


def weights_of(prof: CompanyProfile) -> list[float]:
    return prof.goal_weights()


def recommend(
    plan: Plan, scenario_name: str | None, catalog: Catalog, file: str = "plan"
) -> Recommendation:
    """The recommendation for one scenario of the plan (the first when name is None)."""
    return build(prepare(plan, scenario_name, catalog, file))


def recommend_all(plan: Plan, catalog: Catalog, file: str = "plan") -> list[Recommendation]:
    return [recommend(plan, s.name, catalog, file) for s in plan.scenarios]


def build(prep: Prepared, *, explain_left_out: bool = True) -> Recommendation:
    """Solve the scenario's mix (and the unlimited-hours ideal) and explain it.

    explain_left_out: also solve, for every channel left out, the best mix that includes it
    (``ChannelResult.why_not``). The window asks for it per channel when one is shown
    (:func:`advisor.core.explain.why_not_for`); the command line, JSON and PDF take them all.
    """
    from .actions import with_actions  # actions and explain need Prepared from here
    from .explain import assemble

    weights = weights_of(prep.profile)
    start = time.perf_counter()
    # the unlimited-hours optimum first: when it fits the staff hours it is also the optimum
    # within them (same objective, same tie-break), and the second search is not needed
    ideal = solve(replace(prep.problem, capacity=math.inf), weights)
    if not ideal.stopped and ideal.found and ideal.hours <= prep.problem.capacity + EPS:
        sol = ideal
    else:
        sol = solve(prep.problem, weights)
    # the "why not" solves share what is left of a budget of twice the solve's time limit
    deadline = start + 2 * prep.problem.time_limit
    rec = assemble(prep, sol, ideal, weights, deadline if explain_left_out else None)
    return with_actions(prep, rec)
