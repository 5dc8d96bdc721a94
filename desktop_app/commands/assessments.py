"""Commands on the register and single assessments: demo, list, export-pdf."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app.commands.base import EXIT_OK, Session, assessment_id, warn
from desktop_app.commands.terminal import for_terminal
from desktop_app.domain.codes import Direction, SortKey, Status
from desktop_app.domain.errors import InputError
from desktop_app.domain.language import Language

if TYPE_CHECKING:  # the register's types load when a command runs, not for --help
    from desktop_app.domain.register import RegisterQuery, RegisterRow


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo", parents=[common], help="add realistic example assessments")
    demo.add_argument(
        "--force", action="store_true", help="add the examples even if the database is not empty"
    )
    demo.add_argument(
        "--count",
        type=positive_count,
        metavar="N",
        help="instead of the curated examples, generate N varied assessments (a large register)",
    )
    demo.set_defaults(run=cmd_demo)

    listing = commands.add_parser(
        "list",
        parents=[common],
        help="list assessments (the register), with search and filters",
        description="List the newest revision of every assessment, newest change first. "
        "Filters combine (all must hold).",
    )
    listing.add_argument("--status", choices=[s.value for s in Status])
    listing.add_argument(
        "--search",
        metavar="TEXT",
        help="words anywhere in the assessment (title, case number, descriptions, "
        "justifications, evidence, measures); the last word may be the start of a word",
    )
    listing.add_argument("--unit", metavar="UNIT", help="department or unit (exact name)")
    listing.add_argument("--framework", metavar="ID", help="checklist id, e.g. se-dl or no-ldl")
    listing.add_argument(
        "--decision-type",
        metavar="KEY",
        help="type of decision, e.g. budget_fees or procurement ('' for none chosen)",
    )
    listing.add_argument(
        "--ground", metavar="KEY", help="a ground found relevant, e.g. disability or age"
    )
    listing.add_argument(
        "--impact",
        choices=[d.value for d in Direction],
        help="impact direction of --ground (or of any ground)",
    )
    listing.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD",
                         help="decision date (else creation date) on or after")  # fmt: skip
    listing.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD",
                         help="decision date (else creation date) on or before")  # fmt: skip
    listing.add_argument(
        "--overdue", action="store_true", help="only those with an open measure past its deadline"
    )
    listing.add_argument(
        "--evaluation-due",
        action="store_true",
        help="only approved assessments whose follow-up date has come",
    )
    listing.add_argument("--all-revisions", action="store_true", help="also list earlier revisions")
    listing.add_argument(
        "--sort", choices=[k.value for k in SortKey], default=SortKey.UPDATED.value
    )
    listing.add_argument(
        "--ascending", action="store_true", help="sort ascending (default: descending)"
    )
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    listing.set_defaults(run=cmd_list)

    pdf = commands.add_parser("export-pdf", parents=[common], help="write the PDF summary")
    pdf.add_argument("id", type=assessment_id, help="assessment id (see 'lika list')")
    pdf.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    pdf.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        help="language of the PDF (default: the assessment's)",
    )
    pdf.set_defaults(run=cmd_export_pdf)


def cmd_demo(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app.demo import add_demo

    if args.count is not None:
        return _generate(args.count, session, out)
    existing = session.service.count()
    if existing and not args.force:
        print(
            f"{session.db_shown} already holds {existing} assessments; no demo data added "
            "(use --force to add it anyway)",
            file=sys.stderr,
        )
        return EXIT_OK
    added = add_demo(session.service)
    print(f"Added {len(added)} demo assessments to {session.db_shown}", file=out)
    return EXIT_OK


def _generate(count: int, session: Session, out: TextIO) -> int:
    from desktop_app.app.demo import add_generated
    from desktop_app.progress import NO_PROGRESS, TerminalProgress

    started = time.perf_counter()
    progress = TerminalProgress(sys.stderr, "Generating…") if sys.stderr.isatty() else NO_PROGRESS
    stored = add_generated(session.service, count, progress)
    elapsed = time.perf_counter() - started
    print(f"Generated {stored} assessments in {session.db_shown} ({elapsed:.1f} s)", file=out)
    return EXIT_OK


def positive_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 10_000_000:
        raise argparse.ArgumentTypeError(f"{text!r} must be between 1 and 10000000")
    return value


def iso_date(text: str) -> date:
    """An argparse type for dates, with a message that says what was wrong."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def list_query(args: argparse.Namespace, session: Session, today: date) -> RegisterQuery:
    """The register view that the options describe (the window builds the same)."""
    from desktop_app.domain.register import RegisterQuery

    if args.ground:
        known = {g.key for c in session.content.checklists.checklists.values() for g in c.grounds}
        if args.ground not in known:
            raise InputError(
                f"Unknown ground {args.ground!r}; known grounds: {', '.join(sorted(known))}"
            )
    return RegisterQuery(
        search=args.search or "",
        status=Status(args.status) if args.status else None,
        unit=args.unit or None,
        framework=args.framework or None,
        decision_type=args.decision_type,
        ground=args.ground or None,
        impact=Direction(args.impact) if args.impact else None,
        date_from=args.date_from,
        date_to=args.date_to,
        overdue=args.overdue,
        evaluation_due=args.evaluation_due,
        all_revisions=args.all_revisions,
        sort=SortKey(args.sort),
        descending=not args.ascending,
        today=today,
    )


def cmd_list(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    today = date.today()
    query = list_query(args, session, today)
    rows = session.register_reader().rows(query)
    # The public records' fields (and their file writing) load only for those formats.
    if args.format == "json":
        from desktop_app.app.register_export import write_json

        write_json(rows, out, today, session.service.approval_states())
    elif args.format == "csv":
        from desktop_app.app.register_export import write_csv

        write_csv(rows, out, today)
    else:
        _print_table(list(rows), out)
    return EXIT_OK


def _print_table(summaries: Sequence[RegisterRow], out: TextIO) -> None:
    if not summaries:
        print("No assessments.", file=out)
        return
    rows = [("ID", "STATUS", "UPDATED", "CASE", "TITLE")] + [
        (
            str(s.id),
            s.status.value,
            s.updated.astimezone().strftime("%Y-%m-%d"),
            for_terminal(s.case_number),
            _short(for_terminal(s.title)),
        )
        for s in summaries
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[4]]), file=out)


def _short(title: str) -> str:
    return title if len(title) <= 60 else title[:59] + "…"


def cmd_export_pdf(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    # Here, not at the top: reportlab would slow down every start of the window.
    from desktop_app.app.reporting import export_summary

    language = Language(args.lang) if args.lang else None

    # It only reads: a register that opening would leave as it is is read as it is.
    export_summary(session.reading_service, args.id, Path(args.out), language, warn)
    print(f"Wrote {args.out}", file=out)
    return EXIT_OK
