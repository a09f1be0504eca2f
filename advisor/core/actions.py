"""Actions against today: what to do with each channel the company runs now, or does not.

Compares the recommended mix and cadence with today's presence (``CompanyProfile.presence``):
keep, grow, reduce, start, stop (wind down) or stay out; the team's hours today and the
change; and, for every channel to leave, a wind-down with its own steps and hours - "once you
start you can't disappear" holds for leaving too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .knowledge import Assumptions, Platform
from .plan import CompanyProfile, Presence
from .result import ChannelResult, Recommendation, WindDown
from .staffing import channel_hours, level_posts
from .vocab import Action, Activity, Level, Regime, posts_phrase

if TYPE_CHECKING:
    from .engine import Prepared

RULED_OUT = "the scenario rules it out"

__all__ = [
    "action_phrase",
    "channel_action",
    "today_lines",
    "today_hours",
    "wind_down",
    "with_actions",
]


def channel_action(in_mix: bool, posts: float, today: Presence | None, band: float) -> Action:
    """The action for one channel: ``posts`` is the recommended posts a week (in the mix)."""
    if today is None:
        return Action.start if in_mix else Action.stay_out
    if not in_mix:
        return Action.stop
    if today.posts_per_week is None:
        return Action.keep  # today's cadence unknown: nothing to compare against
    if posts > today.posts_per_week * (1.0 + band):
        return Action.grow
    if posts < today.posts_per_week * (1.0 - band):
        return Action.reduce
    return Action.keep


def today_hours(
    p: Platform, prof: CompanyProfile, a: Assumptions, here: Presence, alone: bool
) -> tuple[float, bool]:
    """The team's hours a week on a channel today and whether they are estimated: the given
    figure, else the engine's hours at today's posts (the typical cadence when unknown)."""
    if here.hours_per_week is not None:
        return here.hours_per_week, False
    posts = here.posts_per_week
    if posts is None:
        posts = level_posts(p, Level.typical) if p.cadence is not None else 0.0
    hours = channel_hours(p, prof, a, posts)
    if alone:  # one channel today: nothing to tailor from
        hours[Activity.tailor] = 0.0
    return sum(hours.values()), True


# who expects a regulated firm's posts kept: the SEC's rule binds broker-dealers only, so
# the other regimes are pointed to the records rules that apply to them
_KEPT_BY = {
    Regime.financial: "your regulator expects them kept (SEC Rule 17a-4: three years)",
    Regime.health: "your records-retention policy expects them kept, like any patient-facing "
    "communication",
    Regime.public_sector: "public-records law treats an agency's posts and replies as records "
    "to keep",
}


def _because(why: str) -> str:
    """' because <why>', with a subject when the reason starts with a verb ('needs ...')."""
    if not why:
        return ""
    return (
        f" because it {why}"
        if why.split(" ", 1)[0] in {"needs", "adds", "would"}
        else (f" because {why}")
    )


def wind_down(
    p: Platform, prof: CompanyProfile, a: Assumptions, stay: list[str], why: str = ""
) -> WindDown:
    """Leaving channel p: announce, point followers to ``stay`` (names), keep answering for
    the wind-down weeks, archive first when regulated; with the hours it takes. ``why``: why
    the plan leaves it, said first so the following given up is weighed against it."""
    weeks = a.wind_down_weeks.v
    quiet = channel_hours(p, prof, a, 0.0)  # no new posts: what still comes in, and mentions
    weekly = quiet[Activity.engage] + quiet[Activity.listen]
    regulated = prof.regulated is not Regime.none
    one_off = a.wind_down_announce_hours.v + (a.wind_down_archive_hours.v if regulated else 0.0)
    where = ", ".join(stay) if stay else "your website"
    followers = prof.followers_on(p.id)
    hint = "" if why == RULED_OUT else " Forcing it into the mix shows what keeping it would cost."
    steps = [
        f"Decide it knowingly: {followers:,.0f} people follow {p.name} today; the plan leaves "
        f"it{_because(why)}.{hint}",
        f"Announce on {p.name} that you are leaving it: a month, two weeks and two days before "
        "you stop, with the notice pinned.",
        f"Point followers to where you stay: {where} (in the notices and the profile).",
        f"Keep answering messages and comments on {p.name} for {weeks:g} weeks "
        f"(about {weekly:.1f} h a week).",
    ]
    if regulated:
        steps.append(
            f"Before you stop, export {p.name}'s posts and replies to your archive: "
            f"{_KEPT_BY[prof.regulated]}."
        )
    steps.append(
        "Keep the account and its name rather than deleting it, so no one else takes it; "
        "keep the login where IT can find it."
    )
    return WindDown(
        id=p.id,
        name=p.name,
        weeks=weeks,
        hours_per_week=weekly,
        one_off_hours=one_off,
        total_hours=weekly * weeks + one_off,
        steps=steps,
    )


def with_actions(prep: Prepared, rec: Recommendation) -> Recommendation:
    """The recommendation with each channel's action, today's hours, the delta and the
    wind-downs of the channels to leave (forced-out ones included)."""
    prof, cat = prep.profile, prep.catalog
    a = cat.assumptions
    alone = len(prof.presence) == 1
    today: dict[str, tuple[float, bool]] = {
        cid: today_hours(cat.platform(cid), prof, a, here, alone)
        for cid, here in prof.presence.items()
    }
    channels = [_with_action(c, prof.presence.get(c.id), today, a) for c in rec.channels]
    stay = [c.name for c in channels if c.in_mix]
    leaving = [cid for cid in prof.presence if cid not in rec.mix]
    hours_today = sum(h for h, _ in today.values())
    mix_hours = sum(c.total_hours for c in channels if c.in_mix)
    return rec.model_copy(
        update={
            "channels": channels,
            "hours_today": hours_today,
            "hours_delta": mix_hours - hours_today,
            "hours_today_estimated": [cid for cid, (_, est) in today.items() if est],
            "wind_down": [
                wind_down(cat.platform(cid), prof, a, stay, _why_out(prep, channels, cid))
                for cid in leaving
            ],
        }
    )


def _why_out(prep: Prepared, channels: list[ChannelResult], cid: str) -> str:
    if cid in prep.scenario.force_out:
        return RULED_OUT
    return next((c.excluded_because for c in channels if c.id == cid), "")


def _with_action(
    c: ChannelResult,
    here: Presence | None,
    today: dict[str, tuple[float, bool]],
    a: Assumptions,
) -> ChannelResult:
    action = channel_action(c.in_mix, c.posts_per_week, here, a.action_keep_band.v)
    return c.model_copy(
        update={
            "action": action,
            "posts_today": here.posts_per_week if here is not None else None,
            "hours_today": today[c.id][0] if c.id in today else None,
        }
    )


def action_phrase(c: ChannelResult) -> str:
    """The action in words with today's cadence beside the plan's, e.g. 'Grow from 3 a week
    to 4 a week' (for the window, the command line and the report alike)."""
    plan = posts_phrase(c.posts_per_week)
    today = posts_phrase(c.posts_today) if c.posts_today is not None else None
    action = c.action or Action.stay_out
    head = action.label
    if action is Action.start:
        return f"{head} at {plan}"
    if action is Action.stop:
        return f"{head} (it posts {today} today)" if today else f"{head} (you run it today)"
    if action is Action.stay_out:
        return f"{head} (not run today, not in the plan)"
    if today is None:
        return f"{head} at {plan} (today's posts a week not given)"
    if action is Action.keep:
        return f"{head} at {plan}" + ("" if today == plan else f" (today {today})")
    return f"{head} from {today} to {plan}"


