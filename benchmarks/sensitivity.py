"""(d) The sensitivity analysis on the shipped catalog and on a 40-channel catalog."""

from __future__ import annotations

import gc
import math
import random
import time
from unittest import mock

from advisor.core import sensitivity as sens_mod
from advisor.core.engine import build, prepare
from advisor.core.knowledge import Catalog, Platform
from advisor.core.loading import load_catalog, load_plan
from advisor.core.mix import solve
from advisor.core.mix_batch import BatchSolver
from advisor.core.result import Sensitivity

from .common import B2B, Check, Reps, Section, console_table, med, ms, ratio, timed

TARGET_RATIO = 2.5


def grown_catalog(cat: Catalog, n: int = 40, seed: int = 0) -> Catalog:
    """The catalog with variant channels added until it has ``n`` active ones, as a user
    overlay adding platforms would: copies of active platforms with new ids (``facebook_v2``,
    ``facebook_v3``...), goal fit x U(0.8, 1.05), reach by age x U(0.85, 1.05) (both capped at
    1), post effort and engagement minutes x U(0.85, 1.25); every tool that manages the
    original also manages the variant."""
    rng = random.Random(seed)
    active = cat.active_platforms
    platforms = list(cat.platforms)
    networks = {t.id: list(t.networks) for t in cat.tools}
    k = 0
    while len([p for p in platforms if p.active]) < n:
        base = active[k % len(active)]
        copy = 2 + k // len(active)
        k += 1
        data = base.model_dump()
        data["id"] = f"{base.id}_v{copy}"
        data["name"] = f"{base.name} (variant {copy})"
        for g in data["goal_fit"].values():
            g["v"] = min(1.0, g["v"] * rng.uniform(0.8, 1.05))
        for b in data["reach_age"].values():
            b["v"] = min(1.0, b["v"] * rng.uniform(0.85, 1.05))
        for f in data["effort_hours"].values():
            f["v"] *= rng.uniform(0.85, 1.25)
        data["engage_minutes_per_post"]["v"] *= rng.uniform(0.85, 1.25)
        platforms.append(Platform.model_validate(data))
        for nets in networks.values():
            if base.id in nets:
                nets.append(data["id"])
    tools = [t.model_copy(update={"networks": networks[t.id]}) for t in cat.tools]
    data = cat.model_copy(update={"platforms": platforms, "tools": tools}).model_dump()
    return Catalog.model_validate(data)  # re-validated: unique ids, tools name known networks


class _Counter:
    """Counts the weightings the analysis solves: in batches (mix_batch.BatchSolver.solve),
    batches out of time, and single solves (mix.solve: the base mix and any fallback)."""

    def __init__(self) -> None:
        self.batches = self.weightings = self.timeouts = self.nodes = 0
        self.singles = self.stopped = 0
        self.max_s = 0.0

    def batch(self, solver, weights, *args, **kwargs):
        t = time.perf_counter()
        got = _batch_solve(solver, weights, *args, **kwargs)
        self.max_s = max(self.max_s, time.perf_counter() - t)
        self.batches += 1
        self.weightings += len(weights)
        self.timeouts += got is None
        self.nodes += got[0].nodes if got else 0
        return got

    def single(self, *args, **kwargs):
        sol = solve(*args, **kwargs)
        self.singles += 1
        self.stopped += sol.stopped
        return sol


_batch_solve = BatchSolver.solve


def _run(prep, budget: float) -> dict:
    """One counted analysis, cancelled once it has run ``budget`` seconds."""
    counter = _Counter()
    progress = [0.0]
    t0 = time.perf_counter()

    def stop() -> bool:
        return time.perf_counter() - t0 > budget

    def on_progress(x: float) -> None:
        progress[0] = x

    done, result = True, None
    with (
        mock.patch.object(sens_mod, "solve", counter.single),
        mock.patch.object(BatchSolver, "solve", lambda s, w, *a, **k: counter.batch(s, w, *a, **k)),
    ):
        try:
            result = sens_mod.sensitivity(prep, on_progress=on_progress, should_stop=stop)
        except sens_mod.Cancelled:
            done = False
    return {
        "seconds": time.perf_counter() - t0,
        "done": done,
        "progress": 1.0 if done else progress[0],
        "counter": counter,
        "result": result,
    }


