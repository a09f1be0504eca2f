"""Plain labels and units for the knowledge base's figures, and readable citations of its sources.

Every place a person reads a figure (the window's knowledge base, the PDF appendix, the CLI) takes
its words from here, so a key such as ``reach_age.18-29`` appears only as a tooltip.

A figure key is the dotted path of the figure inside its item, as
:func:`advisor.core.knowledge.iter_figures` yields it: ``cadence.typical``, ``goal_fit.recruiting``,
``plans.0.price``; ``what`` says whose figure it is: ``"platforms"``, ``"tools"`` or
``"assumptions"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .knowledge import ESTIMATE, Catalog, VendorTool
from .vocab import AGE_BANDS, Activity, Format, Goal, PricingModel, Segment

__all__ = [
    "JOIN",
    "MINUS",
    "TIMES",
    "FigureLabel",
    "UnknownFigure",
    "cite_sources",
    "figure_label",
    "format_label",
    "market_label",
    "signed",
    "source_citation",
]

MINUS = "\u2212"  # a real minus sign: a hyphen reads as a dash and is narrower
TIMES = "\u00d7"  # the multiplication sign, for "1.6 × next-day time"
JOIN = "\u2060"  # word joiner: no line break between a sign and the "$" after it


def signed(x: float, digits: int = 1, *, dollars: bool = False) -> str:
    """A signed change with a real minus sign: ``+0.7``, ``−1.2``, ``−$361``; a change that
    rounds to zero has no sign (``0.0``, ``$0``), never ``−0.0``. (The PDF joins a sign to
    the "$" after it, so a line never ends with the sign alone: report.markup.escape.)"""
    if round(x, 0 if dollars else digits) == 0:
        return "$0" if dollars else f"{0:.{digits}f}"
    sign = "+" if x > 0 else MINUS
    if dollars:
        return f"{sign}${abs(x):,.0f}"
    return f"{sign}{abs(x):,.{digits}f}"


_SCORE = "score, 0 to 1"
_PERCENT_ADULTS = "% of adults"


class UnknownFigure(KeyError):
    """A figure key with no label: add one to advisor/core/labels.py."""


@dataclass(frozen=True)
class FigureLabel:
    """How a figure reads: ``label`` in plain words, ``unit`` to show beside the value, ``scale``
    to multiply the stored value by before showing it (fractions stored 0..1 read as %), and the
    figure's ``key`` (for a tooltip only)."""

    label: str
    unit: str
    key: str
    scale: float = 1.0

    def shown(self, value: float) -> float:
        """The stored value in the unit shown (e.g. 0.43 -> 43 for a percentage)."""
        return value * self.scale

    def stored(self, shown: float) -> float:
        """A value typed in the shown unit back to the stored value (43 -> 0.43)."""
        return shown / self.scale

    def number(self, value: float) -> str:
        """The value as shown, without the unit's words: '43%', '0.30' (a score: always two
        decimals), '1,000', '1.5', '−0.2' (a real minus sign)."""
        v = self.shown(value)
        spec = ".2f" if self.unit == _SCORE else ",.0f" if abs(v) >= 100 else ",.3g"
        text = format(v, spec).replace("-", MINUS)
        return text + "%" if self.unit.startswith("%") else text

    def text(self, value: float) -> str:
        """The value with its unit as people write it: '43% of adults', '1.5 h/post',
        '1 post/week' (a singular unit for exactly one), '$99/month per user'."""
        if self.unit == "million" and abs(self.shown(value)) >= 1000:
            return f"{self.shown(value) / 1000:,.3g} billion"  # not "3,000 million"
        number = self.number(value)
        if self.unit.startswith("%"):
            return number + self.unit[1:]
        if self.unit.startswith("$"):
            return "$" + number + self.unit[1:]
        unit = _SINGULAR.get(self.unit, self.unit) if number == "1" else self.unit
        return f"{number} {unit}"


_GAIN_UNIT = "points per $1,000 a month"
_SINGULAR = {"posts/week": "post/week", "weeks": "week", _GAIN_UNIT: "point per $1,000 a month"}

_FORMAT_LABELS = {
    Format.text: "text",
    Format.image: "image",
    Format.short_video: "short video",
    Format.long_video: "long video",
    Format.live: "live video",
}

_SEGMENT_LABELS = {
    Segment.consumer: ("Reach, all adults", _PERCENT_ADULTS),
    Segment.professional: ("Reach, college graduates (professionals)", "% of graduates"),
}

