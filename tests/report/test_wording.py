"""Typography and wording of every example report, read from the report model (no Qt):
real minus signs, × for multipliers, plurals, one unit style, no internal keys."""

from __future__ import annotations

import re

import pytest
from report_common import EXAMPLE_DIR
from test_content import _texts

from advisor.core.engine import recommend
from advisor.core.loading import load_plan
from advisor.report import fmt
from advisor.report.analysis import change_text
from advisor.report.content import build_report, gather
from advisor.report.markup import to_html
from advisor.report.model import Table

EXAMPLES = sorted(EXAMPLE_DIR.glob("*.yaml"))

# Each rule: what must never appear in the text people read, and why.
FORBIDDEN = {
    "a hyphen as a minus sign": r"(?<![\w\-–/.])-(?=\$?\d)",
    "a minus sign inside a word": r"[A-Za-z]\u2212[A-Za-z]",
    "x as a multiplication sign": r"\d ?x\b|\s x \d",
    "a plural after exactly one": r"(?<![\d.,])1 (points|posts|weeks|seats|channels)\b",
    "USD beside $": r"\bUSD\b",
    "a space before %": r"\d %",
    "an internal snake_case key": r"\b[a-z]+(?:_[a-z0-9]+)+\b",
    "a market key": r"\bmarket: b2[bc]\b|\bmarket: both\b",
    "a formula": r"\^",
    "millions after a number": r"\d millions\b",
    "a hyphenated internal label": r"\bplatform-facts\b",
}


@pytest.fixture(scope="module")
def reports(catalog):
    return {p.stem: build_report(load_plan(p), catalog, file=str(p)) for p in EXAMPLES}


@pytest.mark.parametrize("rule", list(FORBIDDEN))
def test_no_example_report_breaks_the_typography_rules(reports, rule):
    found = [
        f"{name}: ...{text[max(0, m.start() - 30) : m.end() + 30]}..."
        for name, report in reports.items()
        for text in _texts(report)
        for m in re.finditer(FORBIDDEN[rule], text or "")
    ]
    assert not found, f"{rule}: {found[:5]}"


def test_spaced_hyphens_print_as_dashes(reports):
    html, _ = to_html(reports["hospital"])
    assert " - " not in html and "how you take part \u2013 pre-approval" in html


def test_why_not_changes_use_real_minus_signs(reports):
    """'(−0.7 points)', '(−$361)': the sign is a minus and stays with its number."""
    texts = [t for r in reports.values() for t in _texts(r)]
    why = [t for t in texts if t.startswith("Best mix")]
    assert why and any("\u2212" in t for t in why)
    # the engine's text has no invisible characters; the PDF joins the sign to its "$"
    assert not any(fmt.JOIN in t for t in why)
    html = "".join(to_html(r)[0] for r in reports.values())
    assert f"(+{fmt.JOIN}$" in html or f"({fmt.MINUS}{fmt.JOIN}$" in html
    assert not re.search(f"[+{fmt.MINUS}]\\$", html)  # no sign can end a line alone


def _table(report, caption_start: str) -> list[Table]:
    return [
        b
        for s in report.sections
        for b in s.blocks
        if isinstance(b, Table) and (b.caption or "").startswith(caption_start)
    ]


def test_hours_caption_mentions_tool_savings_only_where_the_tool_manages_the_channel(
    reports, catalog
):
    for name, report in reports.items():
        rec = recommend(load_plan(EXAMPLE_DIR / f"{name}.yaml"), None, catalog)
        managed = set(rec.tool.covered) if rec.tool else set()
        expected = {
            "Hours by activity" + (" (the tool's savings applied)" if c in managed else "")
            for c in rec.mix
        }
        captions = {t.caption for t in _table(report, "Hours by activity")}
        assert captions == expected, name


def test_channel_limit_is_a_setting_not_a_risk(reports):
    for report in reports.values():
        staffing = next(s for s in report.sections if s.heading == "Staffing")
        bullets = [i for b in staffing.blocks for i in getattr(b, "items", ())]
        assert not any("limit of" in i for i in bullets)
    b2b = next(s for s in reports["b2b_software"].sections if s.heading == "Staffing")
    labels = [getattr(b, "label", "") for b in b2b.blocks]
    assert "Channel limit" in labels  # b2b's mix uses all 5 channels it allows
    # the engine's warnings are not all about capacity ("Regulated firm without a tool...")
    uni = next(s for s in reports["university"].sections if s.heading == "Staffing")
    assert "Limits and risks" in [getattr(b, "text", "") for b in uni.blocks]


def test_scores_have_one_rounding(reports):
    """B2B/B2C strengths read 0.30 and 0.94, never 0.3 next to 0.94."""
    for report in reports.values():
        for t in _table(report, "Audience fit"):
            for row in t.rows:
                if "strength" in row[0]:
                    assert re.fullmatch(r"\d\.\d\d", row[1]), row


@pytest.mark.parametrize("name", ["b2b_software", "hospital"])
def test_what_if_says_same_mix_only_when_nothing_changes(catalog, name):
    """b2b "Must be on LinkedIn" keeps the channels but changes cadences (+8.4 h, +$3,088):
    that is not "same mix"."""
    inp = gather(load_plan(EXAMPLE_DIR / f"{name}.yaml"), catalog)
    base = inp.recs[0]
    said = {}
    for r in inp.recs[1:]:
        text = change_text(inp, r, base)
        unchanged = (
            r.mix == base.mix
            and all(r.channel(c).posts_per_week == base.channel(c).posts_per_week for c in r.mix)
            and (r.tool and r.tool.name) == (base.tool and base.tool.name)
        )
        assert (text == "same mix") == unchanged, (r.scenario, text)
        said[r.scenario] = text
    if name == "b2b_software":
        assert said["Must be on LinkedIn, no TikTok"].startswith("same channels; other cadence: ")


def test_table_cells_are_padded_apart():
    """Neighbouring columns never touch ("0.69 4 a week", "$14,970 Sprout Social")."""
    from advisor.report.markup import CSS

    assert re.search(r"td, th \{[^}]*padding-left: [4-9]px; padding-right: [4-9]px", CSS)
    assert re.search(r"table.small td, table.small th \{[^}]*padding-left: [4-9]px", CSS)


def test_publishers_are_never_guessed_from_titles(catalog, reports):
    """Every source the b2b report cites shows the publisher the knowledge base names, or
    "not given": never a title's head ("MarketingProfs survey of time on social media tasks")."""
    from advisor.core.labels import source_citation
    from advisor.report.appendix import NOT_GIVEN

    by_citation = {source_citation(catalog, sid): s for sid, s in catalog.sources.items()}
    (table,) = _table(reports["b2b_software"], "Sources cited")
    assert table.columns == ("Source", "Publisher", "Date", "Address")
    publishers = {row[0]: row[1] for row in table.rows}
    assert len(publishers) >= 20 and NOT_GIVEN in publishers.values()
    for citation, publisher in publishers.items():
        src = by_citation[citation]
        assert publisher == (src.publisher or NOT_GIVEN), citation
        # The heads the title guess printed: "Meta results", "Agency report (xavierfok)".
        assert not re.search(r"survey|results|report|\(", publisher), citation
    assert publishers[source_citation(catalog, "marketingprofs")] == "MarketingProfs"
    assert publishers[source_citation(catalog, "agency_video")] == "xavierfok.com"
