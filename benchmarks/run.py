"""Channel Advisor benchmarks: one command runs every section and writes docs/benchmarks.md.

    uv run python -m benchmarks.run            # or: uv run python benchmarks/run.py
    uv run python -m benchmarks.run --quick    # fewer repeats; writes nothing unless --out
    uv run python -m benchmarks.run --only ab  # some sections

Sections (one module each): (a) recommend.py, (b, c) mix_search.py, (d) sensitivity.py,
(e) gui_start.py. Baselines are measured in the same run and figures quoted as ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from advisor.core.loading import load_catalog  # noqa: E402
from benchmarks import gui_start, mix_search, recommend, report, sensitivity  # noqa: E402
from benchmarks.common import (  # noqa: E402
    ROOT,
    Reps,
    Section,
    console_table,
    loadavg,
    log,
    machine,
    md_table,
    verdict,
)

DOC = ROOT / "docs" / "benchmarks.md"
COMMAND = "uv run python -m benchmarks.run"

DROPPED = (
    "Not measured here any more: the GUI edit-latency "
    "measurement (see section e); and the 16/20/24-channel subset-enumeration comparisons, "
    "which targeted the old channel-subset search (the exhaustive reference now enumerates "
    "4^n channel x level assignments, feasible up to about n = 9, section b)."
)


def render(
    sections: list[Section],
    info: dict[str, str],
    started: dt.datetime,
    loads: tuple[str, str],
    total: float,
) -> str:
    checks = [c for s in sections for c in s.checks]
    out = [
        "# Benchmarks",
        "",
        f"Command: `{COMMAND}` (also `uv run python benchmarks/run.py`; `--quick` for a "
        "smoke run, `--only abcde` for some sections). Every number below was measured in "
        f"one run of it on {started:%Y-%m-%d} (the run took {total / 60:.1f} min); re-running "
        "rewrites this file. Code: benchmarks/ (one module per section, run.py runs them).",
        "",
        "## Machine",
        "",
        f"- date: {started:%Y-%m-%d %H:%M} (local time)",
        *(f"- {k}: {v}" for k, v in info.items()),
        f"- load average (1/5/15 min) at start: {loads[0]}; at end: {loads[1]}",
        "",
        "The machine is shared with other work, so absolute times are noisy; each ratio "
        "compares measurements taken in the same run, moments apart.",
        "",
        "## Method",
        "",
        "Times are wall-clock (`time.perf_counter`), with a `gc.collect()` before each timed "
        "run; repeats and warm-ups are given per section. The exhaustive baseline is "
        "`enumerate_best` in tests/core/reference_mix.py, which tests/core/test_mix.py checks "
        "against the branch and bound.",
        "",
        "## Summary",
        "",
        md_table(
            ["what", "target", "measured", "result"],
            [[c.what, c.target, c.measured, verdict(c.ok)] for c in checks],
        ),
        "",
        f"- {DROPPED}",
        "",
    ]
    for s in sections:
        out += [f"## {s.title}", "", s.method, ""]
        for title, headers, rows in s.tables:
            if title:
                out += [f"**{title}**", ""]
            out += [md_table(headers, rows), ""]
        out += [f"- {n}" for n in s.notes]
        out += ["", f"_Section run time: {s.seconds:.0f} s._", ""]
    return "\n".join(out).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument(
        "--quick", action="store_true", help="fewer repeats; writes nothing unless --out"
    )
    ap.add_argument("--out", type=Path, default=None, help=f"markdown output (default {DOC})")
    ap.add_argument("--only", default="abcdef", help="sections to run, e.g. 'ab'")
    ap.add_argument(
        "--budget",
        type=float,
        default=150.0,
        help="seconds before a sensitivity analysis is cancelled (section d)",
    )
    args = ap.parse_args(argv)
    reps = Reps(fast=2, slow=1, quick=True) if args.quick else Reps()
    out_path = args.out or (None if args.quick else DOC)
    started = dt.datetime.now()
    load_start = loadavg()
    info = machine()
    cat = load_catalog()
    t_all = time.perf_counter()
    plan: list[tuple[str, Callable[[], Section]]] = [
        ("a", lambda: recommend.bench(cat, reps)),
        ("b", lambda: mix_search.bench_exhaustive(reps)),
        ("c", lambda: mix_search.bench_large(reps)),
        ("d", lambda: sensitivity.bench(cat, reps, args.budget)),
        ("e", lambda: gui_start.bench(reps)),
        ("f", lambda: report.bench(reps)),
    ]
    sections = []
    for key, fn in plan:
        if key not in args.only:
            continue
        log(f"section ({key}) ...")
        t0 = time.perf_counter()
        sec = fn()
        sec.seconds = time.perf_counter() - t0
        sections.append(sec)
        print(f"\n{sec.title}  [{sec.seconds:.0f} s]")
        for title, headers, rows in sec.tables:
            print((title + "\n" if title else "") + console_table(headers, rows))
        for n in sec.notes:
            print(f"  - {n}")
    total = time.perf_counter() - t_all
    checks = [c for s in sections for c in s.checks]
    print("\nSummary")
    print(
        console_table(
            ["what", "target", "measured", "result"],
            [[c.what, c.target, c.measured, verdict(c.ok)] for c in checks],
        )
    )
    print(f"\ntotal {total:.0f} s")
    if out_path is not None:
        text = render(sections, info, started, (load_start, loadavg()), total)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(text, encoding="utf-8")
        print(f"wrote {out_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
