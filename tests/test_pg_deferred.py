"""Migration 0011_deferred_refresh: a transaction rebuilds an assessment's search
document and register row once, at commit (or when the store flushes before its audit
entry), from what it finally holds (issue 20)."""

from __future__ import annotations

import pytest

from desktop_app.storage.postgres.deferred_v1 import FLUSH
from tests.pg_helpers import Server

pytestmark = pytest.mark.postgres

GROUND = (
    "INSERT INTO lika.ground_assessments (assessment_id, ground_key, relevance, justification) "
    "VALUES (%s, %s, 'relevant', %s)"
)


@pytest.fixture
def server(pg_cluster) -> Server:
    return Server(pg_cluster, pg_cluster.new_database())


def _inserted(conn, table: str) -> int:
    """Rows this transaction inserted into ``lika.table`` so far."""
    found = conn.execute(
        "SELECT n_tup_ins FROM pg_stat_xact_user_tables WHERE schemaname = 'lika' AND relname = %s",
        [table],
    ).fetchone()
    return int(found[0])


def _hits(conn, draft: int, word: str) -> int:
    found = conn.execute(
        "SELECT count(*) FROM lika.register_search WHERE assessment_id = %s "
        "AND document @@ lika.search_query(ARRAY[%s])",
        [draft, word],
    ).fetchone()
    return int(found[0])


def test_a_save_of_the_assessment_and_several_children_rebuilds_each_once(server):
    draft = server.new_draft("anna")
    with server.connect("anna") as conn:
        with conn.transaction():
            conn.execute(GROUND, [draft, "age", "Äldre"])
            conn.execute(GROUND, [draft, "sex", "Kvinnor"])
        with conn.transaction():
            # Counts not yet reported (PostgreSQL 15 keeps earlier transactions' until
            # the backend is idle) are the baseline; none is reported inside a transaction.
            search, rows = _inserted(conn, "register_search"), _inserted(conn, "register_rows")
            conn.execute("UPDATE lika.assessments SET title = 'Hemtjänst' WHERE id = %s", [draft])
            conn.execute(
                "UPDATE lika.ground_assessments SET justification = justification || ' skift' "
                "WHERE assessment_id = %s",
                [draft],
            )
            conn.execute(GROUND, [draft, "religion", "Helgdagar"])
            assert _inserted(conn, "register_search") == search  # nothing yet: due at commit
            conn.execute(FLUSH)
            assert _inserted(conn, "register_search") == search + 1
            assert _inserted(conn, "register_rows") == rows + 1
        assert _hits(conn, draft, "hemtjänst") == 1
        assert _hits(conn, draft, "skift") == 1
        assert _hits(conn, draft, "helgdagar") == 1
        count = conn.execute(
            "SELECT adverse_count, title FROM lika.register_rows WHERE assessment_id = %s",
            [draft],
        ).fetchone()
        assert count == (0, "Hemtjänst")
    with server.connect() as owner:
        assert owner.execute("SELECT count(*) FROM lika.refresh_due").fetchone() == (0,)


def test_a_change_after_a_flush_is_rebuilt_again(server):
    draft = server.new_draft("anna")
    with server.connect("anna") as conn, conn.transaction():
        conn.execute(GROUND, [draft, "age", "Äldre"])
        conn.execute(FLUSH)
        conn.execute(
            "UPDATE lika.ground_assessments SET justification = 'Nattöppet' "
            "WHERE assessment_id = %s",
            [draft],
        )
    with server.connect("anna") as conn:
        assert _hits(conn, draft, "nattöppet") == 1
        assert _hits(conn, draft, "äldre") == 0


def test_a_change_rolled_back_to_a_savepoint_is_not_in_the_document(server):
    draft = server.new_draft("anna")
    with server.connect("anna") as conn:
        with conn.transaction():
            conn.execute(GROUND, [draft, "age", "Äldre"])
            with pytest.raises(RuntimeError), conn.transaction():
                conn.execute(GROUND, [draft, "sex", "Kvinnor"])
                raise RuntimeError("rolled back")
        assert _hits(conn, draft, "äldre") == 1
        assert _hits(conn, draft, "kvinnor") == 0


def test_nobody_but_the_owner_touches_the_notes(server):
    import psycopg

    with server.connect("anna") as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT * FROM lika.refresh_due")


def test_an_audit_entry_rebuilds_what_is_due_before_it_takes_the_counter(server):
    """The entry holds the audit counter, which every writer waits for, until its
    transaction ends: the rebuilds must not wait for the commit, behind it."""
    draft = server.new_draft("anna")
    with server.connect("anna") as conn, conn.transaction():
        search = _inserted(conn, "register_search")
        conn.execute(GROUND, [draft, "age", "Äldre"])
        conn.execute("SELECT lika.append_audit('save', %s, 's1-1', 1, 'Saved 1 field')", [draft])
        assert _inserted(conn, "register_search") == search + 1
        assert _hits(conn, draft, "äldre") == 1
        # Still deferred afterwards: a later change is rebuilt at commit, once.
        conn.execute(GROUND, [draft, "sex", "Kvinnor"])
        conn.execute(GROUND, [draft, "religion", "Helgdagar"])
        assert _inserted(conn, "register_search") == search + 1
    with server.connect("anna") as conn:
        assert _hits(conn, draft, "helgdagar") == 1
