"""Report tests run headless: Qt's offscreen platform unless a display is there."""

from __future__ import annotations

import os

import pytest

from advisor.core.loading import load_catalog

if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()
