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
from advisor.core.vocab import Activity, Format, Goal, Level, Regime, Role

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
        team = rec.hours_by_role[Role.marketing]
        assert team <= prof.staff_hours + 1e-6
        assert rec.spare_hours_per_week == pytest.approx(prof.staff_hours - team)
        assert rec.licence_cost <= prof.tool_budget + 1e-6
        if prof.max_channels:
            assert len(rec.mix) <= prof.max_channels
        in_mix = [c.id for c in rec.channels if c.in_mix]
        assert sorted(in_mix) == sorted(rec.mix)
        assert all(c.cadence_level is not None and c.why for c in rec.channels if c.in_mix)
        assert all(c.cadence_level is None for c in rec.channels if not c.in_mix)
        total = sum(c.total_hours for c in rec.channels if c.in_mix)
        base = sum(rec.base_hours_by_activity.values())
        assert rec.hours_per_week == pytest.approx(total + base)
        assert rec.hours_per_week == pytest.approx(sum(rec.hours_by_activity.values()))
        assert rec.hours_per_week == pytest.approx(sum(rec.hours_by_role.values()))
        assert rec.search.optimal
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
    assert rec.hours_by_role[Role.marketing] <= 8 + 1e-6
    assert set(rec.ideal_mix) > set(rec.mix)
    assert any("cannot sustain" in w and "h/week" in w for w in rec.warnings)


def test_a_small_team_gets_a_channel_at_a_lower_cadence_not_an_empty_mix(catalog) -> None:
    """Too few hours for any channel at its typical cadence: the mix runs one at its minimum."""
    plan = _plan(people=1, hours_per_person=4, tool_budget=0)
    plan.scenarios = [Scenario(name="auto"), Scenario(name="typical", ambition="typical")]
    typical = recommend(plan, "typical", catalog)
    auto = recommend(plan, "auto", catalog)
    assert not typical.mix  # the old behaviour: one cadence for all, nothing fits
    assert auto.mix
    assert any(auto.channel(c).cadence_level is Level.min for c in auto.mix)


def test_spare_hours_stay_spare(catalog) -> None:
    """A team with far more hours than the mix is worth leaves them free."""
    rec = recommend(_plan(people=10, hours_per_person=40), None, catalog)
    assert rec.spare_hours_per_week > 100
    assert len(rec.mix) < len(rec.channels)
    out = [c for c in rec.channels if not c.in_mix and c.fit > 0]
    assert any("not worth" in c.excluded_because for c in out)


def test_a_scenario_can_fix_one_channels_level(catalog) -> None:
    plan = _plan(people=4)
    plan.scenarios = [Scenario(name="S", force_in=["linkedin"], cadence={"linkedin": "high"})]
    rec = recommend(plan, "S", catalog)
    assert rec.channel("linkedin").cadence_level is Level.high
    assert "fixes" in rec.channel("linkedin").why


def test_why_not_gives_the_best_mix_with_the_channel(catalog) -> None:
    rec = recommend(_plan(), None, catalog)
    out = [c for c in rec.channels if not c.in_mix and c.why_not is not None]
    assert out
    for c in out:
        w = c.why_not
        assert w is not None
        if w.feasible:
            assert c.id in w.mix
            assert w.coverage <= rec.objective + 1e-9 or w.monthly_cost > rec.monthly_cost


def test_one_channel_is_not_charged_for_tailoring(catalog) -> None:
    plan = _plan(max_channels=1)
    rec = recommend(plan, None, catalog)
    assert len(rec.mix) == 1
    assert rec.hours_by_activity[Activity.tailor] == 0.0


def test_followers_per_channel_drive_engagement(catalog) -> None:
    few = _plan(followers=1000, people=5)
    many = _plan(followers=1000, people=5, presence={"linkedin": {"followers": 200_000}})
    for p in (few, many):
        p.scenarios = [Scenario(name="S", force_in=["linkedin"], cadence={"linkedin": "typical"})]
    a, b = recommend(few, "S", catalog), recommend(many, "S", catalog)
    assert (
        b.channel("linkedin").hours_per_week[Activity.engage]
        > 5 * a.channel("linkedin").hours_per_week[Activity.engage]
    )
    assert b.channel("linkedin").hours_per_week[Activity.create] == pytest.approx(
        a.channel("linkedin").hours_per_week[Activity.create]
    )


