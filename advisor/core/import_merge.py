"""What an analytics import measured per channel, and merging it into today's presence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .knowledge import Catalog
from .plan import Plan, Presence
from .vocab import posts_phrase

__all__ = ["DAYS_PER_MONTH", "ChannelFigures", "merge_presence"]

DAYS_PER_MONTH = 365.25 / 12
_SHORT_PERIOD_DAYS = 28  # under four weeks one busy or quiet week moves the rate a lot


@dataclass(frozen=True, slots=True)
class ChannelFigures:
    """One channel's posts over the exports' period (first to last post's day, both counted),
    its latest following (None: not in the exports) and the inbound counted (None: no column)."""

    channel: str
    posts: float
    first: date
    last: date
    followers: float | None
    inbound: float | None

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def posts_per_week(self) -> float:
        return self.posts / self.days * 7

    @property
    def inbound_per_month(self) -> float | None:
        return None if self.inbound is None else self.inbound / self.days * DAYS_PER_MONTH


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "not given"
    return f"{value:,.0f}{unit}" if value >= 10 else f"{value:.1f}{unit}"


def merge_presence(
    plan: Plan, figures: list[ChannelFigures], catalog: Catalog
) -> tuple[Plan, list[tuple[str, str, str, str]], list[str]]:
    """The plan with each measured channel's presence updated (other channels and the hours a
    week kept), the changes as (channel, field, before, after), and notes for the reader."""
    prof = plan.profile
    presence = dict(prof.presence)
    changes: list[tuple[str, str, str, str]] = []
    notes: list[str] = []
    for f in sorted(figures, key=lambda f: f.channel):
        name = catalog.platform(f.channel).name
        old = presence.get(f.channel)
        followers = f.followers if f.followers is not None else None
        if followers is None:
            followers = old.followers if old is not None else prof.followers
            if old is None:
                notes.append(
                    f"{name}: the exports give no followers; the profile's default of "
                    f"{prof.followers:,.0f} is used - check it."
                )
        new = Presence(
            followers=followers,
            posts_per_week=round(f.posts_per_week, 2),
            inbound_per_month=(
                round(f.inbound_per_month, 1)
                if f.inbound_per_month is not None
                else (old.inbound_per_month if old else None)
            ),
            hours_per_week=old.hours_per_week if old else None,
        )
        presence[f.channel] = new
        notes.append(
            f"{name}: {f.posts:g} post{'' if f.posts == 1 else 's'} from {f.first:%d %b %Y} "
            f"to {f.last:%d %b %Y} ({f.days} day{'' if f.days == 1 else 's'}) = "
            f"{posts_phrase(f.posts_per_week)}."
        )
        if f.days < _SHORT_PERIOD_DAYS:
            notes.append(f"{name}: the exports cover under four weeks; the rate is rough.")
        changes += _changes(name, old, new)
    new_plan = plan.model_copy(
        update={"profile": prof.model_copy(update={"presence": presence})}, deep=True
    )
    return Plan.model_validate(new_plan.model_dump()), changes, notes


def _changes(name: str, old: Presence | None, new: Presence) -> list[tuple[str, str, str, str]]:
    fields = (
        ("followers", "followers", ""),
        ("posts_per_week", "posts a week", ""),
        ("inbound_per_month", "inbound messages a month", ""),
    )
    out = []
    for attr, label, unit in fields:
        before = getattr(old, attr) if old is not None else None
        after = getattr(new, attr)
        if before != after:
            out.append((name, label, _fmt(before, unit), _fmt(after, unit)))
    return out
