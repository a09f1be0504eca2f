"""The engine's answers beside published benchmarks.

Each case describes a company or situation from a public source, runs the engine on it with the
catalog in use (shipped data plus any overlay) and checks the answer against the published
figure or range. ``advisor calibration`` prints the table; the tests run the same cases, so a
figure changed in the data or an overlay that breaks a published benchmark shows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .engine import recommend
from .fit import audience_reach
from .knowledge import Catalog
from .plan import CompanyProfile, Plan, Scenario
from .result import Recommendation
from .vocab import Activity, Format, Goal, Segment

__all__ = ["CASES", "CalibrationCase", "CalibrationResult", "run_calibration"]

ALL_FORMATS = list(Format)


@dataclass(frozen=True, slots=True)
class CalibrationResult:
    """One benchmark checked: what was published, what the engine says, pass or fail."""

    name: str
    situation: str
    published: str
    engine: str
    low: float
    high: float
    value: float
    source: str
    passed: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "situation": self.situation,
            "published": self.published,
            "engine": self.engine,
            "accepted_range": [self.low, self.high],
            "value": self.value,
            "source": self.source,
            "passed": self.passed,
        }


@dataclass(frozen=True, slots=True)
class CalibrationCase:
    """A published benchmark: the situation, the figure, the accepted range and how to ask the
    engine. ``measure`` returns the engine's number and how to say it."""

    name: str
    situation: str
    published: str
    source_id: str
    low: float
    high: float
    measure: Callable[[Catalog], tuple[float, str]]

    def run(self, catalog: Catalog) -> CalibrationResult:
        value, said = self.measure(catalog)
        return CalibrationResult(
            name=self.name,
            situation=self.situation,
            published=self.published,
            engine=said,
            low=self.low,
            high=self.high,
            value=value,
            source=_cite(catalog, self.source_id),
            passed=self.low - 1e-9 <= value <= self.high + 1e-9,
        )


def _cite(catalog: Catalog, source_id: str) -> str:
    src = catalog.sources.get(source_id)
    if src is None:
        return f"(source '{source_id}' is not in the knowledge base)"
    parts = [src.title, src.date or "undated"]
    if src.url:
        parts.append(src.url)
    return ", ".join(parts)


def _profile(**changes: Any) -> CompanyProfile:
    base: dict[str, Any] = {
        "name": "Benchmark company",
        "market": "b2c",
        "audience_age": {"18-29": 1, "30-49": 1, "50-64": 1, "65+": 0.5},
        "audience_segment": {Segment.consumer: 1, Segment.professional: 0},
        "content": ALL_FORMATS,
        "goals": {Goal.brand_awareness: 1, Goal.community_loyalty: 1},
        "people": 1,
        "hours_per_person": 168,
        "tool_budget": 0,
        "hourly_cost": 50,
        "followers": 10_000,
    }
    return CompanyProfile(**(base | changes))


def _run(profile: CompanyProfile, catalog: Catalog, **scenario: Any) -> Recommendation:
    plan = Plan(profile=profile, scenarios=[Scenario(name="Benchmark", **scenario)])
    return recommend(plan, None, catalog)


def _just(channels: list[str], level: str, catalog: Catalog, **profile: Any) -> Recommendation:
    """Run exactly ``channels`` at a fixed cadence ``level``, no tool."""
    rest = [p.id for p in catalog.active_platforms if p.id not in channels]
    plan_scenario = {
        "force_in": channels,
        "force_out": rest,
        "cadence": dict.fromkeys(channels, level),
        "tool": "none",
    }
    return _run(_profile(**profile), catalog, **plan_scenario)


def _hours(
    channels: list[str], level: str, **profile: Any
) -> Callable[[Catalog], tuple[float, str]]:
    def measure(catalog: Catalog) -> tuple[float, str]:
        rec = _just(channels, level, catalog, **profile)
        return rec.hours_per_week, f"{rec.hours_per_week:.1f} h/week"

    return measure


