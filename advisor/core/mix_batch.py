"""The exact mix search for many weightings at once (the sensitivity analysis).

The same problem as :func:`advisor.core.mix.solve` and the same depth-first branch and bound,
but each node carries every weighting still alive there: the members, hours and residual
coverage of a node do not depend on the weights, so one tree serves all of them and each bound
is computed for all the weightings in one numpy operation. A weighting leaves a subtree when its
own bound there is below its own incumbent, and a level leaves it for that weighting when its
net gain is not positive or, with the ``left - 1`` best other gains, cannot reach the incumbent
(submodularity); a subtree is explored while some weighting is alive in it.

Bounds, each a valid upper bound on what the channels left can add: with one channel left, the
best single net gain (exact but for the licence's growth); with two, the best pair that fits in
the hours (likewise); otherwise the least of the submodular sum of the best gains, the per-goal
strongest channels and the concave relaxation by Frank-Wolfe (see :mod:`advisor.core.mix`),
started from each weighting's incumbent, its linear step limited by the channel count only (the
hours' knapsack LP per weighting costs more than the nodes it saves), and stopped for a
weighting whose bound is not falling fast enough to prune. So each weighting gets its exact
optimum; ties within 1e-9 go to the lower cost, as in ``solve`` (which of two mixes tied on
both a solve returns depends on the order it meets them in, here as there).

The weight-independent set-up (hours caps, the undominated levels that fit, the single-channel
mixes) is done once per problem in :class:`BatchSolver`. A call that runs past its time budget
(the single solve's limit times the number of weightings) returns None: the caller then solves
one by one, which keeps each solve's own time limit.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from . import batch_bounds as bounds
from .mix import EPS, MixProblem, MixSolution, _no_tool, _Search, evaluate

__all__ = ["BatchSolver", "coverage_of"]


_PAIRS = 400_000  # largest weightings x (channel levels)^2 worth the exact pair bound


class _OutOfTime(Exception):
    pass


def coverage_of(prob: MixProblem, members: Sequence[tuple[int, int]]) -> np.ndarray:
    """Per goal, the coverage of a mix (what the goal weights multiply in the objective)."""
    rest = np.ones(len(prob.values[0]) if prob.values else 0)
    for c, lvl in members:
        rest = rest * (1.0 - np.minimum(1.0, np.asarray(prob.values[c]) * prob.scale[c][lvl]))
    return 1.0 - rest


@dataclass(slots=True)
class _Option:
    """What one tool option allows, whatever the weights."""

    t: int
    cap: float
    ok: np.ndarray  # (C, L) levels allowed, finite, within the hours, undominated
    hrs: np.ndarray  # (C, L) team hours, inf where not ok
    lam: np.ndarray  # (C, L) money weight x cost of the level
    forced: list[int]  # the forced channels (searched first)


class BatchSolver:
    """Solves one problem for many weightings; build once per problem, call :meth:`solve`."""

    def __init__(self, prob: MixProblem) -> None:
        self.prob = prob
        probe = _Search(
            prob=prob, weights=[0.0] * len(prob.values[0]), best=MixSolution(), deadline=math.inf
        )
        self.vl = np.asarray(probe.vl, dtype=float).reshape(len(prob.ids), -1, len(prob.values[0]))
        self.log_miss = np.log1p(-np.minimum(self.vl, 1.0 - 1e-12))
        self.scale = np.asarray(prob.scale, dtype=float)
        self.forced = np.zeros(len(prob.ids), dtype=bool)
        self.forced[sorted(prob.forced)] = True
        self.kmax = prob.max_count if prob.max_count is not None else len(prob.ids)
        self.options = [o for t in self._search_order() if (o := self._option(probe, t))]
        self.records: list[tuple] = []
        self.singles = self._singles()

    def _search_order(self) -> list[int]:
        p = self.prob
        return sorted(
            range(len(p.options)),
            key=lambda t: (
                sum(min(h) for h in p.hours[t] if not math.isinf(min(h)))
                / max(1, sum(not math.isinf(min(h)) for h in p.hours[t]))
            ),
        )

    def _option(self, probe: _Search, t: int) -> _Option | None:
        p = self.prob
        hrs = p.hours[t]
        forced = sorted(p.forced)
        if any(all(math.isinf(hrs[c][lvl]) for lvl in p.allowed[c]) for c in forced):
            return None
        if len(forced) > self.kmax:
            return None
        probe.t = t
        cap = probe._hours_cap(t)
        if cap < 0:
            return None
        room = cap - p.base[t]
        n_levels = self.vl.shape[1]
        ok = np.zeros((len(p.ids), n_levels), dtype=bool)
        for c in range(len(p.ids)):
            lv = [x for x in p.allowed[c] if not math.isinf(hrs[c][x]) and hrs[c][x] <= room + EPS]
            # domination does not depend on the weights (see mix._Search._undominated)
            ok[c, probe._undominated(c, lv, [0.0] * n_levels, keep_all=c in p.forced)] = True
        if any(not ok[c].any() for c in forced):
            return None
        cost = np.asarray(p.cost_hours[t], dtype=float)
        lam = p.money_weight * p.cost_per_hour * np.where(np.isinf(cost), 0.0, cost)
        hrs_np = np.where(ok, np.asarray(hrs, dtype=float), np.inf)
        return _Option(t, cap, ok, hrs_np, lam, forced)

    def _singles(self) -> list[int]:
        """Every feasible single-channel mix as a record (as ``evaluate`` would judge it: a
        single channel needs no tailoring, ``refund``)."""
        p = self.prob
        out: list[int] = []
        n_g = self.vl.shape[2]
        for t in range(len(p.options)):
            for c in range(len(p.ids)):
                if not p.forced <= {c}:
                    continue
                for lvl in p.allowed[c] if p.max_count != 0 else ():
                    if math.isinf(p.hours[t][c][lvl]):
                        continue
                    refund = p.refund[t][c][lvl]
                    h = p.base[t] + p.hours[t][c][lvl] - refund
                    if math.isinf(h) or h > p.capacity + EPS:
                        continue
                    lic = p.licence(t, int(p.managed[c]), h)
                    if lic > p.budget + EPS:
                        continue
                    hc = p.base_cost[t] + p.cost_hours[t][c][lvl] - refund
                    cost = hc * p.cost_per_hour + lic
                    self.records.append((((c, lvl),), t, self.vl[c, lvl], cost, h, lic))
                    out.append(len(self.records) - 1)
        self.single_cov = np.asarray([self.records[i][2] for i in out]).reshape(len(out), n_g)
        self.single_cost = np.asarray([self.records[i][3] for i in out])
        return out

    def _record(self, t: int, members: Sequence[tuple[int, int]]) -> int | None:
        """Index of a new feasible mix record (members, option, coverage per goal, cost,
        hours, licence), or None when infeasible."""
        sol = evaluate(self.prob, [0.0] * self.vl.shape[2], t, members)
        if sol is None:
            return None
        cov = coverage_of(self.prob, sol.members)
        self.records.append((sol.members, t, cov, sol.cost, sol.hours, sol.licence))
        return len(self.records) - 1

    def solve(
        self,
        weights: Sequence[Sequence[float]],
        hints: Sequence[MixSolution] = (),
        should_stop: Callable[[], bool] | None = None,
        on_option: Callable[[float], None] | None = None,
    ) -> list[MixSolution] | None:
        """The optimal mix for each weighting (as ``solve`` would give), or None when the
        search ran past ``time_limit`` x len(weights) seconds (``should_stop`` is polled too
        and the caller decides what a stop means). ``hints``: mixes offered as incumbents to
        every weighting; ``on_option``: gets the fraction of the tool options searched. Each
        solution's ``nodes`` is the size of the whole batch's tree."""
        run = _Run(self, np.asarray(weights, dtype=float), should_stop)
        if len(weights) == 0:
            return []
        try:
            run.start(hints)
            for i, opt in enumerate(self.options):
                run.option(opt)
                if on_option is not None:
                    on_option((i + 1) / len(self.options))
        except _OutOfTime:
            return None
        return run.solutions()


class _Run:
    """One batched search: incumbents per weighting and the shared tree."""

    def __init__(
        self, s: BatchSolver, w: np.ndarray, should_stop: Callable[[], bool] | None
    ) -> None:
        self.s, self.w, self.should_stop = s, w, should_stop
        d = w.shape[0]
        self.best = np.full(d, -math.inf)
        self.best_cost = np.full(d, math.inf)
        self.best_rec = np.full(d, -1)
        self.inc = np.zeros((d, *s.vl.shape[:2]))  # each incumbent's levels (Frank-Wolfe start)
        self.nodes = 0
        self.deadline = time.perf_counter() + 0.95 * s.prob.time_limit * max(d, 1)
        self.opt: _Option | None = None

    # --- incumbents ------------------------------------------------------------------------
    def offer(self, i: int) -> None:
        _m, _t, cov, cost, _h, _lic = self.s.records[i]
        obj = self.w @ cov - self.s.prob.money_weight * cost
        better = (obj > self.best + EPS) | (
            (obj > self.best - EPS) & (cost < self.best_cost - 1e-6)
        )
        if better.any():
            self.best[better], self.best_cost[better], self.best_rec[better] = obj[better], cost, i
            ind = np.zeros(self.inc.shape[1:])
            for c, lvl in self.s.records[i][0]:
                ind[c, lvl] = 1.0
            self.inc[better] = ind

    def start(self, hints: Sequence[MixSolution]) -> None:
        s, p = self.s, self.s.prob
        if not p.forced:
            empty = s._record(_no_tool(p), ())
            if empty is not None:
                self.offer(empty)
        for hint in dict.fromkeys((h.option, tuple(sorted(h.members))) for h in hints if h.found):
            if (i := s._record(*hint)) is not None:
                self.offer(i)
        if s.singles:
            costs = s.single_cost
            obj = self.w @ s.single_cov.T - p.money_weight * costs
            for k in np.unique(obj.argmax(axis=1)):
                self.offer(s.singles[int(k)])
            # a cheaper single within the tolerance of the best one wins its tie
            for k in np.unique(
                np.where(obj >= obj.max(axis=1, keepdims=True) - EPS, costs, np.inf).argmin(axis=1)
            ):
                self.offer(s.singles[int(k)])

    def solutions(self) -> list[MixSolution]:
        out = []
        for d in range(self.w.shape[0]):
            i = int(self.best_rec[d])
            if i < 0:
                out.append(MixSolution(nodes=self.nodes))
                continue
            members, t, cov, cost, h, lic = self.s.records[i]
            c = float(self.w[d] @ cov)
            out.append(MixSolution(members, t, float(self.best[d]), cost, h, lic, c, self.nodes))
        return out

    # --- the tree --------------------------------------------------------------------------
    def option(self, opt: _Option) -> None:
        self.opt = opt
        p = self.s.prob
        alive = np.arange(self.w.shape[0])
        r = np.ones(self.w.shape[1])
        # free channels best net gain per hour first, for the mean weighting (the order only
        # changes how soon good mixes are found)
        root = self.s.vl @ self.w.mean(axis=0) - opt.lam
        ratio = np.where(opt.ok, root / np.maximum(opt.hrs, 1e-6), -np.inf).max(axis=1)
        free = [c for c in range(len(ratio)) if opt.ok[c].any() and not self.s.forced[c]]
        free.sort(key=lambda c: -ratio[c])
        self._dfs(opt.forced + free, r, (), p.base[opt.t], p.base_cost[opt.t], 0, alive, None)

    def _check(self) -> None:
        self.nodes += 1
        if self.nodes & 7 == 1 and (
            time.perf_counter() > self.deadline
            or (self.should_stop is not None and self.should_stop())
        ):
            raise _OutOfTime

    def _dfs(
        self,
        rest: list[int],
        r: np.ndarray,
        members: tuple[tuple[int, int], ...],
        h: float,
        hc: float,
        m: int,
        alive: np.ndarray,
        known: tuple[np.ndarray, np.ndarray] | None,
    ) -> None:
        """Explore the mixes that add some of ``rest`` (in order) to ``members`` for the
        weightings ``alive``; ``r``: the share of each goal still uncovered; ``known``: the
        parent's net gains and allowed levels when this node has the same members (a skip)."""
        self._check()
        s, p, opt = self.s, self.s.prob, self.opt
        assert opt is not None
        t = opt.t
        cost = 0.0
        obj = np.zeros(len(alive))
        if members:
            lic = p.licence(t, m, h)
            cost = hc * p.cost_per_hour + lic
            if len(members) > 1:  # single channels were offered with their refund
                s.records.append((members, t, 1.0 - r, cost, h, lic))
                self.offer(len(s.records) - 1)
            obj = self.w[alive] @ (1.0 - r) - p.money_weight * cost
        left = s.kmax - len(members)
        if not rest or left <= 0:
            return
        room = opt.cap - h
        wr = self.w[alive] * r
        idx = np.asarray(rest, dtype=np.intp)
        if known is None:
            ok_here = opt.ok[idx] & (opt.hrs[idx] <= room + EPS)
            fz = s.forced[idx]
            if bool((fz & ~ok_here.any(axis=1)).any()):
                return  # a forced channel no longer fits
            net = np.einsum("klg,ag->akl", s.vl[idx], wr) - opt.lam[idx]
            ok = ok_here & ((net > EPS) | fz[:, None])
        else:
            net, ok = known
        keep = ok.any(axis=(0, 2))
        if not keep.all():
            idx, net, ok = idx[keep], net[:, keep], ok[:, keep]
        if len(idx) == 0:
            return
        need = self.best[alive] - obj
        bound = self._bound(idx, net, ok, wr, room, left, need, alive)
        live = ~(
            (bound < need - EPS) | ((bound <= need + EPS) & (cost >= self.best_cost[alive] - 1e-6))
        )
        if not live.all():
            alive, net, ok, need = alive[live], net[live], ok[live], need[live]
        if len(alive) and not s.forced[idx].any():
            ok = bounds.can_pay(net, ok, need, left)
        keep = ok.any(axis=(0, 2))
        if not keep.all():
            idx, net, ok = idx[keep], net[:, keep], ok[:, keep]
        if len(alive) == 0 or len(idx) == 0:
            return
        c, tail = int(idx[0]), [int(x) for x in idx[1:]]
        first = ok[:, 0, :]
        mean = np.where(first, net[:, 0, :], 0.0).sum(axis=0) / np.maximum(first.sum(axis=0), 1)
        for lvl in sorted(np.flatnonzero(first.any(axis=0)).tolist(), key=lambda x: -mean[x]):
            m2, h2 = m + p.managed[c], h + p.hours[t][c][lvl]
            if p.licence(t, m2, h2) > p.budget + EPS:
                continue
            r2 = r * (1.0 - s.vl[c, lvl])
            members2 = (*members, (c, lvl))
            self._dfs(
                tail, r2, members2, h2, hc + p.cost_hours[t][c][lvl], m2, alive[first[:, lvl]], None
            )
        if c not in p.forced:
            self._dfs(tail, r, members, h, hc, m, alive, (net[:, 1:], ok[:, 1:]))

    # --- bounds (one per alive weighting) ---------------------------------------------------
    def _bound(self, idx, net, ok, wr, room, left, need, alive) -> np.ndarray:
        """An upper bound, per alive weighting, on what the channels ``idx`` can still add
        (it may stop at a bound below ``need``, which is enough to prune)."""
        s, opt = self.s, self.opt
        assert opt is not None
        best = np.where(ok, net, -np.inf).max(axis=2)  # (A, k)
        has = ok.any(axis=2)
        forced = bool(s.forced[idx].any())
        if left == 1 and not forced:  # the best single addition: exact but for the licence
            return np.where(has, np.maximum(best, 0.0), 0.0).max(axis=1)
        top_scale = np.where(opt.ok[idx], s.scale[idx], -1.0).argmax(axis=1)
        strongest = s.vl[idx, top_scale]  # (k, G): each channel at its most valuable level
        fewest = np.min(opt.hrs[idx], axis=1)
        if forced:  # the forced channels must join: bounds that allow any subset
            b = np.where(has, best, 0.0).sum(axis=1)
            return np.minimum(b, bounds.goal(strongest, fewest, wr, math.inf, len(idx)))
        gains = np.where(has, np.maximum(best, 0.0), 0.0)
        n, k, n_levels = net.shape
        if left == 2 and n * (k * n_levels) ** 2 <= _PAIRS:
            v, hrs = s.vl[idx].reshape(k * n_levels, -1), opt.hrs[idx].reshape(-1)
            return np.maximum(gains.max(axis=1), bounds.pair(v, hrs, net, ok, wr, room))
        if left < k:
            gains = np.sort(gains, axis=1)[:, -left:]
        b = gains.sum(axis=1)
        b = np.minimum(b, bounds.goal(strongest, fewest, wr, room, left))
        todo = b >= need - EPS
        if k >= 3 and todo.any():
            # Frank-Wolfe starts from each weighting's incumbent (its levels left here)
            start = np.where(ok[todo], self.inc[alive[todo]][:, idx, :], 0.0)
            a = s.log_miss[idx].reshape(k * n_levels, -1)
            lam = opt.lam[idx].reshape(-1)
            b[todo] = np.minimum(
                b[todo], bounds.concave(a, lam, ok[todo], wr[todo], need[todo], left, start)
            )
        return b
