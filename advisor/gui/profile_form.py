"""The company profile form (left panel). It shows plan.profile and emits edits; no rules."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.plan import CompanyProfile, Scenario
from ..core.vocab import AGE_BANDS, Format, Goal, Market, Regime, Segment
from .form_widgets import VoiceSlider, WeightGroup

__all__ = ["ProfileForm"]

_MARKETS = {
    Market.b2b: "Business to business (B2B)",
    Market.b2c: "Business to consumer (B2C)",
    Market.both: "Both B2B and B2C",
}
_REGIMES = {
    Regime.none: "Not regulated",
    Regime.financial: "Financial services",
    Regime.health: "Health care",
    Regime.public_sector: "Public sector",
}
_FORMATS = {
    Format.text: "Text",
    Format.image: "Images",
    Format.short_video: "Short video",
    Format.long_video: "Long video",
    Format.live: "Live streams",
}


def _spin(
    lo: float, hi: float, *, step: float = 1, decimals: int = 1, prefix: str = "", suffix: str = ""
) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(lo, hi)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setPrefix(prefix)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(False)
    spin.setGroupSeparatorShown(True)
    return spin


class ProfileForm(QScrollArea):
    """Edits the shared profile. sig_edited(field, value, merge_key) for each user change."""

    sig_edited = Signal(str, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("profileForm")
        self._gesture = 0
        body = QWidget()
        self._box = QVBoxLayout(body)
        self._box.setSpacing(10)
        self.scope_note = QLabel()
        self.scope_note.setObjectName("scopeNote")
        self.scope_note.setWordWrap(True)
        self._box.addWidget(self.scope_note)
        self._build_company()
        self._build_goals()
        self._build_audience()
        self._build_content()
        self._build_team()
        self._box.addStretch(1)
        self.setWidget(body)

    # --- building ----------------------------------------------------------------------------
    def _group(
        self, title: str, inner: QWidget | None = None, *, labels_above: bool = False
    ) -> QFormLayout:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setRowWrapPolicy(
            QFormLayout.RowWrapPolicy.WrapAllRows
            if labels_above
            else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if inner is not None:
            form.addRow(inner)
        self._box.addWidget(group)
        return form

    def _build_company(self) -> None:
        # Labels above fields: beside the long "Followers per channel" label the name field
        # was a third of the panel wide and long names were clipped.
        form = self._group("Company", labels_above=True)
        self.name = QLineEdit()
        self.name.setPlaceholderText("Company or organisation name")
        self.name.editingFinished.connect(lambda: self._emit("name", self.name.text().strip(), ""))
        self.market = self._combo(_MARKETS, "market")
        self.regulated = self._combo(_REGIMES, "regulated")
        self.followers = _spin(0, 1e9, step=1000, decimals=0)
        self.followers.setToolTip("Expected followers per channel; drives the engagement load")
        self.response = _spin(0.5, 720, step=1, decimals=1, suffix=" h")
        self.response.setToolTip("How fast followers expect an answer")
        form.addRow("Name", self.name)
        form.addRow("Market", self.market)
        form.addRow("Regulation", self.regulated)
        form.addRow("Followers per channel", self.followers)
        form.addRow("Response time", self.response)
        self._connect_spin(self.followers, "followers", int)
        self._connect_spin(self.response, "response_hours", float)

    def _build_goals(self) -> None:
        self.goals = WeightGroup([(g.value, g.label) for g in Goal])
        self._group("Goals (weight, share of all goals)", self.goals)
        self.goals.sig_weight_changed.connect(
            lambda k, w: self._emit("goals", {k: w}, f"goals.{k}")
        )
        self.goals.sig_gesture_done.connect(self._next_gesture)

    def _build_audience(self) -> None:
        self.ages = WeightGroup([(b, f"Age {b}") for b in AGE_BANDS])
        self.segments = WeightGroup(
            [(Segment.consumer.value, "Consumers"), (Segment.professional.value, "Professionals")]
        )
        form = self._group("Audience (weight, share)", self.ages)
        form.addRow(self.segments)
        self.voice = VoiceSlider()
        self._group("Brand voice", self.voice)
        for group, field in ((self.ages, "audience_age"), (self.segments, "audience_segment")):
            group.sig_weight_changed.connect(
                lambda k, w, f=field: self._emit(f, {k: w}, f"{f}.{k}")
            )
            group.sig_gesture_done.connect(self._next_gesture)
        self.voice.sig_voice_changed.connect(lambda v: self._emit("voice", v, "voice"))
        self.voice.sig_gesture_done.connect(self._next_gesture)

    def _build_content(self) -> None:
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        self.content: dict[Format, QCheckBox] = {}
        for i, (fmt, label) in enumerate(_FORMATS.items()):
            box = QCheckBox(label)
            box.toggled.connect(self._on_content_changed)
            grid.addWidget(box, i // 2, i % 2)
            self.content[fmt] = box
        self._group("Content the team can produce", inner)

    def _build_team(self) -> None:
        form = self._group("Team and budget")
        self.people = _spin(0.1, 10_000, step=0.5, decimals=1)
        self.hours = _spin(0, 168, step=1, decimals=1, suffix=" h/week")
        self.capacity = QLabel()
        self.capacity.setObjectName("hint")
        self.budget = _spin(0, 10_000_000, step=50, decimals=0, prefix="$", suffix=" /month")
        self.hourly = _spin(0, 10_000, step=5, decimals=0, prefix="$", suffix=" /hour")
        self.max_channels = QSpinBox()
        self.max_channels.setRange(0, 100)
        self.max_channels.setSpecialValueText("No limit")
        self.max_channels.setKeyboardTracking(False)
        form.addRow("People", self.people)
        form.addRow("Hours per person", self.hours)
        form.addRow("", self.capacity)
        form.addRow("Tool budget", self.budget)
        form.addRow("Hourly cost", self.hourly)
        form.addRow("Max channels", self.max_channels)
        self._connect_spin(self.people, "people", float)
        self._connect_spin(self.hours, "hours_per_person", float)
        self._connect_spin(self.budget, "tool_budget", float)
        self._connect_spin(self.hourly, "hourly_cost", float)
        self.max_channels.valueChanged.connect(
            lambda v: self._emit("max_channels", v or None, "max_channels")
        )

    def _combo(self, items: dict, field: str) -> QComboBox:
        combo = QComboBox()
        for value, label in items.items():
            combo.addItem(label, value.value)
        combo.activated.connect(lambda _i: self._emit(field, combo.currentData(), ""))
        return combo

    def _connect_spin(self, spin: QDoubleSpinBox, field: str, kind: type) -> None:
        spin.valueChanged.connect(lambda v: self._emit(field, kind(v), field))
        spin.editingFinished.connect(self._next_gesture)

    # --- signals out ---------------------------------------------------------------------------
    def _next_gesture(self) -> None:
        self._gesture += 1

    def _emit(self, field: str, value: Any, key: str) -> None:
        self.sig_edited.emit(field, value, f"{key}#{self._gesture}" if key else "")

    def _on_content_changed(self) -> None:
        self._emit("content", [f.value for f, b in self.content.items() if b.isChecked()], "")

    # --- refresh -------------------------------------------------------------------------------
    def update_from(self, profile: CompanyProfile, scenario: Scenario) -> None:
        """Show the shared profile and say what the current scenario overrides."""
        widgets = [
            self.name,
            self.market,
            self.regulated,
            self.followers,
            self.response,
            self.people,
            self.hours,
            self.budget,
            self.hourly,
            self.max_channels,
            *self.content.values(),
        ]
        for w in widgets:
            w.blockSignals(True)
        if not self.name.hasFocus():
            self.name.setText(profile.name)
            self.name.setCursorPosition(0)  # show the start of a long name, not its end
        self.name.setToolTip(profile.name)
        self.market.setCurrentIndex(self.market.findData(profile.market.value))
        self.regulated.setCurrentIndex(self.regulated.findData(profile.regulated.value))
        self.followers.setValue(profile.followers)
        self.response.setValue(profile.response_hours)
        self.people.setValue(profile.people)
        self.hours.setValue(profile.hours_per_person)
        self.budget.setValue(profile.tool_budget)
        self.hourly.setValue(profile.hourly_cost)
        self.max_channels.setValue(profile.max_channels or 0)
        for fmt, box in self.content.items():
            box.setChecked(fmt in profile.content)
        for w in widgets:
            w.blockSignals(False)
        self.goals.set_weights({g.value: w for g, w in profile.goals.items()})
        self.ages.set_weights(profile.audience_age)
        self.segments.set_weights({s.value: w for s, w in profile.audience_segment.items()})
        self.voice.set_voice(profile.voice)
        self.capacity.setText(f"= {profile.staff_hours:,.1f} staff hours per week")
        self._update_scope_note(scenario)

    def _update_scope_note(self, scenario: Scenario) -> None:
        text = f"This profile is shared by all scenarios. Scenario <b>{scenario.name}</b> changes: "
        if scenario.changes:
            parts = [f"{k.replace('_', ' ')} = {_short(v)}" for k, v in scenario.changes.items()]
            text += "; ".join(parts) + " (these override the form)."
        else:
            text += "nothing here; its settings are above the channel table."
        self.scope_note.setText(text)


def _short(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(
            f"{k} {v:g}" if isinstance(v, int | float) else f"{k} {v}" for k, v in value.items()
        )
    return f"{value:g}" if isinstance(value, int | float) else str(value)
