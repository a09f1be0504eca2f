"""Plain language: undo steps, refusals and errors in words; what-ifs named after what they
change."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from advisor.core.errors import AdvisorInputError
from advisor.core.loading import load_plan
from advisor.gui.files.plain_errors import file_error, write_failure
from advisor.gui.widgets import dialogs as dialogs_mod


def type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_undo_steps_name_fields_and_values_in_words(open_window, qtbot):
    window = open_window()
    type_into(qtbot, window.form.people, "5")
    assert window.undo_action.text() == "&Undo Set People to 5"
    window.form.goals.slider("recruiting").setValue(80)
    assert window.undo_action.text() == "&Undo Set Recruiting && employer brand goal weight to 8"
    type_into(qtbot, window.form.budget, "900")
    assert window.undo_action.text() == "&Undo Set Tool budget to $900 a month"
    window.rec_view.sig_tool.emit("sprout_social/essentials")
    assert window.undo_action.text() == "&Undo Set the tool to Sprout Social Essentials"


def test_a_new_what_if_is_named_after_what_it_changes(open_window, qtbot):
    window = open_window()
    window.scenarios.btn_add.click()
    assert window.doc.scenario_name == "New scenario"
    people = window.form.people
    people.setValue(4)  # the arrows of the spin box: one gesture, one undo step
    people.setValue(5)
    assert window.doc.scenario_name == "People 3 → 5"
    assert window.scenarios.list.currentItem().text() == "People 3 → 5"
    assert window.doc.undo_stack.count() == 2  # add + one edit
    type_into(qtbot, window.form.hours, "25")
    assert window.doc.scenario_name == "People 3 → 5, Hours per person 20 h a week → 25 h a week"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.doc.scenario_name == "New scenario"
    assert window.doc.scenario().changes == {}


def test_a_name_the_user_gave_is_kept(open_window, qtbot):
    window = open_window()
    window.scenarios.btn_dup.click()
    assert window.doc.scenario_name == "Baseline copy"
    window.scenarios.list.currentItem().setText("Lean year")  # an in-place rename
    qtbot.waitUntil(lambda: window.doc.scenario_name == "Lean year", timeout=2000)
    type_into(qtbot, window.form.people, "2")
    assert window.doc.scenario_name == "Lean year"
    assert window.doc.scenario().changes == {"people": 2.0}


def test_a_too_long_scenario_name_is_refused_with_a_message(open_window, qtbot, dialogs):
    window = open_window()
    before = [s.name for s in window.doc.plan.scenarios]
    window.scenarios.list.item(1).setText("x" * 140)
    qtbot.waitUntil(lambda: bool(dialogs["errors"]), timeout=2000)
    title, text, _details = dialogs["errors"][-1]
    assert title == "Not changed"
    assert "at most 100 characters" in text and "140" in text
    assert [s.name for s in window.doc.plan.scenarios] == before
    assert window.scenarios.list.item(1).text() == before[1]


def test_a_too_long_company_name_is_refused_with_a_message(open_window, qtbot, dialogs):
    window = open_window()
    window.form.name.setText("N" * 250)
    window.form.name.editingFinished.emit()
    title, text, _details = dialogs["errors"][-1]
    assert text == "That change was not made. Name is too long: at most 200 characters"
    assert window.doc.plan.profile.name == "Northwind Cloud"
    assert window.form.name.text() == "Northwind Cloud"


def test_problems_in_a_plan_file_are_told_in_words(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "profile:\n  name: Acme\n  colour: blue\n  goals: {brand: 2}\n"
        "scenarios:\n  - name: Base\n    changes: {people: -1}\n",
        encoding="utf-8",
    )
    with pytest.raises(AdvisorInputError) as info:
        load_plan(path)
    html = dialogs_mod.problems_html(info.value)
    assert f"In <b>{path}</b>" in html
    assert "Company profile › colour (line 3) is not a setting a plan can have here; " in html
    assert "allowed here: name, industry, market" in html
    assert "Company profile › Goals › the key “brand” (line 4) must be" in html
    assert "Extra inputs" not in html and "profile.colour" not in html


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EROFS, "The folder /x cannot be written to: it is read-only."),
        (errno.EACCES, "You do not have permission to write to the folder /x."),
        (errno.ENOSPC, "The disk that holds /x is full."),
        (errno.EIO, "/x/plan.yaml could not be written: input/output error."),
    ],
)
def test_file_errors_are_told_in_words(code, words):
    exc = OSError(code, {errno.EIO: "Input/output error"}.get(code, "x"), "/x/.plan.yaml.g4.tmp")
    assert file_error(exc, Path("/x/plan.yaml")) == words


def test_the_safe_writers_refusal_of_a_read_only_folder_is_told_in_words(tmp_path, monkeypatch):
    import os as os_mod

    from advisor.core.safe_io import atomic_write_text

    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, os_mod.strerror(errno.EROFS))

    monkeypatch.setattr(os_mod, "open", read_only)  # as on a read-only disk
    target = tmp_path / "plan.yaml"
    with pytest.raises(OSError) as info:
        atomic_write_text(target, "x")
    assert "Errno" not in write_failure(info.value, target)
    assert write_failure(info.value, target) == (
        f"The folder {tmp_path} cannot be written to: it is read-only."
    )


def test_a_failed_save_says_why_and_keeps_the_work(open_window, tmp_path, dialogs, qtbot):
    window = open_window()
    type_into(qtbot, window.form.people, "4")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert not window.files.save_to(blocker / "plan.yaml")
    title, text, details = dialogs["errors"][-1]
    assert title == "The plan was not saved"
    assert (
        text == f"{blocker / 'plan.yaml'} could not be written: {blocker} is a file, not a folder."
    )
    assert details  # the system's message, behind Show Details
    assert window.doc.modified


def test_every_control_of_the_form_and_scenario_panel_has_a_tooltip(open_window):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QSlider,
        QWidget,
    )

    controls = (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QSlider,
        QAbstractItemView,
    )
    parts = (QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)  # their own insides

    def inside_another(widget, root) -> bool:
        parent = widget.parent()
        while parent is not None and parent is not root:
            if isinstance(parent, parts):
                return True
            parent = parent.parent()
        return False

    window = open_window("local_restaurant.yaml")  # an empty industry field, a default value
    missing = []
    for root in (window.form, window.scenarios):
        for widget in root.findChildren(QWidget):
            is_control = isinstance(widget, controls) and not inside_another(widget, root)
            if is_control and not widget.toolTip():
                name = widget.text() if isinstance(widget, QAbstractButton) else ""
                missing.append(f"{type(widget).__name__} {widget.objectName()} {name}")
    assert len(window.form.findChildren(QSlider)) > 10
    assert missing == []
