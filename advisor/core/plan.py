"""Pydantic models of a planning session: the company profile, scenarios and the plan file."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .vocab import AGE_BANDS, Ambition, Format, Goal, Level, Market, Regime, Segment

__all__ = ["PLAN_SCHEMA_VERSION", "CompanyProfile", "Plan", "Presence", "Scenario"]

PLAN_SCHEMA_VERSION = 1
# Counts a hostile plan could blow up: `compare` computes every scenario (about 10 ms each), and
# a plan names at most every channel of a knowledge base (at most 200, knowledge.MAX_ITEMS).
MAX_SCENARIOS = 100
MAX_CHANNELS = 200


def _default_goals() -> dict[Goal, float]:
    return {g: 0.0 for g in Goal} | {Goal.brand_awareness: 1.0}


def _default_age() -> dict[str, float]:
    return dict.fromkeys(AGE_BANDS, 1.0)


# Weights are relative (1 and 3 mean a quarter and three quarters). Bounded on both sides so
# that their sum cannot overflow to infinity (which made every share 0) and no share is a
# subnormal number: the engine's sums and divisions stay exact enough and finite.
MIN_WEIGHT, MAX_WEIGHT = 1e-6, 1e6


def _check_weights(v: dict, what: str) -> None:
    """Refuse a weight that is negative, not finite, too small (but not 0) or too large."""
    for key, w in v.items():
        if not (w == 0 or MIN_WEIGHT <= w <= MAX_WEIGHT):
            name = getattr(key, "value", key)
            raise ValueError(
                f"{what} weight of '{name}' must be 0 or between {MIN_WEIGHT:g} and "
                f"{MAX_WEIGHT:,.0f} (weights are relative), got {w:g}"
            )


class Presence(BaseModel):
    """A channel the company runs today.

    followers: its following on that channel.  posts_per_week: how often it posts there now.
    inbound_per_month: messages and comments it receives a month (optional: estimated from the
    followers when absent).  hours_per_week: the hours the team spends on it today (optional).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    followers: float = Field(ge=0.0, le=1e10, allow_inf_nan=False)
    posts_per_week: float | None = Field(None, ge=0.0, le=1000.0, allow_inf_nan=False)
    inbound_per_month: float | None = Field(None, ge=0.0, le=1e9, allow_inf_nan=False)
    hours_per_week: float | None = Field(None, ge=0.0, le=168.0 * 1000, allow_inf_nan=False)


class CompanyProfile(BaseModel):
    """The company as a planning session describes it.

    goals: weight of each goal (>= 0, not all zero; shown normalised).
    audience_age: weight of each adult age band the company must reach (>= 0).
    audience_segment: weight of consumers vs professionals (>= 0).
    voice: brand voice, 0 = polished/formal .. 1 = raw/casual.
    content: the formats the company can produce.
    people: how many people work on social media; hours_per_person: hours each gives per week.
    tool_budget: USD per month for management-tool licences.
    hourly_cost: fully loaded USD per staff hour.
    max_channels: most channels the team wants to run (None = no limit).
    response_hours: how fast followers expect an answer, in hours.
    followers: expected followers on a channel the company does not list in ``presence``.
    presence: channels the company runs today, by channel id: their own followers (which drive
    each channel's engagement hours) and optionally posts, inbound messages and hours today.
    answer_share: share of inbound messages the team answers (None = the catalog's sourced
    default).  value_threshold: goal-coverage points a channel or a higher cadence must add
    per USD 1,000 a month it costs (None = the catalog's default).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    name: str = Field(min_length=1, max_length=200)
    industry: str = ""
    market: Market = Market.both
    regulated: Regime = Regime.none
    audience_age: dict[str, float] = Field(default_factory=_default_age)
    audience_segment: dict[Segment, float] = Field(
        default_factory=lambda: {Segment.consumer: 1.0, Segment.professional: 0.0}
    )
    voice: float = Field(0.5, ge=0.0, le=1.0)
    content: list[Format] = Field(default_factory=lambda: [Format.text, Format.image])
    goals: dict[Goal, float] = Field(default_factory=_default_goals)
    people: float = Field(1.0, gt=0.0, le=10_000)
    hours_per_person: float = Field(10.0, ge=0.0, le=168.0)
    tool_budget: float = Field(0.0, ge=0.0, le=10_000_000)
    hourly_cost: float = Field(50.0, ge=0.0, le=10_000)
    max_channels: int | None = Field(None, ge=1, le=100)
    response_hours: float = Field(24.0, gt=0.0, le=24 * 30)
    followers: float = Field(5_000, ge=0.0, le=1e10)
    presence: dict[str, Presence] = Field(default_factory=dict, max_length=MAX_CHANNELS)
    answer_share: float | None = Field(None, ge=0.0, le=1.0)
    value_threshold: float | None = Field(None, ge=0.0, le=1000.0)
    prepared_by: str = Field("", max_length=200)
    notes: str = Field("", max_length=20_000)

    @field_validator("goals")
    @classmethod
    def _goals(cls, v: dict[Goal, float]) -> dict[Goal, float]:
        _check_weights(v, "goal")
        if not any(w > 0 for w in v.values()):
            raise ValueError("at least one goal weight must be above 0")
        return {g: float(v.get(g, 0.0)) for g in Goal}

    @field_validator("audience_age")
    @classmethod
    def _age(cls, v: dict[str, float]) -> dict[str, float]:
        unknown = [k for k in v if k not in AGE_BANDS]
        if unknown:
            raise ValueError(f"unknown age band {unknown}; allowed: {list(AGE_BANDS)}")
        _check_weights(v, "age band")
        if not any(w > 0 for w in v.values()):
            raise ValueError("at least one age band weight must be above 0")
        return {b: float(v.get(b, 0.0)) for b in AGE_BANDS}

    @field_validator("audience_segment")
    @classmethod
    def _segment(cls, v: dict[Segment, float]) -> dict[Segment, float]:
        _check_weights(v, "audience segment")
        if not any(w > 0 for w in v.values()):
            raise ValueError("at least one of consumer/professional must be above 0")
        return {s: float(v.get(s, 0.0)) for s in Segment}

    @field_validator("content")
    @classmethod
    def _content(cls, v: list[Format]) -> list[Format]:
        return sorted(set(v), key=list(Format).index)

    @property
    def staff_hours(self) -> float:
        """Staff hours per week available for social media."""
        return self.people * self.hours_per_person

    def followers_on(self, channel: str) -> float:
        """The company's following on a channel: its own figure, else the default."""
        here = self.presence.get(channel)
        return here.followers if here is not None else self.followers

    def normalised_goals(self) -> dict[Goal, float]:
        total = sum(self.goals.values())
        return {g: w / total for g, w in self.goals.items()}

    def goal_weights(self) -> list[float]:
        """The normalised goal weights in the order of the Goal vocabulary."""
        goals = self.normalised_goals()
        return [goals[g] for g in Goal]


