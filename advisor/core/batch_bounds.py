"""The bounds of the batched mix search (:mod:`advisor.core.mix_batch`), for many weightings
at once: each returns one upper bound per weighting (row) on what the channels left at a node
can still add to its objective. Arrays: A weightings, k channels left, L levels, G goals;
``net`` (A, k, L) the levels' net gains at the node, ``ok`` (A, k, L) the levels each weighting
may still take, ``wr`` (A, G) each goal's weight times its share still uncovered.
"""

from __future__ import annotations

import math

import numpy as np

from .mix import EPS

__all__ = ["can_pay", "concave", "goal", "pair"]


def can_pay(net: np.ndarray, ok: np.ndarray, need: np.ndarray, left: int) -> np.ndarray:
    """``ok`` without the levels whose net gain plus the ``left - 1`` best net gains of the
    channels left (submodularity: a bound on any mix that takes the level) cannot reach
    ``need``, the gain that would beat the weighting's incumbent."""
    gains = np.where(ok, net, 0.0).max(axis=2)
    others = np.zeros(len(net))
    if left > 1:
        others = -np.sort(-gains, axis=1)[:, : left - 1].sum(axis=1)
    return ok & (net + others[:, None, None] >= need[:, None, None] - EPS)


def pair(
    v: np.ndarray, hrs: np.ndarray, net: np.ndarray, ok: np.ndarray, wr: np.ndarray, room: float
) -> np.ndarray:
    """With two channels left to add: the best pair of levels of two channels that fits in
    the ``room`` hours, its gain counted exactly but for the licence's growth. ``v`` (kL, G):
    the levels' values; ``hrs`` (kL): their hours."""
    n, k, n_levels = net.shape
    chan = np.repeat(np.arange(k), n_levels)
    fits = (hrs[:, None] + hrs[None, :] <= room + EPS) & (chan[:, None] != chan[None, :])
    gain = np.where(ok, net, -np.inf).reshape(n, -1)
    overlap = (v[None] * wr[:, None, :]) @ v.T  # (A, kL, kL): what the pair covers twice
    both = gain[:, :, None] + gain[:, None, :] - overlap
    return np.where(fits[None], both, -np.inf).reshape(n, -1).max(axis=1)


def goal(
    strongest: np.ndarray, fewest: np.ndarray, wr: np.ndarray, room: float, left: int
) -> np.ndarray:
    """Per goal, the most the k strongest channels left could add (k: how many fit in the
    ``room`` hours by their ``fewest`` hours, at most ``left``); ``strongest`` (k, G): each
    channel's values at its most valuable level any weighting may use (a superset)."""
    fit = int(np.searchsorted(np.cumsum(np.sort(fewest)), room + EPS, side="right"))
    k = min(left, fit)
    misses = 1.0 - strongest
    keep = np.prod(np.sort(misses, axis=0)[:k], axis=0) if k < len(misses) else misses.prod(axis=0)
    return wr @ (1.0 - keep)


def concave(
    a: np.ndarray,
    lam: np.ndarray,
    ok: np.ndarray,
    wr: np.ndarray,
    need: np.ndarray,
    left: int,
    start: np.ndarray,
    iterations: int = 8,
) -> np.ndarray:
    """Frank-Wolfe on the concave relaxation (see mix._Search._concave_bound), when no forced
    channel is left: ``a`` (kL, G) log(1 - value), ``lam`` (kL) the money weight times each
    level's cost, ``start`` (A, k, L) where to start (any point gives a valid bound). The
    linear maximum is relaxed to at most ``left`` channels (ties at the cut may let more in:
    still an upper bound). A weighting stops iterating once its bound is below its ``need``, or
    when the last step's progress, kept up, would not get it there."""
    n, k, n_levels = ok.shape
    best = np.full(n, math.inf)
    rows = np.arange(n)  # the weightings still iterating
    ok2 = ok.reshape(n, -1)
    y = start.reshape(n, -1).astype(float)
    if left < k:  # at most ``left`` channels in all
        y *= np.minimum(1.0, left / np.maximum(y.sum(axis=1, keepdims=True), 1.0))
    levels = np.arange(n_levels)
    for it in range(iterations):
        e = np.exp(y @ a)
        f = (wr * (1.0 - e)).sum(axis=1) - y @ lam
        grad = (wr * e) @ -a.T - lam  # y is 0 where a level is not allowed
        per = np.where(ok2, grad, -np.inf).reshape(len(rows), k, n_levels)
        top = per.max(axis=2)  # (A, k)
        take = top > 0
        if left < k and bool((take.sum(axis=1) > left).any()):
            cut = np.sort(np.where(take, top, -np.inf), axis=1)[:, -left]
            take &= top >= cut[:, None]
        value = np.where(take, top, 0.0).sum(axis=1)
        gap = value - (grad * y).sum(axis=1)
        before = best[rows]
        best[rows] = np.minimum(before, f + gap)
        go = best[rows] >= need[rows] - EPS
        if it >= 2:
            go &= best[rows] - need[rows] < (before - best[rows]) * (iterations - 1 - it)
        if not go.any() or it == iterations - 1:
            break
        if not go.all():
            rows, wr, ok2, y, per, take = rows[go], wr[go], ok2[go], y[go], per[go], take[go]
        step = (levels == per.argmax(axis=2)[..., None]) & take[..., None]
        y += 2.0 / (it + 3.0) * (step.reshape(len(rows), -1) - y)
    return best
