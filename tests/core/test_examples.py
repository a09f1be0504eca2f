"""The example plans in resources/examples/ are valid and follow the conventions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from advisor.core.plan import CompanyProfile, Plan
from advisor.core.vocab import Goal

EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "examples"
EXAMPLES = sorted(EXAMPLES_DIR.glob("*.yaml"))

CHANNEL_IDS = {
    "facebook", "instagram", "x", "linkedin", "youtube", "tiktok", "pinterest", "snapchat",
    "threads", "reddit", "tumblr", "bluesky", "whatsapp_channels", "blog",
    "google_plus", "vine",
}  # fmt: skip
TOOL_IDS = {
    "hootsuite", "sprout_social", "buffer", "later", "sprinklr", "agorapulse",
    "meltwater", "brandwatch", "emplifi",
}  # fmt: skip


def _load(path: Path) -> Plan:
    with path.open(encoding="utf-8") as fh:
        return Plan.model_validate(yaml.safe_load(fh))


def test_expected_examples_present() -> None:
    names = {p.stem for p in EXAMPLES}
    assert len(EXAMPLES) >= 6
    assert {
        "b2b_software",
        "regional_bank",
        "fashion_retailer",
        "local_restaurant",
        "university",
        "hospital",
    } <= names


@pytest.fixture(params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def plan(request: pytest.FixtureRequest) -> Plan:
    return _load(request.param)


def test_validates_with_schema_version(plan: Plan) -> None:
    assert plan.schema_version == 1


def test_several_goals_weighted(plan: Plan) -> None:
    # Several non-zero goals, so the examples exercise the weighting.
    assert sum(1 for w in plan.profile.goals.values() if w > 0) >= 3


def test_at_least_two_scenarios(plan: Plan) -> None:
    assert len(plan.scenarios) >= 2


def test_first_scenario_is_unchanged_baseline(plan: Plan) -> None:
    first = plan.scenarios[0]
    assert first.changes == {}
    assert first.force_in == [] and first.force_out == []
    assert first.tool is None and first.forbid_tools == []
    assert first.apply(plan.profile) == plan.profile


def test_scenario_names_unique(plan: Plan) -> None:
    names = [s.name for s in plan.scenarios]
    assert len(names) == len(set(names))


def test_scenarios_have_descriptions(plan: Plan) -> None:
    for s in plan.scenarios:
        assert s.description.strip(), s.name


def test_forced_channels_are_known(plan: Plan) -> None:
    for s in plan.scenarios:
        unknown = set(s.force_in) | set(s.force_out)
        assert unknown <= CHANNEL_IDS, (s.name, unknown - CHANNEL_IDS)


def test_tools_are_known(plan: Plan) -> None:
    for s in plan.scenarios:
        if s.tool is not None:
            assert s.tool == "none" or s.tool.split("/", 1)[0] in TOOL_IDS, s.name
        assert set(s.forbid_tools) <= TOOL_IDS, s.name


def test_every_scenario_applies(plan: Plan) -> None:
    for s in plan.scenarios:
        applied = s.apply(plan.profile)
        assert isinstance(applied, CompanyProfile)
        assert applied.staff_hours > 0


def test_goal_changes_merge_key_by_key(plan: Plan) -> None:
    for s in plan.scenarios:
        goal_changes = s.changes.get("goals")
        if not goal_changes:
            continue
        applied = s.apply(plan.profile)
        for g in Goal:
            expected = goal_changes.get(g.value, plan.profile.goals[g])
            assert applied.goals[g] == pytest.approx(expected)


def test_one_large_example() -> None:
    sizes = {p.stem: len(_load(p).scenarios) for p in EXAMPLES}
    assert max(sizes["b2b_software"], sizes["university"]) >= 4


def test_example_files_parse_as_plain_yaml_mappings() -> None:
    for p in EXAMPLES:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
        assert isinstance(data, dict)
        assert set(data) == {"schema_version", "profile", "scenarios"}, p.name
        # every profile field is written out (except free-text notes may be omitted)
        missing = set(CompanyProfile.model_fields) - set(data["profile"]) - {"notes", "prepared_by"}
        assert not missing, (p.name, missing)
        assert set(data["profile"]["goals"]) == {g.value for g in Goal}, p.name
