"""Build the report as data from the engine's outputs: cover, summary and channel sections.

Nothing here imports Qt. The engine decides; these functions only select, order and word its
results (and the knowledge base's descriptions) for a board audience.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.engine import Prepared, build, prepare, recommend
from ..core.knowledge import Catalog, Platform
from ..core.plan import Plan
from ..core.result import ChannelResult, Recommendation, Sensitivity
from ..core.sensitivity import sensitivity
from ..core.vocab import AGE_BANDS, Activity, Goal, Segment
from . import fmt
from .model import Bullets, Chart, Cover, KeyFigures, Paragraph, Report, Section, Table
from .progress import Progress

__all__ = ["TOP_WARNINGS", "Inputs", "build_report", "gather", "report_from"]

TOP_WARNINGS = 3


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


def gather(
    plan: Plan,
    catalog: Catalog,
    *,
    scenario: str | None = None,
    file: str = "plan",
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Inputs:
    """Run the engine for the report: the scenario, its sensitivity and every scenario.

    The engine's runs (one per scenario) take the first fifth of ``progress``, the
    sensitivity analysis the rest; raises Cancelled when ``progress`` is asked to stop.
    """
    progress = progress or Progress()
    prep = prepare(plan, scenario, catalog, file)
    rec = build(prep)
    engine, sens_part = progress.part(0.0, 0.2), progress.part(0.2, 1.0)
    recs = []
    for i, s in enumerate(plan.scenarios):
        recs.append(rec if s.name == rec.scenario else recommend(plan, s.name, catalog, file))
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
) -> Report:
    """The whole report as data (raises AdvisorInputError for a bad scenario name)."""
    inputs = gather(plan, catalog, scenario=scenario, file=file, today=today, progress=progress)
    return report_from(inputs)


def report_from(inp: Inputs) -> Report:
    from .analysis import coverage_section, robustness_section, staffing_section, whatif_section
    from .appendix import appendix_section
    from .policy import policy_section

    sections = [
        summary_section(inp),
        *channel_sections(inp),
        staffing_section(inp),
        coverage_section(inp),
        whatif_section(inp),
        robustness_section(inp),
        policy_section(inp),
        appendix_section(inp),
    ]
    prof = inp.plan.profile
    return Report(
        company=prof.name, scenario=inp.rec.scenario, cover=cover(inp), sections=tuple(sections)
    )


def cover(inp: Inputs) -> Cover:
    prof = inp.plan.profile
    lines = [("Scenario", inp.rec.scenario), ("Date", inp.today.isoformat())]
    if prof.prepared_by:
        lines.append(("Prepared by", prof.prepared_by))
    if prof.industry:
        lines.append(("Industry", prof.industry))
    desc = inp.prep.scenario.description
    if desc:
        lines.append(("About this scenario", desc))
    notes = (
        prof.notes
        if len(prof.notes) <= 600
        else prof.notes[:600].rstrip() + " … (in full in the appendix)"
    )
    return Cover(
        title="Social media channel plan",
        company=prof.name,
        scenario=inp.rec.scenario,
        lines=tuple(lines),
        notes=notes,
    )


def one_line(c: ChannelResult) -> str:
    """The channel's reason in one sentence: its first two reasons."""
    return fmt.sentence("; ".join(c.reasons[:2])) if c.reasons else "Forced in by the scenario"


def tool_sentence(rec: Recommendation, names: dict[str, str]) -> str:
    t = rec.tool
    if t is None:
        return (
            "No management tool: none pays for itself within the budget, or the scenario "
            "rules tools out."
        )
    covered = ", ".join(names.get(c, c) for c in t.covered) or "none of the mix channels"
    return (
        f"{t.name}: {t.seats} seat(s), {fmt.money(t.monthly_cost)} a month; saves "
        f"{fmt.hours(t.hours_saved)} h/week on {covered}. Chosen for the {t.why}."
    )


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
    return (
        f"Run {n} channel{'s' if n > 1 else ''}: {inp.name_list(rec.mix)}. They need "
        f"{fmt.hours(rec.hours_per_week)} staff hours a week of the "
        f"{fmt.hours(rec.staff_hours_available)} available ({fmt.fte(rec.fte)} FTE) and cost "
        f"{fmt.money(rec.monthly_cost)} a month."
    )


