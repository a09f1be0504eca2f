"""The sensitivity analysis as it was before the batched search (kept as the reference the
tests compare advisor.core.sensitivity with): one exact solve per scan point, bisection step
and draw.

How robust the mix is to the goal weights.

Margins: for each goal, its share of the (normalised) weights is moved down towards 0 and up
towards 1, the other goals keeping their proportions, and the smallest move that changes the mix
is found by a coarse scan followed by bisection (to 0.005 of share).

Robustness: ``samples`` weightings are drawn by multiplying each weight by an independent
uniform factor in [1 - spread, 1 + spread] (seeded, so the figures are reproducible); for each
channel we report the share of draws in which it is in the optimal mix.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace

from advisor.core.engine import Prepared, weights_of
from advisor.core.margins import shifted  # the same move of the weights
from advisor.core.mix import MixSolution, solve
from advisor.core.result import GoalSensitivity, Sensitivity
from advisor.core.sensitivity import Cancelled
from advisor.core.vocab import Goal

__all__ = ["reference_sensitivity"]

_SCAN = (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0)
_TOL = 0.005


def _mix(prep: Prepared, weights: list[float], hint: MixSolution | None = None) -> tuple[int, ...]:
    return solve(prep.problem, weights, hint).channels


def _margin(
    prep: Prepared,
    weights: list[float],
    g: int,
    sign: int,
    hint: MixSolution,
    check: Callable[[], None],
) -> tuple[float | None, tuple[int, ...]]:
    base = hint.channels
    share = weights[g]
    limit = share if sign < 0 else 1.0 - share
    lo = 0.0
    for step in _SCAN:
        delta = min(step, limit)
        check()
        mix = _mix(prep, shifted(weights, g, share + sign * delta), hint)
        if mix != base:
            hi, hi_mix = delta, mix
            while hi - lo > _TOL:
                mid = (lo + hi) / 2
                check()
                m = _mix(prep, shifted(weights, g, share + sign * mid), hint)
                if m != base:
                    hi, hi_mix = mid, m
                else:
                    lo = mid
            return hi, hi_mix
        lo = delta
        if delta >= limit:
            break
    return None, base


def reference_sensitivity(
    prep: Prepared,
    *,
    samples: int = 200,
    spread: float = 0.3,
    seed: int = 1,
    on_progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Sensitivity:
    """Margins per goal and robustness per channel; raises Cancelled if asked to stop."""
    prep = replace(prep, problem=replace(prep.problem, should_stop=should_stop))
    weights = weights_of(prep.profile)
    base_solution = solve(prep.problem, weights)
    base = base_solution.channels
    goals = list(Goal)
    steps = len(goals) + samples
    done = 0

    def check() -> None:
        if should_stop is not None and should_stop():
            raise Cancelled

    def tick() -> None:
        nonlocal done
        done += 1
        check()
        if on_progress is not None:
            on_progress(done / steps)

    ids = prep.problem.ids
    margins = []
    for g, goal in enumerate(goals):
        down, mix_down = (
            _margin(prep, weights, g, -1, base_solution, check) if weights[g] > 0 else (None, base)
        )
        up, mix_up = _margin(prep, weights, g, +1, base_solution, check)
        margins.append(
            GoalSensitivity(
                goal=goal,
                share=weights[g],
                down=down,
                up=up,
                mix_down=[ids[c] for c in mix_down],
                mix_up=[ids[c] for c in mix_up],
            )
        )
        tick()
    rng = random.Random(seed)
    counts = dict.fromkeys(range(len(ids)), 0)
    same = 0
    for _ in range(samples):
        raw = [w * rng.uniform(1 - spread, 1 + spread) for w in weights]
        total = sum(raw)
        mix = _mix(prep, [w / total for w in raw], base_solution)
        same += mix == base
        for c in mix:
            counts[c] += 1
        tick()
    n = max(samples, 1)
    robustness = {
        ids[c]: counts[c] / n
        for c in sorted(counts, key=lambda c: -counts[c])
        if counts[c] or c in base
    }
    return Sensitivity(
        goals=margins, robustness=robustness, samples=samples, spread=spread, mix_stability=same / n
    )
