"""The Help menu: how the advisor decides, keyboard shortcuts, calibration, adding the app to
the desktop's applications menu, about (icon, version, where the knowledge base lives)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .. import desktop
from ..core.knowledge import Catalog
from ..core.loading import catalog_path
from .config import default_overlay_path
from .widgets import dialogs

__all__ = ["METHOD_HTML", "about_html", "app_icon", "build_help_menu", "shortcuts_html"]

ENGINE_DOC = Path(__file__).resolve().parents[2] / "docs" / "engine.md"

METHOD_HTML = """
<h3>How the advisor decides</h3>
<p><b>1. Fit.</b> Each channel gets a score from 0 to 1 that adds up how well it serves your
goals (weighted as you set them), reaches your audience (age, consumers or professionals,
B2B or B2C), suits your brand voice, and how little effort its minimum cadence takes. Two
<i>gates</i> multiply the score: whether you can make the content the channel runs on
(capability), and whether your regulator lets you use it (compliance; for example,
disappearing posts under archiving rules). A closed gate makes the fit 0, whatever else.</p>
<p><b>2. The mix.</b> The advisor searches for the best set of channels, not just the top
scorers: a second channel serving the same goal only adds what the first left uncovered. The
search is exact (branch and bound): the set it returns is the true best one within your staff
hours, tool budget and channel limit, with the channels you forced in or out. Ties go to the
cheaper plan. If a very large search reaches its time limit, the window says so and how close
to the best the mix is.</p>
<p><b>Cadence.</b> Each channel in the mix runs at its minimum, typical or high cadence. Unless
you fix the cadence for the scenario, the advisor picks the level per channel: a higher cadence
must add enough goal coverage for what its hours cost. Select a channel to read why.</p>
<p><b>3. Staffing.</b> For each channel at the planned cadence it adds up the weekly hours of
each activity: create, tailor per channel, publish, approve (regulated firms), engage with
followers (more when you promise faster answers), listen, report and coordinate, plus the
job's own base hours. Hours are split by who does the work (the marketing team, compliance
review, IT) and become FTE and a monthly staff cost; what the marketing team has left is shown
as spare capacity. One-off set-up hours (policy, training, tool onboarding) are listed apart.</p>
<p><b>4. Tools.</b> A management tool saves a share of those hours on the channels it covers
and costs a licence; the advisor tries each suitable plan and no tool, and keeps the pair of
mix and tool that serves your goals best at the lowest total cost.</p>
<p><b>5. Sustainability.</b> It never plans a channel your team cannot keep up. It also solves
the mix with unlimited hours and names every channel left out for lack of time, with the
hours it would need.</p>
<p><b>6. Sensitivity.</b> In the background it moves each goal's weight down and up to find how
far it can move before the mix changes, and re-solves 200 randomly varied weightings to show
how often each channel stays in the mix.</p>
<p>Every figure it uses is in the knowledge base (Knowledge base tab) with its source, and can
be changed there.</p>
"""


def _method_details() -> str | None:
    """The full engine description when the docs ship next to the package."""
    try:
        return ENGINE_DOC.read_text(encoding="utf-8")
    except OSError:
        return None


def shortcuts_html(window: QMainWindow) -> str:
    """A table of every menu action that has a shortcut, read from the menus themselves."""
    rows = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                what = menu_action.text().replace("&", "") + " › " + action.text().replace("&", "")
                rows.append(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>")
    rows += [
        "<tr><td><b>F2</b> / double-click</td><td>Rename the selected scenario</td></tr>",
        "<tr><td><b>Right-click</b> a marked label</td>"
        "<td>Use the shared value instead of the scenario's</td></tr>",
    ]
    return "<h3>Keyboard shortcuts</h3><table cellspacing='6'>" + "".join(rows) + "</table>"


ABOUT_HTML = (
    "<h3>Channel Advisor</h3><p>Plan which social media channels to run, the staff hours they "
    "take and the tools that help - explainably. Every recommendation shows why, and every "
    "figure behind it has a source you can check and override.</p>"
)


def app_icon() -> QIcon:
    """The app's icon at every size desktops ask for (PNGs rendered from the SVG)."""
    icon = QIcon()
    for size in desktop.ICON_SIZES:
        icon.addFile(str(desktop.icon_png(size)))
    return icon