def _activity(channels: list[str], act: Activity) -> Callable[[Catalog], tuple[float, str]]:
    def measure(catalog: Catalog) -> tuple[float, str]:
        h = _just(channels, "typical", catalog).hours_by_activity[act]
        return h, f"{h:.2f} h/week of {act.label.lower()}"

    return measure


def _cadence(channel: str) -> Callable[[Catalog], tuple[float, str]]:
    """The cadence the advisor chooses for a channel a consumer brand runs with hours to
    spare (the level is the engine's choice, not fixed)."""

    def measure(catalog: Catalog) -> tuple[float, str]:
        rec = _run(
            _profile(people=3, hours_per_person=40),
            catalog,
            force_in=[channel],
            tool="none",
        )
        c = rec.channel(channel)
        level = c.cadence_level.label if c.cadence_level else "out"
        return c.posts_per_week, f"{c.posts_per_week:g} a week ({level})"

    return measure


def _small_business(catalog: Catalog) -> tuple[float, str]:
    rec = _run(
        _profile(
            hours_per_person=5,
            followers=1_000,
            content=[Format.text, Format.image, Format.short_video],
            hourly_cost=30,
        ),
        catalog,
    )
    if not rec.mix:
        return 0.0, "no channel"
    names = ", ".join(rec.channel(c).name for c in rec.mix)
    return rec.hours_per_week, f"{names}: {rec.hours_per_week:.1f} h/week"


def _b2b_first(catalog: Catalog) -> tuple[float, str]:
    rec = _run(
        _profile(
            market="b2b",
            audience_segment={Segment.consumer: 1, Segment.professional: 4},
            audience_age={"18-29": 1, "30-49": 2, "50-64": 1.5, "65+": 0},
            goals={Goal.lead_generation: 2, Goal.thought_leadership: 2, Goal.brand_awareness: 1},
            people=2,
            hours_per_person=20,
            voice=0.4,
        ),
        catalog,
    )
    li = rec.channel("linkedin")
    ok = li.rank == 1 and li.in_mix
    said = f"LinkedIn ranked {li.rank}, {'in' if li.in_mix else 'not in'} the mix"
    return (1.0 if ok else 0.0), said


def _professional_lift(catalog: Catalog) -> tuple[float, str]:
    li = catalog.platform("linkedin")
    pro = _profile(audience_segment={Segment.professional: 1, Segment.consumer: 0})
    everyone = _profile()
    ratio = audience_reach(li, pro) / audience_reach(li, everyone)
    return ratio, f"reaches {ratio:.2f}x as many of a professional audience"


def _example_fte(catalog: Catalog) -> tuple[float, str]:
    from ..paths import example_plans
    from .loading import load_plan

    ftes = []
    for path in example_plans():
        plan = load_plan(path)
        ftes.append(recommend(plan, None, catalog, file=str(path)).fte)
    lo, hi = min(ftes), max(ftes)
    return hi, f"{lo:.2f}-{hi:.2f} FTE across the {len(ftes)} example plans"


def _blog_week(catalog: Catalog) -> tuple[float, str]:
    rec = _just(["blog"], "typical", catalog, content=[Format.text, Format.image])
    create = rec.channel("blog").hours_per_week[Activity.create]
    return create, f"{create:.2f} h to write one post a week"


