"""The recommendation against today's channels, as HTML for the window's notes panel."""

from __future__ import annotations

from html import escape

from ...core.actions import action_phrase
from ...core.result import Recommendation
from ...core.vocab import Action

__all__ = ["today_html"]


def today_html(rec: Recommendation) -> str:
    """Hours today and the change, each channel's action, and the wind-down steps ('' when
    the profile lists no channels run today)."""
    changes = [c for c in rec.channels if c.action not in (None, Action.stay_out)]
    if not rec.hours_today and not rec.wind_down and all(c.action is Action.start for c in changes):
        return ""
    planned = rec.hours_today + rec.hours_delta
    more = "more" if rec.hours_delta >= 0 else "fewer"
    est = " (partly estimated from today's posts)" if rec.hours_today_estimated else ""
    items = "".join(f"<li>{escape(c.name)}: {escape(action_phrase(c))}</li>" for c in changes)
    html = (
        "<h3>Against today</h3>"
        f"<p>Today the team spends {rec.hours_today:.1f} h/week on its channels{est}; the "
        f"plan's channels need {planned:.1f} h/week, <b>{abs(rec.hours_delta):.1f} h/week "
        f"{more}</b>.</p><ul>{items}</ul>"
    )
    for w in rec.wind_down:
        steps = "".join(f"<li>{escape(s)}</li>" for s in w.steps)
        html += (
            f"<p><b>Winding down {escape(w.name)}</b> over {w.weeks:g} weeks: "
            f"{w.hours_per_week:.1f} h/week and {w.one_off_hours:.1f} h once "
            f"({w.total_hours:.1f} h in all).</p><ol>{steps}</ol>"
        )
    return html
