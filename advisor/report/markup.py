"""The report model as Qt rich-text HTML. Every string from the model is escaped here.

Charts become placeholder tokens (``chart_token(i)``) that the renderer swaps for vector
drawings once the document is built. No Qt import: the markup is plain text and testable alone.
"""

from __future__ import annotations

import re
from html import escape as _escape

from ..core.labels import JOIN, MINUS
from .model import Block, Bullets, Chart, Cover, KeyFigures, Paragraph, Report, Section, Table

_SIGNED_DOLLARS = re.compile(f"([+{MINUS}])\\$")
_PER_UNIT = re.compile(r"\b(h|min|posts?)/(week|month|post|year)\b")
_LICENCES = re.compile(r"\b(licences?) \$")

__all__ = ["CSS", "chart_token", "to_html"]

ACCENT = "#2f5d8a"
WARN = "#9a3b1f"
CSS = f"""
body {{ font-family: 'DejaVu Sans'; font-size: 9.5pt; color: #222222; }}
h1 {{ font-size: 17pt; color: {ACCENT}; margin-top: 0px; margin-bottom: 8px; }}
h2 {{ font-size: 14pt; color: {ACCENT}; margin-top: 0px; margin-bottom: 6px; }}
p {{ margin-top: 3px; margin-bottom: 5px; }}
p.lead {{ font-size: 11.5pt; margin-bottom: 10px; }}
p.subhead {{ font-size: 11pt; font-weight: bold; color: {ACCENT}; margin-top: 10px; }}
p.warning {{ color: {WARN}; }}
p.small {{ font-size: 8pt; color: #555555; }}
p.caption {{ font-size: 8.5pt; font-weight: bold; color: #444444; margin-top: 8px;
             margin-bottom: 2px; }}
p.chart {{ margin-top: 8px; margin-bottom: 0px; }}
p.figcaption {{ font-size: 8pt; font-style: italic; color: #555555; margin-top: 2px;
                margin-bottom: 10px; }}
li {{ margin-bottom: 3px; }}
li.warning {{ color: {WARN}; }}
table.data {{ border-collapse: collapse; margin-bottom: 6px; }}
table.data th {{ background-color: #e8eef5; color: #1f3d5c; text-align: left;
                 font-weight: bold; }}
td, th {{ border-style: none; border-bottom: 1px solid #d3dae1; padding: 3px;
          padding-left: 5px; padding-right: 5px; vertical-align: top; }}
table.small td, table.small th {{ font-size: 7.5pt; padding: 2px; padding-left: 4px;
                                  padding-right: 4px; }}
td.r, th.r {{ text-align: right; }}
tr.total td {{ font-weight: bold; background-color: #f3f3f3; }}
table.kpi td {{ border: 1px solid #c8d0d8; padding: 6px; background-color: #f5f8fb; }}
"""


_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: no user text can fake a token


def chart_token(i: int) -> str:
    """The placeholder text for the i-th chart of the report."""
    return f"{_OPEN}chart{i}{_CLOSE}"


def escape(text: str) -> str:
    """HTML-escape user or model text (quotes too) and drop the token delimiters; a hyphen
    between spaces is a dash, so it prints as one (an en dash); a sign before "$" is joined
    to it (a word joiner), so a line never ends with the sign alone."""
    text = text.replace(_OPEN, "").replace(_CLOSE, "").replace(" - ", " \u2013 ")
    text = _SIGNED_DOLLARS.sub(lambda m: m.group(1) + JOIN + "$", text)
    # a unit stays whole ("h/week"), and so does "licences $158" in a narrow card
    text = _PER_UNIT.sub(lambda m: m.group(1) + "/" + JOIN + m.group(2), text)
    text = _LICENCES.sub(lambda m: m.group(1) + "\u00a0$", text)
    return _escape(text, quote=True)


def _lines(text: str) -> str:
    """Escaped text whose line breaks survive (HTML would fold them into spaces)."""
    return escape(text).replace("\n", "<br/>")


def _para(p: Paragraph) -> str:
    label = f"<b>{escape(p.label)}:</b> " if p.label else ""
    cls = f' class="{p.style}"' if p.style != "body" else ""
    return f"<p{cls}>{label}{_lines(p.text)}</p>"


