"""The report as data and as HTML: no PDF, no Qt."""

from __future__ import annotations

import datetime as dt

import pytest
from report_common import EXAMPLE_DIR, MAIN_HEADINGS, NASTY

from advisor.core.engine import recommend
from advisor.core.loading import load_plan
from advisor.report import fmt
from advisor.report.content import build_report
from advisor.report.markup import chart_token, to_html
from advisor.report.model import Chart, Table

EXAMPLES = EXAMPLE_DIR


def test_sections_in_order_with_one_per_mix_channel(catalog):
    plan = load_plan(EXAMPLES / "b2b_software.yaml")
    report = build_report(plan, catalog, today=dt.date(2026, 1, 2))
    rec = recommend(plan, None, catalog)
    names = [rec.channel(c).name for c in rec.mix]
    assert report.headings == MAIN_HEADINGS[:2] + names + MAIN_HEADINGS[2:]
    assert ("Date", "2026-01-02") in report.cover.lines
    assert ("Prepared by", plan.profile.prepared_by) in report.cover.lines


def test_every_table_row_has_every_cell(catalog):
    plan = load_plan(EXAMPLES / "regional_bank.yaml")
    report = build_report(plan, catalog)
    tables = [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    assert tables and all(len(r) == len(t.columns) for t in tables for r in t.rows)
    kinds = {b.kind for s in report.sections for b in s.blocks if isinstance(b, Chart)}
    assert kinds == {
        "draw_contributions",
        "draw_staffing",
        "draw_coverage",
        "draw_compare",
        "draw_compare_coverage",
        "draw_robustness",
        "draw_sensitivity",
    }


def test_regulated_firm_gets_compliance_checklist(catalog):
    bank = build_report(load_plan(EXAMPLES / "regional_bank.yaml"), catalog)
    cafe = build_report(load_plan(EXAMPLES / "local_restaurant.yaml"), catalog)

    def text(report):
        return " ".join(
            str(b) for s in report.sections if s.heading == "Roles and policy" for b in s.blocks
        )

    assert "Archiving" in text(bank) and "pre-approval" in text(bank)
    assert "Archiving" not in text(cafe)
    assert "Respond rather than censor" in text(cafe)


def test_user_strings_are_escaped_in_the_html(catalog):
    plan = load_plan(EXAMPLES / "local_restaurant.yaml")
    prof = plan.profile.model_copy(
        update={"name": NASTY, "prepared_by": "R&D <team>", "notes": "<i>x</i> " + chart_token(0)}
    )
    plan = plan.model_copy(update={"profile": prof})
    html, charts = to_html(build_report(plan, catalog))
    assert "<script>" not in html and "<b>Acme" not in html and "<i>x" not in html
    assert "&lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Sons&quot; &lt;script&gt;x&lt;/script&gt;" in html
    assert "R&amp;D &lt;team&gt;" in html
    # A note cannot fake a chart placeholder: exactly one token per chart.
    assert all(html.count(chart_token(i)) == 1 for i in range(len(charts)))


@pytest.mark.parametrize(("value", "text"), [(20409.4, "$20,409"), (-1200, "-$1,200"), (0.2, "$0")])
def test_money(value, text):
    assert fmt.money(value) == text


def test_delta_and_numbers():
    assert fmt.delta(48.6) == "+48.6" and fmt.delta(-0.04) == "±0"
    assert fmt.delta(0.0) == "±0" and fmt.delta(-315, "$") == "-$315"
    assert fmt.hours(55.04) == "55.0" and fmt.fte(1.6923) == "1.69"