def summary_section(inp: Inputs) -> Section:
    rec = inp.rec
    blocks: list = [Paragraph(headline(inp), style="lead" if rec.feasible else "warning")]
    blocks.append(
        KeyFigures(
            (
                (
                    "Hours per week",
                    fmt.hours(rec.hours_per_week),
                    f"of {fmt.hours(rec.staff_hours_available)} available",
                ),
                ("FTE", fmt.fte(rec.fte), f"at {rec.productive_hours_per_fte:g} h per FTE"),
                (
                    "Monthly cost",
                    fmt.money(rec.monthly_cost),
                    f"staff {fmt.money(rec.staff_cost)} + licences {fmt.money(rec.licence_cost)}",
                ),
            )
        )
    )
    rows = tuple(
        (c.name, f"{c.posts_per_week:g}", fmt.hours(c.total_hours), one_line(c)) for c in inp.mix
    )
    blocks.append(
        Table(
            ("Channel", "Posts/week", "Hours/week", "Why it is in the mix"),
            rows,
            align="lrrl",
            widths=(17, 11, 11, 61),
            caption="The recommended mix" if rec.feasible else "The forced channels",
        )
    )
    blocks.append(Paragraph(tool_sentence(rec, inp.names), label="Tool"))
    if rec.ideal_mix != rec.mix and rec.feasible:
        blocks.append(
            Paragraph(
                f"With unlimited staff hours the mix would be {inp.name_list(rec.ideal_mix)}.",
                label="Unconstrained",
            )
        )
    if rec.warnings:
        more = len(rec.warnings) - TOP_WARNINGS
        items = rec.warnings[:TOP_WARNINGS]
        if more > 0:
            items = [*items, f"{more} more warning(s) in the Staffing section."]
        blocks += [Paragraph("Warnings", style="subhead"), Bullets(tuple(items), style="warning")]
    return Section("Executive summary", tuple(blocks))


def channel_sections(inp: Inputs) -> list[Section]:
    intro = Section(
        "Channels in the mix",
        (
            Paragraph(
                "Each channel has its own personality and audience; one message does not fit "
                "them all. The pages that follow describe each channel in the mix: what it is "
                "like, what kind of message suits it, whom it reaches, how often it must post "
                "and what that costs in hours."
            ),
            Chart(
                "draw_contributions",
                (inp.rec,),
                {"limit": 10},
                height=3.4,
                caption="How the fit of the ten best-fitting channels is made up (● = in the mix)",
            ),
            considered_table(inp),
        ),
    )
    return [intro, *(channel_section(inp, c) for c in inp.mix)]


def considered_table(inp: Inputs) -> Table:
    rows = tuple(
        (
            str(c.rank),
            c.name,
            f"{c.fit:.2f}",
            "yes" if c.in_mix else "no",
            fmt.hours(c.total_hours),
            one_line(c) if c.in_mix else fmt.sentence(c.excluded_because),
        )
        for c in inp.rec.channels
    )
    return Table(
        ("#", "Channel", "Fit", "In mix", "Hours/week", "Why / why not"),
        rows,
        align="rlrlrl",
        widths=(4, 16, 7, 8, 11, 54),
        small=True,
        caption="Every active channel considered, best fit first",
    )


