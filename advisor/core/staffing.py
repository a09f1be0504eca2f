"""Staffing hours per channel and activity, the job's base hours, roles, set-up hours, and the
licence cost of a management tool.

Hours per week for one channel at ``posts`` posts per week:

- create     = posts * mean effort per post over the formats the company can produce
- tailor     = create * tailor_share   (only in a mix of two or more channels: one message does
               not fit all channels, but a single channel has nothing to tailor from)
- publish    = posts * publish minutes / 60
- engage     = (inbound messages answered per week * minutes each + posts * minutes per post)
               / 60, times the response-time factor; inbound = the channel's own followers
               (presence) * inbound per 1,000 followers, or the inbound the company reported
- listen, report = the per-channel increment of a job whose sources give a total
- coordinate = coordinate_share * the marketing hours above
- approve, archive = compliance review per post (regulated firms only)

The job as a whole (charged once when any channel runs): listening, reporting and coordination
bases, and IT's base for access, security, integrations and data (plus archive upkeep for
regulated firms). A tool cuts each activity by its savings factor on the channels it covers
(and on the base). Roles: approve and archive are compliance's, administer is IT's, the rest
is the marketing team's; staff hours available bound the marketing team's hours.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .knowledge import Assumptions, Platform, ToolPlan, VendorTool
from .plan import CompanyProfile
from .vocab import Activity, Feature, Level, PricingModel, Regime, Role

__all__ = [
    "ToolOption",
    "base_hours",
    "by_role",
    "cadence_value",
    "channel_hours",
    "level_posts",
    "licence_cost",
    "required_features",
    "response_factor",
    "seats_for",
    "setup_hours",
    "team_hours",
    "with_savings",
]


def level_posts(p: Platform, level: Level) -> float:
    """Posts per week at a cadence level: minimum, typical, or halfway from typical to max."""
    assert p.cadence is not None
    c = p.cadence
    if level is Level.min:
        return c.min.v
    if level is Level.typical:
        return c.typical.v
    return (c.typical.v + c.max.v) / 2


def _interpolate_log(points: list[tuple[float, float]], x: float) -> float:
    """Piecewise-linear in log x through sorted (x, y) points, flat beyond the ends."""
    if x <= points[0][0]:
        return points[0][1]
    if x >= points[-1][0]:
        return points[-1][1]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if x0 <= x <= x1:
            if x1 == x0:
                return y1
            t = (math.log(x) - math.log(x0)) / (math.log(x1) - math.log(x0))
            return y0 + t * (y1 - y0)
    return points[-1][1]  # unreachable: the points cover the range


def response_factor(a: Assumptions, hours: float) -> float:
    """Multiplier on engagement work for a response-time promise, interpolated on log hours."""
    return _interpolate_log(sorted((float(k), f.v) for k, f in a.response_factor.items()), hours)


def cadence_value(a: Assumptions, p: Platform, posts: float) -> float:
    """What the channel brings at ``posts`` a week, relative to its typical cadence."""
    assert p.cadence is not None
    ratio = max(posts, 1e-9) / p.cadence.typical.v
    return _interpolate_log(sorted((float(k), f.v) for k, f in a.cadence_value.items()), ratio)


def _effort_per_post(p: Platform, prof: CompanyProfile) -> float:
    usable = {f: s.v for f, s in p.formats.items() if f in prof.content and s.v > 0}
    if not usable:  # the company cannot produce any of its formats: cost it as it runs
        usable = {f: s.v for f, s in p.formats.items()}
    total = sum(usable.values()) or 1.0
    return sum(share * p.effort_hours[f].v for f, share in usable.items()) / total


def _answer_share(prof: CompanyProfile, a: Assumptions) -> float:
    return a.answer_share.v if prof.answer_share is None else prof.answer_share


def with_savings(
    hours: dict[Activity, float], savings: dict[Activity, float] | None
) -> dict[Activity, float]:
    """Hours by activity with a tool's savings factors applied."""
    if not savings:
        return hours
    return {act: h * (1 - savings.get(act, 0.0)) for act, h in hours.items()}


def channel_hours(
    p: Platform,
    prof: CompanyProfile,
    a: Assumptions,
    posts: float,
    savings: dict[Activity, float] | None = None,
) -> dict[Activity, float]:
    """Hours per week by activity to run one channel at ``posts`` posts per week (tailoring
    included: subtract it for a single-channel mix)."""
    create = posts * _effort_per_post(p, prof)
    here = prof.presence.get(p.id)
    if here is not None and here.inbound_per_month is not None:
        inbound_month = here.inbound_per_month
    else:
        inbound_month = p.inbound_per_1000.v * prof.followers_on(p.id) / 1000
    answered_week = inbound_month * _answer_share(prof, a) / a.weeks_per_month.v
    engage_minutes = answered_week * a.minutes_per_inbound.v + posts * p.engage_minutes_per_post.v
    regulated = prof.regulated is not Regime.none
    hours = dict.fromkeys(Activity, 0.0) | {
        Activity.create: create,
        Activity.tailor: create * a.tailor_share.v,
        Activity.publish: posts * a.publish_minutes_per_post.v / 60,
        Activity.engage: engage_minutes / 60 * response_factor(a, prof.response_hours),
        Activity.listen: a.listen_hours_per_channel.v,
        Activity.report: a.report_hours_per_channel.v,
    }
    hours[Activity.coordinate] = a.coordinate_share.v * sum(hours.values())
    if regulated:
        hours[Activity.approve] = posts * a.approve_minutes_per_post.v / 60
        hours[Activity.archive] = posts * a.archive_minutes_per_post.v / 60
    return with_savings(hours, savings)


def base_hours(
    prof: CompanyProfile, a: Assumptions, savings: dict[Activity, float] | None = None
) -> dict[Activity, float]:
    """Hours per week the job needs once any channel runs, whatever the number of channels."""
    it = a.it_base_hours.v + (a.it_archive_hours.v if prof.regulated is not Regime.none else 0.0)
    hours = dict.fromkeys(Activity, 0.0) | {
        Activity.listen: a.listen_base_hours.v,
        Activity.report: a.report_base_hours.v,
        Activity.coordinate: a.coordinate_base_hours.v,
        Activity.administer: it,
    }
    return with_savings(hours, savings)


def team_hours(hours: dict[Activity, float]) -> float:
    """The marketing team's share of some hours: what the staff hours available must cover."""
    return sum(h for act, h in hours.items() if act.role is Role.marketing)


def by_role(hours: dict[Activity, float]) -> dict[Role, float]:
    out = dict.fromkeys(Role, 0.0)
    for act, h in hours.items():
        out[act.role] += h
    return out


def setup_hours(
    prof: CompanyProfile, a: Assumptions, tool: bool, seats: int, runs: bool
) -> dict[str, float]:
    """One-off hours before the plan runs, by item (empty when no channel runs)."""
    if not runs:
        return {}
    out = {
        "Social media policy": a.setup_policy_hours.v,
        "Training the team": a.setup_training_hours_per_person.v * math.ceil(prof.people),
    }
    if tool:
        out["Tool onboarding"] = a.setup_tool_hours.v + a.setup_tool_hours_per_seat.v * seats
    if prof.regulated is not Regime.none:
        out["Archiving and approval set-up"] = a.setup_archive_hours.v
    return out


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
