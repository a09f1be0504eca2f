"""The long fuzz run: thousands of cases per category, then the tallies as a Markdown table.

    uv run python -m tests.fuzz.long            # 1,000 cases per category (about 20 minutes)
    uv run python -m tests.fuzz.long 200        # a quicker look

The first failure (a traceback, a hang, a NaN in an answer) stops the run with hypothesis's
smallest example of it; otherwise the table shows zero tracebacks and zero hangs. The figures
in docs/reliability.md come from this command.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    per_category = int(argv[0]) if argv else 1000
    os.environ["ADVISOR_FUZZ_EXAMPLES"] = str(per_category)
    sys.path.insert(0, str(Path(__file__).parent))  # as pytest imports the harness
    import fuzz_harness
    import test_finite
    import test_fuzz

    tests = [
        test_fuzz.test_plan_byte_mutants,
        test_fuzz.test_plan_structure_mutants,
        test_fuzz.test_overlay_structure_mutants,
        test_fuzz.test_knowledge_base_mutants,
        test_fuzz.test_random_command_lines,
        test_fuzz.test_the_hostile_corpus_through_every_command,
        test_finite.test_valid_plans_give_finite_answers,
        test_finite.test_valid_overlays_give_finite_answers,
    ]
    start = time.perf_counter()
    for test in tests:
        began = time.perf_counter()
        test()
        print(f"{test.__name__}: {time.perf_counter() - began:.0f} s", file=sys.stderr)
    minutes = (time.perf_counter() - start) / 60
    print(fuzz_harness.table(f"{per_category} cases per category, {minutes:.1f} minutes"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
