"""Reading the register's list without loading the rest of the storage layer.

The window's first page (issue 18) and the worker threads' queries go through here:
plain ``sqlite3`` on a read-only connection, no sqlite-utils, no migrations. Opening a
register for writing, and everything that needs that, stays in ``app.registers``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from desktop_app.storage.register import PAGE_SIZE, Register

if TYPE_CHECKING:
    from desktop_app.app.ports import RegisterReader
    from desktop_app.domain.followup import MeasurePage, MeasureQuery
    from desktop_app.domain.portfolio import Period, PortfolioEntry
    from desktop_app.domain.register import Page, RegisterQuery, RegisterRow

__all__ = ["SqliteReader", "first_look", "open_reader"]


class SqliteReader:
    """``RegisterReader`` on one SQLite connection (the register's tables and views)."""

    def __init__(self, register: Register) -> None:
        self._register = register

    def close(self) -> None:
        self._register.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def page(self, query: RegisterQuery, after: Any = None, limit: int = PAGE_SIZE) -> Page:
        return self._register.page(query, after, limit)

    def count(self, query: RegisterQuery) -> int:
        return self._register.count(query)

    def rows(self, query: RegisterQuery) -> Iterator[RegisterRow]:
        return self._register.rows(query)

    def units(self) -> list[str]:
        return self._register.units()

    def measures_page(self, query: MeasureQuery, after: Any = None) -> MeasurePage:
        from desktop_app.storage.followup import measures_page  # the follow-up tab's

        return measures_page(self._register, query, after)

    def measures_count(self, query: MeasureQuery) -> int:
        from desktop_app.storage.followup import measures_count

        return measures_count(self._register, query)

    def portfolio_entries(
        self, period: Period | None = None, unit: str | None = None
    ) -> list[PortfolioEntry]:
        from sqlite_utils import Database  # after storage (``storage.lazy_imports``)

        from desktop_app.storage.repository import AssessmentRepository

        db = Database(self._register.conn, recursive_triggers=False, execute_plugins=False)
        return AssessmentRepository(db).portfolio_entries(period, unit)


def open_reader(path: Path | str) -> RegisterReader:
    """A read-only connection of its own to the register, for a worker thread."""
    return SqliteReader(Register.open_reader(path))


def first_look(path: Path | str) -> RegisterReader | None:
    """A read-only reader on ``path`` if it is a Lika register of exactly this version,
    else None: the window's first page before the register is opened and checked
    (``storage.first_look``). Nothing is written either way."""
    from desktop_app.storage.first_look import open_current

    register = open_current(path)
    return None if register is None else SqliteReader(register)
