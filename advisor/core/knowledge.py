"""Pydantic models of the knowledge base (data/platforms.yaml).

Every number in the knowledge base is a :class:`Figure`: a value with the id of the source that
backs it, or the marker ``est`` when no source does. In YAML a figure is written compactly as
``[value, source_id]`` (``[0.93, pew2025]``, ``[3, est]``) or as a mapping
``{v: 0.93, src: pew2025, note: "..."}``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .vocab import AGE_BANDS, Activity, Feature, Format, Goal, PricingModel, Segment, Status

__all__ = [
    "ESTIMATE",
    "Assumptions",
    "Cadence",
    "Catalog",
    "Figure",
    "Platform",
    "Source",
    "ToolPlan",
    "VendorTool",
    "iter_figures",
]

ESTIMATE = "est"
# The shipped knowledge base has 17 channels and 12 tools; a knowledge base ten times larger
# than any real one is refused before the mix search has to weigh it.
MAX_ITEMS = 200


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(_Strict):
    """A number with its provenance.

    v: the value (unit given by the field holding it).
    src: id of an entry in ``Catalog.sources``, or ``"est"`` for an estimate no source backs.
    note: optional remark (what exactly the source says, how the value was derived).
    """

    v: float = Field(allow_inf_nan=False)
    src: str = ESTIMATE
    note: str = ""

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, data: Any) -> Any:
        if isinstance(data, list | tuple):
            if len(data) not in (2, 3):
                raise ValueError("a figure is [value, source_id] or [value, source_id, note]")
            keys = ("v", "src", "note")
            return dict(zip(keys, data, strict=False))
        if isinstance(data, int | float) and not isinstance(data, bool):
            raise ValueError(
                "a bare number has no source: write [value, source_id] or [value, est]"
            )
        return data

    @property
    def estimate(self) -> bool:
        return self.src == ESTIMATE

    def __float__(self) -> float:
        return float(self.v)


class Source(_Strict):
    """A public source or seed article that backs figures.

    title: what it is; date: when it was published or read (ISO date or year-month);
    url: where to find it (optional); seed: True for one of the seed articles;
    publisher: the organisation (or blog) that published the page or report, when the source
    itself makes it clear (optional: None when it does not, never guessed from the title).
    """

    title: str
    date: str = ""
    url: str = ""
    seed: bool = False
    publisher: str | None = Field(None, min_length=1, max_length=200)

    @field_validator("publisher")
    @classmethod
    def _publisher(cls, v: str | None) -> str | None:
        # A blank name would print as an empty cell where the report says "not given".
        if v is not None and not v.strip():
            raise ValueError("publisher must name the publisher, or be left out")
        return v.strip() if v is not None else None


class Cadence(_Strict):
    """Posting cadence in posts per week. Below ``min`` a channel is not worth running."""

    min: Figure
    typical: Figure
    max: Figure

    @model_validator(mode="after")
    def _ordered(self) -> Cadence:
        if not (0 < self.min.v <= self.typical.v <= self.max.v):
            raise ValueError("cadence needs 0 < min <= typical <= max (posts per week)")
        return self


def _check_unit(values: dict[Any, Figure], what: str) -> None:
    for key, fig in values.items():
        if not 0.0 <= fig.v <= 1.0:
            raise ValueError(f"{what} '{key}' must be between 0 and 1, got {fig.v}")


def _check_range(value: float, lo: float, hi: float, what: str, unit: str = "") -> None:
    if not lo <= value <= hi:
        raise ValueError(f"{what} must be between {lo:,g} and {hi:,g}{unit}, got {value:g}")


def _check_platform_ranges(p: Platform) -> None:
    """Bounds on the figures that multiply hours or people, so no answer can overflow."""
    for fmt, fig in p.effort_hours.items():
        _check_range(fig.v, 0.0, 1000.0, f"effort_hours '{fmt.value}'", " hours per post")
    if p.cadence is not None:
        _check_range(p.cadence.max.v, 0.0, 1000.0, "cadence max", " posts per week")
    _check_range(p.inbound_per_1000.v, 0.0, 1e6, "inbound_per_1000", " a month")
    _check_range(p.engage_minutes_per_post.v, 0.0, 10_000.0, "engage_minutes_per_post")
    if p.users is not None:
        _check_range(p.users.v, 0.0, 1e11, "users")


class Platform(_Strict):
    """One social channel.

    formality: 0 = polished/formal, 1 = raw/casual.
    formats: share of the channel's posts in each format (0..1, summing to about 1).
    effort_hours: hours to create one post in each format, before tailoring.
    reach_age: share of each adult age band that uses the channel (0..1).
    reach_segment: share of all adults (consumer) and of college graduates (professional) who
    use it (0..1; Pew measures use by education, which stands for professionals).
    b2b, b2c: strength for business-to-business and business-to-consumer marketing (0..1).
    inbound_per_1000: inbound messages and comments per 1,000 followers per month.
    engage_minutes_per_post: minutes spent validating followers per post (likes, replies).
    goal_fit: how well the channel serves each goal (0..1).
    archivable: how easily posts can be captured for compliance archiving (0..1).
    ephemeral: content disappears (stories, snaps), which regulated firms must plan for.
    """

    id: str
    name: str
    status: Status = Status.active
    shutdown: str = ""
    lesson: str = ""
    personality: str
    message_style: str
    formality: Figure
    formats: dict[Format, Figure]
    effort_hours: dict[Format, Figure]
    reach_age: dict[str, Figure]
    reach_segment: dict[Segment, Figure]
    b2b: Figure
    b2c: Figure
    users: Figure | None = None
    cadence: Cadence | None = None
    inbound_per_1000: Figure
    engage_minutes_per_post: Figure
    goal_fit: dict[Goal, Figure]
    archivable: Figure
    ephemeral: bool = False
    managed_by_tools: bool = True

    @field_validator("reach_age")
    @classmethod
    def _bands(cls, v: dict[str, Figure]) -> dict[str, Figure]:
        missing = [b for b in AGE_BANDS if b not in v]
        extra = [b for b in v if b not in AGE_BANDS]
        if missing or extra:
            raise ValueError(f"reach_age needs exactly the bands {list(AGE_BANDS)}")
        _check_unit(v, "reach_age")
        return v

    @model_validator(mode="after")
    def _complete(self) -> Platform:
        if set(self.goal_fit) != set(Goal):
            missing = sorted(set(Goal) - set(self.goal_fit))
            raise ValueError(f"goal_fit is missing goals: {missing}")
        if set(self.reach_segment) != set(Segment):
            raise ValueError("reach_segment needs both 'consumer' and 'professional'")
        if not self.formats:
            raise ValueError("formats must name at least one format")
        if missing_effort := sorted(set(self.formats) - set(self.effort_hours)):
            raise ValueError(
                f"effort_hours is missing formats the channel runs on: {missing_effort}"
            )
        for name in ("goal_fit", "reach_segment", "formats"):
            _check_unit(getattr(self, name), name)
        for name in ("formality", "b2b", "b2c", "archivable"):
            if not 0.0 <= getattr(self, name).v <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
        if self.status is Status.active and self.cadence is None:
            raise ValueError("an active channel needs a cadence")
        _check_platform_ranges(self)
        return self

    @property
    def active(self) -> bool:
        return self.status is Status.active


class ToolPlan(_Strict):
    """One priced plan (tier) of a vendor tool.

    price: list price in USD per month per unit of the pricing model (seat, channel, account),
    or per month for the whole organisation when the model is ``enterprise``.
    max_channels: how many channels (profiles) the plan manages at most (None = unlimited).
    """

    id: str
    name: str
    price: Figure
    features: list[Feature] = Field(max_length=50)
    max_channels: int | None = Field(None, ge=1, le=1_000_000)
    max_seats: int | None = Field(None, ge=1, le=1_000_000)

    @model_validator(mode="after")
    def _price(self) -> ToolPlan:
        _check_range(self.price.v, 0.0, 10_000_000.0, "price", " USD a month")
        return self


class VendorTool(_Strict):
    """A social media management suite (Hootsuite and its peers).

    networks: ids of the channels it can publish to and monitor.
    savings: share of the time each activity takes that the tool saves (0..1), on covered channels.
    status: active, or retired for historic products kept as lessons (never recommended).
    """

    id: str
    name: str
    status: Status = Status.active
    vendor: str = ""
    fate: str = ""
    successor: str = ""
    pricing: PricingModel = PricingModel.per_seat
    price_date: str = ""
    networks: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)
    plans: list[ToolPlan] = Field(default_factory=list, max_length=50)
    savings: dict[Activity, Figure] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _check(self) -> VendorTool:
        _check_unit(self.savings, "savings")
        if self.status is Status.active and not self.plans:
            raise ValueError("an active tool needs at least one plan")
        return self

    @property
    def active(self) -> bool:
        return self.status is Status.active


class Assumptions(_Strict):
    """Engine-wide figures (hours, weights, factors), each with its source or estimate flag.

    Hours are per week unless named otherwise.

    productive_hours_per_fte: productive hours per week of one full-time employee.
    tailor_share: extra share of creation time to tailor a post to each channel of a mix of two
    or more channels (a single channel has nothing to tailor from).
    publish_minutes_per_post, approve_minutes_per_post (regulated firms: compliance pre-approval),
    archive_minutes_per_post (regulated firms: compliance review of the archive),
    minutes_per_inbound: handling one inbound message or comment that gets an answer.
    answer_share: default share of inbound messages that get an answer (a profile can set it).
    listen_base_hours / report_base_hours / coordinate_base_hours: hours for the whole job,
    charged once when any channel runs; *_hours_per_channel: the increment per channel.
    coordinate_share: share of the channel hours spent on coordination on top of the base.
    it_base_hours: IT/CIO hours for access, security, integrations and social data;
    it_hours_per_seat: tool administration per licensed user; it_archive_hours: running the
    archive for regulated firms.
    setup_*: one-off hours (tool onboarding, archive set-up, policy and training).
    response_factor: multiplier on engagement hours by response-time expectation (hours).
    cadence_value: what a channel brings at a cadence, as a multiplier of its value at the
    typical cadence, by posts-per-week ratio to typical (interpolated on the log ratio).
    min_gain_per_1000_usd: goal-coverage points a channel (or a higher cadence) must add per
    USD 1,000 a month of staff time and licence it costs, or it is left out.
    fit_weights: weights of the fit contributions (goal, audience, voice, effort).
    action_keep_band: how far (as a share) the recommended posts a week may sit from today's
    and still be "keep".  wind_down_weeks / wind_down_announce_hours / wind_down_archive_hours:
    leaving a channel today's presence runs: how long, the one-off notices, the archive export.
    """

    productive_hours_per_fte: Figure
    weeks_per_month: Figure
    tailor_share: Figure
    publish_minutes_per_post: Figure
    approve_minutes_per_post: Figure
    archive_minutes_per_post: Figure
    minutes_per_inbound: Figure
    answer_share: Figure
    listen_base_hours: Figure
    listen_hours_per_channel: Figure
    report_base_hours: Figure
    report_hours_per_channel: Figure
    coordinate_base_hours: Figure
    coordinate_share: Figure
    it_base_hours: Figure
    it_hours_per_seat: Figure
    it_archive_hours: Figure
    setup_tool_hours: Figure
    setup_tool_hours_per_seat: Figure
    setup_archive_hours: Figure
    setup_policy_hours: Figure
    setup_training_hours_per_person: Figure
    response_factor: dict[str, Figure]
    cadence_value: dict[str, Figure]
    min_gain_per_1000_usd: Figure
    fit_weights: dict[str, Figure]
    effort_reference_hours: Figure
    action_keep_band: Figure
    wind_down_weeks: Figure
    wind_down_announce_hours: Figure
    wind_down_archive_hours: Figure

    @model_validator(mode="after")
    def _ranges(self) -> Assumptions:
        if not 1.0 <= self.productive_hours_per_fte.v <= 168.0:
            raise ValueError("productive_hours_per_fte must be between 1 and 168 hours a week")
        if not 4.0 <= self.weeks_per_month.v <= 4.5:
            raise ValueError("weeks_per_month must be between 4 and 4.5")
        if not self.effort_reference_hours.v > 0:  # it divides the effort score
            raise ValueError("effort_reference_hours must be above 0 hours a week")
        for name in ("tailor_share", "coordinate_share", "answer_share"):
            if not 0.0 <= getattr(self, name).v <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, Figure) and not 0.0 <= value.v <= 10_000:
                raise ValueError(f"{name} must be between 0 and 10,000")
        for what, table in (
            ("response_factor", self.response_factor),
            ("cadence_value", self.cadence_value),
        ):
            if any(not 0.0 <= f.v <= 10.0 for f in table.values()):
                raise ValueError(f"{what} values must be between 0 and 10")
        return self

    @field_validator("fit_weights")
    @classmethod
    def _fit_keys(cls, v: dict[str, Figure]) -> dict[str, Figure]:
        needed = {"goal", "audience", "voice", "effort"}
        if set(v) != needed:
            raise ValueError(f"fit_weights needs exactly {sorted(needed)}")
        if any(f.v < 0 for f in v.values()) or not any(f.v > 0 for f in v.values()):
            raise ValueError("fit_weights must be >= 0 with at least one above 0")
        return v

    @field_validator("response_factor", "cadence_value")
    @classmethod
    def _numeric_keys(cls, v: dict[str, Figure]) -> dict[str, Figure]:
        try:
            keys = [float(k) for k in v]
        except ValueError:
            raise ValueError(
                "keys are numbers (response hours, or posts relative to typical)"
            ) from None
        if not v:
            raise ValueError("needs at least one entry")
        if any(not (0.0 < k < 1e6) for k in keys):
            raise ValueError("keys must be positive numbers")
        return v


class Catalog(_Strict):
    """The whole knowledge base: sources, channels, tools and engine assumptions."""

    schema_version: int = 1
    sources: dict[str, Source]
    assumptions: Assumptions
    platforms: list[Platform] = Field(max_length=MAX_ITEMS)
    tools: list[VendorTool] = Field(max_length=MAX_ITEMS)

    @model_validator(mode="after")
    def _references(self) -> Catalog:
        ids = [p.id for p in self.platforms]
        if len(ids) != len(set(ids)):
            raise ValueError("platform ids must be unique")
        tool_ids = [t.id for t in self.tools]
        if len(tool_ids) != len(set(tool_ids)):
            raise ValueError("tool ids must be unique")
        for tool in self.tools:
            unknown = sorted(set(tool.networks) - set(ids))
            if unknown:
                raise ValueError(f"tool '{tool.id}' names unknown networks {unknown}")
        return self

    def platform(self, pid: str) -> Platform:
        for p in self.platforms:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def tool(self, tid: str) -> VendorTool:
        for t in self.tools:
            if t.id == tid:
                return t
        raise KeyError(tid)

    @property
    def active_platforms(self) -> list[Platform]:
        return [p for p in self.platforms if p.active]


def iter_figures(obj: object, path: tuple[str | int, ...] = ()):
    """Yield (path, Figure) for every figure inside a knowledge-base model, depth first."""
    if isinstance(obj, Figure):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from iter_figures(getattr(obj, name), (*path, name))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from iter_figures(v, (*path, str(k)))
    elif isinstance(obj, list | tuple):
        for i, v in enumerate(obj):
            yield from iter_figures(v, (*path, i))
