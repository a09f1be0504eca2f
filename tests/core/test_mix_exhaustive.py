"""The mix search on the engine's own problems equals exhaustive enumeration.

The shipped catalog has 14 active channels, 4^14 assignments per tool option: too many to
enumerate in a test. Each example scenario's problem is cut to 8 channels (the mix's and the
best-fitting of the rest, with the forced ones) and both the search and the enumeration of all
4^8 assignments x tool options (tests/core/reference_mix.py) solve it.
"""

from __future__ import annotations

import math
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from reference_mix import engine_licence, enumerate_best, random_problem, random_problem_licence

from advisor.core.engine import prepare, weights_of
from advisor.core.loading import load_catalog, load_plan
from advisor.core.mix import MixProblem, solve
from advisor.core.staffing import licence_cost

EXAMPLES = sorted((Path(__file__).parents[2] / "resources" / "examples").glob("*.yaml"))


def _restrict(p: MixProblem, keep: list[int]) -> MixProblem:
    """The problem over the channels ``keep`` only (in that order)."""
    return replace(
        p,
        ids=[p.ids[c] for c in keep],
        values=[p.values[c] for c in keep],
        scale=[p.scale[c] for c in keep],
        allowed=[p.allowed[c] for c in keep],
        managed=[p.managed[c] for c in keep],
        forced=frozenset(i for i, c in enumerate(keep) if c in p.forced),
        hours=[[row[c] for c in keep] for row in p.hours],
        cost_hours=[[row[c] for c in keep] for row in p.cost_hours],
        refund=[[row[c] for c in keep] for row in p.refund],
    )


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
def test_engine_problems_match_the_enumeration(path: Path) -> None:
    catalog = load_catalog()
    plan = load_plan(path)
    for scenario in plan.scenarios:
        prep = prepare(plan, scenario.name, catalog)
        weights = weights_of(prep.profile)
        lic = engine_licence(prep.problem.options, catalog.assumptions.productive_hours_per_fte.v)
        full = solve(prep.problem, weights)
        by_fit = sorted(range(len(prep.platforms)), key=lambda i: -prep.fits[i].fit)
        keep = list(dict.fromkeys([*sorted(prep.problem.forced), *full.channels, *by_fit]))[:8]
        small = _restrict(prep.problem, keep)
        for p in (small, replace(small, capacity=math.inf)):
            got = solve(p, weights)
            want_obj, want_cost, want_members = enumerate_best(p, weights, lic)
            assert got.objective == pytest.approx(want_obj, abs=1e-9), (scenario.name, want_members)
            assert got.cost == pytest.approx(want_cost, rel=1e-9, abs=1e-6), scenario.name
