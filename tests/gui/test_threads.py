"""The window survives a busy event loop while the background analysis runs.

PySide6 6.12.0 corrupted reference counts when a Python thread ran beside Qt's event loop
("Fatal Python error: none_dealloc"); pyproject.toml pins below it. This runs the real window in
a child process, pumps events as fast as possible while the sensitivity analysis restarts over
and over, and expects a clean exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLAN = Path(__file__).parents[2] / "resources" / "examples" / "fashion_retailer.yaml"

SCRIPT = """
import os, sys, time
from PySide6.QtWidgets import QApplication
from advisor.gui.app import create_main_window
app = QApplication([])
window = create_main_window(sys.argv[1])
window.show()
start, n = time.perf_counter(), 0
while time.perf_counter() - start < 6:
    app.processEvents()
    n += 1
    if n % 5000 == 0:
        window.sensitivity.start()
window.sensitivity.shutdown()
print("alive", n)
"""


def test_busy_event_loop_beside_the_analysis_thread(tmp_path) -> None:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "ADVISOR_CONFIG_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(PLAN)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("alive")
