"""Commands that keep the register safe and move assessments between registers:
backup, restore, check, export and import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from desktop_app.commands.base import (
    EXIT_FAILURE,
    EXIT_OK,
    Session,
    acting_identity,
    assessment_id,
    dump_json,
    identity_option,
)
from desktop_app.commands.terminal import for_terminal
from desktop_app.domain.errors import InputError


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    make = commands.add_parser(
        "backup",
        parents=[common],
        help="back up the database (checked with PRAGMA integrity_check)",
        description="Copy the database with SQLite's backup API, safe while Lika is running. "
        "Without --out the copy goes to the backup folder next to the database. With --db "
        "postgresql://… (a server register), --out FILE writes a portable register file, "
        "its audit chain checked; the server itself is backed up with pg_dump.",
    )
    make.add_argument("--out", type=Path, metavar="FILE", help="where to write the backup")
    make.set_defaults(run=cmd_backup)

    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="replace the database with a backup",
        description="Replace the database with a backup. The replaced database is kept in "
        "the backup folder. The restore is recorded in the restored database's audit log, "
        "with the number of entries and the newest entry's hash of the log it replaced.",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    restore.add_argument(
        "--force", action="store_true", help="replace an existing database (it is kept)"
    )
    identity_option(restore)
    restore.set_defaults(run=cmd_restore)

    check = commands.add_parser(
        "check",
        parents=[common],
        help="check the database for damage (exit code 1 if something is wrong)",
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--against",
        type=Path,
        metavar="BACKUP_OR_PDF",
        help="also check that the register's history still holds what this older copy "
        "(a backup, a PDF or an exchange file) saw",
    )
    check.set_defaults(run=cmd_check)

    export = commands.add_parser(
        "export", parents=[common], help="write one assessment to an exchange file (JSON)"
    )
    export.add_argument("id", type=assessment_id, help="assessment id (see 'lika list')")
    export.add_argument(
        "--out", required=True, metavar="FILE.json", help="the file to write ('-' for stdout)"
    )
    export.set_defaults(run=cmd_export)

    load = commands.add_parser(
        "import",
        parents=[common],
        help="add an assessment from an exchange file (JSON) or a PDF exported by Lika",
    )
    load.add_argument(
        "file",
        type=Path,
        metavar="FILE.json",
        help="a file from 'lika export', or a PDF from 'lika export-pdf' (it carries the data)",
    )
    mode = load.add_mutually_exclusive_group()
    mode.add_argument(
        "--as-new",
        dest="mode",
        action="store_const",
        const="as_new",
        help="if the assessment is already in the register, add a copy beside it",
    )
    mode.add_argument(
        "--replace",
        dest="mode",
        action="store_const",
        const="replace",
        help="if the assessment is already in the register, overwrite it",
    )
    load.set_defaults(run=cmd_import, mode="new")


def cmd_backup(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app.backups import Reason, backups

    if session.on_server:
        from desktop_app.commands.server_copy import backup_to_file

        if args.out is None:
            raise InputError(
                "A server register is backed up with --out FILE (a portable register file); "
                "the server itself with pg_dump (docs/it-deployment.md)"
            )
        return backup_to_file(str(session.db_path), args.out, out)
    db_path = session.db_file("lika backup")
    if not db_path.is_file():
        raise InputError(f"No database at {db_path}")
    session.check_before_writing()  # a backup of an emptied register is no backup
    if args.out is None:
        info = backups(db_path).make(Reason.MANUAL)
        assert info is not None  # manual backups are always kept
        target = info.path
    else:
        target = args.out
        if target.exists() and target.resolve() == db_path.resolve():
            raise InputError(f"{target} is the database itself; choose another file")
        if not target.parent.is_dir():
            raise InputError(f"Cannot write {target}: the folder does not exist")
        backups(db_path).write_copy(target)
    print(f"Backed up {db_path} to {target} (integrity check: ok)", file=out)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app.backups import backups

    db_path = session.db_file("lika restore")
    actor = acting_identity(args)
    kept = backups(db_path).restore(args.file, actor=actor, force=args.force)
    print(f"Restored {db_path} from {args.file}", file=out)
    if kept is not None:
        print(f"The database it replaced is kept as {kept}", file=out)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app.backups import Outcome, run_checks

    results = run_checks(session.db_path, against=args.against)
    failed = any(r.outcome is Outcome.PROBLEM for r in results)
    if args.format == "json":
        record = {
            "database": session.db_shown,
            "ok": not failed,
            "checks": [
                {"name": r.name, "outcome": r.outcome.value, "message": r.message} for r in results
            ],
        }
        dump_json(record, out)
    else:
        print(f"{session.db_shown}:", file=out)
        width = max(len(r.name) for r in results)
        for result in results:
            message = for_terminal(result.message)
            print(f"  {result.outcome.value:<8} {result.name:<{width}}  {message}", file=out)
        print("Something is wrong." if failed else "No problems found.", file=out)
    return EXIT_FAILURE if failed else EXIT_OK


def cmd_export(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app import transfer

    document = session.service.transfer.export_document(args.id)
    if args.out == "-":
        out.write(transfer.dumps(document))
        return EXIT_OK
    target = Path(args.out)
    if not target.parent.is_dir():
        raise InputError(f"Cannot write {target}: the folder does not exist")
    transfer.write_file(document, target)
    print(f"Wrote {target}", file=out)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app import transfer
    from desktop_app.app.errors import AlreadyExistsError

    # The file is read and checked before the database is even opened.
    document = transfer.read_file(lambda: session.content, args.file)
    try:
        stored = session.service.transfer.import_document(document, transfer.ImportMode(args.mode))
    except AlreadyExistsError as error:
        raise AlreadyExistsError(
            f"{error}; use --as-new to add a copy or --replace to overwrite it"
        ) from None
    title = stored.decision.title or "(untitled)"
    verb = "Replaced" if args.mode == transfer.ImportMode.REPLACE else "Imported"
    print(f"{verb} assessment {stored.id}: {for_terminal(title)}", file=out)
    if document.signed_by:
        said = document.signed_by.removeprefix("; ")
        print(for_terminal(said[:1].upper() + said[1:] + "."), file=out)
    for note in document.notes:
        print(f"lika: warning: {for_terminal(note)}", file=sys.stderr)
    return EXIT_OK
