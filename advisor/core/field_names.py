"""Plain names and values for the fields of a plan, as people read them in undo steps, notes
and error messages ("People", "Recruiting goal weight", "$600 a month"), never the file's keys.
"""

from __future__ import annotations

import re
from typing import Any

from .vocab import Format, Goal, Market, Regime

__all__ = [
    "FIELD_NAMES",
    "FORMAT_NAMES",
    "MARKET_NAMES",
    "REGIME_NAMES",
    "describe_changes",
    "field_name",
    "path_name",
    "value_text",
]

MARKET_NAMES = {
    Market.b2b: "Business to business (B2B)",
    Market.b2c: "Business to consumer (B2C)",
    Market.both: "Both B2B and B2C",
}
REGIME_NAMES = {
    Regime.none: "Not regulated",
    Regime.financial: "Financial services",
    Regime.health: "Health care",
    Regime.public_sector: "Public sector",
}
FORMAT_NAMES = {
    Format.text: "Text",
    Format.image: "Images",
    Format.short_video: "Short video",
    Format.long_video: "Long video",
    Format.live: "Live streams",
}

FIELD_NAMES: dict[str, str] = {
    "schema_version": "Format version",
    "profile": "Company profile",
    "scenarios": "Scenarios",
    "name": "Name",
    "industry": "Industry",
    "market": "Market",
    "regulated": "Regulation",
    "audience_age": "Audience age",
    "audience_segment": "Consumers and professionals",
    "voice": "Brand voice",
    "content": "Content the team can produce",
    "goals": "Goals",
    "people": "People",
    "hours_per_person": "Hours per person",
    "tool_budget": "Tool budget",
    "hourly_cost": "Hourly cost",
    "max_channels": "Max channels",
    "response_hours": "Response time",
    "followers": "Followers (other channels)",
    "presence": "Today's channels",
    "answer_share": "Messages answered",
    "value_threshold": "Value threshold",
    "prepared_by": "Prepared by",
    "notes": "Notes",
    "description": "Description",
    "changes": "Changes",
    "force_in": "Forced in",
    "force_out": "Forced out",
    "tool": "Tool",
    "forbid_tools": "Tools not allowed",
    "ambition": "Cadence preference",
    "cadence": "Fixed cadence",
    "posts_per_week": "Posts a week",
    "inbound_per_month": "Messages a month",
    "hours_per_week": "Hours a week",
}
"""Every field of a plan file by its key."""

_WEIGHTS = {"goals", "audience_age", "audience_segment"}
_SEGMENTS = {"consumer": "Consumers", "professional": "Professionals"}
_GOALS = {g.value: g.label for g in Goal}


def field_name(field: str, key: str | None = None) -> str:
    """A profile field (and, for a mapping, one key of it) in words: "People", "Recruiting
    goal weight", "Age 18-29 weight"."""
    if key is None:
        return FIELD_NAMES.get(field, field.replace("_", " ").capitalize())
    if field == "goals":
        return f"{_GOALS.get(key, key)} goal weight"
    if field == "audience_age":
        return f"Age {key} weight"
    if field == "audience_segment":
        return f"{_SEGMENTS.get(key, key)} weight"
    return f"{field_name(field)}: {FIELD_NAMES.get(key, key)}"


def path_name(
    path: str, scenarios: list[str] | None = None, channels: dict[str, str] | None = None
) -> str:
    """A field path as written in messages ("scenarios[1].changes.people") in words:
    "Scenario “Lean” › Changes › People". ``scenarios``: the plan's scenario names, when
    known; ``channels``: channel names by id."""
    parts: list[str] = []
    for token in (t for t in re.split(r"\.|(\[[^\]]*\])", path) if t):
        index = re.fullmatch(r"\[(\d+)\]", token)
        if index and parts and parts[-1] == "Scenarios":
            i = int(index.group(1))
            named = scenarios is not None and i < len(scenarios)
            parts[-1] = f"Scenario “{scenarios[i]}”" if named else f"Scenario {i + 1}"  # type: ignore[index]
        elif index:
            parts.append(f"item {int(index.group(1)) + 1}")
        elif token == "[key]" and parts:
            parts[-1] = f"the key “{parts[-1]}”"
        elif len(parts) >= 2 and parts[-2] == FIELD_NAMES["presence"]:
            parts.append(_PRESENCE.get(token, token))  # a figure of one of today's channels
        elif parts and parts[-1] == FIELD_NAMES["presence"]:
            parts.append((channels or {}).get(token, token))
        else:
            parts.append(_GOALS.get(token) or FIELD_NAMES.get(token) or token)
    return " › ".join(parts)


_PRESENCE = {
    "followers": "Followers",
    "posts_per_week": "Posts a week",
    "inbound_per_month": "Messages a month",
    "hours_per_week": "Hours a week",
}


def value_text(field: str, value: Any) -> str:
    """A value of a profile field in words and units: "$600 a month", "25 h a week"."""
    if isinstance(value, dict):
        return ", ".join(f"{field_name(field, k)} {value_text('', v)}" for k, v in value.items())
    if value is None:
        return {"max_channels": "no limit"}.get(field, "the default")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if field == "content" and isinstance(value, list):
        return ", ".join(_label(FORMAT_NAMES, Format, v) for v in value) or "none"
    if field == "market":
        return _label(MARKET_NAMES, Market, value)
    if field == "regulated":
        return _label(REGIME_NAMES, Regime, value)
    if number:
        return _number_text(field, float(value))
    return f"“{value}”" if isinstance(value, str) else str(value)


_UNITS = {
    "hours_per_person": "{} h a week",
    "tool_budget": "${} a month",
    "hourly_cost": "${} an hour",
    "response_hours": "{} h",
    "value_threshold": "{} points per $1,000 a month",
    "followers": "{} followers",
}


def _number_text(field: str, value: float) -> str:
    if field == "answer_share":
        return f"{value:.0%}"
    return _UNITS.get(field, "{}").format(f"{value:,g}")


def _label(names: dict[Any, str], enum: Any, value: Any) -> str:
    try:
        return names[enum(value)]
    except (ValueError, KeyError):
        return str(value)


def describe_changes(
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    most: int = 2,
    channels: dict[str, str] | None = None,
) -> str:
    """What differs between two profiles (model dumps) in a few words, for naming a what-if:
    "People 3 → 5", "People 3 → 5, Instagram added". ``channels``: channel names by id."""
    parts = []
    for field, new in after.items():
        old = before.get(field)
        if old == new:
            continue
        if field == "presence" and isinstance(new, dict) and isinstance(old, dict):
            parts += _presence_changes(old, new, channels or {})
        elif isinstance(new, dict) and isinstance(old, dict):
            parts += [
                f"{field_name(field, k)} {value_text(field, old.get(k))} → {value_text(field, v)}"
                for k, v in new.items()
                if old.get(k) != v
            ]
        else:
            parts.append(f"{field_name(field)} {value_text(field, old)} → {value_text(field, new)}")
    more = len(parts) - most
    return ", ".join(parts[:most]) + (f" and {more} more" if more > 0 else "")


def _presence_changes(old: dict[str, Any], new: dict[str, Any], names: dict[str, str]) -> list:
    added = [f"{names.get(c, c)} added" for c in new if c not in old]
    dropped = [f"{names.get(c, c)} dropped" for c in old if c not in new]
    changed = [f"{names.get(c, c)} figures changed" for c in new if c in old and old[c] != new[c]]
    return added + dropped + changed
