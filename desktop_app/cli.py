"""The command line: the same program as the window, for IT, scripts and tests.

The contract (command names, ``--db``, ``--format json``, exit codes) is public and
documented in the README: scripts depend on it. Errors are one line on stderr; exit
code 2 means bad input, 1 any other failure, never a traceback for a user mistake.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO

from desktop_app import __version__
from desktop_app.checklists.guide import Content, load_content
from desktop_app.domain.errors import LikaError
from desktop_app.domain.model import AssessmentSummary, Language, Status
from desktop_app.reports.assessment_pdf import SummaryInput, render_summary
from desktop_app.service import AssessmentService, Identity
from desktop_app.storage.repository import AssessmentRepository

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


class Session:
    """What a command needs, opened only when it asks (``--version`` opens nothing)."""

    def __init__(self, db_path: Path | None, default_db: Callable[[], Path]) -> None:
        self._db_path = db_path
        self._default_db = default_db
        self._service: AssessmentService | None = None

    @property
    def db_path(self) -> Path:
        return self._db_path or self._default_db()

    @property
    def content(self) -> Content:
        return self.service.content

    @property
    def service(self) -> AssessmentService:
        if self._service is None:
            content = load_content()
            repository = AssessmentRepository.open(self.db_path)
            self._service = AssessmentService(repository, content, Identity.default())
        return self._service

    @property
    def repository(self) -> AssessmentRepository:
        return self.service.repository

    def close(self) -> None:
        if self._service is not None:
            self._service.repository.close()


# Commands


def cmd_demo(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.demo import load_demo

    existing = session.repository.count()
    if existing and not args.force:
        print(
            f"{session.db_path} already holds {existing} assessments; no demo data added "
            "(use --force to add it anyway)",
            file=sys.stderr,
        )
        return EXIT_OK
    added = load_demo(session.repository, session.content)
    print(f"Added {len(added)} demo assessments to {session.db_path}", file=out)
    return EXIT_OK


LIST_FIELDS = (
    "id",
    "title",
    "case_number",
    "status",
    "updated",
    "unit",
    "organisation",
    "decision_body",
    "revision",
    "author",
    "language",
    "framework",
    "outcome",
    "created",
    "uid",
)


def _summary_record(s: AssessmentSummary) -> dict[str, object]:
    return {
        "id": s.id,
        "title": s.title,
        "case_number": s.case_number,
        "status": s.status.value,
        "updated": s.updated.isoformat(),
        "unit": s.unit,
        "organisation": s.organisation,
        "decision_body": s.decision_body,
        "revision": s.revision,
        "author": s.author,
        "language": s.language.value,
        "framework": s.framework_id,
        "outcome": s.outcome.value if s.outcome else None,
        "created": s.created.isoformat(),
        "uid": s.uid,
    }


def cmd_list(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    summaries = session.repository.list_summaries(
        status=Status(args.status) if args.status else None, search=args.search or ""
    )
    records = [_summary_record(s) for s in summaries]
    if args.format == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=LIST_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    else:
        _print_table(summaries, out)
    return EXIT_OK


def _print_table(summaries: Sequence[AssessmentSummary], out: TextIO) -> None:
    if not summaries:
        print("No assessments.", file=out)
        return
    rows = [("ID", "STATUS", "UPDATED", "CASE", "TITLE")] + [
        (
            str(s.id),
            s.status.value,
            s.updated.astimezone().strftime("%Y-%m-%d"),
            s.case_number,
            s.title if len(s.title) <= 60 else s.title[:59] + "…",
        )
        for s in summaries
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print(
            "  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[4]]), file=out
        )


def cmd_export_pdf(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = session.service
    assessment = service.repository.get(args.id)
    render_summary(
        SummaryInput(
            assessment=assessment,
            checklists=service.checklists_for(assessment),
            vocabulary=service.content.vocabulary,
            history=service.repository.status_history(args.id),
            generated=date.today(),
            language=Language(args.lang) if args.lang else assessment.language,
        ),
        Path(args.out),
    )
    print(f"Wrote {args.out}", file=out)
    return EXIT_OK


# Parser


def _assessment_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an assessment id (a number)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an assessment id (a number)")
    return value


def build_parser() -> argparse.ArgumentParser:
    db = _Parser(add_help=False)
    db.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="the database file (default: lika.db in your data folder)",
    )
    parser = _Parser(
        prog="lika",
        parents=[db],
        description="Equality impact assessments of draft decisions. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"lika {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", parents=[db], help="add realistic example assessments")
    demo.add_argument(
        "--force", action="store_true", help="add the examples even if the database is not empty"
    )
    demo.set_defaults(run=cmd_demo)

    listing = commands.add_parser("list", parents=[db], help="list assessments")
    listing.add_argument("--status", choices=[s.value for s in Status])
    listing.add_argument("--search", metavar="TEXT", help="words in the title or case number")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    listing.set_defaults(run=cmd_list)

    pdf = commands.add_parser("export-pdf", parents=[db], help="write the PDF summary")
    pdf.add_argument("id", type=_assessment_id, help="assessment id (see 'lika list')")
    pdf.add_argument("--out", required=True, metavar="FILE", help="the PDF file to write")
    pdf.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        help="language of the PDF (default: the assessment's)",
    )
    pdf.set_defaults(run=cmd_export_pdf)
    return parser


def main(
    argv: Sequence[str],
    *,
    default_db: Callable[[], Path],
    open_window: Callable[[Path | None], int],
    out: TextIO | None = None,
) -> int:
    """Run one command and return its exit code; with no command, open the window."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        return open_window(args.db)
    out = out or sys.stdout
    session = Session(args.db, default_db)
    try:
        return int(args.run(args, session, out))
    except LikaError as error:
        print(f"lika: {error}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:
        # The reader went away (e.g. `lika list | head`); not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("LIKA_DEBUG"):
            raise
        print(
            f"lika: internal error: {type(error).__name__}: {error} "
            "(run with LIKA_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    finally:
        session.close()
