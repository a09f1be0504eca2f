"""Edits in flight are never lost, and failures are said, not raised."""

from __future__ import annotations

import threading

import yaml
from PySide6.QtCore import Qt

from advisor.core.loading import load_plan


def test_typing_then_save_shortcut_saves_the_typing(open_window, qtbot):
    window = open_window()
    window.activateWindow()
    notes = window.form.notes
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus, timeout=2000)
    qtbot.keyClicks(notes, "Launch in March.")
    assert window.files.save()  # as the Save shortcut does: no focus change first
    saved = load_plan(window.doc.path)
    assert "Launch in March." in saved.profile.notes
    assert not window.isWindowModified()


def test_closing_while_typing_asks_to_save(open_window, qtbot, dialogs, monkeypatch):
    from advisor.gui.widgets import dialogs as mod

    asked = []
    monkeypatch.setattr(mod, "ask_save_changes", lambda _p, name: asked.append(name) or "cancel")
    window = open_window()
    window.activateWindow()
    window.form.notes.setFocus()
    qtbot.waitUntil(window.form.notes.hasFocus, timeout=2000)
    qtbot.keyClicks(window.form.notes, "half-typed")
    assert not window.close()
    assert asked and "half-typed" in window.doc.plan.profile.notes


def test_undo_after_save_stops_at_the_saved_state(open_window):
    window = open_window()
    people = window.form.people
    people.setValue(3.5)
    people.editingFinished.emit()
    assert window.files.save()
    people.setValue(4.0)
    people.editingFinished.emit()
    window.undo_action.trigger()
    assert window.doc.plan.profile.people == 3.5
    assert not window.isWindowModified()


def test_empty_scenario_name_is_refused_and_the_list_restored(open_window):
    window = open_window()
    before = [s.name for s in window.doc.plan.scenarios]
    window.scenarios.sig_rename.emit(before[1], "   ")
    assert [s.name for s in window.doc.plan.scenarios] == before
    items = window.scenarios.list
    assert [items.item(i).text() for i in range(items.count())] == before
    assert "needs a name" in window.statusBar().currentMessage()


def test_csv_export_failure_is_a_dialog(open_window, tmp_path, monkeypatch, dialogs):
    from advisor.gui.widgets import dialogs as mod

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(mod, "get_save_path", lambda *_a: str(blocker / "out.csv"))
    window = open_window()
    window.files.export_csv()
    title, text, details = dialogs["errors"][-1]
    assert title == "The CSV file was not written"
    # in words: the safe writer's refusal names the folder that is a file
    assert text == f"{blocker / 'out.csv'} could not be written: {blocker} is a file, not a folder."
    assert str(blocker) in details  # the full message behind Show Details


def test_closing_during_export_leaves_no_worker_thread(open_window, monkeypatch, tmp_path):
    from advisor.gui.widgets import dialogs as mod

    before = set(threading.enumerate())
    window = open_window()
    monkeypatch.setattr(mod, "get_save_path", lambda *_a: str(tmp_path / "r.pdf"))
    window.files.export_pdf()
    assert window.files.exporter.running
    assert window.close()
    alive = [
        t
        for t in threading.enumerate()
        if t.name == "advisor-worker" and t.is_alive() and t not in before
    ]
    assert alive == []
    assert not (tmp_path / "r.pdf").exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")] == []


def test_recovered_crash_work_is_moved_not_deleted(
    config_dir, example_copy, monkeypatch, qtbot, dialogs
):
    from advisor.gui.app import create_main_window
    from advisor.gui.config import recovery_path
    from advisor.gui.widgets import dialogs as mod

    plan = example_copy()
    config_dir.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_load(plan.read_text())
    data["profile"]["name"] = "Recovered Co"
    orphan = config_dir / "recovery-999999.json"  # no such process
    import json

    orphan.write_text(json.dumps({"source": str(plan), "scenario": "Baseline", "plan": data}))
    monkeypatch.setattr(mod, "ask_restore", lambda *_a: True)
    window = create_main_window(plan)
    qtbot.addWidget(window)
    assert window.doc.plan.profile.name == "Recovered Co"
    assert not orphan.exists() and recovery_path().exists()
    window.files.autosaver.discard()
    window.runner.shutdown()


def test_notes_keep_their_line_breaks_in_the_pdf_markup():
    from advisor.report.markup import _para
    from advisor.report.model import Paragraph

    html = _para(Paragraph("first <line>\nsecond"))
    assert "first &lt;line&gt;<br/>second" in html
    assert Qt is not None
