"""Channel Advisor in the desktop's applications menu: a freedesktop desktop entry and the app
icon in the user's data folder ($XDG_DATA_HOME, else ~/.local/share), and the app's version.

No Qt here: `advisor install-desktop` and Help > Add to applications menu both call it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .core.safe_io import atomic_write_bytes
from .paths import RESOURCES

__all__ = [
    "APP_ID",
    "ICON_SIZES",
    "ICON_SVG",
    "DesktopChange",
    "app_version",
    "describe",
    "desktop_entry",
    "entry_path",
    "icon_png",
    "install_desktop",
    "is_installed",
    "launcher",
    "remove_desktop",
]

APP_ID = "channel-advisor"  # the entry's file name and the icon's name
ICON_DIR = RESOURCES / "icons"
ICON_SVG = ICON_DIR / f"{APP_ID}.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Plans are YAML files: every name desktops use for YAML (shared-mime-info's and IANA's).
MIME_TYPES = ("application/x-yaml", "application/yaml", "text/yaml", "text/x-yaml")
# Characters that make the Exec key's argument need quotes (desktop entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def app_version() -> str:
    """The installed version of Channel Advisor ("unknown" when run from a bare source tree)."""
    try:
        return metadata.version("channel-advisor")
    except metadata.PackageNotFoundError:
        return "unknown"


def icon_png(size: int) -> Path:
    """The shipped PNG of the icon at size x size pixels."""
    return ICON_DIR / f"{APP_ID}-{size}.png"


def data_home() -> Path:
    """The user's data folder, where desktops look for applications and icons."""
    env = os.environ.get("XDG_DATA_HOME", "")
    return Path(env) if os.path.isabs(env) else Path.home() / ".local" / "share"


def entry_path(data_dir: Path | None = None) -> Path:
    """Where the desktop entry goes."""
    return (data_dir or data_home()) / "applications" / f"{APP_ID}.desktop"


def _icon_targets(data_dir: Path) -> list[tuple[Path, Path]]:
    """(shipped icon, where it goes) for the scalable SVG and every PNG size."""
    hicolor = data_dir / "icons" / "hicolor"
    pairs = [(ICON_SVG, hicolor / "scalable" / "apps" / f"{APP_ID}.svg")]
    pairs += [(icon_png(n), hicolor / f"{n}x{n}" / "apps" / f"{APP_ID}.png") for n in ICON_SIZES]
    return pairs


def launcher() -> list[str]:
    """The command that opens the window, with absolute paths: a desktop session's PATH may
    not include the folder `advisor` was installed to (e.g. ~/.local/bin)."""
    script = Path(sys.executable).parent / "advisor"  # the console script of this environment
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script), "gui"]
    return [sys.executable, "-m", "advisor.cli", "gui"]


def _exec_arg(arg: str) -> str:
    """One Exec argument, quoted as the spec asks; '%' is doubled so it is not a field code."""
    arg = arg.replace("%", "%%")
    if not _RESERVED.intersection(arg):
        return arg
    return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'


def desktop_entry(command: list[str]) -> str:
    """The desktop entry text: opens the window with the plan file it is given (%f)."""
    exec_line = " ".join(_exec_arg(a) for a in command) + " %f"
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Channel Advisor",
        "GenericName=Social media channel planner",
        "Comment=Plan which social media channels to run, the staff hours they take and the tools that help",
        # string values escape backslashes once more (spec: "Possible value types")
        "Exec=" + exec_line.replace("\\", "\\\\"),
        "TryExec=" + command[0].replace("\\", "\\\\"),
        f"Icon={APP_ID}",
        "Terminal=false",
        "StartupNotify=true",
        "Categories=Office;ProjectManagement;",
        "Keywords=social media;marketing;channels;staffing;plan;",
        "MimeType=" + "".join(m + ";" for m in MIME_TYPES),
    ]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class DesktopChange:
    """What install_desktop or remove_desktop did: the files written (or removed), the
    desktop entry, and a sentence on refreshing the desktop's menu cache."""

    files: tuple[Path, ...]
    entry: Path
    refresh: str

    def __repr__(self) -> str:
        return f"DesktopChange({len(self.files)} files, entry={str(self.entry)!r})"


