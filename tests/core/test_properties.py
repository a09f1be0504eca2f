"""Property-based tests: random plans never break the engine or its invariants."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from advisor.core.engine import build, prepare, recommend
from advisor.core.errors import AdvisorInputError
from advisor.core.loading import catalog_path, load_catalog, read_document
from advisor.core.plan import CompanyProfile, Plan, Scenario
from advisor.core.vocab import AGE_BANDS, Ambition, Format, Goal, Market, Regime, Role

CATALOG = load_catalog()
RAW_CATALOG = read_document(catalog_path())[0]
CHANNELS = [p.id for p in CATALOG.active_platforms]
weights = st.floats(min_value=0, max_value=10, allow_nan=False)

profiles = st.fixed_dictionaries(
    {
        "name": st.text(min_size=1, max_size=30),
        "market": st.sampled_from(list(Market)),
        "regulated": st.sampled_from(list(Regime)),
        "goals": st.fixed_dictionaries({g.value: weights for g in Goal}),
        "audience_age": st.fixed_dictionaries({b: weights for b in AGE_BANDS}),
        "audience_segment": st.fixed_dictionaries({"consumer": weights, "professional": weights}),
        "voice": st.floats(0, 1),
        "content": st.lists(st.sampled_from(list(Format)), max_size=5),
        "people": st.floats(0.1, 20),
        "hours_per_person": st.floats(0, 60),
        "tool_budget": st.floats(0, 20_000),
        "hourly_cost": st.floats(0, 300),
        "max_channels": st.none() | st.integers(1, 8),
        "response_hours": st.floats(0.5, 200),
        "followers": st.floats(0, 1e6),
    }
)
scenarios = st.fixed_dictionaries(
    {
        "name": st.just("S"),
        "force_in": st.lists(st.sampled_from(CHANNELS), max_size=2, unique=True),
        "force_out": st.lists(st.sampled_from(CHANNELS), max_size=3, unique=True),
        "ambition": st.sampled_from(list(Ambition)),
        "tool": st.sampled_from([None, None, "none", "hootsuite", "buffer"]),
    }
)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plan(profile: dict, scenario: dict) -> Plan:
    """Build a plan, turning pydantic errors into our input error as the loaders do."""
    try:
        return Plan(profile=CompanyProfile(**profile), scenarios=[Scenario(**scenario)])
    except ValidationError as exc:
        raise AdvisorInputError.single("plan", "", str(exc)) from None


@FAST
@given(profiles, scenarios)
def test_engine_only_raises_our_validation_error(profile: dict, scenario: dict) -> None:
    try:
        rec = recommend(_plan(profile, scenario), None, CATALOG)
    except AdvisorInputError:
        return
    assert all(0.0 <= c.fit <= 1.0 for c in rec.channels)
    assert all(0.0 <= v <= 1.0 + 1e-12 for v in rec.coverage.values())
    assert 0.0 <= rec.objective <= 1.0 + 1e-12
    assert rec.hours_per_week >= 0 and rec.monthly_cost >= 0
    if rec.feasible:
        # the budget and staff hours hold for every feasible answer
        assert rec.licence_cost <= profile["tool_budget"] + 1e-6
        assert rec.hours_by_role[Role.marketing] <= rec.staff_hours_available + 1e-6
        assert set(scenario["force_in"]) <= set(rec.mix)
    assert not set(scenario["force_out"]) & set(rec.mix)


@FAST
@given(profiles, st.floats(1.0, 4.0))
def test_more_staff_hours_never_lower_the_objective(profile: dict, factor: float) -> None:
    try:
        plan = _plan(profile, {"name": "S"})
    except AdvisorInputError:
        return
    before = build(prepare(plan, None, CATALOG))
    plan.profile.hours_per_person = min(168.0, plan.profile.hours_per_person * factor + 1)
    after = build(prepare(plan, None, CATALOG))
    assert after.objective >= before.objective - 1e-9


@FAST
@given(profiles)
def test_the_mix_never_exceeds_the_tool_budget(profile: dict) -> None:
    try:
        rec = recommend(_plan(profile, {"name": "S"}), None, CATALOG)
    except AdvisorInputError:
        return
    assert rec.feasible  # nothing forced: the empty mix is always feasible
    assert rec.licence_cost <= profile["tool_budget"] + 1e-6


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hours_per_person", 169),
        ("hours_per_person", -1),
        ("people", 0),
        ("voice", 1.5),
        ("tool_budget", -5),
        ("goals", {g.value: 0 for g in Goal}),
        ("goals", {"brand_awareness": -1}),
        ("goals", {"world_domination": 3}),
        ("audience_age", {"12-17": 1}),
        ("content", ["hologram"]),
        ("max_channels", 0),
    ],
)
def test_impossible_profile_values_are_rejected(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        CompanyProfile(name="X", **{field: value})


def _perturbed_catalog(data: dict, draw) -> dict:
    """The shipped knowledge base with random, valid values for one channel's figures."""
    import copy

    out = copy.deepcopy(data)
    active = [p for p in out["platforms"] if p.get("status", "active") == "active"]
    p = active[draw(st.integers(0, len(active) - 1))]
    unit = st.floats(0, 1)
    for goal in p["goal_fit"]:
        p["goal_fit"][goal] = [draw(unit), "est"]
    for band in p["reach_age"]:
        p["reach_age"][band] = [draw(unit), "est"]
    for key in ("formality", "b2b", "b2c", "archivable"):
        p[key] = [draw(unit), "est"]
    for fmt in p["effort_hours"]:
        p["effort_hours"][fmt] = [draw(st.floats(0, 40)), "est"]
    lo = draw(st.floats(0.05, 10))
    mid = lo + draw(st.floats(0, 20))
    p["cadence"] = {
        "min": [lo, "est"],
        "typical": [mid, "est"],
        "max": [mid + draw(st.floats(0, 50)), "est"],
    }
    p["inbound_per_1000"] = [draw(st.floats(0, 500)), "est"]
    return out


@FAST
@given(st.data(), profiles)
def test_any_valid_knowledge_base_gives_a_valid_answer(data, profile: dict) -> None:
    from advisor.core.knowledge import Catalog

    catalog = Catalog.model_validate(_perturbed_catalog(RAW_CATALOG, data.draw))
    try:
        rec = recommend(_plan(profile, {"name": "S"}), None, catalog)
    except AdvisorInputError:
        return
    assert rec.feasible
    assert all(0.0 <= c.fit <= 1.0 for c in rec.channels)
    assert rec.hours_by_role[Role.marketing] <= rec.staff_hours_available + 1e-6
    assert rec.licence_cost <= profile["tool_budget"] + 1e-6
