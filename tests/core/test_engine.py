"""End-to-end engine behaviour on the shipped knowledge base and example plans."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from advisor.core.engine import prepare, recommend, recommend_all
from advisor.core.errors import AdvisorInputError
from advisor.core.loading import load_catalog, load_plan
from advisor.core.mix import objective
from advisor.core.plan import CompanyProfile, Plan, Scenario
from advisor.core.sensitivity import sensitivity
from advisor.core.vocab import Activity, Format, Goal, Regime

EXAMPLES = sorted((Path(__file__).parents[2] / "resources" / "examples").glob("*.yaml"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _plan(**profile) -> Plan:
    base = {"name": "Test Co", "people": 2, "hours_per_person": 20, "tool_budget": 500}
    return Plan(profile=CompanyProfile(**(base | profile)), scenarios=[Scenario(name="Base")])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_recommends_within_its_limits(path: Path, catalog) -> None:
    plan = load_plan(path)
    for rec in recommend_all(plan, catalog, file=str(path)):
        assert rec.feasible
        prof = next(s for s in plan.scenarios if s.name == rec.scenario).apply(plan.profile)
        assert rec.hours_per_week <= prof.staff_hours + 1e-6
        assert rec.licence_cost <= prof.tool_budget + 1e-6
        if prof.max_channels:
            assert len(rec.mix) <= prof.max_channels
        in_mix = [c.id for c in rec.channels if c.in_mix]
        assert sorted(in_mix) == sorted(rec.mix)
        total = sum(c.total_hours for c in rec.channels if c.in_mix)
        assert rec.hours_per_week == pytest.approx(total)
        assert rec.hours_per_week == pytest.approx(sum(rec.hours_by_activity.values()))
        assert rec.fte == pytest.approx(rec.hours_per_week / rec.productive_hours_per_fte)
        assert rec.monthly_cost == pytest.approx(rec.staff_cost + rec.licence_cost)
        assert all(0.0 <= v <= 1.0 for v in rec.coverage.values())
        assert all(0.0 <= c.fit <= 1.0 for c in rec.channels)


def test_fit_contributions_add_up_to_the_fit(catalog) -> None:
    rec = recommend(_plan(), None, catalog)
    for c in rec.channels:
        additive = sum(x.points for x in c.contributions if x.weight is not None)
        assert additive == pytest.approx(c.fit)


def test_channel_without_capability_cannot_rank_high(catalog) -> None:
    # a company that can only write text cannot serve video-only channels
    rec = recommend(_plan(content=[Format.text]), None, catalog)
    youtube = rec.channel("youtube")
    assert youtube.fit < 0.1
    assert not youtube.in_mix
    assert youtube.rank > len(rec.channels) // 2


def test_ephemeral_channel_is_out_for_regulated_firms(catalog) -> None:
    rec = recommend(_plan(regulated=Regime.financial), None, catalog)
    snap = rec.channel("snapchat")
    assert snap.fit == 0.0
    assert "snapchat" not in rec.mix
    assert rec.hours_by_activity[Activity.approve] > 0 or not rec.mix


def test_regulated_tool_must_approve_and_archive(catalog) -> None:
    rec = recommend(_plan(regulated=Regime.financial, tool_budget=100_000), None, catalog)
    if rec.tool is not None:
        plan = next(p for p in catalog.tool(rec.tool.id).plans if p.id == rec.tool.plan)
        assert {"approvals", "archiving"} <= {f.value for f in plan.features}


def test_forced_channels_are_in_and_forbidden_out(catalog) -> None:
    plan = _plan()
    plan.scenarios = [Scenario(name="S", force_in=["reddit"], force_out=["linkedin", "facebook"])]
    rec = recommend(plan, "S", catalog)
    assert "reddit" in rec.mix
    assert "linkedin" not in {c.id for c in rec.channels}
    assert rec.channel("reddit").forced == "in"


def test_unsustainable_channels_are_named_with_hours(catalog) -> None:
    rec = recommend(_plan(people=1, hours_per_person=8), None, catalog)
    assert rec.hours_per_week <= 8 + 1e-6
    assert set(rec.ideal_mix) > set(rec.mix)
    assert any("cannot sustain" in w and "h/week" in w for w in rec.warnings)


def test_infeasible_forced_set_is_reported(catalog) -> None:
    plan = _plan(people=1, hours_per_person=1)
    plan.scenarios = [Scenario(name="S", force_in=["youtube", "x"])]
    rec = recommend(plan, "S", catalog)
    assert not rec.feasible
    assert rec.mix == sorted(rec.mix, key=lambda c: rec.channel(c).rank)
    assert set(rec.mix) == {"youtube", "x"}
    assert any("No mix fits" in w for w in rec.warnings)


def test_fixed_tool_and_no_tool(catalog) -> None:
    plan = _plan(tool_budget=10_000)
    plan.scenarios = [Scenario(name="none", tool="none"), Scenario(name="hs", tool="hootsuite")]
    assert recommend(plan, "none", catalog).tool is None
    hs = recommend(plan, "hs", catalog)
    assert hs.tool is None or hs.tool.id == "hootsuite"


def test_tool_saves_hours_it_reports(catalog) -> None:
    plan = _plan(tool_budget=5_000, people=4)
    plan.scenarios = [Scenario(name="auto"), Scenario(name="none", tool="none")]
    auto = recommend(plan, "auto", catalog)
    if auto.tool is None:
        pytest.skip("no tool chosen for this profile")
    assert auto.tool.hours_saved > 0
    assert auto.tool.monthly_cost == pytest.approx(auto.licence_cost)


def test_objective_matches_coverage(catalog) -> None:
    prof = _plan().profile
    rec = recommend(_plan(), None, catalog)
    weights = prof.normalised_goals()
    assert rec.objective == pytest.approx(sum(weights[g] * rec.coverage[g] for g in Goal))
    values = [[rec.channel(c).goal_value[g] for g in Goal] for c in rec.mix]
    assert objective(values, [weights[g] for g in Goal], range(len(values))) == pytest.approx(
        rec.objective
    )


def test_ambition_changes_cadence_and_hours(catalog) -> None:
    plan = _plan(people=10)
    plan.scenarios = [
        Scenario(name="min", ambition="minimum"),
        Scenario(name="amb", ambition="ambitious"),
    ]
    low, high = recommend(plan, "min", catalog), recommend(plan, "amb", catalog)
    assert low.channel("linkedin").posts_per_week < high.channel("linkedin").posts_per_week
    assert low.channel("linkedin").total_hours < high.channel("linkedin").total_hours


def test_unknown_ids_and_scenarios_are_input_errors(catalog) -> None:
    plan = _plan()
    with pytest.raises(AdvisorInputError, match="no such scenario"):
        recommend(plan, "Nope", catalog)
    plan.scenarios = [Scenario(name="S", force_in=["myspace"])]
    with pytest.raises(AdvisorInputError, match="unknown channel") as exc:
        recommend(plan, "S", catalog)
    assert exc.value.problems[0].field == "scenarios[0].force_in"
    plan.scenarios = [Scenario(name="S", force_in=["vine"])]
    with pytest.raises(AdvisorInputError, match="retired"):
        recommend(plan, "S", catalog)
    plan.scenarios = [Scenario(name="S", tool="buddy_media")]
    with pytest.raises(AdvisorInputError, match="unknown or retired tool"):
        recommend(plan, "S", catalog)
    plan.scenarios = [Scenario(name="S", changes={"hours_per_person": 500})]
    with pytest.raises(AdvisorInputError, match="168") as exc:
        recommend(plan, "S", catalog)
    assert exc.value.problems[0].field == "scenarios[0].changes.hours_per_person"


def test_sensitivity_margins_really_flip_the_mix(catalog) -> None:
    from advisor.core.engine import build, weights_of
    from advisor.core.mix import solve
    from advisor.core.sensitivity import _shifted

    prep = prepare(load_plan(EXAMPLES[0]), None, catalog)
    base = tuple(sorted(solve(prep.problem, weights_of(prep.profile)).members))
    sens = sensitivity(prep, samples=40)
    weights = weights_of(prep.profile)
    flips = 0
    for g, s in enumerate(sens.goals):
        for delta, sign in ((s.down, -1), (s.up, 1)):
            if delta is None:
                continue
            flips += 1
            moved = tuple(
                sorted(solve(prep.problem, _shifted(weights, g, s.share + sign * delta)).members)
            )
            assert moved != base
    assert flips > 0
    assert 0.0 <= sens.mix_stability <= 1.0
    assert all(0.0 <= v <= 1.0 for v in sens.robustness.values())
    mix = build(prep).mix
    assert all(c in sens.robustness for c in mix)
    assert not math.isnan(sens.mix_stability)


def test_a_fixed_tool_explains_what_it_cannot_do(catalog) -> None:
    plan = _plan(regulated=Regime.financial, tool_budget=10_000)
    plan.scenarios = [Scenario(name="S", tool="buffer")]
    rec = recommend(plan, "S", catalog)
    assert rec.tool is None or rec.tool.id == "buffer"
    if rec.tool is not None:
        assert any("lacks" in w and "archiving" in w for w in rec.warnings)
    buffer = catalog.tool("buffer")
    unmanaged = [c for c in rec.channels if c.id not in buffer.networks and c.id != "blog"]
    assert unmanaged and all(not c.in_mix for c in unmanaged)
    assert all("cannot manage it" in c.excluded_because for c in unmanaged if c.fit > 0)
