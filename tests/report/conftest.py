"""Report tests run headless: Qt's offscreen platform unless a display is there."""

from __future__ import annotations

import os

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
