"""The company profile form (left panel).

It shows the profile in effect for the current scenario (the shared profile with the scenario's
changes merged in), marks the fields the scenario overrides, and emits edits; no rules.
"""

from __future__ import annotations

from html import escape
from typing import Any

from pydantic import ValidationError
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

from ...core.field_names import FORMAT_NAMES, MARKET_NAMES, REGIME_NAMES
from ...core.knowledge import Catalog
from ...core.plan import CompanyProfile, Scenario
from ...core.vocab import AGE_BANDS, Format, Goal, Segment
from ..widgets.notice_bar import NoticeBar
from .field_marks import FieldMarks, override_paths, presence_text, scope_note_html
from .form_widgets import DefaultableSpin, NotesEdit, VoiceSlider, WeightGroup, spin
from .presence_table import PresenceTable
from .scope_bar import ScopeBar

__all__ = ["ProfileForm"]

_THRESHOLD_TIP = (
    "Points of goal coverage a channel, or a higher cadence on a channel, must add per "
    "$1,000 a month it costs (staff time and licences); if it adds less, it is left out "
    "and its hours stay spare. Higher: a leaner mix with more spare hours; lower: more "
    "channels and higher cadences."
)
_ANSWER_TIP = (
    "Share of the inbound messages and comments the team answers; it drives the "
    "engagement hours of every channel"
)

_MARKETS = MARKET_NAMES
_REGIMES = REGIME_NAMES
_FORMATS = FORMAT_NAMES


