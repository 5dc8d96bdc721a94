"""The errors the window and the CLI catch by type, beyond ``domain.errors``.

They are raised by storage (and would be by any other engine); the outer layers name
them from here, so they never import ``desktop_app.storage``.
"""

from desktop_app.storage.database import (
    DamagedDatabaseError,
    DatabaseBusyError,
    NewerDatabaseError,
    NotADatabaseError,
    StorageError,
)
from desktop_app.storage.repository import AlreadyExistsError, ConflictError

__all__ = [
    "AlreadyExistsError",
    "ConflictError",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "StorageError",
]
