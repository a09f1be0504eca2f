"""The what-if workflow around the scenario list.

A new or duplicated scenario takes the edits that follow (the form switches to "edit only this
scenario"); a deleted scenario and a shared-profile edit that changed other scenarios' answers
are announced in the notice bar, each one Undo away.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStatusBar

from ...core.impact import changed_scenarios
from ...core.plan import Plan
from ..document import PlanDocument
from ..widgets.notice_bar import NoticeBar
from ..widgets.worker import BackgroundRunner
from . import operations
from .profile_form import ProfileForm

__all__ = ["ScenarioControl"]

IMPACT_DELAY_MS = 300
"""Quiet time after a shared edit before the other scenarios are checked (a slider drag is one
edit, checked once)."""

Run = Callable[..., bool]


def _names(names: list[str]) -> str:
    quoted = [f"“{escape(n)}”" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


class ScenarioControl(QObject):
    """Adds, duplicates and deletes scenarios for the window and watches shared edits."""

    def __init__(
        self,
        *,
        doc: PlanDocument,
        form: ProfileForm,
        notice: NoticeBar,
        status: QStatusBar,
        run: Run,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._doc, self._form, self._notice, self._status, self._run = (
            doc,
            form,
            notice,
            status,
            run,
        )
        self._before: Plan | None = None  # the plan before a burst of shared edits
        self._notice_index = -1  # the undo step the notice is about
        self.runner = BackgroundRunner(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IMPACT_DELAY_MS)
        self._timer.timeout.connect(self._start_check)
        self.runner.sig_finished.connect(self._on_checked)
        notice.sig_undo.connect(self._on_undo)
        doc.undo_stack.indexChanged.connect(self._on_index_changed)

    # --- scenarios ---------------------------------------------------------------------------
    def add(self) -> None:
        """Add an empty scenario and make the form edit it alone."""
        if self._run(operations.add_scenario, self._doc):
            self._took_edits("Added a scenario.")

    def duplicate(self) -> None:
        """Copy the current scenario and make the form edit the copy alone."""
        source = escape(self._doc.scenario_name)
        if self._run(operations.duplicate_scenario, self._doc):
            self._took_edits(f"Added a copy of scenario <b>{source}</b>.")

    def _took_edits(self, what: str) -> None:
        self._form.scope.set_scenario_only(True)
        # No name here: the new scenario is renamed after what its first edit changes.
        self._announce(
            f"{what} Edits now change only this scenario; the other scenarios stay as they "
            "are. To change every scenario, choose <i>Edit the shared profile</i> above."
        )

    def delete(self, name: str) -> None:
        """Delete a scenario and say so, with Undo."""
        if self._run(operations.delete_scenario, self._doc, name=name):
            self._announce(f"Deleted scenario <b>{escape(name)}</b>.")

    def _announce(self, html: str) -> None:
        self._notice_index = self._doc.undo_stack.index()
        self._notice.show_notice(html)
        self._status.showMessage(_plain(html), 6000)

    # --- shared edits --------------------------------------------------------------------------
    def watch_shared_edit(self) -> None:
        """Call before an edit of the shared profile: its effect on the other scenarios is
        checked once the edits pause."""
        if self._before is None:
            self._before = self._doc.plan
        self.runner.cancel()
        self._timer.start()

    @property
    def checking(self) -> bool:
        """True while a shared edit's effect on the other scenarios is still being checked."""
        return self._timer.isActive() or self.runner.running

    def _start_check(self) -> None:
        before, after, doc = self._before, self._doc.plan, self._doc
        self._before = None
        if before is None or before.profile == after.profile:
            return
        index, current, catalog = doc.undo_stack.index(), doc.scenario_name, doc.catalog
        self.runner.start(
            lambda _progress, stop: (
                index,
                changed_scenarios(before, after, catalog, skip=[current], should_stop=stop),
            )
        )

    def _on_checked(self, outcome: tuple[int, list[str]]) -> None:
        index, changed = outcome
        if index != self._doc.undo_stack.index() or not changed:
            return  # undone or edited again since: this answer is stale
        many = "s" if len(changed) > 1 else ""
        step = escape(self._doc.undo_stack.text(index - 1))
        self._announce(
            f"Your edit of the shared profile (<i>{step}</i>) also changed the answer of "
            f"scenario{many} {_names(changed)}."
        )

    def _on_undo(self) -> None:
        if self._doc.undo_stack.index() == self._notice_index:
            self._doc.undo_stack.undo()
        self._notice.hide()

    def _on_index_changed(self, index: int) -> None:
        if index < self._notice_index:
            self._notice.hide()  # the step the note is about was undone
        elif index != self._notice_index:
            self._notice.undo.hide()  # Undo would now take back a later edit, not this one

    def shutdown(self) -> None:
        self._timer.stop()
        self.runner.shutdown()


def _plain(text: str) -> str:
    """The notice as status-bar text."""
    return unescape(re.sub(r"<[^>]+>", "", text))
