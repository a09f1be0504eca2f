"""Page 1: the decision a board takes in two minutes.

The ask in one sentence, the headline figures, the mix (cadence, hours and FTE per channel),
the tool and its licence, one chart and the main risk. Every number is the engine's
(``Recommendation`` and ``Sensitivity``); per-channel FTE is the engine's hours over its
productive hours per FTE, the same conversion the engine uses for the total.
"""

from __future__ import annotations

from ..charts import SHARED_LABEL
from ..core.explain import CAP_WARNING
from ..core.result import ChannelResult, Recommendation
from ..core.staffing import required_features
from ..core.vocab import Action
from . import fmt
from .content import Inputs, headline, spare_text
from .model import Chart, KeyFigures, Paragraph, Section, Table

__all__ = ["DECISION_HEADING", "ask", "decision_section", "main_risk", "mix_table"]

DECISION_HEADING = "The decision"
CLOSE_MARGIN = 0.05  # a goal-weight change under 5 points that alters the mix is a close call


def ask(inp: Inputs) -> str:
    """What the board is asked to approve, in one sentence."""
    rec = inp.rec
    if not rec.mix or not rec.feasible:
        return headline(inp)
    n = len(rec.mix)
    tool = f" and {rec.tool.name}" if rec.tool is not None else ""
    return (
        f"Approve {n} social media channel{fmt.plural(n)} ({inp.name_list(rec.mix)}){tool}: "
        f"{fmt.hours(rec.hours_per_week)} staff hours a week ({fmt.fte(rec.fte)} FTE), "
        f"{fmt.money(rec.monthly_cost)} a month, {fmt.money(12 * rec.monthly_cost)} a year."
    )


def key_figures(inp: Inputs) -> KeyFigures:
    rec = inp.rec
    spare, spare_detail = spare_text(rec)
    return KeyFigures(
        (
            (
                "Hours per week, all roles",
                fmt.hours(rec.hours_per_week),
                f"{fmt.fte(rec.fte)} FTE at {fmt.number(rec.productive_hours_per_fte)} h per FTE",
            ),
            ("Spare capacity", spare, spare_detail),
            (
                "Monthly cost",
                fmt.money(rec.monthly_cost),
                f"staff {fmt.money(rec.staff_cost)} + licences {fmt.money(rec.licence_cost)}",
            ),
            ("Annual cost", fmt.money(12 * rec.monthly_cost), "12 months at this cost"),
        )
    )


def _today_known(inp: Inputs) -> bool:
    """True when the plan says what the company runs today (so actions mean something)."""
    return any(c.hours_today is not None for c in inp.rec.channels)


def mix_table(inp: Inputs) -> Table:
    """Each mix channel's cadence, hours a week and FTE (with the action and the change in
    hours against today when the plan gives today's channels), the job's shared hours, the
    channels to wind down, and the total."""
    rec = inp.rec
    per_fte = rec.productive_hours_per_fte
    today = _today_known(inp)

    def row(name: str, action: str, cadence: str, hours: float, change: str) -> tuple[str, ...]:
        cells = (name, cadence, fmt.hours(hours), fmt.fte(hours / per_fte))
        return (cells[0], action, *cells[1:3], change, cells[3]) if today else cells

    rows = [
        row(
            c.name,
            fmt.unbroken(c.action.label) if c.action is not None else "",
            inp.cadence(c),
            c.total_hours,
            fmt.delta(c.total_hours - (c.hours_today or 0.0)),
        )
        for c in inp.mix
    ]
    for w in rec.wind_down if today else []:
        c = rec.channel(w.id)
        rows.append(
            row(
                w.name,
                fmt.unbroken(Action.stop.label),
                "none",
                0.0,
                fmt.delta(-(c.hours_today or 0)),
            )
        )
    # the job's base as the engine books it: the quantity the chart and the staffing page show
    shared = sum(rec.base_hours_by_activity.values())
    if shared >= 0.05:
        rows.append(row(SHARED_LABEL, "", "listening, reporting, planning, IT", shared, ""))
    total = row("Total", "", "", rec.hours_per_week, fmt.delta(rec.hours_delta))
    rows.append((*total[:-1], fmt.fte(rec.fte)))
    columns: tuple[str, ...]
    widths: tuple[int, ...]
    if today:
        columns = ("Channel", "Action", "Cadence", "Hours/week", "Change from today", "FTE")
        align, widths = "lllrrr", (22, 15, 29, 11, 13, 10)
    else:
        columns, align, widths = (
            ("Channel", "Cadence", "Hours/week", "FTE"),
            "llrr",
            (30, 44, 13, 13),
        )
    return Table(
        columns,
        tuple(rows),
        align=align,
        widths=widths,
        caption="The recommended mix" if rec.feasible else "The forced channels",
        bold_last=True,
    )


