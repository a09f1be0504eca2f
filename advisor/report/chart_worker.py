"""The report's charts drawn in a second process while this one computes and lays out pages.

    charts = ChartWorker.start()     # early: the child imports matplotlib meanwhile
    charts.prefetch(page_one)        # charts that need only the scenario's recommendation
    ...                              # the engine, the sensitivity analysis, the report model
    charts.submit(specs)             # the child draws; the page layout needs only their sizes
    charts.svg(i)                    # chart i, when the page that shows it is painted

A cold `advisor report` spends about a second importing matplotlib and drawing the charts;
on a machine with two cores that work overlaps the engine and Qt's page layout. The child
sends each chart as soon as it is drawn, in the order of the pages, so the pages before a
chart are painted while it is being drawn. Only where ``fork`` is the normal way to start
a process (Linux) and only before Qt starts in this process (the CLI, never the window:
forking a process with running Qt threads is unsafe).
Anywhere else, and whenever the child fails or dies, the charts are drawn here instead,
with the same function (``chartsvg.chart_svg``), so the PDF is the same either way.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Sequence
from multiprocessing.connection import Connection
from typing import Any

from .model import Chart

__all__ = ["ChartWorker"]


def _serve(conn: Connection) -> None:  # pragma: no cover - runs in the child process
    """The child: import and warm up matplotlib, then draw each batch of specs it is sent."""
    import signal

    # Ctrl+C goes to the whole process group: the parent stops (and stops this child).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from . import chartsvg

    with contextlib.suppress(Exception):
        chartsvg.warm_up()
    while True:
        try:
            batch, specs = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        for i, spec in enumerate(specs):
            try:
                svg = chartsvg.chart_svg(spec)
            except Exception as exc:  # noqa: BLE001 - the parent draws it and raises it there
                conn.send(("error", batch, i, repr(exc)))
                break
            conn.send(("ok", batch, i, svg))


class ChartWorker:
    """Draws chart specs in a forked child when it can, else in this process."""

    def __init__(self, conn: Connection | None = None, proc: Any = None) -> None:
        self._conn = conn
        self._proc = proc
        self._batch = 0
        self._specs: list[Chart] = []
        self._where: list[tuple[int, int] | None] = []  # chart i: (batch, index) sent as
        self._sent: list[tuple[Chart, tuple[int, int]]] = []  # every spec sent to the child
        self._got: dict[tuple[int, int], bytes] = {}  # what the child has sent back
        self._drawn: dict[int, bytes] = {}  # drawn here

    @classmethod
    def start(cls) -> ChartWorker:
        """A worker with a child process (on Linux, before Qt starts here); else in-process."""
        if not sys.platform.startswith("linux") or _qt_running():
            return cls()
        if os.environ.get("ADVISOR_CHARTS_IN_PROCESS") == "1":
            return cls()  # the benchmark's baseline: everything in one process
        try:
            ctx = multiprocessing.get_context("fork")
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_serve, args=(child,), daemon=True, name="report-charts")
            proc.start()
            child.close()
        except (OSError, ValueError):
            return cls()
        return cls(parent, proc)

    @property
    def parallel(self) -> bool:
        """True while a child process is drawing for us."""
        return self._conn is not None

    def prefetch(self, specs: Sequence[Chart]) -> None:
        """Start drawing charts known before the rest of the report (page 1's, from the
        scenario's own recommendation) while the engine still works; submit() then finds
        them among its specs. In-process, nothing happens."""
        self._send(list(specs))

    def submit(self, specs: Sequence[Chart]) -> None:
        """Hand the report's specs to the child (returns at once): those prefetched are not
        drawn again; in-process, nothing happens yet."""
        self._specs, self._drawn = list(specs), {}
        self._where = [self._key(spec) for spec in self._specs]
        new = [i for i, key in enumerate(self._where) if key is None]
        batch = self._send([self._specs[i] for i in new])
        if batch is not None:
            for j, i in enumerate(new):
                self._where[i] = (batch, j)

    def _key(self, spec: Chart) -> tuple[int, int] | None:
        return next((key for sent, key in self._sent if sent is spec or sent == spec), None)

    def _send(self, specs: list[Chart]) -> int | None:
        """Send a batch to the child; its number, or None when there is no child."""
        if self._conn is None or not specs:
            return None
        self._batch += 1
        try:
            self._conn.send((self._batch, specs))
        except (OSError, ValueError):
            self.close()
            return None
        self._sent += [(spec, (self._batch, j)) for j, spec in enumerate(specs)]
        return self._batch

    def svg(self, i: int) -> bytes:
        """Chart i of the specs submitted last, as SVG: the child's (waiting for it), or drawn
        here when there is no child or it failed or died (drawing it here raises the real
        error, as the in-process path would)."""
        from .chartsvg import chart_svg

        key = self._where[i] if i < len(self._where) else None
        while key is not None and key not in self._got and self._conn is not None:
            try:
                status, batch, k, data = self._conn.recv()
            except (EOFError, OSError, ValueError):
                self.close()
                break
            if status != "ok":
                self.close()
                break
            self._got[(batch, k)] = data
        if key is not None and key in self._got:
            return self._got[key]
        if i not in self._drawn:
            self._drawn[i] = chart_svg(self._specs[i])
        return self._drawn[i]

    def close(self) -> None:
        """Stop the child (idempotent); the worker then draws in-process. The child holds
        nothing to save, so it is terminated at once: a plan refused while it is still
        importing matplotlib must not wait for it."""
        conn, proc, self._conn, self._proc = self._conn, self._proc, None, None
        if conn is not None:
            conn.close()
        if proc is not None:
            proc.terminate()
            proc.join(timeout=2.0)

    def __enter__(self) -> ChartWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _qt_running() -> bool:
    """A Qt application exists in this process (its threads make fork unsafe)."""
    qt = sys.modules.get("PySide6.QtCore")
    return qt is not None and qt.QCoreApplication.instance() is not None
