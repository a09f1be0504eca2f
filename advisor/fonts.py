"""Fonts and text direction for the charts: a fallback list, literal text, right-to-left text.

    configure()          once, before any chart is drawn (``charts.new_figure`` calls it)
    visual("شركة")       Arabic shaped and in display order, for renderers that do not shape
    with logical_text(): inside it, ``visual`` leaves text as typed (Qt shapes it itself)

matplotlib draws each glyph from the first family in ``FAMILIES`` that has it (Latin from
DejaVu, Japanese from Noto Sans CJK, emoji from Symbola), so no script prints as empty boxes
where a font for it is installed. It neither shapes Arabic nor reorders right-to-left text,
so ``visual`` does that with arabic_reshaper and python-bidi. The PDF's charts are SVG text
painted by Qt, which shapes and reorders on its own: there the text must stay logical, or Qt
would reverse it a second time.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar

__all__ = ["FAMILIES", "configure", "logical_text", "visual"]

FAMILIES = ["DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK JP", "Symbola"]
_shape = ContextVar("advisor_fonts_shape", default=True)
_configured = False


def configure() -> None:
    """Set matplotlib's font fallback list and turn maths parsing off, once per process.

    Text in our charts comes from users and the knowledge base ("Cut from $5,000 to
    $3,000"), never maths: with ``text.parse_math`` off, a dollar sign is a dollar sign and
    ``$\\foo$`` cannot crash the drawing. Tick labels are made when a figure is drawn, so
    this has to be the process-wide default, not a setting around one call.
    """
    global _configured
    if _configured:
        return
    import logging

    import matplotlib

    matplotlib.rcParams["text.parse_math"] = False
    matplotlib.rcParams["text.usetex"] = False
    matplotlib.rcParams["font.family"] = ["sans-serif"]
    matplotlib.rcParams["font.sans-serif"] = [*FAMILIES, *matplotlib.rcParams["font.sans-serif"]]
    # A family missing on this machine is skipped; matplotlib's warning about it is noise.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    _configured = True


def _has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def visual(text: str) -> str:
    """Text as a non-shaping renderer must draw it: Arabic letters joined, right-to-left runs
    in display order. Text without right-to-left letters is returned unchanged, and so is
    every text inside ``logical_text()``."""
    if not _shape.get() or not _has_rtl(text):
        return text
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(str(get_display(arabic_reshaper.reshape(line))) for line in text.split("\n"))


@contextlib.contextmanager
def logical_text() -> Iterator[None]:
    """Within this block ``visual`` keeps text as typed (for renderers that shape, like Qt)."""
    token = _shape.set(False)
    try:
        yield
    finally:
        _shape.reset(token)
