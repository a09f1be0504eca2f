"""Render resources/icons/channel-advisor.svg to the PNG sizes desktops ask for.

Run after editing the SVG:  uv run python scripts/render_icon.py
tests/gui/test_help.py checks the PNGs still match the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from advisor.desktop import ICON_DIR, ICON_SIZES, ICON_SVG, icon_png  # noqa: E402


def render(size: int) -> QImage:
    """The SVG drawn at size x size pixels, on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICON_SVG)).render(painter)
    painter.end()
    return image


def main() -> None:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in ICON_SIZES:
        render(size).save(str(icon_png(size)))
        print(icon_png(size).relative_to(ICON_DIR.parents[1]))


if __name__ == "__main__":
    main()
