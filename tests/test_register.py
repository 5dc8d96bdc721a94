"""The register's list: filters alone and combined, sorting by every column, paging by
key, revisions, and a read model that always agrees with the assessments."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

import pytest

from desktop_app.domain.errors import InputError
from desktop_app.domain.model import Direction, MeasureStatus, Outcome, Status
from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.storage import register_schema
from desktop_app.storage.repository import AssessmentRepository
from tests.register_helpers import make, register_of, with_impact

TODAY = date(2026, 11, 23)


@pytest.fixture
def register(service, content):
    return six_assessments(service, content)


def six_assessments(service, content):
    """Six assessments that differ in unit, framework, grounds, dates and measures (the
    server register's tests read a copy of them, tests/test_pg_register_suites.py)."""
    repo = service.repository
    a = make(content, "Bibliotek", unit="Kultur", decision_date=date(2026, 3, 1))
    a.measures[0].deadline = date(2026, 10, 1)  # overdue on TODAY
    repo.create(a)
    b = with_impact(make(content, "Hemtjänst", unit="Social", decision_date=date(2026, 6, 1)),
                    "disability", Direction.NEGATIVE)  # fmt: skip
    b.measures[0].deadline = date(2027, 1, 1)
    repo.create(b)
    c = with_impact(make(content, "Skolskjuts", unit="Utbildning", decision_date=date(2025, 9, 1)),
                    "disability", Direction.POSITIVE)  # fmt: skip
    c.measures[0].status = MeasureStatus.DONE
    c.measures[0].deadline = date(2026, 1, 1)  # done, so not overdue
    repo.create(c)
    d = make(content, "Simhall", unit="Kultur", decision_date=None, framework="no-ldl")
    d.decision.author = "Áslat Ŋuolja"
    d.conclusion.outcome = Outcome.PROCEED_UNCHANGED
    d.conclusion.followup_date = date(2026, 11, 1)
    d.measures.clear()
    d.grounds["age"].direction = Direction.MIXED
    repo.create(d)
    e = with_impact(make(content, "Avgifter", unit="Social", decision_date=date(2026, 9, 30)),
                    "sex", Direction.NEGATIVE)  # fmt: skip
    e.measures[0].deadline = date(2026, 11, 22)
    repo.create(e)
    service.change_status(e, Status.IN_REVIEW)
    service.change_status(e, Status.APPROVED)
    f = make(content, "Parkering", unit="Teknik", decision_date=date(2027, 2, 1))
    f.conclusion.followup_date = date(2026, 11, 23)
    repo.create(f)
    service.change_status(f, Status.IN_REVIEW)
    service.change_status(f, Status.APPROVED)
    return register_of(repo)


def titles(register, **filters) -> list[str]:
    query = RegisterQuery(today=TODAY, sort=SortKey.TITLE, descending=False, **filters)
    found = [r.title for r in register.rows(query)]
    assert register.count(query) == len(found)
    return found


def test_each_filter(register) -> None:
    assert titles(register) == ["Avgifter", "Bibliotek", "Hemtjänst", "Parkering", "Simhall",
                                "Skolskjuts"]  # fmt: skip
    assert titles(register, status=Status.APPROVED) == ["Avgifter", "Parkering"]
    assert titles(register, status=Status.RETURNED) == []
    assert titles(register, unit="Kultur") == ["Bibliotek", "Simhall"]
    assert titles(register, unit="kultur") == ["Bibliotek", "Simhall"]
    assert titles(register, framework="no-ldl") == ["Simhall"]
    assert titles(register, ground="disability") == ["Hemtjänst", "Skolskjuts"]
    assert titles(register, ground="disability", impact=Direction.NEGATIVE) == ["Hemtjänst"]
    assert titles(register, impact=Direction.MIXED) == ["Simhall"]
    assert titles(register, ground="religion") == []  # judged not relevant everywhere
    # the decision date, else the creation date (2026-11-02 by the test clock)
    assert titles(register, date_from=date(2026, 6, 1)) == [
        "Avgifter", "Hemtjänst", "Parkering", "Simhall"
    ]  # fmt: skip
    assert titles(register, date_to=date(2026, 6, 1)) == ["Bibliotek", "Hemtjänst", "Skolskjuts"]
    assert titles(register, date_from=date(2026, 11, 2), date_to=date(2026, 11, 2)) == ["Simhall"]
    assert titles(register, overdue=True) == ["Avgifter", "Bibliotek"]
    assert titles(register, evaluation_due=True) == ["Parkering"]  # Simhall is a draft
    assert titles(register, search="parkering") == ["Parkering"]


def test_filters_combine(register) -> None:
    assert titles(register, unit="Social", overdue=True) == ["Avgifter"]
    assert titles(register, unit="Social", status=Status.DRAFT) == ["Hemtjänst"]
    assert titles(register, ground="sex", impact=Direction.NEGATIVE, status=Status.APPROVED) == [
        "Avgifter"
    ]
    assert titles(register, ground="sex", impact=Direction.NEGATIVE, status=Status.DRAFT) == []
    # age is negative in every complete assessment except Simhall (mixed)
    assert titles(register, impact=Direction.NEGATIVE, date_from=date(2026, 7, 1)) == [
        "Avgifter",
        "Parkering",
    ]
    assert titles(register, search="hemtjänst", unit="Kultur") == []
    assert titles(register, search="hemtjänst", unit="Social", ground="disability") == ["Hemtjänst"]
    assert titles(register, framework="se-dl", unit="Kultur", overdue=True) == ["Bibliotek"]


def test_a_date_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InputError, match=r"ends \(2026-01-01\) before it starts \(2026-02-01\)"):
        RegisterQuery(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1))


