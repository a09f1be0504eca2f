"""The exact mix search.

Objective (to maximise), for goal weights w (normalised) and channel goal values v[c][g]:

    coverage_g(S) = 1 - prod_{c in S} (1 - v[c][g])        diminishing returns per goal
    objective(S)  = sum_g w_g * coverage_g(S)               in 0..1

subject to, for a tool option t (a tool's plan, or no tool):

    sum_{c in S} hours_t[c] <= staff hours     licence_t(S) <= tool budget
    |S| <= max channels                        forced-in channels in S, forced-out not
    t covers every tool-managed channel of S

Ties in the objective go to the lower monthly cost (staff plus licence).

Algorithm: depth-first branch and bound over channels (ordered by value per hour), run once per
tool option with the incumbent shared across options. At each node the upper bound on what the
remaining channels can still add is the minimum of

1. a per-goal bound: with at most k more channels (k limited by the count cap and by how many of
   the cheapest remaining channels fit in the hours left), goal g can at best be covered by the k
   channels strongest on g - exact when the constraints do not bind;
2. a fractional knapsack over the channels' current marginal gains per hour, valid because the
   objective is submodular (the sum of marginal gains bounds the joint gain).

Channels with no marginal gain are never added (they only add cost), and a branch whose cost
already matches the incumbent's without being able to beat its objective is cut. The result is
the true optimum; tests check it against brute-force enumeration.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import mul

from .staffing import ToolOption

__all__ = ["MixProblem", "MixSolution", "objective", "solve"]

EPS = 1e-9


@dataclass(slots=True)
class MixProblem:
    """Everything the search needs; weights are passed to :func:`solve` separately.

    values[c][g]: what candidate c brings to goal g (0..1).  hours[t][c]: hours per week of
    candidate c under option t (inf when t cannot manage it).  licence(t, managed, hours): USD
    per month.  cost_per_hour: staff USD per month per weekly hour.
    """

    ids: list[str]
    values: list[list[float]]
    managed: list[bool]
    forced: frozenset[int]
    options: list[ToolOption]
    hours: list[list[float]]
    licence: Callable[[int, int, float], float]
    capacity: float
    budget: float
    max_count: int | None
    cost_per_hour: float


@dataclass(slots=True)
class MixSolution:
    members: tuple[int, ...] = ()
    option: int = -1
    objective: float = -1.0
    cost: float = math.inf
    hours: float = 0.0
    licence: float = 0.0
    nodes: int = 0

    @property
    def found(self) -> bool:
        return self.option >= 0


def objective(values: Sequence[Sequence[float]], weights: Sequence[float], members) -> float:
    """Goal-weighted coverage of a set of channels (weights should sum to 1)."""
    total = 0.0
    for g, w in enumerate(weights):
        rest = 1.0
        for c in members:
            rest *= 1.0 - values[c][g]
        total += w * (1.0 - rest)
    return total


@dataclass(slots=True)
class _Search:
    prob: MixProblem
    weights: list[float]
    best: MixSolution
    t: int = 0
    hrs: list[float] = field(default_factory=list)
    cand: list[int] = field(default_factory=list)
    kmax: int = 0
    misses: list[list[float]] = field(default_factory=list)
    cap: float = 0.0

    def run_option(self, t: int) -> None:
        p = self.prob
        self.t, self.hrs = t, p.hours[t]
        forced = sorted(p.forced)
        if any(math.isinf(self.hrs[c]) for c in forced):
            return
        h0 = sum(self.hrs[c] for c in forced)
        m0 = sum(p.managed[c] for c in forced)
        self.cap = self._hours_cap(t)
        if h0 > self.cap + EPS or p.licence(t, m0, h0) > p.budget + EPS:
            return
        self.kmax = p.max_count if p.max_count is not None else len(p.ids)
        if not self.misses:
            self.misses = [[1.0 - v[g] for v in p.values] for g in range(len(self.weights))]
        if len(forced) > self.kmax:
            return
        r = [1.0] * len(self.weights)
        for c in forced:
            r = [ri * (1.0 - v) for ri, v in zip(r, p.values[c], strict=True)]
        free = [
            c
            for c in range(len(p.ids))
            if c not in p.forced and not math.isinf(self.hrs[c]) and self.hrs[c] <= self.cap
        ]
        gain = {c: self._gain(c, r) for c in free}
        self.cand = sorted(
            (c for c in free if gain[c] > EPS),
            key=lambda c: gain[c] / max(self.hrs[c], 1e-6),
            reverse=True,
        )
        self._dfs(0, r, tuple(forced), h0, m0)

    def _hours_cap(self, t: int) -> float:
        """Most hours any feasible mix can use under option t: the staff hours, and the hours
        whose seats the tool budget can still pay for (the licence grows with hours and with
        managed channels, so its value with no channel managed is a lower bound)."""
        p = self.prob
        hi = min(p.capacity, sum(h for h in p.hours[t] if not math.isinf(h)))
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

    def _gain(self, c: int, r: list[float]) -> float:
        return sum(map(mul, map(mul, self.weights, r), self.prob.values[c]))

    def _consider(self, members: tuple[int, ...], r: list[float], h: float, m: int) -> float:
        p = self.prob
        obj = sum(w * (1.0 - ri) for w, ri in zip(self.weights, r, strict=True))
        lic = p.licence(self.t, m, h)
        cost = h * p.cost_per_hour + lic
        b = self.best
        if obj > b.objective + EPS or (obj > b.objective - EPS and cost < b.cost - 1e-6):
            self.best = MixSolution(members, self.t, obj, cost, h, lic, b.nodes)
        return cost

    def _dfs(self, i: int, r: list[float], members: tuple[int, ...], h: float, m: int) -> None:
        p, best = self.prob, self.best
        best.nodes += 1
        cost = self._consider(members, r, h, m)
        best = self.best
        left = self.kmax - len(members)
        if i >= len(self.cand) or left <= 0:
            return
        room = self.cap - h
        rest = [c for c in self.cand[i:] if self.hrs[c] <= room + EPS]
        if not rest:
            return
        obj = sum(w * (1.0 - ri) for w, ri in zip(self.weights, r, strict=True))
        # prune when obj + bound cannot beat the incumbent, or only tie it at no lower cost
        tie_only = cost >= best.cost - 1e-6
        need = best.objective - obj + (EPS if tie_only else -EPS)

        def cut(bound: float) -> bool:
            return bound <= need if tie_only else bound < need

        if cut(self._knapsack_bound(rest, r, room)) or cut(self._goal_bound(rest, r, room, left)):
            return
        c = self.cand[i]
        if self.hrs[c] <= room + EPS and self._gain(c, r) > EPS:
            m2 = m + p.managed[c]
            h2 = h + self.hrs[c]
            if p.licence(self.t, m2, h2) <= p.budget + EPS:
                r2 = [ri * (1.0 - v) for ri, v in zip(r, p.values[c], strict=True)]
                self._dfs(i + 1, r2, (*members, c), h2, m2)
        self._dfs(i + 1, r, members, h, m)

    def _goal_bound(self, rest: list[int], r: list[float], room: float, left: int) -> float:
        """Per goal: the best the k strongest remaining channels could add (k = how many fit)."""
        k, used = 0, 0.0
        for hc in sorted(map(self.hrs.__getitem__, rest)):
            if k >= left or used + hc > room + EPS:
                break
            used += hc
            k += 1
        bound = 0.0
        every = k >= len(rest)
        for g, w in enumerate(self.weights):
            if w <= 0 or r[g] <= 0:
                continue
            misses = map(self.misses[g].__getitem__, rest)
            keep = math.prod(misses) if every else math.prod(sorted(misses)[:k])
            bound += w * r[g] * (1.0 - keep)
        return bound

    def _knapsack_bound(self, rest: list[int], r: list[float], room: float) -> float:
        """Fractional knapsack on marginal gains per hour (valid: the objective is submodular)."""
        wr = list(map(mul, self.weights, r))
        values, hrs = self.prob.values, self.hrs
        items = sorted(
            ((sum(map(mul, wr, values[c])), hrs[c]) for c in rest),
            key=lambda gh: gh[0] / max(gh[1], 1e-9),
            reverse=True,
        )
        knap, space = 0.0, room
        for gain, hc in items:
            if hc <= space:
                knap += gain
                space -= hc
            else:
                knap += gain * space / hc
                break
        return knap


def solve(
    prob: MixProblem, weights: Sequence[float], hint: MixSolution | None = None
) -> MixSolution:
    """The optimal mix and tool option; ``found`` is False when nothing is feasible.

    ``hint``: a solution known to be feasible for ``prob`` (say, the optimum for nearby
    weights). It only seeds the incumbent, so more branches are cut; the answer is the same.
    """
    search = _Search(prob=prob, weights=list(weights), best=MixSolution())
    if hint is not None and hint.found:
        _seed(search, hint)
    order = sorted(
        range(len(prob.options)),
        key=lambda t: (
            sum(h for h in prob.hours[t] if not math.isinf(h))
            / max(1, sum(not math.isinf(h) for h in prob.hours[t]))
        ),
    )
    for t in order:
        search.run_option(t)
    return search.best


def _seed(search: _Search, hint: MixSolution) -> None:
    p = search.prob
    hours = p.hours[hint.option]
    h = sum(hours[c] for c in hint.members)
    m = sum(p.managed[c] for c in hint.members)
    lic = p.licence(hint.option, m, h)
    feasible = (
        not math.isinf(h)
        and h <= p.capacity + EPS
        and lic <= p.budget + EPS
        and p.forced <= set(hint.members)
        and (p.max_count is None or len(hint.members) <= p.max_count)
    )
    if feasible:
        obj = objective(p.values, search.weights, hint.members)
        search.best = MixSolution(hint.members, hint.option, obj, h * p.cost_per_hour + lic, h, lic)
