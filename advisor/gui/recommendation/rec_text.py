"""The Recommendation tab's text: the decision first, the tool and advice notes, and what to
change when no channel fits. Formatting only: every number comes from the Recommendation."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ...core.knowledge import Catalog
from ...core.labels import cite_sources
from ...core.plan import Scenario
from ...core.result import Recommendation
from ...core.vocab import Ambition, Role
from ..widgets.formatting import role_text, roles_line, search_note, setup_text, spare_text

__all__ = ["NEXT_STEPS", "next_steps", "notes_html", "summary_html"]

NEXT_STEPS = ("next:hours", "next:auto", "next:minimum", "next:allow")
"""Links the summary offers when no channel fits (the view turns each into an edit)."""

_RED = "#b04a5a"


def decision_text(rec: Recommendation, name: Callable[[str], str]) -> str:
    """'Run these 4: LinkedIn, Company blog, ...' (the decision, before any figure)."""
    names = [name(c) for c in rec.mix]
    if len(names) == 1:
        return f"Run this one: {names[0]}"
    return f"Run these {len(names)}: {', '.join(names)}"


def summary_html(
    rec: Recommendation | None,
    scenario: Scenario,
    name: Callable[[str], str],
    error: str = "",
) -> str:
    """The headline: the decision, the team's hours and the cost; or why there is none and what
    to change."""
    if rec is None:
        return (
            f"<span style='color:{_RED}'><b>This scenario cannot be computed.</b></span> "
            f"{escape(error)}"
        )
    if not rec.mix:
        return _empty_summary(rec, scenario, name)
    state = "" if rec.feasible else f" <span style='color:{_RED}'><b>(infeasible)</b></span>"
    note = search_note(rec)
    return (
        f"<span style='font-size:13pt'><b>{escape(decision_text(rec, name))}</b></span>{state}<br>"
        f"{escape(role_text(rec, Role.marketing))}, <b>{escape(spare_text(rec))}</b>"
        + (f" · {escape(roles_line(rec))}" if roles_line(rec) else "")
        + "<br>"
        f"All roles {rec.hours_per_week:.1f} h/week = {rec.fte:.2f} FTE · "
        f"${rec.monthly_cost:,.0f} per month "
        f"(staff ${rec.staff_cost:,.0f}, licences ${rec.licence_cost:,.0f})"
        + (f" · one-off set-up {escape(setup_text(rec))}" if rec.setup_hours else "")
        + (f"<br><span style='color:#b26a00'>{escape(note)}</span>" if note else "")
    )


def _empty_summary(rec: Recommendation, scenario: Scenario, name: Callable[[str], str]) -> str:
    steps = "".join(f"<li>{step}</li>" for step in next_steps(rec, scenario, name))
    return (
        "<span style='font-size:13pt'><b>No channel fits this scenario yet</b></span><br>"
        f"The team has {rec.staff_hours_available:.1f} h/week for social media. "
        f"To get a recommendation:<ul style='margin-top:2px;margin-bottom:0'>{steps}</ul>"
    )


def next_steps(rec: Recommendation, scenario: Scenario, name: Callable[[str], str]) -> list[str]:
    """What to change when the mix is empty, each as HTML with a link the view acts on."""
    steps = []
    candidates = [c for c in rec.channels if c.min_hours_per_week > 0]
    lightest = min(candidates, key=lambda c: c.min_hours_per_week, default=None)
    if lightest is not None and lightest.min_hours_per_week > rec.staff_hours_available:
        steps.append(
            f"<a href='next:hours'>Add hours</a>: the least demanding channel, "
            f"{escape(lightest.name)}, needs {lightest.min_hours_per_week:.1f} h/week at its "
            "minimum cadence."
        )
    if scenario.ambition not in (Ambition.auto, Ambition.minimum):
        steps.append(
            "<a href='next:auto'>Let the advisor choose the cadence</a>: this scenario fixes "
            f"every channel at '{escape(scenario.ambition.label.lower())}', which costs more "
            "hours."
        )
    if scenario.force_out:
        first = scenario.force_out[0]
        steps.append(
            f"<a href='next:allow'>Allow {escape(name(first))} again</a>: this scenario forces "
            f"{len(scenario.force_out)} channel{'s' if len(scenario.force_out) != 1 else ''} out of the mix."
        )
    if not steps:
        steps.append(
            "Raise the goals' weights or lower the value threshold in the company profile: "
            "no channel adds enough goal coverage for the hours it costs."
        )
    return steps


def notes_html(rec: Recommendation | None, catalog: Catalog | None, name: Callable[[str], str]):
    """The tool the mix needs, the warnings and the advice notes with readable sources."""
    if rec is None:
        return "<p>Fix the scenario settings to see advice.</p>"
    t = rec.tool
    if not rec.mix:
        tool = "<p><b>No management tool</b>: there is no channel to manage yet.</p>"
    elif t is None:
        tool = (
            "<p><b>No management tool</b>: running the mix from the channels' own apps costs "
            "less, staff hours included, than any tool that fits the budget.</p>"
        )
    else:
        covered = ", ".join(name(c) for c in t.covered) or "none of the mix"
        tool = (
            f"<p><b>{escape(t.name)}</b>: {t.seats} seat{'s' if t.seats != 1 else ''}, ${t.monthly_cost:,.0f} per "
            f"month, saves {t.hours_saved:.1f} h/week.<br>Manages: {escape(covered)}."
            f"<br><span style='color:#666'>{escape(t.why)}</span></p>"
        )
    warnings = "".join(f"<li>{escape(w)}</li>" for w in rec.warnings)
    advice = "".join(
        f"<li><b>{escape(a.title)}</b>: {escape(a.text)} <span style='color:#777'>"
        f"(Source: {escape(cite_sources(a.source, catalog) if catalog else a.source)})</span></li>"
        for a in rec.advice
    )
    html = f"<h3>Tool</h3>{tool}"
    if warnings:
        html += f"<h3 style='color:{_RED}'>Warnings</h3><ul>{warnings}</ul>"
    return html + f"<h3>Advice</h3><ul>{advice or '<li>None.</li>'}</ul>"
