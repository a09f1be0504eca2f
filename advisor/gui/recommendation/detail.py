"""The 'why' of one channel as HTML: personality, style, reach, cadence, effort, fit, sources."""

from __future__ import annotations

from html import escape

from ...core.knowledge import Catalog, Figure, Platform, iter_figures
from ...core.labels import figure_label, format_label, source_citation
from ...core.result import ChannelResult
from ...core.vocab import AGE_BANDS, Activity
from ..widgets.formatting import cadence_text, posts_text, sentence, signed

__all__ = ["channel_html"]

_EST = '<span class="est" style="color:#b26a00">estimate</span>'


def _fig(f: Figure | None, fmt: str = "{:g}") -> str:
    if f is None:
        return "—"
    mark = ' <sup style="color:#b26a00">est</sup>' if f.estimate else ""
    return fmt.format(f.v) + mark


def _rows(pairs: list[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:12px;color:#555'>{escape(a)}</td><td>{b}</td></tr>"
        for a, b in pairs
    )
    return f"<table cellspacing='0' cellpadding='2'>{cells}</table>"


def _contributions(c: ChannelResult) -> str:
    head = (
        "<tr><th align='left'>Factor</th><th>Score</th><th>Weight</th><th>Points</th>"
        "<th align='left'>Why</th></tr>"
    )
    body = "".join(
        f"<tr><td>{escape(_FACTORS.get(x.factor, sentence(x.factor)))}</td>"
        f"<td align='right'>{x.score:.2f}</td>"
        f"<td align='right'>{'multiplies' if x.weight is None else f'{x.weight:.2f}'}</td>"
        f"<td align='right'>{signed(x.points, '{:.3f}')}</td><td>{escape(sentence(x.why))}</td></tr>"
        for x in c.contributions
    )
    return f"<table cellspacing='0' cellpadding='3'>{head}{body}</table>"


def _sources(p: Platform, cat: Catalog) -> str:
    used: dict[str, list[str]] = {}
    estimates = 0
    for path, fig in iter_figures(p):
        if fig.estimate:
            estimates += 1
        else:
            key = ".".join(str(x) for x in path)
            used.setdefault(fig.src, []).append(figure_label("platforms", key).label)
    items = []
    for src, fields in used.items():
        s = cat.sources.get(src)
        title = escape(source_citation(cat, src))  # with its date
        link = f" <a href='{escape(s.url)}'>link</a>" if s and s.url else ""
        items.append(
            f"<li><b>{title}</b>{link}<br><span style='color:#666'>"
            f"{escape(', '.join(fields))}</span></li>"
        )
    total = sum(1 for _ in iter_figures(p))
    note = (
        f"<p>{estimates} of {total} figures are {_EST}s (editorial, no source); "
        "edit them in the Knowledge base tab.</p>"
    )
    return note + (f"<ul>{''.join(items)}</ul>" if items else "<p>No cited sources.</p>")


_FACTORS = {
    "goal": "Goals",
    "audience": "Audience",
    "voice": "Brand voice",
    "effort": "Effort",
    "capability": "Can make its content",
    "compliance": "Compliance",
}


def _status(c: ChannelResult | None, why_not: str) -> str:
    """The channel's place: in the mix and why this cadence, or why it is out and what it
    would take to include it."""
    if c is None:
        return "<p><b>Forced out</b><br>This scenario forces it out.</p>"
    head = f" — fit {c.fit:.2f}, rank {c.rank}"
    if c.in_mix:
        reasons = escape(sentence("; ".join(c.reasons)))
        cadence = escape(cadence_text(c))
        return (
            f"<p><b>In the mix</b>{head}<br>{reasons}</p>"
            f"<p><b>Cadence: {cadence}</b><br>{escape(sentence(c.why))}</p>"
        )
    text = f"<p><b>Not in the mix</b>{head}<br>{escape(sentence(c.excluded_because))}</p>"
    if why_not:
        text += f"<p><b>What including it would take</b><br>{escape(why_not)}</p>"
    return text


def channel_html(p: Platform, c: ChannelResult | None, cat: Catalog, why_not: str = "") -> str:
    """Everything that explains one channel's place in the recommendation.

    why_not: the sentence on the best mix that includes a channel left out (core.tables).
    """
    parts = [
        f"<h2 style='margin-bottom:2px'>{escape(p.name)}</h2>",
        _status(c, why_not),
        f"<h3>Personality</h3><p>{escape(p.personality)}</p>",
        f"<h3>Message style</h3><p>{escape(p.message_style)}</p>",
    ]
    if c is not None:
        parts.append(f"<h3>Fit contributions</h3>{_contributions(c)}")
    reach = [(f"Age {b}", _fig(p.reach_age[b], "{:.0%}")) for b in AGE_BANDS]
    reach += [
        (figure_label("platforms", f"reach_segment.{s.value}").label, _fig(f, "{:.0%}"))
        for s, f in p.reach_segment.items()
    ]
    reach += [
        ("B2B strength", _fig(p.b2b, "{:.2f}")),
        ("B2C strength", _fig(p.b2c, "{:.2f}")),
        ("Formality (0 polished, 1 raw)", _fig(p.formality, "{:.2f}")),
    ]
    parts.append(f"<h3>Audience reach</h3>{_rows(reach)}")
    cad = p.cadence
    cadence = [
        (
            "Minimum / typical / max",
            f"{_fig(cad.min)} / {_fig(cad.typical)} / {_fig(cad.max)} posts per week"
            if cad
            else "—",
        )
    ]
    if c is not None and c.in_mix:
        cadence.append(("Planned", escape(cadence_text(c))))
    elif c is not None:
        cadence.append(("If included", f"{posts_text(c.posts_per_week)} (typical)"))
    parts.append(f"<h3>Cadence</h3>{_rows(cadence)}")
    effort = [
        (sentence(format_label(fmt)), _fig(f, "{:g} h per post"))
        for fmt, f in p.effort_hours.items()
    ]
    if c is not None:
        effort += [
            (a.label, f"{c.hours_per_week[a]:.1f} h/week")
            for a in Activity
            if c.hours_per_week[a] > 0.005
        ]
        effort.append(
            (
                "Total",
                f"<b>{c.total_hours:.1f} h/week</b> "
                f"({c.min_hours_per_week:.1f} at its minimum cadence without a tool)",
            )
        )
    parts.append(f"<h3>Effort</h3>{_rows(effort)}")
    parts.append(f"<h3>Sources of these figures</h3>{_sources(p, cat)}")
    return "".join(parts)
