"""Page 1: the decision a board takes in two minutes.

The ask in one sentence, the headline figures, the mix (cadence, hours and FTE per channel),
the tool and its licence, one chart and the main risk. Every number is the engine's
(``Recommendation`` and ``Sensitivity``); per-channel FTE is the engine's hours over its
productive hours per FTE, the same conversion the engine uses for the total.
"""

from __future__ import annotations

from ..charts import SHARED_LABEL
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


def mix_table(inp: Inputs) -> Table:
    """Each mix channel's cadence, hours a week and FTE, the job's shared hours, the total."""
    rec = inp.rec
    per_fte = rec.productive_hours_per_fte

    def row(name: str, cadence: str, hours: float) -> tuple[str, str, str, str]:
        return (name, cadence, fmt.hours(hours), fmt.fte(hours / per_fte))

    rows = [row(c.name, inp.cadence(c), c.total_hours) for c in inp.mix]
    shared = rec.hours_per_week - sum(c.total_hours for c in inp.mix)
    if shared >= 0.05:
        rows.append(row(SHARED_LABEL, "listening, reporting, planning, IT", shared))
    rows.append(("Total", "", fmt.hours(rec.hours_per_week), fmt.fte(rec.fte)))
    return Table(
        ("Channel", "Cadence", "Hours/week", "FTE"),
        tuple(rows),
        align="llrr",
        widths=(30, 44, 13, 13),
        caption="The recommended mix" if rec.feasible else "The forced channels",
        bold_last=True,
    )


def tool_line(inp: Inputs) -> str:
    t = inp.rec.tool
    if t is None:
        return "None: no tool pays for itself within the budget, or the scenario rules tools out."
    return (
        f"{t.name}, {t.seats} {fmt.plural(t.seats, 'seat')}, "
        f"{fmt.money(t.monthly_cost)} a month ({fmt.money(12 * t.monthly_cost)} a year); "
        f"saves {fmt.hours(t.hours_saved)} staff hours a week."
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
    if rec.warnings:
        return "Risk", fmt.sentence(rec.warnings[0])
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
    n_bars = len(inp.mix) + (1 if sum(rec.base_hours_by_activity.values()) > 0.005 else 0)
    blocks = (
        Paragraph(ask(inp), style="lead" if rec.feasible else "warning"),
        key_figures(inp),
        mix_table(inp),
        Paragraph(tool_line(inp), label="Tool"),
        Paragraph(risk, label=label, style="warning" if label == "Risk" else "body"),
        Chart(
            "draw_staffing",
            (rec,),
            height=min(2.6, max(1.7, 1.0 + 0.26 * n_bars)),
            caption="Hours per week by channel, stacked by activity",
        ),
    )
    return Section(DECISION_HEADING, blocks, level=2, new_page=False)
