"""Autosave of unsaved work to a recovery file, and reading it back after a crash."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ...core.errors import AdvisorInputError
from ...core.plan import Plan
from ...core.safe_io import atomic_write_text, read_user_text
from ..document import PlanDocument
from .plain_errors import file_error

__all__ = ["Autosaver", "Recovered", "read_recovery"]

DEFAULT_INTERVAL_MS = 3000


@dataclass(frozen=True, slots=True)
class Recovered:
    plan: Plan
    source: str | None  # the file the work belonged to (None: never saved)
    scenario: str
    saved_at: str


def read_recovery(path: Path) -> Recovered | None:
    """The autosaved work, or None if there is none or it cannot be read."""
    try:
        data = json.loads(read_user_text(path, what="recovery file"))
        plan = Plan.model_validate(data["plan"])
    except (AdvisorInputError, OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return Recovered(
        plan, data.get("source"), str(data.get("scenario", "")), str(data.get("saved_at", ""))
    )


class Autosaver(QObject):
    """Writes the document to the recovery file a few seconds after each change."""

    sig_written = Signal(str)
    sig_failed = Signal(str)

    def __init__(
        self,
        doc: PlanDocument,
        path: Path,
        interval_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._doc = doc
        self.path = path
        env = os.environ.get("ADVISOR_AUTOSAVE_MS")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms or int(env or DEFAULT_INTERVAL_MS))
        self._timer.timeout.connect(self.write_now)
        doc.sig_plan_changed.connect(self._on_plan_changed)
        doc.sig_scenario_changed.connect(self._on_plan_changed)

    def _on_plan_changed(self, *_args) -> None:
        if self._doc.modified:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self.discard()

    def write_now(self) -> None:
        if not self._doc.modified:
            return
        doc = self._doc
        data = {
            "source": str(doc.path) if doc.path else None,
            "scenario": doc.scenario_name,
            "saved_at": datetime.now().isoformat(timespec="seconds"),
            "plan": doc.plan.model_dump(mode="json"),
        }
        try:
            atomic_write_text(self.path, json.dumps(data, indent=1), what="recovery file")
        except OSError as exc:  # a full disk or read-only config must not break editing
            why = file_error(exc, self.path)
            self.sig_failed.emit(f"Autosave failed: {why} Save your work with File > Save.")
            return
        self.sig_written.emit(str(self.path))

    def discard(self) -> None:
        """Stop pending autosaves and remove the recovery file (clean save or close)."""
        self._timer.stop()
        self.path.unlink(missing_ok=True)
