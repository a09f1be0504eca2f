"""The shared chart functions: literal text, every mix channel, margins to scale, distinct
labels. Drawn on plain matplotlib Figures (no Qt, no PDF), so these run in milliseconds."""

from __future__ import annotations

import io

import pytest
from report_common import EXAMPLE_DIR

from advisor import charts
from advisor.core.engine import recommend
from advisor.core.loading import load_plan
from advisor.core.result import GoalSensitivity, Sensitivity
from advisor.core.vocab import Goal
from advisor.fonts import logical_text, visual


@pytest.fixture(scope="module")
def rec(catalog):
    return recommend(load_plan(EXAMPLE_DIR / "b2b_software.yaml"), None, catalog)


def _draw(draw, *args, **kwargs):
    fig = charts.new_figure(6, 3)
    ax = fig.add_subplot()
    draw(ax, *args, **kwargs)
    fig.savefig(io.BytesIO(), format="png")  # draws every text: maths would raise here
    return ax


def _ticks(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_fit_chart_shows_every_mix_channel(rec):
    # The last channel of the ranking, put in the mix: it must be drawn and marked.
    last = rec.channels[-1].model_copy(update={"in_mix": True})
    forced = rec.model_copy(update={"channels": [*rec.channels[:-1], last]})
    labels = _ticks(_draw(charts.draw_contributions, forced, limit=5))
    assert f"● {last.name}" in labels
    assert len(labels) == 6  # five best fits and the mix channel below them


def test_scenario_names_are_literal_and_distinct(rec):
    names = ["Cut from $5,000 to $3,000", "Budget $\\foo$", "A" * 70 + " one", "A" * 70 + " two"]
    recs = [rec.model_copy(update={"scenario": n}) for n in names]
    ax = _draw(charts.draw_compare, recs)
    labels = [" ".join(x.split("\n")) for x in _ticks(ax)[::-1]]
    assert labels[0] == "Cut from $5,000 to $3,000" and labels[1] == "Budget $\\foo$"
    assert len(set(labels)) == 4  # the two long names do not collapse into one label
    legend = _draw(charts.draw_compare_coverage, recs).get_legend()
    assert legend.get_texts()[1].get_text() == "Budget $\\foo$"


def test_margins_chart_is_in_points_to_scale():
    sens = Sensitivity(
        goals=[
            GoalSensitivity(goal=Goal.recruiting, share=0.05, down=None, up=0.8),
            GoalSensitivity(goal=Goal.brand_awareness, share=0.3, down=0.021, up=None),
        ],
        robustness={"linkedin": 1.0},
        samples=100,
        spread=0.3,
        mix_stability=0.9,
    )
    ax = _draw(charts.draw_sensitivity, sens)
    widths = sorted(round(p.get_width(), 6) for p in ax.patches if p.get_width())
    assert widths == [-2.1, 80.0]  # points, not clipped at 50, and no bar for "none"
    lo, hi = ax.get_xlim()
    assert hi >= 80 and lo <= -80
    texts = {t.get_text() for t in ax.texts}
    assert {"+80.0", "−2.1", "no change"} <= texts


def test_arabic_is_shaped_for_matplotlib_and_left_as_typed_for_qt():
    name = "مطعم زيتونة"
    shown = visual(name)
    assert shown != name and "\ufe8e" <= max(shown) <= "\ufefc"  # presentation forms
    with logical_text():
        assert visual(name) == name
    assert visual("Casa Olivia") == "Casa Olivia"


def test_whatif_hours_compare_the_team_with_its_own_hours(rec):
    """The solid bar is the marketing team's hours, the one the '|' tick of its available
    hours measures; other roles come after it, pale; the label sits after the bar or the
    tick, whichever ends further, so the tick never cuts through it."""
    from advisor.core.vocab import Role

    big = rec.model_copy(
        update={"scenario": "Double", "staff_hours_available": 4 * rec.hours_per_week}
    )
    ax = _draw(charts.draw_compare, [rec, big])
    bars = [p for p in ax.patches if p.get_width()]
    solid = sorted(round(p.get_width(), 6) for p in bars if p.get_alpha() is None)
    assert solid == [round(rec.hours_by_role[Role.marketing], 6)] * 2
    ends = {round(p.get_x() + p.get_width(), 6) for p in bars if p.get_alpha() is not None}
    assert ends == {round(rec.hours_per_week, 6)}  # solid plus pale: every role's hours
    for t, r in zip(ax.texts, [big, rec], strict=True):  # drawn bottom-up
        end = max(r.hours_per_week, r.staff_hours_available)
        assert end < t.get_position()[0] < 1.1 * end
