"""PDF export from the window: in the background, one at a time, cancellable, no stray files."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from advisor.gui.widgets import dialogs as dialogs_mod


def _export_to(window, monkeypatch, target):
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(target))
    window.files.export_pdf()


def test_export_writes_a_pdf_while_the_window_stays_responsive(
    open_window, dialogs, monkeypatch, tmp_path, qtbot
):
    window = open_window()
    with qtbot.waitSignal(window.runner.sig_finished, timeout=40000):
        pass  # let the window's own first analysis end, so the ticks measure the export
    exporter = window.files.exporter
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()  # saving never creates folders (safe_io)
    ticks: list[float] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    progress: list[float] = []
    exporter.runner.sig_progress.connect(progress.append)
    with qtbot.waitSignal(exporter.sig_finished, timeout=120000) as blocker:
        _export_to(window, monkeypatch, target)
        assert exporter.running and not window.files.export_pdf_action.isEnabled()
        assert exporter.cancel_button.isVisible()
    timer.stop()
    assert blocker.args == [target]
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in target.parent.iterdir()] == ["report.pdf"]
    assert not dialogs["messages"] and not dialogs["problems"]
    assert window.statusBar().currentMessage() == f"Wrote {target}"
    assert window.files.export_pdf_action.isEnabled() and not exporter.cancel_button.isVisible()
    # the UI thread kept running its event loop: the timer ticked all through the export
    assert len(ticks) >= 10, ticks
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) < 1.0
    assert progress == sorted(progress) and progress[-1] > 0.9


def test_a_second_export_cannot_start_while_one_runs(open_window, monkeypatch, tmp_path, qtbot):
    window = open_window()
    exporter = window.files.exporter
    asked: list[str] = []
    first = tmp_path / "first.pdf"
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: asked.append("x") or str(first))
    with qtbot.waitSignal(exporter.sig_finished, timeout=120000):
        window.files.export_pdf()
        window.files.export_pdf_action.trigger()  # disabled: does nothing
        window.files.export_pdf()  # called directly: ignored while running
        assert asked == ["x"]
    assert first.exists()


def test_cancel_leaves_no_file(open_window, dialogs, monkeypatch, tmp_path, qtbot):
    window = open_window()
    exporter = window.files.exporter
    folder = tmp_path / "reports"
    folder.mkdir()
    with qtbot.waitSignal(exporter.sig_cancelled, timeout=10000):
        _export_to(window, monkeypatch, folder / "report.pdf")
        exporter.cancel_button.click()
    assert list(folder.iterdir()) == []
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.files.export_pdf_action.isEnabled()
    assert not dialogs["messages"]


def test_cancel_during_painting_leaves_no_file(open_window, monkeypatch, tmp_path, qtbot):
    window = open_window()
    exporter = window.files.exporter
    folder = tmp_path / "reports"
    folder.mkdir()
    # cancel once the pages are being painted, when the temporary PDF exists
    exporter.runner.sig_progress.connect(lambda f: exporter.cancel() if f > 0.85 else None)
    with qtbot.waitSignal(exporter.sig_cancelled, timeout=120000):
        _export_to(window, monkeypatch, folder / "report.pdf")
    assert list(folder.iterdir()) == []


def test_a_failed_export_shows_a_dialog(open_window, dialogs, monkeypatch, tmp_path, qtbot):
    window = open_window()
    exporter = window.files.exporter
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with qtbot.waitSignal(exporter.sig_failed, timeout=120000):
        _export_to(window, monkeypatch, blocked / "report.pdf")
    # the refusal (safe_io.FileWriteError) is a plain-language problem list, not a type name
    title, exc = dialogs["problems"][-1]
    assert title == "The report could not be written" and "report.pdf" in str(exc)
    assert "is a file, not a folder" in str(exc) and "Error" not in str(exc)
    assert window.files.export_pdf_action.isEnabled()


def test_closing_the_window_cancels_the_export(open_window, monkeypatch, tmp_path, qtbot):
    window = open_window()
    folder = tmp_path / "reports"
    folder.mkdir()
    _export_to(window, monkeypatch, folder / "report.pdf")
    assert window.close()
    assert not window.files.exporter.running
    assert list(folder.iterdir()) == []


def test_export_one_page_summary_from_the_menu(open_window, dialogs, monkeypatch, tmp_path, qtbot):
    from pdfminer.pdfpage import PDFPage

    window = open_window()
    exporter = window.files.exporter
    target = tmp_path / "board.pdf"
    monkeypatch.setattr(dialogs_mod, "get_save_path", lambda *_a: str(target))
    with qtbot.waitSignal(exporter.sig_finished, timeout=30000):
        window.files.export_summary_action.trigger()
        assert not window.files.export_summary_action.isEnabled()
        assert not window.files.export_pdf_action.isEnabled()
    with target.open("rb") as fh:
        assert len(list(PDFPage.get_pages(fh))) == 1
    assert window.files.export_summary_action.isEnabled()
    assert not dialogs["messages"] and not dialogs["problems"]
