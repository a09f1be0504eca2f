"""Where the shipped resources live: package data when installed, the repository otherwise."""

from __future__ import annotations

from pathlib import Path

__all__ = ["EXAMPLE_PLAN", "RESOURCES", "example_plans"]

RESOURCES = Path(__file__).resolve().parent / "resources"
if not RESOURCES.exists():
    RESOURCES = Path(__file__).resolve().parents[1] / "resources"
EXAMPLE_PLAN = RESOURCES / "examples" / "b2b_software.yaml"


def example_plans() -> list[Path]:
    """The bundled example plans, by file name."""
    return sorted((RESOURCES / "examples").glob("*.yaml"))
