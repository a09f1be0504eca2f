"""A recovery file that is not one (a FIFO, a device, a huge or deeply nested file) is ignored
at once: the window starts without offering it, and without blocking or crashing."""

from __future__ import annotations

import os
import time
from pathlib import Path

from advisor.gui.recovery import read_recovery


def test_hostile_recovery_files_are_ignored_quickly(tmp_path: Path) -> None:
    fifo = tmp_path / "recovery-1.json"
    os.mkfifo(fifo)
    huge = tmp_path / "recovery-2.json"
    with open(huge, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    deep = tmp_path / "recovery-3.json"
    deep.write_text('{"plan": ' + "[" * 100_000 + "]" * 100_000 + "}")
    for path in (fifo, huge, deep, Path("/dev/zero"), tmp_path):
        start = time.perf_counter()
        assert read_recovery(path) is None
        assert time.perf_counter() - start < 1.0
