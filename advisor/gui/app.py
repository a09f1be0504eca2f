"""Start the desktop app: Qt application, knowledge base, plan or recovered work, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ..core.engine import check_plan
from ..core.errors import AdvisorInputError
from ..core.loading import load_catalog, load_plan
from .config import add_recent, default_overlay_path, orphaned_recoveries, recovery_path
from .document import PlanDocument
from .files.recovery import Autosaver, read_recovery
from .main_window import MainWindow
from .widgets import dialogs

__all__ = ["create_main_window", "run"]

_STYLE = Path(__file__).resolve().parents[2] / "resources" / "style.qss"
if not _STYLE.exists():
    _STYLE = Path(__file__).resolve().parents[1] / "resources" / "style.qss"


def _application() -> QApplication:
    # Background analysis runs in a Python thread. Every Qt call from the UI thread releases
    # and retakes the interpreter lock, waiting up to the switch interval each time the worker
    # holds it (5 ms by default): a form update of a few hundred calls then stalls for
    # 100+ ms. A 1 ms interval keeps the window responsive at a small cost to the worker.
    sys.setswitchinterval(0.001)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("ChannelAdvisor")
    app.setApplicationName("Channel Advisor")
    from ..desktop import APP_ID
    from .help_menu import app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)  # ties the window to its desktop entry (Wayland app id)
    if _STYLE.exists() and not app.styleSheet():
        app.setStyleSheet(_STYLE.read_text(encoding="utf-8"))
    return app


def _catalog(overlay: Path):
    """The knowledge base with the user's overlay; without it if the overlay is broken."""
    if overlay.exists():
        try:
            return load_catalog(overlay=overlay)
        except AdvisorInputError as exc:
            dialogs.show_problems(
                None, "Your knowledge-base overlay has problems and is ignored for now", exc
            )
    return load_catalog()


def _initial_plan(plan_path: str | Path | None, catalog):
    """The plan to open and how (see opened_as): the example opens as an untitled copy."""
    from ..paths import EXAMPLE_PLAN
    from .files.file_ops import opened_as

    path = Path(plan_path) if plan_path else EXAMPLE_PLAN
    try:
        plan = load_plan(path)
        check_plan(plan, catalog, str(path))  # unknown channels or tools, invalid changes
        return plan, opened_as(path)
    except AdvisorInputError as exc:
        if plan_path is None:
            raise
        dialogs.show_problems(None, f"Cannot open {path.name}; showing the example plan", exc)
        return load_plan(EXAMPLE_PLAN), opened_as(EXAMPLE_PLAN)


def create_main_window(
    plan_path: str | Path | None = None, *, overlay: str | Path | None = None
) -> MainWindow:
    """Build the window on a plan (or the example), offering to restore crashed work first."""
    _application()
    overlay_path = Path(overlay) if overlay else default_overlay_path()
    catalog = _catalog(overlay_path)
    from .files.file_ops import opened_as

    plan, how = _initial_plan(plan_path, catalog)
    doc = PlanDocument(plan=plan, catalog=catalog, overlay_path=overlay_path, **how)
    orphan = next(iter(orphaned_recoveries()), None)  # a crashed session's work, newest
    recovered = read_recovery(orphan) if orphan is not None else None
    restore = recovered is not None and dialogs.ask_restore(
        None, recovered.source or "an untitled plan", recovered.saved_at
    )
    if recovered is not None and restore:
        how = opened_as(recovered.source) if recovered.source else {"path": None}
        doc.reset(recovered.plan, **how)
        doc.mark_unsaved()
        doc.select_scenario(recovered.scenario)
    elif plan_path and how["path"] is not None:
        add_recent(how["path"])
    if orphan is not None and recovered is not None and restore:
        orphan.replace(recovery_path())  # the crashed work is ours now: never without a copy
    elif orphan is not None:  # declined, or unreadable
        orphan.unlink(missing_ok=True)
    autosaver = Autosaver(doc, recovery_path())
    window = MainWindow(doc=doc, autosaver=autosaver)
    if recovered is not None and restore:
        autosaver.write_now()
    return window


def run(plan_path: str | Path | None = None, overlay: str | Path | None = None) -> int:
    """Open the app on a plan (the bundled example when None); returns the exit code."""
    app = _application()
    window = create_main_window(plan_path, overlay=overlay)
    window.show()
    return app.exec()
