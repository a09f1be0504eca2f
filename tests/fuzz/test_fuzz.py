"""Fuzzing every input path through the command line: byte and structure mutants of the example
plans, overlays and the knowledge base, random command lines, and the hostile corpus. Each
case must end in a clean answer (exit 0, finite numbers) or a clean refusal (exit 2 with a
message) - never a traceback, never a hang.

CI runs ADVISOR_FUZZ_EXAMPLES (25) cases per category; `uv run python -m tests.fuzz.long`
runs thousands and prints the tallies (docs/reliability.md).
"""

from __future__ import annotations

import copy
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml
from fuzz_harness import (
    EXAMPLES,
    EXAMPLES_PER_CATEGORY,
    HOSTILE,
    KB,
    check,
    run_cli,
    seed_plan,
    write,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=EXAMPLES_PER_CATEGORY,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
PLAN_COMMANDS = [
    ["validate"],
    ["recommend"],
    ["recommend", "--format", "json"],
    ["recommend", "--format", "csv"],
    ["compare"],
    ["compare", "--format", "json"],
]
SEEDS = [seed_plan(p) for p in EXAMPLES]
KB_DATA = yaml.safe_load(KB.read_text(encoding="utf-8"))

# values an attacker or a clumsy user puts where a number, name or list belongs
hostile_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, -1, 1e-308, 5e-324, 1e308, float("nan"), float("inf"), 10**19]),
    st.text(max_size=20),
    st.sampled_from(["", "none", "hootsuite/", "/", "tumblr", "blog", "../../etc/passwd"]),
)
hostile_values = st.recursive(
    hostile_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path into a document (mappings and lists), the document itself first."""
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


@st.composite
def mutants(draw, seeds: list[Any]) -> Any:
    """A seed document with one to three values (or whole subtrees) replaced or removed."""
    data = copy.deepcopy(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        if not path:
            data = draw(hostile_values) if draw(st.integers(0, 9)) == 0 else data
            continue
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            parent.pop(path[-1], None)
        else:
            parent[path[-1]] = draw(hostile_values)
    return data


@st.composite
def byte_mutants(draw) -> bytes:
    """An example plan's bytes with a few flips, insertions, deletions or repeats."""
    data = bytearray(draw(st.sampled_from(EXAMPLES)).read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "insert", "delete", "repeat"]))
        if op == "flip":
            data[i] = draw(st.integers(0, 255))
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=8) | st.sampled_from(_TOKENS))
        elif op == "delete":
            del data[i : i + draw(st.integers(1, 40))]
        else:
            data[i:i] = data[i : i + draw(st.integers(1, 60))] * draw(st.integers(1, 30))
    return bytes(data)


_TOKENS = [
    b"&a ",
    b"*a",
    b"!!python/name:os.system ",
    b"[",
    b"{",
    b"\t",
    b"\x00",
    b"\xff",
    b"9" * 40,
    b".nan",
    b"-.inf",
    b"\n- ",
    b": ",
    b"'",
    b'"',
    b"\xef\xbb\xbf",
]


@FUZZ
@given(byte_mutants(), st.sampled_from(PLAN_COMMANDS))
def test_plan_byte_mutants(data: bytes, command: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yaml"
        path.write_bytes(data)
        check(run_cli("plan bytes", [command[0], str(path), *command[1:]]))


@FUZZ
@given(mutants(SEEDS), st.sampled_from(PLAN_COMMANDS), st.booleans())
def test_plan_structure_mutants(data: Any, command: list[str], as_json: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), "plan", data, as_json=as_json)
        check(run_cli("plan structure", [command[0], path, *command[1:]]))


def _overlay_seeds() -> list[dict[str, Any]]:
    plat, tool = KB_DATA["platforms"][0], KB_DATA["tools"][0]
    return [
        {"assumptions": {k: v for k, v in list(KB_DATA["assumptions"].items())[:6]}},
        {"platforms": [{"id": plat["id"], "effort_hours": plat["effort_hours"]}]},
        {"platforms": [copy.deepcopy(plat) | {"id": "my_channel"}]},
        {"tools": [{"id": tool["id"], "plans": tool["plans"][:1]}]},
        {"sources": {"mine": {"title": "My own survey", "date": "2025-01"}}},
    ]


OVERLAY_COMMANDS = [
    ["validate", "{o}"],
    ["catalog"],
    ["catalog", "--tools", "--figures"],
    ["recommend", str(EXAMPLES[0])],
    ["compare", str(EXAMPLES[0]), "--format", "csv"],
]


@FUZZ
@given(mutants(_overlay_seeds()), st.sampled_from(OVERLAY_COMMANDS))
def test_overlay_structure_mutants(data: Any, command: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), "overlay", data)
        args = [a.format(o=path) for a in command]
        check(run_cli("overlay structure", ["--overlay", path, *args]))


@settings(FUZZ, max_examples=max(EXAMPLES_PER_CATEGORY // 2, 5))
@given(mutants([KB_DATA]))
def test_knowledge_base_mutants(data: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write(Path(tmp), "platforms", data)
        check(run_cli("knowledge base", ["validate", path]))


_ARG_WORDS = [
    "recommend",
    "compare",
    "validate",
    "catalog",
    "--format",
    "json",
    "csv",
    "table",
    "xml",
    "--scenario",
    "Baseline",
    "nope",
    "--baseline",
    "--overlay",
    "--platforms",
    "--tools",
    "--figures",
    "--sensitivity",
    "-o",
    "",
    "-",
    "--",
    "/dev/null",
    "/dev/zero",
    "/",
    str(EXAMPLES[0]),
    str(EXAMPLES[-1]),
    str(HOSTILE[0]),
]


@FUZZ
@given(st.lists(st.sampled_from(_ARG_WORDS) | st.text(max_size=6), min_size=1, max_size=6))
def test_random_command_lines(args: list[str]) -> None:
    if "--sensitivity" in args or args[0] not in ("recommend", "compare", "validate", "catalog"):
        args = ["validate", *args]  # no window, and no long sensitivity run in CI
    check(run_cli("command line", args))


def test_the_hostile_corpus_through_every_command() -> None:
    import advisor.commands
    import advisor.core.engine  # noqa: F401 - imported once, so each timing is the refusal's

    advisor.commands.load_catalog()
    fifo_dir = tempfile.mkdtemp()
    fifo = os.path.join(fifo_dir, "plan.yaml")
    os.mkfifo(fifo)
    files = [str(p) for p in HOSTILE] + [fifo, "/dev/zero", "/dev/urandom", fifo_dir]
    for path in files:
        for command in (
            ["validate", path],
            ["recommend", path],
            ["compare", path],
            ["report", path, "-o", os.path.join(fifo_dir, "r.pdf")],
            ["--overlay", path, "catalog"],
        ):
            outcome = run_cli("hostile corpus", command)
            check(outcome, allowed=("exit 2",))
            assert outcome.seconds < 1.0, (command, outcome.seconds)
    os.unlink(fifo)
    os.rmdir(fifo_dir)
