"""Reading the rows of one analytics export: dates, channels and counts, with each problem
named by file, row and column, and each row left out named with why."""

from __future__ import annotations

import re

from .errors import Problem
from .export_formats import ExportFormat, channel_from_link, normalise, parse_date, parse_number
from .knowledge import Catalog

__all__ = ["RowReader", "channel_lookup"]

_MAX_PROBLEMS = 20  # a whole file of bad dates is one problem repeated: show the first ones
_ALIASES = {"twitter": "x", "xtwitter": "x", "twitterx": "x", "fb": "facebook", "ig": "instagram"}


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def channel_lookup(catalog: Catalog) -> dict[str, str]:
    """Loose names of every channel ('linkedin', 'xtwitter', 'companyblog') -> its id."""
    out = {_key(p.id): p.id for p in catalog.platforms}
    out |= {_key(p.name): p.id for p in catalog.platforms}
    return out | _ALIASES


class RowReader:
    """Reads the rows under one header. ``problems``: what is wrong (nothing is kept then);
    ``skipped``: (line, why) of rows left out on purpose, such as totals without a date."""

    def __init__(
        self,
        file: str,
        fmt: ExportFormat,
        header: list[str],
        catalog: Catalog,
        posts_column: str | None = None,
    ) -> None:
        self.file, self.fmt, self.header = file, fmt, header
        self.problems: list[Problem] = []
        self.skipped: list[tuple[int, str]] = []
        self._index = {normalise(h): i for i, h in reversed(list(enumerate(header)))}
        self._names = channel_lookup(catalog)
        self._active = {p.id for p in catalog.active_platforms}
        self._date = self._first(fmt.date)
        self._network = self._first(fmt.network)
        self._link = self._first(fmt.link)
        self._followers = self._first(fmt.followers)
        self._inbound = [self._index[c] for c in fmt.inbound if c in self._index]
        self._posts = self._first((normalise(posts_column),)) if posts_column else None
        names = {normalise(h) for h in header}
        self._by_header = next((cid for col, cid in fmt.by_header if col in names), None)

    def _first(self, columns: tuple[str, ...]) -> int | None:
        return next((self._index[c] for c in columns if c in self._index), None)

    def _problem(self, line: int, col: int | None, message: str, value: str = "") -> None:
        if len(self.problems) == _MAX_PROBLEMS:
            self.problems.append(Problem(self.file, "", "more problems not shown"))
        if len(self.problems) < _MAX_PROBLEMS:
            where = f"row {line}" + (f", column '{self.header[col]}'" if col is not None else "")
            self.problems.append(Problem(self.file, where, message, repr(value) if value else ""))

    def read(self, rows: list[list[str]], first_line: int):
        """The rows kept as (channel, when, posts, followers, inbound, link)."""
        kept = []
        for n, row in enumerate(rows, first_line):
            if not any(c.strip() for c in row):
                continue  # blank lines at the end of a file are not worth a note
            item = self._row(n, row)
            if item is not None:
                kept.append(item)
        return kept

    def _cell(self, row: list[str], col: int | None) -> str:
        return row[col].strip() if col is not None and col < len(row) else ""

    def _row(self, n: int, row: list[str]):
        raw = self._cell(row, self._date)
        if not raw:
            self.skipped.append((n, "no date: a total or a note, not a post"))
            return None
        when = parse_date(raw)
        if when is None:
            self._problem(
                n,
                self._date,
                "date not understood; expected e.g. 2026-10-01 09:30 or "
                "10/01/2026 09:30 (month first)",
                raw,
            )
            return None
        cid = self._channel(n, row)
        numbers = [self._number(n, row, c) for c in (self._posts, self._followers, *self._inbound)]
        if cid is None or any(v is False for v in numbers):
            return None
        posts = 1.0 if self._posts is None else (numbers[0] or 0.0)
        followers = numbers[1]
        inbound = [v for v in numbers[2:] if isinstance(v, float)]
        link = self._cell(row, self._link)
        return cid, when, posts, followers, (sum(inbound) if inbound else None), link

    def _number(self, n: int, row: list[str], col: int | None) -> float | None | bool:
        raw = self._cell(row, col)
        try:
            value = parse_number(raw)
        except ValueError:
            self._problem(n, col, "expected a number", raw)
            return False
        if value is not None and value < 0:
            self._problem(n, col, "must be 0 or more", raw)
            return False
        if value is not None and value > 1e10:
            self._problem(n, col, "is larger than any following or count (over 10^10)", raw)
            return False
        return value

    def _channel(self, n: int, row: list[str]) -> str | None:
        if self.fmt.channel is not None:
            return self.fmt.channel
        value = self._cell(row, self._network)
        cid = self._match(value) if value else None
        if cid is None and not value:
            cid = channel_from_link(self._cell(row, self._link)) or self._by_header
        if cid is not None and cid in self._active:
            return cid
        allowed = ", ".join(sorted(self._active))
        what = "a channel the advisor does not plan for" if cid else "unknown channel"
        self._problem(n, self._network, f"{what}; allowed: {allowed}", value)
        return None

    def _match(self, value: str) -> str | None:
        k = _key(value)
        if k in self._names:
            return self._names[k]
        # 'Facebook Page', 'Instagram Business', 'LinkedIn Company Page'
        hits = {cid for name, cid in self._names.items() if len(name) >= 3 and k.startswith(name)}
        return hits.pop() if len(hits) == 1 else None
