"""The analytics exports the importer recognises, by their column names, and how to read a cell.

Column names are compared normalised (lower case, single spaces), so 'Publish time' and
'publish  time' match. docs/plan-format.md says which layouts were checked against what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

__all__ = [
    "FORMATS",
    "ExportFormat",
    "channel_from_link",
    "normalise",
    "parse_date",
    "parse_number",
]


def normalise(header: str) -> str:
    """A column name compared loosely: no byte-order mark, quotes, case or repeated spaces."""
    return " ".join(header.replace("\ufeff", "").strip().strip('"').lower().split())


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export layout: ``marker`` columns must all be present (any one group of ``markers``);
    ``date``: the column of the post's date; ``channel``: the channel when fixed, else taken
    from a ``network`` column, a ``link`` column's address, or (``by_header``) a column only
    one channel's export has; ``inbound``: columns summed as
    messages and comments to answer; ``followers``: the following (latest row wins)."""

    name: str
    markers: tuple[tuple[str, ...], ...]
    date: tuple[str, ...]
    channel: str | None = None
    network: tuple[str, ...] = ()
    link: tuple[str, ...] = ()
    by_header: tuple[tuple[str, str], ...] = ()
    inbound: tuple[str, ...] = ("comments",)
    followers: tuple[str, ...] = field(
        default=("followers", "total followers", "page followers", "lifetime followers")
    )

    def matches(self, headers: set[str]) -> bool:
        return any(all(m in headers for m in group) for group in self.markers)


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        name="Meta Business Suite (Facebook or Instagram posts)",
        markers=(("publish time", "permalink"), ("publish time", "post id")),
        date=("publish time",),
        link=("permalink",),
        by_header=(("account username", "instagram"), ("page name", "facebook")),
    ),
    ExportFormat(
        name="LinkedIn Page analytics (content)",
        markers=(
            ("created date", "post link"),
            ("created date", "update link"),
            ("created date", "post title"),
        ),
        date=("created date",),
        channel="linkedin",
        link=("post link", "update link"),
    ),
    ExportFormat(
        name="X analytics (posts)",
        markers=(
            ("tweet id", "time"),
            ("tweet permalink", "time"),
            ("post id", "date", "post text"),
        ),
        date=("time", "date"),
        channel="x",
        link=("tweet permalink", "post link"),
        inbound=("replies",),
    ),
    ExportFormat(
        name="Sprout Social post performance",
        markers=(("date", "network", "profile", "post type"),),
        date=("date",),
        network=("network",),
        link=("link", "permalink"),
        inbound=("comments", "replies"),
    ),
    ExportFormat(
        name="Hootsuite post performance",
        markers=(
            ("date", "social network"),
            ("post date", "social network"),
            ("date", "social profile"),
        ),
        date=("date", "post date"),
        network=("social network",),
        link=("post link", "permalink", "link"),
        inbound=("comments", "replies"),
    ),
)

_HOSTS = {
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "instagram.com": "instagram",
    "linkedin.com": "linkedin",
    "twitter.com": "x",
    "x.com": "x",
    "youtube.com": "youtube",
    "youtu.be": "youtube",
    "tiktok.com": "tiktok",
    "pinterest.com": "pinterest",
    "threads.net": "threads",
    "threads.com": "threads",
    "reddit.com": "reddit",
    "bsky.app": "bluesky",
    "tumblr.com": "tumblr",
    "snapchat.com": "snapchat",
}


def channel_from_link(link: str) -> str | None:
    """The channel id a post's address belongs to (None when the host is not a known one)."""
    m = re.match(r"^\s*(?:https?://)?([^/\s?#]+)", link.lower())
    if not m:
        return None
    host = m.group(1).removeprefix("www.").removeprefix("m.")
    for suffix, cid in _HOSTS.items():
        if host == suffix or host.endswith("." + suffix):
            return cid
    return None


# Order matters: ISO first; slashed dates are read month first as the US-built tools write
# them (Meta, LinkedIn, Hootsuite), unless the first number cannot be a month.
_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%b %d, %Y %I:%M %p",
    "%b %d, %Y",
    "%d %b %Y",
    "%a %b %d %H:%M:%S %Y",
)


def parse_date(text: str) -> datetime | None:
    """A post's date and time, or None when it is in none of the layouts exports use."""
    s = text.strip().replace("T", " ").removesuffix("Z")
    s = re.sub(r"\s*(?:[+-]\d{2}:?\d{2}|UTC|GMT)$", "", s)  # the zone: posts a week ignore it
    s = re.sub(r"(\d{2}:\d{2}:\d{2})\.\d+", r"\1", s)
    for fmt in _FORMATS:
        try:
            return datetime.strptime(s, fmt)
        except ValueError:
            continue
    return None


def parse_number(text: str) -> float | None:
    """A count from a cell: '1,234' -> 1234.0; '' or '-' -> None; raises ValueError otherwise."""
    s = text.strip().replace("\u00a0", "").replace(" ", "")
    if s in ("", "-", "--", "n/a", "N/A"):
        return None
    s = s.replace(",", "")
    value = float(s)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(s)
    return value
