"""Parsing a YAML or JSON document a user gave, within limits a hostile file cannot pass.

Before any object is built, one streaming pass over the parser's events (no recursion) refuses
YAML anchors and aliases (an alias bomb expands a few hundred bytes into gigabytes), nesting
deeper than ``MAX_DEPTH``, more than ``MAX_NODES`` values, and whole numbers of more than
``MAX_DIGITS`` digits; the same pass records the line of every field for error messages.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from .errors import AdvisorInputError, Problem

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "MAX_NODES", "Lines", "parse_json", "parse_yaml"]

Lines = dict[tuple[str | int, ...], int]

# A plan nests 7 levels at most (scenarios[0].changes.presence.blog.followers) and the knowledge
# base 6; the shipped knowledge base has about 3,500 values. Both limits leave room tenfold.
MAX_DEPTH = 32
MAX_NODES = 40_000
MAX_DIGITS = 20

# libyaml's safe loader when present (ten times faster); both construct plain data only.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = re.compile(r"[-+]?(0b[0-1_]+|0x[0-9a-fA-F_]+|[0-9][0-9_:]*)")
# a string runs to its closing quote or, unterminated, to the end: never rescanned (linear)
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*+(?:"|\\?\Z)|[\[\]{},]', re.DOTALL)


def _problem(name: str, message: str, line: int | None = None) -> AdvisorInputError:
    return AdvisorInputError([Problem(name, "", message, line=line)])


class _Frame:
    """An open mapping or sequence in the event stream: its path, and where its next child goes."""

    __slots__ = ("index", "is_map", "key", "path")

    def __init__(self, path: tuple[str | int, ...], is_map: bool) -> None:
        self.path, self.is_map = path, is_map
        self.key: str | None = None
        self.index = 0

    def child(self, event: yaml.Event, line: int, lines: Lines, name: str) -> tuple | None:
        """The path of the node this event starts, or None when it is a mapping key."""
        if not self.is_map:
            self.index += 1
            return (*self.path, self.index - 1)
        if self.key is None:
            if not isinstance(event, yaml.ScalarEvent):
                raise _problem(name, "a key must be a plain name, not a list or a mapping", line)
            self.key = str(event.value)
            lines[(*self.path, self.key)] = line
            return None
        path, self.key = (*self.path, self.key), None
        return path


def _check_scalar(event: yaml.ScalarEvent, line: int, name: str) -> None:
    value = event.value
    as_int = event.implicit[0] or event.tag == "tag:yaml.org,2002:int"  # plain, or !!int
    if as_int and len(value) > MAX_DIGITS + 2 and _INT.fullmatch(value):
        raise _problem(
            name,
            f"a whole number {len(value)} characters long; numbers here have at most "
            f"{MAX_DIGITS} digits",
            line,
        )


def scan_yaml(text: str, name: str) -> Lines:
    """Check the limits in one pass over the events; the line of each field path (1-based).

    Raises AdvisorInputError for an alias, too deep a nesting, too many values or too long a
    whole number; yaml.YAMLError for malformed YAML.
    """
    lines: Lines = {}
    stack: list[_Frame] = []
    nodes = 0
    for event in yaml.parse(text, Loader=_SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark else 0
        if isinstance(event, yaml.AliasEvent):
            raise _problem(
                name, "YAML aliases (*name) are not allowed here: write the value out in full", line
            )
        if isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
            continue
        if not isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            continue
        nodes += 1
        if nodes > MAX_NODES:
            raise _problem(name, f"has more than {MAX_NODES:,} values; is it the right file?", line)
        path = stack[-1].child(event, line, lines, name) if stack else ()
        if isinstance(event, yaml.ScalarEvent):
            _check_scalar(event, line, name)
        if path is None:
            continue
        lines[path] = line
        if isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise _problem(name, f"nests deeper than {MAX_DEPTH} levels", line)
            stack.append(_Frame(path, isinstance(event, yaml.MappingStartEvent)))
    return lines


def _yaml_error(exc: yaml.YAMLError, text: str, name: str) -> AdvisorInputError:
    mark = getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):  # its str() names "<unicode string>"
        line = text.count("\n", 0, exc.position) + 1
        return _problem(
            name, f"malformed YAML: character #x{exc.character:04x} is not allowed", line
        )
    problem = getattr(exc, "problem", None) or "not a YAML document"
    return _problem(name, f"malformed YAML: {problem}", mark.line + 1 if mark else None)


def parse_yaml(text: str, name: str) -> tuple[Any, Lines]:
    """The data of a YAML document (safe loading only) and its line map; limits first."""
    try:
        lines = scan_yaml(text, name)
        return yaml.load(text, Loader=_SafeLoader), lines  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, text, name) from None


def _check_json_shape(text: str, name: str) -> None:
    depth = 0
    for values, m in enumerate(_JSON_TOKEN.finditer(text), 1):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                raise _problem(name, f"nests deeper than {MAX_DEPTH} levels", line)
        elif token in "]}":
            depth -= 1
        if values > 2 * MAX_NODES:
            raise _problem(name, f"has more than {MAX_NODES:,} values; is it the right file?")


def _json_int(name: str, text: str):
    def parse_int(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_DIGITS:
            line = text.count("\n", 0, max(text.find(digits), 0)) + 1
            raise _problem(
                name,
                f"a whole number of {len(digits)} digits; numbers here have at most "
                f"{MAX_DIGITS} digits",
                line,
            )
        return int(digits)

    return parse_int


def parse_json(text: str, name: str) -> tuple[Any, Lines]:
    """The data of a JSON document and, where YAML can read it too, its line map."""
    _check_json_shape(text, name)
    try:
        data = json.loads(text, parse_int=_json_int(name, text), parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _problem(name, f"malformed JSON: {exc.msg}", exc.lineno) from None
    except ValueError as exc:
        raise _problem(name, f"malformed JSON: {exc}") from None
    try:
        lines = scan_yaml(text, name)  # JSON is (nearly always) YAML: reuse its line numbers
    except (yaml.YAMLError, AdvisorInputError):
        lines = {}
    return data, lines


def _no_constant(word: str) -> float:
    raise ValueError(f"{word} is not a number JSON allows; write a finite number")
