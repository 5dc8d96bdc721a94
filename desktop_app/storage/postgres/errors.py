"""A server's errors as messages a user can act on, as ``describe_sqlite_error`` does
for a register file.

The server's own refusals (triggers and ``lika.change_status``) carry the SQLite
triggers' ``lika-refused:`` prefix; a stale status change is SQLSTATE 40001. The URL in
a message is shown without its password (``connection.shown``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.errors import LikaError, NotFoundError, WorkflowError
from desktop_app.storage.errors import (
    ConflictError,
    DatabaseBusyError,
    ServerUnreachableError,
    StorageError,
)
from desktop_app.storage.postgres.connection import shown

if TYPE_CHECKING:
    import psycopg

REFUSED_PREFIX = "lika-refused: "


class NotPermittedError(WorkflowError):
    """The server's roles do not let this login do that (SQLSTATE 42501)."""


def described(error: psycopg.Error, url: str) -> LikaError:
    """``error`` from the server at ``url`` as one sentence of the kind Lika raises."""
    import psycopg

    diag = getattr(error, "diag", None)
    primary = (getattr(diag, "message_primary", None) or str(error)).strip()
    text = primary.removeprefix(REFUSED_PREFIX)
    state = getattr(error, "sqlstate", None) or ""
    if state == "40001":
        return ConflictError(text)
    if state == "P0002":
        return NotFoundError(text)
    if state == "42501":
        if primary.startswith(REFUSED_PREFIX):
            return NotPermittedError(text)
        return NotPermittedError(
            f"Your database login may not do this on the server register ({text})"
        )
    if primary.startswith(REFUSED_PREFIX):
        return WorkflowError(text)
    if state == "23505" and "assessments_series_revision" in primary:
        return WorkflowError(
            "Revision conflict: another assessment already is this revision of the "
            "decision; nothing was changed"
        )
    if state in {"40P01", "55P03"}:
        return DatabaseBusyError(f"The server register {shown(url)} is busy; try again")
    if isinstance(error, psycopg.OperationalError):
        return ServerUnreachableError(
            f"The server register {shown(url)} cannot be reached: {primary}"
        )
    return StorageError(f"The server register {shown(url)} refused: {primary}")
