"""Where a register lives: a SQLite file (a ``Path``) or a server (a ``ServerUrl``).

A ``--db`` value or IT's ``database_url`` that starts ``postgresql://`` (or
``postgres://``) names a register on a PostgreSQL server and stays text: made into a
``Path`` it would silently become a file named ``postgresql:/host/db``. Light on
purpose (no storage, no driver): the command line and the window tell the two apart
before anything is opened.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")


class ServerUrl(str):
    """A libpq connection URL naming a server register (kept exactly as given)."""

    __slots__ = ()


Location = Path | ServerUrl


def is_server_url(text: str) -> bool:
    """Whether ``text`` (a ``--db`` value or ``database_url``) names a server register
    rather than a SQLite file."""
    return text.strip().lower().startswith(SCHEMES)


def location(text: str) -> Location:
    """A ``--db`` value as a file path, or as a server URL when it is one."""
    return ServerUrl(text.strip()) if is_server_url(text) else Path(text)


def is_server(where: Location | str) -> bool:
    return isinstance(where, str) and is_server_url(where)


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