def channel_section(inp: Inputs, c: ChannelResult) -> Section:
    p = inp.catalog.platform(c.id)
    blocks: list = [
        Paragraph(" ".join(p.personality.split()), label="Personality"),
        Paragraph(" ".join(p.message_style.split()), label="What to post here"),
        Paragraph(
            f"{fmt.sentence('; '.join(c.reasons))}. Fit {c.fit:.2f} (rank {c.rank} of "
            f"{len(inp.rec.channels)}).",
            label="Why it is in the mix",
        ),
        fit_table(c),
        audience_table(inp, p),
        Paragraph(cadence_text(inp, p, c), label="Cadence"),
        hours_table(c),
        Paragraph(sources_text(inp, p), label="Sources", style="small"),
    ]
    return Section(c.name, tuple(blocks), level=2)


def fit_table(c: ChannelResult) -> Table:
    rows = tuple(
        (
            fmt.sentence(x.factor),
            f"{x.score:.2f}",
            f"{x.weight:.2f}" if x.weight is not None else "gate",
            _points(x.points, x.weight is None),
            x.why,
        )
        for x in c.contributions
    )
    return Table(
        ("Factor", "Score", "Weight", "Points", "Meaning"),
        rows,
        align="lrrrl",
        widths=(14, 9, 9, 10, 58),
        small=True,
        caption="How the fit is made up",
    )


def _points(points: float, gate: bool) -> str:
    if gate:  # a gate's points are the fit it takes away
        return "none lost" if abs(points) < 0.0005 else f"{points:+.3f}"
    return f"{points:.3f}"


def audience_table(inp: Inputs, p: Platform) -> Table:
    prof = inp.prep.profile
    total_age = sum(prof.audience_age.values()) or 1.0
    total_seg = sum(prof.audience_segment.values()) or 1.0
    rows = [
        (f"Adults {b}", fmt.pct(p.reach_age[b].v), fmt.pct(prof.audience_age[b] / total_age))
        for b in AGE_BANDS
    ]
    rows += [
        (
            s.value.capitalize() + "s",
            fmt.pct(p.reach_segment[s].v),
            fmt.pct(prof.audience_segment[s] / total_seg),
        )
        for s in Segment
    ]
    rows += [
        ("B2B marketing strength", fmt.pct(p.b2b.v), "market: " + prof.market.value),
        ("B2C marketing strength", fmt.pct(p.b2c.v), ""),
    ]
    return Table(
        ("Audience", "Channel reaches", "Share of your audience"),
        tuple(rows),
        align="lrr",
        widths=(40, 30, 30),
        small=True,
        caption="Audience fit",
    )


def cadence_text(inp: Inputs, p: Platform, c: ChannelResult) -> str:
    cad = p.cadence
    assert cad is not None  # active channels always have one
    posts = "post" if c.posts_per_week == 1 else "posts"
    return (
        f"planned at {c.posts_per_week:g} {posts} a week ({inp.rec.ambition} ambition); "
        f"credible range {cad.min.v:g} to {cad.max.v:g}, typical {cad.typical.v:g}. Below "
        f"{cad.min.v:g} a week it is not worth running; at the minimum it still needs "
        f"{fmt.hours(c.min_hours_per_week)} h/week."
    )


def hours_table(c: ChannelResult) -> Table:
    rows = tuple(
        (a.label, fmt.hours(c.hours_per_week[a])) for a in Activity if c.hours_per_week[a] > 0.005
    )
    rows += (("Total", fmt.hours(c.total_hours)),)
    return Table(
        ("Activity", "Hours/week"),
        rows,
        align="lr",
        widths=(60, 40),
        small=True,
        caption="Hours by activity (tool savings applied)",
        bold_last=True,
    )


def sources_text(inp: Inputs, p: Platform) -> str:
    from ..core.knowledge import iter_figures

    figs = [f for _, f in iter_figures(p)]
    ids = sorted({f.src for f in figs if not f.estimate})
    est = sum(f.estimate for f in figs)
    parts = []
    for sid in ids:
        s = inp.catalog.sources[sid]
        parts.append(f"{s.title} ({s.date or 'undated'})")
    cited = "; ".join(parts) if parts else "none"
    return (
        f"{len(figs) - est} of {len(figs)} figures cite a source: {cited}. The other {est} "
        "are estimates, listed in the appendix."
    )