class Scenario(BaseModel):
    """A named what-if over the plan's profile.

    changes: profile fields this scenario overrides (mappings such as goals merge key by key).
    force_in / force_out: channel ids that must / must not be in the mix.
    tool: fix the tool ("<tool id>" or "<tool id>/<plan id>"), "none" for no tool, None to choose.
    forbid_tools: tool ids the advisor must not choose.
    ambition: the cadence preference: ``auto`` lets the advisor choose each channel's level;
    ``minimum``, ``typical`` or ``ambitious`` fix every channel's; ``typical_or_more`` is a floor.
    cadence: a fixed cadence level (``min``, ``typical``, ``high``) for named channels.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: str = Field(min_length=1, max_length=100)
    description: str = ""
    changes: dict[str, Any] = Field(default_factory=dict)
    force_in: list[str] = Field(default_factory=list, max_length=MAX_CHANNELS)
    force_out: list[str] = Field(default_factory=list, max_length=MAX_CHANNELS)
    tool: str | None = Field(None, max_length=200)
    forbid_tools: list[str] = Field(default_factory=list, max_length=MAX_CHANNELS)
    ambition: Ambition = Ambition.auto
    cadence: dict[str, Level] = Field(default_factory=dict, max_length=MAX_CHANNELS)

    @field_validator("tool")
    @classmethod
    def _tool_form(cls, v: str | None) -> str | None:
        tool, slash, plan = (v or "x").partition("/")
        if not tool.strip() or (slash and not plan.strip()) or "/" in plan:
            raise ValueError(
                "write a tool id ('hootsuite'), a tool id and one of its plans "
                "('hootsuite/standard'), or 'none'"
            )
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        both = sorted(set(self.force_in) & set(self.force_out))
        if both:
            raise ValueError(f"channels {both} are both forced in and forced out")
        unknown = sorted(set(self.changes) - set(CompanyProfile.model_fields))
        if unknown:
            raise ValueError(
                f"changes names unknown profile fields {unknown}; "
                f"allowed: {sorted(CompanyProfile.model_fields)}"
            )
        return self

    def apply(self, profile: CompanyProfile) -> CompanyProfile:
        """The profile with this scenario's changes merged in (validated)."""
        data = profile.model_dump(mode="json")
        for key, value in self.changes.items():
            if isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = data[key] | value
            else:
                data[key] = value
        return CompanyProfile.model_validate(data)


class Plan(BaseModel):
    """A plan file: the company profile and one or more named scenarios."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: int = PLAN_SCHEMA_VERSION
    profile: CompanyProfile
    scenarios: list[Scenario] = Field(min_length=1, max_length=MAX_SCENARIOS)

    @field_validator("schema_version")
    @classmethod
    def _version(cls, v: int) -> int:
        if v != PLAN_SCHEMA_VERSION:
            raise ValueError(
                f"unsupported schema_version {v}; this version reads {PLAN_SCHEMA_VERSION}"
            )
        return v

    @field_validator("scenarios")
    @classmethod
    def _unique(cls, v: list[Scenario]) -> list[Scenario]:
        names = [s.name for s in v]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"scenario names must be unique; repeated: {dupes}")
        return v

    def scenario(self, name: str | None) -> Scenario:
        """The named scenario, or the first one when name is None."""
        if name is None:
            return self.scenarios[0]
        for s in self.scenarios:
            if s.name == name:
                return s
        raise KeyError(name)
