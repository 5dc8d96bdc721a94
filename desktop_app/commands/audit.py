"""The audit trail and fingerprints on the command line: history, fingerprint, verify.

``lika verify ID --fingerprint X`` is for a reader holding a printout: exit 0 when X
is the fingerprint the revision was approved with, 1 when it is not (or the revision
was never approved), 2 for bad input. ``lika verify FILE.pdf`` does the same for a PDF
Lika wrote: the assessment it carries is found in the register by its uid, and the
fingerprint of that carried content is checked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop_app.app import transfer
from desktop_app.commands.base import (
    EXIT_FAILURE,
    EXIT_OK,
    Session,
    assessment_id,
    dump_json,
    format_option,
)
from desktop_app.domain.audit import AuditEntry
from desktop_app.domain.errors import InputError
from desktop_app.domain.fingerprint import fingerprint


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    history = commands.add_parser(
        "history", parents=[common], help="what happened to an assessment (the audit log)"
    )
    history.add_argument("id", type=assessment_id, help="assessment id (see 'lika list')")
    format_option(history)
    history.set_defaults(run=cmd_history)

    show = commands.add_parser(
        "fingerprint", parents=[common], help="the fingerprint of an assessment's content"
    )
    show.add_argument("id", type=assessment_id, help="assessment id (see 'lika list')")
    format_option(show)
    show.set_defaults(run=cmd_fingerprint)

    verify = commands.add_parser(
        "verify",
        parents=[common],
        help="check a printout's fingerprint against the approved revision",
        description="Exit code 0: the fingerprint is the one this revision was approved "
        "with; 1: it is not, or the revision is not approved (or its approval recorded no "
        "fingerprint); 2: bad input.",
    )
    verify.add_argument(
        "id",
        type=id_or_pdf,
        metavar="ID|FILE.pdf",
        help="assessment id (see 'lika list'), or a PDF exported by Lika",
    )
    verify.add_argument(
        "--fingerprint", metavar="X", help="as printed, e.g. 3f2a-9c1b-77d0 (needed with an ID)"
    )
    verify.set_defaults(run=cmd_verify)


def entry_record(e: AuditEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "at": e.at.isoformat(),
        "actor": e.actor,
        "os_user": e.os_user,
        "assessment_id": e.assessment_id,
        "assessment_uid": e.assessment_uid,
        "revision": e.revision,
        "action": e.action.value,
        "summary": e.summary,
        "changes": [{"path": list(c.path), "old": c.old, "new": c.new} for c in e.changes],
        "prev_hash": e.prev_hash,
        "hash": e.hash,
    }


def cmd_history(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    entries = session.service.review.history(args.id)
    if args.format == "json":
        dump_json([entry_record(e) for e in entries], out)
        return EXIT_OK
    for e in entries:
        when = e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        who = e.actor if e.actor == e.os_user else f"{e.actor} ({e.os_user})"
        print(f"{when}  {who}  {e.action.value}  {e.summary}", file=out)
        for c in e.changes:
            print(f"    {'.'.join(c.path)}: {c.old!r} -> {c.new!r}", file=out)
    return EXIT_OK


def cmd_fingerprint(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = session.service
    a = service.get(args.id)
    current = fingerprint(a)
    record = service.review.approval(a)
    if args.format == "json":
        dump_json(
            {
                "id": a.id,
                "revision": a.revision,
                "status": a.status.value,
                "fingerprint": current,
                "approved_fingerprint": record.fingerprint if record else None,
                "approved_by": record.approver if record else None,
                "approved_at": record.at.isoformat() if record else None,
                "self_approved": record.self_approved if record else None,
            },
            out,
        )
        return EXIT_OK
    print(current, file=out)
    if record is not None and not record.fingerprint:  # an approval from an old register
        print(
            f"lika: warning: assessment {a.id} is approved, but its approval recorded no "
            "fingerprint, so nothing shows whether this is the content that was approved",
            file=sys.stderr,
        )
    elif record is not None and record.fingerprint != current:
        print(
            f"lika: warning: assessment {a.id} was approved with fingerprint "
            f"{record.fingerprint}, but what the register holds now has {current}",
            file=sys.stderr,
        )
    return EXIT_OK


def id_or_pdf(text: str) -> int | Path:
    """An assessment id, or the path of a PDF (anything ending in .pdf)."""
    if text.lower().endswith(".pdf"):
        return Path(text)
    return assessment_id(text)


def cmd_verify(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = session.service
    if isinstance(args.id, Path):
        if args.fingerprint is not None:
            raise InputError("--fingerprint is for an assessment id; a PDF carries its own")
        assessment = transfer.read_file(lambda: session.content, args.id).assessment
        found = service.find_uid(assessment.uid)
        if found is None:
            print(f"Not verified: the assessment in {args.id} is not in this register.", file=out)
            return EXIT_FAILURE
        args.id, args.fingerprint = found.id, fingerprint(assessment)
    elif args.fingerprint is None:
        raise InputError("give --fingerprint X with an assessment id (or verify a PDF)")
    check = service.review.verify_fingerprint(args.id, args.fingerprint)
    name = f"assessment {args.id} (revision {check.revision})"
    record = check.approval
    if record is None:
        print(
            f"Not verified: {name} is not approved. Its content now has fingerprint "
            f"{check.current}.",
            file=out,
        )
        return EXIT_FAILURE
    when = record.at.astimezone().strftime("%Y-%m-%d %H:%M")
    if not check.approved:
        print(
            f"Not verified: {name} was approved by {record.approver} on {when}, but the "
            "approval recorded no fingerprint, so no printout can be checked against it. "
            f"Its content now has fingerprint {check.current}.",
            file=out,
        )
        return EXIT_FAILURE
    if check.matches:
        print(
            f"Matches: {check.given} is the fingerprint {name} was approved with by "
            f"{record.approver} on {when}.",
            file=out,
        )
        if check.current != check.approved:
            print(
                f"lika: warning: the register's content of {name} no longer has that "
                f"fingerprint ({check.current}); it was changed after the approval",
                file=sys.stderr,
            )
            return EXIT_FAILURE
        return EXIT_OK
    print(
        f"Does not match: {name} was approved with fingerprint {check.approved}, "
        f"not {check.given}.",
        file=out,
    )
    return EXIT_FAILURE
