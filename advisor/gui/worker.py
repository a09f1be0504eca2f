"""Run one long core function off the UI thread, with progress, cancel and stale-result guard.

The function receives ``on_progress(fraction)`` and ``should_stop()`` callbacks, as core
functions do. Results come back by signal, tagged with a generation number: starting a new job
cancels the old one and any late result of it is dropped. The worker never touches widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.sensitivity import Cancelled

__all__ = ["BackgroundRunner"]

Job = Callable[[Callable[[float], None], Callable[[], bool]], Any]


class _Relay(QObject):
    sig_progress = Signal(int, float)
    sig_done = Signal(int, object)
    sig_failed = Signal(int, object)  # the exception
    sig_cancelled = Signal(int)


class _Task(QRunnable):
    def __init__(self, job: Job, generation: int, relay: _Relay) -> None:
        super().__init__()
        self.stop = threading.Event()
        self._job = job
        self._gen = generation
        self._relay = relay
        self._last = -1

    def _progress(self, fraction: float) -> None:
        percent = int(fraction * 100)
        if percent != self._last:  # at most 100 signals per job
            self._last = percent
            self._relay.sig_progress.emit(self._gen, fraction)

    def run(self) -> None:
        try:
            result = self._job(self._progress, self.stop.is_set)
        except Cancelled:
            self._relay.sig_cancelled.emit(self._gen)
        except Exception as exc:  # noqa: BLE001 - reported to the UI, not swallowed
            self._relay.sig_failed.emit(self._gen, exc)
        else:
            self._relay.sig_done.emit(self._gen, result)


class BackgroundRunner(QObject):
    """Runs at most one job at a time on a thread pool; only the latest job's result counts."""

    sig_started = Signal()
    sig_progress = Signal(float)
    sig_finished = Signal(object)
    sig_cancelled = Signal()
    sig_failed = Signal(str)  # "TypeName: message"
    sig_error = Signal(object)  # the same failure as the exception, for callers that need it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.sig_progress.connect(self._on_progress)
        self._relay.sig_done.connect(self._on_done)
        self._relay.sig_failed.connect(self._on_failed)
        self._relay.sig_cancelled.connect(self._on_cancelled)
        self._generation = 0
        self._stop: threading.Event | None = None  # the pool owns the task itself

    @property
    def running(self) -> bool:
        return self._stop is not None

    def start(self, job: Job) -> None:
        """Cancel any running job and start this one."""
        self.cancel()
        self._generation += 1
        task = _Task(job, self._generation, self._relay)
        self._stop = task.stop
        self._pool.start(task)
        self.sig_started.emit()

    def cancel(self) -> None:
        if self._stop is not None:
            self._stop.set()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel and wait for the pool (call before the app quits)."""
        self.cancel()
        self._generation += 1  # whatever the job still sends is dropped
        self._pool.waitForDone(timeout_ms)
        self._stop = None

    def _current(self, generation: int) -> bool:
        return generation == self._generation

    @Slot(int, float)
    def _on_progress(self, generation: int, fraction: float) -> None:
        if self._current(generation):
            self.sig_progress.emit(fraction)

    @Slot(int, object)
    def _on_done(self, generation: int, result: object) -> None:
        if self._current(generation):
            self._stop = None
            self.sig_finished.emit(result)

    @Slot(int, object)
    def _on_failed(self, generation: int, exc: Exception) -> None:
        if self._current(generation):
            self._stop = None
            self.sig_error.emit(exc)
            self.sig_failed.emit(f"{type(exc).__name__}: {exc}")

    @Slot(int)
    def _on_cancelled(self, generation: int) -> None:
        if self._current(generation):
            self._stop = None
            self.sig_cancelled.emit()
