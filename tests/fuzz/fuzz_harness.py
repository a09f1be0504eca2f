"""What the fuzz tests share: running the command line in-process with a watchdog, tallying
outcomes per category, and the seeds and hostile values the strategies mutate.

An outcome is one of: ``exit 0``, ``exit 2`` (refused with a message), ``exit 1`` (only
`calibration` may: a benchmark failed), ``traceback`` (any exception out of ``main``),
``hang`` (the watchdog fired), ``non-finite`` (exit 0 with NaN or infinity in the output).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from advisor.cli import main

ROOT = Path(__file__).parents[2]
EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.yaml"))
HOSTILE = sorted(p for p in (ROOT / "tests" / "hostile").iterdir() if p.suffix != ".md")
KB = ROOT / "data" / "platforms.yaml"

# CI runs a few dozen cases per category; the long run raises it (see tests/fuzz/long.py)
EXAMPLES_PER_CATEGORY = int(os.environ.get("ADVISOR_FUZZ_EXAMPLES", "25"))
# A refusal takes well under a second; a valid plan's answer a fraction of one; a hang is
# anything past this (the watchdog interrupts it).
WATCHDOG_SECONDS = float(os.environ.get("ADVISOR_FUZZ_WATCHDOG", "20"))

STATS: dict[str, Counter[str]] = defaultdict(Counter)
SLOWEST: dict[str, float] = defaultdict(float)
_NON_FINITE = re.compile(r"(?<![A-Za-z])(nan|-?inf(inity)?)(?![A-Za-z])", re.IGNORECASE)


class _Hang(BaseException):
    """Raised by the watchdog; a BaseException so that no `except Exception` swallows it."""


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: str
    out: str
    err: str
    seconds: float

    def __str__(self) -> str:
        return f"{self.kind} after {self.seconds:.2f}s\n{self.err[-3000:]}"


def _alarm(_signum, _frame) -> None:
    raise _Hang


def _classify(code: int, out: str, args: list[str]) -> str:
    if code != 0:
        return f"exit {code}"
    if "json" in args:
        try:
            json.loads(out, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
        except ValueError:
            return "non-finite"
    elif _NON_FINITE.search(out):
        return "non-finite"
    return "exit 0"


def run_cli(category: str, args: list[str]) -> Outcome:
    """Run ``advisor ARGS`` in this process; tally and return the outcome."""
    out, err = io.StringIO(), io.StringIO()
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, WATCHDOG_SECONDS)
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 2
        kind = _classify(code, out.getvalue(), args)
    except _Hang:
        kind = "hang"
    except Exception:  # noqa: BLE001 - the very thing this harness counts
        kind = "traceback"
        err.write(traceback.format_exc())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    took = time.perf_counter() - start
    STATS[category][kind] += 1
    SLOWEST[category] = max(SLOWEST[category], took)
    return Outcome(kind, out.getvalue(), err.getvalue(), took)


def check(outcome: Outcome, *, allowed: tuple[str, ...] = ("exit 0", "exit 2")) -> None:
    """Fail unless the outcome is a clean answer or a clean refusal."""
    assert outcome.kind in allowed, str(outcome)
    if outcome.kind == "exit 2":
        assert "Traceback" not in outcome.err and "<unicode string>" not in outcome.err
        assert outcome.err.strip(), "a refusal without a message"


def seed_plan(path: Path, scenarios: int = 2) -> dict[str, Any]:
    """An example plan as data, cut to its first scenarios (each costs a solve)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["scenarios"] = data["scenarios"][:scenarios]
    return data


def write(tmp: Path, name: str, data: Any, *, as_json: bool = False) -> str:
    """Write a document as YAML or JSON (NaN and infinity written the way each allows)."""
    path = tmp / (name + (".json" if as_json else ".yaml"))
    if as_json:
        text = json.dumps(data, allow_nan=True)
    else:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # the knowledge base is large
        text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def table(title: str = "") -> str:
    """The tallies as a Markdown table (for docs/reliability.md)."""
    kinds = ["exit 0", "exit 2", "exit 1", "traceback", "hang", "non-finite"]
    head = "| category | inputs | " + " | ".join(kinds) + " | slowest (s) |"
    rows = [head, "|" + "---|" * (len(kinds) + 3)]
    for cat in sorted(STATS):
        c = STATS[cat]
        cells = " | ".join(str(c[k]) for k in kinds)
        rows.append(f"| {cat} | {sum(c.values())} | {cells} | {SLOWEST[cat]:.2f} |")
    total = Counter()
    for c in STATS.values():
        total.update(c)
    cells = " | ".join(str(total[k]) for k in kinds)
    rows.append(f"| **all** | {sum(total.values())} | {cells} | {max(SLOWEST.values()):.2f} |")
    return (title + "\n\n" if title else "") + "\n".join(rows)
