"""``lika migrate``: a register file moved onto a PostgreSQL server, and the server
half of ``lika backup`` (a portable SQLite copy of a server register), issue 20."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app.commands.base import EXIT_FAILURE, EXIT_OK, Session, dump_json
from desktop_app.commands.terminal import for_terminal

if TYPE_CHECKING:
    from desktop_app.app.server_copy import BackupReport, CopyReport


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    move = commands.add_parser(
        "migrate",
        parents=[common],
        help="copy the register (--db) onto a PostgreSQL server, with its whole history",
        description="Copies the register file named by --db onto the Lika register in a "
        "PostgreSQL database (created with lika server-schema), as a login that IT made an "
        "administrator (lika_admin). Into an empty server register every row and audit "
        "entry is copied as it is, so the audit chain continues there; with --merge, a "
        "file is merged into a register that already holds assessments: each assessment "
        "once, conflicts named, an import entry per merged assessment. The audit chain "
        "is checked on both sides and the rows counted per table (exit code 1 if a chain "
        "is broken or an assessment is in conflict).",
    )
    move.add_argument(
        "--to", required=True, metavar="postgresql://…", help="the server register (libpq URL)"
    )
    move.add_argument(
        "--merge",
        action="store_true",
        help="merge into a server register that already holds assessments",
    )
    move.add_argument(
        "--owner",
        metavar="LOGIN",
        default="",
        help="the server login that owns the copied assessments (default: yours)",
    )
    move.add_argument("--format", choices=("text", "json"), default="text")
    move.set_defaults(run=cmd_migrate)


def cmd_migrate(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app.server_copy import migrate

    source = session.db_file("lika migrate (its --db is the register file to copy)")
    report = migrate(source, args.to, merge=args.merge, owner=args.owner)
    if args.format == "json":
        dump_json(_copy_record(report), out)
    else:
        _print_copy(report, out)
    return EXIT_OK if report.ok else EXIT_FAILURE


def backup_to_file(url: str, target: Path, out: TextIO) -> int:
    """``lika backup --out FILE`` with ``--db postgresql://…``."""
    from desktop_app.app.server_copy import backup_server

    report = backup_server(url, target)
    _print_backup(report, out)
    return EXIT_OK


def _chain(report: Any) -> dict[str, Any]:
    return {"ok": report.ok, "entries": report.checked, "problem": report.problem}


def _copy_record(report: CopyReport) -> dict[str, Any]:
    return {
        "source": report.source,
        "target": report.target,
        "mode": report.mode,
        "ok": report.ok,
        "source_chain": _chain(report.source_chain),
        "target_chain": _chain(report.target_chain),
        "tables": {
            c.table: {"source": c.source, "copied": c.copied, "target": c.target}
            for c in report.counts
        },
        "already_there": report.already_there,
        "conflicts": [{"uid": u, "reason": r} for u, r in report.conflicts.items()],
    }


def _print_copy(report: CopyReport, out: TextIO) -> None:
    how = "Copied" if report.mode == "verbatim" else "Merged"
    print(f"{how} {for_terminal(report.source)} onto {for_terminal(report.target)}", file=out)
    print(f"  {'table':<20} {'file':>8} {'copied':>8} {'server':>8}", file=out)
    for c in report.counts:
        print(f"  {c.table:<20} {c.source:>8} {c.copied:>8} {c.target:>8}", file=out)
    for side, chain in (("file", report.source_chain), ("server", report.target_chain)):
        state = f"ok, {chain.checked} entries" if chain.ok else f"BROKEN: {chain.problem}"
        print(f"Audit chain of the {side}: {for_terminal(state)}", file=out)
    if report.already_there:
        print(f"Already on the server, left as they are: {len(report.already_there)}", file=out)
    for uid, reason in report.conflicts.items():
        print(f"Conflict, not copied: {uid}: {for_terminal(reason)}", file=out)


def _print_backup(report: BackupReport, out: TextIO) -> None:
    print(f"Backed up {for_terminal(report.source)} to {report.target}", file=out)
    for c in report.counts:
        print(f"  {c.table:<20} {c.target:>8}", file=out)
    print(
        f"Audit chain: ok on the server and in the copy ({report.file_chain.checked} entries)",
        file=out,
    )
