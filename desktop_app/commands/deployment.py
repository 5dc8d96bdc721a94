"""``lika defaults``: which organisation defaults are in force, and from which file;
``lika key``: the user's approver key, for IT to list as trusted; ``lika server-schema``:
the SQL that creates the register on a PostgreSQL server, for a DBA (issue 20).

For IT trying out a ``defaults.ini`` before rolling it out (docs/it-deployment.md): it
reads the files exactly as the window does and shows each value with its origin. A broken
file gets the same one-line message and exit code 2 as anywhere else.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from desktop_app.commands.base import EXIT_OK, Session, dump_json
from desktop_app.commands.terminal import for_terminal
from desktop_app.domain.errors import InputError, LikaError


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    defaults = commands.add_parser(
        "defaults",
        parents=[common],
        help="show the organisation's defaults (defaults.ini) in force and where they come from",
    )
    defaults.set_defaults(run=cmd_defaults)

    key = commands.add_parser(
        "key",
        parents=[common],
        help="show your approver key (created if you have none), for IT to list as trusted",
        description="Prints the public half of your approver key as one line, to save as "
        "NAME.pub in the folder IT names as trusted_keys_folder in defaults.ini; with "
        "--trusted, the keys this computer trusts (docs/audit-log.md).",
    )
    key.add_argument("--trusted", action="store_true", help="list the keys trusted here")
    key.add_argument("--format", choices=("text", "json"), default="text")
    key.set_defaults(run=cmd_key)

    schema = commands.add_parser(
        "server-schema",
        parents=[common],
        help="print the SQL that creates the register's schema and roles on PostgreSQL",
        description="Prints, without connecting anywhere, the SQL script that creates (or "
        "brings up to date) the Lika register's tables, roles and functions in a PostgreSQL "
        "database, for a DBA to read and run with psql -v ON_ERROR_STOP=1. Running it again "
        "changes nothing. With --apply and --db postgresql://…, Lika runs it itself, as "
        "the login of that URL (one that may create schemas and roles there). Then --db "
        "postgresql://… (or database_url in defaults.ini) opens that register: "
        "docs/it-deployment.md.",
    )
    what = schema.add_mutually_exclusive_group()
    what.add_argument(
        "--out",
        type=Path,
        metavar="FILE.sql",
        help="write the script to FILE.sql (UTF-8, as psql reads it) instead of printing it",
    )
    what.add_argument(
        "--apply",
        action="store_true",
        help="apply what the server register named by --db postgresql://… lacks",
    )
    schema.set_defaults(run=cmd_server_schema)


def cmd_server_schema(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.app import server_schema

    if args.apply:
        return _apply_schema(session, out)
    script = server_schema.script()
    if args.out is None:
        out.write(script)
        return EXIT_OK
    # A file, not the console: on Windows a redirected console would write the
    # ANSI code page, and psql reads UTF-8.
    from desktop_app.atomic_file import describe_os_error, write_bytes

    target: Path = args.out
    if not target.parent.is_dir():
        raise InputError(f"Cannot write {target}: the folder does not exist")
    try:
        write_bytes(target, script.encode("utf-8"))
    except OSError as error:
        raise LikaError(describe_os_error(error, target)) from None  # exit code 1
    print(f"Wrote {for_terminal(str(target))}", file=out)
    return EXIT_OK


def _apply_schema(session: Session, out: TextIO) -> int:
    """``lika server-schema --apply --db postgresql://…``: the migrations the server lacks,
    applied by the login of the URL; each name printed, or that nothing was missing."""
    from desktop_app.app import server_schema

    if not session.on_server:
        raise InputError(
            "--apply needs --db postgresql://… (the server register to bring up to date)"
        )
    applied = server_schema.install(str(session.db_path))
    where = for_terminal(session.db_shown)
    if not applied:
        print(f"{where} is up to date: nothing to apply", file=out)
    for name in applied:
        print(f"Applied {name} to {where}", file=out)
    return EXIT_OK


def cmd_key(args: argparse.Namespace, _session: Session, out: TextIO) -> int:
    from desktop_app.domain.identity import os_user
    from desktop_app.domain.signing import key_id, public_key_text
    from desktop_app.keys import KeyStore, TrustedKeys

    store = KeyStore()
    if args.trusted:
        trusted = TrustedKeys.load(own=store)
        listed = [
            {"key": k, "id": key_id(k), "name": n, "standing": s}
            for s, keys in (("trusted", trusted.trusted), ("revoked", trusted.revoked))
            for k, n in keys.items()
        ]
        if args.format == "json":
            dump_json(listed, out)
        for item in listed if args.format == "text" else []:
            print(f"{item['standing']:<8} {item['id']}  {for_terminal(item['name'])}", file=out)
        return EXIT_OK
    public = public_key_text(store.ensure().public_key())
    if args.format == "json":
        dump_json({"key": public, "id": key_id(public), "file": str(store.private_path)}, out)
        return EXIT_OK
    print(f"{public} {os_user()}", file=out)
    return EXIT_OK


def cmd_defaults(args: argparse.Namespace, session: Session, out: TextIO) -> int:
    from desktop_app.defaults import DEFAULT_FRAMEWORK, KEYS, candidate_files, load_defaults
    from desktop_app.register_location import shown as hidden  # a URL's password

    defaults = load_defaults()
    print("Defaults files, most specific first:", file=out)
    for path in candidate_files():
        state = "read" if path in defaults.files else "not there"
        print(f"  {path} ({state})", file=out)
    built_in = {"framework": DEFAULT_FRAMEWORK}
    for key in KEYS:
        value = getattr(defaults, key)
        if key in defaults.origins:
            shown, origin = hidden(str(value)), defaults.where(key)
        else:
            shown, origin = built_in.get(key, "(not set)"), "Lika's own default"
        print(f"{key:<17} {shown}  [{origin}]", file=out)
    print(f"{'database':<17} {session.db_shown}", file=out)
    return EXIT_OK
