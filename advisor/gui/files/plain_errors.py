"""Errors in words: what is wrong, where, and what is allowed - for the window's dialogs.

The technical text (the validator's message, the operating system's error) goes behind the
dialog's "Show Details" button; this module writes the sentence people read.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from pydantic import BaseModel

from ...core.errors import Problem
from ...core.field_names import path_name
from ...core.plan import CompanyProfile, Plan, Presence, Scenario
from ...core.safe_io import FileWriteError

__all__ = ["file_error", "plain_message", "problem_text", "write_failure"]

_PATTERNS: list[tuple[str, str]] = [
    (r"^Extra inputs are not permitted$", "is not a setting a plan can have here"),
    (r"^Field required$", "is missing; it is required"),
    (r"^String should have at most (\d+) characters?$", r"is too long: at most \1 characters"),
    (r"^String should have at least 1 character$", "cannot be empty"),
    (r"^String should have at least (\d+) characters$", r"is too short: at least \1 characters"),
    (r"^Input should be greater than or equal to (.+)$", r"must be \1 or more"),
    (r"^Input should be greater than (.+)$", r"must be more than \1"),
    (r"^Input should be less than or equal to (.+)$", r"must be \1 or less"),
    (r"^Input should be less than (.+)$", r"must be less than \1"),
    (r"^Input should be a valid number.*$", "must be a number"),
    (r"^Input should be a valid integer.*$", "must be a whole number"),
    (r"^Input should be a finite number$", "must be an ordinary number (not infinity or NaN)"),
    (r"^Input should be a valid string$", "must be text"),
    (r"^Input should be a valid dictionary.*$", "must be a mapping of names to values"),
    (r"^Input should be a valid list$", "must be a list"),
    (r"^Input should be (.+)$", r"must be \1"),
]


def plain_message(message: str) -> str:
    """A validator's message as the end of a sentence ("must be 0 or more")."""
    for pattern, replacement in _PATTERNS:
        if re.match(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def _allowed_keys(field: str) -> list[str]:
    """The keys a plan may have where ``field`` (a path ending in the key) is."""
    parent = re.sub(r"(\.|^)[^.\[\]]+$", "", field)
    if parent == "":
        model: type[BaseModel] = Plan
    elif parent == "profile" or parent.endswith(".changes"):
        model = CompanyProfile
    elif re.fullmatch(r"scenarios\[\d+\]", parent):
        model = Scenario
    elif re.fullmatch(r"profile\.presence\.[^.]+", parent):
        model = Presence
    else:
        return []
    return list(model.model_fields)


def problem_text(problem: Problem, scenarios: list[str] | None = None) -> str:
    """One problem in words: where (field in words, line), what is wrong, what is allowed."""
    where = path_name(problem.field, scenarios) if problem.field else "The file"
    line = f" (line {problem.line})" if problem.line else ""
    message = plain_message(problem.message)
    if message == "is not a setting a plan can have here":
        allowed = _allowed_keys(problem.field)
        if allowed:
            message += "; allowed here: " + ", ".join(allowed)
    value = f" You wrote {problem.value}." if problem.value else ""
    return f"{where}{line} {message}.{value}"


_OS_ERRORS = {
    errno.EROFS: "The folder {folder} cannot be written to: it is read-only.",
    errno.EACCES: "You do not have permission to write to the folder {folder}.",
    errno.EPERM: "You do not have permission to write to the folder {folder}.",
    errno.ENOSPC: "The disk that holds {folder} is full.",
    errno.EDQUOT: "Your disk quota for {folder} is used up.",
    errno.ENOENT: "The folder {folder} does not exist (any more).",
    errno.ENOTDIR: "Part of {path} is a file, not a folder.",
    errno.EEXIST: "Part of {path} is a file, not a folder.",  # mkdir of the folders above
    errno.EISDIR: "{path} is a folder, not a file.",
    errno.ENAMETOOLONG: "The file name {name} is too long for this disk.",
}


def file_error(exc: OSError, path: Path) -> str:
    """Why ``path`` could not be written, in words (about the file the user chose, not the
    temporary file beside it that the error may name)."""
    if isinstance(exc, FileWriteError) and exc.problems:
        # the safe writer's refusals are already in words (and name the real folder)
        return f"{path} could not be written: {exc.problems[0].message}."
    template = _OS_ERRORS.get(exc.errno or 0)
    if template is None:
        reason = exc.strerror or str(exc)
        return f"{path} could not be written: {reason[:1].lower()}{reason[1:]}."
    return template.format(folder=path.parent, path=path, name=path.name)


def write_failure(exc: OSError, path: Path) -> str:
    """As file_error, and a refusal that quotes the system's reason ("... (Read-only file
    system)") says it in words too: "The folder /x cannot be written to: it is read-only."."""
    code = exc.errno or next((c for c in _OS_ERRORS if os.strerror(c) in str(exc)), None)
    template = _OS_ERRORS.get(code or 0)
    if template is not None:
        return template.format(folder=path.parent, path=path, name=path.name)
    return file_error(exc, path)
