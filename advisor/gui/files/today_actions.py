"""File menu actions that connect the plan with today's tools: Import analytics (preview and
undo) and Export calendar. Installed into the File menu by the main window."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from ...core.errors import AdvisorInputError
from ..document import PlanEdit
from ..widgets import dialogs
from . import import_dialog

if TYPE_CHECKING:
    from ..main_window import MainWindow

__all__ = ["ask_weeks", "export_calendar", "import_analytics", "install"]

CALENDAR_FILTER = "iCalendar (*.ics);;CSV for a bulk scheduler (*.csv)"


def install(window: MainWindow, menu: QMenu) -> None:
    """Add the two actions to the File menu, before its last group (Quit)."""
    separators = [a for a in menu.actions() if a.isSeparator()]
    before = separators[-1] if separators else None
    for text, slot in (
        ("&Import analytics…", lambda: import_analytics(window)),
        ("Export &calendar…", lambda: export_calendar(window)),
    ):
        action = menu.addAction(text)
        action.triggered.connect(lambda _c=False, s=slot: s())
        if before is not None:
            menu.insertAction(before, action)
        setattr(window, "import_action" if "Import" in text else "calendar_action", action)


def _start_dir(window: MainWindow) -> str:
    return str(window.doc.path.parent) if window.doc.path else str(Path.home())


def import_analytics(window: MainWindow) -> bool:
    """File > Import analytics: on Apply the plan changes in one undoable step."""
    doc = window.doc

    def apply(plan) -> None:
        doc.undo_stack.push(PlanEdit(doc, plan, "Import analytics"))
        window.statusBar().showMessage(
            "Imported today's channels from the analytics exports (Edit > Undo takes it back)",
            8000,
        )

    return import_dialog.run_import(
        window, plan=doc.plan, catalog=doc.catalog, start=_start_dir(window), apply=apply
    )


def ask_weeks(parent: QWidget | None) -> int | None:
    """How many weeks the calendar covers (replaced in tests)."""
    weeks, ok = QInputDialog.getInt(
        parent, "Export calendar", "Weeks to plan, from next Monday:", 4, 1, 52
    )
    return weeks if ok else None


def export_calendar(window: MainWindow) -> bool:
    """File > Export calendar: the recommended mix's posts for N weeks as .ics or .csv."""
    from ...core.calendar import write_calendar

    rec, doc = window.recommendation, window.doc
    if rec is None or not rec.mix:
        dialogs.show_message(window, "Nothing to export", "This scenario has no mix to schedule.")
        return False
    weeks = ask_weeks(window)
    if weeks is None:
        return False
    stem = doc.path.stem if doc.path else "plan"
    start_path = str(Path(_start_dir(window)) / f"{stem}-{doc.scenario_name}-calendar.ics")
    path = dialogs.get_save_path(window, "Export calendar", start_path, CALENDAR_FILTER)
    if not path:
        return False
    out = Path(path) if Path(path).suffix else Path(path).with_suffix(".ics")
    today = date.today()
    start = today + timedelta(days=7 - today.weekday())
    content = doc.scenario().apply(doc.plan.profile).content
    try:
        n = write_calendar(rec, doc.catalog, content, out, weeks=weeks, start=start)
    except AdvisorInputError as exc:
        dialogs.show_problems(window, "Cannot export the calendar", exc)
        return False
    except OSError as exc:
        dialogs.show_message(window, "Export failed", f"Could not write {out}: {exc}")
        return False
    window.statusBar().showMessage(f"Exported {n} posts over {weeks} weeks to {out}", 8000)
    return True
