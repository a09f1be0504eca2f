"""Staffing hours per channel and activity, and the licence cost of a management tool.

Hours per week for one channel at ``posts`` posts per week:

- create     = posts * mean effort per post over the formats the company can produce
- tailor     = create * tailor_share            (one message does not fit all channels)
- publish    = posts * publish minutes / 60
- approve    = posts * approval minutes / 60    (regulated firms only: pre-approval)
- engage     = (inbound messages per week * minutes each + posts * minutes per post) / 60,
               times the response-time factor (a faster promise costs more coverage)
- listen     = listening hours per channel
- report     = reporting hours per channel
- coordinate = coordinate_share * the sum of the above

A tool cuts each activity by its savings factor on the channels it covers. Hours are additive
over channels, which keeps the mix search exact (see mix.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .knowledge import Assumptions, Platform, ToolPlan, VendorTool
from .plan import CompanyProfile
from .vocab import Activity, Ambition, Feature, PricingModel, Regime

__all__ = [
    "ToolOption",
    "channel_hours",
    "licence_cost",
    "posts_per_week",
    "required_features",
    "response_factor",
    "seats_for",
]


def posts_per_week(p: Platform, ambition: Ambition) -> float:
    """The planned cadence: the minimum, the typical, or halfway from typical to the maximum."""
    assert p.cadence is not None
    c = p.cadence
    if ambition is Ambition.minimum:
        return c.min.v
    if ambition is Ambition.typical:
        return c.typical.v
    return (c.typical.v + c.max.v) / 2


def response_factor(a: Assumptions, hours: float) -> float:
    """Multiplier on engagement work for a response-time promise, interpolated on log hours."""
    points = sorted((float(k), f.v) for k, f in a.response_factor.items())
    if hours <= points[0][0]:
        return points[0][1]
    if hours >= points[-1][0]:
        return points[-1][1]
    for (h0, f0), (h1, f1) in zip(points, points[1:], strict=False):
        if h0 <= hours <= h1:
            t = (math.log(hours) - math.log(h0)) / (math.log(h1) - math.log(h0))
            return f0 + t * (f1 - f0)
    return 1.0  # unreachable: the points cover the range


def _effort_per_post(p: Platform, prof: CompanyProfile) -> float:
    usable = {f: s.v for f, s in p.formats.items() if f in prof.content and s.v > 0}
    if not usable:  # the company cannot produce any of its formats: cost it as it runs
        usable = {f: s.v for f, s in p.formats.items()}
    total = sum(usable.values()) or 1.0
    return sum(share * p.effort_hours[f].v for f, share in usable.items()) / total


def channel_hours(
    p: Platform,
    prof: CompanyProfile,
    a: Assumptions,
    posts: float,
    savings: dict[Activity, float] | None = None,
) -> dict[Activity, float]:
    """Hours per week by activity to run one channel at ``posts`` posts per week."""
    create = posts * _effort_per_post(p, prof)
    inbound_week = p.inbound_per_1000.v * prof.followers / 1000 / a.weeks_per_month.v
    engage_minutes = inbound_week * a.minutes_per_inbound.v + posts * p.engage_minutes_per_post.v
    hours = {
        Activity.create: create,
        Activity.tailor: create * a.tailor_share.v,
        Activity.publish: posts * a.publish_minutes_per_post.v / 60,
        Activity.approve: (
            posts * a.approve_minutes_per_post.v / 60 if prof.regulated is not Regime.none else 0.0
        ),
        Activity.engage: engage_minutes / 60 * response_factor(a, prof.response_hours),
        Activity.listen: a.listen_hours_per_channel.v,
        Activity.report: a.report_hours_per_channel.v,
    }
    hours[Activity.coordinate] = a.coordinate_share.v * sum(hours.values())
    if savings:
        hours = {act: h * (1 - savings.get(act, 0.0)) for act, h in hours.items()}
    return hours


def required_features(prof: CompanyProfile) -> set[Feature]:
    """Regulated firms need pre-approval workflows and archiving from a tool."""
    if prof.regulated is Regime.none:
        return set()
    return {Feature.approvals, Feature.archiving}


@dataclass(frozen=True, slots=True)
class ToolOption:
    """One way to run the mix: a tool's plan, or no tool (tool is None)."""

    tool: VendorTool | None
    plan: ToolPlan | None

    @property
    def key(self) -> str:
        if self.tool is None or self.plan is None:
            return "none"
        return f"{self.tool.id}/{self.plan.id}"

    def covers(self, p: Platform) -> bool:
        return self.tool is not None and p.managed_by_tools and p.id in self.tool.networks

    def savings(self) -> dict[Activity, float]:
        if self.tool is None:
            return {}
        return {act: f.v for act, f in self.tool.savings.items()}


def seats_for(hours: float, a: Assumptions) -> int:
    """Licensed users needed: one per (started) full-time equivalent, at least one."""
    return max(1, math.ceil(hours / a.productive_hours_per_fte.v - 1e-9))


def licence_cost(option: ToolOption, covered: int, hours: float, a: Assumptions) -> float:
    """Licence USD per month, or +inf when the plan's limits cannot hold the mix."""
    if option.tool is None or option.plan is None:
        return 0.0
    plan = option.plan
    seats = seats_for(hours, a)
    if plan.max_channels is not None and covered > plan.max_channels:
        return math.inf
    if plan.max_seats is not None and seats > plan.max_seats:
        return math.inf
    price = plan.price.v
    match option.tool.pricing:
        case PricingModel.per_seat:
            return price * seats
        case PricingModel.per_channel:
            return price * covered
        case PricingModel.per_account | PricingModel.enterprise:
            return price
        case PricingModel.free:
            return 0.0
    return price  # pragma: no cover - the match is exhaustive
