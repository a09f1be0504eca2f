"""Hostile files in the window: a plan that is a FIFO, a device or an alias bomb is refused in a
dialog at once; a recovery file that is not one is ignored without blocking or crashing."""

from __future__ import annotations

import os
import time
from pathlib import Path

from advisor.gui.files.recovery import read_recovery

HOSTILE = Path(__file__).parents[1] / "hostile"


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


def test_opening_hostile_plans_shows_a_dialog_and_keeps_the_work(
    open_window, dialogs, tmp_path: Path
) -> None:
    window = open_window()
    before = window.doc.plan
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    cases = {
        fifo: "is a named pipe (FIFO), not a regular file",
        Path("/dev/zero"): "is a device, not a regular file",
        HOSTILE / "plan_alias_bomb.yaml": "YAML aliases (*name) are not allowed",
        HOSTILE / "plan_unknown_ids.yaml": "unknown channel",
    }
    for path, phrase in cases.items():
        start = time.perf_counter()
        assert not window.files.open_path(path)
        assert time.perf_counter() - start < 1.0
        title, exc = dialogs["problems"][-1]
        assert title == f"Cannot open {path.name}" and phrase in str(exc)
    assert window.doc.plan == before


def test_an_unknown_channel_is_shown_with_its_line(open_window, dialogs) -> None:
    """The engine finds unknown ids after loading; the window's dialog still gives the line."""
    window = open_window()
    assert not window.files.open_path(HOSTILE / "plan_unknown_ids.yaml")
    _, exc = dialogs["problems"][-1]
    unknown = [p for p in exc.problems if "unknown channel" in p.message]
    assert unknown and unknown[0].line == 6  # `- myspace` in the file