_PLATFORM = {
    "formality": ("Voice, formal (0) to casual (1)", _SCORE, 1.0),
    "b2b": ("Strength for business-to-business marketing", _SCORE, 1.0),
    "b2c": ("Strength for business-to-consumer marketing", _SCORE, 1.0),
    "users": ("Users", "million", 1.0),
    "cadence.min": ("Cadence, minimum worth running", "posts/week", 1.0),
    "cadence.typical": ("Cadence, typical", "posts/week", 1.0),
    "cadence.max": ("Cadence, where more posts stop paying", "posts/week", 1.0),
    "inbound_per_1000": ("Inbound messages per 1,000 followers", "per month", 1.0),
    "engage_minutes_per_post": ("Engagement time per post", "min/post", 1.0),
    "archivable": ("Ease of archiving for compliance", _SCORE, 1.0),
}

_ASSUMPTIONS = {
    "productive_hours_per_fte": ("Productive hours per FTE", "h/week", 1.0),
    "weeks_per_month": ("Weeks per month", "weeks", 1.0),
    "tailor_share": ("Extra time to tailor a post for each channel", "% of creation time", 100.0),
    "publish_minutes_per_post": ("Time to schedule one post", "min/post", 1.0),
    "approve_minutes_per_post": ("Compliance approval per post", "min/post", 1.0),
    "archive_minutes_per_post": ("Compliance archive check per post", "min/post", 1.0),
    "minutes_per_inbound": ("Time to handle one inbound message", "min/message", 1.0),
    "answer_share": ("Inbound messages that get an answer", "% of messages", 100.0),
    "listen_base_hours": ("Listening, whole job", "h/week", 1.0),
    "listen_hours_per_channel": ("Listening, each channel", "h/week", 1.0),
    "report_base_hours": ("Measuring and reporting, whole job", "h/week", 1.0),
    "report_hours_per_channel": ("Measuring and reporting, each channel", "h/week", 1.0),
    "coordinate_base_hours": ("Coordination and planning, whole job", "h/week", 1.0),
    "coordinate_share": ("Coordination on top of channel work", "% of channel hours", 100.0),
    "it_base_hours": ("IT/CIO: access, security and data", "h/week", 1.0),
    "it_hours_per_seat": ("IT: administering each tool user", "h/week per user", 1.0),
    "it_archive_hours": ("IT: running the compliance archive", "h/week", 1.0),
    "setup_tool_hours": ("Set-up: choosing and connecting a tool", "h, once", 1.0),
    "setup_tool_hours_per_seat": ("Set-up: onboarding each tool user", "h per user, once", 1.0),
    "setup_archive_hours": ("Set-up: archiving and approval workflow", "h, once", 1.0),
    "setup_policy_hours": ("Set-up: social media policy", "h, once", 1.0),
    "setup_training_hours_per_person": ("Set-up: training each person", "h per person, once", 1.0),
    "min_gain_per_1000_usd": (
        "Least goal coverage a channel must add per $1,000 a month",
        _GAIN_UNIT,
        1.0,
    ),
    "effort_reference_hours": ("Weekly hours at which the effort score halves", "h/week", 1.0),
    "action_keep_band": (
        "Change of cadence still called 'keep' against today",
        "% of today's posts",
        100.0,
    ),
    "wind_down_weeks": ("Wind-down: time to close a channel", "weeks", 1.0),
    "wind_down_announce_hours": ("Wind-down: announcing the closure", "h, once", 1.0),
    "wind_down_archive_hours": ("Wind-down: archiving before closing", "h, once", 1.0),
}

_FIT_PARTS = {"goal": "goals", "audience": "audience", "voice": "voice", "effort": "effort"}

_PRICE_UNITS = {
    PricingModel.per_seat: "$/month per user",
    PricingModel.per_channel: "$/month per channel",
    PricingModel.per_account: "$/month per account",
    PricingModel.enterprise: "$/month, whole organisation",
    PricingModel.free: "$/month",
}


def format_label(fmt: Format | str) -> str:
    """A content format in words: 'short video'."""
    return _FORMAT_LABELS[Format(fmt)]


_MARKETS = {
    "b2b": "you sell to businesses",
    "b2c": "you sell to consumers",
    "both": "you sell to businesses and consumers",
}


def market_label(market: object) -> str:
    """The company's market in words ('you sell to businesses'), never its key ('b2b')."""
    key = str(getattr(market, "value", market))
    text = _MARKETS.get(key, key)
    return text[:1].upper() + text[1:]


