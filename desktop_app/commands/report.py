"""``lika report``: the portfolio report of a period, as PDF or CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from desktop_app.commands.base import EXIT_OK, Session, warn
from desktop_app.domain.language import Language
from desktop_app.progress import NO_PROGRESS, TerminalProgress


def iso_day(text: str) -> date:
    """An argparse type for dates written as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date (write it as YYYY-MM-DD)"
        ) from None


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report",
        parents=[common],
        help="write the portfolio report of a period (PDF or CSV)",
        description="The assessments of a period (by planned decision date, else the day "
        "they were created): counts per status and framework, impacts per ground, "
        "overdue and soon-due measures, and one line per assessment. CSV has one row "
        "per assessment and ground.",
    )
    report.add_argument("--from", dest="start", required=True, type=iso_day, metavar="DATE")
    report.add_argument("--to", dest="end", required=True, type=iso_day, metavar="DATE")
    report.add_argument("--unit", metavar="UNIT", help="only this department or unit (exact)")
    report.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="FILE.pdf or FILE.csv"
    )
    report.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        default=Language.SV.value,
        help="language of the report (default: sv)",
    )
    report.set_defaults(run=cmd_report)


def cmd_report(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app.reporting import check_report_target, portfolio_input, write_portfolio
    from desktop_app.domain.portfolio import Period

    period = Period(args.start, args.end)  # refuses an end before the start (exit 2)
    check_report_target(args.out)  # before opening anything
    session.content  # noqa: B018  (checked before the register is opened)
    data = portfolio_input(
        session.service,
        session.content,
        period,
        unit=args.unit,
        language=Language(args.lang),
    )
    # Progress on stderr, and only on a terminal: stdout stays the one result line.
    progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() else NO_PROGRESS
    write_portfolio(data, args.out, progress, warn=warn)
    print(f"Wrote {args.out} ({data.figures.total} assessments)", file=out)
    return EXIT_OK
