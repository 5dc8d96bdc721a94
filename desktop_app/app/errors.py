"""The errors the window and the CLI catch by type, beyond ``domain.errors``.

They are raised by storage (and would be by any other engine); the outer layers name
them from here, so they never import ``desktop_app.storage``.
"""

import sqlite3
from pathlib import Path

from desktop_app.domain.errors import LikaError
from desktop_app.storage.errors import (
    AlreadyExistsError,
    ConflictError,
    DamagedDatabaseError,
    DatabaseBusyError,
    NewerDatabaseError,
    NotADatabaseError,
    RegisterGoneError,
    ServerUnreachableError,
    StorageError,
)

# What the database driver raises on a damaged file met outside storage, and how it is
# named to the user: the CLI's last line of defence catches these by this name.
DriverError = sqlite3.Error


def describe_driver_error(error: sqlite3.Error, path: Path | str) -> LikaError:
    """A driver's error as a message the user can act on (storage loaded only now)."""
    from desktop_app.storage.database import describe_sqlite_error

    return describe_sqlite_error(error, path)


__all__ = [
    "AlreadyExistsError",
    "ConflictError",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DriverError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "RegisterGoneError",
    "ServerUnreachableError",
    "StorageError",
    "describe_driver_error",
]
