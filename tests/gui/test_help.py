"""The Help menu: method, keyboard shortcuts, calibration, the applications menu, about; the
window's icon."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from advisor import desktop
from advisor.core.loading import catalog_path
from advisor.gui.widgets import dialogs as dialogs_module

REAL_SHOW_DOCUMENT = dialogs_module.show_document  # before the fixture replaces it


def test_help_menu_shows_method_shortcuts_and_about(open_window, dialogs):
    window = open_window()
    method, keys, calibration, _add, _remove, about = window.help_actions
    method.trigger()
    keys.trigger()
    calibration.trigger()
    about.trigger()
    titles = [title for title, _html, _details in dialogs["documents"]]
    assert titles == ["How the advisor decides", "Keyboard shortcuts", "About Channel Advisor"]
    _t, summary, details = dialogs["documents"][0]
    for word in ("gates", "exact", "create", "licence", "unlimited hours", "200"):
        assert word in summary
    assert details is None or details.startswith("# How the engine decides")
    shortcuts = dialogs["documents"][1][1]
    assert "Ctrl+Z" in shortcuts and "Undo" in shortcuts
    assert calibration.text() == "How the figures compare with published data"
    assert dialogs["calibration"] == [window.doc.catalog]


def test_about_says_version_and_where_the_knowledge_base_and_overlay_live(
    open_window, dialogs, config_dir: Path
):
    window = open_window()
    window.help_actions[-1].trigger()
    _title, html, _details = dialogs["documents"][-1]
    assert desktop.app_version() in html and desktop.app_version() != "unknown"
    assert str(catalog_path()) in html
    assert str(config_dir / "overlay.yaml") in html and "not created yet" in html
    assert QUrl.fromLocalFile(str(desktop.icon_png(128))).toString() in html


def test_about_dialog_shows_the_icon(
    open_window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The real About dialog (not replaced): its text shows the icon image; grabbed to PNG."""
    window = open_window()
    monkeypatch.setattr(dialogs_module, "show_document", REAL_SHOW_DOCUMENT)
    shot = Path(os.environ.get("ADVISOR_SHOTS", tmp_path)) / "about.png"  # to look at it
    seen: dict[str, object] = {}

    def grab_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):  # not shown yet: look again on the next turn
            QTimer.singleShot(10, grab_and_close)
            return
        browser = dialog.findChild(QTextBrowser)
        url = QUrl.fromLocalFile(str(desktop.icon_png(128)))
        seen["image"] = browser.document().resource(QTextDocument.ResourceType.ImageResource, url)
        seen["text"] = browser.toPlainText()
        dialog.grab().save(str(shot))
        dialog.accept()

    QTimer.singleShot(0, grab_and_close)
    window.help_actions[-1].trigger()  # returns once the dialog is closed
    qtbot.waitUntil(lambda: "text" in seen)
    image = seen["image"]
    assert image is not None and not image.isNull() and image.width() == 128
    assert "Knowledge base" in seen["text"] and "Your overlay" in seen["text"]
    assert QImage(str(shot)).width() >= 600


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_add_to_and_remove_from_applications_menu(
    open_window, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    share = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(share))
    window = open_window()
    _m, _k, _c, add, remove, _a = window.help_actions
    menu = add.parent()
    menu.aboutToShow.emit()
    assert add.isEnabled() and not remove.isEnabled()  # nothing to remove yet
    add.trigger()
    title, text = dialogs["messages"][-1]
    assert title == "Added to the applications menu" and "Remove from applications menu" in text
    assert str(share / "applications" / "channel-advisor.desktop") in text
    entry = share / "applications" / "channel-advisor.desktop"
    subprocess.run(["desktop-file-validate", str(entry)], check=True)
    assert (share / "icons/hicolor/scalable/apps/channel-advisor.svg").exists()
    menu.aboutToShow.emit()
    assert remove.isEnabled()
    remove.trigger()
    assert dialogs["messages"][-1][0] == "Removed from the applications menu"
    assert not entry.exists()


def test_add_to_applications_menu_where_it_cannot_write_says_so(
    open_window, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    blocked = tmp_path / "share"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))
    window = open_window()
    window.help_actions[3].trigger()
    title, text = dialogs["messages"][-1]
    assert title == "Cannot add Channel Advisor to the applications menu"
    assert text.startswith(f"Cannot write {blocked}")


def _render_svg(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(desktop.ICON_SVG)).render(painter)
    painter.end()
    return image


def test_window_icon_and_pngs_match_the_svg(open_window):
    window = open_window()
    icon = window.windowIcon()
    assert not icon.isNull()
    assert QSize(16, 16) in icon.availableSizes() and QSize(256, 256) in icon.availableSizes()
    for size in desktop.ICON_SIZES:  # re-render with scripts/render_icon.py after an SVG edit
        png = QImage(str(desktop.icon_png(size))).convertToFormat(QImage.Format.Format_ARGB32)
        svg = _render_svg(size)
        assert png.size() == svg.size() == QSize(size, size)
        diff = sum(
            _pixel_diff(png.pixel(x, y), svg.pixel(x, y))
            for x in range(0, size, max(1, size // 32))
            for y in range(0, size, max(1, size // 32))
        )
        assert diff / (min(size, 32) ** 2) < 8, size


def _pixel_diff(a: int, b: int) -> int:
    """Sum of the channel differences of two ARGB pixels."""
    return sum(abs(((a >> s) & 255) - ((b >> s) & 255)) for s in (0, 8, 16, 24))
