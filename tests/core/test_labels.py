"""Every figure of the shipped knowledge base reads in plain words with a unit."""

from __future__ import annotations

import pytest

from advisor.core.knowledge import iter_figures
from advisor.core.labels import (
    UnknownFigure,
    cite_sources,
    figure_label,
    market_label,
    signed,
    source_citation,
)
from advisor.core.loading import load_catalog


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def _keys(catalog):
    for what, items in (("platforms", catalog.platforms), ("tools", catalog.tools)):
        for item in items:
            for path, _fig in iter_figures(item):
                yield what, ".".join(str(p) for p in path), item
    for path, _fig in iter_figures(catalog.assumptions):
        yield "assumptions", ".".join(str(p) for p in path), None


def test_every_shipped_figure_has_a_label_and_a_unit(catalog):
    seen = 0
    for what, key, item in _keys(catalog):
        tool = item if what == "tools" else None
        lab = figure_label(what, key, tool, strict=True)
        assert lab.label and lab.unit, (what, key)
        assert key not in lab.label and "_" not in lab.label, (what, key, lab.label)
        seen += 1
    assert seen > 500  # the whole catalog was walked, not an empty list


def test_a_new_figure_without_a_label_fails_strictly_and_reads_as_words_otherwise():
    with pytest.raises(UnknownFigure):
        figure_label("platforms", "brand_new_figure", strict=True)
    assert figure_label("platforms", "brand_new_figure").label == "Brand new figure"


@pytest.mark.parametrize(
    ("what", "key", "label", "unit"),
    [
        ("assumptions", "productive_hours_per_fte", "Productive hours per FTE", "h/week"),
        ("platforms", "reach_age.18-29", "Reach, ages 18-29", "% of adults"),
        ("platforms", "users", "Users", "million"),
        (
            "assumptions",
            "response_factor.4",
            "Engagement time when answering within 4 h",
            "\u00d7 next-day time",
        ),
        ("tools", "savings.create", "Time saved: create content", "% of the activity's time"),
    ],
)
def test_labels_read_as_people_say_them(what, key, label, unit):
    lab = figure_label(what, key)
    assert (lab.label, lab.unit, lab.key) == (label, unit, key)


def test_fractions_show_as_percent_and_round_trip():
    lab = figure_label("platforms", "reach_age.65+")
    assert lab.shown(0.43) == pytest.approx(43)
    assert lab.stored(43) == pytest.approx(0.43)
    assert lab.text(0.43) == "43% of adults"  # as the body writes 45%: no space


def test_tool_prices_name_the_plan_and_the_pricing_unit(catalog):
    tool = next(t for t in catalog.tools if t.plans and t.pricing.value == "per_seat")
    lab = figure_label("tools", "plans.0.price", tool)
    assert lab.label == f"Price, {tool.plans[0].name} plan"
    assert lab.unit == "$/month per user"
    assert lab.text(99) == "$99/month per user"  # "$" as everywhere else, never "USD"


@pytest.mark.parametrize(
    ("what", "key", "value", "text"),
    [
        ("platforms", "cadence.typical", 1, "1 post/week"),
        ("platforms", "cadence.typical", 2, "2 posts/week"),
        ("assumptions", "min_gain_per_1000_usd", 1, "1 point per $1,000 a month"),
        ("assumptions", "weeks_per_month", 1, "1 week"),
        ("platforms", "users", 3000, "3 billion"),
        ("assumptions", "response_factor.4", 1.6, "1.6 \u00d7 next-day time"),
        ("assumptions", "cadence_value.0.2", 0.45, "0.45 \u00d7 typical value"),
        ("platforms", "b2b", 0.3, "0.30 score, 0 to 1"),  # scores always two decimals
        ("platforms", "b2b", 0.94, "0.94 score, 0 to 1"),
    ],
)
def test_values_read_with_plurals_signs_and_one_rounding(what, key, value, text):
    assert figure_label(what, key).text(value) == text


def test_multiplier_labels_use_the_times_sign_and_keep_hyphens():
    lab = figure_label("assumptions", "cadence_value.0.2")
    assert lab.label == "Value of posting 0.2\u00d7 the typical cadence"
    assert "\u2212" not in lab.text(1.6)  # "next-day" keeps its hyphen


def test_signed_uses_a_real_minus_and_no_invisible_characters():
    """Plain text for the CLI, CSV and window; the PDF joins the sign to its "$" itself."""
    assert signed(-0.7) == "\u22120.7" and signed(0.04) == "0.0" and signed(2) == "+2.0"
    assert signed(-361, dollars=True) == "\u2212$361"
    assert signed(1352, dollars=True) == "+$1,352"
    assert signed(0.4, dollars=True) == "$0"


def test_market_reads_as_words():
    assert [market_label(m) for m in ("b2b", "b2c", "both")] == [
        "You sell to businesses",
        "You sell to consumers",
        "You sell to businesses and consumers",
    ]


def test_seed_articles_cite_author_and_title(catalog):
    assert source_citation(catalog, "seed_000") == (
        "Anderson, 'Social Media Secrets That All CIOs Need To Know' (The Accidental Successful CIO)"
    )
    assert source_citation(catalog, "seed_001") == "'Social Media And The CIO - Can We Talk?'"
    assert source_citation(catalog, "est") == "Estimate (no source)"
    assert "2024-01-31" in source_citation(catalog, "pew2024")


def test_advice_sources_lose_their_ids(catalog):
    text = cite_sources("seed_003; FINRA Notice 10-06; SEC Rule 17a-4", catalog)
    assert text.startswith("Samuels, 'Facebook? Twitter?")
    assert "seed_" not in text and "FINRA Notice 10-06" in text


def test_a_thousand_million_users_read_as_a_billion():
    from advisor.core.labels import figure_label

    users = figure_label("platforms", "users")
    assert users.text(1000) == "1 billion" and users.text(3000) == "3 billion"
    assert users.text(2.5) == "2.5 million" and users.text(550) == "550 million"
