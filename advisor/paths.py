"""Where the shipped resources live: package data when installed, the repository otherwise."""

from __future__ import annotations

from pathlib import Path

__all__ = ["EXAMPLE_PLAN", "RESOURCES", "example_plans", "is_shipped"]

RESOURCES = Path(__file__).resolve().parent / "resources"
if not RESOURCES.exists():
    RESOURCES = Path(__file__).resolve().parents[1] / "resources"
EXAMPLE_PLAN = RESOURCES / "examples" / "b2b_software.yaml"


def example_plans() -> list[Path]:
    """The bundled example plans, by file name."""
    return sorted((RESOURCES / "examples").glob("*.yaml"))


def is_shipped(path: str | Path) -> bool:
    """True for a file that comes with Channel Advisor (an example plan): never written to."""
    try:
        return Path(path).resolve().is_relative_to(RESOURCES.resolve())
    except OSError:
        return False
