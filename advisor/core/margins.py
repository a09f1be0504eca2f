"""The margins of the sensitivity analysis: how far each goal's share of the weights can move
before the mix's channels change.

Each goal's share of the (normalised) weights is moved down towards 0 and up towards 1, the
other goals keeping their proportions. For a fixed mix the objective is affine in the weights,
and along such a move the weights are affine in the move, so the optimum is the upper envelope
of one line per mix (convex, piecewise linear). Its breakpoints are found exactly,
Eisner-Severance style: solve at both ends of an interval; the same mix at both ends is optimal
in between; otherwise solve where their lines cross, and either nothing beats them there (a
breakpoint) or the new mix splits the interval (left part first). A mix with the same channels
but another cadence or tool is a breakpoint but not a change. The move reported is the first
breakpoint x where the channels change, plus 0.0001 of share (or the end of the range if
nearer), and the mix reported is the optimum just past x (convexity proves it optimal from x to
the next solved point, and strictly better than the base mix there). So a margin is exact to
0.0001 of share (up to the solver's 1e-9 tolerance on the objective), where the old scan and
bisection was exact to 0.005 and could step over a change between its scan points. Typically 1
to 4 solves per direction instead of about 7. A direction whose solves hit their time limit
(not exact), or whose lines are degenerate (parallel, or a crossing outside its interval
through rounding), falls back to that scan (_SCAN, then bisection to 0.005). The 18 directions
advance in lock step, so each round is one batched solve (:mod:`advisor.core.mix_batch`).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence

import numpy as np

from .engine import Prepared
from .mix import EPS, MixSolution
from .mix_batch import coverage_of
from .result import GoalSensitivity
from .vocab import Goal

__all__ = ["Solve", "margins", "shifted"]

_SCAN = (0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0)
_TOL = 0.005
_PAD = 1e-4  # reported past the exact breakpoint, where the new mix is strictly better
_MAX_SOLVES = 40  # per direction, before falling back to the scan (never reached in practice)

# solves weightings, with mixes likely to be good as hints (raises to cancel)
Solve = Callable[[list[list[float]], Sequence[MixSolution]], list[MixSolution]]

# a direction yields the weights it wants solved and gets their solutions; it returns its
# (margin, mix) or None to ask for the scan
_Ask = tuple[list[float], tuple[MixSolution, ...]]  # weights to solve, and hints
_Direction = Generator[_Ask, MixSolution, "tuple[float | None, tuple[int, ...]] | None"]


class _Degenerate(Exception):
    """The exact search cannot vouch for its answer: use the scan."""


def shifted(weights: list[float], g: int, share: float) -> list[float]:
    """The weights with goal g at ``share``, the others keeping their proportions."""
    others = 1.0 - weights[g]
    out = []
    for k, w in enumerate(weights):
        if k == g:
            out.append(share)
        elif others > 0:
            out.append(w / others * (1.0 - share))
        else:
            out.append((1.0 - share) / (len(weights) - 1))
    return out


class _Lines:
    """The line of a mix's objective along one direction: value(x) = alpha + beta x."""

    def __init__(self, prep: Prepared, weights: list[float], g: int, sign: int) -> None:
        self.prob = prep.problem
        n = len(weights)
        others = 1.0 - weights[g]
        d = [-sign * (w / others if others > 0 else 1.0 / (n - 1)) for w in weights]
        d[g] = float(sign)
        self.w0, self.d = np.asarray(weights), np.asarray(d)

    def value(self, sol: MixSolution, x: float) -> float:
        cov = coverage_of(self.prob, sol.members)
        return float((self.w0 + x * self.d) @ cov) - self.prob.money_weight * sol.cost

    def slope(self, sol: MixSolution) -> float:
        return float(self.d @ coverage_of(self.prob, sol.members))


