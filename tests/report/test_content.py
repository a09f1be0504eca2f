"""The report as data and as HTML: no PDF, no Qt."""

from __future__ import annotations

import datetime as dt

import pytest
from report_common import EXAMPLE_DIR, MAIN_HEADINGS, NASTY, WHY_NOT

from advisor.core.engine import recommend
from advisor.core.loading import load_plan
from advisor.core.tables import why_not_text
from advisor.core.vocab import Activity
from advisor.report import fmt
from advisor.report.content import build_report
from advisor.report.markup import chart_token, to_html
from advisor.report.model import Bullets, Chart, KeyFigures, Paragraph, Table

EXAMPLES = EXAMPLE_DIR


def test_sections_in_order_with_one_per_mix_channel(catalog):
    plan = load_plan(EXAMPLES / "b2b_software.yaml")
    report = build_report(plan, catalog, today=dt.date(2026, 1, 2))
    rec = recommend(plan, None, catalog)
    names = [rec.channel(c).name for c in rec.mix]
    assert report.headings == MAIN_HEADINGS[:2] + names + [WHY_NOT] + MAIN_HEADINGS[2:]
    assert ("Date", "2026-01-02") in report.cover.lines
    assert report.author == plan.profile.prepared_by
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


@pytest.mark.parametrize(
    ("value", "text"), [(20409.4, "$20,409"), (-1200, "\u2212\u2060$1,200"), (0.2, "$0")]
)
def test_money(value, text):
    assert fmt.money(value) == text


def test_delta_and_numbers():
    assert fmt.delta(48.6) == "+48.6" and fmt.delta(-0.04) == "±0"
    assert fmt.delta(0.0) == "±0" and fmt.delta(-315, "$") == "\u2212\u2060$315"
    assert fmt.hours(55.04) == "55.0" and fmt.fte(1.6923) == "1.69"


def _texts(report) -> list[str]:
    out = []
    for s in report.sections:
        out.append(s.heading)
        for b in s.blocks:
            if isinstance(b, Paragraph):
                out += [b.label, b.text]
            elif isinstance(b, Bullets):
                out += list(b.items)
            elif isinstance(b, Table):
                out += [b.caption, *b.columns, *(c for r in b.rows for c in r)]
            elif isinstance(b, KeyFigures):
                out += [x for item in b.items for x in item]
            elif isinstance(b, Chart):
                out.append(b.caption)
    return out


@pytest.mark.parametrize("example", ["hospital", "b2b_software"])
def test_new_answer_in_plain_words(catalog, example):
    plan = load_plan(EXAMPLES / f"{example}.yaml")
    report = build_report(plan, catalog)
    rec = recommend(plan, None, catalog)
    texts = _texts(report)
    joined = "\n".join(texts)
    # no enum reprs or internal ids (channel ids with an underscore, level / ambition ids)
    for bad in (
        "Level.",
        "Role.",
        "Ambition.",
        "Activity.",
        "whatsapp_channels",
        "(min)",
        "auto ambition",
        "typical_or_more",
    ):
        assert bad not in joined, bad
    # every left-out channel's why-not sentence, in the Why not section
    why_not = next(s for s in report.sections if s.heading == WHY_NOT)
    para = " ".join(b.text for b in why_not.blocks if isinstance(b, Paragraph))
    for c in rec.channels:
        if not c.in_mix and c.why_not is not None:
            assert why_not_text(rec, c.id) in para
    # the activity table shows the new activities by label when they carry hours, no empty rows
    staffing = next(s for s in report.sections if s.heading == "Staffing")
    act = next(b for b in staffing.blocks if isinstance(b, Table) and b.columns[0] == "Activity")
    labels = [r[0] for r in act.rows[:-1]]
    for a in Activity:
        assert (a.label in labels) == (rec.hours_by_activity[a] >= 0.05)
    assert act.rows[-1][-1] == fmt.hours(rec.hours_per_week)
    setup = next(b for b in staffing.blocks if isinstance(b, Table) and "Set-up" in b.columns[0])
    assert [r[0] for r in setup.rows[:-1]] == list(rec.setup_hours)


def test_staffing_chart_draws_every_activity(catalog):
    from advisor.charts import ACTIVITY_COLORS, SHARED_LABEL, draw_staffing, new_figure

    assert set(ACTIVITY_COLORS) == set(Activity)
    rec = recommend(load_plan(EXAMPLES / "hospital.yaml"), None, catalog)
    fig = new_figure()
    ax = fig.add_subplot()
    draw_staffing(ax, rec)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert SHARED_LABEL in labels
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert Activity.archive.label in legend and Activity.administer.label in legend
    # the bars add up to the plan's hours, the shared base included
    total = sum(p.get_width() for p in ax.patches)
    assert total == pytest.approx(rec.hours_per_week, abs=0.01)


@pytest.mark.parametrize("name", ["university", "local_restaurant"])
def test_no_source_ids_in_the_words_and_every_cited_source_listed(catalog, name):
    """A note that names a seed article ("seed_000: validate followers...") reads as its
    citation, and the source list at the end has that source."""
    import re

    report = build_report(load_plan(EXAMPLES / f"{name}.yaml"), catalog)
    html, _ = to_html(report)
    assert not re.search(r"\bseed_\d+\b", html)
    appendix = next(s for s in report.sections if s.heading.startswith("Appendix"))
    sources = next(
        b for b in appendix.blocks if isinstance(b, Table) and b.caption == "Sources cited"
    )
    cited = {row[0] for row in sources.rows}
    assert any(c.startswith("Anderson, 'Social Media Secrets That All CIOs") for c in cited)
