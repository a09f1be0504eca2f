"""The Recommendation tab: ranked channels, scenario settings, detail, charts and notes."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.knowledge import Catalog
from ..core.plan import Scenario
from ..core.result import Recommendation, WhyNot
from ..core.tables import why_not_text
from ..core.vocab import Ambition, Goal, Level, Role
from .canvas import ChartView
from .delegates import FitBarDelegate
from .detail import channel_html
from .formatting import (
    role_text,
    roles_line,
    search_note,
    setup_text,
    source_text,
    spare_text,
    staffing_html,
)
from .models import ChannelTableModel, channel_rows
from .today_text import today_html

__all__ = ["RecommendationView"]


class RecommendationView(QWidget):
    """Shows one scenario's recommendation; emits the scenario edits the user asks for."""

    sig_force = Signal(str, object)  # channel id, "in" / "out" / None
    sig_tool = Signal(object)  # "tool/plan", "none" or None (advisor chooses)
    sig_ambition = Signal(str)
    sig_cadence = Signal(str, object)  # channel id, Level value or None (advisor chooses)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rec: Recommendation | None = None
        self._catalog: Catalog | None = None
        self._weights: dict[Goal, float] | None = None
        self._scenario: Scenario | None = None
        # asked for the best mix with a channel left out when the recommendation was built
        # without them (the window builds lean recommendations on every edit)
        self.why_not_source: Callable[[str], WhyNot | None] | None = None
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = ChannelTableModel(self)
        self.table = self._make_table()
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(True)
        self.detail.setObjectName("detail")
        self.notes = QTextBrowser()
        self.notes.setObjectName("notes")
        self.staffing = ChartView(empty_text="No channel in the mix")
        self.roles = QTextBrowser()
        self.roles.setObjectName("staffingByRole")
        self.coverage = ChartView(empty_text="No recommendation yet")
        self.fit_chart = ChartView(empty_text="No recommendation yet")
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self._make_settings_bar())
        box.addWidget(self._make_body(), 1)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._update_detail()
        self._update_level()

    # --- building ----------------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setItemDelegateForColumn(ChannelTableModel.FIT_COLUMN, FitBarDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(False)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._on_context_menu)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChannelTableModel.FIT_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(26)
        return table

    def _make_settings_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("scenarioBar")
        rows = QVBoxLayout(bar)
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
        self.level_combo.activated.connect(self._on_level_activated)
        self.btn_in = QPushButton("Force in")
        self.btn_out = QPushButton("Force out")
        self.btn_clear = QPushButton("Clear")
        for btn, how in ((self.btn_in, "in"), (self.btn_out, "out"), (self.btn_clear, None)):
            btn.clicked.connect(lambda _c=False, h=how: self._force_selected(h))
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
        return bar

    def _make_body(self) -> QSplitter:
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.table)
        top.addWidget(self.detail)
        top.setStretchFactor(0, 7)
        top.setStretchFactor(1, 3)
        top.setSizes([700, 300])
        charts = QTabWidget()
        charts.setDocumentMode(True)
        charts.addTab(self.staffing, "Staffing (hours per week)")
        charts.addTab(self.roles, "Roles, spare time, set-up")
        charts.addTab(self.coverage, "Goal coverage")
        charts.addTab(self.fit_chart, "Fit breakdown")
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(charts)
        bottom.addWidget(self.notes)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)
        bottom.setSizes([600, 400])
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(top)
        body.addWidget(bottom)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        self.splitters = (top, bottom, body)
        return body

    # --- refresh -------------------------------------------------------------------------------
    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.tool_combo.clear()
        self.tool_combo.addItem("Auto (advisor chooses)", None)
        self.tool_combo.addItem("No tool", "none")
        for tool in catalog.tools:
            if tool.active:
                for plan in tool.plans:
                    self.tool_combo.addItem(f"{tool.name} {plan.name}", f"{tool.id}/{plan.id}")

    def show_result(
        self,
        rec: Recommendation | None,
        scenario: Scenario,
        *,
        error: str = "",
        weights: dict[Goal, float] | None = None,
    ) -> None:
        """Show a recommendation (or why there is none) for the scenario."""
        current = self.selected_channel()
        self._rec = rec
        self._scenario = scenario
        self._weights = weights
        out = [(cid, self._name(cid)) for cid in scenario.force_out]
        self.model.set_rows(channel_rows(rec, out))
        self._update_settings(scenario)
        self._update_summary(error)
        self._update_charts()
        self._update_notes()
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_detail()
        self._update_level()

    def _name(self, cid: str) -> str:
        try:
            return self._catalog.platform(cid).name if self._catalog else cid
        except KeyError:
            return cid

    def _update_level(self) -> None:
        """The selected channel's fixed cadence level in this scenario (or Advisor chooses)."""
        cid = self.selected_channel()
        fixed = self._scenario.cadence.get(cid) if self._scenario and cid else None
        self.level_combo.setEnabled(cid is not None)
        for btn in (self.btn_in, self.btn_out, self.btn_clear):
            btn.setEnabled(cid is not None)
        if cid is None:
            self.channel_label.setText("Select a channel in the table:")
        else:
            name = self.channel_label.fontMetrics().elidedText(
                self._name(cid), Qt.TextElideMode.ElideRight, 160
            )
            self.channel_label.setText(f"Channel <b>{escape(name)}</b>:")
        i = self.level_combo.findData(fixed.value if fixed is not None else None)
        self.level_combo.setCurrentIndex(max(i, 0))
        name = self._name(cid) if cid else "the selected channel"
        self.level_combo.setToolTip(
            f"Fix {name}'s cadence in this scenario, or let the advisor choose it"
        )

    def _on_level_activated(self, _index: int) -> None:
        cid = self.selected_channel()
        if cid is not None:
            self.sig_cadence.emit(cid, self.level_combo.currentData())

    def _update_settings(self, scenario: Scenario) -> None:
        # Elided: a long scenario name must not push the window wider than a small screen.
        name = self.scope.fontMetrics().elidedText(scenario.name, Qt.TextElideMode.ElideRight, 90)
        self.scope.setText(f"Scenario <b>{escape(name)}</b> only:")
        self.scope.setToolTip(f"These settings belong to scenario {scenario.name} only")
        i = self.tool_combo.findData(scenario.tool)
        self.tool_combo.setCurrentIndex(i if i >= 0 else 0)
        self.ambition_combo.setCurrentIndex(self.ambition_combo.findData(scenario.ambition.value))

    def _update_summary(self, error: str) -> None:
        r = self._rec
        if r is None:
            self.summary.setText(
                f"<span style='color:#b04a5a'><b>This scenario cannot be "
                f"computed.</b></span> {escape(error)}"
            )
            return
        mix = ", ".join(self._name(c) for c in r.mix) or "no channel"
        state = "" if r.feasible else " <span style='color:#b04a5a'><b>(infeasible)</b></span>"
        note = search_note(r)
        self.summary.setText(
            f"<span style='font-size:13pt'><b>{escape(mix)}</b></span>{state}<br>"
            f"{escape(role_text(r, Role.marketing))}, <b>{escape(spare_text(r))}</b> · "
            f"{escape(roles_line(r))}<br>"
            f"All roles {r.hours_per_week:.1f} h/week = {r.fte:.2f} FTE · "
            f"${r.monthly_cost:,.0f} per month "
            f"(staff ${r.staff_cost:,.0f}, licences ${r.licence_cost:,.0f})"
            + (f" · one-off set-up {escape(setup_text(r))}" if r.setup_hours else "")
            + (f"<br><span style='color:#b26a00'>{escape(note)}</span>" if note else "")
        )

    def _update_charts(self) -> None:
        from ..charts import draw_contributions, draw_coverage, draw_staffing

        r = self._rec
        if r is None:
            for chart in (self.staffing, self.coverage, self.fit_chart):
                chart.set_draw(None, "No recommendation for this scenario")
            self.roles.setHtml("<p>No recommendation for this scenario.</p>")
            return
        self.roles.setHtml(staffing_html(r))
        weights = self._weights
        self.staffing.set_draw(lambda ax: draw_staffing(ax, r))
        self.coverage.set_draw(lambda ax: draw_coverage(ax, r, weights))
        self.fit_chart.set_draw(lambda ax: draw_contributions(ax, r))

    def _update_notes(self) -> None:
        r = self._rec
        if r is None:
            self.notes.setHtml("<p>Fix the scenario settings to see advice.</p>")
            return
        t = r.tool
        if t is None:
            tool = "<p><b>No management tool</b> — the mix is cheapest run natively.</p>"
        else:
            covered = ", ".join(self._name(c) for c in t.covered) or "none of the mix"
            tool = (
                f"<p><b>{escape(t.name)}</b>: {t.seats} seat(s), ${t.monthly_cost:,.0f} per "
                f"month, saves {t.hours_saved:.1f} h/week.<br>Manages: {escape(covered)}."
                f"<br><span style='color:#666'>{escape(t.why)}</span></p>"
            )
        warnings = "".join(f"<li>{escape(w)}</li>" for w in r.warnings)
        titles = {k: v.title for k, v in self._catalog.sources.items()} if self._catalog else {}
        advice = "".join(
            f"<li><b>{escape(a.title)}</b>: {escape(a.text)} "
            f"<span style='color:#888'>[{escape(source_text(a.source, titles))}]</span></li>"
            for a in r.advice
        )
        html = f"<h3>Tool</h3>{tool}"
        if warnings:
            html += f"<h3 style='color:#b04a5a'>Warnings</h3><ul>{warnings}</ul>"
        html += f"<h3>Advice</h3><ul>{advice or '<li>None.</li>'}</ul>"
        html += today_html(r)  # actions against today's channels, wind-downs
        self.notes.setHtml(html)

    def _update_detail(self) -> None:
        cid = self.selected_channel()
        if cid is None or self._catalog is None:
            self.detail.setHtml(
                "<p style='color:#777'>Select a channel in the table to see why "
                "it is ranked where it is: its personality, audience reach, "
                "cadence, effort, fit contributions and the sources of its "
                "figures.</p>"
            )
            return
        result = next((c for c in self._rec.channels if c.id == cid), None) if self._rec else None
        try:
            platform = self._catalog.platform(cid)
        except KeyError:  # e.g. forced out by recovered work, unknown to this knowledge base
            self.detail.setHtml(
                f"<p>Unknown channel <b>{escape(cid)}</b>: the knowledge base "
                "has no such channel.</p>"
            )
            return
        lazy = None
        if result is not None and not result.in_mix and result.why_not is None:
            lazy = self.why_not_source(cid) if self.why_not_source is not None else None
        why_not = why_not_text(self._rec, cid, lazy) if self._rec and result else ""
        self.detail.setHtml(channel_html(platform, result, self._catalog, why_not))

    # --- user actions --------------------------------------------------------------------------
    def selected_channel(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def select_channel(self, cid: str) -> None:
        row = self.model.row_of(cid)
        if row >= 0:
            self.table.selectRow(row)

    def _on_current_changed(self, *_args) -> None:
        self._update_detail()
        self._update_level()

    def _force_selected(self, how: str | None) -> None:
        cid = self.selected_channel()
        if cid is not None:
            self.sig_force.emit(cid, how)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        cid = self.model.row_id(index.row())
        menu = QMenu(self)
        for text, how in (
            (f"Force {self._name(cid)} into the mix", "in"),
            (f"Force {self._name(cid)} out of the mix", "out"),
            ("Clear forcing", None),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, h=how: self.sig_force.emit(cid, h))
        menu.addSeparator()
        fixed = self._scenario.cadence.get(cid) if self._scenario else None
        for text, level in [("Let the advisor choose the cadence", None)] + [
            (f"Fix at {lv.label} cadence", lv) for lv in Level
        ]:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(fixed == level)
            value = level.value if level is not None else None
            action.triggered.connect(lambda _c=False, v=value: self.sig_cadence.emit(cid, v))
        menu.exec(self.table.viewport().mapToGlobal(pos))
