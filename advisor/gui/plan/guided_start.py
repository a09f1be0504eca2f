"""File > New: a short guided start - company, goals, audience, team, budget - on one page.

Every answer starts at the plan format's own default and says what it does; the plan itself
is made by the core (starter_plan), so this dialog holds no rules.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.field_names import FORMAT_NAMES, MARKET_NAMES, REGIME_NAMES
from ...core.plan import CompanyProfile, Plan
from ...core.starter import starter_plan
from ...core.vocab import AGE_BANDS, Format, Goal, Market, Regime
from .form_widgets import spin

__all__ = ["GuidedStart"]

_DEFAULTS = CompanyProfile(name="-")  # the plan format's defaults, shown as starting answers


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def _ticks(items: dict, ticked: set, columns: int, tip: str) -> tuple[QWidget, dict]:
    box, grid = QWidget(), QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    box.setLayout(grid)
    checks = {}
    for i, (value, label) in enumerate(items.items()):
        check = QCheckBox(label.replace("&", "&&"))
        check.setChecked(value in ticked)
        check.setToolTip(tip.format(label=label.lower()))
        grid.addWidget(check, i // columns, i % columns)
        checks[value] = check
    return box, checks


class GuidedStart(QDialog):
    """Short questions for a first plan; ``plan()`` once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Start a new plan")
        self.setObjectName("guidedStart")
        intro = _hint(
            "A few short questions for a first recommendation. Each answer starts at the "
            "plan's usual default; you can change all of them later in the Company profile."
        )
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._company())
        left.addWidget(self._team())
        right.addWidget(self._goals())
        right.addWidget(self._audience())
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.problem = QLabel()
        self.problem.setObjectName("guidedProblem")
        self.problem.setStyleSheet("color: #a0281e;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Create plan")
        self.ok.setToolTip("Open the plan and its first recommendation")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addLayout(columns)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)
        for check in [*self.goals.values(), *self.ages.values(), *self.content.values()]:
            check.toggled.connect(self._update_problem)
        self.name.textChanged.connect(self._update_problem)
        self.people.valueChanged.connect(self._update_capacity)
        self.hours.valueChanged.connect(self._update_capacity)
        self._update_capacity()
        self._update_problem()

    # --- the questions -----------------------------------------------------------------------
    def _company(self) -> QGroupBox:
        group = QGroupBox("The company")
        form = QFormLayout(group)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Company or organisation name")
        self.name.setToolTip("The name on the report's cover")
        self.industry = QLineEdit()
        self.industry.setPlaceholderText("e.g. B2B software, retail bank (optional)")
        self.industry.setToolTip("Shown in the report; it does not change the advice")
        self.market = self._combo(MARKET_NAMES, _DEFAULTS.market)
        self.market.setToolTip(
            "Whom the company sells to: it sets the audience's mix of consumers and "
            "professionals, which decides which channels reach its buyers"
        )
        self.regulated = self._combo(REGIME_NAMES, _DEFAULTS.regulated)
        self.regulated.setToolTip(
            "A regulated company needs posts approved and archived: the advisor adds the "
            "compliance review hours"
        )
        form.addRow("Name", self.name)
        form.addRow("Industry", self.industry)
        form.addRow("Sells to", self.market)
        form.addRow("Regulation", self.regulated)
        return group

    def _goals(self) -> QGroupBox:
        group = QGroupBox("Goals: what social media should do for you")
        box = QVBoxLayout(group)
        goals = {g: g.label for g in Goal}
        ticked = {g for g, w in _DEFAULTS.goals.items() if w > 0}
        widget, self.goals = _ticks(goals, ticked, 2, "Tick to make {label} a goal")
        box.addWidget(widget)
        box.addWidget(_hint("Ticked goals start equal; rank them later on the Goals sliders."))
        return group

    def _audience(self) -> QGroupBox:
        group = QGroupBox("Audience and content")
        box = QVBoxLayout(group)
        bands = {b: f"Age {b}" for b in AGE_BANDS}
        widget, self.ages = _ticks(bands, set(AGE_BANDS), 4, "Tick if you must reach {label}")
        box.addWidget(_hint("The ages you must reach:"))
        box.addWidget(widget)
        formats = dict(FORMAT_NAMES)
        made, self.content = _ticks(
            formats, set(_DEFAULTS.content), 3, "Tick if the team can produce {label}"
        )
        box.addWidget(_hint("What the team can produce (channels built on it fit better):"))
        box.addWidget(made)
        return group

    def _team(self) -> QGroupBox:
        group = QGroupBox("Team and budget")
        form = QFormLayout(group)
        self.people = spin(0.1, 10_000, step=0.5, decimals=1)
        self.people.setValue(_DEFAULTS.people)
        self.people.setToolTip("People who work on social media (1.5 = one and a half)")
        self.hours = spin(0, 168, step=1, decimals=1, suffix=" h/week")
        self.hours.setValue(_DEFAULTS.hours_per_person)
        self.hours.setToolTip("Hours each of them gives to social media a week")
        self.capacity = _hint("")
        self.budget = spin(0, 10_000_000, step=50, decimals=0, prefix="$", suffix=" /month")
        self.budget.setValue(_DEFAULTS.tool_budget)
        self.budget.setToolTip(
            "Monthly budget for a management tool's licences; 0 = only the channels' own "
            "apps and free plans"
        )
        self.hourly = spin(0, 10_000, step=5, decimals=0, prefix="$", suffix=" /hour")
        self.hourly.setValue(_DEFAULTS.hourly_cost)
        self.hourly.setToolTip(
            "Pay plus overheads of one hour of the team's time; it prices the staffing. "
            "The starting value is the plan format's default: put in yours."
        )
        for box in (self.people, self.hours, self.budget, self.hourly):
            box.setKeyboardTracking(True)  # the capacity line follows the typing
        form.addRow("People", self.people)
        form.addRow("Hours per person", self.hours)
        form.addRow("", self.capacity)
        form.addRow("Tool budget", self.budget)
        form.addRow("Hourly cost", self.hourly)
        form.addRow(_hint("These start at the plan's defaults: put in your own figures."))
        return group

    @staticmethod
    def _combo(items: dict, current: object) -> QComboBox:
        combo = QComboBox()
        for value, label in items.items():
            combo.addItem(label, value.value)
        combo.setCurrentIndex(combo.findData(getattr(current, "value", current)))
        return combo

    # --- state ---------------------------------------------------------------------------------
    def _missing(self) -> str:
        if not self.name.text().strip():
            return "Give the company a name."
        if not any(c.isChecked() for c in self.goals.values()):
            return "Tick at least one goal."
        if not any(c.isChecked() for c in self.ages.values()):
            return "Tick at least one age band."
        return ""

    def _update_problem(self) -> None:
        missing = self._missing()
        self.problem.setText(missing)
        self.ok.setEnabled(not missing)

    def _update_capacity(self) -> None:
        hours = self.people.value() * self.hours.value()
        self.capacity.setText(f"= {hours:,.1f} staff hours a week for social media")

    def plan(self) -> Plan:
        """The plan these answers describe (raises ValidationError if one is not allowed)."""

        def ticked(checks: dict) -> list:
            return [v for v, c in checks.items() if c.isChecked()]

        return starter_plan(
            name=self.name.text(),
            industry=self.industry.text(),
            market=Market(self.market.currentData()),
            regulated=Regime(self.regulated.currentData()),
            goals=ticked(self.goals),
            ages=ticked(self.ages),
            content=[Format(f) for f in ticked(self.content)],
            people=self.people.value(),
            hours_per_person=self.hours.value(),
            tool_budget=self.budget.value(),
            hourly_cost=self.hourly.value(),
        )
