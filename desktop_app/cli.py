"""The command line: the same program as the window, for IT, scripts and tests.

The contract (command names, ``--db``, ``--format json``, exit codes) is public and
documented in the README: scripts depend on it. Errors are one line on stderr; exit
code 2 means bad input, 1 any other failure, never a traceback for a user mistake.
Commands live in ``desktop_app.commands``, one module per area.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from desktop_app import __version__
from desktop_app.app.errors import DriverError, describe_driver_error
from desktop_app.commands.base import EXIT_FAILURE, EXIT_OK, Parser, Session
from desktop_app.commands.terminal import for_terminal
from desktop_app.domain.errors import LikaError
from desktop_app.register_location import Location, location

# The modules of ``desktop_app.commands``, in the order ``lika --help`` lists them, with
# the commands each one adds (``tests/test_cli_imports.py`` keeps this true). A command
# needs only its own module's parser: ``lika list`` builds and imports no other (issue 18).
# They are imported by name, so ``build.spec`` names them for the bundle from here.
COMMANDS: dict[str, tuple[str, ...]] = {
    "assessments": ("demo", "list", "export-pdf"),
    "review": ("submit", "approve", "return", "comment", "comments", "address",
               "new-revision", "revisions", "compare"),
    "audit": ("history", "fingerprint", "verify"),
    "memo": ("summary",),
    "report": ("report",),
    "data": ("backup", "restore", "check", "export", "import"),
    "deployment": ("defaults", "key", "server-schema"),
    "screen": ("screen",),
    "server_copy": ("migrate",),
}  # fmt: skip


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with ``command``, of its own module's commands only,
    which parses that command's arguments the same way (and anything else as a
    mistake, which ``main`` never asks of it)."""
    common = Parser(add_help=False)
    # SUPPRESS: a subcommand without --db must not overwrite one given before it
    # (`lika --db X list` and `lika list --db X` mean the same).
    common.add_argument(
        "--db",
        type=location,
        metavar="PATH|URL",
        default=argparse.SUPPRESS,
        help="the database file, or a server register's postgresql:// URL "
        "(default: lika.db in your data folder, or IT's database_url)",
    )
    parser = Parser(
        prog="lika",
        parents=[common],
        description="Equality impact assessments of draft decisions. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"lika {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    named = [name for name, known in COMMANDS.items() if command in known] or list(COMMANDS)
    for name in named:
        importlib.import_module(f"desktop_app.commands.{name}").register(commands, common)
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when it comes before any option other than ``--db``
    (``lika list …``, ``lika --db X list …``); None for anything else (``--help``, an
    abbreviated option, a mistake), which the whole parser then reads."""
    args = iter(argv)
    for arg in args:
        if arg == "--db":
            next(args, None)
        elif not arg.startswith("--db="):
            return None if arg.startswith("-") else arg
    return None


def main(
    argv: Sequence[str],
    *,
    default_db: Callable[[], Location],
    open_window: Callable[[Location | None], int],
    out: TextIO | None = None,
) -> int:
    """Run one command and return its exit code; with no command, open the window."""
    args = build_parser(command_named(argv)).parse_args(argv)
    db: Location | None = getattr(args, "db", None)
    if args.command is None:
        return open_window(db)
    session = Session(db, default_db)
    try:
        return int(args.run(args, session, out or sys.stdout))
    except LikaError as error:
        print(f"lika: {for_terminal(str(error))}", file=sys.stderr)  # it may name a title
        return error.exit_code
    except BrokenPipeError:
        # The reader went away (e.g. `lika list | head`); not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except DriverError as error:  # a damaged register met outside the storage layer
        described = describe_driver_error(error, session.db_path)
        print(f"lika: {for_terminal(str(described))}", file=sys.stderr)
        return described.exit_code
    except Exception as error:
        if os.environ.get("LIKA_DEBUG"):
            raise
        print(
            f"lika: internal error: {type(error).__name__}: {for_terminal(str(error))} "
            "(run with LIKA_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    finally:
        session.close()