def table_notes(inp: Inputs, table: Table) -> str:
    """What a reader adding up page 1's figures needs to know: that each is rounded on its
    own (when the rounded rows miss the total), and that the action is about posts."""
    notes = []
    *rows, total = table.rows
    rec = inp.rec
    cols = [i for i, name in enumerate(table.columns) if name in _SUMMED]
    misses = any(not fmt.adds_up([r[i] for r in rows], total[i]) for i in cols)
    if _today_known(inp):
        planned, today = fmt.hours(rec.hours_today + rec.hours_delta), fmt.hours(rec.hours_today)
        misses |= not fmt.adds_up([planned, fmt.MINUS + today], fmt.delta(rec.hours_delta))
    if misses:
        notes.append(fmt.ROUNDED_NOTE)
    if any(_against_posts(c) for c in inp.mix):
        tool = " (with the tool's savings)" if rec.tool is not None else ""
        notes.append(
            "The action compares posts a week with today's; the change in hours compares the "
            f"plan's hours{tool} with today's, so the two can move in opposite directions."
        )
    return " ".join(notes)


_SUMMED = ("Hours/week", "Change from today", "FTE")


def _against_posts(c: ChannelResult) -> bool:
    """The channel's action (about posts) and its change in hours point different ways."""
    change = round(c.total_hours - (c.hours_today or 0.0), 1)
    match c.action:
        case Action.grow:
            return change < 0
        case Action.reduce:
            return change > 0
        case Action.keep:
            return change != 0
    return False


def today_line(inp: Inputs) -> str:
    """Against today, in one sentence: hours today, the change, the wind-downs."""
    rec = inp.rec
    est = " (estimated from today's posts)" if rec.hours_today_estimated else ""
    text = (
        f"The team spends {fmt.hours(rec.hours_today)} h a week on its channels today"
        f"{est}; the plan's channels need {fmt.hours(rec.hours_today + rec.hours_delta)} h, "
        f"{fmt.delta(rec.hours_delta)} h a week."
    )
    for w in rec.wind_down:
        text += (
            f" Wind down {w.name} over {fmt.number(w.weeks)} weeks: "
            f"{fmt.hours(w.hours_per_week)} h a week and {fmt.hours(w.one_off_hours)} h once."
        )
    return text


def tool_line(inp: Inputs) -> str:
    """The tool, its licence and the hours it saves; or why there is none."""
    t = inp.rec.tool
    if t is None:
        return "None: " + no_tool_reason(inp) + "."
    it = (
        f" after the {fmt.hours(t.it_hours)} h of IT time its "
        f"{fmt.plural(t.seats, 'seat')} {'needs' if t.seats == 1 else 'need'}"
        if t.it_hours >= 0.05
        else ""
    )
    verb = "saves" if t.hours_saved >= 0 else "costs"
    tool = next(x for x in inp.catalog.tools if x.id == t.id)
    price = next(p.price for p in tool.plans if p.id == t.plan)
    # a price no source backs (a plan sold by quote) is not firm: say so where it is given
    est = ", an estimate until the vendor quotes" if price.estimate and t.monthly_cost else ""
    return (
        f"{t.name}, {t.seats} {fmt.plural(t.seats, 'seat')}, "
        f"{fmt.money(t.monthly_cost)} a month ({fmt.money(12 * t.monthly_cost)} a year{est}); "
        f"{verb} {fmt.hours(abs(t.hours_saved))} staff hours a week{it}."
    )


