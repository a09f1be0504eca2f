"""How numbers are written in the report (tests use the same functions to find them)."""

from __future__ import annotations

__all__ = ["delta", "fte", "hours", "money", "pct", "sentence", "value"]


def money(x: float) -> str:
    """US dollars, no cents: ``$20,409``."""
    return f"-${-x:,.0f}" if round(x) < 0 else f"${x:,.0f}"


def hours(x: float) -> str:
    """Hours with one decimal: ``55.0``."""
    return f"{x:,.1f}"


def fte(x: float) -> str:
    """Full-time equivalents with two decimals: ``1.69``."""
    return f"{x:.2f}"


def pct(x: float, digits: int = 0) -> str:
    """A 0..1 share as a percentage: ``45%``."""
    return f"{x:.{digits}%}"


def delta(x: float, unit: str = "", digits: int = 1) -> str:
    """A signed change, blank-free for zero: ``+5.0``, ``-$1,200``, ``±0``."""
    if round(x, digits) == 0:
        return "±0"
    sign = "+" if x > 0 else "-"
    if unit == "$":
        return f"{sign}${abs(x):,.0f}"
    return f"{sign}{abs(x):,.{digits}f}{unit}"


def value(v: float) -> str:
    """A knowledge-base figure as written in the appendix."""
    return f"{v:g}" if abs(v) < 1e6 else f"{v:,.0f}"


def sentence(text: str) -> str:
    """Capitalise the first letter (engine reasons are written as clauses)."""
    return text[:1].upper() + text[1:] if text else text