def _write_atomic(path: Path, data: bytes) -> None:
    # The desktop watches this folder: it must never read a half-written entry. Unlike a
    # user's output file, the XDG folders are ours to create.
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data, what="desktop entry" if path.suffix == ".desktop" else "icon")


def _refresh_menu(applications: Path) -> str:
    """Run update-desktop-database (which maps plan files to the app) when it is installed."""
    tool = shutil.which("update-desktop-database")
    if tool is None:
        return (
            "update-desktop-database is not installed (package desktop-file-utils): "
            "the menu picks the change up at the next log-in."
        )
    done = subprocess.run([tool, str(applications)], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        return f"update-desktop-database failed: {done.stderr.strip() or done.returncode}."
    return "The desktop's menu cache was refreshed (update-desktop-database)."


def install_desktop(
    *, data_dir: Path | None = None, command: list[str] | None = None
) -> DesktopChange:
    """Write the desktop entry and the icons; returns what was written. Raises OSError."""
    base = data_dir or data_home()
    written = []
    for source, target in _icon_targets(base):
        _write_atomic(target, source.read_bytes())
        written.append(target)
    entry = entry_path(base)
    _write_atomic(entry, desktop_entry(command or launcher()).encode("utf-8"))
    written.append(entry)
    return DesktopChange(tuple(written), entry, _refresh_menu(entry.parent))


def remove_desktop(*, data_dir: Path | None = None) -> DesktopChange:
    """Remove the desktop entry and the icons (only ours); returns what was removed."""
    base = data_dir or data_home()
    entry = entry_path(base)
    removed = []
    for target in [t for _s, t in _icon_targets(base)] + [entry]:
        if target.exists():
            target.unlink()
            removed.append(target)
            _prune(target.parent, stop=base)
    refresh = _refresh_menu(entry.parent) if entry.parent.is_dir() else ""
    return DesktopChange(tuple(removed), entry, refresh)


def _prune(folder: Path, *, stop: Path) -> None:
    """Remove the icon size folders left empty (hicolor/48x48/apps...), never the data folder's
    own applications/ or icons/hicolor/."""
    keep = {stop, stop / "applications", stop / "icons", stop / "icons" / "hicolor"}
    while folder not in keep and folder.is_relative_to(stop):
        try:
            folder.rmdir()
        except OSError:  # not empty: someone else's icons live there too
            return
        folder = folder.parent


def is_installed(data_dir: Path | None = None) -> bool:
    """Whether the desktop entry is in the user's applications folder."""
    return entry_path(data_dir).exists()


def describe(change: DesktopChange, *, removed: bool) -> str:
    """What was done, in plain words (printed by the command, shown by the window)."""
    entry = change.entry
    if removed and not change.files:
        return f"Channel Advisor was not in your applications menu (no {entry}); nothing to remove."
    if removed:
        lines = [
            "Channel Advisor is no longer in your applications menu.",
            f"  removed {len(change.files)} files: the desktop entry {entry}",
            f"  and the icons under {entry.parents[1] / 'icons' / 'hicolor'}",
        ]
    else:
        command = " ".join(_exec_arg(a) for a in launcher())
        lines = [
            "Channel Advisor is now in your applications menu; it opens the plan files given to it.",
            f"  desktop entry: {entry}",
            f"  icon:          {entry.parents[1] / 'icons' / 'hicolor'} (SVG and {len(ICON_SIZES)} PNG sizes)",
            f"  it runs:       {command} PLAN",
            "  to take it away: advisor install-desktop --remove",
        ]
    return "\n".join([*lines, change.refresh] if change.refresh else lines)