def _direction(
    prep: Prepared, weights: list[float], g: int, sign: int, base: MixSolution
) -> _Direction:
    share = weights[g]
    limit = share if sign < 0 else 1.0 - share
    if limit <= 0:
        return None, base.channels
    lines = _Lines(prep, weights, g, sign)
    budget = [_MAX_SOLVES]

    def at(x: float, *hints: MixSolution) -> Generator[_Ask, MixSolution, MixSolution]:
        budget[0] -= 1
        sol = yield shifted(weights, g, share + sign * x), hints
        if sol.stopped or not sol.found or budget[0] < 0:
            raise _Degenerate
        return sol

    def first_change(a: float, sa: MixSolution, b: float, sb: MixSolution):
        """The first breakpoint in (a, b] after which the channels differ from the base mix,
        given the optima sa at a (base channels) and sb at b; None if there is none."""
        if sa.option == sb.option and sorted(sa.members) == sorted(sb.members):
            return None
        dslope = lines.slope(sb) - lines.slope(sa)
        if abs(dslope) < 1e-12:
            raise _Degenerate  # parallel lines: the crossing is not a point
        x = a + (lines.value(sa, a) - lines.value(sb, a)) / dslope
        if not a - 1e-9 <= x <= b + 1e-9:
            raise _Degenerate
        x = min(max(x, a), b)
        sx = yield from at(x, sa, sb)
        if lines.value(sx, x) <= lines.value(sa, x) + EPS:  # nothing above the two lines
            if sb.channels == base.channels:
                return None
            # sb is optimal on [x, b] (the envelope is convex, at or above sb's line and on it
            # at x and b) and ahead of sa past x: the move reported is x + the pad, or the end
            # of the range when that is nearer (sb was solved there)
            move = x + _PAD if x + _PAD <= b else b if b >= limit else None
            if move is None or abs(dslope) * (move - x) < 100 * EPS:
                raise _Degenerate
            return move, sb.channels
        found = yield from first_change(a, sa, x, sx)
        if found is not None:
            return found
        if sx.channels != base.channels:
            raise _Degenerate  # the left part must have found sx's change: rounding
        return (yield from first_change(x, sx, b, sb))

    try:
        end = yield from at(limit)
        change = yield from first_change(0.0, base, limit, end)
    except _Degenerate:
        return None
    return change if change is not None else (None, base.channels)


def _scan(
    solver: Solve, weights: list[float], g: int, sign: int, base: tuple[int, ...]
) -> tuple[float | None, tuple[int, ...]]:
    """The margin by a coarse scan then bisection to _TOL (the fallback)."""
    share = weights[g]
    limit = share if sign < 0 else 1.0 - share

    def mix(delta: float) -> tuple[int, ...]:
        return solver([shifted(weights, g, share + sign * delta)], ())[0].channels

    lo = 0.0
    for step in _SCAN:
        delta = min(step, limit)
        moved = mix(delta)
        if moved != base:
            hi, hi_mix = delta, moved
            while hi - lo > _TOL:
                mid = (lo + hi) / 2
                m = mix(mid)
                if m != base:
                    hi, hi_mix = mid, m
                else:
                    lo = mid
            return hi, hi_mix
        lo = delta
        if delta >= limit:
            break
    return None, base


def margins(
    prep: Prepared,
    weights: list[float],
    base: MixSolution,
    solver: Solve,
    goal_done: Callable[[], None],
) -> list[GoalSensitivity]:
    """Both margins of every goal; the directions advance in lock step, one batch a round."""
    goals = list(Goal)
    keys = [(g, s) for g in range(len(goals)) for s in (-1, 1) if s > 0 or weights[g] > 0]
    found: dict[tuple[int, int], tuple[float | None, tuple[int, ...]] | None] = {}
    found.update({(g, -1): (None, base.channels) for g in range(len(goals)) if weights[g] <= 0})
    gens = {k: _direction(prep, weights, k[0], k[1], base) for k in keys}
    asks: dict[tuple[int, int], _Ask] = {}

    def advance(k: tuple[int, int], sol: MixSolution | None) -> None:
        try:
            asks[k] = next(gens[k]) if sol is None else gens[k].send(sol)
        except StopIteration as stop:
            asks.pop(k, None)
            found[k] = stop.value

    for k in keys:
        advance(k, None)
    reported = 0
    while True:
        while reported < len(goals) and all((reported, s) in found for s in (-1, 1)):
            reported += 1
            goal_done()
        if not asks:
            break
        pending = list(asks)
        hints = [h for k in pending for h in asks[k][1]]
        got = solver([asks[k][0] for k in pending], hints)
        for k, sol in zip(pending, got, strict=True):
            advance(k, sol)
    ids = prep.problem.ids
    out = []
    for g, goal in enumerate(goals):
        (down, mix_down), (up, mix_up) = (
            found[g, s] or _scan(solver, weights, g, s, base.channels) for s in (-1, 1)
        )
        out.append(
            GoalSensitivity(
                goal=goal,
                share=weights[g],
                down=down,
                up=up,
                mix_down=[ids[c] for c in mix_down],
                mix_up=[ids[c] for c in mix_up],
            )
        )
    return out
