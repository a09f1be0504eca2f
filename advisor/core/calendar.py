"""The recommended mix as a posting calendar: one entry per planned post for N weeks, as
iCalendar (.ics, via the icalendar library) or as a CSV a bulk scheduler can take.

Posts are spread evenly over each channel's best days, at its best hour: Sprout Social's
"best times to post" study (2023, 34,000+ customers' engagement, local time; as reported by
Social Media Today, 2023-05-10, and O'Dwyer's, 2023-06-07). Channels the study does not cover
get weekday mornings, the pattern it finds for most networks (our estimate).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from .errors import AdvisorInputError
from .knowledge import Catalog, Platform
from .result import Recommendation
from .safe_io import atomic_write_bytes, atomic_write_text
from .vocab import Format

__all__ = [
    "CSV_COLUMNS",
    "PlannedPost",
    "calendar_csv",
    "calendar_ics",
    "schedule",
    "write_calendar",
]

MAX_WEEKS = 52
CSV_COLUMNS = ("Date", "Message", "Link", "Channel", "Format")
# weekday numbers (Monday 0) and the hour: the middle of each study's best window
_BEST: dict[str, tuple[tuple[int, ...], int]] = {
    "facebook": ((0, 1, 2, 3), 10),  # Mon-Thu 8 am - 1 pm
    "instagram": ((0, 1, 2, 4), 11),  # Mon, Tue, Wed, Fri, about 9 am - 1 pm
    "x": ((1, 2, 3, 4), 10),  # Tue-Fri 9 am - noon
    "linkedin": ((1, 2, 3), 11),  # Tue-Wed 10 am - noon (Thursday added for 3+ a week)
    "tiktok": ((1, 2, 3), 15),  # midweek afternoons
}
_DEFAULT: tuple[tuple[int, ...], int] = ((0, 1, 2, 3, 4), 10)
_WORDS = {
    Format.text: "text post",
    Format.image: "image post",
    Format.short_video: "short video",
    Format.long_video: "long video",
    Format.live: "live session",
}


@dataclass(frozen=True, slots=True)
class PlannedPost:
    """One post of the calendar: when, on which channel (id and display name), in which format."""

    when: datetime
    channel: str
    name: str
    format: Format
    style: str

    @property
    def title(self) -> str:
        return f"{self.name}: {_WORDS[self.format]}"


def _formats(p: Platform, content: list[Format], count: int) -> list[Format]:
    """``count`` formats in the channel's own proportions, among those the team can make,
    spread out (smooth weighted round robin) rather than in blocks."""
    shares = {f: s.v for f, s in p.formats.items() if f in content and s.v > 0}
    if not shares:
        shares = {f: s.v for f, s in p.formats.items() if s.v > 0} or {Format.text: 1.0}
    credit = dict.fromkeys(shares, 0.0)
    total = sum(shares.values())
    out = []
    for _ in range(count):
        for f in credit:
            credit[f] += shares[f]
        pick = max(credit, key=lambda f: credit[f])
        credit[pick] -= total
        out.append(pick)
    return out


def _slots(cid: str, start: date, weeks: int, count: int) -> list[datetime]:
    days_pref, hour = _BEST.get(cid, _DEFAULT)
    period = [start + timedelta(days=i) for i in range(7 * weeks)]
    # more posts than best days: widen to the working week, then to every day
    for allowed in (days_pref, (0, 1, 2, 3, 4), tuple(range(7))):
        days = [d for d in period if d.weekday() in allowed]
        if count <= len(days):
            break
    per_day = max(1, math.ceil(count / len(days)))
    # a second or third post the same day goes two and four hours after the first
    slots = [(d, j) for d in days for j in range(per_day)]
    picks = [slots[int((i + 0.5) * len(slots) / count)] for i in range(count)]
    return [datetime.combine(d, time(hour)) + timedelta(hours=2 * j) for d, j in picks]


def schedule(
    rec: Recommendation, catalog: Catalog, content: list[Format], *, weeks: int, start: date
) -> list[PlannedPost]:
    """Every planned post of the mix for ``weeks`` weeks from ``start``, in time order.
    A channel gets its posts a week x weeks, rounded to whole posts."""
    if not 1 <= weeks <= MAX_WEEKS:
        raise AdvisorInputError.single(
            "--weeks", "", f"must be a whole number from 1 to {MAX_WEEKS}", str(weeks)
        )
    posts: list[PlannedPost] = []
    for cid in rec.mix:
        p = catalog.platform(cid)
        count = round(rec.channel(cid).posts_per_week * weeks)
        if count == 0:
            continue
        style = " ".join(p.message_style.split())
        for when, fmt in zip(
            _slots(cid, start, weeks, count), _formats(p, content, count), strict=True
        ):
            posts.append(PlannedPost(when, cid, p.name, fmt, style))
    return sorted(posts, key=lambda x: (x.when, x.name))


def calendar_ics(posts: list[PlannedPost], title: str) -> bytes:
    """The posts as an iCalendar file: one 30-minute event each, in local (floating) time."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//Channel Advisor//posting calendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", title)
    stamp = datetime.now().replace(microsecond=0)
    for n, post in enumerate(posts, 1):
        ev = icalendar.Event()
        ev.add("uid", f"{post.when:%Y%m%dT%H%M}-{post.channel}-{n}@channel-advisor")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", post.when)
        ev.add("dtend", post.when + timedelta(minutes=30))
        ev.add("summary", post.title)
        ev.add("description", f"Message style on {post.name}: {post.style}")
        ev.add("categories", [post.name])
        cal.add_component(ev)
    return cal.to_ical()


def calendar_csv(posts: list[PlannedPost]) -> str:
    """The posts as CSV: date and time (mm/dd/yyyy hh:mm, 24 h), a placeholder message, an
    empty link - the bulk composer's three columns - then the channel and the format."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for post in posts:
        message = f"[{_WORDS[post.format]} for {post.name} - write it here]"
        w.writerow([f"{post.when:%m/%d/%Y %H:%M}", message, "", post.name, _WORDS[post.format]])
    return buf.getvalue()


def write_calendar(
    rec: Recommendation,
    catalog: Catalog,
    content: list[Format],
    path: Path,
    *,
    weeks: int,
    start: date,
) -> int:
    """Write the calendar to ``path`` (.ics or .csv by its suffix); returns the posts written."""
    suffix = path.suffix.lower()
    if suffix not in (".ics", ".csv"):
        raise AdvisorInputError.single(
            str(path), "-o", "the calendar file must end in .ics or .csv", path.suffix or "none"
        )
    posts = schedule(rec, catalog, content, weeks=weeks, start=start)
    if suffix == ".ics":
        title = f"{rec.plan_name} - {rec.scenario}: posting calendar"
        atomic_write_bytes(path, calendar_ics(posts, title), what="calendar")
    else:
        atomic_write_text(path, calendar_csv(posts), what="calendar")
    return len(posts)
