"""Plain-language text for the engine's figures: cadences, hours by role, capacity, set-up.

Formatting only: every number comes from the Recommendation; nothing here decides anything.
"""

from __future__ import annotations

import re
from html import escape

from ...core.result import ChannelResult, Recommendation, WhyNot
from ...core.vocab import Role, posts_phrase

__all__ = [
    "cadence_text",
    "if_included_text",
    "signed",
    "posts_text",
    "role_text",
    "roles_line",
    "roles_rows",
    "search_note",
    "sentence",
    "source_text",
    "setup_text",
    "spare_text",
    "staffing_html",
]


def posts_text(posts_per_week: float) -> str:
    """'4 a week', '2.5 a week'; below one a week as a monthly count: '1 a month'."""
    return posts_phrase(posts_per_week)


def cadence_text(c: ChannelResult | None) -> str:
    """'4 a week (typical)' for a channel in the mix; '' for one left out."""
    if c is None or c.cadence_level is None or not c.in_mix:
        return ""
    return f"{posts_text(c.posts_per_week)} ({c.cadence_level.label})"


def spare_text(rec: Recommendation) -> str:
    """'12.0 h/week spare of 40.0' (the marketing team's hours the mix leaves free)."""
    return f"{rec.spare_hours_per_week:.1f} h/week spare of {rec.staff_hours_available:.1f}"


def roles_rows(rec: Recommendation) -> list[tuple[str, str, str]]:
    """(role, hours a week, FTE) for every role, then the total."""
    rows = [
        (
            r.label,
            f"{rec.hours_by_role.get(r, 0.0):.1f} h/week",
            f"{rec.fte_by_role.get(r, 0.0):.2f} FTE",
        )
        for r in Role
    ]
    rows.append(("All roles", f"{rec.hours_per_week:.1f} h/week", f"{rec.fte:.2f} FTE"))
    return rows


def roles_line(rec: Recommendation) -> str:
    """'Compliance review 1.2 h/week (0.04 FTE) · IT / CIO 0.8 h/week (0.02 FTE)': every role
    the plan needs but the marketing team (the summary shows that one with its spare time);
    a role with no hours (compliance review for a firm that is not regulated) is left out."""
    return " · ".join(
        role_text(rec, r)
        for r in Role
        if r is not Role.marketing and rec.hours_by_role.get(r, 0.0) >= 0.05
    )


def role_text(rec: Recommendation, role: Role) -> str:
    """'Marketing & communications 25.2 h/week (0.78 FTE)'."""
    hours, fte = rec.hours_by_role.get(role, 0.0), rec.fte_by_role.get(role, 0.0)
    return f"{role.label} {hours:.1f} h/week ({fte:.2f} FTE)"


def setup_text(rec: Recommendation) -> str:
    """'24 h' in all: the one-off set-up hours (not weekly); '' when there is nothing to set up."""
    if not rec.setup_hours:
        return ""
    return f"{sum(rec.setup_hours.values()):.0f} h"


def search_note(rec: Recommendation) -> str:
    """Why the mix may not be the proven best, or '' when it is."""
    return rec.search.note


def staffing_html(rec: Recommendation) -> str:
    """Hours by role with FTE, the team's spare capacity and one-off set-up hours."""
    cells = "".join(
        f"<tr><td style='padding-right:14px'>{escape(role)}</td>"
        f"<td align='right' style='padding-right:10px'>{hours}</td>"
        f"<td align='right'>{fte}</td></tr>"
        for role, hours, fte in roles_rows(rec)
    )
    marketing = rec.hours_by_role.get(Role.marketing, 0.0)
    parts = [
        "<h3 style='margin-bottom:4px'>Weekly hours by role</h3>",
        f"<table cellspacing='0' cellpadding='2'>{cells}</table>",
        "<h3 style='margin-bottom:4px'>Spare capacity</h3>",
        f"<p style='margin-top:0'><b>{escape(spare_text(rec))}</b><br>"
        f"<span style='color:#555'>The marketing team's hours the mix leaves free: it needs "
        f"{marketing:.1f} of {rec.staff_hours_available:.1f} h/week.</span></p>",
        "<h3 style='margin-bottom:4px'>One-off set-up (not weekly)</h3>",
    ]
    if rec.setup_hours:
        total = sum(rec.setup_hours.values())
        items = "".join(
            f"<tr><td style='padding-right:14px'>{escape(k)}</td><td align='right'>{v:.0f} h</td></tr>"
            for k, v in rec.setup_hours.items()
        )
        items += f"<tr><td><b>Total</b></td><td align='right'><b>{total:.0f} h</b></td></tr>"
        parts.append(f"<table cellspacing='0' cellpadding='2'>{items}</table>")
    else:
        parts.append("<p style='margin-top:0'>Nothing to set up.</p>")
    return "".join(parts)


def sentence(text: str) -> str:
    """The engine's reason as a sentence: capital first letter."""
    return text[:1].upper() + text[1:]


def source_text(source: str, titles: dict[str, str]) -> str:
    """An advice note's sources with the knowledge base's source ids replaced by titles."""
    return re.sub(r"[A-Za-z0-9_]+", lambda m: titles.get(m.group(), m.group()), source)


def signed(value: float, fmt: str = "{:.1f}", unit: str = "") -> str:
    """'+1.2', '−0.6' (a true minus sign); a value that rounds to zero is '0', never '-0.0'."""
    text = fmt.format(abs(value))
    if float(text.replace(",", "").lstrip("$")) == 0:
        return "0" + unit
    return ("+" if value > 0 else "\u2212") + text + unit


def if_included_text(rec: Recommendation, cid: str, w: WhyNot | None) -> str:
    """What including a channel left out would change, short enough for a table cell:
    'Replaces Company blog: coverage −0.6 pts, −$215/month, −1.1 h/week'."""
    if w is None:
        return ""
    if not w.feasible:
        return "No mix with it fits the team's hours, budget and limits"
    names = {c.id: c.name for c in rec.channels}
    dropped = [names.get(i, i) for i in rec.mix if i not in w.mix]
    lead = f"Replaces {', '.join(dropped)}" if dropped else "Added to the mix"
    marketing = rec.hours_by_role.get(Role.marketing, 0.0)
    return (
        f"{lead}: coverage {signed((w.coverage - rec.objective) * 100, unit=' pts')}, "
        f"{signed(w.monthly_cost - rec.monthly_cost, '${:,.0f}', '/month')}, "
        f"{signed(w.hours_per_week - marketing, unit=' h/week')}"
    )
