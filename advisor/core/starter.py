"""A first plan from a few answers (File > New's guided start): the company, whom it sells to,
its goals, its audience's ages, what it can produce, its team and budget.

Everything not asked keeps the plan format's default (docs/plan-format.md); the answers are
turned into weights without inventing figures: ticked goals and age bands weigh the same
(the middle of the form's 0-10 sliders, to be moved later), and whom the company sells to
sets the consumer/professional weights the way the example plans do.
"""

from __future__ import annotations

from collections.abc import Iterable

from .plan import CompanyProfile, Plan, Scenario
from .vocab import AGE_BANDS, Format, Goal, Market, Regime, Segment

__all__ = ["SEGMENT_WEIGHTS", "STARTING_WEIGHT", "starter_plan"]

STARTING_WEIGHT = 5.0
"""Weight of a ticked goal or age band: the middle of the form's 0-10 sliders."""

SEGMENT_WEIGHTS: dict[Market, dict[Segment, float]] = {
    # as the B2B example (b2b_software.yaml) weighs them
    Market.b2b: {Segment.consumer: 1.0, Segment.professional: 9.0},
    # as the consumer examples (fashion_retailer, local_restaurant) weigh them
    Market.b2c: {Segment.consumer: 10.0, Segment.professional: 0.0},
    Market.both: {Segment.consumer: 5.0, Segment.professional: 5.0},
}
"""Consumers against professionals in the audience, by whom the company sells to."""


def starter_plan(
    *,
    name: str,
    industry: str = "",
    market: Market,
    regulated: Regime = Regime.none,
    goals: Iterable[Goal],
    ages: Iterable[str],
    content: Iterable[Format],
    people: float,
    hours_per_person: float,
    tool_budget: float,
    hourly_cost: float,
) -> Plan:
    """A valid plan with one scenario, "Baseline"; raises pydantic's ValidationError for an
    answer the profile does not allow (no goal, no age band, an empty name...)."""
    ticked_goals, ticked_ages = set(goals), set(ages)
    profile = CompanyProfile.model_validate(
        {
            "name": name.strip(),
            "industry": industry.strip(),
            "market": market,
            "regulated": regulated,
            "goals": {g: STARTING_WEIGHT if g in ticked_goals else 0.0 for g in Goal},
            "audience_age": {b: STARTING_WEIGHT if b in ticked_ages else 0.0 for b in AGE_BANDS},
            "audience_segment": SEGMENT_WEIGHTS[Market(market)],
            "content": list(content),
            "people": people,
            "hours_per_person": hours_per_person,
            "tool_budget": tool_budget,
            "hourly_cost": hourly_cost,
        }
    )
    return Plan(profile=profile, scenarios=[Scenario(name="Baseline")])
