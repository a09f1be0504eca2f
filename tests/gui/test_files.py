"""Saving, opening, broken files, knowledge-base edits and the title/modified state."""

from __future__ import annotations

from pathlib import Path

import yaml

from advisor.core.loading import load_catalog, load_plan
from advisor.gui.widgets import dialogs as dialogs_mod


def test_save_and_reopen_gives_the_same_plan(open_window, tmp_path, qtbot, monkeypatch):
    window = open_window()
    window.form.goals.slider("recruiting").setValue(95)
    window.scenarios.btn_add.click()
    target = tmp_path / "saved" / "plan.yaml"
    target.parent.mkdir()  # saving never creates folders (safe_io)
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(target))
    assert window.files.save_as()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("plan.yaml")
    edited = window.doc.plan
    assert load_plan(target) == edited
    window.files.new()
    assert window.doc.path is None and window.doc.plan != edited
    assert window.files.open_path(target)
    assert window.doc.plan == edited
    assert str(target.resolve()) in __import__("advisor.gui.config", fromlist=["x"]).recent_files()


def test_opening_a_broken_file_keeps_the_current_plan(open_window, tmp_path, dialogs):
    window = open_window()
    window.form.goals.slider("recruiting").setValue(95)
    current = window.doc.plan
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\nprofile:\n  name: X\n  people: -3\nscenarios: []\n")
    assert not window.files.open_path(broken)
    title, exc = dialogs["problems"][-1]
    assert "broken.yaml" in title
    fields = {p.field for p in exc.problems}
    assert "profile.people" in fields and "scenarios" in fields
    assert all(p.file.endswith("broken.yaml") for p in exc.problems)
    garbage = tmp_path / "garbage.yaml"
    garbage.write_text("profile: [unclosed\n")
    assert not window.files.open_path(garbage)
    assert "malformed YAML" in dialogs["problems"][-1][1].problems[0].message
    unknown = tmp_path / "unknown.yaml"  # valid YAML and schema, but a channel we do not know
    unknown.write_text(
        "schema_version: 1\nprofile: {name: X}\nscenarios:\n- {name: A, force_in: [myspace]}\n"
    )
    assert not window.files.open_path(unknown)
    problem = dialogs["problems"][-1][1].problems[0]
    assert problem.field == "scenarios[0].force_in" and "myspace" in problem.value
    assert window.doc.plan == current and window.isWindowModified()


def test_export_csv(open_window, tmp_path, monkeypatch):
    window = open_window()
    target = tmp_path / "channels.csv"
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(target))
    window.files.export_csv()
    lines = target.read_text().splitlines()
    assert lines[0].startswith("rank,id,name,fit")
    # A header, one row per channel, then the shared row for the job's base hours.
    assert len(lines) == 1 + len(window.recommendation.channels) + 1
    assert lines[-1].split(",")[2] == "Shared (whole job)"


def test_kb_edit_goes_to_overlay_and_is_undoable(open_window, qtbot, config_dir, dialogs):
    window = open_window()
    window.tabs.setCurrentWidget(window.kb_view)
    table = window.kb_view.channels
    frame = table.model.frame()
    row = frame.index[(frame["id"] == "linkedin") & (frame["field"] == "cadence.typical")][0]
    index = table.model.index(row, list(frame.columns).index("value"))
    overlay = config_dir / "overlay.yaml"
    shipped = Path(load_catalog.__code__.co_filename).parents[2] / "data" / "platforms.yaml"
    shipped_text = shipped.read_text()
    with qtbot.waitSignal(window.doc.sig_catalog_changed, timeout=3000):
        assert not table.model.setData(index, "5")
    data = yaml.safe_load(overlay.read_text())
    assert data["platforms"][0]["id"] == "linkedin"
    assert data["platforms"][0]["cadence"]["typical"] == [5.0, "est", "user override"]
    assert window.doc.catalog.platform("linkedin").cadence.typical.v == 5.0
    qtbot.waitUntil(lambda: table.model.frame() is not frame, timeout=2000)
    table.filter.setText("linkedin cadence")  # every word must match: its cadences, not others'
    assert 3 <= table.proxy.rowCount() <= 5
    table.filter.setText("linkedin nosuchword")
    assert table.proxy.rowCount() == 0
    table.filter.setText("cadence.typical")
    assert 0 < table.proxy.rowCount() < table.model.rowCount()
    table.filter.clear()
    # the first edit after a quiet period recomputes at once (leading-edge debounce)
    qtbot.waitUntil(
        lambda: window.recommendation.channel("linkedin").posts_per_week == 5.0, timeout=3000
    )
    # an invalid value (typical above max) is refused with a dialog and nothing is written
    before = overlay.read_text()
    with qtbot.waitSignal(window.kb_view.sig_edit_figure, timeout=3000):
        table.model.setData(index, "500")
    assert dialogs["problems"] and overlay.read_text() == before
    window.undo_action.trigger()
    assert not overlay.exists()
    assert window.doc.catalog.platform("linkedin").cadence.typical.v == 4.0
    window.redo_action.trigger()
    assert overlay.exists()
    assert shipped.read_text() == shipped_text


def test_tool_plan_price_edit_keeps_other_plans(open_window, qtbot):
    from advisor.gui.knowledge.overlay import edit_figure

    window = open_window()
    with qtbot.waitSignal(window.doc.sig_catalog_changed, timeout=3000):
        edit_figure(window.doc, what="tools", item_id="hootsuite", field="plans.1.price", value=149)
    tool = window.doc.catalog.tool("hootsuite")
    assert [p.price.v for p in tool.plans][:2] == [99, 149]
    assert len(tool.plans) == 4


def test_window_geometry_persists(open_window, config_dir, qtbot):
    from advisor.gui.app import create_main_window

    window = open_window()
    window.resize(700, 560)  # fits the offscreen 800x600 screen, above the docks minimum
    window.close()
    assert (config_dir / "settings.ini").exists()
    second = create_main_window(window.doc.path)
    qtbot.addWidget(second)
    assert second.height() == 560  # (the width is held at the minimum the docks need)
    second.runner.shutdown()


def test_close_with_unsaved_changes_asks(open_window, monkeypatch, tmp_path):
    window = open_window()
    window.form.goals.slider("recruiting").setValue(95)
    monkeypatch.setattr(dialogs_mod, "ask_save_changes", lambda *_a: "cancel")
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(dialogs_mod, "ask_save_changes", lambda *_a: "save")
    assert window.close()
    assert load_plan(window.doc.path).profile.goals["recruiting"] == 9.5


def test_pdf_export_reports_a_missing_report_module(open_window, dialogs, monkeypatch, tmp_path):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "report" or name.startswith("advisor.report"):
            raise ImportError("no report yet")
        return real_import(name, *args, **kwargs)

    window = open_window()
    with monkeypatch.context() as m:
        m.setattr(builtins, "__import__", fake_import)
        window.files.export_pdf()
    assert dialogs["messages"] and "not available" in dialogs["messages"][-1][0]
