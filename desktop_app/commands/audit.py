"""The audit trail and fingerprints on the command line: history, fingerprint, verify.

``lika verify ID --fingerprint X`` is for a reader holding a printout: exit 0 only when
X is the printed (or full) fingerprint the revision was approved with, by an approval
this register witnessed or verified, whose record agrees with the audit log and whose
content is unchanged; 1 otherwise (the words say which); 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app.commands.base import (
    EXIT_FAILURE,
    EXIT_OK,
    Session,
    assessment_id,
    dump_json,
    format_option,
)
from desktop_app.commands.terminal import for_terminal
from desktop_app.domain.codes import Status, Trust
from desktop_app.domain.errors import InputError

if TYPE_CHECKING:  # the audit and review model load when a command runs, not for --help
    from desktop_app.domain.audit import AuditEntry
    from desktop_app.domain.review import ApprovalRecord, FingerprintCheck


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
        "with, by an approval this register witnessed or verified, and the content still "
        "has it; 1: anything else (not approved, an unverified approval, the older 48-bit "
        "form, which is no proof, a changed content or approval record); 2: bad input.",
    )
    verify.add_argument(
        "id",
        type=id_or_pdf,
        metavar="ID|FILE.pdf",
        help="assessment id (see 'lika list'), or a PDF exported by Lika",
    )
    verify.add_argument(
        "--fingerprint",
        metavar="X",
        help="as printed, e.g. 5NRH-CGNQ-4TR4-80B2-FJMZ-QB1J-YQ45 (needed with an ID)",
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
        print(f"{when}  {for_terminal(who)}  {e.action.value}  {for_terminal(e.summary)}", file=out)
        for c in e.changes:  # repr shows control characters as escapes too
            print(f"    {for_terminal('.'.join(c.path))}: {c.old!r} -> {c.new!r}", file=out)
    return EXIT_OK


def cmd_fingerprint(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.domain.fingerprint import content_digest, fingerprint, matches_content

    service = session.service
    a = service.get(args.id)
    current = fingerprint(a)
    record = service.review.approval(a) if a.status is Status.APPROVED else None
    claim = service.review.claimed_approval(a)
    if args.format == "json":
        dump_json(
            {
                "id": a.id,
                "revision": a.revision,
                "status": a.status.value,
                "fingerprint": current,
                "content_sha256": content_digest(a),
                "approved_fingerprint": record.printed if record else None,
                "approved_fingerprint_form": (
                    None if record is None else "48-bit (older)" if record.legacy else "full"
                ),
                "approved_by": record.approver if record else None,
                "approved_by_role": record.approver_role if record else None,
                "approved_at": record.at.isoformat() if record else None,
                "approval": record.trust.value if record else None,
                "self_approved": record.self_approved if record else None,
                "unverified_claim": (
                    {"by": claim.approver, "at": claim.at.isoformat()} if claim else None
                ),
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
    elif record is not None and not matches_content(record.fingerprint, a):
        print(
            f"lika: warning: assessment {a.id} was approved with fingerprint "
            f"{for_terminal(record.printed)}, but what the register holds now has {current}",
            file=sys.stderr,
        )
    elif record is not None and record.legacy:
        print(
            f"lika: note: assessment {a.id} was approved with the older, weaker 48-bit "
            f"fingerprint {for_terminal(record.printed)}",
            file=sys.stderr,
        )
    if claim is not None:
        print(f"lika: note: {for_terminal(_claim_text(claim))}", file=sys.stderr)
    return EXIT_OK


def _when(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def _claim_text(claim: ApprovalRecord) -> str:
    return (
        f"an exchange file claimed an approval by {claim.approver} on {_when(claim.at)}; "
        "it is unverified (no signature by a key this register trusts), so it approves nothing"
    )


def id_or_pdf(text: str) -> int | Path:
    """An assessment id, or the path of a PDF (anything ending in .pdf)."""
    if text.lower().endswith(".pdf"):
        return Path(text)
    return assessment_id(text)


def cmd_verify(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    """One verdict, in words and in the exit code: 0 only for ``Verdict.MATCH``.

    A PDF is verified by the full fingerprint of the content it carries, found in the
    register by its uid."""
    from desktop_app.domain.fingerprint import content_digest

    service = session.service
    if isinstance(args.id, Path):
        if args.fingerprint is not None:
            raise InputError("--fingerprint is for an assessment id; a PDF carries its own")
        from desktop_app.app import transfer

        assessment = transfer.read_file(lambda: session.content, args.id).assessment
        found = service.find_uid(assessment.uid)
        if found is None:
            where = for_terminal(str(args.id))
            print(f"Not verified: the assessment in {where} is not in this register.", file=out)
            return EXIT_FAILURE
        args.id, args.fingerprint = found.id, content_digest(assessment)
    elif args.fingerprint is None:
        raise InputError("give --fingerprint X with an assessment id (or verify a PDF)")
    check = service.review.verify_fingerprint(args.id, args.fingerprint)
    verdict = verdict_text(check, f"assessment {args.id} (revision {check.revision})")
    print(for_terminal(verdict), file=out)  # it names the approver
    return EXIT_OK if check.matches else EXIT_FAILURE


def verdict_text(check: FingerprintCheck, name: str) -> str:
    from desktop_app.domain.review import Verdict

    record = check.approval
    if check.verdict is Verdict.NOT_APPROVED or record is None:
        text = f"Not verified: {name} is not approved."
        if check.claim is not None:
            text += f" Note: {_claim_text(check.claim)}."
        return f"{text} Its content now has fingerprint {check.current}."
    by = f"by {record.signed_by} on {_when(record.at)}"
    if check.verdict is Verdict.TAMPERED:
        return (
            f"Not verified: the approval record of {name} was changed outside Lika "
            f"({check.problems[0]}); run lika check."
        )
    if check.verdict is Verdict.NO_FINGERPRINT:
        return (
            f"Not verified: {name} was approved {by}, but the approval recorded no "
            "fingerprint, so no printout can be checked against it. "
            f"Its content now has fingerprint {check.current}."
        )
    if check.verdict is Verdict.TOO_SHORT:
        if check.weak_match:
            return (
                f"Not verified: {check.given} is the older, 48-bit form of the fingerprint "
                f"{name} was approved with {by}. 48 bits are too few to prove the content "
                "(another text with the same value can be found in minutes): compare the "
                "printout with the register's content instead."
            )
        return f"Does not match: {check.given} (a 48-bit form) is not that of {name}."
    if check.verdict is Verdict.CONTENT_CHANGED:
        return (
            f"Not verified: {check.given} is the fingerprint {name} was approved with {by}, "
            f"but the register's content no longer has it ({check.current}): it was changed "
            "after the approval; run lika check."
        )
    if check.verdict is Verdict.MATCH:
        how = " (signed by a trusted key)" if record.trust is Trust.SIGNED else ""
        return f"Matches: {check.given} is the fingerprint {name} was approved with {by}{how}."
    if record.legacy:
        return (
            f"Does not match: {name} was approved {by} with the older, weaker 48-bit "
            f"fingerprint {record.printed}, not {check.given}."
        )
    return (
        f"Does not match: {name} was approved with fingerprint {record.printed}, not {check.given}."
    )
