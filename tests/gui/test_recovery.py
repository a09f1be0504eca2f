"""Nothing is lost: a killed session's autosave is offered at the next start."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from advisor.gui.widgets import dialogs as dialogs_mod

CHILD = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from advisor.gui.app import create_main_window
window = create_main_window(sys.argv[1])
window.show()
window.files.autosaver.sig_written.connect(lambda path: print("AUTOSAVED", path, flush=True))
window.form.goals.slider("recruiting").setValue(97)
QApplication.instance().exec()
"""


def _wait_for_line(proc: subprocess.Popen, marker: str, timeout: float) -> str:
    """Read the child's stdout until a line contains marker (no sleeping)."""
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while (left := deadline - time.monotonic()) > 0:
        if sel.select(left):
            line = proc.stdout.readline()
            if not line:
                break
            if marker in line:
                return line
    raise AssertionError(f"child did not print {marker!r} in {timeout}s")


@pytest.fixture
def crashed_session(example_copy, config_dir: Path):
    """Run the app in a child process, edit, wait for the autosave, then SIGKILL it."""
    plan = example_copy()
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(plan)],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        _wait_for_line(proc, "AUTOSAVED", timeout=30)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert (config_dir / f"recovery-{proc.pid}.json").exists()
    return plan


def test_next_start_restores_the_autosave(crashed_session, qtbot, dialogs, monkeypatch):
    from advisor.gui.app import create_main_window

    asked = []
    monkeypatch.setattr(dialogs_mod, "ask_restore", lambda _p, src, at: asked.append(src) or True)
    window = create_main_window(crashed_session)
    qtbot.addWidget(window)
    assert asked == [str(crashed_session.resolve())]
    assert window.doc.plan.profile.goals["recruiting"] == 9.7
    assert window.doc.path == crashed_session.resolve()
    assert window.isWindowModified()
    window.files.save()
    assert not list(Path(os.environ["ADVISOR_CONFIG_DIR"]).glob("recovery-*.json"))
    window.runner.shutdown()


def test_declining_the_restore_discards_it(crashed_session, qtbot, dialogs, monkeypatch):
    from advisor.gui.app import create_main_window

    monkeypatch.setattr(dialogs_mod, "ask_restore", lambda *_a: False)
    window = create_main_window(crashed_session)
    qtbot.addWidget(window)
    assert window.doc.plan.profile.goals["recruiting"] == 4.0
    assert not window.isWindowModified()
    assert not list(Path(os.environ["ADVISOR_CONFIG_DIR"]).glob("recovery-*.json"))
    window.runner.shutdown()


def test_clean_close_leaves_no_recovery_file(open_window, qtbot, config_dir):
    window = open_window()
    with qtbot.waitSignal(window.files.autosaver.sig_written, timeout=3000):
        window.form.goals.slider("recruiting").setValue(97)
    mine = config_dir / f"recovery-{os.getpid()}.json"
    assert mine.exists()
    window.close()  # the dialogs fixture answers "discard"
    assert not mine.exists()


def test_a_running_app_keeps_its_own_recovery_file(open_window, config_dir, monkeypatch):
    # another app still running (here: this test's parent process) is not a crash
    asked = []
    monkeypatch.setattr(dialogs_mod, "ask_restore", lambda *a: asked.append(a) or True)
    config_dir.mkdir(parents=True, exist_ok=True)
    alive = config_dir / f"recovery-{os.getppid()}.json"
    alive.write_text(
        '{"source": null, "scenario": "A", "plan": {"profile": {"name": "Other"},'
        ' "scenarios": [{"name": "A"}]}}'
    )
    window = open_window()
    assert alive.exists() and asked == []
    assert window.doc.plan.profile.name != "Other"
