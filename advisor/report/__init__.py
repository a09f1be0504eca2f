"""The board-ready PDF report: content built as data (``content``), rendered with Qt (``render``).

    write_report(plan, catalog, "plan.pdf", scenario="Baseline")

The engine runs first, so a bad scenario name raises AdvisorInputError before any Qt work.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import Cancelled
from ..core.knowledge import Catalog
from ..core.plan import Plan

if TYPE_CHECKING:
    from ..core.result import Recommendation
    from .chart_worker import ChartWorker
    from .model import Chart

__all__ = ["Cancelled", "write_report"]


def write_report(
    plan: Plan,
    catalog: Catalog,
    path: str | Path,
    *,
    scenario: str | None = None,
    file: str = "plan",
    on_progress: Callable[[float], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    summary: bool = False,
    charts: ChartWorker | None = None,
) -> None:
    """Write the PDF report of one scenario (the first when None), with every scenario compared.

    file names the plan in error messages. The PDF is written atomically (safe_io.replacing);
    a target that cannot or must not be written raises FileWriteError (an AdvisorInputError
    and an OSError). ``on_progress``
    gets the fraction done (0..1) as the engine, sensitivity, charts and pages progress;
    when ``should_stop`` returns True the work stops with ``Cancelled`` and no file (not even
    a temporary one) is left behind. ``summary``: page 1 alone (the decision), for a board
    pack. ``charts``: a ChartWorker started early (the CLI's: it draws the charts in a second
    process while this one works); by default they are drawn here. Safe to call from a
    worker thread once a QGuiApplication exists.
    """
    from ..core.safe_io import replacing
    from .content import build_report
    from .progress import Progress
    from .render import render_pdf

    def early(rec: Recommendation) -> list[Chart]:
        """The charts that need only the scenario's recommendation, in page order."""
        from .channels import fit_chart
        from .decision import staffing_chart

        return [staffing_chart(rec)] + ([] if summary else [fit_chart(rec)])

    progress = Progress(on_progress, should_stop)
    # replacing() refuses a folder, device or FIFO as the target (before the engine runs, so
    # the refusal is immediate), keeps the file's mode, writes through a symlink, and removes
    # its temporary file when building or rendering fails or is cancelled.
    with replacing(path, what="report") as tmp:
        report = build_report(
            plan,
            catalog,
            scenario=scenario,
            file=file,
            progress=progress.part(0.0, 0.35),
            summary=summary,
            on_base=None if charts is None else lambda rec: charts.prefetch(early(rec)),
        )
        render_pdf(report, tmp, progress=progress.part(0.35, 1.0), charts=charts)
