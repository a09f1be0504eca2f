"""Report sections on the numbers: staffing, goal coverage, what-if scenarios, robustness."""

from __future__ import annotations

import math
import re

from ..core.result import Recommendation
from ..core.tables import compare_rows
from ..core.vocab import Activity, Goal, Role
from . import fmt
from .content import Inputs, role_table, search_caveat, spare_text
from .model import Bullets, Chart, Paragraph, Section, Table

__all__ = ["coverage_section", "robustness_section", "staffing_section", "whatif_section"]


def _table_adds_up(rows: list[tuple[str, ...]]) -> bool:
    """Whether a table of hours (a label column, then figures; the last row and the last
    column the totals) adds up as printed, down every column and along every row."""
    *body, total = rows
    columns = range(1, len(total))
    down = all(fmt.adds_up([r[i] for r in body], total[i]) for i in columns)
    along = all(fmt.adds_up(list(r[1:-1]), r[-1]) for r in rows)
    return down and along


def staffing_section(inp: Inputs) -> Section:
    rec, mix = inp.rec, inp.mix
    a = inp.catalog.assumptions
    prof = inp.prep.profile
    team = rec.hours_by_role[Role.marketing]
    spare, _ = spare_text(rec)
    blocks: list = [
        Paragraph(
            f"The plan needs {fmt.hours(rec.hours_per_week)} staff hours a week across every "
            f"role: {fmt.fte(rec.fte)} FTE at {rec.productive_hours_per_fte:g} productive hours "
            f"per FTE. The marketing team gives {fmt.hours(team)} of its "
            f"{fmt.hours(rec.staff_hours_available)} hours, which leaves {spare} a week of spare "
            f"capacity. At {fmt.money(prof.hourly_cost)} an hour and {a.weeks_per_month.v:g} "
            f"weeks a month that is {fmt.money(rec.staff_cost)} of staff time a month, plus "
            f"{fmt.money(rec.licence_cost)} in licences: {fmt.money(rec.monthly_cost)} a month, "
            f"{fmt.money(12 * rec.monthly_cost)} a year."
        ),
        role_table(rec, caption="Hours per week by role (compliance and IT time included)"),
    ]
    if rec.setup_hours:
        setup_rows = [(k, fmt.hours(v)) for k, v in rec.setup_hours.items()]
        setup_rows.append(("Total, once", fmt.hours(sum(rec.setup_hours.values()))))
        blocks.append(
            Table(
                ("Set-up item", "Hours (one-off)"),
                tuple(setup_rows),
                align="lr",
                widths=(70, 30),
                bold_last=True,
                width=70,
                caption="One-off set-up hours, before the first post (not in the weekly hours)",
            )
        )
    base = {act: rec.base_hours_by_activity.get(act, 0.0) for act in Activity}
    shared = sum(base.values()) > 0.005
    cols = ("Activity", *(c.name for c in mix), *(("Shared",) if shared else ()), "Total")
    rows = [
        (
            act.label,
            *(_cell(c.hours_per_week[act]) for c in mix),
            *((_cell(base[act]),) if shared else ()),
            fmt.hours(rec.hours_by_activity[act]),
        )
        for act in Activity
        if rec.hours_by_activity[act] >= 0.05
    ]
    rows.append(
        (
            "Total",
            *(fmt.hours(c.total_hours) for c in mix),
            *((fmt.hours(sum(base.values())),) if shared else ()),
            fmt.hours(rec.hours_per_week),
        )
    )
    small = len(cols) > 7
    widths = column_widths(cols, first=26 if not small else 20, small=small)
    note = (
        "; Shared: hours for the job as a whole, whatever the channels (listening, reporting, "
        "planning, IT)"
        if shared
        else ""
    )
    blocks.append(
        Table(
            cols,
            tuple(rows),
            align="l" + "r" * (len(cols) - 1),
            widths=widths,
            bold_last=True,
            small=small,
            caption=f"Hours per week by activity and channel{note}",
        )
    )
    if not _table_adds_up(rows):
        blocks.append(Paragraph(fmt.ROUNDED_NOTE, style="small"))
    # The chart of these hours is on page 1; a second copy here would only push text over.
    blocks.append(Paragraph(tool_savings(inp), label="What the tool saves"))
    limits = [w for w in rec.warnings if _LIMIT.match(w)]
    risks = [w for w in rec.warnings if not _LIMIT.match(w)]
    if risks:
        blocks += [
            Paragraph("Limits and risks", style="subhead"),  # capacity, rules, compliance
            Bullets(tuple(risks), style="warning"),
        ]
    if limits:  # a setting of the plan, not a risk of the business
        blocks.append(Paragraph(limit_text(inp), label="Channel limit"))
    return Section("Staffing", tuple(blocks))


