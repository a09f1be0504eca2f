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
    "orphaned_recoveries",
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


def recovery_path(pid: int | None = None) -> Path:
    """This window's autosave of unsaved work. One file per running app (by process id), so
    two windows open at once never overwrite each other's recovery."""
    return config_dir() / f"recovery-{os.getpid() if pid is None else pid}.json"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def orphaned_recoveries() -> list[Path]:
    """Autosaves left by apps that are no longer running (they crashed), newest first."""
    found = []
    for path in config_dir().glob("recovery-*.json"):
        try:
            pid = int(path.stem.removeprefix("recovery-"))
        except ValueError:
            continue
        if pid != os.getpid() and not _alive(pid):
            found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def recent_files() -> list[str]:
    value = settings().value("recent_files", [])
    items: list = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    return [str(v) for v in items if Path(str(v)).exists()]


def add_recent(path: str | Path) -> list[str]:
    p = str(Path(path).resolve())
    items = [p] + [x for x in recent_files() if x != p]
    settings().setValue("recent_files", items[:_MAX_RECENT])
    return items[:_MAX_RECENT]
