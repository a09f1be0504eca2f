"""Value objects the engine returns. They serialise to the documented JSON contract."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .vocab import Action, Activity, Ambition, Goal, Level, Role

__all__ = [
    "AdviceNote",
    "ChannelResult",
    "Contribution",
    "GoalSensitivity",
    "Recommendation",
    "SearchInfo",
    "Sensitivity",
    "ToolChoice",
    "WhyNot",
    "WindDown",
]


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Contribution(_Value):
    """One term of a channel's fit.

    factor: goal | audience | voice | effort (additive terms) or capability | compliance (gates).
    score: the factor's own score, 0..1.  weight: its weight in the fit (gates: None).
    points: what it adds to the fit after gating (gates: the fit lost to the gate).
    """

    factor: str
    score: float
    weight: float | None
    points: float
    why: str = ""


class WhyNot(_Value):
    """What including a channel left out would cost and change: the best mix that contains it.

    mix: channel ids of that mix; levels: their cadence levels; coverage: goal-weighted
    coverage (0..1) beside the recommended mix's; hours_per_week: the marketing team's hours;
    monthly_cost: USD per month (staff of every role plus licence); feasible: False when no mix
    with the channel fits the constraints; optimal: False when its search stopped at the time
    limit (then it is the best mix with the channel found, not proven the best).
    """

    mix: list[str]
    levels: dict[str, Level]
    coverage: float
    hours_per_week: float
    monthly_cost: float
    feasible: bool = True
    optimal: bool = True


class ChannelResult(_Value):
    """How one active channel fares for this company.

    fit: 0..1.  cadence_level: the level the mix runs it at (None when out of the mix).
    posts_per_week: posts a week at that level (typical when out).
    hours_per_week: hours by activity to run it (tool savings applied when in the mix).
    min_hours_per_week: the team's hours at its minimum credible cadence without a tool.
    why: why this cadence (in the mix).  forced: "in", "out" or None.
    excluded_because: why it is out of the mix; why_not: the best mix that includes it.
    action: what to do against today (keep, grow, reduce, start, stop, stay_out; None only
    before the engine sets it).  posts_today / hours_today: today's posts and team hours a
    week on it (None when the company does not run it; hours_today estimated when not given).
    """

    id: str
    name: str
    fit: float
    rank: int
    contributions: list[Contribution]
    in_mix: bool
    forced: str | None = None
    cadence_level: Level | None = None
    posts_per_week: float
    hours_per_week: dict[Activity, float]
    total_hours: float
    min_hours_per_week: float
    goal_value: dict[Goal, float]
    reasons: list[str] = Field(default_factory=list)
    why: str = ""
    excluded_because: str = ""
    why_not: WhyNot | None = None
    action: Action | None = None
    posts_today: float | None = None
    hours_today: float | None = None


class ToolChoice(_Value):
    """The management tool chosen for the mix.

    seats: licensed users; monthly_cost: licence USD per month; hours_saved: staff hours per
    week (every role) the mix needs less with the tool than without it, net of it_hours: the
    IT time a week administering its seats; covered: mix channels the tool manages.
    """

    id: str
    plan: str
    name: str
    seats: int
    monthly_cost: float
    hours_saved: float
    it_hours: float = 0.0
    covered: list[str]
    why: str = ""


class SearchInfo(_Value):
    """How the mix search ended: nodes explored, whether the optimum is proven, and the gap
    (objective points an unexplored branch could still add; 0 when proven)."""

    nodes: int
    optimal: bool
    gap: float

    @property
    def note(self) -> str:
        """What to tell a reader when the mix is not proven the best ('' when it is)."""
        if self.optimal:
            return ""
        return (
            "The search for the best mix stopped at its time limit, so this mix is not proven "
            f"the best: it is within {self.gap * 100:.1f} points of goal coverage of the best "
            "possible."
        )


class AdviceNote(_Value):
    """A piece of advice that applies to this company, in our words, with the seed it rests on."""

    id: str
    title: str
    text: str
    source: str


class WindDown(_Value):
    """Leaving a channel the company runs today, without disappearing.

    weeks: how long the wind-down lasts; hours_per_week: the team's hours a week meanwhile
    (answering what still comes in, watching mentions); one_off_hours: announcing, pointing
    followers elsewhere and, for regulated firms, exporting the archive; total_hours: both
    over the period.  steps: what to do, in order, in plain words.
    """

    id: str
    name: str
    weeks: float
    hours_per_week: float
    one_off_hours: float
    total_hours: float
    steps: list[str]


class Recommendation(_Value):
    """The advisor's answer for one scenario.

    ambition: the cadence preference.  mix: channel ids in the mix, best fit first.
    hours_per_week: staff hours a week the plan needs, every role.  hours_by_activity: the
    same by activity (the job's base included); base_hours_by_activity: the part charged once
    for the job whatever the channels.  hours_by_role / fte_by_role: by who does the work.
    staff_hours_available: the marketing team's hours; spare_hours_per_week: what the mix leaves
    of them.  fte: hours over productive hours per FTE.  staff_cost / licence_cost /
    monthly_cost: USD per month.  setup_hours: one-off hours by item.  coverage: per goal,
    0..1 (diminishing returns).  objective: goal-weighted coverage, 0..1.  value_threshold:
    coverage points per USD 1,000 a month a channel must add.  ideal_mix: the mix if staff
    hours were unlimited.  hours_today: the team's hours a week on today's channels (given,
    or estimated from today's posts and followers; hours_today_estimated names the channels
    estimated).  hours_delta: the mix's channel hours minus hours_today.  wind_down: one entry
    per channel the company runs today and should leave.
    """

    plan_name: str
    scenario: str
    ambition: Ambition
    mix: list[str]
    channels: list[ChannelResult]
    hours_per_week: float
    hours_by_activity: dict[Activity, float]
    base_hours_by_activity: dict[Activity, float]
    hours_by_role: dict[Role, float]
    fte_by_role: dict[Role, float]
    staff_hours_available: float
    spare_hours_per_week: float
    fte: float
    productive_hours_per_fte: float
    staff_cost: float
    licence_cost: float
    monthly_cost: float
    setup_hours: dict[str, float]
    tool: ToolChoice | None
    coverage: dict[Goal, float]
    objective: float
    value_threshold: float
    ideal_mix: list[str]
    warnings: list[str]
    advice: list[AdviceNote]
    search: SearchInfo
    feasible: bool = True
    hours_today: float = 0.0
    hours_delta: float = 0.0
    hours_today_estimated: list[str] = Field(default_factory=list)
    wind_down: list[WindDown] = Field(default_factory=list)

    def channel(self, cid: str) -> ChannelResult:
        for c in self.channels:
            if c.id == cid:
                return c
        raise KeyError(cid)


class GoalSensitivity(_Value):
    """How far one goal's share of the weights can move before the mix changes.

    share: the goal's current normalised weight.  down / up: the smallest decrease / increase
    of that share (absolute, 0..1) that changes the mix, or None if no change within range.
    mix_down / mix_up: the mix after that change.
    """

    goal: Goal
    share: float
    down: float | None
    up: float | None
    mix_down: list[str] = Field(default_factory=list)
    mix_up: list[str] = Field(default_factory=list)


class Sensitivity(_Value):
    """Sensitivity of the mix to the goal weights.

    goals: per goal, the margins.  robustness: share of randomly perturbed weightings under
    which each channel is in the optimal mix.  samples: how many weightings were drawn;
    spread: the relative perturbation of each weight (uniform in +/- spread).
    """

    goals: list[GoalSensitivity]
    robustness: dict[str, float]
    samples: int
    spread: float
    mix_stability: float
