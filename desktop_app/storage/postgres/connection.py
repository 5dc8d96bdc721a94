"""Connections to a register on a PostgreSQL server (issue 20), one way for every module.

A server register is named by a libpq connection string in URL form
(``postgresql://host/db?sslmode=verify-full``), so Kerberos / SSPI sign-on, TLS and
passwords work as IT configures them in libpq; Lika adds nothing of its own. ``psycopg``
is imported only when a connection is made: printing the schema or telling a URL from a
file path needs no driver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# Told apart from a file path where the command line and the window can see it too.
from desktop_app.register_location import SCHEMES, is_server_url, shown

if TYPE_CHECKING:
    import psycopg

__all__ = ["APPLICATION_NAME", "SCHEMES", "connect", "is_server_url", "shown"]

APPLICATION_NAME = "lika"


def connect(url: str, *, autocommit: bool = False, **options: Any) -> psycopg.Connection[Any]:
    """A new connection to the register at ``url``; queries name the schema ``lika``
    themselves (``lika.assessments``), so no search_path is relied on."""
    import psycopg

    return psycopg.connect(url, autocommit=autocommit, application_name=APPLICATION_NAME, **options)
