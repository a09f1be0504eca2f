"""The exact mix search over channels and cadence levels.

Each channel runs at one cadence level (off, or one of the levels it is allowed: minimum,
typical, high). For goal weights w (normalised), channel goal values v[c][g] at the typical
cadence and value multipliers s[c][l] by level:

    coverage_g(S) = 1 - prod_{(c,l) in S} (1 - v[c][g] * s[c][l])   diminishing returns per goal
    cost(S)       = cost_per_hour * (base_t + sum cost_hours_t[c][l] - refund) + licence_t(S)
    objective(S)  = sum_g w_g * coverage_g(S)  -  money_weight * cost(S)

``money_weight`` is the threshold: the goal coverage a USD a month must buy. A channel, or a
higher cadence, enters only when what it adds to the coverage is worth what it costs, so spare
hours stay spare. ``refund``: the tailoring a single-channel mix does not need. Subject to, for a
tool option t (a tool's plan, or no tool):

    team hours (base_t + sum hours_t[c][l] - refund) <= staff hours
    licence_t(S) <= tool budget      |S| <= max channels      forced channels in S
    t covers every tool-managed channel of S

Ties go to the lower monthly cost. The empty mix (objective 0) is always considered when no
channel is forced.

Algorithm: every single-channel mix is evaluated first (they carry the refund); then a
depth-first branch and bound over channels (forced first, then by best net gain per hour), each
node branching on the channel's levels and on leaving it out, run once per tool option with the
incumbent shared. Items (c, l) whose net gain is not positive at the root are dropped, and so
is a level whose net gain is no higher than a cheaper level's: by submodularity a gain only
shrinks as channels are added, so they can never pay. The bound on what the remaining channels
can add is the least of

1. the sum of each channel's best positive net gain at the node (submodularity), the
   ``left`` largest when the channel count is capped;
2. the LP relaxation of the multiple-choice knapsack of those net gains in the team hours left;
3. per goal, the coverage the k channels strongest on it could add at their best level (k: how
   many fit in the hours and the count cap);
4. the concave relaxation: with y[c][l] in [0, 1] (at most one level per channel),
   sum_g w_g r_g (1 - exp(sum a[c][l][g] y[c][l])) - sum cost[c][l] y[c][l], a = log(1 - value),
   equals the objective at every 0/1 point and is concave, so a few Frank-Wolfe steps give a
   certified bound (the value at the iterate plus the Frank-Wolfe gap). It is what keeps the
   tree small: the other bounds ignore either the overlap of channels or their cost.

A search that reaches its time limit stops, keeps the best mix found and reports the proven
gap (the most any unexplored branch could still add). Tests compare it with brute force.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .staffing import ToolOption

__all__ = ["MixProblem", "MixSolution", "evaluate", "objective", "solve"]

EPS = 1e-9


@dataclass(slots=True)
class MixProblem:
    """Everything the search needs; weights are passed to :func:`solve` separately.

    values[c][g]: what candidate c brings to goal g at its typical cadence (0..1).
    scale[c][l]: multiplier of those values at cadence level l (0 = min, 1 = typical, 2 = high).
    allowed[c]: the levels channel c may run at.
    hours[t][c][l]: the marketing team's hours per week of c at level l under option t (inf when
    t cannot manage c); cost_hours[t][c][l]: all roles' hours (what the mix costs).
    refund[t][c][l]: team hours of c not needed when it is the only channel (tailoring).
    base[t] / base_cost[t]: team / all roles' hours the job needs once any channel runs.
    licence(t, managed, team_hours): USD per month.  cost_per_hour: USD per month per weekly
    hour.  money_weight: objective lost per USD a month (the value threshold).
    time_limit: seconds a solve may take; should_stop: polled during a solve (cancel).
    """

    ids: list[str]
    values: list[list[float]]
    scale: list[list[float]]
    allowed: list[tuple[int, ...]]
    managed: list[bool]
    forced: frozenset[int]
    options: list[ToolOption]
    hours: list[list[list[float]]]
    cost_hours: list[list[list[float]]]
    refund: list[list[list[float]]]
    base: list[float]
    base_cost: list[float]
    licence: Callable[[int, int, float], float]
    capacity: float
    budget: float
    max_count: int | None
    cost_per_hour: float
    money_weight: float = 0.0
    time_limit: float = 1.0
    should_stop: Callable[[], bool] | None = None


@dataclass(slots=True)
class MixSolution:
    """A mix: members (channel, level) pairs, the tool option, objective and cost.

    hours: the team's hours per week; cost: USD per month (staff of all roles plus licence);
    gap: how much better an unexplored branch could still be (0 when proven optimal).
    """

    members: tuple[tuple[int, int], ...] = ()
    option: int = -1
    objective: float = -math.inf
    cost: float = math.inf
    hours: float = 0.0
    licence: float = 0.0
    coverage: float = 0.0
    nodes: int = 0
    gap: float = 0.0
    stopped: bool = False

    @property
    def found(self) -> bool:
        return self.option >= 0

    @property
    def channels(self) -> tuple[int, ...]:
        return tuple(sorted(c for c, _ in self.members))

    def level_of(self, c: int) -> int | None:
        for cc, lvl in self.members:
            if cc == c:
                return lvl
        return None


def objective(values: Sequence[Sequence[float]], weights: Sequence[float], members) -> float:
    """Goal-weighted coverage of a set of channels at full value (weights sum to 1)."""
    total = 0.0
    for g, w in enumerate(weights):
        rest = 1.0
        for c in members:
            rest *= 1.0 - values[c][g]
        total += w * (1.0 - rest)
    return total


def evaluate(
    prob: MixProblem, weights: Sequence[float], t: int, members: Sequence[tuple[int, int]]
) -> MixSolution | None:
    """The mix ``members`` under option t with its objective, or None when infeasible."""
    members = tuple(sorted(members))
    if any(lvl not in prob.allowed[c] for c, lvl in members):
        return None
    if not prob.forced <= {c for c, _ in members}:
        return None
    if prob.max_count is not None and len(members) > prob.max_count:
        return None
    if not members:
        return MixSolution((), t, 0.0, 0.0, 0.0, 0.0, 0.0)
    single = len(members) == 1
    h = prob.base[t] + sum(prob.hours[t][c][lvl] for c, lvl in members)
    hc = prob.base_cost[t] + sum(prob.cost_hours[t][c][lvl] for c, lvl in members)
    if math.isinf(h):
        return None
    if single:
        c, lvl = members[0]
        h -= prob.refund[t][c][lvl]
        hc -= prob.refund[t][c][lvl]
    if math.isinf(h) or h > prob.capacity + EPS:
        return None
    lic = prob.licence(t, sum(prob.managed[c] for c, _ in members), h)
    if lic > prob.budget + EPS:
        return None
    cov = 0.0
    for g, w in enumerate(weights):
        rest = 1.0
        for c, lvl in members:
            rest *= 1.0 - min(1.0, prob.values[c][g] * prob.scale[c][lvl])
        cov += w * (1.0 - rest)
    cost = hc * prob.cost_per_hour + lic
    return MixSolution(members, t, cov - prob.money_weight * cost, cost, h, lic, cov)


@dataclass(slots=True)
class _Search:
    prob: MixProblem
    weights: list[float]
    best: MixSolution
    deadline: float
    should_stop: Callable[[], bool] | None = None
    t: int = 0
    cand: list[int] = field(default_factory=list)
    levels: dict[int, list[int]] = field(default_factory=dict)
    kmax: int = 0
    cap: float = 0.0
    open_bound: float = -math.inf
    nodes: int = 0
    stopped: bool = False
    vl: list[list[list[float]]] = field(default_factory=list)
    lam_np: list[np.ndarray] = field(default_factory=list)
    vl_np: np.ndarray = field(default_factory=lambda: np.zeros((0, 3, 0)))
    forced_np: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    level_ok: np.ndarray = field(default_factory=lambda: np.zeros((0, 3), dtype=bool))
    hrs_np: np.ndarray = field(default_factory=lambda: np.zeros((0, 3)))
    log_miss: np.ndarray = field(default_factory=lambda: np.zeros((0, 3, 0)))

    def __post_init__(self) -> None:
        p = self.prob
        self.vl = [
            [[min(1.0, v * s) for v in p.values[c]] for s in p.scale[c]] for c in range(len(p.ids))
        ]

    def _quick_bound(
        self,
        members: tuple[tuple[int, int], ...],
        cov: float,
        r: list[float],
        m: int,
        h: float,
        hc: float,
        rest: list[int],
    ) -> float:
        """A cheap bound on every mix below a node left unexplored: its objective plus the
        positive net gains of the rest (submodularity), at most the coverage still missing."""
        p = self.prob
        obj = (
            cov - p.money_weight * (hc * p.cost_per_hour + p.licence(self.t, m, h))
            if members
            else 0.0
        )
        wr = [w * ri for w, ri in zip(self.weights, r, strict=True)]
        gains = 0.0
        if rest:
            idx = np.fromiter(rest, dtype=np.intp, count=len(rest))
            net = self.vl_np[idx] @ np.asarray(wr) - self.lam_np[self.t][idx]
            best = np.where(self.level_ok[idx], net, -np.inf).max(axis=1)
            # a channel that need not join adds nothing rather than a loss; a forced one must
            best = np.where(self.forced_np[idx], best, np.maximum(best, 0.0))
            gains = float(best[np.isfinite(best)].sum())
        return obj + max(0.0, min(gains, sum(wr)))

    def _out_of_time(self) -> bool:
        if time.perf_counter() > self.deadline or (
            self.should_stop is not None and self.should_stop()
        ):
            self.stopped = True
        return self.stopped

    # --- incumbent -------------------------------------------------------------------------
    def offer(self, sol: MixSolution | None) -> None:
        if sol is None:
            return
        b = self.best
        if sol.objective > b.objective + EPS or (
            sol.objective > b.objective - EPS and sol.cost < b.cost - 1e-6
        ):
            self.best = sol

    # --- per option ------------------------------------------------------------------------
    def run_option(self, t: int) -> None:
        p = self.prob
        hrs = p.hours[t]
        forced = sorted(p.forced)
        if any(all(math.isinf(hrs[c][lvl]) for lvl in p.allowed[c]) for c in forced):
            return
        self.t = t
        if not self.lam_np:
            self.vl_np = np.asarray(self.vl, dtype=float)
            self.forced_np = np.zeros(len(p.ids), dtype=bool)
            self.forced_np[sorted(p.forced)] = True
            vl = np.minimum(self.vl_np, 1.0 - 1e-12)
            self.log_miss = np.log1p(-vl)
            self.lam_np = [
                p.money_weight
                * p.cost_per_hour
                * np.where(
                    np.isinf(np.asarray(row, dtype=float)), 0.0, np.asarray(row, dtype=float)
                )
                for row in p.cost_hours
            ]
        self.kmax = p.max_count if p.max_count is not None else len(p.ids)
        if len(forced) > self.kmax:
            return
        self.cap = self._hours_cap(t)
        if self.cap < 0:
            return
        room = self.cap - p.base[t]
        ones = [1.0] * len(self.weights)
        root = (self.vl_np @ np.asarray(self.weights) - self.lam_np[t]).tolist()  # net gains
        self.levels = {}
        for c in range(len(p.ids)):
            lv = [
                lvl
                for lvl in p.allowed[c]
                if not math.isinf(hrs[c][lvl]) and hrs[c][lvl] <= room + EPS
            ]
            if c not in p.forced:
                lv = [lvl for lvl in lv if root[c][lvl] > EPS]
            lv = self._undominated(c, lv, root[c], keep_all=c in p.forced)
            if lv:
                self.levels[c] = lv
        if any(c not in self.levels for c in forced):
            return
        n_levels = len(p.scale[0]) if p.scale else 3
        self.level_ok = np.zeros((len(p.ids), n_levels), dtype=bool)
        for c, lv in self.levels.items():
            self.level_ok[c, lv] = True
        self.hrs_np = np.where(self.level_ok, np.asarray(hrs, dtype=float), np.inf)
        free = [c for c in self.levels if c not in p.forced]
        free.sort(
            key=lambda c: -max(root[c][lvl] / max(hrs[c][lvl], 1e-6) for lvl in self.levels[c])
        )
        self.cand = forced + free
        self._greedy()
        self._dfs(self.cand, ones, (), p.base[t], p.base_cost[t], 0)

    def _greedy(self) -> None:
        """A quick incumbent: add the best net gain that fits, level by level, while it pays."""
        p, t = self.prob, self.t
        members: list[tuple[int, int]] = []
        h = p.base[t]
        r = [1.0] * len(self.weights)
        for c in sorted(p.forced):
            lvl = min(self.levels[c], key=lambda x: p.hours[t][c][x])
            members.append((c, lvl))
            h += p.hours[t][c][lvl]
            r = [ri * (1.0 - v) for ri, v in zip(r, self.vl[c][lvl], strict=True)]
        hrs = self.hrs_np
        w = np.asarray(self.weights)
        while len(members) < self.kmax:
            net = self.vl_np @ (w * np.asarray(r)) - self.lam_np[t]
            net = np.where(self.level_ok & (h + hrs <= self.cap + EPS), net, -np.inf)
            for c, _ in members:
                net[c] = -np.inf
            c, lvl = divmod(int(net.argmax()), net.shape[1])
            if not net[c, lvl] > EPS:
                break
            m = sum(p.managed[x] for x, _ in members) + p.managed[c]
            if p.licence(t, m, h + p.hours[t][c][lvl]) > p.budget + EPS:
                break
            members.append((c, lvl))
            h += p.hours[t][c][lvl]
            r = [ri * (1.0 - v) for ri, v in zip(r, self.vl[c][lvl], strict=True)]
        if members:
            self.offer(evaluate(p, self.weights, t, members))

    def _undominated(self, c: int, lv: list[int], nets: list[float], keep_all: bool) -> list[int]:
        """Drop a level that another beats on every count: at least its value, no more team
        hours and no more cost hours (whatever else joins the mix, the other is no worse).
        The rest are tried best net gain first (``nets``: the levels' net gains at the root)."""
        p, t = self.prob, self.t
        s, hrs, cost = p.scale[c], p.hours[t][c], p.cost_hours[t][c]

        def beats(o: int, lvl: int) -> bool:
            no_worse = s[o] >= s[lvl] and hrs[o] <= hrs[lvl] and cost[o] <= cost[lvl]
            same = s[o] == s[lvl] and hrs[o] == hrs[lvl] and cost[o] == cost[lvl]
            return no_worse and (not same or o < lvl)

        out = [lvl for lvl in lv if not any(o != lvl and beats(o, lvl) for o in lv)]
        return sorted(out, key=lambda lvl: -nets[lvl])

    def _hours_cap(self, t: int) -> float:
        """Most team hours any feasible mix can use under option t: the staff hours, and the
        hours whose seats the tool budget can still pay for (the licence grows with hours and
        managed channels, so its value with no channel managed is a lower bound)."""
        p = self.prob
        finite = sum(max((h for h in row if not math.isinf(h)), default=0.0) for row in p.hours[t])
        hi = min(p.capacity, p.base[t] + finite)
        if p.licence(t, 0, hi) <= p.budget + EPS:
            return hi
        lo = 0.0
        if p.licence(t, 0, lo) > p.budget + EPS:
            return -1.0  # not even an empty mix fits the budget
        while hi - lo > 1e-6 * max(1.0, hi):
            mid = (lo + hi) / 2
            if p.licence(t, 0, mid) <= p.budget + EPS:
                lo = mid
            else:
                hi = mid
        return hi

    # --- gains -----------------------------------------------------------------------------
    # --- search ----------------------------------------------------------------------------
    def _dfs(
        self,
        rest: list[int],
        r: list[float],
        members: tuple[tuple[int, int], ...],
        h: float,
        hc: float,
        m: int,
        known: dict[int, list[tuple[float, int]]] | None = None,
    ) -> None:
        """Explore the mixes that add some of ``rest`` (in order) to ``members``. ``known``:
        the net gains of the parent node when this node has the same members (a skip)."""
        p, t = self.prob, self.t
        self.nodes += 1
        cov = sum(w * (1.0 - ri) for w, ri in zip(self.weights, r, strict=True))
        if self.stopped or (self.nodes & 7 == 1 and self._out_of_time()):
            self.open_bound = max(
                self.open_bound, self._quick_bound(members, cov, r, m, h, hc, rest)
            )
            return
        cost = 0.0
        if members:
            lic = p.licence(t, m, h)
            cost = hc * p.cost_per_hour + lic
            obj = cov - p.money_weight * cost
            if len(members) > 1:  # single channels were evaluated with their refund
                self.offer(MixSolution(members, t, obj, cost, h, lic, cov))
        else:
            obj = 0.0
        left = self.kmax - len(members)
        if not rest or left <= 0:
            return
        room = self.cap - h
        wr = [w * ri for w, ri in zip(self.weights, r, strict=True)]
        hrs, forced = p.hours[t], p.forced
        # by submodularity a level whose net gain is not positive here never pays below
        options: dict[int, list[tuple[float, int]]] = {}
        if known is None and rest:
            idx = np.fromiter(rest, dtype=np.intp, count=len(rest))
            net = self.vl_np[idx] @ np.asarray(wr) - self.lam_np[t][idx]
            ok = self.level_ok[idx] & (self.hrs_np[idx] <= room + EPS)
            is_forced = self.forced_np[idx]
            ok &= (net > EPS) | is_forced[:, None]
            if bool((is_forced & ~ok.any(axis=1)).any()):
                return  # a forced channel no longer fits
            for c, row_ok, row_net in zip(rest, ok.tolist(), net.tolist(), strict=True):
                lv = [(row_net[lvl], lvl) for lvl in range(len(row_ok)) if row_ok[lvl]]
                if lv:
                    lv.sort(reverse=True)
                    options[c] = lv
        if known is not None:
            options = known
        rest = [c for c in rest if c in options]
        if not rest:
            return
        forced_left = any(c in forced for c in rest)
        need = self.best.objective - obj if self.best.found else -math.inf
        bound = self._bound(rest, options, wr, room, left, forced_left, need)
        if self.best.found and (
            bound < need - EPS or (bound <= need + EPS and cost >= self.best.cost - 1e-6)
        ):
            return
        c, tail = rest[0], rest[1:]
        for _net, lvl in options[c]:
            m2 = m + p.managed[c]
            h2 = h + hrs[c][lvl]
            if p.licence(t, m2, h2) > p.budget + EPS:
                continue
            r2 = [ri * (1.0 - v) for ri, v in zip(r, self.vl[c][lvl], strict=True)]
            self._dfs(tail, r2, (*members, (c, lvl)), h2, hc + p.cost_hours[t][c][lvl], m2)
        if c not in forced:
            self._dfs(tail, r, members, h, hc, m, options)

    def _bound(
        self,
        rest: list[int],
        options: dict[int, list[tuple[float, int]]],
        wr: list[float],
        room: float,
        left: int,
        forced_left: bool,
        need: float,
    ) -> float:
        """An upper bound on what the channels ``rest`` can still add to the objective (it may
        stop at the first bound below ``need``, which is enough to prune)."""
        nets = sorted((options[c][0][0] for c in rest), reverse=True)
        if forced_left:  # the forced channels must join: only bounds that allow any subset
            return min(sum(nets), self._goal_bound(rest, wr, math.inf, len(rest)))
        b = sum(nets[:left])
        if b < need - EPS:
            return b
        b = min(b, self._goal_bound(rest, wr, room, left))
        if b < need - EPS:
            return b
        b = min(b, self._knapsack_bound(rest, options, room))
        if b < need - EPS or len(rest) < 3:
            return b
        return min(b, self._concave_bound(rest, options, wr, need, room, left))

    def _concave_bound(
        self,
        rest: list[int],
        options: dict[int, list[tuple[float, int]]],
        wr: list[float],
        need: float,
        room: float,
        left: int,
        iterations: int = 8,
    ) -> float:
        """Frank-Wolfe on the concave relaxation sum_g wr_g (1 - exp(sum_cl a[c,l,g] y[c,l]))
        - sum_cl cost[c,l] y[c,l], a = log(1 - value), y fractional with at most one level per
        channel, at most ``left`` channels or (when no forced channel is left) the team hours
        left, whichever gives the smaller linear maximum. For any y, concavity gives
        f(x) <= f(y) + grad f(y).(x - y), so f(y) plus the linear maximum over a relaxation of
        the feasible set bounds every mix below this node."""
        t = self.t
        idx = np.fromiter(rest, dtype=np.intp, count=len(rest))
        a = self.log_miss[idx]  # (k, L, G)
        lam = self.lam_np[t][idx]  # (k, L)
        valid = np.zeros(lam.shape, dtype=bool)
        for i, c in enumerate(rest):
            for _n, lvl in options[c]:
                valid[i, lvl] = True
        forced = [c in self.prob.forced for c in rest]
        forced_np = np.asarray(forced, dtype=bool)
        hours = self.prob.hours[t]
        hrs_np = np.where(valid, np.asarray([hours[c] for c in rest], dtype=float), 0.0)
        rows = np.arange(len(rest))
        with_room = not any(forced)
        x = np.asarray(wr)
        y = np.zeros(lam.shape)
        best = math.inf
        for k in range(iterations):
            e = np.exp(np.einsum("klg,kl->g", a, y))
            f = float(x @ (1.0 - e) - (lam * y).sum())
            grad = np.where(valid, np.einsum("klg,g->kl", -a, x * e) - lam, -np.inf)
            pick = grad.argmax(axis=1)
            top = grad[rows, pick]
            take = forced_np | (top > 0)
            if int(take.sum()) > left:
                # at most ``left`` channels: the forced ones, then the best
                order = np.argsort(-np.where(forced_np, np.inf, top))
                take = np.zeros_like(take)
                take[order[:left]] = True
            s = np.zeros(lam.shape)
            s[rows[take], pick[take]] = 1.0
            value = float(top[take].sum())
            if with_room and float(hrs_np[rows[take], pick[take]].sum()) > room + EPS:
                # the chosen levels do not fit: the LP of the multiple-choice knapsack (count
                # relaxed); the smaller of the two relaxations bounds the true maximum
                gl = grad.tolist()
                s_room = np.zeros(lam.shape)
                v_room = _lp_choice(
                    [
                        [(hours[c][lvl], gl[i][lvl], lvl) for _n, lvl in options[c]]
                        for i, c in enumerate(rest)
                    ],
                    room,
                    s_room,
                )
                if v_room < value:
                    s, value = s_room, v_room
            gap = value - float((np.where(valid, grad, 0.0) * y).sum())
            best = min(best, f + gap)
            if best < need - EPS:
                break
            y += 2.0 / (k + 2.0) * (s - y)
        return best

    def _knapsack_bound(
        self, rest: list[int], options: dict[int, list[tuple[float, int]]], room: float
    ) -> float:
        """LP relaxation of the multiple-choice knapsack of net gains in the hours left."""
        hrs = self.prob.hours[self.t]
        return _lp_choice([[(hrs[c][lvl], n, lvl) for n, lvl in options[c]] for c in rest], room)

    def _goal_bound(self, rest: list[int], wr: list[float], room: float, left: int) -> float:
        """Per goal: the most the k strongest remaining channels could add (k = how many fit)."""
        hrs = self.prob.hours[self.t]
        k, used = 0, 0.0
        for hc in sorted(min(hrs[c][lvl] for lvl in self.levels[c]) for c in rest):
            if k >= left or used + hc > room + EPS:
                break
            used += hc
            k += 1
        p = self.prob
        top = {c: max(self.levels[c], key=lambda lvl: p.scale[c][lvl]) for c in rest}
        bound = 0.0
        every = k >= len(rest)
        for g, x in enumerate(wr):
            if x <= 0:
                continue
            misses = [1.0 - self.vl[c][top[c]][g] for c in rest]
            keep = math.prod(misses) if every else math.prod(sorted(misses)[:k])
            bound += x * (1.0 - keep)
        return bound


def _lp_choice(
    rows: list[list[tuple[float, float, int]]], room: float, out: np.ndarray | None = None
) -> float:
    """The LP relaxation of a multiple-choice knapsack: each row offers (hours, profit, level)
    items, at most one (fractionally) per row, within ``room`` hours. Returns the optimum and,
    in ``out`` (rows x levels), the fractional choice. Greedy on each row's upper convex hull
    from the origin, which is exact for this LP."""
    segments = []
    for i, items in enumerate(rows):
        hull = [(0.0, 0.0, -1)]  # upper convex hull from the origin (monotone chain)
        for h, p, lvl in sorted(items):
            if p <= hull[-1][1]:
                continue  # more hours for no more profit
            while len(hull) >= 2:
                (h0, p0, _), (h1, p1, _) = hull[-2], hull[-1]
                # drop the middle point when it lies on or under the chord to the new one
                if (p1 - p0) * (h - h0) <= (p - p0) * (h1 - h0):
                    hull.pop()
                else:
                    break
            hull.append((h, p, lvl))
        for (h0, p0, l0), (h1, p1, l1) in zip(hull, hull[1:], strict=False):
            dh = h1 - h0
            segments.append(((p1 - p0) / max(dh, 1e-9), dh, p1 - p0, i, l0, l1))
    segments.sort(key=lambda seg: -seg[0])
    total, space = 0.0, room
    for _ratio, dh, dp, i, frm, to in segments:
        share = 1.0 if dh <= space else max(space, 0.0) / dh
        total += dp * share
        space -= dh * share
        if out is not None:
            if frm >= 0:
                out[i, frm] -= share
            out[i, to] += share
        if share < 1.0:
            break
    return total


def solve(
    prob: MixProblem,
    weights: Sequence[float],
    hint: MixSolution | None = None,
    hints: Sequence[tuple[int, Sequence[tuple[int, int]]]] = (),
    should_stop: Callable[[], bool] | None = None,
) -> MixSolution:
    """The optimal mix, levels and tool option; ``found`` is False when nothing is feasible.

    ``hint``: a mix known to be good for nearby weights, and ``hints``: (option, members)
    pairs; they only seed the incumbent when feasible, so more branches are cut (the answer is
    the same). A solve that reaches ``prob.time_limit`` seconds, or whose ``should_stop``
    returns True, returns its best mix with ``stopped`` set and the proven ``gap``.
    """
    search = _Search(
        prob=prob,
        weights=list(weights),
        best=MixSolution(),
        # a margin for unwinding the search once the limit is reached
        deadline=time.perf_counter() + 0.95 * prob.time_limit,
        should_stop=should_stop if should_stop is not None else prob.should_stop,
    )
    n_opt = len(prob.options)
    if not prob.forced:
        search.offer(evaluate(prob, weights, _no_tool(prob), ()))
    if hint is not None and hint.found:
        search.offer(evaluate(prob, weights, hint.option, hint.members))
    for t, members in hints:
        search.offer(evaluate(prob, weights, t, members))
    ww = list(weights)
    for c in range(len(prob.ids)):
        for lvl in prob.allowed[c]:
            gain = sum(
                w * min(1.0, v * prob.scale[c][lvl])
                for w, v in zip(ww, prob.values[c], strict=True)
            )
            for t in range(n_opt):
                price = prob.money_weight * prob.cost_per_hour * prob.cost_hours[t][c][lvl]
                if gain - price >= search.best.objective - EPS or c in prob.forced:
                    search.offer(evaluate(prob, weights, t, ((c, lvl),)))
    order = sorted(
        range(n_opt),
        key=lambda t: (
            sum(min(h) for h in prob.hours[t] if not math.isinf(min(h)))
            / max(1, sum(not math.isinf(min(h)) for h in prob.hours[t]))
        ),
    )
    for t in order:
        if search.stopped:
            search.open_bound = 1.0  # an option never searched could reach any coverage
            break
        search.run_option(t)
    best = search.best
    best.nodes = search.nodes
    if search.stopped:
        best.stopped = True
        best.gap = max(0.0, search.open_bound - best.objective) if best.found else math.inf
    return best


def _no_tool(prob: MixProblem) -> int:
    for t, o in enumerate(prob.options):
        if o.tool is None:
            return t
    return 0
