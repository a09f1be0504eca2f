"""A chart area that draws one of the shared chart functions on a matplotlib canvas.

matplotlib (and its Qt backend) is imported the first time a chart is actually shown, so the
window appears quickly; until then the widget is an empty placeholder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from ...core.safe_io import replacing

__all__ = ["ChartView"]

Draw = Callable[[Any], None]  # draws on a matplotlib Axes
_FIRST_DRAW_DELAY_MS = 120
_SETTLE_MS = 40
"""Charts redraw once edits pause this long: a slider drag updates the table and figures at
once and the charts (tens of ms of matplotlib each) when the hand stops."""
_NARROW_PX = 760


class ChartView(QWidget):
    """Shows ``draw(ax)`` on a canvas; call set_draw() with a new function to redraw."""

    sig_drawn = Signal()

    def __init__(
        self,
        *,
        empty_text: str = "Nothing to show yet",
        name: str = "chart",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name  # the suggested file name of an exported chart
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(empty_text)
        self._placeholder.setObjectName("emptyState")
        self._placeholder.setWordWrap(True)
        self._layout.addWidget(self._placeholder)
        self._canvas: Any = None
        self._figure: Any = None
        self._draw: Draw | None = None
        self._dirty = False
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self._update_chart)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._update_chart)

    def set_draw(self, draw: Draw | None, empty_text: str | None = None) -> None:
        """Set what to draw (None shows the empty text); redraws when visible."""
        self._draw = draw
        if empty_text is not None:
            self._placeholder.setText(empty_text)
        self._dirty = True
        if self.isVisible():
            self._settle.start(self._delay())

    def _delay(self) -> int:
        # The first chart imports matplotlib (~0.5 s): let the window paint before that.
        return _SETTLE_MS if self._canvas is not None else _FIRST_DRAW_DELAY_MS

    @property
    def pending(self) -> bool:
        """True while a redraw is scheduled but not yet painted."""
        return self._dirty and self.isVisible()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._dirty:
            self._settle.start(self._delay())

    def figure(self) -> Any:
        """The matplotlib Figure (creating the canvas if needed); for tests and export."""
        self._ensure_canvas()
        return self._figure

    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from ...charts import new_figure

        self._figure = new_figure()
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._canvas.mpl_connect("draw_event", lambda _event: self.sig_drawn.emit())
        self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._canvas.setMinimumSize(120, 120)
        self._canvas.setToolTip("Right-click to save this chart as a PNG or SVG file")
        self._canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._canvas.customContextMenuRequested.connect(self._on_context_menu)
        self._layout.addWidget(self._canvas)

    def _update_chart(self) -> None:
        if not self._dirty or not self.isVisible():
            return
        self._dirty = False
        if self._draw is None:
            if self._canvas is not None:
                self._canvas.hide()
            self._placeholder.show()
            return
        self._ensure_canvas()
        self._placeholder.hide()
        self._canvas.show()
        self._render()
        self._canvas.draw_idle()

    def _render(self) -> None:
        self._figure.clear()
        ax = self._figure.add_subplot()
        if self._draw is not None:
            self._draw(ax)
        self._fit_to_width(ax)

    def _fit_to_width(self, ax: Any) -> None:
        """Keep long axis labels and legends below the axes inside a narrow canvas."""
        ax.xaxis.label.set_wrap(True)
        legend = ax.get_legend()
        if legend is not None and self.width() < _NARROW_PX and legend._ncols > 2:
            _relayout_legend(ax, legend, 3 if self.width() >= 500 else 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self._draw is not None and self._canvas is not None:
            self._dirty = True
            self._resize_timer.start()

    # --- export ---------------------------------------------------------------------------------
    def can_export(self) -> bool:
        """True when there is a chart (not the empty text) to save."""
        return self._draw is not None

    def context_menu(self) -> QMenu:
        """The chart's context menu: save as PNG or SVG."""
        menu = QMenu(self)
        for fmt in ("PNG", "SVG"):
            action = menu.addAction(f"Save chart as {fmt}…")
            action.setEnabled(self.can_export())
            action.triggered.connect(lambda _c=False, f=fmt: self.ask_export(f.lower()))
        return menu

    def _on_context_menu(self, pos: QPoint) -> None:
        self.context_menu().exec(self._canvas.mapToGlobal(pos))

    def ask_export(self, fmt: str) -> None:
        """Ask where to save the chart as ``fmt`` (png or svg), then save it."""
        from . import dialogs

        kind = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)"}[fmt]
        path = dialogs.get_save_path(self, "Save chart", f"{self.name}.{fmt}", kind)
        if not path:
            return
        target = Path(path).with_suffix(f".{fmt}")
        try:
            self.export(target)
        except OSError as exc:
            dialogs.show_message(
                self,
                "Could not save the chart",
                f"{target} was not written: {exc.strerror or exc}.",
            )

    def export(self, path: Path) -> None:
        """Save the chart as shown to ``path`` (format by suffix); nothing is left half-written."""
        self._ensure_canvas()
        if self._dirty:  # not drawn since the last change (e.g. on a hidden tab)
            self._dirty = False
            self._render()
        with replacing(path, what="chart") as tmp:
            self._figure.savefig(tmp, format=path.suffix[1:], dpi=150)


def _relayout_legend(ax: Any, legend: Any, ncols: int) -> None:
    """Draw the legend again with fewer columns (matplotlib lays a legend out once, when it is
    made, so changing its column count afterwards does not reflow it)."""
    anchor = legend.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
    texts = legend.get_texts()
    ax.legend(
        legend.legend_handles,
        [t.get_text() for t in texts],
        loc=legend._loc,
        bbox_to_anchor=(anchor.x0, anchor.y0, anchor.width, anchor.height),
        ncols=ncols,
        fontsize=texts[0].get_fontsize() if texts else None,
        frameon=legend.get_frame_on(),
    )