def test_the_facts_a_manager_asks_about(register) -> None:
    rows = {r.title: r for r in register.rows(RegisterQuery(today=TODAY))}
    assert rows["Avgifter"].reviewer == "Ája Ŋuolja"
    assert rows["Hemtjänst"].reviewer == ""
    assert [(g.key, g.direction) for g in rows["Avgifter"].adverse_grounds] == [
        ("age", Direction.NEGATIVE),
        ("sex", Direction.NEGATIVE),
    ]
    assert [(g.key, g.direction) for g in rows["Simhall"].adverse_grounds] == [
        ("age", Direction.MIXED)
    ]
    assert rows["Skolskjuts"].open_measures == 0
    assert rows["Bibliotek"].open_measures == 1
    assert rows["Bibliotek"].has_overdue_measures(TODAY)
    assert not rows["Hemtjänst"].has_overdue_measures(TODAY)
    assert rows["Simhall"].next_followup == date(2026, 11, 1)
    assert rows["Parkering"].evaluation_due(TODAY)
    assert not rows["Parkering"].evaluation_due(date(2026, 11, 22))
    assert not rows["Simhall"].evaluation_due(TODAY)  # a draft


def _expected_key(row, key: SortKey):
    value = {
        SortKey.STATUS: ["draft", "in_review", "returned", "approved"].index(row.status.value),
        SortKey.OUTCOME: list(Outcome).index(row.outcome) if row.outcome else 9,
        SortKey.ADVERSE_GROUNDS: len(row.adverse_grounds),
        SortKey.NEXT_FOLLOWUP: row.next_followup or date.max,
        SortKey.UPDATED: row.updated,
    }.get(key, getattr(row, key.value, None))
    return (value.casefold() if isinstance(value, str) else value), row.id


@pytest.mark.parametrize(("key", "descending"), list(itertools.product(SortKey, (False, True))))
def test_sorting_by_every_column_in_pages(register, key, descending) -> None:
    query = RegisterQuery(today=TODAY, sort=key, descending=descending)
    everything = register.page(query, limit=100).rows
    expected = sorted(everything, key=lambda r: _expected_key(r, key), reverse=descending)
    assert [r.id for r in everything] == [r.id for r in expected]
    paged = list(register.rows(query, batch=2))  # three pages, each after the last key
    assert [r.id for r in paged] == [r.id for r in expected]


