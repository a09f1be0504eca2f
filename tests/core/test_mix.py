"""The branch-and-bound mix search must equal brute-force enumeration."""

from __future__ import annotations

import math
import random

import pytest

from advisor.core.mix import EPS, MixProblem, objective, solve
from advisor.core.staffing import ToolOption


def random_problem(rng: random.Random, n: int, n_options: int = 3) -> MixProblem:
    goals = 9
    values = [[rng.random() ** 2 for _ in range(goals)] for _ in range(n)]
    base = [rng.uniform(1, 20) for _ in range(n)]
    hours = [base]
    prices = [0.0]
    for _ in range(n_options - 1):
        save = rng.uniform(0.05, 0.4)
        hours.append([h * (1 - save) if rng.random() < 0.85 else math.inf for h in base])
        prices.append(rng.uniform(10, 300))
    managed = [rng.random() < 0.9 for _ in range(n)]
    forced = frozenset(rng.sample(range(n), rng.choice([0, 0, 1, 2])))

    def licence(t: int, m: int, h: float) -> float:
        return 0.0 if t == 0 else prices[t] * max(1, math.ceil(h / 32.5))

    return MixProblem(
        ids=[f"c{i}" for i in range(n)],
        values=values,
        managed=managed,
        forced=forced,
        options=[ToolOption(None, None)] * n_options,
        hours=hours,
        licence=licence,
        capacity=rng.uniform(5, sum(base) * 0.7),
        budget=rng.uniform(0, 800),
        max_count=rng.choice([None, 2, 3, 5]),
        cost_per_hour=rng.uniform(100, 300),
    )


def brute_force(p: MixProblem, weights: list[float]) -> tuple[float, float]:
    n = len(p.ids)
    best = (-1.0, math.inf)
    for t in range(len(p.options)):
        for mask in range(1 << n):
            members = [c for c in range(n) if mask >> c & 1]
            if not p.forced <= set(members):
                continue
            if p.max_count is not None and len(members) > p.max_count:
                continue
            h = sum(p.hours[t][c] for c in members)
            if h > p.capacity + EPS:
                continue
            lic = p.licence(t, sum(p.managed[c] for c in members), h)
            if lic > p.budget + EPS:
                continue
            obj = objective(p.values, weights, members)
            cost = h * p.cost_per_hour + lic
            if obj > best[0] + EPS or (obj > best[0] - EPS and cost < best[1] - 1e-6):
                best = (obj, cost)
    return best


@pytest.mark.parametrize("seed", range(40))
def test_branch_and_bound_equals_brute_force(seed: int) -> None:
    rng = random.Random(seed)
    p = random_problem(rng, n=rng.randint(4, 11))
    raw = [rng.choice([0, 0, rng.random()]) for _ in range(9)]
    raw[0] += 0.1
    weights = [w / sum(raw) for w in raw]
    got = solve(p, weights)
    want_obj, want_cost = brute_force(p, weights)
    if want_obj < 0:
        assert not got.found
        return
    assert got.found
    assert got.objective == pytest.approx(want_obj, abs=1e-9)
    assert got.cost == pytest.approx(want_cost, rel=1e-9, abs=1e-6)
    assert got.objective == pytest.approx(objective(p.values, weights, got.members), abs=1e-12)
    assert p.forced <= set(got.members)
    assert sum(p.hours[got.option][c] for c in got.members) <= p.capacity + EPS


def test_more_hours_never_lower_the_optimum() -> None:
    rng = random.Random(7)
    for _ in range(20):
        p = random_problem(rng, n=12)
        weights = [1 / 9] * 9
        before = solve(p, weights)
        p.capacity *= 1.5
        after = solve(p, weights)
        assert after.objective >= before.objective - EPS


@pytest.mark.parametrize("seed", range(15))
def test_a_hint_never_changes_the_answer(seed: int) -> None:
    rng = random.Random(100 + seed)
    p = random_problem(rng, n=10)
    weights = [1 / 9] * 9
    base = solve(p, weights)
    other = [rng.random() + 0.01 for _ in range(9)]
    other = [w / sum(other) for w in other]
    plain, hinted = solve(p, other), solve(p, other, hint=base)
    assert hinted.objective == pytest.approx(plain.objective, abs=1e-12)
    assert hinted.cost == pytest.approx(plain.cost, abs=1e-6)
