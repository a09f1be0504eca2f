"""Reference solvers for the mix search: exhaustive enumeration of every channel subset.

Two independent ways to find the optimum of ``advisor.core.mix`` without any pruning, used by
the exhaustive tests and as the baselines in ``benchmarks/run.py``:

- :func:`solve_numpy` - vectorised meet-in-the-middle enumeration. The channels are split into a
  low and a high half; for every subset of each half the per-goal products of ``1 - v``, the
  hours, the managed count and the size are precomputed (2^(n/2) entries each). The high half is
  then swept in chunks: each chunk is combined with every low subset, so every one of the 2^n
  subsets (times every tool option) is evaluated, in bounded memory. The objective of a chunk
  is one matrix product: ``sum_g w_g (1 - P_hi[g] P_lo[g]) = sum(w) - (P_hi * w) @ P_lo.T``.
  By default, half-subsets that alone break a limit (a forced channel missing, a channel the
  option cannot manage, too many channels or hours) are dropped as whole rows or columns first,
  since every subset containing them is infeasible; ``prune_halves=False`` keeps them and
  checks every pair (plain enumeration).
- :func:`solve_python` - plain depth-first enumeration of every subset in pure Python (no bound,
  no pruning; each subset's constraints are checked at its leaf).

Both apply the tie rule of ``mix.solve``: a higher objective wins when it is higher by more than
1e-9; within 1e-9 the lower monthly cost (staff plus licence) wins, by more than 1e-6.

The licence must be computed on arrays for :func:`solve_numpy`: pass ``licence`` as a callable
``(t, managed_array, hours_array) -> array``. :func:`random_problem_licence` builds it for the
problems of ``tests/core/test_mix.py::random_problem`` and :func:`engine_licence` for problems
made by ``advisor.core.engine.prepare`` (a vectorised twin of ``staffing.licence_cost``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

from advisor.core.mix import EPS, MixProblem, MixSolution
from advisor.core.staffing import ToolOption
from advisor.core.vocab import PricingModel

__all__ = [
    "VecLicence",
    "engine_licence",
    "option_order",
    "solve_numpy",
    "solve_python",
    "random_problem_licence",
]

VecLicence = Callable[[int, np.ndarray, np.ndarray], np.ndarray]

COST_TIE = 1e-6  # costs closer than this are equal (the incumbent stays), as in mix.solve

# a candidate optimum: objective, cost, option rank, high-half subset, low-half subset, hours,
# licence
_Cand = tuple[float, float, int, int, int, float, float]


def option_order(prob: MixProblem) -> list[int]:
    """The order mix.solve tries the tool options in (it decides exact cost ties)."""

    def mean_hours(t: int) -> float:
        finite = [h for h in prob.hours[t] if not math.isinf(h)]
        return sum(finite) / max(1, len(finite))

    return sorted(range(len(prob.options)), key=mean_hours)


# ---------------------------------------------------------------------------------------------
# vectorised licences


def random_problem_licence(prob: MixProblem) -> VecLicence:
    """Vectorised licence of a ``random_problem``: 0 for option 0, else
    ``price_t * max(1, ceil(h / 32.5))``. The prices are read back from the scalar licence
    (at h = 1 the licence is the price) and the form is spot-checked against it."""
    prices = [0.0 if t == 0 else float(prob.licence(t, 0, 1.0)) for t in range(len(prob.options))]
    for t in range(len(prob.options)):
        for h in (0.5, 32.5, 33.0, 97.6, 200.0):
            want = prob.licence(t, 1, h)
            got = float(0.0 if t == 0 else prices[t] * max(1, math.ceil(h / 32.5)))
            if not math.isclose(want, got, rel_tol=1e-12, abs_tol=1e-9):
                raise ValueError("the problem's licence is not the random_problem licence")

    def licence(t: int, managed: np.ndarray, hours: np.ndarray) -> np.ndarray:
        if t == 0:
            return np.zeros(np.shape(hours))
        return prices[t] * np.maximum(1.0, np.ceil(hours / 32.5))

    return licence


def engine_licence(options: Sequence[ToolOption], productive_hours_per_fte: float) -> VecLicence:
    """Vectorised ``staffing.licence_cost`` for the options of an engine problem.

    seats = max(1, ceil(hours / productive_hours_per_fte - 1e-9)); +inf when the plan's channel
    or seat limit is exceeded; the price by the tool's pricing model.
    """

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
                out = np.full(shape, float(price))
            case PricingModel.free:
                out = np.zeros(shape)
            case _:  # pragma: no cover - the match is exhaustive
                out = np.full(shape, float(price))
        out = np.broadcast_to(out, shape).astype(float, copy=True)
        if plan.max_channels is not None:
            out[np.broadcast_to(managed, shape) > plan.max_channels] = math.inf
        if plan.max_seats is not None:
            out[np.broadcast_to(seats, shape) > plan.max_seats] = math.inf
        return out

    return licence


# ---------------------------------------------------------------------------------------------
# numpy enumeration


def _half_tables(values: np.ndarray, hours: np.ndarray, managed: np.ndarray, idx: list[int]):
    """For every subset of the channels ``idx`` (bit j of the subset number = idx[j]): the
    per-goal product of (1 - v), the hours, the managed count and the size."""
    goals = values.shape[1]
    prod = np.ones((1, goals))
    hrs = np.zeros(1)
    man = np.zeros(1, dtype=np.int64)
    size = np.zeros(1, dtype=np.int64)
    for c in idx:
        prod = np.concatenate([prod, prod * (1.0 - values[c])])
        hrs = np.concatenate([hrs, hrs + hours[c]])
        man = np.concatenate([man, man + int(managed[c])])
        size = np.concatenate([size, size + 1])
    return prod, hrs, man, size


def _must_hold(idx: list[int], forced: frozenset[int]) -> np.ndarray:
    """Which subsets of the half ``idx`` contain all of its forced channels."""
    want = sum(1 << j for j, c in enumerate(idx) if c in forced)
    sub = np.arange(1 << len(idx), dtype=np.int64)
    return (sub & want) == want


def solve_numpy(
    prob: MixProblem,
    weights: Sequence[float],
    licence: VecLicence,
    chunk: int = 1 << 18,
    prune_halves: bool = True,
) -> MixSolution:
    """The optimum over every subset and tool option, by vectorised enumeration.

    ``chunk`` bounds the number of (high, low) subset pairs evaluated at once (each costs a few
    dozen bytes of temporaries). ``nodes`` of the result is the number of (subset, option)
    pairs accounted for: 2^n per option. ``prune_halves=False`` evaluates every (high, low) pair
    without dropping infeasible halves first (plain enumeration; same answer, slower).
    """
    n = len(prob.ids)
    w = np.asarray(weights, dtype=float)
    values = np.asarray(prob.values, dtype=float).reshape(n, len(w))
    managed = np.asarray(prob.managed, dtype=bool)
    lo_idx = list(range(n // 2))
    hi_idx = list(range(n // 2, n))
    lo_ok_forced = _must_hold(lo_idx, prob.forced)
    hi_ok_forced = _must_hold(hi_idx, prob.forced)
    kmax = prob.max_count if prob.max_count is not None else n
    cap = prob.capacity + EPS
    budget = prob.budget + EPS
    wsum = float(w.sum())

    # candidates (objective, cost, option, hi subset, lo subset, hours, licence), kept as the
    # cheapest-first Pareto front of everything within EPS of the best objective seen
    front: list[_Cand] = []
    best_obj = -math.inf
    evaluated = 0

    for rank, t in enumerate(option_order(prob)):
        evaluated += 1 << n
        hours = np.asarray(prob.hours[t], dtype=float)
        p_lo, h_lo, m_lo, k_lo = _half_tables(values, hours, managed, lo_idx)
        p_hi, h_hi, m_hi, k_hi = _half_tables(values, hours, managed, hi_idx)
        # A half that on its own misses a forced channel, holds a channel the option cannot
        # manage, or is over the count or hours makes every subset containing it infeasible:
        # drop those rows and columns whole, then sweep every remaining (high, low) pair.
        lo_valid = lo_ok_forced & np.isfinite(h_lo) & (k_lo <= kmax) & (h_lo <= cap)
        hi_valid = hi_ok_forced & np.isfinite(h_hi) & (k_hi <= kmax) & (h_hi <= cap)
        if prune_halves:
            lo_keep, hi_keep = np.nonzero(lo_valid)[0], np.nonzero(hi_valid)[0]
        else:
            lo_keep, hi_keep = np.arange(len(h_lo)), np.arange(len(h_hi))
        if not len(lo_keep) or not len(hi_keep):
            continue
        p_lo, h_lo, m_lo, k_lo = p_lo[lo_keep], h_lo[lo_keep], m_lo[lo_keep], k_lo[lo_keep]
        wp_hi = p_hi[hi_keep] * w
        h_hi, m_hi, k_hi = h_hi[hi_keep], m_hi[hi_keep], k_hi[hi_keep]
        lo_valid, hi_valid = lo_valid[lo_keep], hi_valid[hi_keep]
        rows = max(1, chunk // len(lo_keep))
        for start in range(0, len(hi_keep), rows):
            sl = slice(start, start + rows)
            hsum = h_hi[sl, None] + h_lo[None, :]
            feas = hi_valid[sl, None] & lo_valid[None, :]
            feas &= (k_hi[sl, None] + k_lo[None, :]) <= kmax
            feas &= hsum <= cap
            if not feas.any():
                continue
            msum = m_hi[sl, None] + m_lo[None, :]
            safe_h = np.where(feas, hsum, 0.0)
            lic = np.asarray(licence(t, msum, safe_h), dtype=float)
            feas &= lic <= budget
            if not feas.any():
                continue
            obj = wsum - wp_hi[sl] @ p_lo.T
            obj = np.where(feas, obj, -math.inf)
            top = float(obj.max())
            if top < best_obj - EPS:
                continue
            near = np.nonzero(obj >= top - EPS)
            cost = safe_h[near] * prob.cost_per_hour + lic[near]
            order = np.argsort(cost, kind="stable")
            # cheapest first, keep only those with a higher objective than every cheaper one
            # (exact ties, e.g. from channels that add nothing, would otherwise pile up)
            near_obj = obj[near][order]
            prev = np.concatenate([[-math.inf], np.maximum.accumulate(near_obj)[:-1]])
            for k in order[near_obj > prev]:
                i, j = int(near[0][k]), int(near[1][k])
                front.append(
                    (
                        float(obj[i, j]),
                        float(cost[k]),
                        rank,
                        int(hi_keep[start + i]),
                        int(lo_keep[j]),
                        float(safe_h[i, j]),
                        float(lic[i, j]),
                    )
                )
            best_obj = max(best_obj, top)
            front = _pareto(front, best_obj)

    if not front:
        return MixSolution(nodes=evaluated)
    pool = [f for f in front if f[0] >= best_obj - EPS]
    # the lowest cost wins; costs equal within COST_TIE go to the earlier option (as in
    # mix.solve, where the incumbent keeps a tie), then to the higher objective
    cheapest = min(f[1] for f in pool)
    tied = [f for f in pool if f[1] <= cheapest + COST_TIE]
    win = min(tied, key=lambda f: (f[2], -f[0]))
    hi, lo = win[3], win[4]
    members = tuple(
        sorted(
            [lo_idx[j] for j in range(len(lo_idx)) if lo >> j & 1]
            + [hi_idx[j] for j in range(len(hi_idx)) if hi >> j & 1]
        )
    )
    return MixSolution(
        members=members,
        option=option_order(prob)[win[2]],
        objective=win[0],
        cost=win[1],
        hours=win[5],
        licence=win[6],
        nodes=evaluated,
    )


def _pareto(front: list[_Cand], best_obj: float) -> list[_Cand]:
    """Drop candidates more than EPS below the best objective and those another candidate
    beats on both objective (>=) and cost (<=); keeps the list tiny even with many ties."""
    keep: list[_Cand] = []
    for f in sorted((f for f in front if f[0] >= best_obj - EPS), key=lambda f: (f[1], f[2])):
        if keep and any(k[0] >= f[0] and k[1] <= f[1] - COST_TIE for k in keep):
            continue
        keep.append(f)
    return keep


# ---------------------------------------------------------------------------------------------
# pure-Python enumeration


def solve_python(prob: MixProblem, weights: Sequence[float]) -> MixSolution:
    """The optimum by visiting every subset under every option, depth first, without pruning.

    Each leaf (one subset) checks the forced set, the count cap, the hours and the licence, then
    applies mix.solve's tie rule to the incumbent. The per-goal products are carried down the
    recursion, so a leaf costs O(goals), not O(channels * goals).
    """
    n = len(prob.ids)
    w = list(weights)
    kmax = prob.max_count if prob.max_count is not None else n
    cap, budget, cph = prob.capacity + EPS, prob.budget + EPS, prob.cost_per_hour
    misses = [[1.0 - v for v in row] for row in prob.values]
    forced = prob.forced
    best = MixSolution()
    leaves = 0

    def run_option(t: int) -> None:
        hrs = prob.hours[t]

        def visit(c: int, r: list[float], members: list[int], h: float, m: int) -> None:
            nonlocal best, leaves
            if c == n:
                leaves += 1
                if len(members) > kmax or h > cap or math.isinf(h):
                    return
                if not forced.issubset(members):
                    return
                lic = prob.licence(t, m, h)
                if lic > budget:
                    return
                obj = sum(wg * (1.0 - rg) for wg, rg in zip(w, r, strict=True))
                cost = h * cph + lic
                if obj > best.objective + EPS or (
                    obj > best.objective - EPS and cost < best.cost - COST_TIE
                ):
                    best = MixSolution(tuple(members), t, obj, cost, h, lic)
                return
            # without c
            visit(c + 1, r, members, h, m)
            # with c
            members.append(c)
            r2 = [ri * mi for ri, mi in zip(r, misses[c], strict=True)]
            visit(c + 1, r2, members, h + hrs[c], m + prob.managed[c])
            members.pop()

        visit(0, [1.0] * len(w), [], 0.0, 0)

    for t in option_order(prob):
        run_option(t)
    best.nodes = leaves
    return best