def test_only_the_newest_revision_is_listed(service, content) -> None:
    repo = service.repository
    first = repo.create(make(content, "Första utgåvan"))
    second = make(content, "Andra utgåvan")
    second.series_uid, second.revision, second.previous_id = first.series_uid, 2, first.id
    repo.create(second)
    register = register_of(repo)
    assert [r.title for r in register.rows(RegisterQuery())] == ["Andra utgåvan"]
    assert sorted(r.revision for r in register.rows(RegisterQuery(all_revisions=True))) == [1, 2]
    repo.delete(second.id)
    assert [r.title for r in register.rows(RegisterQuery())] == ["Första utgåvan"]


def _read_model(repo: AssessmentRepository) -> list[tuple]:
    return repo.db.execute("SELECT * FROM register_rows ORDER BY assessment_id").fetchall()


def _search_docs(repo: AssessmentRepository) -> list[tuple]:
    return repo.db.execute(
        "SELECT rowid, title, body FROM register_search ORDER BY rowid"
    ).fetchall()


def test_triggers_keep_the_read_model_equal_to_a_rebuild(register, service, content) -> None:
    repo = service.repository
    a = next(r for r in register.rows(RegisterQuery()) if r.title == "Hemtjänst")
    loaded = repo.get(a.id)
    loaded.measures[0].status = MeasureStatus.DONE
    del loaded.grounds["disability"]
    loaded.decision.unit = "Omsorg"
    repo.save(loaded)
    repo.delete(next(r.id for r in register.rows(RegisterQuery()) if r.title == "Simhall"))
    maintained, docs = _read_model(repo), _search_docs(repo)
    with repo.db.atomic():
        register_schema.rebuild(repo.db)
    assert _read_model(repo) == maintained
    assert _search_docs(repo) == docs


def test_a_table_transform_loses_no_register_updates(db_path, content) -> None:
    """sqlite-utils' transform() drops triggers; opening the file puts them back."""
    repo = AssessmentRepository.open(db_path)
    repo.create(make(content, "Före omvandlingen"))
    repo.db["measures"].transform(types={"position": int})
    assert register_schema.missing_triggers(repo.db) == [
        "register_measures_ai", "register_measures_au", "register_measures_ad"
    ]  # fmt: skip
    repo.db.execute("UPDATE measures SET description = 'Ändrad utan trigger'")
    repo.close()
    reopened = AssessmentRepository.open(db_path)
    assert register_schema.missing_triggers(reopened.db) == []
    register = register_of(reopened)
    assert [r.title for r in register.rows(RegisterQuery(search="utan trigger"))] == [
        "Före omvandlingen"
    ]
    reopened.close()


def test_updated_is_shown_as_stored(register) -> None:
    for row in register.rows(RegisterQuery()):
        assert row.updated.tzinfo is not None
        assert row.updated <= datetime(2027, 1, 1, tzinfo=UTC)


def test_the_units_are_read_with_a_small_cache_and_the_connection_keeps_its_own(
    register,
) -> None:
    """Reading every unit scans a whole index once: with the default cache that is about
    2 MB of pages in the window's start at 100,000 assessments, read for nothing."""
    from desktop_app.storage.register import SCAN_CACHE_KIB

    seen: list[int] = []
    conn = register.conn
    conn.execute("PRAGMA cache_size = -3000")
    conn.set_trace_callback(
        lambda sql: (
            seen.append(conn.execute("PRAGMA cache_size").fetchone()[0])
            if sql.startswith("SELECT DISTINCT unit")
            else None
        )
    )
    try:
        units = register.units()
    finally:
        conn.set_trace_callback(None)
    assert {"Kultur", "Social", "Utbildning"} <= set(units)
    assert seen and set(seen) == {-SCAN_CACHE_KIB}
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -3000


def test_a_readers_connection_keeps_a_small_cache(service, register) -> None:
    """A reader serves one task (a page, a count, a search): SQLite's default 2 MB cache
    only held a first page's rows for nothing, 2.3 MB of the start at 100,000."""
    from desktop_app.storage.read_door import first_look
    from desktop_app.storage.register import READER_CACHE_KIB, Register

    path = service.repository.path
    for reader in (Register.open_reader(path), first_look(path)):
        assert reader is not None
        with reader:
            assert reader.conn.execute("PRAGMA cache_size").fetchone()[0] == -READER_CACHE_KIB
            assert len(reader.units()) >= 3