def about_html(overlay: Path) -> str:
    """Icon, version, and where the shipped knowledge base and the user's overlay live."""
    icon = QUrl.fromLocalFile(str(desktop.icon_png(128))).toString()
    state = "" if overlay.exists() else " (not created yet: it is written when you change a figure)"
    rows = [
        ("Version", f"{desktop.app_version()} (Qt for Python {pyside_version})"),
        ("Knowledge base", f"{catalog_path()} (shipped; never changed by the app)"),
        ("Your overlay", f"{overlay}{state}"),
    ]
    table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    return (
        f"<table><tr><td><img src='{escape(icon)}' width='96' height='96'></td>"
        f"<td valign='middle'>{ABOUT_HTML}</td></tr></table>"
        f"<table cellspacing='6'>{table}</table>"
        "<p>The overlay holds the figures you changed in the Knowledge base tab; "
        "pass it with <tt>--overlay</tt> to use them from the command line.</p>"
    )


def _install_desktop(window: QMainWindow, *, remove: bool) -> None:
    """Add the app to the desktop's applications menu (or take it out), then say what was done."""
    verb = "remove Channel Advisor from" if remove else "add Channel Advisor to"
    try:
        change = desktop.remove_desktop() if remove else desktop.install_desktop()
    except OSError as exc:
        where = exc.filename or desktop.entry_path()
        dialogs.show_message(
            window,
            f"Cannot {verb} the applications menu",
            f"Cannot write {where}: {exc.strerror or exc}.",
        )
        return
    title = "Removed from the applications menu" if remove else "Added to the applications menu"
    dialogs.show_message(window, title, _change_html(change, removed=remove))


def _change_html(change: desktop.DesktopChange, *, removed: bool) -> str:
    """What Add or Remove did, for a message box (the command prints desktop.describe)."""
    icons = change.entry.parents[1] / "icons" / "hicolor"
    if removed and not change.files:
        head = "Channel Advisor was not in your applications menu: nothing to remove."
    elif removed:
        head = "Channel Advisor is no longer in your applications menu."
    else:
        head = (
            "Channel Advisor is now in your applications menu, with its icon, and opens "
            "the plan files given to it. Help › Remove from applications menu takes it away."
        )
    where = f"Desktop entry: <tt>{escape(str(change.entry))}</tt><br>Icons: <tt>{escape(str(icons))}</tt>"
    return f"<p>{escape(head)}</p><p>{where}</p><p><small>{escape(change.refresh)}</small></p>"


def _desktop_actions(menu: QMenu, window: QMainWindow) -> list[QAction]:
    add = menu.addAction("Add to applications menu", lambda: _install_desktop(window, remove=False))
    remove = menu.addAction(
        "Remove from applications menu", lambda: _install_desktop(window, remove=True)
    )
    add.setStatusTip("Show Channel Advisor, with its icon, in the desktop's applications menu")
    # offer Remove only while the entry is there (checked each time the menu opens)
    menu.aboutToShow.connect(lambda: remove.setEnabled(desktop.is_installed()))
    remove.setEnabled(desktop.is_installed())
    return [add, remove]


def build_help_menu(
    menu: QMenu,
    window: QMainWindow,
    catalog: Callable[[], Catalog],
    overlay: Callable[[], Path] = default_overlay_path,
) -> list[QAction]:
    """Fill the Help menu; returns its actions (method, shortcuts, calibration, add to and
    remove from the applications menu, about).

    catalog: the knowledge base in use (the calibration runs the engine on it);
    overlay: the user's overlay file in use (the About box says where it is)."""
    method = menu.addAction(
        "How the advisor decides",
        lambda: dialogs.show_document(
            window, "How the advisor decides", METHOD_HTML, details=_method_details()
        ),
    )
    method.setShortcut(QKeySequence.StandardKey.HelpContents)
    keys = menu.addAction(
        "Keyboard shortcuts",
        lambda: dialogs.show_document(window, "Keyboard shortcuts", shortcuts_html(window)),
    )
    calibration = menu.addAction(
        "How the figures compare with published data",
        lambda: dialogs.show_calibration(window, catalog()),
    )
    menu.addSeparator()
    add, remove = _desktop_actions(menu, window)
    menu.addSeparator()
    about = menu.addAction(
        "About Channel Advisor",
        lambda: dialogs.show_document(window, "About Channel Advisor", about_html(overlay())),
    )
    about.setMenuRole(QAction.MenuRole.AboutRole)
    return [method, keys, calibration, add, remove, about]
