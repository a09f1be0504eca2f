"""The one error the advisor raises for bad input, with every problem spelled out."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pydantic import ValidationError

__all__ = [
    "AdvisorInputError",
    "Cancelled",
    "Problem",
    "field_path",
    "problems_from_validation",
    "with_lines",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where (file, field path, line), what, and what is allowed."""

    file: str
    field: str
    message: str
    value: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        head = f"{where}: {self.field}" if self.field else where
        value = f" (got {self.value})" if self.value else ""
        return f"{head}: {self.message}{value}" if head else f"{self.message}{value}"


class Cancelled(Exception):
    """Raised inside a long computation (the sensitivity analysis, the report) when its
    ``should_stop`` callback returns True."""


class AdvisorInputError(Exception):
    """Bad input. ``problems`` lists every problem found; str() is a readable report."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, file: str, field: str, message: str, value: str = "") -> AdvisorInputError:
        return cls([Problem(file=file, field=field, message=message, value=value)])


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def problems_from_validation(
    err: ValidationError,
    file: str,
    prefix: str = "",
    lines: dict[tuple[str | int, ...], int] | None = None,
) -> list[Problem]:
    """Turn a pydantic error into problems naming the field path and, where known, the line."""
    out = []
    for e in err.errors(include_url=False):
        loc = tuple(x for x in e["loc"] if not (isinstance(x, str) and x.startswith("function-")))
        path = ".".join(f"[{x}]" if isinstance(x, int) else str(x) for x in loc).replace(".[", "[")
        field = f"{prefix}.{path}" if prefix and path else (prefix or path)
        msg = e["msg"].removeprefix("Value error, ")
        value = "" if e["type"] == "missing" else _short(e.get("input"))
        if isinstance(e.get("input"), dict | list) and e["type"] != "missing":
            value = ""
        line = _line_for(loc, lines) if lines else None
        out.append(Problem(file=file, field=field, message=msg, value=value, line=line))
    return out


def _line_for(loc: tuple, lines: dict[tuple[str | int, ...], int]) -> int | None:
    for n in range(len(loc), -1, -1):
        key = tuple(loc[:n])
        if key in lines:
            return lines[key]
    return None


_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def field_path(field: str) -> tuple[str | int, ...]:
    """The path of a field as written in a problem: "scenarios[0].force_in" ->
    ("scenarios", 0, "force_in")."""
    return tuple(int(m[1]) if m[1] else m[2] for m in _PART.finditer(field))


def with_lines(
    err: AdvisorInputError, file: str, lines: dict[tuple[str | int, ...], int]
) -> AdvisorInputError:
    """The same problems, each of ``file`` without a line given the line of its field (or of
    the nearest enclosing field) from ``lines``."""
    out = [
        replace(p, line=_line_for(field_path(p.field), lines))
        if p.file == file and p.line is None and p.field
        else p
        for p in err.problems
    ]
    return type(err)(out)
