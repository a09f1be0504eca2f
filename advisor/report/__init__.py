"""The board-ready PDF report: content built as data (``content``), rendered with Qt (``render``).

    write_report(plan, catalog, "plan.pdf", scenario="Baseline")

The engine runs first, so a bad scenario name raises AdvisorInputError before any Qt work.
"""

from __future__ import annotations

from pathlib import Path

from ..core.knowledge import Catalog
from ..core.plan import Plan

__all__ = ["write_report"]


def write_report(
    plan: Plan,
    catalog: Catalog,
    path: str | Path,
    *,
    scenario: str | None = None,
    file: str = "plan",
) -> None:
    """Write the PDF report of one scenario (the first when None), with every scenario compared.

    file names the plan in error messages. The PDF is written atomically.
    """
    from .content import build_report
    from .render import render_pdf

    report = build_report(plan, catalog, scenario=scenario, file=file)
    render_pdf(report, path)