CASES: list[CalibrationCase] = [
    CalibrationCase(
        "Four channels for one brand",
        "One brand on Facebook, X, YouTube and a blog at the typical cadence, 10,000 followers, "
        "no tool (the engine's hours, every role)",
        "at least 65 h/week (about 1.5 people), a headline that mixes one-off development with "
        "weekly upkeep (the same survey lists 5 h/week to maintain a channel): accepted 20-90 h",
        "cloudspark_2010",
        20,
        90,
        _hours(["facebook", "x", "youtube", "blog"], "typical"),
    ),
    CalibrationCase(
        "Small business on Facebook",
        "An owner posting once a week on Facebook, 500 followers, text and images, no tool",
        "63% of owners spend 1-5 h/week on social media",
        "verticalresponse_2012",
        1,
        5,
        _hours(["facebook"], "min", followers=500, content=[Format.text, Format.image]),
    ),
    CalibrationCase(
        "Small business with five hours a week",
        "The advisor's plan for a small consumer business whose owner gives it 5 h a week, "
        "1,000 followers, photos and short clips, no tool budget",
        "63% of owners spend 1-5 h/week: a plan that runs at least one channel in 1-5 h",
        "verticalresponse_2012",
        1,
        5,
        _small_business,
    ),
    CalibrationCase(
        "Facebook cadence",
        "The cadence the advisor picks for Facebook for a consumer brand with hours to spare",
        "median 5.04 posts a week across 14 industries; accepted half to twice that",
        "rivaliq_2023",
        2.52,
        10.08,
        _cadence("facebook"),
    ),
    CalibrationCase(
        "Instagram cadence",
        "The cadence the advisor picks for Instagram for a consumer brand with hours to spare",
        "median 4.6 posts a week; accepted half to twice that",
        "rivaliq_2023",
        2.3,
        9.2,
        _cadence("instagram"),
    ),
    CalibrationCase(
        "X cadence",
        "The cadence the advisor picks for X for a consumer brand with hours to spare",
        "median 3.91 posts a week; accepted half to twice that",
        "rivaliq_2023",
        1.95,
        7.82,
        _cadence("x"),
    ),
    CalibrationCase(
        "TikTok cadence",
        "The cadence the advisor picks for TikTok for a consumer brand with hours to spare",
        "about 2 videos a week; 30% of brands post less than once, the top quarter 4 or more",
        "rivaliq_tiktok_2024",
        1,
        4,
        _cadence("tiktok"),
    ),
    CalibrationCase(
        "Writing a blog post",
        "Creation hours of a weekly blog post",
        "3 h 48 min per post (2024); accepted 3-5 h",
        "orbit_media_2024",
        3,
        5,
        _blog_week,
    ),
    CalibrationCase(
        "Reporting for a four-channel programme",
        "Measure-and-report hours of a four-channel programme (Facebook, Instagram, X, LinkedIn)",
        "3.8 h/week on analytics and reporting; accepted 2.5-5 h",
        "marketingprofs",
        2.5,
        5,
        _activity(["facebook", "instagram", "x", "linkedin"], Activity.report),
    ),
    CalibrationCase(
        "Listening for a small programme",
        "Listening hours of a two-channel programme (Facebook and X)",
        "15 minutes a day (1.75 h/week) for the whole job; accepted 1.25-2.5 h",
        "kanter_sherman",
        1.25,
        2.5,
        _activity(["facebook", "x"], Activity.listen),
    ),
    CalibrationCase(
        "B2B firm's first channel",
        "A B2B firm selling to professionals, goals lead generation and thought leadership",
        "94% of B2B content marketers use LinkedIn, the most used network: LinkedIn first and "
        "in the mix (1 = yes)",
        "cmi_2016",
        1,
        1,
        _b2b_first,
    ),
    CalibrationCase(
        "Professionals on LinkedIn",
        "LinkedIn's reach of a professional audience against a general one",
        "51% of bachelor's graduates use it vs 28% of all adults (1.8x); accepted 1.5-2.2x",
        "pew2021",
        1.5,
        2.2,
        _professional_lift,
    ),
    CalibrationCase(
        "Team size",
        "The six example plans' baseline recommendations (FTE of every role)",
        "of teams dedicated to social media 42% are one person and 40% two or three, and 65% "
        "of people do it on top of other duties: accepted 0.1-3 FTE",
        "ragan_nasdaq_2013",
        0.1,
        3.0,
        _example_fte,
    ),
]


def run_calibration(catalog: Catalog) -> list[CalibrationResult]:
    """Every benchmark case run against the catalog."""
    return [case.run(catalog) for case in CASES]
