"""Charts as functions of (axes, data), shared by the window and the PDF report.

Every function draws on a matplotlib Axes it is given and never touches pyplot's global state,
so the same drawing appears on a Qt canvas and as vector SVG in the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .core.result import ChannelResult, Recommendation, Sensitivity
from .core.vocab import Activity, Goal, Role
from .fonts import configure, distinct, visual

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "ACTIVITY_COLORS",
    "FIT_COLORS",
    "SHARED_LABEL",
    "draw_compare",
    "draw_compare_coverage",
    "draw_contributions",
    "draw_coverage",
    "draw_robustness",
    "draw_sensitivity",
    "draw_staffing",
    "new_figure",
]

ACTIVITY_COLORS = {
    Activity.create: "#2f5d8a",
    Activity.tailor: "#5b8cc0",
    Activity.publish: "#9cc3e6",
    Activity.approve: "#c9a227",
    Activity.engage: "#d9772b",
    Activity.listen: "#6a9f58",
    Activity.report: "#8e6bb0",
    Activity.coordinate: "#9a9a9a",
    Activity.archive: "#b04a5a",
    Activity.administer: "#4aa3a3",
}
SHARED_LABEL = "Shared (whole job)"
"""The bar of hours charged once for the job, whatever the channels (draw_staffing)."""
_FALLBACK_COLOR = "#5a5a5a"
FIT_COLORS = {"goal": "#2f5d8a", "audience": "#6a9f58", "voice": "#d9772b", "effort": "#8e6bb0"}
_SCENARIO_COLORS = ["#2f5d8a", "#d9772b", "#6a9f58", "#8e6bb0", "#c9a227", "#b04a5a", "#4aa3a3"]


def new_figure(width: float = 6.4, height: float = 3.6):
    """A matplotlib Figure not bound to pyplot (safe in threads and libraries)."""
    from matplotlib.figure import Figure

    configure()  # fallback fonts, and text from users is never read as maths
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig


def _style(ax: Axes) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.grid(axis="x", color="#e4e4e4", linewidth=0.6)
    ax.set_axisbelow(True)


def _label(ax: Axes, x: float, y: float, text: str) -> None:
    """A value label just right of a horizontal bar's end (an offset, not a leading space,
    which SVG output would collapse)."""
    ax.annotate(text, (x, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7.5)


def _empty(ax: Axes, text: str) -> None:
    ax.text(
        0.5,
        0.5,
        text,
        ha="center",
        va="center",
        fontsize=9,
        color="#777777",
        transform=ax.transAxes,
    )
    ax.set_axis_off()


def draw_staffing(ax: Axes, rec: Recommendation) -> None:
    """Hours per week of each mix channel, stacked by activity, with a last bar for the hours
    the job needs whatever the channels (listening, reporting, planning, IT), if any."""
    mix = [c for c in rec.channels if c.in_mix]
    if not mix:
        _empty(ax, "No channel in the mix")
        return
    base = getattr(rec, "base_hours_by_activity", None) or {}
    rows: list[tuple[str, dict[Activity, float]]] = [
        (visual(c.name), c.hours_per_week) for c in mix
    ]
    if sum(base.values()) > 0.005:
        rows.append((SHARED_LABEL, base))
    rows = rows[::-1]
    names = [name for name, _ in rows]
    ys = range(len(rows))
    left = [0.0] * len(rows)
    for act in Activity:
        vals = [hours.get(act, 0.0) for _, hours in rows]
        if sum(vals) <= 0:
            continue
        color = ACTIVITY_COLORS.get(act, _FALLBACK_COLOR)
        ax.barh(ys, vals, left=left, color=color, label=act.label, height=0.6)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_yticks(ys, names)
    for y, total in enumerate(left):
        _label(ax, total, y, f"{total:.1f} h")
    ax.set_xlabel("hours per week", fontsize=8)
    ax.set_xlim(0, max(max(left), 0.1) * 1.18)
    pad = max(0.0, (3 - len(rows)) / 2)  # few bars: bars, not blocks, centred
    ax.set_ylim(-0.6 - pad, len(rows) - 0.4 + pad)
    # Above the axes, so the legend can never sit on the axis label or a bar.
    ax.legend(
        fontsize=7,
        ncols=3,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        frameon=False,
        borderaxespad=0.2,
    )
    _style(ax)


def draw_coverage(ax: Axes, rec: Recommendation, weights: dict[Goal, float] | None = None) -> None:
    """Goal coverage of the mix (0..1); goals with weight drawn darker, weight shown in labels."""
    goals = list(Goal)[::-1]
    vals = [rec.coverage[g] for g in goals]
    colors = ["#2f5d8a" if not weights or weights.get(g, 0) > 0 else "#b8c7d6" for g in goals]
    labels = [g.label if not weights else f"{g.label} ({weights.get(g, 0):.1%})" for g in goals]
    ax.barh(labels, vals, color=colors, height=0.6)
    for y, v in enumerate(vals):
        _label(ax, v, y, f"{v:.2f}")
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("coverage (0 = not served, 1 = fully)", fontsize=8)
    _style(ax)


def fit_channels(rec: Recommendation, limit: int | None = None) -> list[ChannelResult]:
    """The channels the fit chart shows: the ``limit`` best fits and every mix channel,
    best fit first (a channel in the mix is never left off the chart)."""
    if not limit:
        return list(rec.channels)
    return [c for i, c in enumerate(rec.channels) if i < limit or c.in_mix]


def draw_contributions(ax: Axes, rec: Recommendation, limit: int | None = None) -> None:
    """Each channel's fit as stacked contributions (after the capability/compliance gates):
    the ``limit`` best-fitting channels plus every channel in the mix."""
    chans = fit_channels(rec, limit)
    if not chans:
        _empty(ax, "No channels")
        return
    names = distinct([("● " if c.in_mix else "") + c.name for c in chans], 30, 1)[::-1]
    ys = range(len(chans))
    left = [0.0] * len(chans)
    for factor, color in FIT_COLORS.items():
        vals = [next(x.points for x in c.contributions if x.factor == factor) for c in chans][::-1]
        ax.barh(ys, vals, left=left, color=color, label=factor, height=0.6)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_yticks(ys, names)
    for y, c in enumerate(chans[::-1]):
        _label(ax, left[y], y, f"{c.fit:.2f}")
    ax.set_xlim(0, 1)
    ax.set_xlabel("fit (● = in the mix)", fontsize=8)
    # Above the axes, so the legend can never sit on a bar.
    ax.legend(
        fontsize=7,
        ncols=4,
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        frameon=False,
        borderaxespad=0.2,
    )
    _style(ax)


def draw_compare(ax: Axes, recs: Sequence[Recommendation]) -> None:
    """Hours per week per scenario (horizontal, so long names stay readable): the marketing
    team's hours solid, the other roles' (compliance, IT) pale after them, a tick at the
    marketing team's hours available (the bar to compare with it is the solid one), and the
    total hours, FTE and monthly cost after the bar or the tick, whichever ends further."""
    if not recs:
        _empty(ax, "No scenarios")
        return
    rows = list(recs)[::-1]
    ys = range(len(rows))
    colors = [_SCENARIO_COLORS[i % len(_SCENARIO_COLORS)] for i in range(len(recs))][::-1]
    team = [r.hours_by_role.get(Role.marketing, 0.0) for r in rows]
    other = [max(r.hours_per_week - t, 0.0) for r, t in zip(rows, team, strict=True)]
    ax.barh(ys, team, color=colors, height=0.6)
    ax.barh(ys, other, left=team, color=colors, alpha=0.35, height=0.6)
    ax.set_yticks(ys, distinct([r.scenario for r in rows]))
    ax.scatter(
        [r.staff_hours_available for r in rows],
        ys,
        marker="|",
        s=260,
        color="#333333",
        linewidths=1.2,
        zorder=3,
    )
    top = max([r.hours_per_week for r in rows] + [r.staff_hours_available for r in rows] + [1.0])
    for y, r in enumerate(rows):
        ax.text(
            # after the bar's end or the tick, whichever is further: the tick never cuts it
            max(r.hours_per_week, r.staff_hours_available) + top * 0.025,
            y,
            f"{r.hours_per_week:.1f} h · {r.fte:.2f} FTE · ${r.monthly_cost:,.0f}/mo",
            va="center",
            fontsize=7.5,
            zorder=4,
        )
    ax.set_xlim(0, top * 1.6)
    ax.set_ylim(-0.6, max(len(rows), 2) - 0.4)
    ax.set_xlabel(
        "hours per week: marketing team solid, compliance and IT pale\n"
        "| = the marketing team's hours available",
        fontsize=8,
    )
    _style(ax)


def draw_compare_coverage(ax: Axes, recs: Sequence[Recommendation]) -> None:
    """Goal coverage per scenario as grouped horizontal bars (legend below the axes)."""
    if not recs:
        _empty(ax, "No scenarios")
        return
    goals = list(Goal)[::-1]
    n = len(recs)
    height = 0.8 / n
    names = distinct([r.scenario for r in recs], 30, 2)
    for i, r in enumerate(recs):
        ys = [k + (n - 1 - i) * height - 0.4 + height / 2 for k in range(len(goals))]
        ax.barh(
            ys,
            [r.coverage[g] for g in goals],
            height=height,
            label=names[i],
            color=_SCENARIO_COLORS[i % len(_SCENARIO_COLORS)],
        )
    ax.set_yticks(range(len(goals)), [g.label for g in goals])
    ax.set_ylim(-0.5, len(goals) - 0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("coverage", fontsize=8)
    ax.legend(
        fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=min(n, 3), frameon=False
    )
    _style(ax)


def draw_robustness(ax: Axes, sens: Sensitivity, names: dict[str, str] | None = None) -> None:
    """Share of perturbed weightings under which each channel stays in the optimal mix (%)."""
    items = list(sens.robustness.items())[::-1]
    if not items:
        _empty(ax, "No channel is ever in the mix")
        return
    labels = distinct([(names or {}).get(k, k) for k, _ in items], 30, 1)
    vals = [100 * v for _, v in items]
    colors = ["#6a9f58" if v >= 80 else "#c9a227" if v >= 40 else "#b04a5a" for v in vals]
    ys = range(len(vals))
    ax.barh(ys, vals, color=colors, height=0.6)
    ax.set_yticks(ys, labels)
    for y, v in enumerate(vals):
        _label(ax, v, y, f"{v:.0f}%")
    ax.set_ylim(-0.6, max(len(vals), 3) - 0.4)  # one channel: a bar, not a block
    ax.set_xlim(0, 115)
    ax.set_xlabel(
        f"% of {sens.samples} weightings (each weight ±{sens.spread:.0%}) with the channel "
        "in the mix",
        fontsize=8,
    )
    _style(ax)


def draw_sensitivity(ax: Axes, sens: Sensitivity) -> None:
    """How far each goal's weight share can fall (left) or rise (right) before the mix
    changes, in percentage points as in the report's table, drawn to scale. A side with no
    change in range is written "no change" rather than drawn: a share cannot fall below 0."""
    rows = sens.goals[::-1]
    ys = range(len(rows))
    downs = [-100 * s.down if s.down is not None else 0.0 for s in rows]
    ups = [100 * s.up if s.up is not None else 0.0 for s in rows]
    reach = max([5.0, *(abs(v) for v in downs + ups)]) * 1.45  # room for the value labels
    ax.barh(ys, downs, color="#b04a5a", height=0.6)
    ax.barh(ys, ups, color="#2f5d8a", height=0.6)
    for y, s in enumerate(rows):
        if s.down is None and s.up is None:
            ax.annotate(
                "no change either way",
                (0.0, y),
                xytext=(3, 0),
                textcoords="offset points",
                va="center",
                fontsize=7,
                color="#888888",
            )
            continue
        for side, value, sign in ((-1, s.down, "−"), (1, s.up, "+")):
            text = f"{sign}{100 * value:.1f}" if value is not None else "no change"
            x = side * 100 * value if value is not None else 0.0
            ax.annotate(
                text,
                (x, y),
                xytext=(side * 3, 0),
                textcoords="offset points",
                ha="left" if side > 0 else "right",
                va="center",
                fontsize=7,
                color="#222222" if value is not None else "#888888",
            )
    ax.set_yticks(ys, [f"{s.goal.label} ({100 * s.share:.1f}%)" for s in rows])
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_xlim(-reach, reach)
    ax.set_xlabel(
        "percentage points of weight share that change the mix (left: falls, right: rises)",
        fontsize=8,
    )
    _style(ax)
