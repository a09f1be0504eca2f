"""The example opens as an untitled copy and is never written; saving keeps the file's
comments, key order and layout."""

from __future__ import annotations

import difflib
from pathlib import Path

from PySide6.QtCore import Qt

from advisor.gui.widgets import dialogs as dialogs_mod
from advisor.paths import EXAMPLE_PLAN

HAND_WRITTEN = """\
# Our plan, kept in git. Reviewed by the CMO.
scenarios:
  - name: Baseline   # what we do today
  - name: Lean
    changes: {people: 1}
schema_version: 1
profile:
  people: 2     # two part-timers
  name: Acme
  hours_per_person: 10
  goals:
    recruiting: 2
    brand_awareness: 6   # the board's first ask
"""


def window_on(qtbot, path=None):
    from advisor.gui.app import create_main_window

    window = create_main_window(path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def file_action(window, text: str):
    """The File menu's action with this text, as the user picks it."""
    menu = window.menuBar().actions()[0].menu()
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_the_example_opens_as_an_untitled_copy_and_save_asks_for_a_name(
    qtbot, tmp_path, dialogs, monkeypatch
):
    shipped = EXAMPLE_PLAN.read_bytes()
    window = window_on(qtbot)
    assert window.doc.path is None
    assert "Untitled copy of the example b2b_software.yaml" in window.windowTitle()
    type_into(qtbot, window.form.hours, "25")
    asked = []
    target = tmp_path / "northwind.yaml"

    def ask(_parent, title, start, _filter):
        asked.append((title, start))
        return str(target)

    monkeypatch.setattr(dialogs_mod, "get_save_path", ask)
    file_action(window, "Save").trigger()
    assert asked and asked[0][0] == "Save plan as"
    assert asked[0][1].endswith("b2b_software.yaml")  # suggests the example's name elsewhere
    assert EXAMPLE_PLAN.read_bytes() == shipped
    saved = target.read_text(encoding="utf-8")
    assert "# Example plan: Northwind Cloud" in saved  # the example's comments came along
    assert "  hours_per_person: 25\n" in saved
    assert window.windowTitle().startswith("northwind.yaml")


def test_saving_over_a_shipped_example_is_refused(qtbot, dialogs, monkeypatch):
    shipped = EXAMPLE_PLAN.read_bytes()
    window = window_on(qtbot, EXAMPLE_PLAN)  # opened by name: still an untitled copy
    assert window.doc.path is None
    type_into(qtbot, window.form.hours, "30")
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(EXAMPLE_PLAN))
    assert not window.files.save()
    assert EXAMPLE_PLAN.read_bytes() == shipped
    title, text = dialogs["messages"][-1]
    assert title == "Choose another file" and "never changed" in text
    assert window.doc.modified


def test_save_keeps_comments_and_key_order_and_changes_the_value(qtbot, tmp_path, dialogs):
    path = tmp_path / "acme.yaml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    window = window_on(qtbot, path)
    assert window.windowTitle().startswith("acme.yaml")
    type_into(qtbot, window.form.people, "3")
    assert window.doc.plan.profile.people == 3
    file_action(window, "Save").trigger()
    saved = path.read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(HAND_WRITTEN.splitlines(), saved.splitlines(), n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert diff == ["-  people: 2     # two part-timers", "+  people: 3     # two part-timers"]
    # a second edit and save keeps what the first save wrote
    window.form.scope.scenario.click()
    window.scenarios.list.setCurrentRow(1)
    type_into(qtbot, window.form.hours, "12")
    assert window.files.save()
    again = path.read_text(encoding="utf-8")
    assert "    changes: {people: 1, hours_per_person: 12}\n" in again
    assert again.startswith("# Our plan, kept in git.")
    assert Path(path).stat().st_size > 0