def _paired(preps: list, pairs: int) -> tuple[list[float], float]:
    """Median seconds of each analysis over ``pairs`` rounds that run them one after the
    other (so a change in the machine's load hits both), and the median of the rounds'
    ratios of the second to the first."""
    times: list[list[float]] = [[] for _ in preps]
    for _ in range(pairs):
        for i, prep in enumerate(preps):
            gc.collect()
            t0 = time.perf_counter()
            sens_mod.sensitivity(prep)
            times[i].append(time.perf_counter() - t0)
    ratios = [b / a for a, b in zip(times[0], times[1], strict=True)]
    return [med(t) for t in times], med(ratios)


def _reference(prep) -> tuple[float, Sensitivity]:
    """The analysis as it was (tests/core/reference_sensitivity.py): seconds, result."""
    from reference_sensitivity import reference_sensitivity

    t0 = time.perf_counter()
    old = reference_sensitivity(prep)
    return time.perf_counter() - t0, old


def _agree(new: Sensitivity | None, old: Sensitivity) -> str:
    """Whether the answers are the old ones: robustness identical, each margin within the old
    bisection's 0.005 (+ the new one's 0.0001 pad) with the same mix."""
    if new is None:
        return "not compared (cancelled)"
    if new.robustness != old.robustness or new.mix_stability != old.mix_stability:
        return "robustness DIFFERS"
    off = 0
    for a, b in zip(new.goals, old.goals, strict=True):
        for x, y, mx, my in (
            (a.down, b.down, a.mix_down, b.mix_down),
            (a.up, b.up, a.mix_up, b.mix_up),
        ):
            same = (x is None) == (y is None) and mx == my
            off += not (same and (x is None or y is None or abs(x - y) <= 0.0051))
    return "same" if off == 0 else f"{off} of 18 margins differ"


