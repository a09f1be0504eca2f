"""Every modal question the app asks, as module-level functions so tests can replace them."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AdvisorInputError
from ...core.knowledge import Catalog
from ...core.plan import Plan
from ..files.plain_errors import problem_text

__all__ = [
    "ask_new_plan",
    "ask_restore",
    "ask_save_changes",
    "get_open_path",
    "get_save_path",
    "show_calibration",
    "show_document",
    "show_error",
    "show_message",
    "show_problems",
]

PLAN_FILTER = "Plans (*.yaml *.yml *.json);;All files (*)"


def problems_html(exc: AdvisorInputError, limit: int = 8) -> str:
    """Every problem in words, grouped under the file it is in."""
    rows, last_file = [], None
    for p in exc.problems[:limit]:
        if p.file != last_file:
            rows.append(f"<p>In <b>{escape(p.file)}</b>:</p>")
            last_file = p.file
        rows.append(f"<li>{escape(problem_text(p))}</li>")
    more = len(exc.problems) - limit
    tail = f"<p>…and {more} more problems (Show Details lists them all).</p>" if more > 0 else ""
    return "".join(r if r.startswith("<p>") else f"<ul>{r}</ul>" for r in rows) + tail


def show_problems(parent: QWidget | None, title: str, exc: AdvisorInputError) -> None:
    """Name the file, field and problem of every issue; the current work stays as it was."""
    show_error(parent, title, f"<p><b>{escape(title)}</b></p>" + problems_html(exc), str(exc))


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """A warning in words (``text``, plain or HTML); the technical ``details`` behind the
    Show Details button."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_message(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def _browser(*, html: str | None = None, markdown: str | None = None) -> QTextBrowser:
    view = QTextBrowser()
    view.setOpenExternalLinks(True)
    if markdown is not None:
        view.setMarkdown(markdown)
    else:
        view.setHtml(html or "")
    return view


def show_document(
    parent: QWidget | None, title: str, html: str, *, details: str | None = None
) -> None:
    """A readable text (HTML); with ``details`` (Markdown), a second tab holds them."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(640, 560)
    box = QVBoxLayout(dialog)
    if details is None:
        box.addWidget(_browser(html=html))
    else:
        tabs = QTabWidget()
        tabs.addTab(_browser(html=html), "In plain words")
        tabs.addTab(_browser(markdown=details), "Technical details")
        box.addWidget(tabs)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    box.addWidget(buttons)
    dialog.exec()


def show_calibration(parent: QWidget | None, catalog: Catalog) -> None:
    """The engine's benchmarks against published data (computed while the dialog is open)."""
    from ..knowledge.calibration_view import CalibrationDialog, load_cases

    CalibrationDialog(lambda: load_cases(catalog), parent).exec()


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """'save', 'discard' or 'cancel'."""
    buttons = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    answer = QMessageBox.question(
        parent,
        "Unsaved changes",
        f"Save the changes to {name} before closing it?",
        buttons,
        QMessageBox.StandardButton.Save,
    )
    return {
        QMessageBox.StandardButton.Save: "save",
        QMessageBox.StandardButton.Discard: "discard",
    }.get(answer, "cancel")


def ask_new_plan(parent: QWidget | None) -> Plan | None:
    """File > New's guided start; the plan it describes, or None when cancelled."""
    from ..plan.guided_start import GuidedStart

    dialog = GuidedStart(parent)
    return dialog.plan() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_restore(parent: QWidget | None, source: str, saved_at: str) -> bool:
    """Offer to restore work autosaved by a session that did not close cleanly."""
    answer = QMessageBox.question(
        parent,
        "Restore unsaved work?",
        f"Channel Advisor did not close cleanly last time. Unsaved changes to {source} were "
        f"autosaved at {saved_at}.\n\nRestore them? (No discards the autosave.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def get_open_path(parent: QWidget | None, start: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open plan", start, PLAN_FILTER)
    return path or None


def get_save_path(parent: QWidget | None, title: str, start: str, filter_: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filter_)
    return path or None
