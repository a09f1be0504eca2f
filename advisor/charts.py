"""Charts as functions of (axes, data), shared by the window and the PDF report.

Every function draws on a matplotlib Axes it is given and never touches pyplot's global state,
so the same drawing appears on a Qt canvas and as vector SVG in the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .core.result import Recommendation, Sensitivity
from .core.vocab import Activity, Goal

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "ACTIVITY_COLORS",
    "FIT_COLORS",
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
}
FIT_COLORS = {"goal": "#2f5d8a", "audience": "#6a9f58", "voice": "#d9772b", "effort": "#8e6bb0"}
_SCENARIO_COLORS = ["#2f5d8a", "#d9772b", "#6a9f58", "#8e6bb0", "#c9a227", "#b04a5a", "#4aa3a3"]


def new_figure(width: float = 6.4, height: float = 3.6):
    """A matplotlib Figure not bound to pyplot (safe in threads and libraries)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    return fig


def _style(ax: Axes) -> None:
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)
    ax.grid(axis="x", color="#e4e4e4", linewidth=0.6)
    ax.set_axisbelow(True)


def _empty(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", fontsize=9, color="#777777",
            transform=ax.transAxes)
    ax.set_axis_off()


def draw_staffing(ax: Axes, rec: Recommendation) -> None:
    """Hours per week of each mix channel, stacked by activity."""
    mix = [c for c in rec.channels if c.in_mix]
    if not mix:
        _empty(ax, "No channel in the mix")
        return
    names = [c.name for c in mix][::-1]
    left = [0.0] * len(mix)
    for act in Activity:
        vals = [c.hours_per_week[act] for c in mix][::-1]
        if sum(vals) <= 0:
            continue
        ax.barh(names, vals, left=left, color=ACTIVITY_COLORS[act], label=act.label, height=0.6)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    for y, total in enumerate(left):
        ax.text(total, y, f" {total:.1f} h", va="center", fontsize=7.5)
    ax.set_xlabel("hours per week", fontsize=8)
    ax.set_xlim(0, max(left) * 1.18)
    ax.legend(fontsize=7, ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False)
    _style(ax)


def draw_coverage(ax: Axes, rec: Recommendation, weights: dict[Goal, float] | None = None) -> None:
    """Goal coverage of the mix (0..1); goals with weight drawn darker, weight shown in labels."""
    goals = list(Goal)[::-1]
    vals = [rec.coverage[g] for g in goals]
    colors = ["#2f5d8a" if not weights or weights.get(g, 0) > 0 else "#b8c7d6" for g in goals]
    labels = [g.label if not weights else f"{g.label} ({weights.get(g, 0):.0%})" for g in goals]
    ax.barh(labels, vals, color=colors, height=0.6)
    for y, v in enumerate(vals):
        ax.text(v, y, f" {v:.2f}", va="center", fontsize=7.5)
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("coverage (0 = not served, 1 = fully)", fontsize=8)
    _style(ax)


def draw_contributions(ax: Axes, rec: Recommendation, limit: int | None = None) -> None:
    """Each channel's fit as stacked contributions (after the capability/compliance gates)."""
    chans = rec.channels[:limit] if limit else rec.channels
    if not chans:
        _empty(ax, "No channels")
        return
    names = [("● " if c.in_mix else "") + c.name for c in chans][::-1]
    left = [0.0] * len(chans)
    for factor, color in FIT_COLORS.items():
        vals = [next(x.points for x in c.contributions if x.factor == factor) for c in chans][::-1]
        ax.barh(names, vals, left=left, color=color, label=factor, height=0.6)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_xlim(0, 1)
    ax.set_xlabel("fit (● = in the mix)", fontsize=8)
    ax.legend(fontsize=7, ncols=4, loc="lower right", frameon=False)
    _style(ax)


def draw_compare(ax: Axes, recs: Sequence[Recommendation]) -> None:
    """Hours per week per scenario, with FTE and monthly cost on each bar."""
    if not recs:
        _empty(ax, "No scenarios")
        return
    names = [r.scenario for r in recs]
    hours = [r.hours_per_week for r in recs]
    colors = [_SCENARIO_COLORS[i % len(_SCENARIO_COLORS)] for i in range(len(recs))]
    ax.bar(names, hours, color=colors, width=0.6)
    top = max(hours + [1.0])
    for x, r in enumerate(recs):
        ax.text(x, r.hours_per_week + top * 0.02, f"{r.fte:.2f} FTE\n${r.monthly_cost:,.0f}/mo",
                ha="center", va="bottom", fontsize=7)
    ax.set_ylim(0, top * 1.3)
    ax.set_ylabel("hours per week", fontsize=8)
    ax.tick_params(axis="x", labelrotation=15)
    ax.spines[["top", "right"]].set_visible(False)
    ax.tick_params(labelsize=8)


def draw_compare_coverage(ax: Axes, recs: Sequence[Recommendation]) -> None:
    """Goal coverage per scenario as grouped horizontal bars."""
    if not recs:
        _empty(ax, "No scenarios")
        return
    goals = list(Goal)[::-1]
    n = len(recs)
    height = 0.8 / n
    for i, r in enumerate(recs):
        ys = [k + (n - 1 - i) * height - 0.4 + height / 2 for k in range(len(goals))]
        ax.barh(ys, [r.coverage[g] for g in goals], height=height, label=r.scenario,
                color=_SCENARIO_COLORS[i % len(_SCENARIO_COLORS)])
    ax.set_yticks(range(len(goals)), [g.label for g in goals])
    ax.set_xlim(0, 1)
    ax.set_xlabel("coverage", fontsize=8)
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    _style(ax)


def draw_robustness(ax: Axes, sens: Sensitivity, names: dict[str, str] | None = None) -> None:
    """Share of perturbed weightings under which each channel stays in the optimal mix."""
    items = list(sens.robustness.items())[::-1]
    if not items:
        _empty(ax, "No channel is ever in the mix")
        return
    labels = [(names or {}).get(k, k) for k, _ in items]
    vals = [v for _, v in items]
    colors = ["#6a9f58" if v >= 0.8 else "#c9a227" if v >= 0.4 else "#b04a5a" for v in vals]
    ax.barh(labels, vals, color=colors, height=0.6)
    for y, v in enumerate(vals):
        ax.text(v, y, f" {v:.0%}", va="center", fontsize=7.5)
    ax.set_xlim(0, 1.15)
    ax.set_xlabel(f"share of {sens.samples} weightings (±{sens.spread:.0%}) with the channel "
                  "in the mix", fontsize=8)
    _style(ax)


def draw_sensitivity(ax: Axes, sens: Sensitivity) -> None:
    """How far each goal's weight share can fall (left) or rise (right) before the mix changes."""
    rows = sens.goals[::-1]
    labels = [s.goal.label for s in rows]
    cap = 0.5
    downs = [-(min(s.down, cap) if s.down is not None else cap) for s in rows]
    ups = [min(s.up, cap) if s.up is not None else cap for s in rows]
    ax.barh(labels, downs, color=["#b04a5a" if s.down is not None else "#dddddd" for s in rows],
            height=0.6)
    ax.barh(labels, ups, color=["#2f5d8a" if s.up is not None else "#dddddd" for s in rows],
            height=0.6)
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_xlim(-cap * 1.1, cap * 1.1)
    ax.set_xlabel("change in the goal's weight share that flips the mix (grey: none)", fontsize=8)
    _style(ax)