def today_lines(rec: Recommendation) -> list[str]:
    """Plain-text lines: each channel's action against today, the hours today and the change,
    and the wind-down steps (empty when the profile lists no channels run today)."""
    if (
        not rec.hours_today
        and not rec.wind_down
        and all(c.action in (Action.start, Action.stay_out) for c in rec.channels)
    ):
        return []
    est = " (partly estimated from today's posts)" if rec.hours_today_estimated else ""
    planned = rec.hours_today + rec.hours_delta
    more = "more" if rec.hours_delta >= 0 else "fewer"
    lines = [
        f"Against today: the team spends {rec.hours_today:.1f} h/week on its channels today"
        f"{est}; the plan's channels need {planned:.1f} h/week, "
        f"{abs(rec.hours_delta):.1f} h/week {more}.",
    ]
    lines += [
        f"  {c.name}: {action_phrase(c)}" for c in rec.channels if c.action is not Action.stay_out
    ]
    for w in rec.wind_down:
        lines.append(
            f"Winding down {w.name} over {w.weeks:g} weeks: {w.hours_per_week:.1f} h/week and "
            f"{w.one_off_hours:.1f} h once ({w.total_hours:.1f} h in all)."
        )
        lines += [f"  {i}. {step}" for i, step in enumerate(w.steps, 1)]
    return lines
