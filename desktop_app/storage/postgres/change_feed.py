"""The server register's changes as they happen: ``LISTEN lika_changes`` on a connection
of its own (migration ``0010_notify`` sends the changed assessment's id)."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.storage.postgres.connection import connect
from desktop_app.storage.postgres.errors import described

CHANNEL = "lika_changes"
WAIT_S = 0.5  # how soon ``listen`` notices that it is asked to stop


class ServerChangeFeed:
    """``ChangeFeed`` on the server register at ``url`` (the full URL)."""

    def __init__(self, url: str) -> None:
        self._url = url

    def listen(self, on_change: Callable[[int], None], stopped: Callable[[], bool]) -> None:
        """Call ``on_change(assessment id)`` for each change committed by anyone, until
        ``stopped()``; blocks, so it runs on a worker thread. Raises a ``LikaError``
        (``ServerUnreachableError`` when the connection drops)."""
        import psycopg

        try:
            with connect(self._url, autocommit=True) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                while not stopped():
                    for note in conn.notifies(timeout=WAIT_S):
                        if note.payload.isdigit():
                            on_change(int(note.payload))
        except psycopg.Error as error:
            raise described(error, self._url) from None