def _platform_label(key: str) -> tuple[str, str, float] | None:
    if key in _PLATFORM:
        return _PLATFORM[key]
    head, _, tail = key.partition(".")
    if head == "formats" and tail in set(Format):
        return f"Share of posts: {format_label(tail)}", "% of posts", 100.0
    if head == "effort_hours" and tail in set(Format):
        return f"Hours to create one {format_label(tail)} post", "h/post", 1.0
    if head == "reach_age" and tail in AGE_BANDS:
        return f"Reach, ages {tail}", _PERCENT_ADULTS, 100.0
    if head == "reach_segment" and tail in set(Segment):
        label, unit = _SEGMENT_LABELS[Segment(tail)]
        return label, unit, 100.0
    if head == "goal_fit" and tail in set(Goal):
        return f"Fit for {Goal(tail).label.lower()}", _SCORE, 1.0
    return None


def _tool_label(key: str, item: VendorTool | None) -> tuple[str, str, float] | None:
    head, _, tail = key.partition(".")
    if head == "savings" and tail in set(Activity):
        return f"Time saved: {Activity(tail).label.lower()}", "% of the activity's time", 100.0
    match = re.fullmatch(r"plans\.(\d+)\.price", key)
    if match is None:
        return None
    index = int(match.group(1))
    if item is not None and index < len(item.plans):
        return f"Price, {item.plans[index].name} plan", _PRICE_UNITS[item.pricing], 1.0
    return f"Price, plan {index + 1}", "$/month", 1.0


def _assumption_label(key: str) -> tuple[str, str, float] | None:
    if key in _ASSUMPTIONS:
        return _ASSUMPTIONS[key]
    head, _, tail = key.partition(".")
    if head == "response_factor" and _number(tail):
        return f"Engagement time when answering within {tail} h", f"{TIMES} next-day time", 1.0
    if head == "cadence_value" and _number(tail):
        return f"Value of posting {tail}{TIMES} the typical cadence", f"{TIMES} typical value", 1.0
    if head == "fit_weights" and tail in _FIT_PARTS:
        return f"Weight of the {_FIT_PARTS[tail]} in the fit", "% of the fit", 100.0
    return None


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def figure_label(
    what: str, key: str, item: VendorTool | None = None, *, strict: bool = False
) -> FigureLabel:
    """The plain label and unit of a figure (``what``: platforms, tools or assumptions).

    ``item``: the tool whose plan a ``plans.N.price`` belongs to (names the plan and the price's
    unit). An unknown key raises :class:`UnknownFigure` when ``strict``; otherwise it reads as
    the key itself, so a figure added to an overlay still shows.
    """
    if what == "platforms":
        found = _platform_label(key)
    elif what == "tools":
        found = _tool_label(key, item)
    elif what == "assumptions":
        found = _assumption_label(key)
    else:
        raise ValueError(f"what must be platforms, tools or assumptions, not {what!r}")
    if found is None:
        if strict:
            raise UnknownFigure(f"{what}: {key}")
        return FigureLabel(label=key.replace("_", " ").capitalize(), unit="", key=key)
    label, unit, scale = found
    return FigureLabel(label=label, unit=unit, key=key, scale=scale)


def _surname_title(title: str) -> str:
    """'Jim Anderson: Secrets (Blog)' -> "Anderson, 'Secrets' (Blog)"; a title with no author
    stays as it is, in quotes."""
    author, sep, rest = title.partition(": ")
    # Only a short, name-like head is an author ("Pew Research Center: ..." is a publisher).
    if sep and 1 < len(author.split()) <= 3 and all(w[:1].isupper() for w in author.split()):
        rest, _, venue = rest.partition(" (")
        surname = author.split()[-1]
        return f"{surname}, '{rest}'" + (f" ({venue}" if venue else "")
    return f"'{title}'"


def source_citation(catalog: Catalog, source_id: str) -> str:
    """A source in words for people: seed articles as "Anderson, 'Social Media Secrets ...'",
    other sources by title and date; ``est`` as an estimate; an id not in the catalog stays."""
    if source_id == ESTIMATE:
        return "Estimate (no source)"
    src = catalog.sources.get(source_id)
    if src is None:
        return source_id
    if src.seed:
        return _surname_title(src.title)
    return f"{src.title}, {src.date}" if src.date else src.title


def cite_sources(text: str, catalog: Catalog) -> str:
    """A free text (an advice note's sources) with every source id in it read as a citation."""
    ids = sorted(catalog.sources, key=len, reverse=True)
    if not ids:
        return text
    pattern = r"\b(" + "|".join(re.escape(i) for i in ids) + r")\b"
    return re.sub(pattern, lambda m: source_citation(catalog, m.group(1)), text)
