"""The sensitivity analysis in words: the smallest moves that change the mix, and no
robustness claim for an empty mix."""

from __future__ import annotations

import pytest

from advisor.core.result import GoalSensitivity, Sensitivity
from advisor.core.vocab import Goal
from advisor.gui.sensitivity.sensitivity_text import fragile_sentences, swap_text

NAMES = {"facebook": "Facebook", "linkedin": "LinkedIn", "blog": "Company blog"}


def _sens() -> Sensitivity:
    goals = [
        GoalSensitivity(goal=g, share=1 / 9, down=None, up=None)
        for g in Goal
        if g not in (Goal.recruiting, Goal.brand_awareness)
    ]
    goals += [
        GoalSensitivity(
            goal=Goal.recruiting, share=0.1, down=None, up=0.04, mix_up=["linkedin", "blog"]
        ),
        GoalSensitivity(
            goal=Goal.brand_awareness, share=0.2, down=0.123, up=None, mix_down=["blog"]
        ),
    ]
    return Sensitivity(
        goals=goals,
        robustness={"facebook": 0.9, "blog": 1.0},
        samples=10,
        spread=0.3,
        mix_stability=0.9,
    )


def test_the_smallest_move_comes_first_in_points_and_names():
    lines = fragile_sentences(_sens(), ["facebook", "blog"], NAMES)
    assert lines == [
        "A 4-point move towards recruiting & employer brand swaps Facebook for LinkedIn.",
        "A 12-point move away from brand awareness drops Facebook.",
    ]


@pytest.mark.parametrize(
    ("after", "text"),
    [
        ([], "leaves no channel"),
        (["facebook"], "drops Company blog"),
        (["facebook", "blog", "linkedin"], "adds LinkedIn"),
    ],
)
def test_swap_in_words(after, text):
    assert swap_text(["facebook", "blog"], after, NAMES) == text


def test_an_empty_mix_claims_no_robustness(qtbot):
    from advisor.gui.sensitivity.sensitivity_view import SensitivityView

    view = SensitivityView()
    qtbot.addWidget(view)
    view.show_result(_sens(), NAMES, [])
    assert "No channel is in the mix" in view.status.text()
    assert "%" not in view.status.text() and view.table.rowCount() == 0
    view.show_result(_sens(), NAMES, ["facebook", "blog"])
    assert view.status.text().startswith("<b>90%</b>")
    changes = [view.table.item(r, 5).text() for r in range(view.table.rowCount())]
    assert "Swaps Facebook for LinkedIn" in changes
    assert (
        "Company blog" in view.table.item(changes.index("Swaps Facebook for LinkedIn"), 5).toolTip()
    )


def test_progress_shows_only_for_a_run_that_takes_a_while(open_window, qtbot, monkeypatch):
    import time

    from advisor.core import sensitivity as sens_mod

    def slow(prep, *, on_progress=None, should_stop=None, **kwargs):
        # the analysis takes about 0.1 s now: a run that takes a while, until cancelled
        while should_stop is None or not should_stop():
            time.sleep(0.01)
        raise sens_mod.Cancelled

    monkeypatch.setattr(sens_mod, "sensitivity", slow)
    window = open_window()
    control = window.sensitivity
    with qtbot.waitSignal(window.runner.sig_started, timeout=5000):
        window.sens_view.btn_run.click()
    assert not control.progress_visible()  # a quick run would never show it: no flashing
    qtbot.waitUntil(control.progress_visible, timeout=5000)
    with qtbot.waitSignal(window.runner.sig_cancelled, timeout=5000):
        window.sens_view.btn_cancel.click()
    assert not control.progress_visible()
