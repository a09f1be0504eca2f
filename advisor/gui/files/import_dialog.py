"""File > Import analytics: read exports, preview what would change, apply as one undoable
step. The reading and merging are the core's (advisor.core.analytics_import)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.analytics_import import ImportResult, export_columns, import_analytics
from ...core.errors import AdvisorInputError
from ...core.knowledge import Catalog
from ...core.plan import Plan
from ..widgets.dialogs import problems_html

__all__ = ["EXPORT_FILTER", "ImportDialog", "exec_dialog", "get_export_paths"]

EXPORT_FILTER = "Analytics exports (*.csv *.txt);;All files (*)"
_NONE = "(none)"
_FIELDS = (
    ("date", "Date of the post"),
    ("channel", "Channel (network) column"),
    ("followers", "Followers"),
    ("inbound", "Comments or messages"),
)


def get_export_paths(parent: QWidget | None, start: str) -> list[str]:
    """Ask for one or more export files (replaced in tests)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Import analytics", start, EXPORT_FILTER)
    return list(paths)


def exec_dialog(dialog: QDialog) -> bool:
    """Run the dialog; True when the user applied it (replaced in tests)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


class ImportDialog(QDialog):
    """The exports read, the changes to today's presence they make, and a column mapping for
    exports of other tools. ``imported`` holds the new plan once a read succeeded."""

    def __init__(
        self, parent: QWidget | None, *, plan: Plan, catalog: Catalog, paths: list[str]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import analytics")
        self.resize(760, 620)
        self._plan, self._catalog, self._paths = plan, catalog, paths
        self.imported: ImportResult | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.changes = QTableWidget(0, 4)
        self.changes.setHorizontalHeaderLabels(
            ["Channel", "Figure", "In the plan", "From the exports"]
        )
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.verticalHeader().setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(
            "Apply to the plan", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.changes, 1)
        box.addWidget(self._mapping_box())
        box.addWidget(self.buttons)
        self._read({})

    def _mapping_box(self) -> QGroupBox:
        group = QGroupBox("Another tool's export? Name its columns")
        group.setCheckable(True)
        inner = QWidget()
        QVBoxLayout(group).addWidget(inner)
        group.toggled.connect(inner.setVisible)
        self.mapping_group = group
        form = QFormLayout(inner)
        columns = [_NONE, *export_columns_safe(self._paths[0])] if self._paths else [_NONE]
        self.combos: dict[str, QComboBox] = {}
        for key, label in _FIELDS:
            combo = QComboBox()
            combo.addItems(columns)
            self.combos[key] = combo
            form.addRow(label, combo)
        self.channel_combo = QComboBox()
        self.channel_combo.addItem("(from the channel column)", None)
        for p in self._catalog.active_platforms:
            self.channel_combo.addItem(p.name, p.id)
        form.addRow("Or: every row is on", self.channel_combo)
        self.read_button = QPushButton("Read again with these columns")
        self.read_button.clicked.connect(lambda: self._read(self.mapping()))
        form.addRow(self.read_button)
        return group

    def mapping(self) -> dict[str, str]:
        """The column mapping chosen in the form (empty fields left out)."""
        return {k: c.currentText() for k, c in self.combos.items() if c.currentText() != _NONE}

    def _read(self, mapping: dict[str, str]) -> None:
        channel = self.channel_combo.currentData() if mapping else None
        try:
            self.imported = import_analytics(
                self._plan, self._paths, self._catalog, mapping=mapping, channel=channel
            )
        except AdvisorInputError as exc:
            self.imported = None
            self.summary.setText(
                "<p><b>Nothing was imported.</b> The plan stays as it was.</p>" + problems_html(exc)
            )
            self.changes.setRowCount(0)
        else:
            self._show(self.imported)
        self.apply_button.setEnabled(self.imported is not None and bool(self.imported.changes))
        # the mapping folds away while the exports read without it
        self.mapping_group.setChecked(bool(mapping) or self.imported is None)

    def _show(self, result: ImportResult) -> None:
        read = "".join(
            f"<li>{Path(f.file).name}: {f.layout}, {f.rows_read} rows read"
            + (f", {len(f.skipped)} skipped ({_skips(f.skipped)})" if f.skipped else "")
            + "</li>"
            for f in result.files
        )
        notes = "".join(f"<li>{n}</li>" for n in result.notes)
        verdict = (
            "Apply to update today's channels in the plan (Edit > Undo takes it back)."
            if result.changes
            else "The plan already has these figures: nothing to change."
        )
        self.summary.setText(f"<ul>{read}</ul><ul>{notes}</ul><p>{verdict}</p>")
        self.changes.setRowCount(len(result.changes))
        for r, row in enumerate(result.changes):
            for c, text in enumerate(row):
                self.changes.setItem(r, c, QTableWidgetItem(text))
        self.changes.resizeColumnsToContents()


def _skips(skipped: list[tuple[int, str]]) -> str:
    shown = "; ".join(f"row {n}: {why}" for n, why in skipped[:3])
    return shown + ("; …" if len(skipped) > 3 else "")


def export_columns_safe(path: str) -> list[str]:
    """The export's columns for the mapping, or none when the file cannot be read (the read
    itself then reports why)."""
    try:
        return export_columns(path)
    except AdvisorInputError:
        return []


def run_import(
    parent: QWidget | None,
    *,
    plan: Plan,
    catalog: Catalog,
    start: str,
    apply: Callable[[Plan], None],
) -> bool:
    """Ask for exports, preview, and on Apply hand the new plan to ``apply``."""
    paths = get_export_paths(parent, start)
    if not paths:
        return False
    dialog = ImportDialog(parent, plan=plan, catalog=catalog, paths=paths)
    if not exec_dialog(dialog) or dialog.imported is None:
        return False
    apply(dialog.imported.plan)
    return True
