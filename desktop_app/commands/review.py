"""Review and sign-off commands: submit, approve, return, comment, comments, address,
new-revision, revisions and compare.

The commands that change something take ``--as NAME``, the display name recorded as
the one who did it (default: the operating-system user, which is recorded too).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app.commands.base import (
    EXIT_OK,
    Session,
    acting_identity,
    assessment_id,
    dump_json,
    format_option,
    identity_option,
)
from desktop_app.commands.terminal import for_terminal, lines_for_terminal
from desktop_app.domain.errors import InputError

if TYPE_CHECKING:  # the service loads when a command runs, not for --help
    from desktop_app.app.service import AssessmentService
    from desktop_app.domain.review import ReviewComment


def acting_service(args: argparse.Namespace, session: Session) -> AssessmentService:
    """The session's service, acting as ``--as NAME`` if given."""
    identity = acting_identity(args)  # a bad --as is refused before the register opens
    if args.as_name is not None and session.on_server:
        raise InputError(
            "--as names who acts in a register file; on a server register the login the "
            "server authenticated acts, and the audit log names it"
        )
    service = session.service
    if args.as_name is not None:
        service.identity = identity
    return service


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    def command(name: str, help_text: str, run: Any, *, acts: bool = False) -> Any:
        parser = commands.add_parser(name, parents=[common], help=help_text)
        parser.add_argument("id", type=assessment_id, help="assessment id (see 'lika list')")
        if acts:
            identity_option(parser)
        parser.set_defaults(run=run)
        return parser

    submit = command("submit", "send an assessment to review", cmd_submit, acts=True)
    submit.add_argument("--comment", default="", metavar="TEXT", help="a note for the reviewer")
    approve = command("approve", "approve an assessment in review", cmd_approve, acts=True)
    approve.add_argument("--comment", default="", metavar="TEXT")
    returned = command(
        "return", "return an assessment in review to its author", cmd_return, acts=True
    )
    returned.add_argument("--comment", required=True, metavar="TEXT", help="what to change")
    comment = command(
        "comment", "comment on a step, ground or measure (in review)", cmd_comment, acts=True
    )
    comment.add_argument(
        "--on",
        required=True,
        metavar="TARGET",
        help="step:decision|grounds|measures|conclusion, ground:KEY or measure:UID",
    )
    comment.add_argument("text", help="the comment")
    format_option(command("comments", "list the review comments", cmd_comments))
    address = command(
        "address", "mark a review comment addressed (after a return)", cmd_address, acts=True
    )
    address.add_argument("comment_id", type=int, metavar="COMMENT_ID")
    address.add_argument("--reply", default="", metavar="TEXT", help="what was done about it")
    command(
        "new-revision",
        "start a new revision (a draft) of an approved assessment",
        cmd_new_revision,
        acts=True,
    )
    format_option(command("revisions", "list every revision of the decision", cmd_revisions))
    compare = command("compare", "show what differs between two revisions", cmd_compare)
    compare.add_argument("other", type=assessment_id, metavar="ID2")
    compare.add_argument("--all", action="store_true", help="also list unchanged fields")
    format_option(compare)


# Status changes


