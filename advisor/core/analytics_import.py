"""Today's presence from analytics exports: posts a week, followers and inbound messages.

Reads post-level (or, with ``posts=COLUMN``, account-level) CSV exports of the common tools
(:mod:`.export_formats`) or any CSV with a column mapping, and returns the plan with its
``presence`` filled in, a list of what changed, and which rows were read and which skipped.
Every problem in every file is collected first; nothing is returned half-done.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from .errors import AdvisorInputError, Problem
from .export_formats import FORMATS, ExportFormat, normalise
from .import_merge import ChannelFigures, merge_presence
from .knowledge import Catalog
from .plan import Plan
from .safe_io import read_user_bytes

__all__ = [
    "MAP_FIELDS",
    "FileRead",
    "ImportResult",
    "export_columns",
    "import_analytics",
    "read_export",
]

MAP_FIELDS = ("date", "channel", "followers", "inbound", "posts")
_HEADER_SEARCH_ROWS = 10  # some exports put a title or a date range above the header row


@dataclass(frozen=True, slots=True)
class FileRead:
    """One export: its layout, how many rows were read, and each skipped row with why."""

    file: str
    layout: str
    rows_read: int
    skipped: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ImportResult:
    """The plan with today's presence filled in, what changed, and what was read."""

    plan: Plan
    files: list[FileRead]
    channels: list[ChannelFigures]
    changes: list[tuple[str, str, str, str]]  # channel name, field, before, after
    notes: list[str]


@dataclass(slots=True)
class _Row:
    channel: str
    when: datetime
    posts: float
    followers: float | None
    inbound: float | None
    link: str


def _decode(path: str, data: bytes) -> str:
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise AdvisorInputError(
            [
                Problem(
                    path,
                    "",
                    f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); export it again as "
                    "'CSV UTF-8' (or UTF-16 with a byte-order mark)",
                    line=line,
                )
            ]
        ) from None


def _rows(text: str) -> list[list[str]]:
    first = text.split("\n", 1)[0]
    delim = max(",;\t", key=first.count)  # Excel in much of Europe writes ';'
    return list(csv.reader(io.StringIO(text), delimiter=delim))


def _layout(
    headers: list[str], mapping: dict[str, str], channel: str | None
) -> ExportFormat | None:
    names = {normalise(h) for h in headers}
    if mapping:
        m = {k: normalise(v) for k, v in mapping.items()}
        if m.get("date") not in names:
            return None
        return ExportFormat(
            name="CSV with a column mapping",
            markers=(),
            date=(m["date"],),
            channel=channel,
            network=(m["channel"],) if "channel" in m else (),
            inbound=(m["inbound"],) if "inbound" in m else (),
            followers=(m["followers"],) if "followers" in m else (),
        )
    for fmt in FORMATS:
        if fmt.matches(names):
            return replace(fmt, channel=channel or fmt.channel)
    return None


def _find_header(rows: list[list[str]], mapping, channel) -> tuple[int, ExportFormat] | None:
    for i, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        fmt = _layout(row, mapping, channel)
        if fmt is not None:
            return i, fmt
    return None


def read_export(
    path: str | Path,
    catalog: Catalog,
    *,
    mapping: dict[str, str] | None = None,
    channel: str | None = None,
) -> tuple[FileRead, list[_Row]]:
    """Read one export: the rows kept (one post each, or ``posts`` of them) and the summary.
    Raises AdvisorInputError naming the file, the row or column, and what is expected."""
    from .import_rows import RowReader

    name = str(path)
    text = _decode(name, read_user_bytes(path, what="analytics export"))
    rows = _rows(text)
    if not any(any(c.strip() for c in r) for r in rows):
        raise AdvisorInputError.single(name, "", "the export is empty: no header and no rows")
    mapping = mapping or {}
    found = _find_header(rows, mapping, channel)
    if found is None:
        raise AdvisorInputError.single(name, "column names", _no_date_message(mapping))
    at, fmt = found
    reader = RowReader(name, fmt, rows[at], catalog, posts_column=mapping.get("posts"))
    kept = reader.read(rows[at + 1 :], first_line=at + 2)
    if reader.problems:
        raise AdvisorInputError(reader.problems)
    if not kept:
        raise AdvisorInputError.single(
            name, "", "the export has a header but no post rows with a date"
        )
    summary = FileRead(name, fmt.name, len(kept), reader.skipped)
    return summary, [_Row(*k) for k in kept]


