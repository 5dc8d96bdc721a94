"""What every command gets: the session (opened on first use), argument types, and the
options and JSON output that several command modules share (``--as``, ``--format``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TextIO

from desktop_app.domain.errors import InputError

if TYPE_CHECKING:
    from desktop_app.app.ports import AssessmentStore, RegisterReader
    from desktop_app.app.service import AssessmentService
    from desktop_app.checklists.guide import Content
    from desktop_app.domain.identity import Identity
    from desktop_app.register_location import Location

# Storage, content and the service are imported when a command first asks for them:
# ``lika --version`` and ``--help`` need none of them (issue 18).

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see '{self.prog} --help')\n")


class Session:
    """What a command needs, opened only when it asks (``--version`` opens nothing)."""

    def __init__(self, db_path: Location | None, default_db: Callable[[], Location]) -> None:
        self._db_path = db_path
        self._default_db = default_db
        self._service: AssessmentService | None = None
        self._content: Content | None = None
        self._checked = False
        self._store: AssessmentStore | None = None
        self._reader: RegisterReader | None = None  # read as it is (``register_reader``)

    @property
    def db_path(self) -> Location:
        """The register file, or a server register's URL (``register_location``)."""
        return self._db_path or self._default_db()

    @property
    def on_server(self) -> bool:
        """Whether the register is on a database server (``--db postgresql://…``)."""
        from desktop_app.register_location import is_server

        return is_server(self.db_path)

    @property
    def db_shown(self) -> str:
        """The register for messages: a server URL without its password."""
        from desktop_app.register_location import shown

        return shown(str(self.db_path))

    def db_file(self, what: str) -> Path:
        """The register file, for commands that work on the file itself (backups,
        checks); on a server register, ``NotOnServerError`` naming ``what``."""
        from desktop_app.app.registers import refuse_on_server

        return refuse_on_server(self.db_path, what)

    @property
    def service(self) -> AssessmentService:
        if self._service is None:
            from desktop_app.app import registers
            from desktop_app.app.service import AssessmentService
            from desktop_app.domain.identity import Identity

            content = self.content
            self.check_before_writing()
            repository = registers.open_store(self.db_path)
            # On a server, the login the server authenticated (the store's actor).
            who = registers.signed_in(repository) or Identity.default()
            self._service = AssessmentService(repository, content, who)
        return self._service

    @property
    def reading_service(self) -> AssessmentService:
        """The service for a command that only reads (``lika export-pdf``): on a register
        file that opening would leave as it is, over the read-only door
        (``registers.open_store_as_is``: the start check's integrity scan done there, no
        sqlite-utils or migrations); any other register, ``service`` as usual."""
        if self._service is None and isinstance(self.db_path, Path):
            from desktop_app.app import registers
            from desktop_app.app.service import AssessmentService
            from desktop_app.domain.identity import Identity

            content = self.content
            store = registers.open_store_as_is(self.db_path)
            if store is not None:
                self._checked = True  # the door's own check (``read_door._as_it_is``)
                self._service = AssessmentService(store, content, Identity.default())
        return self.service

    def check_before_writing(self) -> None:
        """The window's start-up check, before the register is opened (opening may
        upgrade it) or written: a damaged or emptied register is never used."""
        if self._checked:
            return
        from desktop_app.app.backups import refuse_if_damaged
        from desktop_app.register_location import ServerUrl

        where = self.db_path
        if not isinstance(where, ServerUrl):  # a server checks its own pages
            refuse_if_damaged(where)
        self._checked = True

    @property
    def content(self) -> Content:
        """The checklists and texts, loaded without opening the database."""
        if self._content is None:
            from desktop_app.checklists.guide import load_content
            from desktop_app.defaults import load_defaults

            # The organisation's own checklists (from IT's defaults file), as in the window,
            # so that an assessment made with them can be exported here too.
            folder = load_defaults().checklist_folder
            content = load_content([folder] if folder else [])
            if content.checklists.errors:
                # Scripts must not run on half the content; the GUI skips and warns instead.
                raise content.checklists.errors[0]
            self._content = content
        return self._content

    def register_reader(self) -> RegisterReader:
        """Register queries without loading the content (``lika list`` needs none):
        read as it is when opening would change nothing (``registers.open_as_is``, no
        sqlite-utils), else opened, checked first, as for every other command."""
        if self._service is not None:
            return self._service.reader_here()
        from desktop_app.app import registers

        if self._reader is None and self._store is None:
            where = self.db_path
            if isinstance(where, Path):
                self._reader = registers.open_as_is(where)
                # The door's own check (``read_door._as_it_is``), as ``reading_service``.
                self._checked = self._reader is not None
            else:  # a server register: the server checks and upgrades nothing here
                self._reader = registers.open_reader(where)
        if self._reader is not None:
            return self._reader
        if self._store is None:
            self.check_before_writing()
            self._store = registers.open_store(self.db_path)
        return registers.reader_on(self._store)

    def close(self) -> None:
        if self._service is not None:
            self._service.close()
        if self._store is not None:
            self._store.close()
        if self._reader is not None:
            self._reader.close()


class Command(Protocol):
    def __call__(self, args: argparse.Namespace, session: Session, out: TextIO) -> int: ...


def assessment_id(text: str) -> int:
    """An argparse type for assessment ids, with a message that says what was wrong."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an assessment id (a number)") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an assessment id (a number)")
    return value


def identity_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="as_name",
        metavar="NAME",
        help="your name as the audit log records it (default: your operating-system user)",
    )
    parser.add_argument(
        "--role",
        dest="as_role",
        metavar="TITLE",
        default="",
        help="your role title, recorded with a status change (an approval: 'NAME, TITLE')",
    )


def acting_identity(args: argparse.Namespace) -> Identity:
    """Who ``--as NAME`` (and ``--role TITLE``) says is acting; without ``--as``, the
    operating-system user."""
    from dataclasses import replace

    from desktop_app.domain.identity import Identity, os_user

    role = getattr(args, "as_role", "").strip()
    if args.as_name is None:
        return replace(Identity.default(), role=role)
    name = args.as_name.strip()
    if not name:
        raise InputError("--as needs a name")
    return Identity(name=name, os_user=os_user(), role=role)


def format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "json"), default="table")


def dump_json(data: Any, out: TextIO) -> None:
    import json  # here: most commands, and lika list's table, print none

    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def warn(message: str) -> None:
    """A warning on stderr: stdout stays the command's one result."""
    from desktop_app.commands.terminal import for_terminal

    print(f"lika: warning: {for_terminal(message)}", file=sys.stderr)
