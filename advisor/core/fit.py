"""Fit of each channel to a company, as explainable contributions.

fit = gate * (w_goal*goal + w_audience*audience + w_voice*voice + w_effort*effort) / sum(w)
gate = capability * compliance

The additive terms say how much the channel *suits* the company; the gates say whether the
company *can serve it at all*. A company with no capability for a channel's only format has
capability 0, and ephemeral content under archiving rules has compliance 0, so those channels
get fit 0 whatever their goal fit: they cannot rank high.
"""

from __future__ import annotations

from dataclasses import dataclass

from .knowledge import Assumptions, Platform
from .plan import CompanyProfile
from .result import Contribution
from .vocab import AGE_BANDS, Goal, Market, Regime, Segment

__all__ = ["ChannelFit", "audience_reach", "channel_fit", "goal_values"]

_ADDITIVE = ("goal", "audience", "voice", "effort")


@dataclass(frozen=True, slots=True)
class ChannelFit:
    fit: float
    scores: dict[str, float]
    gate: float
    contributions: list[Contribution]


def audience_reach(p: Platform, prof: CompanyProfile) -> float:
    """Share of the company's audience the channel reaches, the way the surveys measure it.

    Age: the share of each target age band that uses the channel (Pew), weighted by the
    audience's bands. Professionals: Pew measures use by education, not by age within it, so
    the age reach is scaled by how much more (or less) graduates use the channel than all
    adults (reach_segment.professional / reach_segment.consumer), capped at 1.
    """
    age_w = sum(prof.audience_age.values())
    age = sum(prof.audience_age[b] * p.reach_age[b].v for b in AGE_BANDS) / age_w
    everyone = p.reach_segment[Segment.consumer].v
    lift = p.reach_segment[Segment.professional].v / everyone if everyone > 0 else 1.0
    by_segment = {Segment.consumer: age, Segment.professional: min(1.0, age * lift)}
    seg_w = sum(prof.audience_segment.values())
    return sum(w * by_segment[s] for s, w in prof.audience_segment.items()) / seg_w


_MARKET_WEIGHT = {Market.b2b: 0.5, Market.b2c: 0.2, Market.both: 0.35}
"""Weight of the market strength against reach in the audience score. Business buyers are a
small professional population that adult reach measures poorly, so where B2B marketers are
(CMI: 94% on LinkedIn) weighs half; consumers are measured directly by Pew's reach."""


def audience_score(p: Platform, prof: CompanyProfile) -> float:
    """Reach of the company's audience (age and segment together) and strength in its market
    (B2B/B2C marketers' use of the channel)."""
    market = {
        Market.b2b: p.b2b.v,
        Market.b2c: p.b2c.v,
        Market.both: (p.b2b.v + p.b2c.v) / 2,
    }[prof.market]
    w = _MARKET_WEIGHT[prof.market]
    return (1 - w) * audience_reach(p, prof) + w * market


def capability_score(p: Platform, prof: CompanyProfile) -> float:
    """Share of the channel's posts, by format, that the company can produce."""
    total = sum(f.v for f in p.formats.values()) or 1.0
    can = sum(f.v for fmt, f in p.formats.items() if fmt in prof.content)
    return can / total


def compliance_score(p: Platform, prof: CompanyProfile) -> float:
    """1 when unregulated; otherwise how well the channel can be archived and supervised."""
    if prof.regulated is Regime.none:
        return 1.0
    if p.ephemeral:
        return 0.0
    return p.archivable.v


def effort_score(min_hours: float, reference: float) -> float:
    """1 for a channel that costs nothing, 0.5 at the reference hours per week, falling after."""
    return reference / (reference + max(min_hours, 0.0))


def goal_values(p: Platform, fit: ChannelFit) -> dict[Goal, float]:
    """What the channel brings to each goal (0..1), used by the mix objective: its goal fit,
    times how much of the company's audience it reaches, times the voice match (a clash halves
    it), gated by whether the company can serve it at all. Reuses the scores of its fit."""
    scale = fit.scores["audience"] * (0.5 + 0.5 * fit.scores["voice"]) * fit.gate
    return {g: p.goal_fit[g].v * scale for g in Goal}


def channel_fit(
    p: Platform, prof: CompanyProfile, assumptions: Assumptions, min_hours: float
) -> ChannelFit:
    """The fit of one channel with every contribution spelled out."""
    goals = prof.normalised_goals()
    scores = {
        "goal": sum(w * p.goal_fit[g].v for g, w in goals.items()),
        "audience": audience_score(p, prof),
        "voice": 1.0 - abs(prof.voice - p.formality.v),
        "effort": effort_score(min_hours, assumptions.effort_reference_hours.v),
    }
    weights = {k: assumptions.fit_weights[k].v for k in _ADDITIVE}
    wsum = sum(weights.values()) or 1.0
    capability = capability_score(p, prof)
    compliance = compliance_score(p, prof)
    gate = capability * compliance
    base = sum(weights[k] * scores[k] for k in _ADDITIVE) / wsum
    contributions = [
        Contribution(
            factor=k,
            score=scores[k],
            weight=weights[k] / wsum,
            points=weights[k] * scores[k] / wsum * gate,
            why=_WHY[k],
        )
        for k in _ADDITIVE
    ]
    contributions += [
        Contribution(
            factor="capability",
            score=capability,
            weight=None,
            points=-(base * (1 - capability)),
            why=_WHY["capability"],
        ),
        Contribution(
            factor="compliance",
            score=compliance,
            weight=None,
            points=-(base * capability * (1 - compliance)),
            why=_WHY["compliance"],
        ),
    ]
    return ChannelFit(
        fit=base * gate,
        scores=scores | {"capability": capability, "compliance": compliance},
        gate=gate,
        contributions=contributions,
    )


_WHY = {
    "goal": "how well the channel serves the weighted goals",
    "audience": "share of the target age bands and segments that use it (professionals by "
    "graduates' use), and its strength in the B2B/B2C market",
    "voice": "match between the brand voice and the channel's formality",
    "effort": "hours per week at the channel's typical cadence (less is better)",
    "capability": "share of the channel's formats the company can produce (multiplies the fit)",
    "compliance": "archiving and supervision under the regulated regime (multiplies the fit)",
}
