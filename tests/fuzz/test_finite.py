"""The property behind strict JSON: no input `advisor validate` accepts makes the engine answer
with NaN, infinity or a negative amount. Plans and overlays are drawn across the whole range
each field allows (its bounds included), then answered through `recommend --format json`."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Any

import yaml
from fuzz_harness import EXAMPLES, EXAMPLES_PER_CATEGORY, KB, check, run_cli, write
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from advisor.core.plan import MAX_WEIGHT, MIN_WEIGHT
from advisor.core.vocab import AGE_BANDS, Ambition, Format, Goal, Regime

FUZZ = settings(
    max_examples=EXAMPLES_PER_CATEGORY,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
KB_DATA = yaml.safe_load(KB.read_text(encoding="utf-8"))
CHANNELS = [p["id"] for p in KB_DATA["platforms"] if p.get("status", "active") == "active"]
TOOLS = [t["id"] for t in KB_DATA["tools"] if t.get("status", "active") == "active"]


def span(lo: float, hi: float) -> st.SearchStrategy[float]:
    """Any float in [lo, hi], with the bounds themselves drawn often."""
    return st.sampled_from([lo, hi]) | st.floats(lo, hi)


weight = st.just(0.0) | span(MIN_WEIGHT, MAX_WEIGHT)
profiles = st.fixed_dictionaries(
    {
        "name": st.text(min_size=1, max_size=20).filter(str.strip),
        "regulated": st.sampled_from([r.value for r in Regime]),
        "goals": st.fixed_dictionaries({g.value: weight for g in Goal}),
        "audience_age": st.fixed_dictionaries({b: weight for b in AGE_BANDS}),
        "audience_segment": st.fixed_dictionaries({"consumer": weight, "professional": weight}),
        "voice": span(0, 1),
        "content": st.lists(st.sampled_from([f.value for f in Format]), max_size=5),
        "people": span(1e-6, 10_000),
        "hours_per_person": span(0, 168),
        "tool_budget": span(0, 10_000_000),
        "hourly_cost": span(0, 10_000),
        "max_channels": st.none() | st.integers(1, 100),
        "response_hours": span(1e-6, 720),
        "followers": span(0, 1e10),
        "answer_share": st.none() | span(0, 1),
        "value_threshold": st.none() | span(0, 1000),
    }
)
scenarios = st.fixed_dictionaries(
    {
        "name": st.just("S"),
        "force_in": st.lists(st.sampled_from(CHANNELS), max_size=3, unique=True),
        "tool": st.sampled_from([None, "none", *TOOLS]),
        "ambition": st.sampled_from([a.value for a in Ambition]),
    }
)


def _finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True


def _answer(category: str, args: list[str]) -> None:
    outcome = run_cli(category, [*args, "--format", "json"])
    check(outcome)  # strict JSON: NaN or infinity in the output is its own failure
    if outcome.kind == "exit 0":
        data = json.loads(outcome.out)
        assert _finite(data), data
        for key in ("hours_per_week", "fte", "monthly_cost", "staff_cost", "licence_cost"):
            assert data[key] >= 0, (key, data[key])


@FUZZ
@given(profiles, scenarios)
def test_valid_plans_give_finite_answers(profile: dict, scenario: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), "plan", {"profile": profile, "scenarios": [scenario]})
        _answer("valid plans", ["recommend", path])


def fig(lo: float, hi: float) -> st.SearchStrategy[list]:
    return span(lo, hi).map(lambda v: [v, "est"])


overlays = st.fixed_dictionaries(
    {
        "assumptions": st.fixed_dictionaries(
            {
                "productive_hours_per_fte": fig(1, 168),
                "weeks_per_month": fig(4, 4.5),
                "tailor_share": fig(0, 1),
                "coordinate_share": fig(0, 1),
                "answer_share": fig(0, 1),
                "minutes_per_inbound": fig(0, 10_000),
                "listen_base_hours": fig(0, 10_000),
                "it_hours_per_seat": fig(0, 10_000),
                "min_gain_per_1000_usd": fig(0, 10_000),
                "effort_reference_hours": fig(1e-6, 10_000),
            }
        ),
        "platforms": st.lists(
            st.fixed_dictionaries(
                {
                    "id": st.sampled_from(CHANNELS),
                    "effort_hours": st.fixed_dictionaries({"text": fig(0, 1000)}),
                    "inbound_per_1000": fig(0, 1e6),
                    "engage_minutes_per_post": fig(0, 10_000),
                    "b2b": fig(0, 1),
                }
            ),
            max_size=2,
        ),
    }
)


@FUZZ
@given(overlays)
def test_valid_overlays_give_finite_answers(overlay: dict) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), "overlay", overlay)
        _answer("valid overlays", ["--overlay", path, "recommend", str(EXAMPLES[0])])


@settings(FUZZ, max_examples=max(EXAMPLES_PER_CATEGORY // 10, 2))
@example(
    {g.value: MAX_WEIGHT if g in (Goal.recruiting, Goal.internal_knowledge) else 0.0 for g in Goal}
)
@given(
    st.fixed_dictionaries({g.value: st.sampled_from([0.0, MIN_WEIGHT, MAX_WEIGHT]) for g in Goal})
)
def test_sensitivity_is_finite_at_the_weight_bounds(goals: dict) -> None:
    """Weights that summed to infinity once made every share 0 and sensitivity divide by it."""
    from pydantic import ValidationError

    from advisor.core.engine import prepare
    from advisor.core.loading import load_catalog
    from advisor.core.plan import CompanyProfile, Plan, Scenario
    from advisor.core.sensitivity import sensitivity

    try:
        profile = CompanyProfile(name="x", goals=goals)
    except ValidationError:
        return  # every weight 0
    prep = prepare(Plan(profile=profile, scenarios=[Scenario(name="a")]), None, load_catalog())
    result = sensitivity(prep, samples=20)
    json.dumps(result.model_dump(mode="json"), allow_nan=False)
    assert 0.0 <= result.mix_stability <= 1.0
