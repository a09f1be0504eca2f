"""Where the app keeps its files: settings, the knowledge-base overlay and the recovery file.

Everything lives in one config directory: ``$ADVISOR_CONFIG_DIR`` when set (tests use a
temporary one), else Qt's AppConfigLocation for the app.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

__all__ = [
    "SETTINGS_SCHEMA_VERSION",
    "add_recent",
    "config_dir",
    "default_overlay_path",
    "recent_files",
    "recovery_path",
    "settings",
]

SETTINGS_SCHEMA_VERSION = 1
_MAX_RECENT = 8


def config_dir() -> Path:
    """The directory for all config files (created on demand)."""
    env = os.environ.get("ADVISOR_CONFIG_DIR")
    if env:
        path = Path(env)
    else:
        loc = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
        path = Path(loc or Path.home() / ".config" / "channel-advisor")
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings() -> QSettings:
    """The app's settings, as an INI file in the config directory."""
    s = QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)
    if s.value("schema_version") is None:
        s.setValue("schema_version", SETTINGS_SCHEMA_VERSION)
    return s


def default_overlay_path() -> Path:
    """The user's knowledge-base overlay: figures they changed, merged over data/platforms.yaml."""
    return config_dir() / "overlay.yaml"


def recovery_path() -> Path:
    """The autosave of unsaved work; present at start only after a crash."""
    return config_dir() / "recovery.json"


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    items: list = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return [str(v) for v in items if Path(str(v)).exists()]


def add_recent(path: str | Path) -> list[str]:
    p = str(Path(path).resolve())
    items = [p] + [x for x in recent_files() if x != p]
    settings().setValue("recent_files", items[:_MAX_RECENT])
    return items[:_MAX_RECENT]
