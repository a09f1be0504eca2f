"""Saving a plan keeps the file it came from: comments, key order, quoting and layout."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from advisor.core.loading import load_plan, save_plan
from advisor.core.plan import Plan, Scenario
from advisor.core.plan_yaml import plan_yaml
from advisor.paths import example_plans

ODD = """\
# Acme's plan - written by hand.
scenarios:   # what-ifs first, on purpose
  - name: Today
  - changes: {people: 2}   # a second person
    name: Two people
profile:
  people: 1
  name: 'Acme'      # the legal name
  goals: {recruiting: 3, brand_awareness: 5}
  audience_age:
    "65+": 1
    "18-29": 4
  notes: >-
    Folded text that
    goes on.
schema_version: 1
"""


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [d for d in diff if d[:1] in "+-" and d[:3] not in ("+++", "---")]


def plan_of(text: str) -> Plan:
    return Plan.model_validate(yaml.safe_load(text))


@pytest.mark.parametrize("path", example_plans(), ids=lambda p: p.name)
def test_an_unchanged_plan_is_written_back_byte_for_byte(path: Path):
    text = path.read_text(encoding="utf-8")
    assert plan_yaml(load_plan(path), text) == text


def test_one_changed_value_changes_one_line():
    plan = plan_of(ODD)
    profile = plan.profile.model_copy(update={"people": 4.0})
    out = plan_yaml(plan.model_copy(update={"profile": profile}), ODD)
    assert changed_lines(ODD, out) == ["-  people: 1", "+  people: 4"]


def test_comments_order_quotes_and_folded_text_survive_several_edits():
    plan = plan_of(ODD)
    goals = dict(plan.profile.goals) | {"lead_generation": 6.0}
    profile = plan.profile.model_copy(update={"goals": goals, "notes": "Shorter."})
    scenarios = [
        plan.scenarios[0],
        plan.scenarios[1].model_copy(update={"name": "Pair", "changes": {}}),
        Scenario(name="Rich", changes={"audience_age": {"30-49": 2}}, force_in=["linkedin"]),
    ]
    after = plan.model_copy(update={"profile": profile, "scenarios": scenarios})
    out = plan_yaml(after, ODD)
    assert plan_of(out) == after
    assert "# Acme's plan - written by hand." in out
    assert "scenarios:   # what-ifs first, on purpose" in out
    assert "name: 'Acme'      # the legal name" in out
    assert out.index("scenarios:") < out.index("profile:") < out.index("schema_version:")
    assert '"65+": 1' in out and '"18-29": 4' in out
    assert "goals: {recruiting: 3, brand_awareness: 5, lead_generation: 6}" in out
    assert "notes: >-\n    Shorter." in out
    assert "# a second person" not in out  # its override was removed with the line
    assert "  - name: Pair\n" in out
    # a new scenario is written as a person would: no empty or automatic settings
    assert '  - name: Rich\n    changes:\n      audience_age:\n        "30-49": 2\n' in out
    assert "force_in: [linkedin]" in out and "description" not in out and "tool:" not in out


def test_unusable_original_gives_a_fresh_complete_file():
    plan = plan_of(ODD)
    for original in (None, "", "not: [valid", "- a list\n", "profile: {}\n"):
        out = plan_yaml(plan, original)
        assert plan_of(out) == plan
        assert out.startswith("schema_version: 1\nprofile:\n")


def test_save_plan_keeps_the_original_and_returns_what_it_wrote(tmp_path: Path):
    path = tmp_path / "acme.yaml"
    plan = plan_of(ODD)
    profile = plan.profile.model_copy(update={"name": "Acme Inc"})
    renamed = plan.model_copy(update={"profile": profile})
    text = save_plan(renamed, path, original=ODD)
    assert path.read_text(encoding="utf-8") == text
    assert changed_lines(ODD, text) == [
        "-  name: 'Acme'      # the legal name",
        "+  name: 'Acme Inc'  # the legal name",  # the comment keeps its column
    ]
    assert load_plan(path) == renamed


def test_todays_channels_are_written_like_the_others():
    original = (
        "profile:\n  name: Acme\n  presence:  # today\n"
        "    linkedin: {followers: 1200, posts_per_week: 3}\n"
        "scenarios:\n  - name: Base\n"
    )
    plan = plan_of(original)
    presence = plan.profile.model_dump(mode="json")["presence"]
    presence["linkedin"]["posts_per_week"] = None  # a figure cleared
    presence["instagram"] = {"followers": 900.0, "posts_per_week": 2.5}  # a channel added
    data = plan.profile.model_dump(mode="json") | {"presence": presence}
    profile = type(plan.profile).model_validate(data)
    after = plan.model_copy(update={"profile": profile})
    out = plan_yaml(after, original)
    assert plan_of(out) == after
    assert changed_lines(original, out) == [
        "-    linkedin: {followers: 1200, posts_per_week: 3}",
        "+    linkedin: {followers: 1200}",
        "+    instagram: {followers: 900, posts_per_week: 2.5}",
    ]
