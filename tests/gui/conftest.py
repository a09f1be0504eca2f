"""GUI test fixtures: offscreen Qt, a private config dir per test, dialogs replaced."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, overlay and recovery files go to a temporary directory."""
    path = tmp_path / "config"
    monkeypatch.setenv("ADVISOR_CONFIG_DIR", str(path))
    monkeypatch.setenv("ADVISOR_AUTOSAVE_MS", "100")
    return path


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch):
    """Replace every modal dialog; records what would have been shown."""
    from advisor.gui.widgets import dialogs as mod

    calls: dict[str, list] = {
        "problems": [],
        "messages": [],
        "documents": [],
        "calibration": [],
        "errors": [],
    }
    monkeypatch.setattr(
        mod, "show_problems", lambda _p, title, exc: calls["problems"].append((title, exc))
    )
    monkeypatch.setattr(
        mod, "show_message", lambda _p, title, text: calls["messages"].append((title, text))
    )
    monkeypatch.setattr(
        mod,
        "show_error",
        lambda _p, title, text, details="": calls["errors"].append((title, text, details)),
    )
    monkeypatch.setattr(
        mod,
        "show_document",
        lambda _p, title, html, details=None: calls["documents"].append((title, html, details)),
    )
    monkeypatch.setattr(
        mod, "show_calibration", lambda _p, catalog: calls["calibration"].append(catalog)
    )
    monkeypatch.setattr(mod, "ask_save_changes", lambda _p, _name: "discard")
    from advisor.gui.files.file_ops import new_plan

    calls["new"] = []
    monkeypatch.setattr(mod, "ask_new_plan", lambda _p: calls["new"].append(1) or new_plan())
    monkeypatch.setattr(mod, "ask_restore", lambda _p, _src, _at: True)
    return calls


def copy_example(tmp_path: Path, name: str = "b2b_software.yaml") -> Path:
    target = tmp_path / name
    shutil.copy(EXAMPLES / name, target)
    return target


@pytest.fixture
def example_copy(tmp_path: Path):
    """Factory: copy an example plan into tmp_path and return its path."""
    return lambda name="b2b_software.yaml": copy_example(tmp_path, name)


@pytest.fixture
def open_window(qtbot, tmp_path: Path, dialogs):
    """Factory: a shown main window on a copy of an example plan."""
    from advisor.gui.app import create_main_window

    windows = []

    def make(name: str = "b2b_software.yaml"):
        window = create_main_window(copy_example(tmp_path, name))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        windows.append(window)
        return window

    yield make
    for w in windows:
        w.runner.shutdown()


@pytest.fixture(autouse=True)
def _stop_workers_of_every_window():
    """After each test, stop the background work of every main window still open (a window a
    test made itself would otherwise run its analysis on into the next test)."""
    yield
    from PySide6.QtWidgets import QApplication

    from advisor.gui.main_window import MainWindow

    if QApplication.instance() is None:
        return
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.sensitivity.shutdown()
            w.scenario_control.shutdown()
            w.files.exporter.shutdown()
