"""Commands on the register and single assessments: demo, list, export-pdf."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from desktop_app.commands.base import EXIT_OK, Session, assessment_id
from desktop_app.domain.model import AssessmentSummary, Language, Status
from desktop_app.reports.assessment_pdf import SummaryInput, render_summary


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo", parents=[common], help="add realistic example assessments")
    demo.add_argument(
        "--force", action="store_true", help="add the examples even if the database is not empty"
    )
    demo.set_defaults(run=cmd_demo)

    listing = commands.add_parser("list", parents=[common], help="list assessments")
    listing.add_argument("--status", choices=[s.value for s in Status])
    listing.add_argument("--search", metavar="TEXT", help="words in the title or case number")
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
    "id", "title", "case_number", "status", "updated", "unit", "organisation", "decision_body",
    "revision", "author", "language", "framework", "outcome", "created", "uid",
)  # fmt: skip


def summary_record(s: AssessmentSummary) -> dict[str, object]:
    """One register row as the public JSON/CSV record (see the README)."""
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
    records = [summary_record(s) for s in summaries]
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
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[4]]), file=out)


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