def export_columns(path: str | Path) -> list[str]:
    """The column names of an export (its first row with two or more names), for a mapping."""
    name = str(path)
    rows = _rows(_decode(name, read_user_bytes(path, what="analytics export")))
    head = next((r for r in rows[:_HEADER_SEARCH_ROWS] if sum(bool(c.strip()) for c in r) > 1), [])
    return [c.strip() for c in head if c.strip()]


def _no_date_message(mapping: dict[str, str]) -> str:
    if mapping.get("date"):
        return f"no column named {mapping['date']!r} in the first {_HEADER_SEARCH_ROWS} rows"
    known = "; ".join(f"{f.name} ({', '.join(f.markers[0])})" for f in FORMATS)
    return (
        "not a recognised analytics export: no date column found. Recognised exports and "
        f"their columns: {known}. For another layout, name its date and channel columns "
        "(on the command line: --map date=COLUMN --map channel=COLUMN, or --channel ID)"
    )


def import_analytics(
    plan: Plan,
    paths: Sequence[str | Path],
    catalog: Catalog,
    *,
    mapping: dict[str, str] | None = None,
    channel: str | None = None,
) -> ImportResult:
    """The plan with today's presence updated from the exports (the input plan unchanged)."""
    problems: list[Problem] = []
    _check_options(mapping or {}, channel, catalog, problems)
    files: list[FileRead] = []
    rows: list[_Row] = []
    for path in paths:
        try:
            summary, kept = read_export(path, catalog, mapping=mapping, channel=channel)
        except AdvisorInputError as exc:
            problems += exc.problems
            continue
        files.append(summary)
        rows += kept
    if problems:
        raise AdvisorInputError(problems)
    unique = _unique(rows)
    figures = _figures(unique)
    new_plan, changes, notes = merge_presence(plan, figures, catalog)
    if len(unique) < len(rows):
        n = len(rows) - len(unique)
        were = "posts were" if n > 1 else "post was"
        notes.insert(0, f"{n} {were} in more than one export: counted once.")
    return ImportResult(new_plan, files, figures, changes, notes)


def _unique(rows: list[_Row]) -> list[_Row]:
    """One row per post: the same post exported by two tools (same channel and address)
    counts once. Rows without an address are all kept: a date alone does not identify a post."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in rows:
        key = (r.channel, r.link.strip().lower().rstrip("/"))
        if r.link and key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out


def _check_options(mapping, channel, catalog: Catalog, problems: list[Problem]) -> None:
    for key in mapping:
        if key not in MAP_FIELDS:
            problems.append(
                Problem("--map", key, f"unknown field; allowed: {', '.join(MAP_FIELDS)}")
            )
    if mapping and "date" not in mapping:
        problems.append(Problem("--map", "date", "a mapping must name the date column"))
    if mapping and "channel" not in mapping and channel is None:
        problems.append(
            Problem("--map", "channel", "name the channel column, or give --channel ID")
        )
    active = sorted(p.id for p in catalog.active_platforms)
    if channel is not None and channel not in active:
        problems.append(
            Problem("--channel", "", f"unknown channel; allowed: {', '.join(active)}", channel)
        )


def _figures(rows: list[_Row]) -> list[ChannelFigures]:
    by: dict[str, list[_Row]] = {}
    for r in rows:
        by.setdefault(r.channel, []).append(r)
    out = []
    for cid, rs in by.items():
        rs.sort(key=lambda r: r.when)
        followers = next((r.followers for r in reversed(rs) if r.followers is not None), None)
        inbound = [r.inbound for r in rs if r.inbound is not None]
        out.append(
            ChannelFigures(
                channel=cid,
                posts=sum(r.posts for r in rs),
                first=rs[0].when.date(),
                last=rs[-1].when.date(),
                followers=followers,
                inbound=sum(inbound) if inbound else None,
            )
        )
    return out