def bench(cat: Catalog, reps: Reps, budget: float = 150.0) -> Section:
    sec = Section(
        "d",
        "(d) Sensitivity analysis: shipped catalog vs a 40-channel catalog",
        "`sensitivity(prepare(b2b_software, first scenario))` with its defaults (9 goal "
        "margins found exactly along each goal's line of weights, 200 seeded re-weightings; "
        "the weightings are solved in batches by one shared branch and bound, "
        "`advisor/core/mix_batch.py`). Baseline in the same run: the shipped catalog. The "
        "40-channel catalog is the shipped one grown in memory with 26 variant channels "
        "(copies of the 14 active platforms with new ids such as `facebook_v2`, slightly "
        "perturbed goal fit, reach and effort, managed by the same tools - what a user overlay "
        "adding platforms would load; `benchmarks/sensitivity.py: grown_catalog`). One counted "
        f"run (solves, batches) of each, then {3 * reps.fast} rounds that each time the shipped "
        "catalog's analysis and then the 40-channel one: the times are the medians, the ratio "
        "the median of the rounds' ratios (a change in load hits both sides of a round); "
        "prepare() is done before timing. A counted run still going after {budget:.0f} s is cancelled through "
        "its `should_stop` hook (the time is then a lower bound). Also timed, once each: the "
        "analysis as it was before the batched search (one exact solve per scan point, "
        "bisection step and draw; kept as `tests/core/reference_sensitivity.py`), and one "
        "prepare + build (recommendation with why-not mixes). Target: 40-channel / shipped "
        f"< {TARGET_RATIO}x.",
    )
    plan = load_plan(B2B)
    big = grown_catalog(cat, 40)
    rows, res, preps = [], {}, {}
    for name, c in (("shipped", cat), ("40 channels", big)):
        preps[name] = prep = prepare(plan, None, c)
        (t_rec,), rec = timed(lambda c=c: build(prepare(plan, None, c)), 1, 0)
        r = _run(prep, budget)
        r["rec"], r["platforms"], r["optimal"] = t_rec, len(prep.platforms), rec.search.optimal
        r["old"], old = _reference(prep)
        r["agree"] = _agree(r["result"], old)
        res[name] = r
    q = math.inf
    if all(r["done"] for r in res.values()):
        (res["shipped"]["seconds"], res["40 channels"]["seconds"]), q = _paired(
            [preps["shipped"], preps["40 channels"]], 3 * reps.fast
        )
    for name, r in res.items():
        prep, t_rec, k = preps[name], r["rec"], r["counter"]
        rows.append(
            [
                name,
                str(len(prep.platforms)),
                str(len(prep.problem.options)),
                ms(t_rec) + ("" if r["optimal"] else " (mix not proven)"),
                f"{k.weightings} in {k.batches} ({k.timeouts} out of time), {k.nodes} nodes",
                f"{k.singles} ({k.stopped} stopped)",
                ms(k.max_s),
                f"{r['old']:.2f}",
                r["agree"],
                f"{r['seconds']:.3f}"
                + ("" if r["done"] else f" (cancelled, {r['progress'] * 100:.0f} % of steps)"),
            ]
        )
    base, grown = res["shipped"], res["40 channels"]
    if grown["done"]:
        shown = f"{q:.2f}x ({grown['seconds'] * 1000:.0f} ms vs {base['seconds'] * 1000:.0f} ms)"
        ok = q < TARGET_RATIO
        rows[1].append(f"{q:.2f}x")
    else:
        q = grown["seconds"] / base["seconds"]
        shown, ok = f"> {q:.1f}x (cancelled after {grown['seconds']:.0f} s)", False
        rows[1].append(f"> {q:.1f}x")
    rows[0].append("1.00x (baseline)")
    for name in res:
        sec.notes.append(
            f"{name}: the analysis takes {res[name]['seconds'] * 1000:.0f} ms, "
            f"{ratio(res[name]['old'], res[name]['seconds'])} faster than before "
            f"({res[name]['old']:.2f} s, one run)."
        )
    sec.notes.append(
        "Nodes: the search tree nodes of all the batches together (each node serves every "
        "weighting alive there). The 40-channel catalog's 26 near-copies leave many mixes "
        "within a hair of the best, which the search must rule out, so its trees are larger: "
        "the ratio measures that, not a per-solve overhead."
    )
    sec.notes.append(
        "Answers vs old: robustness identical and every margin within the old bisection's "
        "0.005 with the same mix ('same'); the new margins are exact to 0.0001, so a change "
        "the old scan stepped over shows here as a difference (the tests check such cases with "
        "solves either side: tests/core/test_sensitivity_exact.py)."
    )
    sec.notes.append(
        f"One recommendation (prepare + build, why-not mixes included) takes "
        f"{ms(base['rec'])} ms on the shipped catalog and {ms(grown['rec'])} ms on the "
        f"40-channel one ({ratio(grown['rec'], base['rec'])})."
    )
    sec.table(
        "",
        [
            "catalog",
            "active channels",
            "tool options",
            "recommendation (ms)",
            "weightings solved in batches",
            "single solves",
            "slowest batch (ms)",
            "before: old analysis (s)",
            "answers vs old",
            "sensitivity time (s)",
            "ratio to shipped",
        ],
        rows,
    )
    sec.checks.append(
        Check(
            "sensitivity, b2b_software: 40-channel catalog / shipped catalog",
            f"< {TARGET_RATIO}x",
            shown,
            ok,
        )
    )
    return sec


if __name__ == "__main__":  # pragma: no cover
    section = bench(load_catalog(), Reps())
    for _title, headers, rows in section.tables:
        print(console_table(headers, rows))
    for n in section.notes:
        print(f"- {n}")
    for c in section.checks:
        print(f"{c.what}: target {c.target}, measured {c.measured}, met: {c.ok}")
