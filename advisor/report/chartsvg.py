"""A report chart as SVG bytes, drawn by the shared ``advisor.charts`` functions (no Qt here,
so a second process can draw the charts without starting Qt: see ``chart_worker``)."""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Iterator, Mapping
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
    draw = CHARTS.get(spec.kind)
    if draw is None:
        raise ValueError(f"unknown chart {spec.kind!r}; known: {', '.join(sorted(CHARTS))}")
    fonts.configure()
    families = fonts.families_for(_strings((spec.args, spec.kwargs)))
    svg = _draw(draw, spec, families)
    if svg is None:  # the chart wrote a character DejaVu lacks: draw it with every family
        svg = _draw(draw, spec, list(fonts.FAMILIES))
    assert svg is not None
    return svg


def _draw(draw: Callable[..., None], spec: Chart, families: list[str]) -> bytes | None:
    """The SVG, or None when ``families`` lack a character of the laid-out chart's text."""
    import matplotlib
    from matplotlib.text import Text

    # Qt shapes and orders the SVG's text itself, so it gets the text as typed. A fixed salt
    # for the SVG's element ids: the same chart gives the same bytes in any process.
    fam = [*families, "sans-serif"]
    rc = {"svg.fonttype": "none", "svg.hashsalt": "channel-advisor", "font.family": fam}
    with matplotlib.rc_context(rc), fonts.logical_text():  # type: ignore[arg-type]
        fig = charts.new_figure(spec.width, spec.height)
        draw(fig.add_subplot(), *spec.args, **spec.kwargs)
        with warnings.catch_warnings():  # a missing glyph here means: draw again
            if len(families) < len(fonts.FAMILIES):
                warnings.filterwarnings("ignore", "Glyph .* missing", UserWarning)
            _layout_once(fig)  # makes the tick labels too
        texts = [t.get_text() for t in fig.findobj(Text)]
        if len(families) < len(fonts.FAMILIES) and fonts.families_for(texts) != families:
            return None
        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return buf.getvalue()


def _strings(obj: Any, depth: int = 0) -> Iterator[str]:
    """Every string in a chart's arguments (models, dataclasses, mappings, sequences)."""
    if isinstance(obj, str):
        yield obj
    elif depth > 12 or obj is None or isinstance(obj, int | float | bool):
        return
    elif isinstance(obj, Mapping):
        for k, v in obj.items():
            yield from _strings(k, depth + 1)
            yield from _strings(v, depth + 1)
    elif isinstance(obj, list | tuple | set | frozenset):
        for x in obj:
            yield from _strings(x, depth + 1)
    elif hasattr(obj, "__dict__") or hasattr(obj, "__slots__"):
        names = getattr(obj, "__dict__", None) or getattr(obj, "__slots__", None) or ()
        for name in list(names):
            yield from _strings(getattr(obj, name, None), depth + 1)


def warm_up() -> None:
    """Import matplotlib's figure and SVG modules, load the fonts and run once the drawing
    code our charts use (stacked bars with tick labels, a legend above the axes, value
    labels offset in points, a grid), on a throwaway figure: what the first real charts
    would otherwise pay for (about a fifth of their drawing time, measured)."""
    import matplotlib

    fonts.configure()
    rc = {"svg.fonttype": "none", "font.family": [fonts.FAMILIES[0], "sans-serif"]}
    with matplotlib.rc_context(rc):  # type: ignore[arg-type]
        fig = charts.new_figure(4.0, 2.0)
        ax = fig.add_subplot()
        ax.barh([0, 1], [1.0, 2.0], color="#2f5d8a", label="one", height=0.6)
        ax.barh([0, 1], [0.5, 1.0], left=[1.0, 2.0], color="#d9772b", label="two", height=0.6)
        ax.set_yticks([0, 1], ["Warm", "Up (1.0%)"])
        for y, text in enumerate(("1.0 h", "−2.0")):
            ax.annotate(text, (1.5, y), xytext=(3, 0), textcoords="offset points", fontsize=7)
        ax.axvline(0, color="#444444", linewidth=0.8)
        ax.set_xlabel("hours per week", fontsize=8)
        ax.legend(fontsize=7, ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.0))
        ax.tick_params(labelsize=8)
        ax.grid(axis="x", color="#e4e4e4", linewidth=0.6)
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
