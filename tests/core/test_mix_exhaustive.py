"""The branch-and-bound mix search equals exhaustive enumeration at 16, 20 and 24 channels.

The reference (tests/core/reference_mix.py) enumerates every subset under every tool option;
it is itself checked against test_mix.brute_force on small problems, and against mix.solve on
every scenario of the example plans (with the engine's licence in vectorised form).
"""

from __future__ import annotations

import math
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from reference_mix import (
    engine_licence,
    random_problem_licence,
    solve_numpy,
    solve_python,
)
from test_mix import brute_force, random_problem

from advisor.core.engine import prepare, weights_of
from advisor.core.loading import load_catalog, load_plan
from advisor.core.mix import MixProblem, MixSolution, objective, solve
from advisor.core.staffing import licence_cost

EXAMPLES = sorted((Path(__file__).parents[2] / "resources" / "examples").glob("*.yaml"))


def _weights(rng: random.Random) -> list[float]:
    raw = [rng.choice([0, 0, rng.random()]) for _ in range(9)]
    raw[0] += 0.1
    return [w / sum(raw) for w in raw]


def _check_solution(p: MixProblem, weights: list[float], got: MixSolution) -> None:
    """The solution is what it claims: feasible, and its objective and cost are right."""
    assert p.forced <= set(got.members)
    if p.max_count is not None:
        assert len(got.members) <= p.max_count
    h = sum(p.hours[got.option][c] for c in got.members)
    assert h <= p.capacity + 1e-9
    lic = p.licence(got.option, sum(p.managed[c] for c in got.members), h)
    assert lic <= p.budget + 1e-9
    assert got.objective == pytest.approx(objective(p.values, weights, got.members), abs=1e-12)
    assert got.cost == pytest.approx(h * p.cost_per_hour + lic, rel=1e-12, abs=1e-9)


def _same_optimum(got: MixSolution, want: MixSolution) -> None:
    assert got.found == want.found
    if want.found:
        assert got.objective == pytest.approx(want.objective, abs=1e-9)
        assert got.cost == pytest.approx(want.cost, rel=1e-9, abs=1e-6)


# --- the reference is right ------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(60))
def test_references_equal_brute_force(seed: int) -> None:
    rng = random.Random(1000 + seed)
    p = random_problem(rng, n=rng.randint(2, 11))
    weights = _weights(rng)
    want_obj, want_cost = brute_force(p, weights)
    # tiny chunks too, so that the chunked sweep and its candidate merging are exercised
    for got in (
        solve_numpy(p, weights, random_problem_licence(p), chunk=1 << rng.randint(0, 8)),
        solve_numpy(p, weights, random_problem_licence(p)),
        solve_python(p, weights),
    ):
        if want_obj < 0:
            assert not got.found
            continue
        assert got.found
        assert got.objective == pytest.approx(want_obj, abs=1e-9)
        assert got.cost == pytest.approx(want_cost, rel=1e-9, abs=1e-6)
        _check_solution(p, weights, got)


def test_reference_when_nothing_is_feasible() -> None:
    p = random_problem(random.Random(3), n=8)
    p.forced = frozenset({0})
    p.capacity = 5.0
    for row in p.hours:  # the forced channel alone is over the hours under every option
        row[0] = 10.0
    weights = [1 / 9] * 9
    assert brute_force(p, weights)[0] < 0
    assert not solve_numpy(p, weights, random_problem_licence(p)).found
    assert not solve_python(p, weights).found
    assert not solve(p, weights).found


def test_reference_with_unlimited_hours_skips_unmanageable_channels() -> None:
    rng = random.Random(11)
    p = random_problem(rng, n=10, n_options=3)
    p.capacity, p.budget, p.max_count = math.inf, 1e9, None
    weights = _weights(rng)
    got = solve_numpy(p, weights, random_problem_licence(p))
    assert all(not math.isinf(p.hours[got.option][c]) for c in got.members)
    _same_optimum(got, solve_python(p, weights))
    _same_optimum(solve(p, weights), got)


def test_vectorised_licences_match_the_scalar_ones() -> None:
    rng = random.Random(5)
    p = random_problem(rng, n=6, n_options=4)
    vec = random_problem_licence(p)
    hours = np.array([rng.uniform(0, 300) for _ in range(200)])
    managed = np.array([rng.randint(0, 6) for _ in range(200)])
    for t in range(4):
        want = [p.licence(t, int(m), float(h)) for m, h in zip(managed, hours, strict=True)]
        assert np.allclose(vec(t, managed, hours), want)

    catalog = load_catalog()
    a = catalog.assumptions
    for path in EXAMPLES:
        plan = load_plan(path)
        for scenario in plan.scenarios:
            prob = prepare(plan, scenario.name, catalog).problem
            vec = engine_licence(prob.options, a.productive_hours_per_fte.v)
            for t, option in enumerate(prob.options):
                want = [
                    licence_cost(option, int(m), float(h), a)
                    for m, h in zip(managed, hours, strict=True)
                ]
                np.testing.assert_array_equal(vec(t, managed, hours), want)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_engine_problems_match_the_reference(path: Path) -> None:
    catalog = load_catalog()
    plan = load_plan(path)
    for scenario in plan.scenarios:
        prep = prepare(plan, scenario.name, catalog)
        weights = weights_of(prep.profile)
        lic = engine_licence(prep.problem.options, catalog.assumptions.productive_hours_per_fte.v)
        # the mix within the staff hours, and the ideal mix without that limit (as build() does)
        for p in (prep.problem, replace(prep.problem, capacity=math.inf)):
            got, want = solve(p, weights), solve_numpy(p, weights, lic)
            _same_optimum(got, want)
            assert sorted(got.members) == sorted(want.members)
            assert got.option == want.option


# --- mix.solve is exact at sizes brute force cannot reach ------------------------------------


@pytest.mark.parametrize(
    ("n", "seed"),
    [(16, s) for s in range(8)] + [(20, s) for s in range(5)] + [(24, s) for s in range(5)],
)
def test_branch_and_bound_equals_exhaustive_enumeration(n: int, seed: int) -> None:
    rng = random.Random(n * 1000 + seed)
    p = random_problem(rng, n=n)
    weights = _weights(rng)
    want = solve_numpy(p, weights, random_problem_licence(p))
    got = solve(p, weights)
    _same_optimum(got, want)
    if got.found:
        _check_solution(p, weights, got)
        _check_solution(p, weights, want)


@pytest.mark.parametrize("n", [16, 20, 24])
def test_branch_and_bound_exact_when_only_the_hours_bind(n: int) -> None:
    """No count cap and a generous budget: the search space the bound has to prune is widest."""
    rng = random.Random(n)
    p = random_problem(rng, n=n)
    p.max_count, p.budget = None, 1e6
    p.capacity = sum(p.hours[0]) * 0.3
    p.forced = frozenset()
    weights = _weights(rng)
    want = solve_numpy(p, weights, random_problem_licence(p))
    got = solve(p, weights)
    _same_optimum(got, want)
    _check_solution(p, weights, got)
