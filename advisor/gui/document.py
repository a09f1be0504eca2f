"""The open plan as a Qt object: the plan, its file, the selected scenario and the catalog.

Every change goes through the undo stack as a command holding the plan before and after
(plans are treated as immutable values), so undo/redo is exact and cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.knowledge import Catalog
from ..core.loading import atomic_write_text, load_catalog
from ..core.plan import Plan
from ..core.safe_io import read_user_text

__all__ = ["OverlayEdit", "PlanDocument", "PlanEdit"]

_MERGE_ID = 1


class PlanDocument(QObject):
    """The open plan. Emits sig_plan_changed after any change to the plan (also undo/redo)."""

    sig_plan_changed = Signal()
    sig_scenario_changed = Signal(str)
    sig_catalog_changed = Signal()
    sig_path_changed = Signal()
    sig_modified_changed = Signal(bool)

    def __init__(
        self,
        *,
        plan: Plan,
        path: Path | None,
        catalog: Catalog,
        overlay_path: Path,
        text: str | None = None,
        template: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.overlay_path = overlay_path
        self._catalog = catalog
        self._plan = plan
        self._saved = plan
        self._path = path
        self._scenario = plan.scenarios[0].name
        self._modified = False
        self._text = text
        self._template = template
        # Scenarios the app named, not yet the user: the profile each started from, by name
        # (see scenario_ops.auto_name).
        self.auto_named: dict[str, dict[str, Any]] = {}

    # --- state -----------------------------------------------------------------------------
    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def source_text(self) -> str | None:
        """The text of the file the plan was read from or last saved to (its comments and
        layout are kept when saving)."""
        return self._text

    @property
    def template(self) -> str | None:
        """The file name of the shipped example this untitled plan was copied from."""
        return self._template

    @property
    def display_name(self) -> str:
        """The plan's name in the title bar and in questions about it."""
        if self._path is not None:
            return self._path.name
        if self._template:
            return f"Untitled copy of the example {self._template}"
        return "Untitled"

    @property
    def scenario_name(self) -> str:
        return self._scenario

    @property
    def modified(self) -> bool:
        return self._modified

    def scenario(self):
        return self._plan.scenario(self._scenario)

    # --- changes ---------------------------------------------------------------------------
    def select_scenario(self, name: str) -> None:
        if name != self._scenario and any(s.name == name for s in self._plan.scenarios):
            self._scenario = name
            self.sig_scenario_changed.emit(name)

    def set_plan(self, plan: Plan, scenario: str | None = None) -> None:
        """Replace the plan (commands call this; user code pushes a PlanEdit)."""
        self._plan = plan
        names = [s.name for s in plan.scenarios]
        wanted = scenario if scenario in names else self._scenario
        self._scenario = wanted if wanted in names else names[0]
        self._update_modified()
        self.sig_plan_changed.emit()

    def reset(
        self,
        plan: Plan,
        path: Path | None,
        *,
        text: str | None = None,
        template: str | None = None,
    ) -> None:
        """Load a different plan: clears undo history and the modified flag. ``text``: the
        file's text; ``template``: the name of the example it is an untitled copy of."""
        self.undo_stack.clear()
        self.auto_named.clear()
        self._saved = plan
        self._path = path
        self._text = text
        self._template = template
        self.sig_path_changed.emit()
        self.set_plan(plan, plan.scenarios[0].name)

    def mark_saved(self, path: Path, text: str | None = None) -> None:
        """The plan is now the file ``path`` (which holds ``text``)."""
        self._saved = self._plan
        self.undo_stack.setClean()  # the next edit must not merge into the step before the save
        self._path = path
        self._text = text
        self._template = None
        self.sig_path_changed.emit()
        self._update_modified()

    def mark_unsaved(self) -> None:
        """For recovered work: the plan differs from any file on disk."""
        self._saved = None  # type: ignore[assignment]
        self._update_modified()

    def reload_catalog(self) -> None:
        """Re-read the knowledge base with the overlay (if any); raises AdvisorInputError."""
        overlay = self.overlay_path if self.overlay_path.exists() else None
        self._catalog = load_catalog(overlay=overlay)
        self.sig_catalog_changed.emit()

    def _update_modified(self) -> None:
        modified = self._plan != self._saved
        if modified != self._modified:
            self._modified = modified
            self.sig_modified_changed.emit(modified)


class PlanEdit(QUndoCommand):
    """One edit of the plan. Edits with the same merge key collapse into one undo step."""

    def __init__(
        self,
        doc: PlanDocument,
        after: Plan,
        text: str,
        *,
        key: str | None = None,
        scenario: str | None = None,
    ) -> None:
        # After the line break: the Undo menu's text, where "&" must be doubled to show
        # ("Recruiting & employer brand"); before it: the step as the undo history shows it.
        super().__init__(f"{text}\n{text.replace('&', '&&')}")
        self._doc = doc
        self._before = doc.plan
        self._after = after
        self._scenario_before = doc.scenario_name
        self._scenario_after = scenario or doc.scenario_name
        self.key = key

    def id(self) -> int:
        return _MERGE_ID if self.key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not isinstance(other, PlanEdit) or other.key != self.key:
            return False
        self._after = other._after
        self._scenario_after = other._scenario_after
        if self._after == self._before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self._doc.set_plan(self._after, self._scenario_after)

    def undo(self) -> None:
        self._doc.set_plan(self._before, self._scenario_before)


class OverlayEdit(QUndoCommand):
    """Write the knowledge-base overlay file (text already validated) and reload the catalog."""

    def __init__(self, doc: PlanDocument, after: str, text: str) -> None:
        super().__init__(text)
        self._doc = doc
        path = doc.overlay_path
        # bounded like every other read of a user's file (the overlay was validated when read)
        self._before = read_user_text(path, what="overlay") if path.exists() else None
        self._after = after

    def _write(self, text: str | None) -> None:
        path = self._doc.overlay_path
        if text is None:
            path.unlink(missing_ok=True)
        else:
            atomic_write_text(path, text)
        self._doc.reload_catalog()

    def redo(self) -> None:
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)
