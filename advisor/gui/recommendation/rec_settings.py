"""The Recommendation tab's settings bar: the scenario's tool and cadence, and the selected
channel's forcing and cadence level. It only reports what the user picks (signals)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.knowledge import Catalog
from ...core.plan import Scenario
from ...core.vocab import Ambition, Level

__all__ = ["SettingsBar"]


class SettingsBar(QFrame):
    """Scenario settings on the first row, the selected channel's on the second."""

    sig_tool = Signal(object)  # "tool/plan", "none" or None (advisor chooses)
    sig_ambition = Signal(str)
    sig_force = Signal(object)  # "in" / "out" / None, for the selected channel
    sig_level = Signal(object)  # Level value or None, for the selected channel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()
        self.update_channel(None, "", None)

    def _build(self) -> None:
        self.setObjectName("scenarioBar")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(8, 4, 8, 4)
        rows.setSpacing(4)
        row = QHBoxLayout()
        second = QHBoxLayout()
        rows.addLayout(row)
        rows.addLayout(second)
        self.scope = QLabel()
        self.scope.setObjectName("scopeLabel")
        self.tool_combo = QComboBox()
        self.tool_combo.setMinimumContentsLength(18)
        self.tool_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tool_combo.activated.connect(
            lambda _i: self.sig_tool.emit(self.tool_combo.currentData())
        )
        self.ambition_combo = QComboBox()
        self.ambition_combo.setToolTip(
            "How often to post: let the advisor choose each channel's cadence, fix every "
            "channel at one level, or keep every channel at its typical cadence or more"
        )
        for a in Ambition:
            self.ambition_combo.addItem(a.label, a.value)
        self.ambition_combo.setMinimumContentsLength(16)
        self.ambition_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.ambition_combo.activated.connect(
            lambda _i: self.sig_ambition.emit(self.ambition_combo.currentData())
        )
        self.level_combo = QComboBox()
        self.level_combo.setObjectName("levelCombo")
        self.level_combo.setToolTip(
            "Fix the selected channel's cadence in this scenario, or let the advisor choose it"
        )
        self.level_combo.addItem("Advisor chooses", None)
        for level in Level:
            self.level_combo.addItem(level.label.capitalize(), level.value)
        self.level_combo.activated.connect(
            lambda _i: self.sig_level.emit(self.level_combo.currentData())
        )
        self.btn_in = QPushButton("Force in")
        self.btn_out = QPushButton("Force out")
        self.btn_clear = QPushButton("Clear")
        self.btn_in.setToolTip("Put the selected channel in this scenario's mix whatever its fit")
        self.btn_out.setToolTip("Keep the selected channel out of this scenario's mix")
        self.btn_clear.setToolTip("Let the advisor decide again whether the channel is in the mix")
        self.tool_combo.setToolTip(
            "The management tool for this scenario: let the advisor choose the cheapest that "
            "fits, run without a tool, or fix a tool and plan"
        )
        self.scope.setToolTip("The settings on this bar belong to the selected scenario only")
        for btn, how in ((self.btn_in, "in"), (self.btn_out, "out"), (self.btn_clear, None)):
            btn.clicked.connect(lambda _c=False, h=how: self.sig_force.emit(h))
        row.addWidget(self.scope)
        row.addWidget(QLabel("Tool:"))
        row.addWidget(self.tool_combo)
        row.addWidget(QLabel("Cadence:"))
        row.addWidget(self.ambition_combo)
        row.addStretch(1)
        # The selected channel's settings on a row of their own: beside the scenario's they
        # made the window wider than a 1280-pixel screen.
        self.channel_label = QLabel()
        self.channel_label.setObjectName("selectedChannel")
        self.channel_label.setToolTip(
            "Force the channel selected in the table in or out of the mix, or fix its cadence"
        )
        second.addWidget(self.channel_label)
        for btn in (self.btn_in, self.btn_out, self.btn_clear):
            second.addWidget(btn)
        level_label = QLabel("Level:")
        level_label.setToolTip(self.level_combo.toolTip())
        level_label.setBuddy(self.level_combo)
        second.addSpacing(12)
        second.addWidget(level_label)
        second.addWidget(self.level_combo)
        second.addStretch(1)

    def set_catalog(self, catalog: Catalog) -> None:
        """The tools and plans the user can fix."""
        self.tool_combo.clear()
        self.tool_combo.addItem("Auto (advisor chooses)", None)
        self.tool_combo.addItem("No tool", "none")
        for tool in catalog.tools:
            if tool.active:
                for plan in tool.plans:
                    self.tool_combo.addItem(f"{tool.name} {plan.name}", f"{tool.id}/{plan.id}")

    def update_scenario(self, scenario: Scenario) -> None:
        """Show the scenario's tool and cadence preference."""
        # Elided: a long scenario name must not push the window wider than a small screen.
        name = self.scope.fontMetrics().elidedText(scenario.name, Qt.TextElideMode.ElideRight, 90)
        self.scope.setText(f"Scenario <b>{escape(name)}</b> only:")
        self.scope.setToolTip(f"These settings belong to scenario {scenario.name} only")
        i = self.tool_combo.findData(scenario.tool)
        self.tool_combo.setCurrentIndex(i if i >= 0 else 0)
        self.ambition_combo.setCurrentIndex(self.ambition_combo.findData(scenario.ambition.value))

    def update_channel(self, cid: str | None, name: str, fixed: Level | None) -> None:
        """The selected channel (None: nothing selected) and its fixed cadence level."""
        self.level_combo.setEnabled(cid is not None)
        for btn in (self.btn_in, self.btn_out, self.btn_clear):
            btn.setEnabled(cid is not None)
        if cid is None:
            self.channel_label.setText("Select a channel in the table:")
        else:
            shown = self.channel_label.fontMetrics().elidedText(
                name, Qt.TextElideMode.ElideRight, 160
            )
            self.channel_label.setText(f"Channel <b>{escape(shown)}</b>:")
        i = self.level_combo.findData(fixed.value if fixed is not None else None)
        self.level_combo.setCurrentIndex(max(i, 0))
        self.level_combo.setToolTip(
            f"Fix {name or 'the selected channel'}'s cadence in this scenario, or let the "
            "advisor choose it"
        )
