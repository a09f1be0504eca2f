"""Progress of the report's stages as one fraction, and the one place that checks for a stop.

The report runs in stages (engine, sensitivity, charts, layout, pages). Each stage gets a
``Progress`` for its share of the whole and reports its own 0..1 fraction; ``should_stop``
is asked at every report, so a cancel takes effect at the next step of any stage.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.errors import Cancelled

__all__ = ["Cancelled", "Progress"]


@dataclass(frozen=True, slots=True)
class Progress:
    """Reports a stage's fraction as the share [start, end] of the whole report's progress."""

    on_progress: Callable[[float], None] | None = None
    should_stop: Callable[[], bool] | None = None
    start: float = 0.0
    end: float = 1.0

    def check(self) -> None:
        """Raise Cancelled when the caller asked to stop."""
        if self.should_stop is not None and self.should_stop():
            raise Cancelled("report cancelled")

    def __call__(self, fraction: float) -> None:
        """Report this stage ``fraction`` (0..1) done, after checking for a stop."""
        self.check()
        if self.on_progress is not None:
            f = min(max(fraction, 0.0), 1.0)
            self.on_progress(self.start + (self.end - self.start) * f)

    def part(self, start: float, end: float) -> Progress:
        """The progress of a sub-stage that covers [start, end] of this stage."""
        span = self.end - self.start
        return Progress(
            self.on_progress,
            self.should_stop,
            self.start + span * start,
            self.start + span * end,
        )
