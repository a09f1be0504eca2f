"""The commands that connect the plan with today's tools: import-analytics and calendar."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from .core.errors import AdvisorInputError
from .core.loading import load_catalog, load_plan, save_plan
from .core.safe_io import read_user_text

__all__ = ["cmd_calendar", "cmd_import_analytics", "parse_map"]


def parse_map(items: list[str] | None) -> dict[str, str]:
    """--map FIELD=COLUMN options as a dict; a malformed one is an input error."""
    out: dict[str, str] = {}
    for item in items or []:
        key, sep, column = item.partition("=")
        if not sep or not key.strip() or not column.strip():
            raise AdvisorInputError.single(
                "--map", "", "expected FIELD=COLUMN, e.g. --map date='Posted on'", repr(item)
            )
        out[key.strip()] = column.strip()
    return out


def cmd_import_analytics(args: argparse.Namespace) -> str:
    """Fill today's presence from analytics exports and write the new plan (nothing on error)."""
    from .core.analytics_import import import_analytics

    cat = load_catalog(overlay=args.overlay)
    plan = load_plan(args.plan)
    result = import_analytics(
        plan, args.files, cat, mapping=parse_map(args.map), channel=args.channel
    )
    # keep the plan file's comments and layout in the new plan (YAML round trip)
    original = read_user_text(args.plan, what="plan")
    save_plan(result.plan, Path(args.output), original=original)
    lines = [f"Read {len(result.files)} export{'s' if len(result.files) != 1 else ''}:"]
    for f in result.files:
        lines.append(f"  {f.file}: {f.layout}, {f.rows_read} rows read, {len(f.skipped)} skipped")
        lines += [f"    row {n} skipped: {why}" for n, why in f.skipped]
    lines += ["", "Today's presence:"] + [f"  {n}" for n in result.notes]
    if result.changes:
        lines += ["", "Changes:"]
        lines += [f"  {ch}: {what} {a} -> {b}" for ch, what, a, b in result.changes]
    else:
        lines += ["", "No change: the plan already has these figures."]
    return "\n".join([*lines, "", f"wrote {args.output}"])


def cmd_calendar(args: argparse.Namespace) -> str:
    """Write the recommended mix's posting calendar (.ics or .csv) for N weeks."""
    from .core.calendar import write_calendar
    from .core.engine import build, prepare

    start = _start_date(args.start)
    cat = load_catalog(overlay=args.overlay)
    plan = load_plan(args.plan)
    prep = prepare(plan, args.scenario, cat, file=args.plan)
    rec = build(prep, explain_left_out=False)
    out = Path(args.output)
    n = write_calendar(rec, cat, prep.profile.content, out, weeks=args.weeks, start=start)
    return (
        f"wrote {out}: {n} posts over {args.weeks} weeks from {start:%a %d %b %Y} "
        f"(scenario '{rec.scenario}')"
    )


def _start_date(text: str | None) -> date:
    """--start as a date; by default the next Monday, so the calendar begins with a week."""
    if text is None:
        today = date.today()
        return today + timedelta(days=7 - today.weekday())
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise AdvisorInputError.single(
            "--start", "", "expected a date as YYYY-MM-DD, e.g. 2027-01-04", repr(text)
        ) from None
