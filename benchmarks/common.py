"""Shared by the benchmark sections: timing, tables, the Section record, machine facts."""

from __future__ import annotations

import gc
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# tests/core/reference_mix.py holds the exhaustive baseline and the random problems
for _p in (ROOT / "tests" / "core", ROOT):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))
# one BLAS thread: the branch and bound is single-threaded, so the numpy baseline gets one core
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

EXAMPLES = sorted((ROOT / "resources" / "examples").glob("*.yaml"))
B2B = ROOT / "resources" / "examples" / "b2b_software.yaml"


@dataclass
class Reps:
    fast: int = 5  # timed runs for work of milliseconds to a second
    slow: int = 3  # timed runs for work of about a second or more (subprocesses)
    quick: bool = False


def timed(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> tuple[list[float], Any]:
    """Wall-clock seconds of ``repeat`` calls after ``warmup`` untimed ones, and the last
    result; a gc.collect() before each timed call."""
    result = None
    for _ in range(warmup):
        result = fn()
    out = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        out.append(time.perf_counter() - t0)
    return out, result


def med(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def ms(s: float) -> str:
    if s != s:  # nan
        return "-"
    v = s * 1000
    if v < 1:
        return f"{v:.2f}"
    return f"{v:.1f}" if v < 100 else f"{v:.0f}"


def ratio(num: float, den: float) -> str:
    """num / den as 'N.NNx' (e.g. ratio(ours, baseline) or ratio(time, target))."""
    if not (num > 0 and den > 0):
        return "-"
    r = num / den
    if r < 0.01:
        return f"{r:.4f}x"
    return f"{r:.2f}x" if r < 10 else f"{r:.0f}x"


def verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else ("met" if ok else "MISSED")


@dataclass
class Check:
    what: str
    target: str
    measured: str
    ok: bool | None  # None: not measured


@dataclass
class Section:
    key: str
    title: str
    method: str
    tables: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    seconds: float = 0.0

    def table(self, title: str, headers: list[str], rows: list[list[str]]) -> None:
        self.tables.append((title, headers, rows))


def md_table(headers: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def console_table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import numpy

        np_version = numpy.__version__
    except ImportError:
        np_version = "not installed"
    try:
        import PySide6

        qt = PySide6.__version__
    except ImportError:
        qt = "not installed"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    try:
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        mem = f"{mem_kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        mem = "?"
    return {
        "cpu": cpu,
        "cores": f"{os.cpu_count()} ({usable} usable)",
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "numpy": np_version,
        "PySide6": qt,
        "code": code_version(),
    }


def code_version() -> str:
    """The commit measured, and which source files differed from it (others work in the tree)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "advisor", "data", "resources"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split("\n")
    except OSError:
        return "unknown (no git)"
    changed = sorted({line[3:] for line in dirty if line.strip()})
    if not changed:
        return f"commit {head}, advisor/ clean"
    core = [c for c in changed if c.startswith("advisor/core")]
    return (
        f"commit {head}; {len(changed)} uncommitted files under advisor/ data/ resources/ "
        f"({len(core)} in advisor/core{': ' + ', '.join(core) if core else ''})"
    )


def loadavg() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"
