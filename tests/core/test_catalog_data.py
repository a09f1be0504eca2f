"""The shipped knowledge base (data/platforms.yaml) validates and keeps its provenance honest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from advisor.core.knowledge import ESTIMATE, Catalog, Figure
from advisor.core.vocab import Activity, Status

DATA = Path(__file__).resolve().parents[2] / "data" / "platforms.yaml"

ACTIVE_CHANNELS = {
    "facebook", "instagram", "x", "linkedin", "youtube", "tiktok", "pinterest", "snapchat",
    "threads", "reddit", "tumblr", "bluesky", "whatsapp_channels", "blog",
}  # fmt: skip
ACTIVE_TOOLS = {
    "hootsuite", "sprout_social", "buffer", "later", "sprinklr", "agorapulse", "meltwater",
    "brandwatch", "emplifi",
}  # fmt: skip
RETIRED_TOOLS = {"buddy_media", "vitrue", "involver"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    with DATA.open(encoding="utf-8") as fh:
        return Catalog.model_validate(yaml.safe_load(fh))


def _figures(obj: Any, path: str = "") -> Iterator[tuple[str, Figure]]:
    """Every Figure reachable from obj, with a readable path to it."""
    if isinstance(obj, Figure):
        yield path, obj
    elif isinstance(obj, BaseModel):
        label = getattr(obj, "id", None)
        here = f"{path}[{label}]" if isinstance(label, str) else path
        for name in type(obj).model_fields:
            yield from _figures(getattr(obj, name), f"{here}.{name}")
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from _figures(value, f"{path}.{key}")
    elif isinstance(obj, list | tuple):
        for i, value in enumerate(obj):
            yield from _figures(value, f"{path}[{i}]")


def test_schema_version(catalog: Catalog) -> None:
    assert catalog.schema_version == 1


def test_active_channels(catalog: Catalog) -> None:
    active = {p.id for p in catalog.active_platforms}
    assert len(active) >= 14
    assert active >= ACTIVE_CHANNELS
    for p in catalog.active_platforms:
        assert p.cadence is not None, p.id
        assert p.personality.strip() and p.message_style.strip(), p.id
        assert sum(f.v for f in p.formats.values()) == pytest.approx(1.0, abs=0.05), p.id


@pytest.mark.parametrize(("pid", "date"), [("google_plus", "2019-04-02"), ("vine", "2016-10")])
def test_retired_channels(catalog: Catalog, pid: str, date: str) -> None:
    p = catalog.platform(pid)
    assert p.status is Status.retired
    assert p.shutdown == date
    assert p.lesson.strip()


def test_retired_things_carry_no_cadence_or_plans(catalog: Catalog) -> None:
    for p in catalog.platforms:
        if not p.active:
            assert p.cadence is None, p.id
    for t in catalog.tools:
        if not t.active:
            assert not t.plans, t.id


def test_tools(catalog: Catalog) -> None:
    assert len(catalog.tools) >= 10
    ids = {t.id for t in catalog.tools}
    assert ids >= ACTIVE_TOOLS | RETIRED_TOOLS
    for tid in RETIRED_TOOLS:
        t = catalog.tool(tid)
        assert t.status is Status.retired
        assert t.fate.strip() and t.successor.strip(), tid


def test_active_tools_are_priced_and_cover_social_channels(catalog: Catalog) -> None:
    social = {p.id for p in catalog.active_platforms if p.managed_by_tools}
    for t in catalog.tools:
        if not t.active:
            continue
        assert t.price_date, t.id
        assert t.networks and set(t.networks) <= social, t.id
        assert all(plan.price.v >= 0 for plan in t.plans), t.id


def test_tool_savings_are_estimates(catalog: Catalog) -> None:
    """Vendor time-saving claims are marketing: every savings factor must stay an estimate."""
    for t in catalog.tools:
        if t.active:
            # compliance's archive review and IT's administration are not what a suite saves
            assert set(t.savings) == set(Activity) - {Activity.archive, Activity.administer}, t.id
        assert all(f.estimate for f in t.savings.values()), t.id


def test_blog_is_owned_and_only_snapchat_is_ephemeral(catalog: Catalog) -> None:
    assert catalog.platform("blog").managed_by_tools is False
    assert {p.id for p in catalog.platforms if p.ephemeral} == {"snapchat"}


def test_every_figure_names_a_known_source(catalog: Catalog) -> None:
    figures = list(_figures(catalog))
    assert len(figures) > 500  # the walk really reaches platforms, tools and assumptions
    known = set(catalog.sources) | {ESTIMATE}
    unknown = [(path, f.src) for path, f in figures if f.src not in known]
    assert not unknown


def test_sources_are_described(catalog: Catalog) -> None:
    for sid, src in catalog.sources.items():
        assert src.title.strip(), sid
        assert src.seed == sid.startswith("seed_"), sid


def test_sources_name_their_publishers(catalog: Catalog) -> None:
    """A publisher where the source makes it clear (its address, its own title), none where it
    does not; a publisher is a name, never a title's descriptive head."""
    named = {sid: s.publisher for sid, s in catalog.sources.items() if s.publisher}
    assert named["pew2024"] == named["pew2021"] == "Pew Research Center"
    assert named["hubspot"] == "HubSpot"
    assert named["ub_closing_accounts"] == "University at Buffalo"
    assert named["seed_000"] == "The Accidental Successful CIO"
    assert named["marketingprofs"] == "MarketingProfs"  # not "MarketingProfs survey of ..."
    # Who published these is not recorded, so they name no one.
    for sid in ("fte_hours_1690", "sprinklr_price", "meltwater_price", "seed_001"):
        assert catalog.sources[sid].publisher is None, sid
    assert len(named) >= 40
    for sid, publisher in named.items():
        assert publisher != catalog.sources[sid].title, sid
        assert not any(w in publisher.lower() for w in ("survey", "results", "report", "(")), sid


def test_a_blank_publisher_is_refused() -> None:
    from pydantic import ValidationError

    from advisor.core.knowledge import Source

    assert Source(title="A page").publisher is None
    assert Source(title="A page", publisher=" Orbit Media ").publisher == "Orbit Media"
    with pytest.raises(ValidationError, match="publisher"):
        Source(title="A page", publisher="  ")


def test_an_overlay_sets_a_publisher() -> None:
    """A user who knows who published a source says so in the overlay; the rest stays."""
    from advisor.core.errors import AdvisorInputError
    from advisor.core.loading import load_catalog

    overlay = "sources:\n  fte_hours_1690:\n    publisher: Our HR department\n"
    cat = load_catalog(overlay_text=overlay)
    src = cat.sources["fte_hours_1690"]
    assert src.publisher == "Our HR department"
    assert src.title.startswith("Rule of thumb")  # merged into the entry, not replacing it
    assert cat.sources["pew2024"].publisher == "Pew Research Center"
    with pytest.raises(AdvisorInputError, match="publisher"):
        load_catalog(overlay_text="sources:\n  pew2024:\n    publisher: ''\n")
