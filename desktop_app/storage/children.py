"""Writing an assessment's grounds, answers and measures: only the rows that changed.

An autosave changes one field, so it should write one row. Comparing needs the stored
rows; reading them back costs more than the write itself, so the rows last written
for an assessment are remembered, tagged with its uid and the version they belong to.
They are used only when the stored version is still that version (checked in the same
transaction): every change to these tables moves the version on, so equal versions
mean equal rows. Otherwise the rows are read from the database.

Engine-neutral: which rows to delete, insert and update is decided here; the SQL that
does it is the engine's (``ChildSql``: SQLite's below, the server's in
``storage/postgres/children_sql.py``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol

from desktop_app.domain.model import Assessment
from desktop_app.storage import rows

Row = dict[str, Any]
TableRows = dict[str, dict[Any, Row]]  # table -> key -> row
# The stored rows of one child table of one assessment: (table, assessment_id) -> rows.
ReadChildren = Callable[[str, int], list[Row]]

TABLES = (
    ("ground_assessments", "ground_key"),
    ("answers", "question_id"),
    ("measures", "uid"),
    ("statistics_tables", "uid"),
    ("evidence_items", "uid"),
)
REMEMBERED = 16  # assessments; the ones being edited are the ones saved again


def wanted_rows(assessment: Assessment) -> TableRows:
    """The child rows ``assessment`` should have, without ``assessment_id``."""
    return {
        "ground_assessments": {
            g.ground_key: rows.ground_row(g) for g in assessment.grounds.values()
        },
        "answers": {a.question_id: rows.answer_row(a) for a in assessment.answers.values()},
        "measures": {m.uid: rows.measure_row(m, i) for i, m in enumerate(assessment.measures)},
        "statistics_tables": {
            t.uid: rows.statistics_row(t, i) for i, t in enumerate(assessment.statistics)
        },
        "evidence_items": {
            e.uid: rows.evidence_row(e, i) for i, e in enumerate(assessment.evidence)
        },
    }


class ChildSql(Protocol):
    """An engine's three writes of child rows, in the caller's transaction (``db``)."""

    def delete(self, db: Any, table: str, key: str, assessment_id: int, value: Any) -> None: ...

    def insert(self, db: Any, table: str, row: Row) -> None: ...

    def update(self, db: Any, table: str, key: str, row: Row) -> None: ...


class SqliteChildSql:
    """``ChildSql`` on a sqlite-utils ``Database``."""

    def delete(self, db: Any, table: str, key: str, assessment_id: int, value: Any) -> None:
        db.execute(
            f"DELETE FROM {table} WHERE assessment_id = ? AND {key} = ?", [assessment_id, value]
        )

    def insert(self, db: Any, table: str, row: Row) -> None:
        db.table(table).insert(row)

    def update(self, db: Any, table: str, key: str, row: Row) -> None:
        db.execute(
            f"UPDATE {table} SET "
            + ", ".join(f"{c} = :{c}" for c in row if c not in (key, "assessment_id"))
            + f" WHERE assessment_id = :assessment_id AND {key} = :{key}",
            row,
        )


class ChildWriter:
    def __init__(self, read: ReadChildren, sql: ChildSql | None = None) -> None:
        self._read = read
        self._sql: ChildSql = sql or SqliteChildSql()
        self._known: OrderedDict[int, tuple[str, int, TableRows]] = OrderedDict()

    def remembered(self, assessment: Assessment, version: int) -> TableRows | None:
        """The rows last written for ``assessment`` if they belong to ``version``, else
        None (the caller reads them; the server store reads them in one flight)."""
        assert assessment.id is not None
        known = self._known.get(assessment.id)
        if known is not None and known[:2] == (assessment.uid, version):
            return known[2]
        return None

    def stored(self, assessment: Assessment, stored_version: int | None) -> TableRows:
        """The stored rows of ``assessment`` (remembered if still current, else read);
        ``stored_version`` is the version they belong to (None for a new assessment)."""
        assert assessment.id is not None
        if stored_version is None:
            return {table: {} for table, _ in TABLES}
        known = self.remembered(assessment, stored_version)
        if known is not None:
            return known
        return {
            table: {r[key]: r for r in self._read(table, assessment.id)} for table, key in TABLES
        }

    def write(
        self,
        db: Any,
        assessment: Assessment,
        stored_version: int | None,
        existing: TableRows | None = None,
    ) -> TableRows:
        """Bring the stored rows in line with ``assessment``; ``existing`` are the
        stored rows if the caller has them already (see ``stored``)."""
        assert assessment.id is not None
        wanted = wanted_rows(assessment)
        if existing is None:
            existing = self.stored(assessment, stored_version)
        for table, key in TABLES:
            self._sync(db, table, key, assessment.id, wanted[table], existing[table])
        return wanted

    def remember(self, assessment: Assessment, version: int, written: TableRows) -> None:
        """Call once the transaction that wrote ``written`` has committed."""
        assert assessment.id is not None
        self._known[assessment.id] = (assessment.uid, version, written)
        self._known.move_to_end(assessment.id)
        while len(self._known) > REMEMBERED:
            self._known.popitem(last=False)

    def advance(self, assessment: Assessment, old_version: int) -> None:
        """The version moved on without the child rows changing (a status change)."""
        assert assessment.id is not None
        known = self._known.get(assessment.id)
        if known is not None and known[:2] == (assessment.uid, old_version):
            self.remember(assessment, old_version + 1, known[2])

    def forget(self, assessment_id: int) -> None:
        self._known.pop(assessment_id, None)

    def _sync(
        self,
        db: Any,
        table: str,
        key: str,
        assessment_id: int,
        wanted: dict[Any, Row],
        existing: dict[Any, Row],
    ) -> None:
        for stale in existing.keys() - wanted.keys():
            self._sql.delete(db, table, key, assessment_id, stale)
        for name, row in wanted.items():
            old = existing.get(name)
            if old is None:
                self._sql.insert(db, table, {**row, "assessment_id": assessment_id})
            elif not row.items() <= old.items():  # some column differs (compared in C)
                self._sql.update(db, table, key, {**row, "assessment_id": assessment_id})
