"""Refusing a server schema that is not this Lika's, before anything is read or written.

IT upgrades the schema with a newer Lika's ``lika server-schema`` before rolling that
Lika out, so for a while older Likas meet a newer schema: its tables may mean more than
this version knows (a status it has no name for, a column it would not fill), so it
refuses, as it refuses a newer register file. A schema that lacks this Lika's newest
migrations (IT has not run its script yet), or none at all, is refused as well, naming
what to run. ``lika check`` opens without this guard and reports the same as its finding.
"""

from __future__ import annotations

from typing import Any

from desktop_app.domain.errors import InputError
from desktop_app.storage.errors import NewerDatabaseError
from desktop_app.storage.postgres import install, migrations
from desktop_app.storage.postgres.connection import shown


def refuse_other_schema(conn: Any, url: str) -> None:
    """Raise unless the server's Lika schema is exactly this version's."""
    unknown, missing = migrations.schema_gap(install.applied(conn))
    if unknown:
        raise NewerDatabaseError(
            f"The server register {shown(url)} has a newer version of Lika's schema "
            f"({unknown[0]}) and was not opened; please update Lika"
        )
    if missing:
        raise InputError(
            f"The server register {shown(url)} is not set up for this version of Lika: "
            f"IT runs this Lika's lika server-schema ({missing[0]} is missing), see "
            "docs/it-deployment.md"
        )
