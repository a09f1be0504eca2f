"""The scenario list: select, add, duplicate, rename (double-click), describe, delete, reorder."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.plan import Plan

__all__ = ["ScenarioPanel"]


class ScenarioPanel(QWidget):
    sig_selected = Signal(str)
    sig_add = Signal()
    sig_duplicate = Signal()
    sig_rename = Signal(str, str)
    sig_delete = Signal(str)
    sig_move = Signal(str, int)
    sig_describe = Signal(str, str)  # scenario name, new description

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("scenarioList")
        self.list.setMinimumHeight(110)
        self.list.setToolTip(
            "The plan's what-ifs: click one to see its recommendation, double-click to rename"
        )
        self.list.setEditTriggers(
            QListWidget.EditTrigger.DoubleClicked | QListWidget.EditTrigger.EditKeyPressed
        )
        self.description = QLineEdit()
        self.description.setObjectName("scenarioDescription")
        self.description.setPlaceholderText("Describe this scenario (shown in the report)")
        self.description.setClearButtonEnabled(True)
        self._described: str | None = None  # the scenario whose description is shown
        buttons = QGridLayout()
        buttons.setSpacing(4)
        self.btn_add = QPushButton("Add")
        self.btn_dup = QPushButton("Duplicate")
        self.btn_rename = QPushButton("Rename")
        self.btn_delete = QPushButton("Delete")
        self.btn_up = QPushButton("Move up")
        self.btn_down = QPushButton("Move down")
        self.btn_add.setToolTip(
            "Add an empty what-if after this one; the edits that follow change only it"
        )
        self.btn_dup.setToolTip(
            "Copy this scenario with its changes; the edits that follow change only the copy"
        )
        self.btn_rename.setToolTip("Rename the selected scenario (or double-click it)")
        self.btn_delete.setToolTip("Delete the selected scenario (Undo brings it back)")
        self.btn_up.setToolTip("Move the selected scenario up: Compare and the report follow")
        self.btn_down.setToolTip("Move the selected scenario down: Compare and the report follow")
        for i, b in enumerate(
            (
                self.btn_add,
                self.btn_dup,
                self.btn_rename,
                self.btn_delete,
                self.btn_up,
                self.btn_down,
            )
        ):
            buttons.addWidget(b, i // 3, i % 3)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.list, 1)
        box.addWidget(self.description)
        box.addLayout(buttons)
        self.btn_add.clicked.connect(self.sig_add)
        self.btn_dup.clicked.connect(self.sig_duplicate)
        self.btn_rename.clicked.connect(self._on_rename_clicked)
        self.btn_delete.clicked.connect(lambda: self._emit_current(self.sig_delete))
        self.btn_up.clicked.connect(lambda: self._emit_move(-1))
        self.btn_down.clicked.connect(lambda: self._emit_move(+1))
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemChanged.connect(self._on_item_changed)
        self.description.editingFinished.connect(self._on_description_edited)

    def current_name(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def update_from(self, plan: Plan, current: str) -> None:
        """Show the plan's scenarios with `current` selected (no signals)."""
        self.list.blockSignals(True)
        self.list.clear()
        for s in plan.scenarios:
            item = QListWidgetItem(s.name)
            item.setData(Qt.ItemDataRole.UserRole, s.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(s.description or "No description")
            self.list.addItem(item)
            if s.name == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        scenario = plan.scenario(current)
        if current != self._described or not self.description.hasFocus():
            self.description.setText(scenario.description)
            self.description.setCursorPosition(0)
        self._described = current
        self.description.setToolTip(
            scenario.description or "What this scenario tries; the report's cover shows it"
        )
        n = len(plan.scenarios)
        row = self.list.currentRow()
        self.btn_delete.setEnabled(n > 1)
        self.btn_up.setEnabled(row > 0)
        self.btn_down.setEnabled(0 <= row < n - 1)

    def _emit_current(self, signal) -> None:
        name = self.current_name()
        if name is not None:
            signal.emit(name)

    def _emit_move(self, step: int) -> None:
        name = self.current_name()
        if name is not None:
            self.sig_move.emit(name, step)

    def _on_rename_clicked(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.sig_selected.emit(current.data(Qt.ItemDataRole.UserRole))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        old, new = item.data(Qt.ItemDataRole.UserRole), item.text()
        if new != old:
            # Deferred: renaming rebuilds this list, which must not happen inside its editor.
            QTimer.singleShot(0, lambda: self.sig_rename.emit(old, new))

    def _on_description_edited(self) -> None:
        if self._described is not None:
            self.sig_describe.emit(self._described, self.description.text().strip())
