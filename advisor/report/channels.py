"""The channel pages: how the fit is made up, a page per channel in the mix (fit, audience,
cadence, hours, sources) and why the other channels were left out."""

from __future__ import annotations

import re

from ..core.explain import min_cadence_hours
from ..core.knowledge import Platform
from ..core.labels import market_label
from ..core.result import ChannelResult, Recommendation
from ..core.tables import why_not_text
from ..core.vocab import AGE_BANDS, Activity, Segment
from . import fmt
from .content import FIT_CHART_LIMIT, Inputs, one_line
from .model import Chart, Paragraph, Section, Table

__all__ = ["WHY_NOT_HEADING", "channel_sections"]


def channel_sections(inp: Inputs) -> list[Section]:
    """Why these channels: the fit of each, a page per mix channel, then the ones left out."""
    rec = inp.rec
    blocks: list = [
        Paragraph(
            "Each channel has its own personality and audience; one message does not fit "
            "them all. The pages that follow describe each channel in the mix: what it is "
            "like, what kind of message suits it, whom it reaches, how often it must post "
            "and what that costs in hours."
        )
    ]
    if rec.ideal_mix != rec.mix and rec.feasible:
        blocks.append(
            Paragraph(
                f"With unlimited staff hours the mix would be {inp.name_list(rec.ideal_mix)}.",
                label="Unconstrained",
            )
        )
    blocks += [fit_chart(rec), considered_table(inp)]
    intro = Section("Channels in the mix", tuple(blocks))
    out = [intro, *(channel_section(inp, c) for c in inp.mix)]
    if inp.left_out:
        out.append(why_not_section(inp))
    return out


def fit_chart(rec: Recommendation) -> Chart:
    """How the fit is made up, for the best-fitting channels and every mix channel (it needs
    only the scenario's recommendation, so the report can start drawing it early)."""
    from ..charts import fit_channels

    shown = len(fit_channels(rec, FIT_CHART_LIMIT))
    extra = shown - min(FIT_CHART_LIMIT, len(rec.channels))
    also = f", and the {extra} mix channel{fmt.plural(extra)} below them" if extra else ""
    return Chart(
        "draw_contributions",
        (rec,),
        {"limit": FIT_CHART_LIMIT},
        height=min(6.0, 1.3 + 0.22 * shown),
        caption=f"How the fit is made up: the {min(FIT_CHART_LIMIT, len(rec.channels))} "
        f"best-fitting channels{also} (● = in the mix)",
    )


WHY_NOT_HEADING = "Why not the other channels"


def why_not_section(inp: Inputs) -> Section:
    """Each channel left out: why, and what the best mix that includes it would look like."""
    reasons = [c.excluded_because for c in inp.left_out if c.excluded_because]
    common = max(set(reasons), key=reasons.count) if reasons else ""
    shared = common if reasons.count(common) > 1 else ""
    intro = (
        "For each channel left out: the best mix that would include it, with its goal "
        "coverage, the marketing team's hours and the monthly cost, and the change against "
        "the recommended mix."
    )
    if shared:
        intro += f" Unless said otherwise, a channel is out because {_clause(shared)}."
    blocks: list = [Paragraph(intro)]
    for c in inp.left_out:
        reason = c.excluded_because if c.excluded_because != shared else ""
        parts = [fmt.sentence(_clause(reason)) + "." if reason else "", why_not_text(inp.rec, c.id)]
        body = " ".join(x for x in parts if x) or "Left out of the mix."
        blocks.append(Paragraph(body, label=c.name))
    return Section(WHY_NOT_HEADING, tuple(blocks), level=2)


def _clause(text: str) -> str:
    """An engine reason as a clause: no final full stop, first letter as written."""
    return text.strip().rstrip(".")


def considered_table(inp: Inputs) -> Table:
    rows = []
    last_reason = None
    for c in inp.rec.channels:
        if c.in_mix:
            why = one_line(c)
        elif c.excluded_because and c.excluded_because == last_reason:
            why = "As above."  # the same long reason, once is enough
        else:
            why = fmt.sentence(c.excluded_because)
            last_reason = c.excluded_because
        rows.append(
            (
                str(c.rank),
                c.name,
                f"{c.fit:.2f}",
                inp.cadence(c) if c.in_mix else "not in the mix",
                fmt.hours(c.total_hours),
                why,
            )
        )
    return Table(
        ("#", "Channel", "Fit", "Cadence", "Hours/week", "Why / why not"),
        tuple(rows),
        align="rlrlrl",
        widths=(4, 15, 6, 17, 10, 48),
        small=True,
        caption="Every active channel considered, best fit first (hours: at the planned "
        "cadence, or the typical one for channels left out)",
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
    ]
    why = cadence_why(c)
    if why:
        blocks.append(Paragraph(why, label="Why this cadence"))
    blocks += [
        hours_table(c, inp.rec.tool is not None and c.id in inp.rec.tool.covered),
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
        caption="How the fit is made up (points: score × weight × the gates' scores; "
        "a gate's points: the fit it takes away)",
    )


