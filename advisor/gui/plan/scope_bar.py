"""The switch at the top of the profile dock: edit the shared profile or only one scenario."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

__all__ = ["ScopeBar"]

_MIN_PX = 200  # room for the label with a short name
_INDICATOR_PX = 28  # the radio indicator and its spacing


class ScopeBar(QFrame):
    """Two radio buttons and a "clear all overrides" button.

    sig_scope_changed(scenario_only) when the user switches; sig_clear_all on the button.
    """

    sig_scope_changed = Signal(bool)
    sig_clear_all = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeBar")
        self.shared = QRadioButton("Edit the shared profile")
        self.shared.setToolTip("Edits apply to every scenario that does not override the field")
        self.scenario = QRadioButton("Edit only scenario")
        # The scenario name is elided to the width the dock gives it: a long name must not
        # widen the dock (and the window) beyond a small screen.
        self.scenario.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.scenario.setMinimumWidth(_MIN_PX)
        self._scenario_name = ""
        self.shared.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.shared)
        group.addButton(self.scenario)
        self.clear = QPushButton("Clear all overrides")
        self.clear.setObjectName("clearOverrides")
        self.clear.setToolTip("Make this scenario use the shared value of every profile field")
        self.count = QLabel()
        self.count.setObjectName("hint")
        # A row of its own, shown only when there is something to clear: side by side with a
        # radio button it widened the dock (and the window) beyond a 1280-pixel screen.
        self.clear_row = QWidget()
        row = QHBoxLayout(self.clear_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count, 1)
        row.addWidget(self.clear)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        box.setSpacing(2)
        box.addWidget(self.shared)
        box.addWidget(self.scenario)
        box.addWidget(self.clear_row)
        self.scenario.toggled.connect(self._on_toggled)
        self.clear.clicked.connect(self.sig_clear_all)
        self._update_look()

    @property
    def scenario_only(self) -> bool:
        return self.scenario.isChecked()

    def set_scenario_only(self, on: bool) -> None:
        """Switch where edits go, as a click would (emits sig_scope_changed on a change)."""
        (self.scenario if on else self.shared).setChecked(True)

    def update_from(self, scenario: str, overrides: int) -> None:
        """Name the current scenario and say how many fields it overrides."""
        self._scenario_name = scenario
        self._update_scenario_text()
        self.scenario.setToolTip(
            f"Edits are stored in scenario {scenario} only; the shared profile stays as it is"
        )
        self.clear.setEnabled(overrides > 0)
        self.clear_row.setVisible(overrides > 0)
        self.count.setText(f"{overrides} override{'s' * (overrides != 1)}")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._update_scenario_text()

    def _update_scenario_text(self) -> None:
        prefix = "Edit only scenario “"
        metrics = self.scenario.fontMetrics()
        room = self.scenario.width() - metrics.horizontalAdvance(prefix + "”") - _INDICATOR_PX
        name = metrics.elidedText(self._scenario_name, Qt.TextElideMode.ElideRight, room)
        self.scenario.setText(f"{prefix}{name}”")

    def _on_toggled(self, _checked: bool) -> None:
        self._update_look()
        self.sig_scope_changed.emit(self.scenario_only)

    def _update_look(self) -> None:
        # Colour says which mode edits go to, even when the radio buttons are out of sight.
        color = (
            "#fde9cf; border: 1px solid #e7b36a"
            if self.scenario_only
            else "#eef3f9; border: 1px solid #d6e0eb"
        )
        self.setStyleSheet(f"QFrame#scopeBar {{ background: {color}; border-radius: 4px; }}")
