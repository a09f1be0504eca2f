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

from .common import B2B, EXAMPLES, ROOT, Check, Reps, Section, console_table, med, ms

TARGET_S = 2.0

# Where the time goes, in one fresh process: the same steps as advisor.report.write_report.
SPLIT = textwrap.dedent("""
    import json, sys, time
    t = [time.perf_counter()]
    def lap():
        t.append(time.perf_counter())
    from advisor.core.engine import build, prepare, recommend
    from advisor.core.loading import load_catalog, load_plan
    from advisor.core.sensitivity import sensitivity
    from advisor.report.content import Inputs, report_from
    import datetime as dt
    lap()
    cat = load_catalog()
    plan = load_plan(sys.argv[1])
    prep = prepare(plan, None, cat, sys.argv[1])
    rec = build(prep)
    recs = [rec] + [recommend(plan, s.name, cat) for s in plan.scenarios[1:]]
    lap()
    sens = sensitivity(prep)
    lap()
    report = report_from(Inputs(plan, cat, prep, rec, sens, recs, dt.date.today()))
    lap()
    from advisor.report import render as R
    from advisor.report.chart_worker import ChartWorker
    from advisor.report.progress import Progress
    R.ensure_app()
    laid = R._lay_out(report, sys.argv[2], ChartWorker())
    lap()
    from advisor.report.chartsvg import chart_svg
    laid.charts.set_svgs([chart_svg(s) for s in laid.specs])
    lap()
    pages = R._paint_pages(laid, report, sys.argv[2], Progress())
    del laid
    data = open(sys.argv[2], "rb").read()
    R.with_info(R._spaces_not_tabs(data), R.info(report))
    lap()
    steps = [b - a for a, b in zip(t, t[1:])]
    print(json.dumps({"steps": steps, "pages": pages}))
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
    labels = (
        "imports (engine, report model)",
        "engine: every scenario",
        "sensitivity analysis (200 weightings and the margins)",
        "report model",
        "Qt and the page layout (rows kept together)",
        "charts: importing matplotlib and drawing (the CLI does this in a second process)",
        "painting the pages and writing the PDF",
    )
    rows = [[label, ms(med([r["steps"][i] for r in runs]))] for i, label in enumerate(labels)]
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
        "The CLI draws the charts in a second process (advisor/report/chart_worker.py); the "
        "baseline row sets ADVISOR_CHARTS_IN_PROCESS=1 to draw them in the one process. "
        f"Median of {n} runs after one untimed run (which warms the OS file cache); the other "
        "example plans as full reports, median of as many runs.",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    rows = []
    walls: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as tmp:
        one = dict(env, ADVISOR_CHARTS_IN_PROCESS="1")
        for label, extra, run_env in (
            ("full report", [], env),
            ("full report, charts in the same process (baseline)", [], one),
            ("one-page summary", ["--summary"], env),
        ):
            args = [str(B2B), "-o", str(Path(tmp) / "r.pdf"), *extra]
            _cold(args, run_env)
            runs = [_cold(args, run_env) for _ in range(n)]
            wall, cpu = [w for w, _ in runs], [c for _, c in runs]
            walls[label] = med(wall)
            rows.append([label, ms(med(wall)), ms(max(wall)), ms(med(cpu))])
            if label == "full report":
                sec.checks.append(
                    Check(
                        "cold `advisor report` on b2b_software",
                        f"< {TARGET_S:.0f} s",
                        f"{ms(med(wall))} ms wall, {ms(med(cpu))} ms CPU "
                        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)",
                        med(wall) < TARGET_S,
                    )
                )
        for plan in EXAMPLES:
            if plan == B2B:
                continue
            args = [str(plan), "-o", str(Path(tmp) / "r.pdf")]
            runs = [_cold(args, env) for _ in range(n)]
            wall = [w for w, _ in runs]
            rows.append([f"full report, {plan.stem}", ms(med(wall)), ms(max(wall)), "-"])
            walls[plan.stem] = med(wall)
    sec.table("", ["run", "median wall (ms)", "max wall (ms)", "median CPU (ms)"], rows)
    base = walls["full report, charts in the same process (baseline)"]
    sec.notes.append(
        f"Charts in a second process: the full report takes {walls['full report'] / base:.2f}x "
        "the wall time of the same report drawn in one process (same run)."
    )
    sec.table("Where the time goes (one fresh process, wall ms)", *_split(env, n))
    return sec


if __name__ == "__main__":  # pragma: no cover
    section = bench(Reps())
    for _title, headers, rows in section.tables:
        print(console_table(headers, rows))
    for c in section.checks:
        print(f"{c.what}: target {c.target}, measured {c.measured}, met: {c.ok}")
