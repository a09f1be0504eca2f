"""How robust the mix is to the goal weights.

Margins (:mod:`advisor.core.margins`): for each goal, the smallest move of its share of the
weights, down or up, that changes the mix's channels, found exactly along the line of weights.

Robustness: ``samples`` weightings are drawn by multiplying each weight by an independent
uniform factor in [1 - spread, 1 + spread] (seeded, so the figures are reproducible); for each
channel we report the share of draws in which it is in the optimal mix. The draws are solved
together (:mod:`advisor.core.mix_batch`); a batch that runs out of time is solved draw by draw
(each with its own time limit).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import replace

from .engine import Prepared, weights_of
from .errors import Cancelled
from .margins import margins
from .mix import MixSolution, solve
from .mix_batch import BatchSolver
from .result import Sensitivity
from .vocab import Goal

__all__ = ["Cancelled", "sensitivity"]

_MARGIN_SHARE = 0.6  # of the progress bar: about the margins' share of the time


class _Solver:
    """Batched solves with the base mix as a hint; draw by draw when a batch runs out of
    time. ``check`` raises Cancelled."""

    def __init__(self, prep: Prepared, base: MixSolution, check: Callable[[], None]) -> None:
        self.prep, self.base, self.check = prep, base, check
        self.batch = BatchSolver(prep.problem)

    def __call__(
        self,
        weights: list[list[float]],
        hints: Sequence[MixSolution] = (),
        on_option: Callable[[float], None] | None = None,
    ) -> list[MixSolution]:
        """The optimum for each weighting; ``hints``: mixes likely to be good (incumbents);
        ``on_option``: the fraction of the batch's tool options searched (or of the weightings
        solved, one by one)."""
        self.check()
        got = self.batch.solve(
            weights, [self.base, *hints], self.prep.problem.should_stop, on_option
        )
        if got is not None:
            return got
        pairs = [(h.option, h.members) for h in hints if h.found]
        out = []
        for w in weights:
            self.check()
            out.append(solve(self.prep.problem, w, self.base, pairs))
            if on_option is not None:
                on_option(len(out) / len(weights))
        return out


def _robustness(
    prep: Prepared,
    draws: list[list[float]],
    base: MixSolution,
    solver: _Solver,
    report: Callable[[float], None],
) -> tuple[dict[str, float], float]:
    """Per channel the share of draws whose optimum has it, and the share keeping the base
    mix; ``report`` gets the fraction of the work done (per tool option searched)."""
    ids = prep.problem.ids
    counts = dict.fromkeys(range(len(ids)), 0)
    same = 0
    for sol in solver(draws, on_option=report):
        same += sol.channels == base.channels
        for c in sol.channels:
            counts[c] += 1
    n = max(len(draws), 1)
    robustness = {
        ids[c]: counts[c] / n
        for c in sorted(counts, key=lambda c: -counts[c])
        if counts[c] or c in base.channels
    }
    return robustness, same / n


def sensitivity(
    prep: Prepared,
    *,
    samples: int = 200,
    spread: float = 0.3,
    seed: int = 1,
    on_progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Sensitivity:
    """Margins per goal and robustness per channel; raises Cancelled if asked to stop.

    ``on_progress`` gets rising fractions: the margins, goal by goal, fill the first
    _MARGIN_SHARE, the draws (tool option by tool option) the rest."""
    prep = replace(prep, problem=replace(prep.problem, should_stop=should_stop))
    weights = weights_of(prep.profile)
    shown = [0.0]

    def check() -> None:
        if should_stop is not None and should_stop():
            raise Cancelled

    def report(fraction: float) -> None:
        check()
        if on_progress is not None and fraction > shown[0]:
            shown[0] = fraction
            on_progress(fraction)

    def goal_done() -> None:
        goals_done[0] += 1
        report(_MARGIN_SHARE * goals_done[0] / len(Goal))

    goals_done = [0]
    base = solve(prep.problem, weights)
    solver = _Solver(prep, base, check)
    goal_margins = margins(prep, weights, base, solver, goal_done)
    rng = random.Random(seed)
    draws = []
    for _ in range(samples):
        raw = [w * rng.uniform(1 - spread, 1 + spread) for w in weights]
        total = sum(raw)
        draws.append([w / total for w in raw])
    robustness, stability = _robustness(
        prep, draws, base, solver, lambda x: report(_MARGIN_SHARE + (1 - _MARGIN_SHARE) * x)
    )
    report(1.0)
    return Sensitivity(
        goals=goal_margins,
        robustness=robustness,
        samples=samples,
        spread=spread,
        mix_stability=stability,
    )
