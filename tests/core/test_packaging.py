"""A non-editable install carries the knowledge base and the example plans."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


@pytest.mark.skipif(shutil.which("uv") is None, reason="uv is needed to build the wheel")
def test_wheel_ships_data_and_examples(tmp_path: Path) -> None:
    subprocess.run(
        ["uv", "build", "--wheel", "-q", "-o", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "advisor/data/platforms.yaml" in names
    assert "advisor/resources/examples/b2b_software.yaml" in names
    assert "advisor/core/engine.py" in names
