"""The main window: profile and scenarios on the left, recommendation tabs in the centre."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QTabWidget,
)

from ..core.engine import Prepared, build, prepare
from ..core.errors import AdvisorInputError
from ..core.explain import why_not_for
from ..core.result import Recommendation, WhyNot
from .compare.compare_view import CompareView
from .config import settings
from .document import PlanDocument
from .files import today_actions
from .files.file_ops import FileController
from .files.plain_errors import file_error
from .files.recovery import Autosaver
from .help_menu import build_help_menu
from .knowledge.kb_view import KnowledgeView
from .knowledge.overlay import edit_figure, reset_figure
from .plan import operations
from .plan.field_marks import still_overridden
from .plan.profile_form import ProfileForm
from .plan.scenario_control import ScenarioControl
from .plan.scenario_panel import ScenarioPanel
from .recommendation.rec_view import RecommendationView
from .sensitivity.sensitivity_control import SensitivityControl
from .sensitivity.sensitivity_view import SensitivityView
from .widgets import dialogs

__all__ = ["MainWindow"]

DEBOUNCE_MS = 25
"""Quiet period after a recompute: edits inside it are coalesced into one trailing recompute."""


class MainWindow(QMainWindow):
    """Views of one PlanDocument. Edits go through operations; results come from the core."""

    sig_recommendation_updated = Signal(object)  # Recommendation or None
    sig_compare_updated = Signal()

    def __init__(self, *, doc: PlanDocument, autosaver: Autosaver) -> None:
        super().__init__()
        self.doc = doc
        self.recommendation: Recommendation | None = None
        self._prepared: Prepared | None = None
        self._compare_dirty = True
        self.setObjectName("mainWindow")
        self.setWindowTitle("Channel Advisor")
        self.form = ProfileForm()
        self.scenarios = ScenarioPanel()
        self.rec_view = RecommendationView()
        self.rec_view.why_not_source = self._why_not
        self.compare_view = CompareView()
        self.sens_view = SensitivityView()
        self.kb_view = KnowledgeView()
        self.kb_view.set_overlay_path(str(doc.overlay_path))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._pending = False
        self._build_layout()
        self.files = FileController(self, doc, autosaver)
        autosaver.sig_failed.connect(lambda message: self.statusBar().showMessage(message, 15000))
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._restore_geometry()
        self.rec_view.set_catalog(self.doc.catalog)
        self.kb_view.set_catalog(self.doc.catalog)
        self.form.set_catalog(self.doc.catalog)
        self._update_title()
        self._update_views()
        self._recompute()

    # --- building ----------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.rec_view, "Recommendation")
        self.tabs.addTab(self.compare_view, "Compare scenarios")
        self.tabs.addTab(self.sens_view, "Sensitivity")
        self.tabs.addTab(self.kb_view, "Knowledge base")
        self.setCentralWidget(self.tabs)
        self.scenario_dock = self._dock("Scenarios", self.scenarios, "scenarioDock")
        self.profile_dock = self._dock("Company profile", self.form, "profileDock")
        self.splitDockWidget(self.scenario_dock, self.profile_dock, Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.scenario_dock, self.profile_dock], [250, 550], Qt.Orientation.Vertical
        )
        self.resizeDocks([self.profile_dock], [380], Qt.Orientation.Horizontal)

    def _dock(self, title: str, widget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        return dock

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.files.build_menu(file_menu)
        today_actions.install(self, file_menu)  # Import analytics, Export calendar
        edit = self.menuBar().addMenu("&Edit")
        self.undo_action = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        edit.addAction(
            "Clear all overrides of this scenario",
            lambda: self._run(operations.clear_scenario_changes, self.doc),
        )
        view = self.menuBar().addMenu("&View")
        view.addAction(self.scenario_dock.toggleViewAction())
        view.addAction(self.profile_dock.toggleViewAction())
        view.addSeparator()
        for i in range(self.tabs.count()):
            action = view.addAction(self.tabs.tabText(i))
            action.triggered.connect(lambda _c=False, i=i: self.tabs.setCurrentIndex(i))
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
        self.help_actions = build_help_menu(
            self.menuBar().addMenu("&Help"),
            self,
            lambda: self.doc.catalog,
            overlay=lambda: self.doc.overlay_path,
        )

    def _build_status_bar(self) -> None:
        self.sensitivity = SensitivityControl(
            self.sens_view,
            self.statusBar(),
            lambda: {p.id: p.name for p in self.doc.catalog.platforms},
            self,
        )
        self.runner = self.sensitivity.runner
        self.rec_view.busy = lambda: self.runner.running
        self.sensitivity.defer = self.rec_view.why_pending
        self.sensitivity.current_mix = lambda: (
            self.recommendation.mix if self.recommendation else None
        )

    def _connect(self) -> None:
        d = self.doc
        d.sig_plan_changed.connect(self._on_plan_changed)
        d.sig_scenario_changed.connect(self._on_scenario_changed)
        d.sig_catalog_changed.connect(self._on_catalog_changed)
        d.sig_modified_changed.connect(self.setWindowModified)
        d.sig_path_changed.connect(self._update_title)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        f = self.form
        f.sig_edited.connect(self._on_profile_edited)
        f.sig_presence_edited.connect(self._on_presence_edited)
        f.sig_scope_changed.connect(self._update_dock_title)
        f.sig_reset_override.connect(
            lambda fld, k: self._run(operations.clear_scenario_override, d, field=fld, key=k)
        )
        f.sig_clear_overrides.connect(lambda: self._run(operations.clear_scenario_changes, d))
        s = self.scenarios
        s.sig_selected.connect(d.select_scenario)
        self.scenario_control = ScenarioControl(
            doc=d, form=f, notice=f.notice, status=self.statusBar(), run=self._run, parent=self
        )
        s.sig_add.connect(self.scenario_control.add)
        s.sig_duplicate.connect(self.scenario_control.duplicate)
        s.sig_rename.connect(lambda o, n: self._run(operations.rename_scenario, d, old=o, new=n))
        s.sig_delete.connect(self.scenario_control.delete)
        s.sig_move.connect(lambda n, k: self._run(operations.move_scenario, d, name=n, step=k))
        s.sig_describe.connect(
            lambda n, t: self._run(operations.set_scenario_description, d, name=n, description=t)
        )
        r = self.rec_view
        r.sig_force.connect(lambda c, h: self._run(operations.force_channel, d, channel=c, how=h))
        r.sig_tool.connect(lambda t: self._run(operations.set_tool, d, tool=t))
        r.sig_ambition.connect(lambda a: self._run(operations.set_ambition, d, ambition=a))
        r.sig_cadence.connect(
            lambda c, lv: self._run(operations.set_cadence, d, channel=c, level=lv)
        )
        r.sig_add_hours.connect(self._on_add_hours)
        self.kb_view.sig_edit_figure.connect(self._on_figure_edited)
        self.kb_view.sig_reset_figure.connect(
            lambda w, i, f: self._change_figure(reset_figure, what=w, item_id=i, field=f)
        )
        self.kb_view.sig_bad_value.connect(lambda m: self.statusBar().showMessage(m, 5000))
        self.tabs.currentChanged.connect(self._on_tab_changed)

    # --- edits ---------------------------------------------------------------------------------
    def _run(self, operation, *args, **kwargs) -> bool:
        try:
            operation(*args, **kwargs)
        except operations.EditRejected as exc:
            self.statusBar().showMessage(f"Not changed: {exc}", 6000)
            self._update_views()
            if QApplication.mouseButtons() == Qt.MouseButton.NoButton:  # no dialog mid-drag
                dialogs.show_error(self, "Not changed", f"That change was not made. {exc}")
            return False
        return True

    def _on_profile_edited(self, field: str, value: object, key: str) -> None:
        if self.form.scenario_only:
            op = operations.set_scenario_field
        else:
            op = operations.set_profile_field
            self.scenario_control.watch_shared_edit()
        done = self._run(op, self.doc, field=field, value=value, key=key or None)
        self._note_still_overridden(done, field, value)

    def _on_presence_edited(self, channel: str, presence: object, rename_to: object) -> None:
        if not self.form.scenario_only:
            self.scenario_control.watch_shared_edit()
        done = self._run(
            operations.edit_presence,
            self.doc,
            channel=channel,
            presence=presence,
            scenario_only=self.form.scenario_only,
            rename_to=rename_to,
        )
        if presence is not None and rename_to is None:
            self._note_still_overridden(done, "presence", {channel: presence})

    def _note_still_overridden(self, done: bool, field: str, value: object) -> None:
        note = (
            None if self.form.scenario_only else still_overridden(self.doc.scenario(), field, value)
        )
        if done and note:  # a shared edit does not change a value the scenario overrides
            self.statusBar().showMessage(note, 6000)

    def _on_add_hours(self) -> None:
        """'Add hours' from an empty recommendation: the team's hours field, ready to type."""
        self.profile_dock.show()
        self.form.hours.setFocus()
        self.form.hours.selectAll()

    def _on_figure_edited(self, what: str, item_id: str, field: str, value: float) -> None:
        self._change_figure(edit_figure, what=what, item_id=item_id, field=field, value=value)

    def _change_figure(self, change, **kwargs) -> None:
        try:
            change(self.doc, **kwargs)
        except AdvisorInputError as exc:
            dialogs.show_problems(self, "That value is not valid; nothing was changed", exc)
            self.kb_view.set_catalog(self.doc.catalog)
        except OSError as exc:
            text = file_error(exc, self.doc.overlay_path)
            dialogs.show_error(self, "Your figure was not saved", text, str(exc))
            self.kb_view.set_catalog(self.doc.catalog)

    # --- refresh -------------------------------------------------------------------------------
    def _on_plan_changed(self, *_args) -> None:
        self._compare_dirty = True
        self._on_scenario_changed()

    def _on_scenario_changed(self, *_args) -> None:
        """Another scenario selected: its recommendation; the comparison is still current."""
        self.sensitivity.runner.cancel()  # first: its thread competes for the interpreter
        self._update_views()
        self._request_recompute()

    def _on_catalog_changed(self) -> None:
        self._compare_dirty = True
        self.rec_view.set_catalog(self.doc.catalog)
        self.kb_view.set_catalog(self.doc.catalog)
        self.form.set_catalog(self.doc.catalog)
        self._request_recompute()

    def _request_recompute(self) -> None:
        """Leading-edge debounce: the first edit recomputes at once, a burst (a slider drag)
        coalesces into one trailing recompute per quiet period. The running analysis is
        cancelled first so it does not compete with the recompute for the interpreter."""
        self.sensitivity.runner.cancel()
        if self._debounce.isActive():
            self._pending = True
            return
        self._recompute()
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        if self._pending:
            self._pending = False
            self._recompute()

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.compare_view and self._compare_dirty:
            self._update_compare()

    def _update_views(self) -> None:
        self.form.update_from(self.doc.plan.profile, self.doc.scenario())
        self.scenarios.update_from(self.doc.plan, self.doc.scenario_name)
        self._update_dock_title()

    def _update_dock_title(self, *_args) -> None:
        scope = (
            f"scenario {self.doc.scenario_name} only"
            if self.form.scenario_only
            else "shared by all scenarios"
        )
        self.profile_dock.setWindowTitle(f"Company profile — {scope}")

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.doc.display_name}[*] — Channel Advisor")
        self.setWindowModified(self.doc.modified)

    def _recompute(self) -> None:
        """Rebuild the current scenario's recommendation (fast, on the UI thread)."""
        scenario = self.doc.scenario()
        try:
            prep = prepare(self.doc.plan, scenario.name, self.doc.catalog)
            # lean: the why-not mixes are solved when a channel left out is shown
            self._prepared, rec = prep, build(prep, explain_left_out=False)
            error = ""
        except AdvisorInputError as exc:
            self._prepared, rec = None, None
            error = "; ".join(f"{p.field}: {p.message}" for p in exc.problems)
        self.recommendation = rec
        weights = self._prepared.profile.normalised_goals() if self._prepared else None
        self.rec_view.show_result(rec, scenario, error=error, weights=weights)
        if self._compare_dirty and self.tabs.currentWidget() is self.compare_view:
            self._update_compare()
        self.sensitivity.schedule(self._prepared)
        self.sig_recommendation_updated.emit(rec)

    def _why_not(self, cid: str) -> WhyNot | None:
        """The best mix with a channel left out of the current recommendation (solved now)."""
        if self._prepared is None or self.recommendation is None:
            return None
        return why_not_for(self._prepared, self.recommendation, cid)

    def full_recommendation(self) -> Recommendation | None:
        """The current recommendation with every why-not mix (for exports)."""
        return build(self._prepared) if self._prepared is not None else None

    def _update_compare(self) -> None:
        recs, errors, weights = [], {}, {}
        current = self.recommendation
        for s in self.doc.plan.scenarios:
            if current is not None and s.name == current.scenario and not self._pending:
                recs.append(current)  # just computed for this plan: no need to build it twice
                if self._prepared is not None:
                    weights[s.name] = self._prepared.profile.normalised_goals()
                continue
            try:
                prep = prepare(self.doc.plan, s.name, self.doc.catalog)
                recs.append(build(prep, explain_left_out=False))
                weights[s.name] = prep.profile.normalised_goals()
            except AdvisorInputError as exc:
                errors[s.name] = exc.problems[0].message
        self.compare_view.show_results(recs, errors, weights)
        self._compare_dirty = False
        self.sig_compare_updated.emit()

    # --- window state --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        s = settings()
        geometry, state = s.value("window/geometry"), s.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if state is not None:
            self.restoreState(state)

    def save_geometry(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.files.confirm_close():
            event.ignore()
            return
        self.sensitivity.shutdown()
        self.scenario_control.shutdown()
        self.files.exporter.shutdown()  # a cancelled export leaves no file behind
        self.files.autosaver.discard()  # a clean close leaves no recovery file
        self.save_geometry()
        event.accept()
