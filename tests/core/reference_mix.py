"""Independent references for the mix search: exhaustive enumeration of every channel x level
assignment under every tool option, written apart from advisor.core.mix (numpy, vectorised).

Also the random problems the tests and the benchmarks share.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence

import numpy as np

from advisor.core.mix import MixProblem
from advisor.core.staffing import ToolOption
from advisor.core.vocab import PricingModel

__all__ = ["engine_licence", "enumerate_best", "random_problem", "random_problem_licence"]

EPS = 1e-9
VecLicence = Callable[[int, np.ndarray, np.ndarray], np.ndarray]


def random_problem(rng: random.Random, n: int, n_options: int = 3) -> MixProblem:
    """A random problem: 9 goals, 3 cadence levels, tool options that save hours at a price
    per started 32.5 h of team hours, random limits, sometimes fixed levels and a threshold."""
    goals = 9
    values = [[rng.random() ** 2 for _ in range(goals)] for _ in range(n)]
    scale = [[rng.uniform(0.4, 0.85), 1.0, rng.uniform(1.0, 1.25)] for _ in range(n)]
    typical = [rng.uniform(1, 20) for _ in range(n)]
    level_hours = [[h * rng.uniform(0.2, 0.7), h, h * rng.uniform(1.5, 3.0)] for h in typical]
    other = [rng.uniform(0.0, 0.2) for _ in range(n)]
    hours, cost_hours, refund, base, base_cost, prices = [], [], [], [], [], []
    for t in range(n_options):
        save = 0.0 if t == 0 else rng.uniform(0.05, 0.4)
        rows = []
        for c in range(n):
            ok = t == 0 or rng.random() < 0.85
            rows.append([h * (1 - save) if ok else math.inf for h in level_hours[c]])
        hours.append(rows)
        cost_hours.append([[h * (1 + other[c]) for h in row] for c, row in enumerate(rows)])
        refund.append([[0.0 if math.isinf(h) else 0.15 * h for h in row] for row in rows])
        b = rng.uniform(0, 4) * (1 - save)
        base.append(b)
        base_cost.append(b + rng.uniform(0, 1))
        prices.append(0.0 if t == 0 else rng.uniform(10, 300))
    allowed: list[tuple[int, ...]] = [
        rng.choice([(0, 1, 2), (0, 1, 2), (0, 1, 2), (1,), (1, 2), (0,)]) for _ in range(n)
    ]
    managed = [rng.random() < 0.9 for _ in range(n)]
    forced = frozenset(rng.sample(range(n), rng.choice([0, 0, 1, 2])))

    def licence(t: int, m: int, h: float) -> float:
        return 0.0 if t == 0 else prices[t] * max(1, math.ceil(h / 32.5))

    return MixProblem(
        ids=[f"c{i}" for i in range(n)],
        values=values,
        scale=scale,
        allowed=allowed,
        managed=managed,
        forced=forced,
        options=[ToolOption(None, None)] * n_options,
        hours=hours,
        cost_hours=cost_hours,
        refund=refund,
        base=base,
        base_cost=base_cost,
        licence=licence,
        capacity=rng.uniform(5, sum(typical) * 0.7),
        budget=rng.uniform(0, 800),
        max_count=rng.choice([None, 2, 3, 5]),
        cost_per_hour=rng.uniform(100, 300),
        money_weight=rng.choice([0.0, 0.0, 1e-5, 4e-5]),
        time_limit=60.0,
    )


def random_problem_licence(prob: MixProblem) -> VecLicence:
    """Vectorised licence of a ``random_problem`` (0 for option 0, else price per started
    32.5 h), with the prices read back from the scalar licence and spot-checked."""
    prices = [0.0 if t == 0 else float(prob.licence(t, 0, 1.0)) for t in range(len(prob.options))]
    for t in range(len(prob.options)):
        for h in (0.5, 32.5, 33.0, 97.6):
            want = prob.licence(t, 1, h)
            got = 0.0 if t == 0 else prices[t] * max(1, math.ceil(h / 32.5))
            if not math.isclose(want, got, rel_tol=1e-12, abs_tol=1e-9):
                raise ValueError("the problem's licence is not the random_problem licence")

    def licence(t: int, managed: np.ndarray, hours: np.ndarray) -> np.ndarray:
        if t == 0:
            return np.zeros(np.shape(hours))
        return prices[t] * np.maximum(1.0, np.ceil(hours / 32.5))

    return licence


def engine_licence(options: Sequence[ToolOption], productive_hours_per_fte: float) -> VecLicence:
    """Vectorised ``staffing.licence_cost`` for the options of an engine problem."""

    def licence(t: int, managed: np.ndarray, hours: np.ndarray) -> np.ndarray:
        o = options[t]
        shape = np.broadcast_shapes(np.shape(managed), np.shape(hours))
        if o.tool is None or o.plan is None:
            return np.zeros(shape)
        plan = o.plan
        seats = np.maximum(1.0, np.ceil(hours / productive_hours_per_fte - 1e-9))
        price = plan.price.v
        match o.tool.pricing:
            case PricingModel.per_seat:
                out = price * seats
            case PricingModel.per_channel:
                out = price * np.asarray(managed, dtype=float)
            case PricingModel.per_account | PricingModel.enterprise:
                out = np.full(shape, price)
            case _:
                out = np.zeros(shape)
        out = np.broadcast_to(out, shape).astype(float)
        if plan.max_channels is not None:
            out = np.where(np.asarray(managed) > plan.max_channels, np.inf, out)
        if plan.max_seats is not None:
            out = np.where(seats > plan.max_seats, np.inf, out)
        return out

    return licence


def enumerate_best(
    prob: MixProblem, weights: Sequence[float], licence: VecLicence
) -> tuple[float, float, tuple[tuple[int, int], ...]]:
    """(objective, cost, members) of the best assignment, by trying every one of them.

    Every channel is off or at one of its 3 levels (4^n assignments) under every option;
    the empty mix counts as objective 0 at cost 0. Ties go to the lower cost. (-inf, inf, ())
    when nothing is feasible.
    """
    n = len(prob.ids)
    grid = np.array(list(itertools.product(range(4), repeat=n)), dtype=np.int64).reshape(-1, n)
    on = grid > 0
    lvl = np.maximum(grid - 1, 0)
    count = on.sum(axis=1)
    ok = np.ones(len(grid), dtype=bool)
    for c in range(n):
        allowed = np.zeros(3, dtype=bool)
        allowed[list(prob.allowed[c])] = True
        ok &= ~on[:, c] | allowed[lvl[:, c]]
    for c in prob.forced:
        ok &= on[:, c]
    if prob.max_count is not None:
        ok &= count <= prob.max_count
    w = np.asarray(weights)
    values = np.asarray(prob.values)  # n x G
    scale = np.asarray(prob.scale)  # n x 3
    miss = np.ones((len(grid), len(weights)))
    for c in range(n):
        factor = 1.0 - np.minimum(1.0, values[c][None, :] * scale[c][lvl[:, c]][:, None])
        miss *= np.where(on[:, c][:, None], factor, 1.0)
    cov = (w[None, :] * (1.0 - miss)).sum(axis=1)
    best = (-math.inf, math.inf, ())
    if not prob.forced:
        best = (0.0, 0.0, ())
    managed = on @ np.asarray(prob.managed, dtype=float)
    single = count == 1
    for t in range(len(prob.options)):
        hrs = np.asarray(prob.hours[t])
        cst = np.asarray(prob.cost_hours[t])
        ref = np.asarray(prob.refund[t])
        with np.errstate(invalid="ignore"):
            team = np.zeros(len(grid))
            allh = np.zeros(len(grid))
            refund = np.zeros(len(grid))
            for c in range(n):
                team += np.where(on[:, c], hrs[c][lvl[:, c]], 0.0)
                allh += np.where(on[:, c], cst[c][lvl[:, c]], 0.0)
                refund += np.where(on[:, c] & single, ref[c][lvl[:, c]], 0.0)
            team = np.where(count > 0, team + prob.base[t] - refund, 0.0)
            allh = np.where(count > 0, allh + prob.base_cost[t] - refund, 0.0)
            feasible = ok & (count > 0) & np.isfinite(team) & (team <= prob.capacity + EPS)
            lic = licence(t, managed, np.where(np.isfinite(team), team, 0.0))
            feasible &= lic <= prob.budget + EPS
            cost = allh * prob.cost_per_hour + lic
            obj = cov - prob.money_weight * cost
        obj = np.where(feasible, obj, -np.inf)
        if not feasible.any():
            continue
        top = obj.max()
        near = feasible & (obj >= top - EPS)
        i = int(np.argmin(np.where(near, cost, np.inf)))
        cand = (float(obj[i]), float(cost[i]))
        if cand[0] > best[0] + EPS or (cand[0] > best[0] - EPS and cand[1] < best[1] - 1e-6):
            members = tuple((c, int(lvl[i, c])) for c in range(n) if on[i, c])
            best = (cand[0], cand[1], members)
    return best
