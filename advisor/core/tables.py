"""Recommendations as data frames and JSON: the shapes the CLI, the window and the report share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .knowledge import Catalog, iter_figures
from .labels import signed
from .result import Recommendation, WhyNot
from .staffing import by_role
from .vocab import Activity, Goal

if TYPE_CHECKING:  # pandas costs ~0.5 s to import: only the callers that need frames pay
    import pandas as pd

__all__ = [
    "CONTRACT",
    "catalog_frame",
    "channels_frame",
    "compare_frame",
    "compare_rows",
    "figures_frame",
    "to_contract",
    "why_not_text",
]

CONTRACT = "channel-advisor/recommendation/1"


def to_contract(rec: Recommendation) -> dict[str, Any]:
    """The documented JSON contract (docs/json-contract.md): the recommendation plus its schema."""
    return {"schema": CONTRACT} | rec.model_dump(mode="json")


def channels_frame(rec: Recommendation) -> pd.DataFrame:
    """One row per channel considered, best fit first."""
    rows = []
    for c in rec.channels:
        row: dict[str, Any] = {
            "rank": c.rank,
            "id": c.id,
            "name": c.name,
            "fit": round(c.fit, 4),
            "in_mix": c.in_mix,
            "forced": c.forced or "",
            "action": c.action.value if c.action else "",
            "cadence_level": c.cadence_level.value if c.cadence_level else "",
            "posts_per_week": round(c.posts_per_week, 2),
            "posts_today": "" if c.posts_today is None else round(c.posts_today, 2),
        }
        row |= {f"hours_{a.value}": round(c.hours_per_week[a], 2) for a in Activity}
        row["hours_total"] = round(c.total_hours, 2)
        row["hours_today"] = "" if c.hours_today is None else round(c.hours_today, 2)
        row |= _roles(c.hours_per_week, rec.productive_hours_per_fte)
        row["why"] = "; ".join(c.reasons) if c.in_mix else c.excluded_because
        row["cadence_why"] = c.why
        row["why_not"] = why_not_text(rec, c.id)
        rows.append(row)
    if any(rec.base_hours_by_activity.values()):
        # the hours charged once for the job, so the channel rows and this one add up
        base = rec.base_hours_by_activity
        row = dict.fromkeys(rows[0], "") if rows else {}
        row |= {"name": "Shared (whole job)", "in_mix": True}
        row |= {f"hours_{a.value}": round(base[a], 2) for a in Activity}
        row["hours_total"] = round(sum(base.values()), 2)
        row |= _roles(base, rec.productive_hours_per_fte)
        rows.append(row)
    import pandas as pd

    return pd.DataFrame(rows)


def _roles(hours: dict[Activity, float], fte: float) -> dict[str, float]:
    by = by_role(hours)
    out: dict[str, float] = {f"hours_{r.value}": round(h, 2) for r, h in by.items()}
    return out | {f"fte_{r.value}": round(h / fte, 3) for r, h in by.items()}


def why_not_text(rec: Recommendation, cid: str, why_not: WhyNot | None = None) -> str:
    """What including a channel left out would cost and change, in one sentence (``why_not``:
    the channel's best mix when the recommendation was built without them)."""
    c = rec.channel(cid)
    w = why_not or c.why_not
    if c.in_mix or w is None:
        return ""
    if not w.feasible:
        return f"No mix with {c.name} fits the team's hours, budget and limits."
    names = {x.id: x.name for x in rec.channels}
    mix = ", ".join(f"{names.get(i, i)} ({w.levels[i].label})" for i in w.mix)
    d_cov = (w.coverage - rec.objective) * 100
    d_h = w.hours_per_week
    d_cost = w.monthly_cost - rec.monthly_cost
    best = "Best mix" if w.optimal else "Best mix found in the time allowed"
    return (
        f"{best} with {c.name}: {mix}; goal coverage {w.coverage:.0%} "
        f"({signed(d_cov)} points), {d_h:.1f} h/week of the team, "
        f"${w.monthly_cost:,.0f} a month ({signed(d_cost, dollars=True)})."
    )


def compare_frame(recs: list[Recommendation], baseline: int = 0) -> pd.DataFrame:
    """Scenarios side by side, with deltas against the baseline scenario."""
    import pandas as pd

    return pd.DataFrame(compare_rows(recs, baseline))


def compare_rows(recs: list[Recommendation], baseline: int = 0) -> list[dict[str, Any]]:
    """The rows of :func:`compare_frame` as plain dicts (no pandas needed)."""
    base = recs[baseline]
    rows = []
    for r in recs:
        row: dict[str, Any] = {
            "scenario": r.scenario,
            "mix": ", ".join(r.mix) or "(none)",
            "channels": len(r.mix),
            "hours_per_week": round(r.hours_per_week, 1),
            "spare_hours_per_week": round(r.spare_hours_per_week, 1),
            "fte": round(r.fte, 2),
            "monthly_cost": round(r.monthly_cost, 0),
            "tool": f"{r.tool.id}/{r.tool.plan}" if r.tool else "none",
            "objective": round(r.objective, 3),
            "d_hours": round(r.hours_per_week - base.hours_per_week, 1),
            "d_fte": round(r.fte - base.fte, 2),
            "d_cost": round(r.monthly_cost - base.monthly_cost, 0),
            "added": ", ".join(c for c in r.mix if c not in base.mix),
            "dropped": ", ".join(c for c in base.mix if c not in r.mix),
        }
        for g in Goal:
            row[f"cov_{g.value}"] = round(r.coverage[g], 3)
            row[f"d_cov_{g.value}"] = round(r.coverage[g] - base.coverage[g], 3)
        rows.append(row)
    return rows


def catalog_frame(cat: Catalog, what: str = "platforms") -> pd.DataFrame:
    """The knowledge base's channels or tools, one row each, with their status."""
    rows = []
    if what == "platforms":
        for p in cat.platforms:
            c = p.cadence
            rows.append(
                {
                    "id": p.id,
                    "name": p.name,
                    "status": p.status.value,
                    "shutdown": p.shutdown,
                    "cadence": f"{c.min.v:g}/{c.typical.v:g}/{c.max.v:g}" if c else "-",
                    "formality": p.formality.v,
                    "b2b": p.b2b.v,
                    "b2c": p.b2c.v,
                    "formats": ", ".join(f.value for f in p.formats),
                }
            )
    else:
        for t in cat.tools:
            rows.append(
                {
                    "id": t.id,
                    "name": t.name,
                    "status": t.status.value,
                    "pricing": t.pricing.value,
                    "plans": ", ".join(f"{pl.name} ${pl.price.v:g}" for pl in t.plans) or "-",
                    "networks": len(t.networks),
                    "fate": t.fate,
                    "successor": t.successor,
                }
            )
    import pandas as pd

    return pd.DataFrame(rows)


def figures_frame(cat: Catalog, what: str = "platforms") -> pd.DataFrame:
    """Every figure of the channels or tools with its source, date and estimate flag."""
    items = cat.platforms if what == "platforms" else cat.tools
    rows = []
    for item in items:
        for path, fig in iter_figures(item):
            src = cat.sources.get(fig.src)
            rows.append(
                {
                    "id": item.id,
                    "field": ".".join(str(x) for x in path),
                    "value": fig.v,
                    "estimate": fig.estimate,
                    "source": src.title if src else "estimate",
                    "source_id": fig.src,
                    "date": src.date if src else "",
                    "note": fig.note,
                }
            )
    import pandas as pd

    return pd.DataFrame(rows)
