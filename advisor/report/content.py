"""Build the report as data from the engine's outputs: the inputs, the cover, the order of the
sections and the wording they share (the channel pages are in ``channels``).

Nothing here imports Qt. The engine decides; these functions only select, order and word its
results (and the knowledge base's descriptions) for a board audience.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..core.engine import Prepared, build, prepare
from ..core.knowledge import Catalog
from ..core.plan import Plan
from ..core.result import ChannelResult, Recommendation, Sensitivity
from ..core.sensitivity import sensitivity
from ..core.vocab import Goal, Role
from . import fmt
from .model import Cover, Report, Table
from .progress import Progress

__all__ = ["FIT_CHART_LIMIT", "Inputs", "build_report", "gather", "report_from"]

FIT_CHART_LIMIT = 10  # the fit chart shows this many best fits, plus any mix channel below


@dataclass(frozen=True, slots=True)
class Inputs:
    """Everything the report is written from: one scenario in depth, all of them side by side."""

    plan: Plan
    catalog: Catalog
    prep: Prepared
    rec: Recommendation
    sens: Sensitivity
    recs: list[Recommendation]
    today: dt.date

    @property
    def names(self) -> dict[str, str]:
        """Channel id -> display name, for every channel the engine considered."""
        return {c.id: c.name for c in self.rec.channels}

    def name_list(self, ids: list[str]) -> str:
        return ", ".join(self.names.get(i, i) for i in ids) or "(none)"

    @property
    def weights(self) -> dict[Goal, float]:
        return self.prep.profile.normalised_goals()

    @property
    def mix(self) -> list[ChannelResult]:
        return [self.rec.channel(cid) for cid in self.rec.mix]

    @property
    def left_out(self) -> list[ChannelResult]:
        """Channels considered but not in the mix, best fit first."""
        return [c for c in self.rec.channels if not c.in_mix]

    @property
    def weeks_per_month(self) -> float:
        return self.catalog.assumptions.weeks_per_month.v

    def cadence(self, c: ChannelResult) -> str:
        """The channel's cadence in words: ``4 a week (typical)``, ``1 a month (minimum)``."""
        text = fmt.cadence(c.posts_per_week, self.weeks_per_month)
        return f"{text} ({c.cadence_level.label})" if c.cadence_level is not None else text


def gather(
    plan: Plan,
    catalog: Catalog,
    *,
    scenario: str | None = None,
    file: str = "plan",
    today: dt.date | None = None,
    progress: Progress | None = None,
    summary: bool = False,
    on_base: Callable[[Recommendation], None] | None = None,
) -> Inputs:
    """Run the engine for the report: the scenario, its sensitivity and every scenario (with
    ``summary``, page 1 alone, the other scenarios are not needed and not run).

    The engine's runs (one per scenario) take the first 70% of ``progress``, the
    sensitivity analysis the rest; raises Cancelled when ``progress`` is asked to stop.
    """
    progress = progress or Progress()
    prep = prepare(plan, scenario, catalog, file)
    rec = build(prep)
    if on_base is not None:  # e.g. start drawing the charts that need only this
        on_base(rec)
    engine, sens_part = progress.part(0.0, 0.7), progress.part(0.7, 1.0)
    recs = [rec]
    if not summary:
        recs = []
        for i, s in enumerate(plan.scenarios):
            # the other scenarios are compared, not explained: no why-not mixes for them
            other = s.name != rec.scenario
            recs.append(
                build(prepare(plan, s.name, catalog, file), explain_left_out=False)
                if other
                else rec
            )
            engine((i + 1) / len(plan.scenarios))
    sens = sensitivity(prep, on_progress=sens_part, should_stop=progress.should_stop)
    return Inputs(plan, catalog, prep, rec, sens, recs, today or dt.date.today())


def build_report(
    plan: Plan,
    catalog: Catalog,
    *,
    scenario: str | None = None,
    file: str = "plan",
    today: dt.date | None = None,
    progress: Progress | None = None,
    summary: bool = False,
    on_base: Callable[[Recommendation], None] | None = None,
) -> Report:
    """The whole report as data, or page 1 alone with ``summary`` (raises AdvisorInputError
    for a bad scenario name)."""
    inputs = gather(
        plan,
        catalog,
        scenario=scenario,
        file=file,
        today=today,
        progress=progress,
        summary=summary,
        on_base=on_base,
    )
    return report_from(inputs, summary=summary)


