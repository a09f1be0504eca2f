"""Marks on the profile form's labels for the fields the current scenario overrides."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QMenu, QWidget

from ...core.field_names import field_name, value_text
from ...core.plan import CompanyProfile, Scenario

__all__ = [
    "MARK",
    "FieldMarks",
    "override_paths",
    "presence_text",
    "scope_note_html",
    "short",
    "still_overridden",
]

MARK = "●"
_LABEL_STYLE = "color: #a04f00; font-weight: 600;"
_GROUP_STYLE = "QGroupBox::title { color: #a04f00; }"


def override_paths(changes: dict[str, Any]) -> list[str]:
    """ "field" for a plain override, "field.key" for each key of a mapping override."""
    paths = []
    for field, value in changes.items():
        if isinstance(value, dict):
            paths += [f"{field}.{key}" for key in value]
        else:
            paths.append(field)
    return paths


def shared_value(shared: dict[str, Any], path: str) -> Any:
    field, _, key = path.partition(".")
    value = shared.get(field)
    return value.get(key) if key and isinstance(value, dict) else value


_PRESENCE_LABELS = {
    "followers": "followers",
    "posts_per_week": "posts a week",
    "inbound_per_month": "inbound a month",
    "hours_per_week": "hours a week",
}


def presence_text(value: Any) -> str:
    """'12,000 followers, 3 posts a week' for one of today's channels."""
    if not isinstance(value, dict):
        return "not listed"
    parts = [
        f"{float(value[k]):,g} {label}"
        for k, label in _PRESENCE_LABELS.items()
        if value.get(k) is not None
    ]
    return ", ".join(parts) or "no figures"


def _value_text(field: str, value: Any) -> str:
    if field == "presence":
        return presence_text(value)
    if field in ("name", "industry", "prepared_by", "notes") and isinstance(value, str):
        return short(value)
    return value_text(field, value)


def short(value: Any) -> str:
    """A value as the form's notes show it."""
    if isinstance(value, dict):
        return ", ".join(f"{k} {short(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    if isinstance(value, bool) or value is None:
        return {None: "none", True: "yes", False: "no"}[value]
    if isinstance(value, int | float):
        return f"{value:,g}"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"


def scope_note_html(
    profile: CompanyProfile,
    scenario: Scenario,
    *,
    scenario_only: bool,
    names: dict[str, str] | None = None,
) -> str:
    """Where edits go and what the scenario overrides, each with a "use shared" link.

    ``names``: display names of channels (today's channels are keyed by channel id)."""
    names = names or {}
    name = f"<b>{escape(scenario.name)}</b>"
    if scenario_only:
        text = f"Edits go to scenario {name} only; the shared profile stays as it is. "
    else:
        text = "You are editing the profile shared by all scenarios. "
    if not scenario.changes:
        return text + (
            f"Scenario {name} uses the shared value of every field; its other settings are "
            "above the channel table."
        )
    shared = profile.model_dump(mode="json")
    parts = []
    for path in override_paths(scenario.changes):
        field, _, key = path.partition(".")
        value = scenario.changes[field][key] if key else scenario.changes[field]
        if field == "presence":
            what = f"Today's channels: {names.get(key, key)}"
        else:
            what = field_name(field, key or None)
        was = _value_text(field, shared_value(shared, path))
        parts.append(
            f"{escape(what, quote=False)} = {escape(_value_text(field, value), quote=False)}"
            f" (shared {escape(was, quote=False)}"
            f", <a href='{escape(path)}'>use shared</a>)"
        )
    return (
        text + f"Scenario {name} changes: " + "; ".join(parts) + ". The form shows these "
        f"values; their labels are marked {MARK}."
    )


def still_overridden(scenario: Scenario, field: str, value: Any) -> str | None:
    """What to tell the user after a shared edit of a field ``scenario`` overrides."""
    override = scenario.changes.get(field)
    if override is None:
        return None
    what = field_name(field)
    if isinstance(value, dict) and isinstance(override, dict):
        keys = sorted(set(value) & set(override))
        if not keys:
            return None
        what = ", ".join(field_name(field, k) for k in keys)
    return (
        f"Shared profile changed; scenario {scenario.name} still overrides "
        f"{what}, so the value it uses (shown here) is unchanged"
    )


class FieldMarks(QObject):
    """Labels (or group boxes) by profile path; marks the overridden ones.

    sig_reset(path) when the user asks to use the shared value again (context menu);
    sig_clear_all when the user asks to drop every override of the scenario.
    """

    sig_reset = Signal(str)
    sig_clear_all = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._widgets: dict[str, QWidget] = {}
        self._texts: dict[str, str] = {}
        self._marked: set[str] = set()
        self._shown: object = None

    def register(self, path: str, widget: QLabel | QGroupBox) -> None:
        self._widgets[path] = widget
        self._texts[path] = widget.text() if isinstance(widget, QLabel) else widget.title()
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(
            lambda pos, p=path, w=widget: self._on_context_menu(p, w, pos)
        )

    def widget(self, path: str) -> QWidget:
        return self._widgets[path]

    def is_marked(self, path: str) -> bool:
        return path in self._marked

    def show(self, scenario: str, paths: list[str], shared: dict[str, Any]) -> None:
        """Mark ``paths`` as overridden in ``scenario``; unmark the rest (only what changed)."""
        state = (scenario, tuple(paths), tuple(short(shared_value(shared, p)) for p in paths))
        if state == self._shown:
            return
        self._shown = state
        for path in self._marked - set(paths):
            self._set(path, None)
        for path in paths:
            if path in self._widgets:
                tip = (
                    f"Overridden in scenario {escape(scenario)}; shared value: "
                    f"{escape(short(shared_value(shared, path)))}.<br>"
                    "Right-click for <i>Use shared value</i>."
                )
                self._set(path, tip)
        self._marked = {p for p in paths if p in self._widgets}

    def _set(self, path: str, tip: str | None) -> None:
        widget, text = self._widgets[path], self._texts[path]
        shown = f"{MARK} {text}" if tip else text
        if isinstance(widget, QGroupBox):
            widget.setTitle(shown)
            widget.setStyleSheet(_GROUP_STYLE if tip else "")
        elif isinstance(widget, QLabel):
            widget.setText(shown)
            widget.setStyleSheet(_LABEL_STYLE if tip else "")
        widget.setToolTip(tip or "")

    def _on_context_menu(self, path: str, widget: QWidget, pos: QPoint) -> None:
        menu = QMenu(widget)
        reset = menu.addAction("Use shared value", lambda: self.sig_reset.emit(path))
        reset.setEnabled(path in self._marked)
        clear = menu.addAction("Clear all overrides of this scenario", self.sig_clear_all.emit)
        clear.setEnabled(bool(self._marked))
        menu.exec(widget.mapToGlobal(pos))
