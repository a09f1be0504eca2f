"""Constants the report tests share."""

from __future__ import annotations

from pathlib import Path

from advisor.report import fmt

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "resources" / "examples"
MAIN_HEADINGS = [
    "The decision",
    "Channels in the mix",
    "Goal coverage",
    "What-if scenarios",
    "Robustness",
    "Staffing",
    "Roles and policy",
    "Appendix: assumptions and figures",
]
NASTY = '<b>Acme</b> & "Sons" <script>x</script>'
WHY_NOT = "Why not the other channels"


def squeezed(text: str) -> str:
    """No whitespace at all: long strings may wrap anywhere (and no word joiner: the PDF's
    text has none)."""
    return "".join(text.replace(fmt.JOIN, "").split())


def check_decision_page(page: str, rec, catalog) -> None:
    """Page 1 (flattened text) states the engine's decision: the ask, hours, FTE, spare
    capacity, cost a month and a year, each mix channel's cadence, hours and FTE, the tool
    and its licence, and a risk or caveat; no internal names."""
    flat = squeezed(page)
    for number in (
        f"{fmt.hours(rec.hours_per_week)} staff hours a week ({fmt.fte(rec.fte)} FTE)",
        f"{fmt.money(rec.monthly_cost)} a month, {fmt.money(12 * rec.monthly_cost)} a year",
        f"staff {fmt.money(rec.staff_cost)} + licences {fmt.money(rec.licence_cost)}",
        "Spare capacity",
        f"{fmt.hours(max(rec.spare_hours_per_week, 0))} h",
    ):
        if rec.feasible and rec.spare_hours_per_week >= 0:
            assert squeezed(number) in flat, number
    wpm = catalog.assumptions.weeks_per_month.v
    today = any(c.hours_today is not None for c in rec.channels)  # the plan gives today's
    rows = []
    for cid in rec.mix:
        c = rec.channel(cid)
        assert c.cadence_level is not None
        cadence = f"{fmt.cadence(c.posts_per_week, wpm)} ({c.cadence_level.label})"
        fte = fmt.fte(c.total_hours / rec.productive_hours_per_fte)
        if today:  # with the action and the change in hours against today
            assert c.action is not None
            change = fmt.delta(c.total_hours - (c.hours_today or 0.0))
            rows.append((c.name, c.action.label, cadence, fmt.hours(c.total_hours), change, fte))
        else:
            rows.append((c.name, cadence, fmt.hours(c.total_hours), fte))
    assert table_in(page, rows), rows
    assert table_in(page, [("Total", fmt.hours(rec.hours_per_week), fmt.fte(rec.fte))])
    if rec.tool is not None:
        seats = f"{rec.tool.seats} seat" + ("" if rec.tool.seats == 1 else "s")
        licence = f"{rec.tool.name}, {seats}, {fmt.money(rec.tool.monthly_cost)} a month"
        assert squeezed(licence) in flat, licence
    else:
        assert "Tool: None" in page
    assert "Risk:" in page or "Caveat:" in page
    if today:
        assert fmt.delta(rec.hours_delta) in page
    if not rec.search.optimal:
        assert "stopped at its time limit" in page
    for internal in ("Level.", "Role.", "Ambition.", "Activity.", "_", "(s)"):
        assert internal not in page


def table_in(text: str, rows: list[tuple[str, ...]]) -> bool:
    """The table's cells appear row by row, or each column's cells in order (pdfminer reads
    tables either way, and may interleave two text columns), whitespace ignored."""
    flat = squeezed(text)
    if "".join(squeezed(" ".join(r)) for r in rows) in flat:
        return True

    def in_order(cells: list[str]) -> bool:
        at = 0
        for cell in cells:
            at = flat.find(squeezed(cell), at)
            if at < 0:
                return False
            at += len(squeezed(cell))
        return True

    return all(in_order([r[k] for r in rows]) for k in range(len(rows[0])))