def cmd_submit(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = acting_service(args, session)
    a = service.get(args.id)
    service.review.submit(a, args.comment)
    print(f"Assessment {a.id} is in review", file=out)
    return EXIT_OK


def cmd_approve(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = acting_service(args, session)
    a = service.get(args.id)
    change = service.review.approve(a, args.comment)
    record = service.review.approval(a)
    note = (
        " (self-approved: the approver wrote or submitted it)"
        if record and record.self_approved
        else ""
    )
    print(f"Assessment {a.id} is approved, fingerprint {change.fingerprint}{note}", file=out)
    unsigned = service.review.unsigned_reason(change)
    if unsigned:
        print(
            f"lika: warning: this approval could not be signed ({for_terminal(unsigned)}); it "
            "stands in this register, but a copy in an exchange file will arrive unverified",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_return(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    if not args.comment.strip():
        raise InputError("Say what to change: --comment needs some text")
    service = acting_service(args, session)
    a = service.get(args.id)
    service.review.return_for_changes(a, args.comment.strip())
    print(f"Assessment {a.id} is returned to its author", file=out)
    return EXIT_OK


# Comments


def cmd_comment(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.domain.review import CommentTarget

    target = CommentTarget.parse(args.on)
    service = acting_service(args, session)
    made = service.review.add_comment(service.get(args.id), target, args.text)
    print(f"Comment {made.id} added on {made.target}", file=out)
    return EXIT_OK


def comment_record(c: ReviewComment) -> dict[str, Any]:
    return {
        "id": c.id,
        "assessment_id": c.assessment_id,
        "target": str(c.target),
        "text": c.text,
        "author": c.author,
        "os_user": c.os_user,
        "created": c.created.isoformat(),
        "addressed": c.addressed,
        "addressed_at": c.addressed_at.isoformat() if c.addressed_at else None,
        "addressed_by": c.addressed_by,
        "reply": c.reply,
    }


def cmd_comments(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = session.service
    service.get(args.id)  # an unknown id is an error, not an empty list
    comments = service.review.comments(args.id)
    if args.format == "json":
        dump_json([comment_record(c) for c in comments], out)
        return EXIT_OK
    if not comments:
        print("No review comments.", file=out)
    for c in comments:
        state = f"addressed by {for_terminal(c.addressed_by)}" if c.addressed else "open"
        when = c.created.astimezone().strftime("%Y-%m-%d %H:%M")
        head = f"#{c.id}  {for_terminal(str(c.target))}  {for_terminal(c.author)}, {when}"
        print(f"{head}  [{state}]", file=out)
        print(f"    {lines_for_terminal(c.text)}", file=out)
        if c.reply:
            print(f"    reply: {lines_for_terminal(c.reply)}", file=out)
    return EXIT_OK


def cmd_address(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = acting_service(args, session)
    service.get(args.id)
    if service.review.comment(args.comment_id).assessment_id != args.id:
        raise InputError(f"Comment {args.comment_id} is not on assessment {args.id}")
    service.review.address_comment(args.comment_id, args.reply)
    print(f"Comment {args.comment_id} is addressed", file=out)
    return EXIT_OK


# Revisions


def cmd_new_revision(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = acting_service(args, session)
    made = service.review.new_revision(service.get(args.id))
    print(f"Started revision {made.revision} as assessment {made.id} (a draft)", file=out)
    return EXIT_OK


def cmd_revisions(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    service = session.service
    a = service.get(args.id)
    found = service.review.revisions(a.series_uid)
    if args.format == "json":
        dump_json(
            [
                {
                    "id": s.id,
                    "uid": s.uid,
                    "revision": s.revision,
                    "status": s.status.value,
                    "title": s.title,
                    "case_number": s.case_number,
                    "updated": s.updated.isoformat(),
                }
                for s in found
            ],
            out,
        )
        return EXIT_OK
    for s in found:
        mark = "*" if s.id == a.id else " "
        when = s.updated.astimezone().strftime("%Y-%m-%d")
        print(
            f"{mark} {s.id:>6}  rev {s.revision:<3} {s.status.value:<10} {when}  "
            + for_terminal(s.title),
            file=out,
        )
    return EXIT_OK


def cmd_compare(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    rows = session.service.review.compare(args.id, args.other)
    if args.format == "json":
        dump_json(
            {
                "left": args.id,
                "right": args.other,
                "rows": [
                    {"section": r.section, "path": list(r.path), "left": r.left,
                     "right": r.right, "changed": r.changed}
                    for r in rows
                ],
            },
            out,
        )  # fmt: skip
        return EXIT_OK
    shown = rows if args.all else [r for r in rows if r.changed]
    if not shown:
        print(f"Assessments {args.id} and {args.other} say the same.", file=out)
    for r in shown:
        mark = "≠" if r.changed else " "
        print(f"{mark} {for_terminal('.'.join(r.path))}", file=out)
        print(f"    {args.id}: {lines_for_terminal(str(r.left), '        ')}", file=out)
        print(f"    {args.other}: {lines_for_terminal(str(r.right), '        ')}", file=out)
    return EXIT_OK