class ProfileForm(QWidget):
    """The profile editor with its scope switch on top.

    sig_edited(field, value, merge_key) for each user change (a mapping field sends only the
    edited key); sig_reset_override(field, key or None) for "Use shared value";
    sig_clear_overrides for "Clear all overrides"; sig_scope_changed(scenario_only);
    sig_presence_edited(channel, presence mapping or None to remove, new channel id or None)
    for an edit of today's channels.
    """

    sig_edited = Signal(str, object, str)
    sig_presence_edited = Signal(str, object, object)  # channel, presence or None, new channel
    sig_reset_override = Signal(str, object)
    sig_clear_overrides = Signal()
    sig_scope_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileForm")
        self._gesture = 0
        self._effective: dict[str, Any] = {}
        self._shown: tuple[CompanyProfile, Scenario] | None = None
        self.scope = ScopeBar()
        self.marks = FieldMarks(self)
        body = QWidget()
        self._box = QVBoxLayout(body)
        self._box.setSpacing(10)
        self.scope_note = QLabel()
        self.scope_note.setObjectName("scopeNote")
        self.scope_note.setWordWrap(True)
        self._box.addWidget(self.scope_note)
        self._names: dict[str, str] = {}
        self._build_company()
        self._build_presence()
        self._build_goals()
        self._build_audience()
        self._build_content()
        self._build_team()
        self._build_engagement()
        self._build_report()
        self._box.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 0)
        outer.setSpacing(4)
        outer.addWidget(self.scope)
        self.notice = NoticeBar()  # what an edit did beyond this screen, with Undo
        outer.addWidget(self.notice)
        outer.addWidget(self.scroller, 1)
        self.scope.sig_scope_changed.connect(self._on_scope_changed)
        self.scope.sig_clear_all.connect(self.sig_clear_overrides)
        self.marks.sig_clear_all.connect(self.sig_clear_overrides)
        self.marks.sig_reset.connect(self._on_reset_requested)
        self.scope_note.linkActivated.connect(self._on_reset_requested)

    @property
    def scenario_only(self) -> bool:
        """True when edits go to the current scenario's changes, not the shared profile."""
        return self.scope.scenario_only

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
        self._last_group = group
        return form

    def _row(self, form: QFormLayout, field: str, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        form.addRow(label, widget)
        self.marks.register(field, label)

    def _line(self, field: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setProperty("tip", placeholder)
        edit.editingFinished.connect(lambda: self._emit(field, edit.text().strip(), ""))
        return edit

    def _build_company(self) -> None:
        # Labels above fields: beside the long "Followers per channel" label the name field
        # was a third of the panel wide and long names were clipped.
        form = self._group("Company", labels_above=True)
        self.name = self._line("name", "Company or organisation name")
        self.industry = self._line("industry", "e.g. B2B software, retail bank, city council")
        self.market = self._combo(_MARKETS, "market")
        self.market.setToolTip(
            "Whom the company sells to: businesses, consumers or both; it changes which "
            "channels reach its buyers"
        )
        self.regulated = self._combo(_REGIMES, "regulated")
        self.regulated.setToolTip(
            "A regulated company needs posts approved and archived: the advisor adds "
            "compliance review hours and prefers tools that do it"
        )
        self.followers = spin(0, 1e9, step=1000, decimals=0)
        self.followers.setToolTip(
            "Expected followers on a channel not listed under Today's channels; "
            "drives the engagement load"
        )
        self.response = spin(0.5, 720, step=1, decimals=1, suffix=" h")
        self.response.setToolTip("How fast followers expect an answer")
        self._row(form, "name", "Name", self.name)
        self._row(form, "industry", "Industry", self.industry)
        self._row(form, "market", "Market", self.market)
        self._row(form, "regulated", "Regulation", self.regulated)
        self._row(form, "followers", "Followers (other channels)", self.followers)
        self._row(form, "response_hours", "Response time", self.response)
        self._connect_spin(self.followers, "followers", int)
        self._connect_spin(self.response, "response_hours", float)

    def _build_presence(self) -> None:
        self.presence = PresenceTable()
        self._group("Today's channels", self.presence)
        self._last_group.setToolTip(
            "The channels the company runs today, with their own followings (double-click a "
            "figure to change it); other channels use Followers (other channels)"
        )
        p = self.presence
        p.sig_set.connect(lambda cid, values: self.sig_presence_edited.emit(cid, values, None))
        p.sig_remove.connect(lambda cid: self.sig_presence_edited.emit(cid, None, None))
        p.sig_rename.connect(lambda old, new: self.sig_presence_edited.emit(old, None, new))
        p.sig_reset.connect(lambda cid: self.sig_reset_override.emit("presence", cid))

    def _build_engagement(self) -> None:
        form = self._group("Engagement and value", labels_above=True)
        self.answer_share = DefaultableSpin(
            spin(0, 100, step=5, decimals=0, suffix=" %"), scale=0.01
        )
        self.answer_share.setToolTip(_ANSWER_TIP)
        self.answer_share.spin.setToolTip(_ANSWER_TIP)
        self.value_threshold = DefaultableSpin(
            spin(0, 1000, step=0.5, decimals=1, suffix=" points per $1,000 a month")
        )
        self.value_threshold.setToolTip(_THRESHOLD_TIP)
        self.value_threshold.spin.setToolTip(_THRESHOLD_TIP)
        self._row(form, "answer_share", "Messages answered", self.answer_share)
        self._row(form, "value_threshold", "Value threshold", self.value_threshold)
        for field, widget in (
            ("answer_share", self.answer_share),
            ("value_threshold", self.value_threshold),
        ):
            widget.sig_value_changed.connect(
                lambda v, f=field: self._emit(f, v, f if v is not None else "")
            )
            widget.sig_gesture_done.connect(self._next_gesture)
        self.set_defaults(answer_share=0.2, answer_source="", threshold=1.0)

    def set_catalog(self, catalog: Catalog) -> None:
        """Channel names for today's channels and the catalog's defaults for the new inputs."""
        self._names = {p.id: p.name for p in catalog.active_platforms}
        self.presence.set_channels(self._names)
        a = catalog.assumptions
        source = catalog.sources.get(a.answer_share.src)
        self.set_defaults(
            answer_share=a.answer_share.v,
            answer_source=source.title if source else "",
            threshold=a.min_gain_per_1000_usd.v,
        )
        if self._shown is not None:
            self.update_from(*self._shown)

    def set_defaults(self, *, answer_share: float, answer_source: str, threshold: float) -> None:
        where = answer_source.split(" (")[0].split(":")[0].strip()
        self.answer_share.set_default(
            answer_share,
            f"Use the default ({answer_share:.0%})",
            f"Default from the knowledge base: {answer_source}" if answer_source else "",
            f"Source of the default: {where}" if where else "",
        )
        self.value_threshold.set_default(
            threshold,
            f"Use the default ({threshold:g} point{'s' if threshold != 1 else ''} per $1,000)",
            "The knowledge base's planning threshold",
        )

    def _weights(self, group: WeightGroup, field: str) -> None:
        for key in group.weight_keys():
            self.marks.register(f"{field}.{key}", group.label(key))
        group.sig_weight_changed.connect(lambda k, w: self._emit(field, {k: w}, f"{field}.{k}"))
        group.sig_gesture_done.connect(self._next_gesture)

    def _build_goals(self) -> None:
        self.goals = WeightGroup([(g.value, g.label) for g in Goal])
        self._group("Goals (weight, share of all goals)", self.goals)
        self._weights(self.goals, "goals")

    def _build_audience(self) -> None:
        self.ages = WeightGroup([(b, f"Age {b}") for b in AGE_BANDS])
        self.segments = WeightGroup(
            [(Segment.consumer.value, "Consumers"), (Segment.professional.value, "Professionals")]
        )
        form = self._group("Audience (weight, share)", self.ages)
        form.addRow(self.segments)
        self._weights(self.ages, "audience_age")
        self._weights(self.segments, "audience_segment")
        self.voice = VoiceSlider()
        self._group("Brand voice", self.voice)
        self.marks.register("voice", self._last_group)
        self.voice.sig_voice_changed.connect(lambda v: self._emit("voice", v, "voice"))
        self.voice.sig_gesture_done.connect(self._next_gesture)

    def _build_content(self) -> None:
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setContentsMargins(0, 0, 0, 0)
        self.content: dict[Format, QCheckBox] = {}
        for i, (fmt, label) in enumerate(_FORMATS.items()):
            box = QCheckBox(label)
            box.setToolTip(
                f"Tick if the team can produce {label.lower()}: channels built on it fit better"
            )
            box.toggled.connect(self._on_content_changed)
            grid.addWidget(box, i // 2, i % 2)
            self.content[fmt] = box
        self._group("Content the team can produce", inner)
        self.marks.register("content", self._last_group)

    def _build_team(self) -> None:
        form = self._group("Team and budget")
        self.people = spin(0.1, 10_000, step=0.5, decimals=1)
        self.hours = spin(0, 168, step=1, decimals=1, suffix=" h/week")
        self.capacity = QLabel()
        self.capacity.setObjectName("hint")
        self.budget = spin(0, 10_000_000, step=50, decimals=0, prefix="$", suffix=" /month")
        self.hourly = spin(0, 10_000, step=5, decimals=0, prefix="$", suffix=" /hour")
        self.max_channels = QSpinBox()
        self.max_channels.setRange(0, 100)
        self.max_channels.setSpecialValueText("No limit")
        self.max_channels.setKeyboardTracking(False)
        self.people.setToolTip(
            "How many people work on social media (may be a fraction, e.g. 1.5 for a "
            "full-timer and a half-timer)"
        )
        self.hours.setToolTip(
            "Hours each person gives to social media a week; people × hours = the hours "
            "the team has"
        )
        self.budget.setToolTip("Budget a month for a management tool's licences (USD)")
        self.hourly.setToolTip(
            "Fully loaded cost of one staff hour (USD): pay, overheads; prices the staffing"
        )
        self.max_channels.setToolTip(
            "The most channels the team wants to run; No limit lets the advisor decide"
        )
        self._row(form, "people", "People", self.people)
        self._row(form, "hours_per_person", "Hours per person", self.hours)
        form.addRow("", self.capacity)
        self._row(form, "tool_budget", "Tool budget", self.budget)
        self._row(form, "hourly_cost", "Hourly cost", self.hourly)
        self._row(form, "max_channels", "Max channels", self.max_channels)
        self._connect_spin(self.people, "people", float)
        self._connect_spin(self.hours, "hours_per_person", float)
        self._connect_spin(self.budget, "tool_budget", float)
        self._connect_spin(self.hourly, "hourly_cost", float)
        self.max_channels.valueChanged.connect(
            lambda v: self._emit("max_channels", v or None, "max_channels")
        )

    def _build_report(self) -> None:
        form = self._group("Report", labels_above=True)
        self.prepared_by = self._line("prepared_by", "Person or team named on the report cover")
        self.notes = NotesEdit()
        self.notes.setPlaceholderText("Anything the report should mention (saved when you leave)")
        self.notes.setToolTip("Notes printed in the report; saved when you leave the field")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(70)
        self.notes.setMaximumHeight(140)
        self.notes.sig_committed.connect(lambda text: self._emit("notes", text.strip(), ""))
        self._row(form, "prepared_by", "Prepared by", self.prepared_by)
        self._row(form, "notes", "Notes", self.notes)

    def _combo(self, items: dict, field: str) -> QComboBox:
        combo = QComboBox()
        for value, label in items.items():
            combo.addItem(label, value.value)
        combo.activated.connect(lambda _i: self._emit(field, combo.currentData(), ""))
        return combo

    def _connect_spin(self, box: QDoubleSpinBox, field: str, kind: type) -> None:
        box.valueChanged.connect(lambda v: self._emit(field, kind(v), field))
        box.editingFinished.connect(self._next_gesture)

    # --- signals out ---------------------------------------------------------------------------
    def _next_gesture(self) -> None:
        self._gesture += 1
        if self._shown is not None:  # a slider released after a drag shows the value in effect
            self.update_from(*self._shown)

    def _emit(self, field: str, value: Any, key: str) -> None:
        current = self._effective.get(field)
        if isinstance(value, dict) and isinstance(current, dict):
            if all(current.get(k) == v for k, v in value.items()):
                return
        elif value == current:  # focus left a field without a change
            return
        self.sig_edited.emit(field, value, f"{key}#{self._gesture}" if key else "")

    def _on_content_changed(self) -> None:
        self._emit("content", [f.value for f, b in self.content.items() if b.isChecked()], "")

    def _on_reset_requested(self, path: str) -> None:
        field, _, key = path.partition(".")
        self.sig_reset_override.emit(field, key or None)

    def _on_scope_changed(self, scenario_only: bool) -> None:
        if self._shown is not None:
            self._update_scope_note(*self._shown)
        self.sig_scope_changed.emit(scenario_only)

    # --- refresh -------------------------------------------------------------------------------
    def update_from(self, profile: CompanyProfile, scenario: Scenario) -> None:
        """Show the profile in effect for ``scenario`` and mark what the scenario overrides."""
        self._shown = (profile, scenario)
        try:
            effective = scenario.apply(profile)
        except ValidationError:  # a hand-edited file; the recommendation names the problem
            effective = profile
        self._effective = effective.model_dump(mode="json")
        self._update_fields(effective)
        shared = profile.model_dump(mode="json") if scenario.changes else {}
        self.marks.show(scenario.name, override_paths(scenario.changes), shared)
        self._update_presence(profile, scenario, effective)
        self.scope.update_from(scenario.name, len(override_paths(scenario.changes)))
        self._update_scope_note(profile, scenario)

    def _update_fields(self, p: CompanyProfile) -> None:
        widgets = [
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
        for edit, text in ((self.name, p.name), (self.industry, p.industry)):
            self._set_line(edit, text)
        self._set_line(self.prepared_by, p.prepared_by)
        if not self.notes.hasFocus() and self.notes.toPlainText() != p.notes:
            self.notes.setPlainText(p.notes)
        self.market.setCurrentIndex(self.market.findData(p.market.value))
        self.regulated.setCurrentIndex(self.regulated.findData(p.regulated.value))
        self.followers.setValue(p.followers)
        self.response.setValue(p.response_hours)
        self.people.setValue(p.people)
        self.hours.setValue(p.hours_per_person)
        self.budget.setValue(p.tool_budget)
        self.hourly.setValue(p.hourly_cost)
        self.max_channels.setValue(p.max_channels or 0)
        for fmt, box in self.content.items():
            box.setChecked(fmt in p.content)
        for w in widgets:
            w.blockSignals(False)
        self.goals.set_weights({g.value: w for g, w in p.goals.items()})
        self.ages.set_weights(p.audience_age)
        self.segments.set_weights({s.value: w for s, w in p.audience_segment.items()})
        self.voice.set_voice(p.voice)
        self.answer_share.set_value(p.answer_share)
        self.value_threshold.set_value(p.value_threshold)
        self.capacity.setText(f"= {p.staff_hours:,.1f} staff hours per week")

    def _update_presence(
        self, profile: CompanyProfile, scenario: Scenario, effective: CompanyProfile
    ) -> None:
        override = scenario.changes.get("presence")
        shared = profile.model_dump(mode="json")["presence"]
        tips = {
            cid: (
                f"Overridden in scenario {escape(scenario.name)}; shared value: "
                f"{escape(presence_text(shared.get(cid)))}.<br>"
                "Right-click for <i>Use shared value</i>."
            )
            for cid in (override if isinstance(override, dict) else {})
        }
        self.presence.update_from(self._effective["presence"], tips, float(effective.followers))

    @staticmethod
    def _set_line(edit: QLineEdit, text: str) -> None:
        if not edit.hasFocus() and edit.text() != text:
            edit.setText(text)
            edit.setCursorPosition(0)  # show the start of a long text, not its end
        tip = str(edit.property("tip") or "")
        edit.setToolTip(f"{tip}: {text}" if text and tip else text or tip)

    def _update_scope_note(self, profile: CompanyProfile, scenario: Scenario) -> None:
        self.scope_note.setText(
            scope_note_html(profile, scenario, scenario_only=self.scenario_only, names=self._names)
        )
