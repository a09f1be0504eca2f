"""(f) Cold `advisor report`: a fresh process writing the PDF of the largest example plan.

    uv run python -m benchmarks.report       # this section alone, printed

The target (issue 11) is under 2 s for the full report. The largest example is the plan file
with the most channels forced, scenarios and text: b2b_software.yaml (see common.B2B).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from .common import B2B, ROOT, Check, Reps, Section, console_table, med, ms

TARGET_S = 2.0

# Where the time goes, in one fresh process: the same steps as advisor.report.write_report.
SPLIT = textwrap.dedent("""
    import json, sys, time
    t0 = time.perf_counter()
    from advisor.core.engine import build, prepare, recommend
    from advisor.core.loading import load_catalog, load_plan
    from advisor.core.sensitivity import sensitivity
    from advisor.report.content import Inputs, report_from
    from advisor.report.render import render_pdf
    import datetime as dt
    t1 = time.perf_counter()
    cat = load_catalog()
    plan = load_plan(sys.argv[1])
    prep = prepare(plan, None, cat, sys.argv[1])
    rec = build(prep)
    recs = [rec] + [recommend(plan, s.name, cat) for s in plan.scenarios[1:]]
    t2 = time.perf_counter()
    sens = sensitivity(prep)
    t3 = time.perf_counter()
    report = report_from(Inputs(plan, cat, prep, rec, sens, recs, dt.date.today()))
    pages = render_pdf(report, sys.argv[2])
    t4 = time.perf_counter()
    print(json.dumps({"imports": t1 - t0, "engine": t2 - t1, "sensitivity": t3 - t2,
                      "pdf": t4 - t3, "pages": pages}))
""")


def _cold(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, cpu) seconds of `python -m advisor.cli report ...` from launch to exit
    (checked): cpu is the child's user + system time, which other work on a shared machine
    inflates far less than the wall-clock time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "advisor.cli", "report", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip()[-600:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def _split(env: dict[str, str], n: int) -> tuple[list[str], list[list[str]]]:
    runs = []
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as tmp:
        for _ in range(n):
            out = subprocess.run(
                [sys.executable, "-c", SPLIT, str(B2B), str(Path(tmp) / "r.pdf")],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=True,
            )
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    parts = ("imports", "engine", "sensitivity", "pdf")
    labels = (
        "imports (engine, report, Qt, matplotlib)",
        "engine: every scenario",
        "sensitivity analysis (200 weightings and the margins)",
        "charts, layout and pages",
    )
    rows = [[label, ms(med([r[p] for r in runs]))] for label, p in zip(labels, parts, strict=True)]
    return ["step", "median (ms)"], rows


def bench(reps: Reps) -> Section:
    n = reps.slow
    sec = Section(
        "f",
        "(f) Cold `advisor report`",
        "A fresh interpreter per run (QT_QPA_PLATFORM=offscreen), timed from launch to exit of "
        "`python -m advisor.cli report b2b_software.yaml -o FILE.pdf`: the engine for every "
        "scenario, the sensitivity analysis, the charts and the pages; then the same with "
        f"`--summary` (page 1 alone; it still runs the sensitivity analysis for the main risk). "
        f"Median of {n} runs after one untimed run (which warms the OS file cache).",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    rows = []
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as tmp:
        for label, extra in (("full report", []), ("one-page summary", ["--summary"])):
            args = [str(B2B), "-o", str(Path(tmp) / "r.pdf"), *extra]
            _cold(args, env)
            runs = [_cold(args, env) for _ in range(n)]
            wall, cpu = [w for w, _ in runs], [c for _, c in runs]
            rows.append([label, ms(med(wall)), ms(max(wall)), ms(med(cpu))])
            if not extra:
                sec.checks.append(
                    Check(
                        "cold `advisor report` on b2b_software",
                        f"< {TARGET_S:.0f} s",
                        f"{ms(med(wall))} ms wall, {ms(med(cpu))} ms CPU "
                        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)",
                        med(wall) < TARGET_S,
                    )
                )
    sec.table("", ["run", "median wall (ms)", "max wall (ms)", "median CPU (ms)"], rows)
    sec.table("Where the time goes (one fresh process, wall ms)", *_split(env, n))
    return sec


if __name__ == "__main__":  # pragma: no cover
    section = bench(Reps())
    for _title, headers, rows in section.tables:
        print(console_table(headers, rows))
    for c in section.checks:
        print(f"{c.what}: target {c.target}, measured {c.measured}, met: {c.ok}")
