"""Import rules beyond import-linter: only advisor.gui may import QtWidgets."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "advisor"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{a.name}" for a in node.names}
    return names


def test_only_the_gui_imports_qtwidgets() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "gui" not in p.relative_to(PACKAGE).parts
        and any(n.startswith("PySide6.QtWidgets") for n in _imports(p))
    ]
    assert offenders == []


def test_the_engine_imports_no_qt_at_all() -> None:
    for p in (PACKAGE / "core").rglob("*.py"):
        assert not any(n.startswith(("PySide6", "shiboken6")) for n in _imports(p)), p
