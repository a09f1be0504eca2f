"""Runs the sensitivity analysis of the current scenario in the background and shows it.

A new recommendation cancels the running analysis at once and schedules a fresh one for when
the user pauses; results of a cancelled run never reach the views (see worker.BackgroundRunner).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from ...core.engine import Prepared
from ..widgets.worker import BackgroundRunner
from .sensitivity_view import SensitivityView

__all__ = ["SensitivityControl"]

DELAY_MS = 300  # start the ~1 s analysis once the user pauses
SHOW_PROGRESS_MS = 300  # progress appears only for a run that takes longer: no flashing


class SensitivityControl(QObject):
    def __init__(
        self,
        view: SensitivityView,
        status_bar: QStatusBar,
        names: Callable[[], dict[str, str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._names = names
        self._prepared: Prepared | None = None
        self.runner = BackgroundRunner(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._label = QLabel("Sensitivity analysis")
        self._progress = QProgressBar()
        self._progress.setMaximumWidth(140)
        self._progress.setRange(0, 100)
        self._cancel = QToolButton()
        self._cancel.setText("Cancel")
        self._label.setToolTip(
            "How far each goal's weight can move before the mix changes: computed in the "
            "background after every change"
        )
        self._progress.setToolTip("How far the sensitivity analysis has got")
        self._cancel.setToolTip("Stop the sensitivity analysis; the recommendation is not affected")
        self._status_widgets = (self._label, self._progress, self._cancel)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_PROGRESS_MS)
        self._show_timer.timeout.connect(self._show_progress)
        for w in self._status_widgets:
            status_bar.addPermanentWidget(w)
            w.hide()
        # True while the window has quicker work queued (the left-out channels' costs): the
        # scheduled analysis waits for it rather than compete for the interpreter
        self.defer: Callable[[], bool] = lambda: False
        # the channel ids of the mix analysed (the window's current recommendation)
        self.current_mix: Callable[[], list[str] | None] = lambda: None
        self._timer.timeout.connect(self._on_timer)
        self._cancel.clicked.connect(self.runner.cancel)
        view.sig_cancel.connect(self.runner.cancel)
        view.sig_run.connect(self.start)
        r = self.runner
        r.sig_started.connect(self._on_started)
        r.sig_progress.connect(self._on_progress)
        r.sig_finished.connect(self._on_finished)
        r.sig_cancelled.connect(
            lambda: self._stopped("Analysis cancelled. Press Run again to restart.")
        )
        r.sig_failed.connect(lambda m: self._stopped(f"Analysis failed: {m}"))

    def schedule(self, prepared: Prepared | None) -> None:
        """A new recommendation: drop the running analysis, start a new one shortly."""
        self._prepared = prepared
        self.runner.cancel()
        self._timer.start()

    def _on_timer(self) -> None:
        if self.defer():
            self._timer.start()
            return
        self.start()

    def start(self) -> None:
        """Run the analysis of the current scenario now."""
        self._timer.stop()
        prep = self._prepared
        if prep is None:
            self.runner.cancel()
            self._view.show_message("No analysis: this scenario cannot be computed.")
            return
        if self.current_mix() == []:  # no channel in the mix: nothing whose robustness to test
            self.runner.cancel()
            self._view.show_empty()
            return
        from ...core.sensitivity import sensitivity

        self.runner.start(
            lambda progress, stop: sensitivity(prep, on_progress=progress, should_stop=stop)
        )

    def shutdown(self) -> None:
        self._timer.stop()
        self._show_timer.stop()
        self.runner.shutdown()

    def _on_started(self) -> None:
        self._progress.setValue(0)
        self._show_timer.start()

    def _show_progress(self) -> None:
        self._view.set_running(True)
        self._view.set_progress(self._progress.value() / 100)
        for w in self._status_widgets:
            w.show()

    def progress_visible(self) -> bool:
        """True while the status bar shows the analysis' progress."""
        return self._progress.isVisible()

    def _on_progress(self, fraction: float) -> None:
        self._view.set_progress(fraction)
        self._progress.setValue(int(fraction * 100))

    def _on_finished(self, sens) -> None:
        self._hide_progress()
        self._view.show_result(sens, self._names(), self.current_mix())

    def _stopped(self, message: str) -> None:
        self._hide_progress()
        self._view.show_message(message)

    def _hide_progress(self) -> None:
        self._show_timer.stop()
        for w in self._status_widgets:
            w.hide()
