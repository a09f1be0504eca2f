"""The branch-and-bound mix search (channels x cadence levels) equals exhaustive enumeration."""

from __future__ import annotations

import math
import random
from dataclasses import replace

import pytest
from reference_mix import enumerate_best, random_problem, random_problem_licence

from advisor.core.mix import EPS, MixProblem, evaluate, solve


def _weights(rng: random.Random) -> list[float]:
    raw = [rng.choice([0, 0, rng.random()]) for _ in range(9)]
    raw[0] += 0.1
    return [w / sum(raw) for w in raw]


def _check(p: MixProblem, weights: list[float], seed: int) -> None:
    got = solve(p, weights)
    want_obj, want_cost, want_members = enumerate_best(p, weights, random_problem_licence(p))
    if math.isinf(want_obj):
        assert not got.found
        return
    assert got.found, seed
    assert not got.stopped
    assert got.objective == pytest.approx(want_obj, abs=1e-9), (seed, got.members, want_members)
    assert got.cost == pytest.approx(want_cost, rel=1e-9, abs=1e-6), seed
    again = evaluate(p, weights, got.option, got.members)
    assert again is not None
    assert again.objective == pytest.approx(got.objective, abs=1e-12)
    assert p.forced <= set(got.channels)
    assert got.hours <= p.capacity + EPS
    assert all(lvl in p.allowed[c] for c, lvl in got.members)


@pytest.mark.parametrize("seed", range(60))
def test_branch_and_bound_equals_enumeration(seed: int) -> None:
    rng = random.Random(seed)
    p = random_problem(rng, n=rng.randint(3, 8))
    _check(p, _weights(rng), seed)


@pytest.mark.parametrize("seed", range(6))
def test_equal_enumeration_with_a_threshold_and_room_to_spare(seed: int) -> None:
    """Plenty of hours and a threshold: the answer leaves hours free rather than fill them."""
    rng = random.Random(500 + seed)
    p = replace(random_problem(rng, n=8), capacity=1e6, budget=1e6, money_weight=3e-5)
    _check(p, _weights(rng), seed)
    sol = solve(p, _weights(random.Random(seed)))
    row = p.hours[sol.option]
    everything = p.base[sol.option] + sum(
        max(h for h in r if not math.isinf(h)) for r in row if not all(map(math.isinf, r))
    )
    assert sol.hours < everything


def test_more_hours_never_lower_the_optimum() -> None:
    rng = random.Random(7)
    for _ in range(20):
        p = random_problem(rng, n=10)
        weights = [1 / 9] * 9
        before = solve(p, weights)
        after = solve(replace(p, capacity=p.capacity * 1.5), weights)
        assert after.objective >= before.objective - EPS


def test_a_higher_threshold_never_adds_hours_or_channels_worth_less() -> None:
    rng = random.Random(11)
    for _ in range(10):
        p = replace(random_problem(rng, n=9), forced=frozenset(), money_weight=0.0)
        weights = [1 / 9] * 9
        free = solve(p, weights)
        dear = solve(replace(p, money_weight=5e-4), weights)
        assert dear.cost <= free.cost + 1e-6


@pytest.mark.parametrize("seed", range(15))
def test_a_hint_never_changes_the_answer(seed: int) -> None:
    rng = random.Random(100 + seed)
    p = random_problem(rng, n=9)
    weights = [1 / 9] * 9
    base = solve(p, weights)
    other = [rng.random() + 0.01 for _ in range(9)]
    other = [w / sum(other) for w in other]
    plain, hinted = solve(p, other), solve(p, other, hint=base)
    assert hinted.objective == pytest.approx(plain.objective, abs=1e-12)
    assert hinted.cost == pytest.approx(plain.cost, abs=1e-6)


def test_a_search_out_of_time_says_so_and_bounds_its_gap() -> None:
    for seed in range(10):
        rng = random.Random(seed)
        p = replace(random_problem(rng, n=10), time_limit=0.0, max_count=None)
        weights = [1 / 9] * 9
        quick = solve(p, weights)
        assert quick.stopped
        assert 0.0 <= quick.gap <= 1.0 or not quick.found
        full = solve(replace(p, time_limit=60.0), weights)
        assert not full.stopped
        if quick.found:
            assert quick.objective <= full.objective + 1e-9
            assert full.objective <= quick.objective + quick.gap + 1e-9


def test_single_channel_mix_needs_no_tailoring() -> None:
    rng = random.Random(5)
    p = replace(random_problem(rng, n=4), max_count=1, forced=frozenset(), capacity=1e6, budget=1e6)
    sol = solve(p, [1 / 9] * 9)
    assert len(sol.members) == 1
    (c, lvl), t = sol.members[0], sol.option
    assert sol.hours == pytest.approx(p.base[t] + p.hours[t][c][lvl] - p.refund[t][c][lvl])
