"""The Recommendation tab: ranked channels, scenario settings, detail, charts and notes."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.knowledge import Catalog
from ...core.plan import Scenario
from ...core.result import Recommendation, WhyNot
from ...core.tables import why_not_text
from ...core.vocab import Ambition, Goal, Level
from ..widgets.canvas import ChartView
from ..widgets.delegates import FitBarDelegate
from ..widgets.formatting import if_included_text, staffing_html
from ..widgets.models import ChannelTableModel, channel_rows
from .detail import channel_html
from .rec_settings import SettingsBar
from .rec_text import notes_html, summary_html
from .today_text import today_html

__all__ = ["RecommendationView"]


class RecommendationView(QWidget):
    """Shows one scenario's recommendation; emits the scenario edits the user asks for."""

    sig_force = Signal(str, object)  # channel id, "in" / "out" / None
    sig_tool = Signal(object)  # "tool/plan", "none" or None (advisor chooses)
    sig_ambition = Signal(str)
    sig_cadence = Signal(str, object)  # channel id, Level value or None (advisor chooses)
    sig_add_hours = Signal()  # the user asked to add the team's hours (no channel fits)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rec: Recommendation | None = None
        self._catalog: Catalog | None = None
        self._weights: dict[Goal, float] | None = None
        self._scenario: Scenario | None = None
        # asked for the best mix with a channel left out when the recommendation was built
        # without them (the window builds lean recommendations on every edit)
        self.why_not_source: Callable[[str], WhyNot | None] | None = None
        self._why_nots: dict[str, WhyNot | None] = {}
        self._why_queue: list[str] = []
        # one left-out channel solved per tick, so an edit never waits for all of them
        self._why_timer = QTimer(self)
        self._why_timer.setInterval(0)
        self._why_timer.timeout.connect(self._fill_next_why_not)
        # True while the background analysis runs: the two would compete for the interpreter
        self.busy: Callable[[], bool] = lambda: False
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.linkActivated.connect(self._on_next_step)
        self.model = ChannelTableModel(self)
        self.table = self._make_table()
        self.detail = QTextBrowser()
        self.detail.setOpenExternalLinks(True)
        self.detail.setObjectName("detail")
        self.notes = QTextBrowser()
        self.notes.setObjectName("notes")
        self.staffing = ChartView(empty_text="No channel in the mix", name="staffing")
        self.roles = QTextBrowser()
        self.roles.setObjectName("staffingByRole")
        self.coverage = ChartView(empty_text="No recommendation yet", name="goal-coverage")
        self.fit_chart = ChartView(empty_text="No recommendation yet", name="fit-breakdown")
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        self.bar = SettingsBar()
        self._alias_bar()
        box.addWidget(self.bar)
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
        header.setSectionResizeMode(ChannelTableModel.FIT_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(ChannelTableModel.FIT_COLUMN, 100)
        header.setSectionResizeMode(ChannelTableModel.WHY_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        table.setWordWrap(False)
        table.verticalHeader().setDefaultSectionSize(26)
        return table

    def _make_body(self) -> QSplitter:
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.table)
        top.addWidget(self.detail)
        top.setStretchFactor(0, 7)
        top.setStretchFactor(1, 3)
        top.setSizes([740, 260])
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
    def _alias_bar(self) -> None:
        b = self.bar
        # the bar's controls under the names the window and the tests use
        self.tool_combo, self.ambition_combo, self.level_combo = (
            b.tool_combo,
            b.ambition_combo,
            b.level_combo,
        )
        self.btn_in, self.btn_out, self.btn_clear = b.btn_in, b.btn_out, b.btn_clear
        self.scope, self.channel_label = b.scope, b.channel_label
        b.sig_tool.connect(self.sig_tool)
        b.sig_ambition.connect(self.sig_ambition)
        b.sig_force.connect(self._force_selected)
        b.sig_level.connect(self._on_level)

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.bar.set_catalog(catalog)

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
        self._update_spans()
        self._start_why_nots()
        self.bar.update_scenario(scenario)
        self.summary.setText(summary_html(rec, scenario, self._name, error))
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
        self.bar.update_channel(cid, self._name(cid) if cid else "", fixed)

    def _on_level(self, level: object) -> None:
        cid = self.selected_channel()
        if cid is not None:
            self.sig_cadence.emit(cid, level)

    def _update_spans(self) -> None:
        """Group headings span the whole row."""
        self.table.clearSpans()
        for row in self.model.heading_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())

    def _start_why_nots(self) -> None:
        """Solve, one per tick, what including each channel left out would change."""
        r = self._rec
        self._why_nots = {}
        self._why_queue = [c.id for c in r.channels if not c.in_mix] if r else []
        if self._why_queue:
            self._why_timer.start()
        else:
            self._why_timer.stop()

    def why_pending(self) -> bool:
        """True while left-out channels' costs are still to be solved."""
        return bool(self._why_queue)

    def _fill_next_why_not(self) -> None:
        if not self._why_queue or self._rec is None:
            self._why_timer.stop()
            return
        if self.busy():
            self._why_timer.setInterval(250)  # look again once the analysis may be done
            return
        self._why_timer.setInterval(0)
        cid = self._why_queue.pop(0)
        w = self._why_not(cid)
        self.model.set_why(cid, if_included_text(self._rec, cid, w))

    def _why_not(self, cid: str) -> WhyNot | None:
        """The best mix with a channel left out (from the recommendation or solved once)."""
        if cid not in self._why_nots:
            c = self._rec.channel(cid) if self._rec else None
            w = c.why_not if c is not None else None
            if w is None and c is not None and not c.in_mix and self.why_not_source is not None:
                w = self.why_not_source(cid)
            self._why_nots[cid] = w
        return self._why_nots[cid]

    def _on_next_step(self, link: str) -> None:
        if link == "next:hours":
            self.sig_add_hours.emit()
        elif link == "next:auto":
            self.sig_ambition.emit(Ambition.auto.value)
        elif link == "next:allow" and self._scenario and self._scenario.force_out:
            self.sig_force.emit(self._scenario.force_out[0], None)

    def _update_charts(self) -> None:
        from ...charts import draw_contributions, draw_coverage, draw_staffing

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
        html = notes_html(self._rec, self._catalog, self._name)
        if self._rec is not None:
            html += today_html(self._rec)  # actions against today's channels, wind-downs
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
        lazy = self._why_not(cid) if result is not None and not result.in_mix else None
        why_not = why_not_text(self._rec, cid, lazy) if self._rec and result else ""
        self.detail.setHtml(channel_html(platform, result, self._catalog, why_not))

    # --- user actions --------------------------------------------------------------------------
    def selected_channel(self) -> str | None:
        index = self.table.currentIndex()
        return (self.model.row_id(index.row()) or None) if index.isValid() else None

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
        cid = self.model.row_id(index.row()) if index.isValid() else ""
        if not cid:
            return
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