# The engine's note that the mix uses every channel the plan allows (core/explain.py).
_LIMIT = re.compile(r"^The mix is at the limit of \d+ channels")


def limit_text(inp: Inputs) -> str:
    """The plan's channel limit as a setting of the plan: the mix uses all of it."""
    n = inp.prep.profile.max_channels or 0
    return (
        f"The plan allows at most {n} {fmt.plural(n, 'channel')} and the mix uses all of them: "
        "another channel could only come in instead of one of these. Raising the limit in the "
        "plan lets the advisor weigh a larger mix."
    )


def column_widths(cols: tuple[str, ...], first: int, *, small: bool) -> tuple[int, ...]:
    """Percent widths: each column after the first gets room for its header's longest word
    (at least a number's width) and the cell's padding, so no header word is broken; the
    first column gets ``first`` (or less, down to 16, when the columns need it) and the rest
    is shared."""
    per_char = 1.0 if small else 1.3  # % of the text width per character, bold, A4
    need = [math.ceil(per_char * max(5, *(len(w) for w in c.split())) + 2) for c in cols[1:]]
    spare = 100 - first - sum(need)
    if spare < 0:
        first, spare = max(16, first + spare), 0
    rest = [n + spare // len(need) for n in need]
    return (100 - sum(rest), *rest)


def _cell(hours: float) -> str:
    """Hours in a table cell; none at all as a dash, so the eye finds the real work."""
    return fmt.hours(hours) if hours >= 0.05 else "–"


def tool_savings(inp: Inputs) -> str:
    rec, t = inp.rec, inp.rec.tool
    if t is None:
        return (
            "No tool is in this plan, so every hour above is manual work. A management "
            "suite would cut publishing, inbox and reporting time at a licence cost."
        )
    without = rec.hours_per_week + t.hours_saved
    a = inp.catalog.assumptions
    saved_cost = t.hours_saved * inp.prep.profile.hourly_cost * a.weeks_per_month.v
    return (
        f"{t.name} saves {fmt.hours(t.hours_saved)} h/week: without it the mix would need "
        f"{fmt.hours(without)} h/week. The saved hours are worth about "
        f"{fmt.money(saved_cost)} a month of staff time, against {fmt.money(t.monthly_cost)} "
        f"a month for {t.seats} {fmt.plural(t.seats, 'seat')}."
    )


def coverage_section(inp: Inputs) -> Section:
    rec, w = inp.rec, inp.weights
    rows = []
    for g in Goal:
        best = max(inp.mix, key=lambda c: c.goal_value[g], default=None)
        rows.append(
            (
                g.label,
                fmt.weight(w[g]),
                f"{rec.coverage[g]:.2f}",
                best.name if best is not None and best.goal_value[g] > 0 else "none",
            )
        )
    text = search_caveat(rec)
    caveat = [Paragraph(text, label="Caveat", style="warning")] if text else []
    return Section(
        "Goal coverage",
        (
            Paragraph(
                "How well the mix serves each goal, from 0 (not at all) to 1 (fully). Each "
                "extra channel adds less to a goal that is already well served. Goals the "
                "company weights are drawn darker. Weighted coverage: "
                f"{fmt.pct(rec.objective)}. A channel, or a higher cadence, earns its place "
                f"only if it adds at least {rec.value_threshold:g} "
                f"{'point' if rec.value_threshold == 1 else 'points'} of weighted coverage "
                "per $1,000 a month it costs."
            ),
            *caveat,
            Chart(
                "draw_coverage",
                (rec,),
                {"weights": w},
                height=3.0,
                caption="Goal coverage of the recommended mix (goal weight in brackets)",
            ),
            Table(
                ("Goal", "Weight", "Coverage", "Strongest channel"),
                tuple(rows),
                align="lrrl",
                widths=(40, 14, 14, 32),
            ),
        ),
        new_page=True,
    )


def whatif_section(inp: Inputs) -> Section:
    recs = inp.recs
    table = compare_rows(recs, 0)
    base = recs[0].scenario
    scen = tuple((s.name, s.description or "–") for s in inp.plan.scenarios)
    rows = []
    for r, row in zip(recs, table, strict=True):
        rows.append(
            (
                r.scenario,
                inp.name_list(r.mix),
                change_text(inp, r, recs[0]),
                f"{fmt.hours(row['hours_per_week'])}\n({fmt.delta(row['d_hours'])})",
                f"{fmt.fte(row['fte'])}\n({fmt.delta(row['d_fte'], digits=2)})",
                f"{fmt.money(row['monthly_cost'])}\n({fmt.delta(row['d_cost'], '$')})",
                r.tool.name if r.tool else "none",
            )
        )
    blocks: list = [
        Paragraph(
            f"Every scenario of the plan side by side. Changes are against the baseline, "
            f"the first scenario ('{base}')."
        ),
        Table(("Scenario", "What it changes"), scen, widths=(28, 72), small=True),
        Table(
            (
                "Scenario",
                "Mix",
                "Change vs baseline",
                "Hours/week (Δ)",
                "FTE (Δ)",
                "Cost/month (Δ)",
                "Tool",
            ),
            tuple(rows),
            align="lllrrrl",
            widths=(15, 22, 15, 12, 10, 13, 13),
            small=True,
        ),
        Chart(
            "draw_compare",
            (recs,),
            height=max(1.7, 0.9 + 0.45 * len(recs)),
            caption="Hours per week per scenario, all roles, with FTE and monthly cost",
        ),
        Chart("draw_compare_coverage", (recs,), height=4.2, caption="Goal coverage per scenario"),
    ]
    infeasible = [r.scenario for r in recs if not r.feasible]
    if infeasible:
        blocks.insert(
            1,
            Paragraph(
                "No mix meets every constraint in: " + ", ".join(infeasible), style="warning"
            ),
        )
    return Section("What-if scenarios", tuple(blocks))


def change_text(inp: Inputs, r: Recommendation, base: Recommendation) -> str:
    """What a scenario changes against the baseline: channels added (+) and dropped (−),
    channels kept at another cadence, another tool; "same mix" only when none of these."""
    nb = "\u00a0"  # the sign stays with the name after it
    parts = []
    added = [c for c in r.mix if c not in base.mix]
    dropped = [c for c in base.mix if c not in r.mix]
    if added:
        parts.append(f"+{nb}" + inp.name_list(added))
    if dropped:
        parts.append(f"{fmt.MINUS}{nb}" + inp.name_list(dropped))
    if not parts and (r.mix or base.mix):
        parts.append("same channels")
    moved = [
        c
        for c in r.mix
        if c in base.mix
        and abs(r.channel(c).posts_per_week - base.channel(c).posts_per_week) > 1e-6
    ]
    if moved:
        parts.append("other cadence: " + inp.name_list(moved))
    tool, base_tool = (x.tool.name if x.tool else "none" for x in (r, base))
    if tool != base_tool:
        parts.append(f"tool: {tool}")
    if parts == ["same channels"]:
        return "same mix"
    return "; ".join(parts)


def robustness_section(inp: Inputs) -> Section:
    sens = inp.sens
    rows = []
    for s in sens.goals:
        down = f"{fmt.MINUS}{s.down * 100:.1f} pts" if s.down is not None else "never"
        up = f"+{s.up * 100:.1f} pts" if s.up is not None else "never"
        new = []
        if s.down is not None:
            new.append("if it falls: " + inp.name_list(s.mix_down))
        if s.up is not None:
            new.append("if it rises: " + inp.name_list(s.mix_up))
        rows.append((s.goal.label, fmt.weight(s.share), down, up, "; ".join(new) or "–"))
    return Section(
        "Robustness",
        (
            Paragraph(
                f"Goal weights are judgements, so we test how far they can move. The mix stays "
                f"the same in {fmt.pct(sens.mix_stability)} of {sens.samples} weightings with "
                f"every weight moved at random by up to ±{fmt.pct(sens.spread)}."
            ),
            Paragraph(flip_text(inp), label="What would change it"),
            Table(
                (
                    "Goal",
                    "Weight share",
                    "Mix changes if it falls by",
                    "… or rises by",
                    "The mix then",
                ),
                tuple(rows),
                align="lrrrl",
                widths=(24, 11, 14, 12, 39),
                small=True,
                caption="Margins: the smallest change of a goal's share of the weights that "
                "changes the mix (pts = percentage points)",
            ),
            Chart(
                "draw_robustness",
                (sens,),
                {"names": inp.names},
                height=max(1.8, 0.9 + 0.3 * len(sens.robustness)),
                caption="How often each channel is in the mix under perturbed weights",
            ),
            Chart(
                "draw_sensitivity",
                (sens,),
                height=3.0,
                caption="How far each goal's share can fall (left) or rise (right) before the "
                "mix changes; grey: no change within range",
            ),
        ),
    )


def flip_text(inp: Inputs) -> str:
    moves = []
    for s in inp.sens.goals:
        if s.down is not None:
            moves.append((s.down, f"{s.goal.label} falling by {s.down * 100:.1f} points"))
        if s.up is not None:
            moves.append((s.up, f"{s.goal.label} rising by {s.up * 100:.1f} points"))
    if not moves:
        return "No single goal's weight changes the mix, whatever its value."
    moves.sort()
    near = [m for _, m in moves[:3]]
    return (
        "The smallest changes that alter the mix: " + "; ".join(near) + ". A margin under "
        "5 points means the choice is close and worth a second look."
    )