def report_from(inp: Inputs, *, summary: bool = False) -> Report:
    """The report as data: page 1 is the decision, then why, what-ifs, robustness,
    staffing, policy and the appendix. ``summary``: page 1 alone, for the board pack."""
    from .analysis import coverage_section, robustness_section, staffing_section, whatif_section
    from .appendix import appendix_section
    from .channels import channel_sections
    from .decision import decision_section
    from .policy import policy_section

    sections = [decision_section(inp)]
    if not summary:
        sections += [
            *channel_sections(inp),
            coverage_section(inp),
            whatif_section(inp),
            robustness_section(inp),
            staffing_section(inp),
            policy_section(inp),
            appendix_section(inp),
        ]
    prof = inp.plan.profile
    return Report(
        company=prof.name,
        scenario=inp.rec.scenario,
        cover=cover(inp),
        sections=tuple(sections),
        author=prof.prepared_by,
        subject=f"Social media channel plan: {inp.name_list(inp.rec.mix)}",
        keywords=("social media", "channel plan", "staffing", prof.industry or ""),
    )


def cover(inp: Inputs) -> Cover:
    """The title block at the top of page 1: who, which scenario, when, by whom."""
    prof = inp.plan.profile
    lines = [("Date", inp.today.isoformat())]
    if prof.prepared_by:
        lines.append(("Prepared by", prof.prepared_by))
    if prof.industry:
        lines.append(("Industry", prof.industry))
    return Cover(
        title="Social media channel plan",
        company=prof.name,
        scenario=inp.rec.scenario,
        lines=tuple(lines),
        notes=inp.prep.scenario.description,
    )


def one_line(c: ChannelResult) -> str:
    """The channel's reason in one sentence: its first two reasons."""
    return fmt.sentence("; ".join(c.reasons[:2])) if c.reasons else "Forced in by the scenario"


def headline(inp: Inputs) -> str:
    rec = inp.rec
    if not rec.mix:
        return "No channel is recommended: no channel fits the goals within the team's hours."
    if not rec.feasible:
        return (
            f"No mix meets every constraint of this scenario. The forced channels "
            f"({inp.name_list(rec.mix)}) alone would need {fmt.hours(rec.hours_per_week)} "
            f"staff hours a week of the {fmt.hours(rec.staff_hours_available)} available "
            f"({fmt.fte(rec.fte)} FTE) and cost {fmt.money(rec.monthly_cost)} a month."
        )
    n = len(rec.mix)
    team = rec.hours_by_role[Role.marketing]
    others = rec.hours_per_week - team
    extra = f", plus {fmt.hours(others)} h of compliance and IT time" if others > 0.05 else ""
    return (
        f"Run {n} channel{'s' if n > 1 else ''}: {inp.name_list(rec.mix)}. They need "
        f"{fmt.hours(team)} hours a week of the marketing team's "
        f"{fmt.hours(rec.staff_hours_available)} h{extra}, and cost "
        f"{fmt.money(rec.monthly_cost)} a month ({fmt.money(12 * rec.monthly_cost)} a year)."
    )


def spare_text(rec: Recommendation) -> tuple[str, str]:
    """The marketing team's spare capacity as (value, detail) for a key figure."""
    spare = rec.spare_hours_per_week
    if spare < -0.05:
        return f"{fmt.MINUS}{fmt.hours(-spare)} h", "over the marketing team's hours"
    return (
        f"{fmt.hours(max(spare, 0.0))} h",
        f"a week left free of the marketing team's {fmt.hours(rec.staff_hours_available)} h",
    )


def role_table(rec: Recommendation, caption: str = "Hours per week by role") -> Table:
    """Hours a week and FTE for each role the plan needs (a role with no hours, such as
    compliance review for a firm that is not regulated, is left out), with the total."""
    rows = [
        (r.label, fmt.hours(rec.hours_by_role[r]), fmt.fte(rec.fte_by_role[r]))
        for r in Role
        if rec.hours_by_role[r] >= 0.05 or r == Role.marketing
    ]
    rows.append(("All roles", fmt.hours(rec.hours_per_week), fmt.fte(rec.fte)))
    return Table(
        ("Role", "Hours/week", "FTE"),
        tuple(rows),
        align="lrr",
        widths=(60, 20, 20),
        caption=caption,
        bold_last=True,
        width=70,
    )


def search_caveat(rec: Recommendation) -> str:
    """Why the mix may not be the proven best (empty when the search proved it)."""
    return rec.search.note
