"""``lika summary``: the memo text of one assessment, for pasting into the decision memo,
or with ``--out FILE.docx`` the same section as a Word document with both tables."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from desktop_app.commands.base import EXIT_OK, Session, assessment_id
from desktop_app.commands.terminal import lines_for_terminal
from desktop_app.domain.language import Language


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    summary = commands.add_parser(
        "summary",
        parents=[common],
        help="print the memo text (the decision memo's section on equality)",
    )
    summary.add_argument("id", type=assessment_id, help="assessment id (see 'lika list')")
    summary.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        help="language of the text (default: the assessment's)",
    )
    summary.add_argument(
        "--out",
        type=Path,
        metavar="FILE.docx",
        help="write the memo section as a Word document (with the impact and measures tables)",
    )
    summary.set_defaults(run=cmd_summary)


def cmd_summary(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.domain.memo import memo_text

    service = session.service
    assessment = service.get(args.id)
    language = Language(args.lang) if args.lang else assessment.language
    if args.out is not None:
        from desktop_app.app import memo_export  # the Word writer loads only for --out

        memo_export.write_memo(memo_export.memo_for(service, assessment, language), args.out)
        print(f"Wrote {args.out}", file=out)
        return EXIT_OK
    text = memo_text(
        assessment, service.checklists_for(assessment), service.content.vocabulary, language
    )
    print(lines_for_terminal(text, indent=""), file=out)  # its lines, for pasting
    return EXIT_OK
