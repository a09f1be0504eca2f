"""The report as data and as HTML: no PDF, no Qt."""

from __future__ import annotations

import datetime as dt
import re

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


# --- The board PDF's numbers agree with each other (page 1 and the channel pages) ---

ALL_EXAMPLES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture(scope="module")
def inputs(catalog):
    """Each example's report inputs (engine results; no sensitivity, which these pages'
    figures do not use)."""
    from advisor.core.engine import build, prepare
    from advisor.core.result import Sensitivity
    from advisor.report.content import Inputs

    out = {}
    for name in ALL_EXAMPLES:
        plan = load_plan(EXAMPLES / f"{name}.yaml")
        prep = prepare(plan, None, catalog)
        rec = build(prep)
        sens = Sensitivity(goals=[], robustness={}, samples=0, spread=0.0, mix_stability=1.0)
        out[name] = Inputs(plan, catalog, prep, rec, sens, [rec], dt.date(2026, 1, 2))
    return out


def _number_after(text: str, lead: str) -> float | None:
    import re

    m = re.search(re.escape(lead) + r"[^0-9]*?([0-9][0-9,]*\.[0-9])", text)
    return float(m.group(1).replace(",", "")) if m else None


@pytest.mark.parametrize("example", ALL_EXAMPLES)
def test_channel_page_minimum_agrees_with_its_hours_table(inputs, example):
    """'At the minimum it still needs X h/week' is the hours table's total when the channel
    runs at its minimum, and the total less what 'minimum ... would save' otherwise."""
    from advisor.report.channels import channel_section

    inp = inputs[example]
    for c in inp.mix:
        blocks = channel_section(inp, c).blocks
        text = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
        (table,) = [b for b in blocks if isinstance(b, Table) and b.columns[0] == "Activity"]
        total = float(table.rows[-1][1])
        assert table.rows[-1][1] == fmt.hours(c.total_hours)  # the engine's figure
        at_min = _number_after(text, "at the minimum it still needs")
        assert at_min is not None, text
        if c.cadence_level is not None and c.cadence_level.value == "min":
            assert at_min == total, (c.name, at_min, total)
        elif "minimum (" in text.lower():  # 'Minimum (2 a week) would save Y h/week'
            saves = _number_after(text.lower().split("minimum (", 1)[1], "would save")
            assert saves is not None, text
            assert abs(total - saves - at_min) <= 0.1 + 1e-9, (c.name, total, saves, at_min)


def _value(cell: str) -> float:
    return float(cell.replace(fmt.MINUS, "-").replace("±", "").replace(",", "") or 0)


@pytest.mark.parametrize("example", ALL_EXAMPLES)
def test_page_one_rows_add_up_or_say_they_are_rounded(inputs, example):
    """Page 1's Shared row is the engine's base hours (what the chart and the staffing page
    show); where the rounded rows miss the total, or today's sentence does not subtract,
    a note under the table says the figures are rounded one by one."""
    from advisor.report.decision import decision_section, mix_table, today_line

    inp = inputs[example]
    table = mix_table(inp)
    shared = [r for r in table.rows if r[0].startswith("Shared")]
    assert [r[table.columns.index("Hours/week")] for r in shared] == [
        fmt.hours(sum(inp.rec.base_hours_by_activity.values()))
    ]
    *rows, total = table.rows
    misses = False
    for col in ("Hours/week", "Change from today", "FTE"):
        if col in table.columns:
            k = table.columns.index(col)
            misses |= abs(sum(_value(r[k]) for r in rows) - _value(total[k])) > 1e-6
    blocks = decision_section(inp).blocks
    words = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    if "Change from today" in table.columns:
        today, planned, change = (
            _value(x) for x in re.findall(r"[−+]?[0-9][0-9,]*\.[0-9]", today_line(inp))[:3]
        )
        misses |= abs(planned - today - change) > 1e-6
    assert ("rounded on its own" in words) == misses, (example, words)