def test_answer_share_scales_inbound_work(catalog) -> None:
    lo = _plan(followers=50_000, answer_share=0.1)
    hi = _plan(followers=50_000, answer_share=0.9)
    for p in (lo, hi):
        p.scenarios = [Scenario(name="S", force_in=["x"], cadence={"x": "typical"})]
    a, b = recommend(lo, "S", catalog), recommend(hi, "S", catalog)
    assert (
        b.channel("x").hours_per_week[Activity.engage]
        > a.channel("x").hours_per_week[Activity.engage]
    )


def test_roles_split_the_hours(catalog) -> None:
    rec = recommend(_plan(regulated=Regime.financial, tool_budget=10_000), None, catalog)
    assert rec.mix
    assert rec.hours_by_role[Role.compliance] > 0
    assert rec.hours_by_role[Role.it] > 0
    assert "Archiving and approval set-up" in rec.setup_hours
    plain = recommend(_plan(), None, catalog)
    assert plain.hours_by_role[Role.compliance] == 0
    assert "Archiving and approval set-up" not in plain.setup_hours


def test_unknown_channel_in_presence_or_cadence_is_an_input_error(catalog) -> None:
    plan = _plan(presence={"myspace": {"followers": 10}})
    with pytest.raises(AdvisorInputError, match="unknown channel") as exc:
        recommend(plan, None, catalog)
    assert exc.value.problems[0].field == "profile.presence"
    plan = _plan()
    plan.scenarios = [Scenario(name="S", cadence={"friendster": "min"})]
    with pytest.raises(AdvisorInputError, match="unknown channel"):
        recommend(plan, "S", catalog)


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
    prep = prepare(_plan(), None, catalog)
    values = []
    for c in rec.mix:
        i = prep.problem.ids.index(c)
        lvl = list(Level).index(rec.channel(c).cadence_level)
        values.append([min(1.0, v * prep.problem.scale[i][lvl]) for v in prep.problem.values[i]])
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
    from advisor.core.margins import shifted
    from advisor.core.mix import solve

    prep = prepare(load_plan(EXAMPLES[0]), None, catalog)
    base = solve(prep.problem, weights_of(prep.profile)).channels
    sens = sensitivity(prep, samples=40)
    weights = weights_of(prep.profile)
    flips = 0
    for g, s in enumerate(sens.goals):
        for delta, sign in ((s.down, -1), (s.up, 1)):
            if delta is None:
                continue
            flips += 1
            moved = solve(prep.problem, shifted(weights, g, s.share + sign * delta)).channels
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


@pytest.mark.parametrize("path", EXAMPLES[:3], ids=lambda p: p.stem)
def test_lean_recommendation_and_why_not_on_demand_match_the_full_one(path: Path, catalog) -> None:
    from advisor.core.engine import build
    from advisor.core.explain import why_not_for

    plan = load_plan(path)
    prep = prepare(plan, None, catalog)
    full, lean = build(prep), build(prep, explain_left_out=False)
    assert lean.mix == full.mix and lean.hours_per_week == pytest.approx(full.hours_per_week)
    for c in full.channels:
        assert lean.channel(c.id).why_not is None
        if c.why_not is not None:
            w = why_not_for(prep, lean, c.id)
            assert w is not None
            assert w.coverage == pytest.approx(c.why_not.coverage)
            assert w.monthly_cost == pytest.approx(c.why_not.monthly_cost)


@pytest.mark.parametrize("name", ["local_restaurant", "regional_bank"])
def test_tool_saving_is_what_the_no_tool_scenario_adds(name, catalog) -> None:
    """The hours a tool saves are net of the IT time its seats need: when the No-tool
    scenario runs the same mix at the same cadence, it needs exactly that many more hours."""
    plan = load_plan(EXAMPLES[0].parent / f"{name}.yaml")
    base, none = recommend(plan, None, catalog), recommend(plan, "No tool", catalog)
    assert base.tool is not None and none.tool is None
    same = {c: base.channel(c).cadence_level for c in base.mix} == {
        c: none.channel(c).cadence_level for c in none.mix
    }
    if not same:
        pytest.skip("the No-tool scenario changes the mix or a cadence")
    assert base.tool.it_hours == pytest.approx(
        catalog.assumptions.it_hours_per_seat.v * base.tool.seats
    )
    assert none.hours_per_week - base.hours_per_week == pytest.approx(base.tool.hours_saved)
