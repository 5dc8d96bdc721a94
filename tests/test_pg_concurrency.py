"""Two people acting on one assessment at once on a server register (issue 20): what
the load test (``benchmarks/pg_load.py``) found, each reproduced with two connections."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

import pytest

from desktop_app.domain.model import Status, StatusChange
from desktop_app.register_location import ServerUrl
from desktop_app.storage.errors import ConflictError
from tests.pg_helpers import Server

pytestmark = pytest.mark.postgres


@pytest.fixture
def server(pg_cluster) -> Server:
    return Server(pg_cluster, pg_cluster.new_database())


@pytest.mark.parametrize(
    ("refresh", "table"),
    [("refresh_search", "register_search"), ("refresh_register_row", "register_rows")],
)
def test_two_transactions_refreshing_one_assessment_both_commit(server, refresh, table):
    """Two reviewers commenting on one assessment at once: each comment's trigger
    rebuilds its search document and register row. The second waited for the first's
    DELETE, then inserted beside the first's committed row: a duplicate key."""
    draft = server.new_draft("anna")
    first, second = server.connect(), server.connect()
    failed: list[Exception] = []

    def refresh_too() -> None:
        try:
            with second.transaction():
                second.execute(f"SELECT lika.{refresh}(%s)", [draft])
        except Exception as error:  # the finding
            failed.append(error)

    with first.transaction():
        first.execute(f"SELECT lika.{refresh}(%s)", [draft])
        other = threading.Thread(target=refresh_too)
        other.start()
        other.join(0.5)
        assert other.is_alive()  # it waits for the first transaction
    other.join(10)
    assert failed == []
    found = first.execute(
        f"SELECT count(*) FROM lika.{table} WHERE assessment_id = %s", [draft]
    ).fetchone()
    assert found == (1,)
    first.close()
    second.close()


def _change(to: Status) -> StatusChange:
    return StatusChange(Status.IN_REVIEW, to, "x", "x", datetime(2026, 11, 2, tzinfo=UTC))


def test_a_status_change_on_a_stale_copy_is_a_conflict_not_a_wrong_transition(server):
    """Two reviewers return the same submitted assessment: the second had loaded it
    before the first returned it. The server refused 'cannot go from returned to
    returned', which is not what happened: it was changed elsewhere; reload."""
    from desktop_app.app import registers

    draft = server.new_draft("anna")
    with server.connect("anna") as conn:
        conn.execute("SELECT lika.change_status(%s, 'in_review', 1)", [draft])
    url = ServerUrl(server.cluster.url_for(server.database, server.login["rita"]))
    one, two = registers.open_store(url), registers.open_store(url)
    mine, theirs = one.get(draft), two.get(draft)
    one.record_status_change(mine, _change(Status.RETURNED))

    with pytest.raises(ConflictError, match="changed elsewhere"):
        two.record_status_change(theirs, _change(Status.RETURNED))
    assert two.get(draft).version == mine.version  # nothing more was written
    one.close()
    two.close()


def _wait_until_waiting(server: Server, pid: int) -> None:
    """Until the backend ``pid`` waits for a lock (asked from a third connection: a
    transaction sees one snapshot of ``pg_stat_activity``)."""
    with server.connect() as observer:
        for _ in range(200):
            found = observer.execute(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid]
            ).fetchone()
            if found == ("Lock",):
                return
            time.sleep(0.025)
    raise AssertionError(f"backend {pid} never waited for a lock")


def test_deleting_while_a_save_holds_the_row_does_not_deadlock(server):
    """A save locks the assessment's row (its UPDATE) and then the audit counter (its
    entry). The store's delete took them the other way round: its entry first, then the
    DELETE waited for the save's row while the save's entry waited for the counter the
    delete held: a deadlock (40P01), one of the two rolled back."""
    from desktop_app.storage.postgres.store import ServerStore

    draft = server.new_draft("anna")
    saving = server.connect("anna")
    deleter = ServerStore(server.cluster.url_for(server.database, server.login["anna"]))
    failed: list[Exception] = []

    def delete() -> None:
        try:
            deleter.delete(draft)
        except Exception as error:  # the finding
            failed.append(error)

    other = threading.Thread(target=delete)
    try:
        with saving.transaction():
            saving.execute("UPDATE lika.assessments SET title = 'Ny' WHERE id = %s", [draft])
            other.start()
            _wait_until_waiting(server, deleter.conn.info.backend_pid)
            saving.execute(
                "SELECT lika.append_audit('save', %s, 's1-1', 1, 'Saved 1 field', '[]')",
                [draft],
            )
    except Exception as error:  # the finding, when the save is the one rolled back
        failed.append(error)
    other.join(10)
    assert failed == []
    assert saving.execute("SELECT count(*) FROM lika.assessments").fetchone() == (0,)
    actions = saving.execute("SELECT action FROM lika.audit_log ORDER BY id").fetchall()
    assert actions == [("save",), ("delete",)]
    saving.close()
    deleter.close()
