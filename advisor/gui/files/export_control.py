"""Writes the PDF report in the background, with progress and Cancel in the status bar.

One export at a time: the action that starts it is disabled until the export ends. The job
gets a snapshot of the plan taken when it starts, so edits made meanwhile do not reach it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from ...core.errors import AdvisorInputError
from ...core.knowledge import Catalog
from ...core.plan import Plan
from ..widgets import dialogs
from ..widgets.worker import BackgroundRunner

__all__ = ["ExportControl"]

Writer = Callable[..., None]  # advisor.report.write_report


class ExportControl(QObject):
    """Runs one report export off the UI thread and tells the user how it ended."""

    sig_finished = Signal(object)  # the Path written
    sig_cancelled = Signal()
    sig_failed = Signal(str)

    def __init__(self, window: QWidget, status_bar: QStatusBar, action: QAction) -> None:
        super().__init__(window)
        self._window = window
        self._status_bar = status_bar
        self._action = action
        self.runner = BackgroundRunner(self)
        self._label = QLabel("Writing PDF report")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.setRange(0, 100)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop writing the report; no file is written")
        self._status_widgets = (self._label, self.progress, self.cancel_button)
        for w in self._status_widgets:
            status_bar.addPermanentWidget(w)
            w.hide()
        self._path: Path | None = None
        self._others: list[QAction] = []
        self.cancel_button.clicked.connect(self.runner.cancel)
        r = self.runner
        r.sig_progress.connect(self._on_progress)
        r.sig_finished.connect(self._on_finished)
        r.sig_cancelled.connect(self._on_cancelled)
        r.sig_error.connect(self._on_error)

    @property
    def running(self) -> bool:
        return self.runner.running

    def start(
        self,
        write: Writer,
        *,
        plan: Plan,
        catalog: Catalog,
        path: Path,
        scenario: str,
        file: str,
        summary: bool = False,
    ) -> None:
        """Write the report of ``plan`` to ``path`` in the background (ignored while running);
        ``summary``: page 1 alone, for a board pack."""
        if self.running:
            return
        self._path = path

        def job(progress: Callable[[float], None], stop: Callable[[], bool]) -> Path:
            write(
                plan,
                catalog,
                path,
                scenario=scenario,
                file=file,
                on_progress=progress,
                should_stop=stop,
                summary=summary,
            )
            return path

        self._set_running(True)
        self.runner.start(job)

    def cancel(self) -> None:
        self.runner.cancel()

    def shutdown(self) -> None:
        """Cancel and wait (before the window closes): the cancelled job removes its file."""
        self.runner.shutdown()
        self._set_running(False)

    def also_disable(self, action: QAction) -> None:
        """Another action that starts an export (the one-page summary): off while one runs."""
        self._others.append(action)

    def _set_running(self, running: bool) -> None:
        self._action.setEnabled(not running)
        for other in self._others:
            other.setEnabled(not running)
        self.progress.setValue(0)
        for w in self._status_widgets:
            w.setVisible(running)

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(fraction * 100))

    def _on_finished(self, path: Path) -> None:
        self._set_running(False)
        self._status_bar.showMessage(f"Wrote {path}", 6000)
        self.sig_finished.emit(path)

    def _on_cancelled(self) -> None:
        self._set_running(False)
        self._status_bar.showMessage("PDF export cancelled; no file was written", 6000)
        self.sig_cancelled.emit()

    def _on_error(self, exc: Exception) -> None:
        self._set_running(False)
        if isinstance(exc, AdvisorInputError):
            dialogs.show_problems(self._window, "The report could not be written", exc)
        else:
            dialogs.show_message(
                self._window,
                "Report failed",
                f"Could not write {self._path}:\n{type(exc).__name__}: {exc}",
            )
        self.sig_failed.emit(f"{type(exc).__name__}: {exc}")
