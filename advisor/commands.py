"""One function per CLI command: load, run the engine, format. Returns text or an exit code."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from .core.errors import AdvisorInputError
from .core.knowledge import Catalog
from .core.loading import load_catalog, load_plan, read_document
from .core.result import Recommendation, Sensitivity
from .core.tables import (
    catalog_frame,
    channels_frame,
    compare_frame,
    figures_frame,
    to_contract,
    why_not_text,
)
from .core.vocab import Action, Activity, Goal, Role, posts_phrase
from .today_commands import cmd_calendar, cmd_import_analytics

if TYPE_CHECKING:  # pandas is imported where a frame is printed: `advisor report` never pays
    import pandas as pd

__all__ = [
    "cmd_calendar",
    "cmd_catalog",
    "cmd_compare",
    "cmd_gui",
    "cmd_import_analytics",
    "cmd_recommend",
    "cmd_report",
    "cmd_validate",
]


def _catalog(args: argparse.Namespace) -> Catalog:
    return load_catalog(overlay=args.overlay)


def _frame_text(df: pd.DataFrame, fmt: str) -> str:
    if fmt == "csv":
        return df.to_csv(index=False)
    if fmt == "json":
        return df.to_json(orient="records", indent=2)
    import pandas as pd

    with pd.option_context(
        "display.max_rows",
        None,
        "display.max_columns",
        None,
        "display.width",
        200,
        "display.max_colwidth",
        60,
    ):
        return df.to_string(index=False)


def cmd_recommend(args: argparse.Namespace) -> str:
    from .core.engine import build, prepare

    cat = _catalog(args)
    plan = load_plan(args.plan)
    prep = prepare(plan, args.scenario, cat, file=args.plan)
    rec = build(prep)
    sens = None
    if args.sensitivity:
        from .core.sensitivity import sensitivity

        sens = sensitivity(prep)
    if args.format == "json":
        data = to_contract(rec)
        if sens is not None:
            data["sensitivity"] = sens.model_dump(mode="json")
        return json.dumps(data, indent=2, allow_nan=False)  # strict JSON: no NaN
    if args.format == "csv":
        return channels_frame(rec).to_csv(index=False)
    return format_recommendation(rec, sens)


def format_recommendation(rec: Recommendation, sens: Sensitivity | None = None) -> str:
    """A readable plain-text report of one recommendation."""
    names = {c.id: c.name for c in rec.channels}
    lines = [f"{rec.plan_name} - scenario '{rec.scenario}' (cadence: {rec.ambition.label})", ""]
    in_mix = [rec.channel(cid) for cid in rec.mix]
    lines.append(
        "Recommended mix: "
        + (
            ", ".join(f"{c.name} ({posts_phrase(c.posts_per_week)})" for c in in_mix)
            or "no channel"
        )
    )
    team = rec.hours_by_role[Role.marketing]
    lines.append(
        f"Marketing team: {team:.1f} h/week of {rec.staff_hours_available:.1f} available "
        f"({rec.spare_hours_per_week:.1f} h/week spare)"
    )
    lines.append(
        "Hours by role: "
        + "; ".join(
            f"{r.label} {rec.hours_by_role[r]:.1f} h/week ({rec.fte_by_role[r]:.2f} FTE)"
            for r in Role
        )
    )
    lines.append(
        f"All roles: {rec.hours_per_week:.1f} h/week = {rec.fte:.2f} FTE "
        f"(at {rec.productive_hours_per_fte:g} productive h per FTE)"
    )
    lines.append(
        f"Monthly cost: ${rec.monthly_cost:,.0f} (staff ${rec.staff_cost:,.0f}, "
        f"licences ${rec.licence_cost:,.0f}); a year: ${rec.monthly_cost * 12:,.0f}"
    )
    if rec.tool:
        t = rec.tool
        seats = "1 seat" if t.seats == 1 else f"{t.seats} seats"
        lines.append(
            f"Tool: {t.name} - {seats}, ${t.monthly_cost:,.0f}/month, saves "
            f"{t.hours_saved:.1f} h/week"
        )
    else:
        lines.append("Tool: none")
    if rec.setup_hours:
        total = sum(rec.setup_hours.values())
        lines.append(
            f"One-off set-up: {total:.0f} h ("
            + ", ".join(f"{k.lower()} {v:.0f} h" for k, v in rec.setup_hours.items())
            + ")"
        )
    from .core.actions import today_lines

    if today := today_lines(rec):
        lines += ["", *today]
    if in_mix:
        lines += ["", "Cadence per channel:"]
        lines += [f"  {c.name}: {c.why}" for c in in_mix]
    lines += ["", "Channels (all considered, best fit first):"]
    cols = [
        "rank",
        "name",
        "fit",
        "in_mix",
        "action",
        "cadence_level",
        "posts_per_week",
        "hours_total",
        "why",
    ]
    table = channels_frame(rec)
    table["action"] = [Action(v).label if v else "" for v in table["action"]]
    lines.append(_frame_text(table[cols], "table"))
    out = [c for c in rec.channels if not c.in_mix and c.why_not is not None]
    if out:
        lines += ["", "Why not (the best mix that includes each channel left out):"]
        lines += [f"  {c.name}: {why_not_text(rec, c.id)}" for c in out]
    lines += ["", "Hours per week by activity (mix and the job's base):"]
    lines += [
        f"  {a.label:<28} {rec.hours_by_activity[a]:7.1f}"
        for a in Activity
        if rec.hours_by_activity[a] > 0.005
    ]
    lines += ["", "Goal coverage:"]
    lines += [f"  {g.label:<32} {rec.coverage[g]:.0%}" for g in Goal]
    lines.append(
        f"  Weighted by the goals: {rec.objective:.0%} (a channel must add "
        f"{rec.value_threshold:g} points per $1,000 a month)"
    )
    if rec.search.note:
        lines.append(f"  {rec.search.note}")
    if rec.warnings:
        lines += ["", "Warnings:"] + [f"  ! {w}" for w in rec.warnings]
    if rec.advice:
        lines += ["", "Advice:"] + [f"  - {n.title}: {n.text} [{n.source}]" for n in rec.advice]
    if sens is not None:
        lines += [
            "",
            f"Sensitivity (mix unchanged in {sens.mix_stability:.0%} of {sens.samples} "
            f"weightings perturbed by +/-{sens.spread:.0%}):",
        ]
        for s in sens.goals:
            down = f"-{s.down * 100:.1f} pts" if s.down is not None else "never"
            up = f"+{s.up * 100:.1f} pts" if s.up is not None else "never"
            lines.append(f"  {s.goal.label:<32} share {s.share:.1%}  flips at {down} / {up}")
        lines += [
            "  Robustness: "
            + ", ".join(f"{names.get(k, k)} {v:.0%}" for k, v in sens.robustness.items())
        ]
    return "\n".join(lines)


def cmd_calibration(args: argparse.Namespace) -> int:
    """Print the calibration table; exit 0 when every benchmark passes, 1 otherwise."""
    from .core.calibration import run_calibration

    results = run_calibration(_catalog(args))
    if args.format == "json":
        print(json.dumps([r.as_dict() for r in results], indent=2, allow_nan=False))
    else:
        print(format_calibration(results))
    return 0 if all(r.passed for r in results) else 1


def format_calibration(results: list) -> str:
    """The calibration results as readable text, one block per benchmark."""
    passed = sum(r.passed for r in results)
    lines = [f"Calibration: {passed} of {len(results)} published benchmarks pass", ""]
    for r in results:
        lines += [
            f"[{'pass' if r.passed else 'FAIL'}] {r.name}",
            f"    situation: {r.situation}",
            f"    published: {r.published}",
            f"    engine:    {r.engine}",
            f"    source:    {r.source}",
            "",
        ]
    return "\n".join(lines).rstrip()


def cmd_compare(args: argparse.Namespace) -> str:
    from .core.engine import build, prepare

    cat = _catalog(args)
    plan = load_plan(args.plan)
    # the table shows no "why not" mixes: not solving them makes a long plan answer 3x faster
    recs = [
        build(prepare(plan, s.name, cat, args.plan), explain_left_out=False) for s in plan.scenarios
    ]
    names = [s.name for s in plan.scenarios]
    if args.baseline is not None and args.baseline not in names:
        raise AdvisorInputError.single(
            args.plan,
            "--baseline",
            f"no such scenario; allowed: {', '.join(names)}",
            repr(args.baseline),
        )
    base = names.index(args.baseline) if args.baseline else 0
    df = compare_frame(recs, base)
    if args.format != "table":
        return _frame_text(df, args.format)
    main = [
        "scenario",
        "mix",
        "hours_per_week",
        "d_hours",
        "fte",
        "d_fte",
        "monthly_cost",
        "d_cost",
        "tool",
        "added",
        "dropped",
    ]
    cov = df[["scenario"] + [f"cov_{g.value}" for g in Goal]].rename(
        columns={f"cov_{g.value}": g.value for g in Goal}
    )
    return (
        f"Scenarios of {plan.profile.name}, deltas against '{names[base]}':\n\n"
        + _frame_text(df[main], "table")
        + "\n\nGoal coverage (0..1):\n\n"
        + _frame_text(cov.set_index("scenario").T.reset_index(names="goal"), "table")
    )


def cmd_validate(args: argparse.Namespace) -> str:
    data, _ = read_document(args.file)
    kb_keys = {"platforms", "tools", "sources", "assumptions"}
    if isinstance(data, dict) and kb_keys & set(data) and "profile" not in data:
        if {"platforms", "tools", "sources", "assumptions"} <= set(data):
            cat = load_catalog(args.file)
            kind = "knowledge base"
        else:  # a user's overlay: check it merged over the shipped knowledge base
            cat = load_catalog(overlay=args.file)
            kind = "overlay (merged over the shipped knowledge base)"
        return (
            f"{args.file}: valid {kind} ({len(cat.platforms)} channels, "
            f"{len(cat.tools)} tools, {len(cat.sources)} sources)"
        )
    from .core.engine import check_plan

    plan = load_plan(args.file)
    check_plan(plan, _catalog(args), args.file)
    return f"{args.file}: valid plan ({len(plan.scenarios)} scenarios)"


def cmd_catalog(args: argparse.Namespace) -> str:
    cat = _catalog(args)
    what = "tools" if args.tools else "platforms"
    df = figures_frame(cat, what) if args.figures else catalog_frame(cat, what)
    if not args.figures and args.format == "table":
        figs = figures_frame(cat, what)
        counts: dict[str, list[int]] = {}
        sources: dict[str, set[str]] = {}
        for row in figs.itertuples():
            n = counts.setdefault(str(row.id), [0, 0])
            n[0] += 1
            n[1] += bool(row.estimate)
            if not row.estimate:
                sources.setdefault(str(row.id), set()).add(str(row.source_id))
        df["figures"] = [
            f"{counts.get(i, [0, 0])[0]} ({counts.get(i, [0, 0])[1]} est)" for i in df["id"]
        ]
        df["sources"] = [", ".join(sorted(sources.get(i, set()))) for i in df["id"]]
    return _frame_text(df, args.format)


def cmd_report(args: argparse.Namespace) -> str:
    from .report.chart_worker import ChartWorker

    # Started first: a second process imports matplotlib and then draws the charts while this
    # one runs the engine and lays out the pages (see chart_worker).
    with ChartWorker.start() as charts:
        from .report import write_report

        cat = _catalog(args)
        plan = load_plan(args.plan)
        summary = getattr(args, "summary", False)
        write_report(
            plan,
            cat,
            args.output,
            scenario=args.scenario,
            file=args.plan,
            summary=summary,
            charts=charts,
        )
    return f"wrote {args.output}" + (" (one-page summary)" if summary else "")


def cmd_gui(args: argparse.Namespace) -> int:
    import os
    import sys

    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        # No screen to show the window on: give the same answer in the terminal instead.
        from .paths import EXAMPLE_PLAN

        plan = args.plan or str(EXAMPLE_PLAN)
        print(
            "No display found, so the window cannot open; here is the recommendation in the "
            "terminal (with a display, `advisor` opens the app; QT_QPA_PLATFORM=offscreen forces "
            "it to run without one).\n",
            file=sys.stderr,
        )
        fallback = argparse.Namespace(
            plan=plan, scenario=None, format="table", sensitivity=False, overlay=args.overlay
        )
        sys.stdout.write(cmd_recommend(fallback) + "\n")
        return 0
    from .gui.app import run

    return run(args.plan, overlay=args.overlay)


def cmd_install_desktop(args: argparse.Namespace) -> int:
    """Add Channel Advisor to the applications menu (or take it away with --remove)."""
    import sys

    from . import desktop

    try:
        change = desktop.remove_desktop() if args.remove else desktop.install_desktop()
    except OSError as exc:  # a read-only or full disk, a file where a folder should be
        where = exc.filename or desktop.entry_path()
        print(f"error: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    sys.stdout.write(desktop.describe(change, removed=args.remove) + "\n")
    return 0
