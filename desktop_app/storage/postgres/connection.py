"""Connections to a register on a PostgreSQL server (issue 20), one way for every module.

A server register is named by a libpq connection string in URL form
(``postgresql://host/db?sslmode=verify-full``), so Kerberos / SSPI sign-on, TLS and
passwords work as IT configures them in libpq; Lika adds nothing of its own. ``psycopg``
is imported only when a connection is made: printing the schema or telling a URL from a
file path needs no driver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    import psycopg

SCHEMES = ("postgresql://", "postgres://")
APPLICATION_NAME = "lika"


def is_server_url(text: str) -> bool:
    """Whether ``text`` (a ``--db`` value or ``database_url``) names a server register
    rather than a SQLite file."""
    return text.strip().lower().startswith(SCHEMES)


def shown(url: str) -> str:
    """``url`` for messages and logs: a password in it is replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + host))


def connect(url: str, *, autocommit: bool = False, **options: Any) -> psycopg.Connection[Any]:
    """A new connection to the register at ``url``; queries name the schema ``lika``
    themselves (``lika.assessments``), so no search_path is relied on."""
    import psycopg

    return psycopg.connect(url, autocommit=autocommit, application_name=APPLICATION_NAME, **options)
