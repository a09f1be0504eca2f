"""The engine and the command line run where Qt cannot even be imported (the napari rule)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "regional_bank.yaml"

BLOCK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'matplotlib'):
            raise ImportError('blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
from advisor.cli import main
sys.exit(main(['recommend', sys.argv[1], '--format', 'json', '--sensitivity']))
"""


def test_engine_and_cli_need_no_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCK, str(EXAMPLE)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["mix"] and "sensitivity" in data
