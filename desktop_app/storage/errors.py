"""What storage raises, in a module of its own: light to import.

The window and the command line catch these by type (through ``desktop_app.app.errors``)
before they know whether a command will touch the register at all, so naming them must
not load sqlite-utils, the migrations and the repository (``lika --help`` stays fast).
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.errors import InputError, LikaError


class StorageError(LikaError):
    """The register file could not be read or written."""


class RegisterGoneError(StorageError):
    """The register the window listed is no longer where it was, or is empty."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(
            f"The register {path} is no longer there, or is empty: it was moved, deleted "
            "or emptied, or its drive was disconnected, after Lika started. Nothing was "
            "written. Put it back or reconnect the drive and try again; its backups are in "
            "the folder beside it whose name ends in .backups."
        )


class NotADatabaseError(InputError):
    """The file is not a Lika register at all."""


class ForeignDatabaseError(NotADatabaseError):
    """An SQLite file that some other program wrote."""


class NewerDatabaseError(InputError):
    """The file was written by a newer version of Lika; it is left untouched."""


class DamagedDatabaseError(StorageError):
    """SQLite reports the file as damaged."""


class ReadOnlyDatabaseError(StorageError):
    """The file or its folder cannot be written."""


class DiskFullError(StorageError):
    """The disk (or the user's quota) is full."""


class ServerUnreachableError(StorageError):
    """The server register cannot be reached (network, restart): nothing was written,
    and the same call made again opens the connection anew, so a caller may retry."""


class DatabaseBusyError(StorageError):
    """Another program held the register longer than the busy timeout."""


class ConflictError(LikaError):
    """Someone else saved this assessment since it was loaded."""


class AlreadyExistsError(InputError):
    """An imported assessment has the uid of one already in the register."""


class NotOnServerError(LikaError):
    """A use case that has no implementation on a server register (yet): said plainly
    rather than falling back to a file (a ``--db postgresql://`` value is never a path)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} is not available on a server register (PostgreSQL) yet")
        self.what = what
