"""The errors the window and the CLI catch by type, beyond ``domain.errors``.

They are raised by storage (and would be by any other engine); the outer layers name
them from here, so they never import ``desktop_app.storage``.
"""

import sqlite3

from desktop_app.storage.database import (
    DamagedDatabaseError,
    DatabaseBusyError,
    NewerDatabaseError,
    NotADatabaseError,
    StorageError,
)
from desktop_app.storage.database import (
    describe_sqlite_error as describe_driver_error,
)
from desktop_app.storage.repository import AlreadyExistsError, ConflictError

# What the database driver raises on a damaged file met outside storage, and how it is
# named to the user: the CLI's last line of defence catches these by this name.
DriverError = sqlite3.Error

__all__ = [
    "AlreadyExistsError",
    "ConflictError",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DriverError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "StorageError",
    "describe_driver_error",
]
