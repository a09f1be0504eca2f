"""How numbers are written in the report (tests use the same functions to find them)."""

from __future__ import annotations

from ..core.labels import JOIN, MINUS, TIMES
from ..core.vocab import posts_phrase

__all__ = [
    "ROUNDED_NOTE",
    "JOIN",
    "MINUS",
    "TIMES",
    "cadence",
    "cadence_range",
    "delta",
    "fte",
    "hours",
    "money",
    "number",
    "pct",
    "plural",
    "points",
    "sentence",
    "unbroken",
    "value",
    "weight",
]


def money(x: float) -> str:
    """US dollars, no cents: ``$20,409``, ``−$1,200``."""
    return f"{MINUS}{JOIN}${-x:,.0f}" if round(x) < 0 else f"${x:,.0f}"


def hours(x: float) -> str:
    """Hours with one decimal: ``55.0``."""
    return f"{x:,.1f}"


def fte(x: float) -> str:
    """Full-time equivalents with two decimals: ``1.69``."""
    return f"{x:.2f}"


def number(x: float) -> str:
    """A count as people say it: whole numbers bare, others with one decimal: ``4``, ``2.5``."""
    return f"{x:.0f}" if abs(x - round(x)) < 0.05 else f"{x:.1f}"


def cadence(posts_per_week: float, weeks_per_month: float = 52 / 12) -> str:
    """Posts as a cadence: ``4 a week``, ``1 a month``, ``1 every 3 months`` (see
    :func:`advisor.core.vocab.posts_phrase`)."""
    return posts_phrase(posts_per_week, weeks_per_month)


def cadence_range(low: float, high: float, weeks_per_month: float = 52 / 12) -> str:
    """Two cadences as a range: ``2 to 14 a week``, ``1 a month to 7 a week``."""
    lo, hi = cadence(low, weeks_per_month), cadence(high, weeks_per_month)
    if lo.endswith(" a week") and hi.endswith(" a week"):
        return f"{lo.removesuffix(' a week')} to {hi}"
    return f"{lo} to {hi}"


def pct(x: float, digits: int = 0) -> str:
    """A 0..1 share as a percentage: ``45%``."""
    return f"{x:.{digits}%}"


def delta(x: float, unit: str = "", digits: int = 1) -> str:
    """A signed change, blank-free for zero: ``+5.0``, ``−$1,200``, ``±0``."""
    if round(x, digits) == 0:
        return "±0"
    sign = "+" if x > 0 else MINUS
    if unit == "$":
        return f"{sign}{JOIN}${abs(x):,.0f}"  # the sign never ends a line alone
    return f"{sign}{abs(x):,.{digits}f}{unit}"


def plural(n: float, word: str = "") -> str:
    """``word`` for one, ``word + "s"`` otherwise; with no word, just the ending: ``"s"``."""
    return word if n == 1 else word + "s"


def points(share: float) -> str:
    """A change of a 0..1 share in percentage points, one decimal: ``3.2 points``."""
    return f"{share * 100:.1f} points"


def weight(share: float) -> str:
    """A goal's share of the weights, always with one decimal, so 7.3% is never also 7%."""
    return pct(share, 1)


def value(v: float) -> str:
    """A knowledge-base figure as written in the appendix."""
    text = f"{v:g}" if abs(v) < 1e6 else f"{v:,.0f}"
    return text.replace("-", MINUS)


def sentence(text: str) -> str:
    """Capitalise the first letter (engine reasons are written as clauses)."""
    return text[:1].upper() + text[1:] if text else text


NBSP = "\u00a0"


def unbroken(text: str) -> str:
    """Text that must not wrap inside a narrow column ("Wind down"): no-break spaces."""
    return text.replace(" ", NBSP)


ROUNDED_NOTE = (
    "Each figure is rounded on its own and the totals are exact sums, so the rows may add up "
    "to a little more or less."
)


def adds_up(parts: list[str], total: str) -> bool:
    """Whether figures as printed add up to the total as printed (to the last digit shown)."""

    def value(text: str) -> float:
        text = text.replace(MINUS, "-").replace(",", "").replace("±", "").replace("$", "")
        text = text.replace("\u2013", "")  # an en dash: none
        return float(text) if text.strip() else 0.0

    digits = len(total.rpartition(".")[2]) if "." in total else 0
    return round(sum(value(x) for x in parts), digits) == round(value(total), digits)
