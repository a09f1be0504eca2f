"""The engine's answer in the window: cadences, why and why not, staffing by role, calibration."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

from advisor.core.engine import build, prepare
from advisor.core.loading import load_catalog, load_plan
from advisor.core.result import SearchInfo
from advisor.core.tables import why_not_text
from advisor.core.vocab import Ambition, Level, Role

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture(scope="module")
def answer():
    """The example plan's Baseline recommendation, its scenario and the catalog."""
    catalog = load_catalog()
    plan = load_plan(EXAMPLES / "b2b_software.yaml")
    rec = build(prepare(plan, "Baseline", catalog))
    return SimpleNamespace(rec=rec, scenario=plan.scenario("Baseline"), catalog=catalog)


@pytest.fixture
def view(qtbot, answer):
    from advisor.gui.recommendation.rec_view import RecommendationView

    widget = RecommendationView()
    qtbot.addWidget(widget)
    widget.set_catalog(answer.catalog)
    widget.show_result(answer.rec, answer.scenario)
    return widget


def _cadence(view, cid: str) -> str:
    model = view.model
    return model.index(model.row_of(cid), model.CADENCE_COLUMN).data()


def _left_out(rec) -> str:
    """The best-ranked channel out of the mix that has a why-not."""
    return next(c.id for c in rec.channels if not c.in_mix and c.why_not is not None)


def test_cadence_column_names_posts_and_level(view, answer):
    from advisor.gui.widgets.formatting import posts_text

    assert view.model.headerData(view.model.CADENCE_COLUMN, _horizontal()) == "Cadence"
    for cid in answer.rec.mix:
        c = answer.rec.channel(cid)
        expected = f"{posts_text(c.posts_per_week)} ({c.cadence_level.label})"
        assert _cadence(view, cid) == expected
    assert _cadence(view, _left_out(answer.rec)) == ""


def test_cadence_text_in_weeks_or_months(answer):
    from advisor.gui.widgets.formatting import cadence_text

    c = answer.rec.channel(answer.rec.mix[0])
    weekly = c.model_copy(update={"posts_per_week": 4.0, "cadence_level": Level.typical})
    assert cadence_text(weekly) == "4 a week (typical)"
    monthly = c.model_copy(update={"posts_per_week": 0.25, "cadence_level": Level.min})
    assert cadence_text(monthly) == "1 a month (minimum)"
    out = c.model_copy(update={"in_mix": False, "cadence_level": None})
    assert cadence_text(out) == ""


def test_cadence_text_units():
    from advisor.gui.widgets.formatting import posts_text

    assert posts_text(2.5) == "2.5 a week"
    assert posts_text(1) == "1 a week"
    assert posts_text(0.5) == "2 a month"
    assert posts_text(0.1) == "1 every 2 months"


def test_detail_of_a_channel_in_the_mix_says_why_this_cadence(view, answer):
    from advisor.gui.widgets.formatting import cadence_text

    cid = answer.rec.mix[0]
    view.select_channel(cid)
    text = view.detail.toPlainText()
    c = answer.rec.channel(cid)
    assert "In the mix" in text
    assert c.why and c.why[1:] in text
    assert f"Cadence: {cadence_text(c)}" in text


def test_detail_of_a_channel_left_out_says_why_not(view, answer):
    cid = _left_out(answer.rec)
    view.select_channel(cid)
    text = view.detail.toPlainText()
    c = answer.rec.channel(cid)
    assert "Not in the mix" in text
    assert c.excluded_because[1:] in text
    sentence = why_not_text(answer.rec, cid)
    assert sentence.startswith(f"Best mix with {c.name}") and sentence in text
    assert "What including it would take" in text


def test_staffing_view_lists_hours_and_fte_by_role(view, answer):
    rec = answer.rec
    text = view.roles.toPlainText()
    for role in Role:
        assert role.label in text
        assert f"{rec.hours_by_role[role]:.1f} h/week" in text
        assert f"{rec.fte_by_role[role]:.2f} FTE" in text
    assert f"{rec.hours_per_week:.1f} h/week" in text


