"""Command line: argument parsing -> core -> print or save. No widgets here.

    advisor [PLAN]                       open the desktop app (the bundled example by default)
    advisor recommend PLAN [--scenario NAME] [--format table|json|csv]
    advisor compare PLAN [--format table|json|csv] [--baseline NAME]
    advisor validate FILE
    advisor install-desktop [--remove]   add to (or take out of) the desktop's applications menu
    advisor catalog [--platforms|--tools] [--figures] [--format table|json|csv]
    advisor report PLAN -o FILE.pdf [--scenario NAME] [--summary]
    advisor import-analytics PLAN FILE... -o NEW_PLAN [--map FIELD=COLUMN] [--channel ID]
    advisor calendar PLAN [--scenario NAME] [--weeks N] [--start DATE] -o FILE.ics|FILE.csv

Bad input prints every problem (file, field, line, value, what is allowed) and exits with 2.
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["EXAMPLE_PLAN", "main"]

from .paths import EXAMPLE_PLAN

COMMANDS = (
    "recommend",
    "compare",
    "validate",
    "catalog",
    "calibration",
    "report",
    "gui",
    "import-analytics",
    "calendar",
    "install-desktop",
)


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="advisor",
        description="Channel Advisor: plan a social "
        "media channel mix, its staffing hours and tools.",
    )
    overlay_help = "your knowledge-base overlay file (overrides figures)"
    ap.add_argument("--overlay", help=overlay_help)
    # also accepted after the command; SUPPRESS keeps the global value when it is not given
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--overlay", default=argparse.SUPPRESS, help=overlay_help)
    sub = ap.add_subparsers(dest="command", required=True)
    fmt = {"choices": ("table", "json", "csv"), "default": "table", "help": "output format"}
    p = sub.add_parser(
        "recommend", parents=[common], help="print the recommendation for a scenario"
    )
    p.add_argument("plan")
    p.add_argument("--scenario", help="scenario name (default: the first)")
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]
    p.add_argument("--sensitivity", action="store_true", help="add weight sensitivity")
    p = sub.add_parser("compare", parents=[common], help="all scenarios side by side")
    p.add_argument("plan")
    p.add_argument("--baseline", help="scenario to compute deltas against (default: the first)")
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]
    p = sub.add_parser("validate", parents=[common], help="check a plan or knowledge-base file")
    p.add_argument("file")
    p = sub.add_parser("catalog", parents=[common], help="list the knowledge base with sources")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--platforms", action="store_true", help="channels only (default)")
    g.add_argument("--tools", action="store_true", help="vendor tools only")
    p.add_argument("--figures", action="store_true", help="every figure with its source")
    p.add_argument("--format", **fmt)  # type: ignore[arg-type]
    p = sub.add_parser(
        "calibration",
        parents=[common],
        help="the engine's answers beside published benchmarks (exit 1 if any fails)",
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    p = sub.add_parser("report", parents=[common], help="write the board-ready PDF report")
    p.add_argument("plan")
    p.add_argument("-o", "--output", required=True, help="PDF file to write")
    p.add_argument("--scenario", help="scenario name (default: the first)")
    p.add_argument(
        "--summary", action="store_true", help="one page: the decision alone, for a board pack"
    )
    _today_parsers(sub, common)
    p = sub.add_parser("gui", parents=[common], help="open the desktop app")
    p.add_argument("plan", nargs="?")
    _add_install_desktop(sub)
    return ap


def _today_parsers(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import-analytics",
        parents=[common],
        help="fill today's presence from analytics exports (CSV) and write a new plan",
    )
    p.add_argument("plan")
    p.add_argument("files", nargs="+", metavar="FILE", help="CSV exports to read")
    p.add_argument("-o", "--output", required=True, help="the new plan file to write")
    p.add_argument(
        "--map",
        action="append",
        metavar="FIELD=COLUMN",
        help="name a column of another layout: date, channel, followers, inbound, posts",
    )
    p.add_argument("--channel", help="the channel id when the export holds one channel only")
    p = sub.add_parser(
        "calendar", parents=[common], help="write the mix's posting calendar (.ics or .csv)"
    )
    p.add_argument("plan")
    p.add_argument("--scenario", help="scenario name (default: the first)")
    p.add_argument("--weeks", type=int, default=4, help="weeks to plan (1-52, default 4)")
    p.add_argument("--start", help="first day, YYYY-MM-DD (default: next Monday)")
    p.add_argument("-o", "--output", required=True, help="calendar file to write: .ics or .csv")


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok, 2 bad input)."""
    from .core.errors import AdvisorInputError

    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        args_list = ["gui", *args_list]
    args = _parser().parse_args(args_list)
    try:
        return _run(args)
    except AdvisorInputError as exc:
        from .core.loading import locate

        exc = locate(exc)  # lines for the problems the engine found after loading
        # a write refused or failed (safe_io.FileWriteError) is also an OSError
        what = "cannot write the output" if isinstance(exc, OSError) else "invalid input"
        print(f"error: {what}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace) -> int:
    from . import commands

    handler = getattr(commands, f"cmd_{args.command.replace('-', '_')}")
    out = handler(args)
    if isinstance(out, str):
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
        return 0
    return int(out)


def _add_install_desktop(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "install-desktop",
        help="add Channel Advisor to the desktop's applications menu (entry and icon)",
        description="Write a desktop entry and the icon under your data folder "
        "($XDG_DATA_HOME, else ~/.local/share), so Channel Advisor appears in the "
        "applications menu and opens the plan files given to it.",
    )
    p.add_argument("--remove", action="store_true", help="take the entry and the icon away")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
