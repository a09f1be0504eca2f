"""File menu operations: new, open, recent, save, save as, export, quit, close confirmation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from ...core.engine import check_plan
from ...core.errors import AdvisorInputError
from ...core.loading import atomic_write_text, load_plan, locate, save_plan
from ...core.plan import CompanyProfile, Plan, Scenario
from ...core.safe_io import read_user_text
from ...paths import is_shipped
from ..config import add_recent, recent_files
from ..document import PlanDocument
from ..widgets import dialogs
from .export_control import ExportControl
from .plain_errors import write_failure
from .recovery import Autosaver

if TYPE_CHECKING:
    from ..main_window import MainWindow

__all__ = ["FileController", "new_plan", "opened_as"]


def new_plan() -> Plan:
    return Plan(profile=CompanyProfile(name="New company"), scenarios=[Scenario(name="Baseline")])


def opened_as(path: str | Path) -> dict:
    """How PlanDocument.reset takes a plan read from ``path``: with the file's text (kept
    when saving); a shipped example as an untitled copy, so that it is never written."""
    p = Path(path)
    try:
        text: str | None = read_user_text(p, what="plan")
    except (AdvisorInputError, OSError):
        text = None  # just read as a plan; if it went since, save writes the plan afresh
    if p.suffix.lower() == ".json":
        text = None  # JSON keeps no comments; a later YAML save starts afresh
    if is_shipped(p):
        return {"path": None, "text": text, "template": p.name}
    return {"path": p.resolve(), "text": text}


class FileController(QObject):
    """Owns the File menu actions of a window and the document's life on disk."""

    def __init__(self, window: MainWindow, doc: PlanDocument, autosaver: Autosaver) -> None:
        super().__init__(window)
        self._window = window
        self._doc = doc
        self.autosaver = autosaver

    def build_menu(self, menu: QMenu) -> None:
        self._add(menu, "&New", self.new, QKeySequence.StandardKey.New)
        self._add(menu, "&Open…", self.open, QKeySequence.StandardKey.Open)
        self.recent_menu = menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._update_recent_menu)
        menu.addSeparator()
        self._add(menu, "&Save", self.save, QKeySequence.StandardKey.Save)
        self._add(menu, "Save &As…", self.save_as, QKeySequence.StandardKey.SaveAs)
        menu.addSeparator()
        self._add(menu, "Export channels as &CSV…", self.export_csv)
        self.export_pdf_action = self._add(menu, "Export &PDF report…", self.export_pdf)
        self.exporter = ExportControl(
            self._window, self._window.statusBar(), self.export_pdf_action
        )
        self.export_summary_action = self._add(
            menu, "Export one-page &summary (PDF)…", lambda: self.export_pdf(summary=True)
        )
        self.exporter.also_disable(self.export_summary_action)
        menu.addSeparator()
        self._add(menu, "&Quit", self._window.close, QKeySequence.StandardKey.Quit)

    def _add(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _update_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = recent_files()
        for path in items:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not items:
            self.recent_menu.addAction("No recent plans").setEnabled(False)

    def _start_dir(self) -> str:
        return str(self._doc.path.parent) if self._doc.path else str(Path.home())

    # --- open / new ------------------------------------------------------------------------------
    def new(self) -> None:
        """Ask about unsaved changes, then the guided start's five questions."""
        if not self.confirm_close():
            return
        plan = dialogs.ask_new_plan(self._window)
        if plan is None:
            return  # cancelled: the open plan stays
        self._window.form.scope.set_scenario_only(False)
        self._doc.reset(plan, None)
        self._doc.mark_unsaved()  # never saved: closing asks where to keep it

    def open(self) -> None:
        path = dialogs.get_open_path(self._window, self._start_dir())
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open a plan file; on any problem say what is wrong and keep the current work."""
        try:
            plan = load_plan(path)
            check_plan(plan, self._doc.catalog, str(path))  # unknown channels, tools, changes
        except AdvisorInputError as exc:
            # the engine's checks know the field but not the line: add it from the file
            dialogs.show_problems(self._window, f"Cannot open {Path(path).name}", locate(exc))
            return False
        if not self.confirm_close():
            return False
        self._doc.reset(plan, **opened_as(path))
        if not is_shipped(path):
            add_recent(path)
        return True

    # --- save ------------------------------------------------------------------------------------
    @staticmethod
    def commit_pending_edit() -> None:
        """A field being typed in commits when it loses focus; shortcuts don't move the focus,
        so take it away before saving, closing or exporting (or the typing would be missed)."""
        widget = QApplication.focusWidget()
        if widget is not None:
            widget.clearFocus()

    def save(self) -> bool:
        self.commit_pending_edit()
        if self._doc.path is None:
            return self.save_as()
        return self.save_to(self._doc.path)

    def save_as(self) -> bool:
        self.commit_pending_edit()
        start = str(self._doc.path or Path(self._start_dir()) / (self._doc.template or "plan.yaml"))
        path = dialogs.get_save_path(self._window, "Save plan as", start, dialogs.PLAN_FILTER)
        if not path:
            return False
        p = Path(path)
        return self.save_to(p if p.suffix else p.with_suffix(".yaml"))

    def save_to(self, path: Path) -> bool:
        if is_shipped(path):
            dialogs.show_message(
                self._window,
                "Choose another file",
                f"{path.name} is an example that comes with Channel Advisor and is never "
                "changed. Save your plan under a new name (File > Save As).",
            )
            return False
        try:
            text = save_plan(self._doc.plan, path, original=self._doc.source_text)
        except OSError as exc:
            dialogs.show_error(
                self._window, "The plan was not saved", write_failure(exc, path), str(exc)
            )
            return False
        self._doc.mark_saved(path.resolve(), None if path.suffix.lower() == ".json" else text)
        self.autosaver.discard()
        add_recent(path)
        self._window.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def confirm_close(self) -> bool:
        """Ask about unsaved changes; True when the current plan may be closed."""
        self.commit_pending_edit()
        if not self._doc.modified:
            return True
        name = self._doc.path.name if self._doc.path else "the untitled plan"
        answer = dialogs.ask_save_changes(self._window, name)
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.autosaver.discard()
            return True
        return False

    # --- export ----------------------------------------------------------------------------------
    def _export_path(self, title: str, suffix: str, filter_: str) -> Path | None:
        stem = self._doc.path.stem if self._doc.path else "plan"
        start = str(Path(self._start_dir()) / f"{stem}-{self._doc.scenario_name}{suffix}")
        path = dialogs.get_save_path(self._window, title, start, filter_)
        if not path:
            return None
        p = Path(path)
        return p if p.suffix else p.with_suffix(suffix)

    def export_csv(self) -> None:
        self.commit_pending_edit()
        rec = self._window.recommendation
        if rec is None:
            dialogs.show_message(
                self._window, "Nothing to export", "This scenario has no recommendation to export."
            )
            return
        path = self._export_path("Export channels as CSV", ".csv", "CSV files (*.csv)")
        if path is None:
            return
        from ...core.tables import channels_frame

        rec = self._window.full_recommendation() or rec  # with every why-not mix
        try:
            atomic_write_text(path, channels_frame(rec).to_csv(index=False))
        except OSError as exc:
            dialogs.show_error(
                self._window, "The CSV file was not written", write_failure(exc, path), str(exc)
            )
            return
        self._window.statusBar().showMessage(f"Exported {path}", 4000)

    def export_pdf(self, *, summary: bool = False) -> None:
        """Ask where, then write the report (or with ``summary`` its page 1 alone) in the
        background (see ExportControl)."""
        if self.exporter.running:  # the action is disabled; a shortcut or caller may still ask
            return
        self.commit_pending_edit()
        try:
            from ...report import write_report
        except ImportError as exc:
            dialogs.show_message(
                self._window,
                "PDF report not available",
                f"The report module could not be loaded: {exc}",
            )
            return
        title = "Export one-page summary" if summary else "Export PDF report"
        path = self._export_path(title, ".pdf", "PDF files (*.pdf)")
        if path is None:
            return
        self.exporter.start(
            write_report,
            plan=self._doc.plan,
            catalog=self._doc.catalog,
            path=path,
            scenario=self._doc.scenario_name,
            file=str(self._doc.path or "plan"),
            summary=summary,
        )
