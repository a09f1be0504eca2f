"""The batched sensitivity analysis gives the old analysis's answers.

tests/core/reference_sensitivity.py is the analysis as it was (one solve per scan point,
bisection step and draw). Robustness must be identical; a margin must be the old one within
the old bisection's 0.005, or an earlier change the old scan stepped over. Every example plan
and scenario was compared once by hand (see docs/engine.md); here a few, and small random
problems.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from reference_mix import random_problem
from reference_sensitivity import reference_sensitivity

from advisor.core import margins as margins_mod
from advisor.core.engine import Prepared, prepare, weights_of
from advisor.core.loading import load_catalog, load_plan
from advisor.core.margins import shifted
from advisor.core.mix import solve
from advisor.core.mix_batch import BatchSolver
from advisor.core.result import Sensitivity
from advisor.core.sensitivity import Cancelled, sensitivity

EXAMPLES = Path(__file__).parents[2] / "resources" / "examples"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _same(prep: Prepared, new: Sensitivity, old: Sensitivity) -> None:
    assert new.robustness == old.robustness
    assert new.mix_stability == old.mix_stability
    weights = weights_of(prep.profile)
    base = solve(prep.problem, weights).channels
    ids = prep.problem.ids
    for g, (a, b) in enumerate(zip(new.goals, old.goals, strict=True)):
        for sign, x, y, mx, my in (
            (-1, a.down, b.down, a.mix_down, b.mix_down),
            (1, a.up, b.up, a.mix_up, b.mix_up),
        ):
            if x is None:  # exact: a change the old scan found cannot be missed
                assert y is None, (a.goal, sign)
                continue
            assert y is None or x <= y + 1e-4 + 1e-9, (a.goal, sign, x, y)
            # the mix does change at the reported move, and not just before it
            at = solve(prep.problem, shifted(weights, g, a.share + sign * x))
            assert [ids[c] for c in at.channels] == mx
            before = solve(prep.problem, shifted(weights, g, a.share + sign * (x - 2e-4)))
            assert before.channels == base or x < 2e-4
            if y is None or y - x > 0.005 + 1e-4 or mx != my:
                continue  # an earlier change that the old scan stepped over
            assert abs(x - y) <= 0.005 + 1e-4


@pytest.mark.parametrize(
    ("plan", "scenario", "samples"),
    [("b2b_software", None, 40), ("fashion_retailer", "No TikTok", 20)],
)
def test_examples_match_the_reference(catalog, plan: str, scenario, samples: int) -> None:
    prep = prepare(load_plan(EXAMPLES / f"{plan}.yaml"), scenario, catalog)
    new = sensitivity(prep, samples=samples)
    _same(prep, new, reference_sensitivity(prep, samples=samples))


def test_an_earlier_change_than_the_old_scan_found(catalog) -> None:
    """fashion_retailer, "No TikTok": lowering customer service drops X at a move of 0.0729
    and adds Pinterest at 0.0740; the old bisection stopped at 0.075 with the second mix."""
    prep = prepare(load_plan(EXAMPLES / "fashion_retailer.yaml"), "No TikTok", catalog)
    sens = sensitivity(prep, samples=1)
    service = next(g for g in sens.goals if g.goal.value == "customer_service")
    assert service.down == pytest.approx(0.0729, abs=1e-4)
    assert "x" not in service.mix_down and "pinterest" not in service.mix_down


@pytest.mark.parametrize("seed", range(8))
def test_random_problems_match_the_reference(catalog, seed: int) -> None:
    rng = random.Random(seed)
    base = prepare(load_plan(EXAMPLES / "local_restaurant.yaml"), None, catalog)
    prep = replace(base, problem=random_problem(rng, n=rng.randint(4, 7)))
    new = sensitivity(prep, samples=30, seed=seed)
    _same(prep, new, reference_sensitivity(prep, samples=30, seed=seed))


@pytest.mark.parametrize("seed", range(25))
def test_batched_search_equals_one_solve_per_weighting(seed: int) -> None:
    rng = random.Random(1000 + seed)
    p = random_problem(rng, n=rng.randint(3, 9))
    weightings = []
    for _ in range(12):
        raw = [rng.choice([0.0, rng.random()]) for _ in range(9)]
        raw[rng.randrange(9)] += 0.1
        weightings.append([w / sum(raw) for w in raw])
    got = BatchSolver(p).solve(weightings)
    assert got is not None
    for w, sol in zip(weightings, got, strict=True):
        want = solve(p, w)
        assert sol.found == want.found
        if want.found:
            assert sol.objective == pytest.approx(want.objective, abs=1e-9)
            assert sol.cost == pytest.approx(want.cost, abs=1e-6)
            assert sol.channels == want.channels


def test_a_batch_out_of_time_returns_none() -> None:
    p = replace(random_problem(random.Random(3), n=9), time_limit=0.0, max_count=None)
    assert BatchSolver(p).solve([[1 / 9] * 9] * 3) is None


def test_the_scan_fallback_gives_the_old_margins(catalog, monkeypatch) -> None:
    """A direction the exact search cannot vouch for is scanned as before."""
    prep = prepare(load_plan(EXAMPLES / "local_restaurant.yaml"), None, catalog)
    monkeypatch.setattr(margins_mod, "_direction", lambda *a: iter(()))  # returns None at once
    new = sensitivity(prep, samples=5)
    old = reference_sensitivity(prep, samples=5)
    assert new.goals == old.goals


def test_progress_rises_and_a_stop_cancels_at_once(catalog) -> None:
    prep = prepare(load_plan(EXAMPLES / "b2b_software.yaml"), None, catalog)
    seen: list[float] = []
    sensitivity(prep, samples=60, on_progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)
    for after in (1, 5, 20, 60):  # in the margins' rounds and in the draws
        asked = [0]

        def stop(after: int = after, asked: list[int] = asked) -> bool:
            asked[0] += 1
            return asked[0] > after

        with pytest.raises(Cancelled):
            sensitivity(prep, should_stop=stop)
        assert asked[0] <= after + 2  # the search polls, then the analysis raises
