"""The large demo register: varied, complete, consistent with row-by-row storage."""

from __future__ import annotations

from collections import Counter
from datetime import date

from desktop_app.app.generator import generate
from desktop_app.domain.model import Language, Status
from desktop_app.domain.register import RegisterQuery
from desktop_app.storage import register_schema
from desktop_app.storage.bulk import bulk_insert
from tests.register_helpers import make, register_of

TODAY = date(2026, 11, 23)


def test_generated_assessments_are_varied_and_realistic(content) -> None:
    items = list(generate(content, 600, today=TODAY))
    assert len(items) == 600
    assessments = [i.assessment for i in items]
    assert len({a.decision.title for a in assessments}) > 450
    assert len({a.decision.unit for a in assessments}) > 12
    assert set(Counter(a.status for a in assessments)) == set(Status)
    assert {a.language for a in assessments} == {Language.SV, Language.NB}
    deadlines = [m.deadline for a in assessments for m in a.measures if m.deadline]
    assert min(deadlines) < TODAY < max(deadlines)
    assert any(i.evaluations for i in items)
    assert any(a.revision == 2 for a in assessments)
    assert any(a.modules for a in assessments)
    assert len({a.uid for a in assessments}) == 600
    again = [i.assessment.decision.title for i in generate(content, 600, today=TODAY)]
    assert again == [a.decision.title for a in assessments]  # same seed, same register


def test_bulk_load_equals_row_by_row_storage(repository, content) -> None:
    repository.create(make(content, "Fanns före"))  # a load adds to what is there
    stored = bulk_insert(repository.db, generate(content, 300, today=TODAY), 300)
    assert stored == 300
    assert repository.count() == 301
    assert register_schema.missing_triggers(repository.db) == []
    read_model = repository.db.execute(
        "SELECT * FROM register_rows ORDER BY assessment_id"
    ).fetchall()
    docs = repository.db.execute(
        "SELECT rowid, title, body FROM register_search ORDER BY rowid"
    ).fetchall()
    with repository.db.atomic():
        register_schema.rebuild(repository.db)
    assert (
        repository.db.execute("SELECT * FROM register_rows ORDER BY assessment_id").fetchall()
        == read_model
    )
    assert (
        repository.db.execute(
            "SELECT rowid, title, body FROM register_search ORDER BY rowid"
        ).fetchall()
        == docs
    )
    register = register_of(repository)
    listed = register.count(RegisterQuery())
    assert listed == 301 - sum(1 for r in read_model if not r[1])  # newer revisions hide older
    assert [r.title for r in register.rows(RegisterQuery(search="fanns före"))] == ["Fanns före"]
    # generated assessments behave like any other: loadable, editable
    some = next(register.rows(RegisterQuery(status=Status.DRAFT)))
    loaded = repository.get(some.id)
    loaded.decision.title = "Ändrad efteråt"
    repository.save(loaded)
    assert [r.id for r in register.rows(RegisterQuery(search="efteråt"))] == [some.id]


class Cancelling:
    def __init__(self) -> None:
        self.cancelled = False

    def start(self, total: int, label: str = "") -> None:
        pass

    def advance(self, steps: int = 1) -> None:
        self.cancelled = True


def test_a_cancelled_load_stores_nothing(repository, content) -> None:
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    indexes = repository.db.execute(schema).fetchall()
    before = repository.db.execute("SELECT count(*) FROM register_search").fetchone()
    bulk_insert(repository.db, generate(content, 5000, today=TODAY), 5000, Cancelling())
    assert repository.count() == 0
    assert repository.db.execute("SELECT count(*) FROM register_search").fetchone() == before
    assert register_schema.missing_triggers(repository.db) == []
    assert repository.db.execute(schema).fetchall() == indexes


def test_a_load_takes_the_write_lock_before_it_reads_the_audit_log(repository, content) -> None:
    """Like every writer of the audit log: another process cannot chain onto the same
    newest entry between this load's read of it and its first write."""
    statements: list[str] = []
    repository.db.conn.set_trace_callback(statements.append)
    try:
        bulk_insert(repository.db, generate(content, 3, today=TODAY), 3)
    finally:
        repository.db.conn.set_trace_callback(None)
    begins = [s for s in statements if s.upper().startswith(("BEGIN", "SAVEPOINT"))]
    assert begins[0] == "BEGIN IMMEDIATE"
    first_read = next(i for i, s in enumerate(statements) if "FROM audit_log" in s)
    assert statements.index("BEGIN IMMEDIATE") < first_read
