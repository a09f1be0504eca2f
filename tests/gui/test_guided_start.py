"""File > New: the guided start a first-time user fills in a minute."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from advisor.core.vocab import Format, Goal, Market, Segment
from advisor.gui.plan.guided_start import GuidedStart
from advisor.gui.widgets import dialogs as dialogs_mod

REAL_ASK_NEW_PLAN = dialogs_mod.ask_new_plan  # before the dialogs fixture replaces it


def fill(qtbot, dialog: GuidedStart) -> None:
    """Answer the five questions as a user would: type, pick, tick."""
    qtbot.keyClicks(dialog.name, "Harbour Books")
    qtbot.keyClicks(dialog.industry, "Independent bookshop")
    dialog.market.setCurrentIndex(dialog.market.findText("Business to consumer (B2C)"))
    qtbot.mouseClick(dialog.goals[Goal.brand_awareness], Qt.MouseButton.LeftButton)  # untick
    for goal in (Goal.community_loyalty, Goal.lead_generation):
        qtbot.mouseClick(dialog.goals[goal], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ages["18-29"], Qt.MouseButton.LeftButton)  # untick
    qtbot.mouseClick(dialog.content[Format.short_video], Qt.MouseButton.LeftButton)
    for box, text in ((dialog.people, "2"), (dialog.hours, "6"), (dialog.budget, "30")):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, text)


def test_the_answers_make_a_valid_plan(qtbot):
    dialog = GuidedStart()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok.isEnabled()
    assert dialog.problem.text() == "Give the company a name."
    fill(qtbot, dialog)
    assert dialog.ok.isEnabled() and dialog.problem.text() == ""
    assert dialog.capacity.text() == "= 12.0 staff hours a week for social media"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    plan = dialog.plan()
    p = plan.profile
    assert (p.name, p.industry, p.market) == ("Harbour Books", "Independent bookshop", Market.b2c)
    assert {g for g, w in p.goals.items() if w > 0} == {
        Goal.community_loyalty,
        Goal.lead_generation,
    }
    assert p.audience_age["18-29"] == 0 and p.audience_age["65+"] > 0
    assert p.audience_segment[Segment.professional] == 0
    assert p.content == [Format.text, Format.image, Format.short_video]
    assert (p.people, p.hours_per_person, p.tool_budget, p.hourly_cost) == (2, 6, 30, 50)
    assert [s.name for s in plan.scenarios] == ["Baseline"]


def test_no_goal_is_refused_in_words(qtbot):
    dialog = GuidedStart()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "Acme")
    qtbot.mouseClick(dialog.goals[Goal.brand_awareness], Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == "Tick at least one goal."
    assert not dialog.ok.isEnabled()


def test_file_new_opens_the_guided_start_and_shows_its_recommendation(
    open_window, qtbot, monkeypatch
):
    monkeypatch.setattr(dialogs_mod, "ask_new_plan", REAL_ASK_NEW_PLAN)
    window = open_window()
    answered = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GuidedStart)
        fill(qtbot, dialog)
        answered.append(True)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(window.sig_recommendation_updated, timeout=10000) as blocker:
        window.files.new()
    assert answered
    assert window.doc.plan.profile.name == "Harbour Books"
    assert window.doc.path is None and window.doc.modified  # closing asks where to save it
    assert window.windowTitle().startswith("Untitled")
    rec = blocker.args[0]
    assert rec is not None and rec.staff_hours_available == 12
    assert not window.form.scenario_only
