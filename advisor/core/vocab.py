"""The fixed vocabularies of the domain: goals, formats, age bands, activities.

These are plain string enums so that YAML, JSON and the window all speak the same ids.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "AGE_BANDS",
    "Action",
    "Activity",
    "Ambition",
    "Feature",
    "Format",
    "Goal",
    "Level",
    "Market",
    "PricingModel",
    "Regime",
    "Role",
    "Segment",
    "Status",
    "posts_phrase",
]


class Goal(StrEnum):
    """What a company wants from social media (see shared/reference/advice-model.md)."""

    brand_awareness = "brand_awareness"
    customer_service = "customer_service"
    lead_generation = "lead_generation"
    community_loyalty = "community_loyalty"
    product_feedback = "product_feedback"
    recruiting = "recruiting"
    thought_leadership = "thought_leadership"
    trust_transparency = "trust_transparency"
    internal_knowledge = "internal_knowledge"

    @property
    def label(self) -> str:
        return _GOAL_LABELS[self]


_GOAL_LABELS = {
    Goal.brand_awareness: "Brand awareness",
    Goal.customer_service: "Customer service",
    Goal.lead_generation: "Lead generation & sales",
    Goal.community_loyalty: "Community & loyalty",
    Goal.product_feedback: "Product feedback & co-creation",
    Goal.recruiting: "Recruiting & employer brand",
    Goal.thought_leadership: "Thought leadership",
    Goal.trust_transparency: "Trust & transparency",
    Goal.internal_knowledge: "Internal knowledge exchange",
}


class Format(StrEnum):
    """A content format a channel runs on and a company may be able to produce."""

    text = "text"
    image = "image"
    short_video = "short_video"
    long_video = "long_video"
    live = "live"


AGE_BANDS: tuple[str, ...] = ("18-29", "30-49", "50-64", "65+")
"""Pew Research Center's adult age bands."""


class Segment(StrEnum):
    consumer = "consumer"
    professional = "professional"


class Market(StrEnum):
    b2b = "b2b"
    b2c = "b2c"
    both = "both"


class Regime(StrEnum):
    """Regulatory regime; anything but `none` needs pre-approval and archiving."""

    none = "none"
    financial = "financial"
    health = "health"
    public_sector = "public_sector"


class Ambition(StrEnum):
    """The scenario's cadence preference: let the advisor choose each channel's level (auto),
    fix every channel at one level (minimum / typical / ambitious), or a floor (typical or more).
    """

    auto = "auto"
    minimum = "minimum"
    typical = "typical"
    ambitious = "ambitious"
    typical_or_more = "typical_or_more"

    @property
    def label(self) -> str:
        return _AMBITION_LABELS[self]

    def levels(self) -> tuple[Level, ...]:
        """The cadence levels a channel may run at under this preference."""
        return _AMBITION_LEVELS[self]


class Level(StrEnum):
    """A channel's cadence level: its minimum credible cadence, the typical one, or high
    (halfway from typical to the point of diminishing returns)."""

    min = "min"
    typical = "typical"
    high = "high"

    @property
    def label(self) -> str:
        return {"min": "minimum", "typical": "typical", "high": "high"}[self.value]


_AMBITION_LABELS = {
    Ambition.auto: "Let the advisor choose",
    Ambition.minimum: "Minimum for every channel",
    Ambition.typical: "Typical for every channel",
    Ambition.ambitious: "High for every channel",
    Ambition.typical_or_more: "Typical or more",
}

_AMBITION_LEVELS = {
    Ambition.auto: (Level.min, Level.typical, Level.high),
    Ambition.minimum: (Level.min,),
    Ambition.typical: (Level.typical,),
    Ambition.ambitious: (Level.high,),
    Ambition.typical_or_more: (Level.typical, Level.high),
}


class Role(StrEnum):
    """Who does the work: the marketing/communications team, compliance review, IT/CIO."""

    marketing = "marketing"
    compliance = "compliance"
    it = "it"

    @property
    def label(self) -> str:
        return {
            "marketing": "Marketing & communications",
            "compliance": "Compliance review",
            "it": "IT / CIO",
        }[self.value]


class Activity(StrEnum):
    """The activities staffing hours are broken down into."""

    create = "create"
    tailor = "tailor"
    publish = "publish"
    approve = "approve"
    engage = "engage"
    listen = "listen"
    report = "report"
    coordinate = "coordinate"
    archive = "archive"
    administer = "administer"

    @property
    def label(self) -> str:
        return _ACTIVITY_LABELS[self]

    @property
    def role(self) -> Role:
        """Who does this activity (see Role)."""
        if self in (Activity.approve, Activity.archive):
            return Role.compliance
        if self is Activity.administer:
            return Role.it
        return Role.marketing


_ACTIVITY_LABELS = {
    Activity.create: "Create content",
    Activity.tailor: "Tailor per channel",
    Activity.publish: "Publish & schedule",
    Activity.approve: "Approve",
    Activity.engage: "Engage & respond",
    Activity.listen: "Listen",
    Activity.report: "Measure & report",
    Activity.coordinate: "Coordinate & plan",
    Activity.archive: "Archive review",
    Activity.administer: "Tools, access & data (IT)",
}


class Feature(StrEnum):
    """Features of a vendor management tool."""

    scheduling = "scheduling"
    inbox = "inbox"
    listening = "listening"
    analytics = "analytics"
    approvals = "approvals"
    archiving = "archiving"


class PricingModel(StrEnum):
    per_seat = "per_seat"
    per_channel = "per_channel"
    per_account = "per_account"
    enterprise = "enterprise"
    free = "free"


class Status(StrEnum):
    active = "active"
    retired = "retired"


def posts_phrase(posts: float, weeks_per_month: float = 52 / 12) -> str:
    """A cadence in words: '4 a week', '2.5 a week'; under one a week, whole posts a month
    ('1 a month'); under one a month, '1 every 3 months'."""
    if posts >= 0.95:
        return (f"{posts:.0f}" if abs(posts - round(posts)) < 0.05 else f"{posts:.1f}") + " a week"
    per_month = posts * weeks_per_month
    if per_month >= 0.95:
        return f"{per_month:.0f} a month"
    if per_month <= 0:
        return "none"
    return f"1 every {1 / per_month:.0f} months"


class Action(StrEnum):
    """What to do with a channel against what the company runs today."""

    keep = "keep"
    grow = "grow"
    reduce = "reduce"
    start = "start"
    stop = "stop"
    stay_out = "stay_out"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.keep: "Keep",
    Action.grow: "Grow",
    Action.reduce: "Cut back",
    Action.start: "Start",
    Action.stop: "Wind down",
    Action.stay_out: "Stay out",
}