@pytest.mark.parametrize("example", ALL_EXAMPLES)
def test_page_one_says_the_action_is_about_posts_where_hours_go_the_other_way(inputs, example):
    from advisor.report.decision import decision_section

    inp = inputs[example]
    against = [
        c.name
        for c in inp.mix
        if (c.action is not None and c.hours_today is not None)
        and (
            (c.action.value == "grow" and round(c.total_hours - c.hours_today, 1) < 0)
            or (c.action.value == "reduce" and round(c.total_hours - c.hours_today, 1) > 0)
            or (c.action.value == "keep" and round(c.total_hours - c.hours_today, 1) != 0)
        )
    ]
    words = " ".join(b.text for b in decision_section(inp).blocks if isinstance(b, Paragraph))
    assert ("action compares posts a week" in words) == bool(against), (example, against)


@pytest.mark.parametrize("example", ALL_EXAMPLES)
def test_page_one_risk_gives_the_channel_pages_reason(inputs, example):
    """A warning about a channel left out gives the reason the channel pages give, with the
    same figures; the channel limit (a setting) is never page 1's risk."""
    from advisor.core.explain import CAP_WARNING
    from advisor.report.decision import main_risk

    inp = inputs[example]
    for c in inp.left_out:
        for w in inp.rec.warnings:
            if f" {c.name} " in f" {w} ".replace(":", " "):
                assert c.excluded_because in w, (w, c.excluded_because)
    _, risk = main_risk(inp)
    assert not risk.startswith(CAP_WARNING)


def test_tool_line_says_why_there_is_no_tool(inputs, catalog):
    from advisor.report.decision import tool_line

    uni = inputs["university"]
    assert uni.rec.tool is None
    assert tool_line(uni) == (
        "None: no tool saves more in staff time than it costs within the tool budget of "
        f"{fmt.money(uni.prep.profile.tool_budget)} a month."
    )
    from advisor.core.engine import build, prepare
    from advisor.report.content import Inputs

    plan = load_plan(EXAMPLES / "local_restaurant.yaml")
    prep = prepare(plan, "No tool", catalog)
    rec = build(prep, explain_left_out=False)
    base = inputs["local_restaurant"]
    inp = Inputs(plan, catalog, prep, rec, base.sens, [rec], base.today)
    assert tool_line(inp) == "None: the scenario rules tools out."


@pytest.mark.parametrize("example", ALL_EXAMPLES)
def test_tool_line_calls_an_unsourced_price_an_estimate(inputs, example):
    from advisor.report.decision import tool_line

    inp = inputs[example]
    t = inp.rec.tool
    if t is None:
        return
    tool = next(x for x in inp.catalog.tools if x.id == t.id)
    price = next(p.price for p in tool.plans if p.id == t.plan)
    line = tool_line(inp)
    assert ("an estimate until the vendor quotes" in line) == (
        price.estimate and t.monthly_cost > 0
    )
    assert fmt.hours(t.hours_saved) in line and fmt.hours(t.it_hours) in line


def test_staffing_table_says_when_its_rounded_figures_do_not_add_up(catalog):
    """Hours by activity and channel: a note when a column or row, as printed, misses its
    total (each figure is rounded once); none when everything adds up."""
    from advisor.report.analysis import _table_adds_up

    seen = set()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        report = build_report(load_plan(path), catalog)
        staffing = next(s for s in report.sections if s.heading == "Staffing")
        table = next(b for b in staffing.blocks if isinstance(b, Table) and "activity" in b.caption)
        noted = any(
            isinstance(b, Paragraph) and b.text == fmt.ROUNDED_NOTE for b in staffing.blocks
        )
        assert noted == (not _table_adds_up(list(table.rows))), path.stem
        seen.add(noted)
    assert True in seen  # university's Total column adds to 67.5 against 67.4
    fine = [("Create", "1.0", "–", "1.0"), ("Engage", "0.5", "2.0", "2.5")]
    assert _table_adds_up([*fine, ("Total", "1.5", "2.0", "3.5")])
    assert not _table_adds_up([*fine, ("Total", "1.5", "2.0", "3.4")])