def _points(points: float, gate: bool) -> str:
    if gate:  # a gate's points are the fit it takes away
        return "none lost" if abs(points) < 0.0005 else f"{points:+.3f}".replace("-", fmt.MINUS)
    return f"{points:.3f}"


def _figure(key: str, v: float) -> str:
    """A channel's figure rounded as the appendix rounds it (its label's format), so the
    same figure never reads 32% here and 32.5% there; percentages keep their % sign."""
    from ..core.labels import figure_label

    return figure_label("platforms", key).number(v)


def audience_table(inp: Inputs, p: Platform) -> Table:
    prof = inp.prep.profile
    total_age = sum(prof.audience_age.values()) or 1.0
    total_seg = sum(prof.audience_segment.values()) or 1.0
    rows = [
        (
            f"Adults {b}",
            _figure(f"reach_age.{b}", p.reach_age[b].v),
            fmt.pct(prof.audience_age[b] / total_age),
        )
        for b in AGE_BANDS
    ]
    rows += [
        (
            s.value.capitalize() + "s",
            _figure(f"reach_segment.{s.value}", p.reach_segment[s].v),
            fmt.pct(prof.audience_segment[s] / total_seg),
        )
        for s in Segment
    ]
    rows += [
        (
            "B2B marketing strength (score, 0 to 1)",
            _figure("b2b", p.b2b.v),
            market_label(prof.market),
        ),
        ("B2C marketing strength (score, 0 to 1)", _figure("b2c", p.b2c.v), ""),
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
    wpm = inp.weeks_per_month
    level = f" (the {c.cadence_level.label} level)" if c.cadence_level is not None else ""
    return (
        f"{fmt.cadence(c.posts_per_week, wpm)}{level}; cadence preference: "
        f"{inp.rec.ambition.label.lower()}. Credible range "
        f"{fmt.cadence_range(cad.min.v, cad.max.v, wpm)}, typical "
        f"{fmt.cadence(cad.typical.v, wpm)}; below the minimum it is not worth running, and "
        f"at the minimum it still needs {fmt.hours(min_cadence_hours(inp.prep, inp.rec, c.id))} "
        "h/week (all roles, as in the hours table below)."
    )


_WHY_LEAD = re.compile(r"^at [^:]*:\s*")


def cadence_why(c: ChannelResult) -> str:
    """The engine's reason for the cadence, without its lead-in (the cadence itself)."""
    text = _WHY_LEAD.sub("", c.why.strip())
    if not text:
        return ""
    return fmt.sentence(text) + ("" if text.endswith(".") else ".")


def hours_table(c: ChannelResult, tool: bool) -> Table:
    """The channel's hours a week by activity; ``tool``: the plan's tool manages it."""
    rows = tuple(
        (a.label, fmt.hours(c.hours_per_week[a])) for a in Activity if c.hours_per_week[a] >= 0.05
    )
    rows += (("Total", fmt.hours(c.total_hours)),)
    return Table(
        ("Activity", "Hours/week"),
        rows,
        align="lr",
        widths=(60, 40),
        small=True,
        caption="Hours by activity" + (" (the tool's savings applied)" if tool else ""),
        bold_last=True,
    )


def sources_text(inp: Inputs, p: Platform) -> str:
    from ..core.knowledge import iter_figures
    from ..core.labels import source_citation

    figs = [f for _, f in iter_figures(p)]
    ids = {f.src for f in figs if not f.estimate}
    est = sum(f.estimate for f in figs)
    cited = "; ".join(sorted(source_citation(inp.catalog, sid) for sid in ids)) or "none"
    return (
        f"{len(figs) - est} of {len(figs)} figures cite a source: {cited}. The other {est} "
        f"{'is an estimate' if est == 1 else 'are estimates'}, listed in the appendix."
    )
