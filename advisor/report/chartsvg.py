"""A report chart as SVG bytes, drawn by the shared ``advisor.charts`` functions (no Qt here,
so a second process can draw the charts without starting Qt: see ``chart_worker``)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from .. import charts, fonts
from .model import Chart

__all__ = ["CHARTS", "chart_svg", "warm_up"]

CHARTS: dict[str, Callable[..., None]] = {
    name: getattr(charts, name) for name in charts.__all__ if name.startswith("draw_")
}


def chart_svg(spec: Chart) -> bytes:
    """The chart drawn by its ``advisor.charts`` function, as SVG bytes.

    Text is kept as SVG text (not glyph outlines), so QtSvg draws it with the report's font
    and it stays selectable and searchable in the PDF.
    """
    import matplotlib

    draw = CHARTS.get(spec.kind)
    if draw is None:
        raise ValueError(f"unknown chart {spec.kind!r}; known: {', '.join(sorted(CHARTS))}")
    fonts.configure()
    # Qt shapes and orders the SVG's text itself, so it gets the text as typed. A fixed salt
    # for the SVG's element ids: the same chart gives the same bytes in any process.
    rc = {"svg.fonttype": "none", "svg.hashsalt": "channel-advisor"}
    with matplotlib.rc_context(rc), fonts.logical_text():
        fig = charts.new_figure(spec.width, spec.height)
        draw(fig.add_subplot(), *spec.args, **spec.kwargs)
        _layout_once(fig)
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def warm_up() -> None:
    """Import matplotlib's figure and SVG modules and load the fonts, by drawing a tiny
    labelled chart (what the first real chart would otherwise pay for)."""
    import matplotlib

    fonts.configure()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig = charts.new_figure(1.0, 1.0)
        ax = fig.add_subplot()
        ax.barh(["a"], [1.0])
        ax.set_title("warm up")
        _layout_once(fig)
        fig.savefig(io.BytesIO(), format="svg")


def _layout_once(fig: Any) -> None:
    """Run the figure's layout engine now, then drop it.

    With a layout engine, savefig draws the figure twice (a dry run, then the real one) and
    lays it out in both; the chart stage took twice as long as one layout and one draw.
    """
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
        fig.set_layout_engine(None)