def no_tool_reason(inp: Inputs) -> str:
    """Why the plan has no management tool, the one reason that applies."""
    prof, scenario = inp.prep.profile, inp.prep.scenario
    if scenario.tool == "none":
        return "the scenario rules tools out"
    if not inp.rec.mix:
        return "no channel runs"
    if all(o.tool is None for o in inp.prep.problem.options):
        if required_features(prof):
            return "no tool in the catalog has the approvals and archiving the plan needs"
        return "the scenario rules out every tool"
    if prof.tool_budget <= 0:
        return "the plan has no budget for a tool"
    return (
        f"no tool saves more in staff time than it costs within the tool budget of "
        f"{fmt.money(prof.tool_budget)} a month"
    )


def main_risk(inp: Inputs) -> tuple[str, str]:
    """(label, sentence): the one thing most likely to undo the plan, worst first."""
    rec, sens = inp.rec, inp.sens
    if not rec.feasible:
        return "Risk", "No mix meets every constraint of this scenario; see the staffing pages."
    if rec.spare_hours_per_week < -0.05:
        return "Risk", (
            f"The plan needs {fmt.hours(-rec.spare_hours_per_week)} hours a week more than "
            "the marketing team has."
        )
    # the channel limit is a setting the user chose, not a risk to the plan
    risks = [w for w in rec.warnings if not w.startswith(CAP_WARNING)]
    if risks:
        return "Risk", fmt.sentence(risks[0])
    if rec.search.note:
        return "Caveat", rec.search.note
    moves = [(s.down, s, "falls") for s in sens.goals if s.down is not None]
    moves += [(s.up, s, "rises") for s in sens.goals if s.up is not None]
    if moves:
        margin, s, verb = min(moves, key=lambda m: m[0])
        close = "a close call" if margin < CLOSE_MARGIN else "a comfortable margin"
        return "Caveat", (
            f"The mix changes if the weight of {s.goal.label.lower()} {verb} by "
            f"{fmt.points(margin)} ({close}); it stays the same in "
            f"{fmt.pct(sens.mix_stability)} of {sens.samples} random weightings."
        )
    return "Caveat", "No single goal's weight changes the mix, whatever its value."


def decision_section(inp: Inputs) -> Section:
    """Page 1: the decision (also the whole of the one-page summary)."""
    rec = inp.rec
    label, risk = main_risk(inp)
    table = mix_table(inp)
    notes = table_notes(inp, table)
    blocks = (
        Paragraph(ask(inp), style="lead" if rec.feasible else "warning"),
        key_figures(inp),
        table,
        *((Paragraph(notes, style="small"),) if notes else ()),
        *((Paragraph(today_line(inp), label="Against today"),) if _today_known(inp) else ()),
        Paragraph(tool_line(inp), label="Tool"),
        Paragraph(risk, label=label, style="warning" if label == "Risk" else "body"),
        staffing_chart(rec),
    )
    return Section(DECISION_HEADING, blocks, level=2, new_page=False)


def staffing_chart(rec: Recommendation) -> Chart:
    """Page 1's chart: hours per week by channel, stacked by activity (it needs only the
    scenario's recommendation, so the report can start drawing it early)."""
    n_bars = len(rec.mix) + (1 if sum(rec.base_hours_by_activity.values()) > 0.005 else 0)
    return Chart(
        "draw_staffing",
        (rec,),
        height=min(2.6, max(1.7, 1.0 + 0.26 * n_bars)),
        caption="Hours per week by channel, stacked by activity",
    )
