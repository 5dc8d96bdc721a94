"""``lika summary``: the memo text of one assessment, for pasting into the decision memo."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from desktop_app.commands.base import EXIT_OK, Session, assessment_id
from desktop_app.domain.memo import memo_text
from desktop_app.domain.model import Language


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
    summary.set_defaults(run=cmd_summary)


def cmd_summary(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = session.service
    assessment = service.get(args.id)
    language = Language(args.lang) if args.lang else assessment.language
    text = memo_text(
        assessment, service.checklists_for(assessment), service.content.vocabulary, language
    )
    print(text, file=out)
    return EXIT_OK
