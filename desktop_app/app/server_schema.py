"""The PostgreSQL register's schema for IT (issue 20): the SQL ``lika server-schema``
prints, and applying it to a server. The command line reaches storage only through
here; nothing connects to a server unless ``install`` is called, and the driver
(``psycopg``, extra ``postgres``) is imported only then.
"""

from __future__ import annotations


def script() -> str:
    """The whole SQL script (every migration, each applied once), for a DBA to run."""
    from desktop_app.storage.postgres import migrations

    return migrations.script()


def install(conninfo: str) -> list[str]:
    """Apply the migrations the server at ``conninfo`` lacks; their names. A server that
    cannot be reached, or a login without the right to create schemas and roles, is
    one sentence (``StorageError``), with no password in it."""
    from desktop_app.storage.postgres import install as installer

    return installer.apply(conninfo)
