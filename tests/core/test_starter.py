"""The guided start's answers to a plan: valid, the defaults kept, bad answers refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from advisor.core.engine import recommend
from advisor.core.loading import load_catalog
from advisor.core.plan import CompanyProfile
from advisor.core.starter import starter_plan
from advisor.core.vocab import Format, Goal, Market, Segment

ANSWERS = {
    "name": "  Northwind  ",
    "market": Market.b2b,
    "goals": [Goal.lead_generation, Goal.thought_leadership],
    "ages": ["30-49", "50-64"],
    "content": [Format.text],
    "people": 1.5,
    "hours_per_person": 20,
    "tool_budget": 100,
    "hourly_cost": 80,
}


def test_answers_become_a_plan_the_engine_answers():
    plan = starter_plan(**ANSWERS)
    p = plan.profile
    assert p.name == "Northwind"
    assert p.normalised_goals()[Goal.lead_generation] == 0.5
    assert p.audience_age == {"18-29": 0.0, "30-49": 5.0, "50-64": 5.0, "65+": 0.0}
    assert p.audience_segment[Segment.professional] > p.audience_segment[Segment.consumer]
    assert p.staff_hours == 30
    assert p.response_hours == CompanyProfile(name="x").response_hours  # not asked: default
    rec = recommend(plan, "Baseline", load_catalog())
    assert rec.mix and rec.staff_hours_available == 30


@pytest.mark.parametrize(("field", "value"), [("goals", []), ("ages", []), ("name", " ")])
def test_an_answer_the_profile_does_not_allow_is_refused(field, value):
    with pytest.raises(ValidationError):
        starter_plan(**(ANSWERS | {field: value}))