def _bullets(b: Bullets) -> str:
    if b.style == "check":
        return "".join(f"<p>☐&nbsp;&nbsp;{escape(i)}</p>" for i in b.items)
    cls = ' class="warning"' if b.style == "warning" else ""
    return "<ul>" + "".join(f"<li{cls}>{escape(i)}</li>" for i in b.items) + "</ul>"


def _table(t: Table) -> str:
    align = t.align.ljust(len(t.columns), "l")
    widths = t.widths or ()

    def cell(tag: str, k: int, text: str) -> str:
        cls = ' class="r" align="right"' if align[k] == "r" else ""
        width = f' width="{widths[k]}%"' if k < len(widths) else ""
        return f"<{tag}{cls}{width}>{_lines(text)}</{tag}>"

    head = "<tr>" + "".join(cell("th", k, c) for k, c in enumerate(t.columns)) + "</tr>"
    body = []
    for n, row in enumerate(t.rows):
        cls = ' class="total"' if t.bold_last and n == len(t.rows) - 1 else ""
        body.append(f"<tr{cls}>" + "".join(cell("td", k, c) for k, c in enumerate(row)) + "</tr>")
    cap = f'<p class="caption">{escape(t.caption)}</p>' if t.caption else ""
    size = " small" if t.small else ""
    return (
        f'{cap}<table class="data{size}" width="{t.width}%" cellspacing="0" cellpadding="3">'
        f"<thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"
    )


def _kpi(k: KeyFigures) -> str:
    cells = "".join(
        f'<td width="{100 // len(k.items)}%"><span style="font-size:8pt; color:#555555;">'
        f'{escape(label)}</span><br/><span style="font-size:17pt; font-weight:bold; '
        f'color:#2f5d8a;">{escape(value)}</span><br/><span style="font-size:7.5pt; '
        f'color:#555555;">{escape(detail)}</span></td>'
        for label, value, detail in k.items
    )
    return (
        f'<table class="kpi" width="100%" cellspacing="4" cellpadding="6"><tr>{cells}</tr></table>'
    )


def _block(b: Block, charts: list[Chart]) -> str:
    if isinstance(b, Paragraph):
        return _para(b)
    if isinstance(b, Bullets):
        return _bullets(b)
    if isinstance(b, Table):
        return _table(b)
    if isinstance(b, KeyFigures):
        return _kpi(b)
    charts.append(b)
    # The caption goes below: a chart pushed to the next page then takes its caption along.
    cap = f'<p class="figcaption">{escape(b.caption)}</p>' if b.caption else ""
    return f'<p class="chart" align="center">{chart_token(len(charts) - 1)}</p>{cap}'


def _section(s: Section, charts: list[Chart]) -> str:
    brk = ' style="page-break-before: always;"' if s.new_page else ""
    tag = "h1" if s.level <= 1 else "h2"
    body = "".join(_block(b, charts) for b in s.blocks)
    return f"<{tag}{brk}>{escape(s.heading)}</{tag}>{body}"


def _cover(c: Cover) -> str:
    meta = " · ".join(f"{escape(k)}: {escape(v)}" for k, v in c.lines)
    about = f'<p class="small">{_lines(c.notes)}</p>' if c.notes else ""
    return (
        f'<p style="font-size:9pt; color:#555555; margin-bottom:0px;">{escape(c.title)}</p>'
        f'<p style="font-size:20pt; font-weight:bold; color:{ACCENT}; margin-top:2px; '
        f'margin-bottom:2px;">{escape(c.company)}</p>'
        f'<p style="font-size:12pt; margin-top:0px; margin-bottom:2px;">Scenario: '
        f"{escape(c.scenario)}</p>"
        f'<p class="small" style="margin-top:0px;">{meta}</p>{about}'
    )


def to_html(report: Report) -> tuple[str, list[Chart]]:
    """The document's HTML and its charts, in the order of their placeholder tokens."""
    charts: list[Chart] = []
    body = _cover(report.cover) + "".join(_section(s, charts) for s in report.sections)
    return f"<html><head><style>{CSS}</style></head><body>{body}</body></html>", charts
