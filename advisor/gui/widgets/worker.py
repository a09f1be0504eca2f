"""Run one long core function off the UI thread, with progress, cancel and stale-result guard.

The function receives ``on_progress(fraction)`` and ``should_stop()`` callbacks, as core
functions do. It runs on a plain Python thread that touches no Qt object of ours: it only
stores its progress and outcome on a job record. The UI thread polls that record with a timer
and emits this runner's signals itself. (No signal crosses threads, so the worker needs nothing
from PySide's cross-thread machinery; see also the PySide6 pin in pyproject.toml.) Starting a new job cancels
the old one, and a cancelled job's late outcome is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.sensitivity import Cancelled

__all__ = ["BackgroundRunner"]

Job = Callable[[Callable[[float], None], Callable[[], bool]], Any]
POLL_MS = 20


class _Job:
    """One run: written by the worker thread, read by the UI thread (single assignments)."""

    def __init__(self, job: Job) -> None:
        self.stop = threading.Event()
        self.fraction: float | None = None
        self.outcome: tuple[str, Any] | None = None  # ("done"|"failed"|"cancelled", value)
        self._job = job
        self.thread = threading.Thread(target=self._run, name="advisor-worker", daemon=True)

    def _progress(self, fraction: float) -> None:
        self.fraction = fraction

    def _run(self) -> None:
        try:
            result = self._job(self._progress, self.stop.is_set)
        except Cancelled:
            self.outcome = ("cancelled", None)
        except Exception as exc:  # noqa: BLE001 - reported to the UI, not swallowed
            self.outcome = ("failed", exc)
        else:
            self.outcome = ("done", result)


class BackgroundRunner(QObject):
    """Runs at most one current job at a time; only the latest job's result counts."""

    sig_started = Signal()
    sig_progress = Signal(float)
    sig_finished = Signal(object)
    sig_cancelled = Signal()
    sig_failed = Signal(str)  # "TypeName: message"
    sig_error = Signal(object)  # the same failure as the exception, for callers that need it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._current: _Job | None = None
        self._jobs: list[_Job] = []  # started and not yet collected, the current one included
        self._reported: float | None = None

    @property
    def running(self) -> bool:
        return self._current is not None

    def start(self, job: Job) -> None:
        """Cancel any running job and start this one."""
        self.cancel()
        current = _Job(job)
        self._current, self._reported = current, None
        self._jobs.append(current)
        current.thread.start()
        self._timer.start()
        self.sig_started.emit()

    def cancel(self) -> None:
        if self._current is not None:
            self._current.stop.set()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel every job and wait for the threads (call before the app quits)."""
        self._timer.stop()
        for job in self._jobs:
            job.stop.set()
        for job in self._jobs:
            job.thread.join(timeout_ms / 1000)
        self._jobs.clear()
        self._current = None

    def _poll(self) -> None:
        for job in list(self._jobs):
            fraction = job.fraction
            if job is self._current and fraction is not None and fraction != self._reported:
                self._reported = fraction
                self.sig_progress.emit(fraction)
            if job.outcome is None:
                continue
            job.thread.join()
            self._jobs.remove(job)
            if job is self._current:
                self._current = None
                self._report(*job.outcome)
        if not self._jobs:
            self._timer.stop()

    def _report(self, kind: str, value: Any) -> None:
        if kind == "done":
            self.sig_finished.emit(value)
        elif kind == "cancelled":
            self.sig_cancelled.emit()
        else:
            self.sig_error.emit(value)
            self.sig_failed.emit(f"{type(value).__name__}: {value}")