def test_staffing_view_shows_spare_capacity_and_setup_apart(view, answer):
    rec = answer.rec
    spare = f"{rec.spare_hours_per_week:.1f} h/week spare of {rec.staff_hours_available:.1f}"
    assert spare in view.roles.toPlainText()
    assert spare in view.summary.text()
    weekly, _, setup = view.roles.toPlainText().partition("One-off set-up (not weekly)")
    assert rec.setup_hours and setup
    for item, hours in rec.setup_hours.items():
        assert f"{item}\n{hours:.0f} h" in setup
        assert item not in weekly


def test_spare_text_format(answer):
    from advisor.gui.widgets.formatting import spare_text

    rec = answer.rec.model_copy(update={"spare_hours_per_week": 12.0, "staff_hours_available": 40})
    assert spare_text(rec) == "12.0 h/week spare of 40.0"


def test_a_search_stopped_at_its_time_limit_is_said(view, answer):
    assert "time limit" not in view.summary.text()
    stopped = answer.rec.model_copy(
        update={"search": SearchInfo(nodes=10, optimal=False, gap=0.0123)}
    )
    view.show_result(stopped, answer.scenario)
    assert "stopped at its time limit" in view.summary.text()
    assert "1.2 points" in view.summary.text()


def test_cadence_preference_offers_the_five_choices_by_label(view):
    combo = view.ambition_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [a.label for a in Ambition]
    assert combo.currentText() == "Let the advisor choose"


def test_no_internal_ids_in_the_table(view):
    model = view.model
    texts = {model.index(r, c).data() for r in range(model.rowCount()) for c in range(1, 6)}
    assert not any("(min)" in t or "_" in t for t in texts if t)


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


# --- calibration ------------------------------------------------------------------------------
def _case(name: str, passed: bool) -> SimpleNamespace:
    return SimpleNamespace(
        name=name,
        situation="A B2B firm with three people",
        published="4 posts a week",
        engine="4 a week",
        source="Sprout Social, 2024, https://sproutsocial.com/insights/",
        passed=passed,
    )


def test_calibration_dialog_shows_the_benchmarks(qtbot):
    from advisor.gui.knowledge.calibration_view import HEADERS, CalibrationDialog

    cases = [_case("LinkedIn cadence", True), _case("Blog cadence", True), _case("X", False)]
    dialog = CalibrationDialog(lambda: cases)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=5000)
    table = dialog.table
    assert [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())] == list(
        HEADERS
    )
    assert dialog.summary.text() == "2 of 3 benchmarks pass"
    assert [table.item(r, 5).text() for r in range(3)] == ["pass", "pass", "fail"]
    assert table.item(0, 4).text().startswith("Sprout Social, 2024")
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    dialog.runner.shutdown()


def test_calibration_dialog_without_the_engine_module(qtbot):
    from advisor.gui.knowledge.calibration_view import CalibrationDialog, CalibrationUnavailable

    def missing():
        raise CalibrationUnavailable("Calibration is not available in this version.")

    dialog = CalibrationDialog(missing)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "not available" in dialog.summary.text(), timeout=5000)
    assert dialog.table.isHidden()
    dialog.runner.shutdown()


@pytest.mark.skipif(
    importlib.util.find_spec("advisor.core.calibration") is None,
    reason="the engine has no calibration module yet",
)
def test_calibration_dialog_runs_the_engine_benchmarks(qtbot, answer):
    from advisor.gui.knowledge.calibration_view import CalibrationDialog, load_cases

    dialog = CalibrationDialog(lambda: load_cases(answer.catalog))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=120000)
    n = dialog.table.rowCount()
    assert dialog.summary.text().endswith(f"of {n} benchmarks pass")
    assert {dialog.table.item(r, 5).text() for r in range(n)} <= {"pass", "fail"}
    dialog.runner.shutdown()
