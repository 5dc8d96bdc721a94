"""A server autosave in two round trips, no lock held across a wait for the client
(issue 20, migration 0014_save_guard): the read, then BEGIN .. COMMIT in one
flight; the version guard, row-level security and the audit chain as before.

Round trips are counted from libpq's protocol trace of the store's connection: a
round trip is a run of messages the client sent followed by the server's answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from psycopg.rows import dict_row

from desktop_app.app import registers
from desktop_app.app.service import AssessmentService
from desktop_app.domain.audit import verify_chain
from desktop_app.domain.audit_summary import save_summary
from desktop_app.domain.errors import WorkflowError
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Status
from desktop_app.storage.errors import ConflictError
from desktop_app.storage.postgres import store as store_module
from tests.helpers import complete_assessment

pytestmark = pytest.mark.postgres


def _flights(store, tmp_path: Path, act) -> list[list[str]]:
    """What the client sent in each round trip while ``act()`` ran (one list of
    message lines per round trip)."""
    from psycopg import pq

    trace = tmp_path / "trace.txt"
    with trace.open("w") as out:
        store.conn.pgconn.trace(out.fileno())
        store.conn.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS | pq.Trace.REGRESS_MODE)
        try:
            act()
        finally:
            store.conn.pgconn.untrace()
    flights: list[list[str]] = []
    answered = True
    for line in trace.read_text().splitlines():
        if line.startswith("F"):
            if answered:
                flights.append([])
            flights[-1].append(line)
            answered = False
        elif line.startswith("B"):
            answered = True
    return flights


def _sent(flight: list[str], word: str) -> bool:
    return any(word in line for line in flight)


def _saved_in_another_window(store, assessment_id: int, title: str) -> None:
    """The same login's other window saves the assessment (a new title) meanwhile."""
    other = store.get(assessment_id)
    other.decision.title = title
    store.save(other)


@pytest.mark.parametrize("known", ["created", "loaded", "saved"])
def test_an_autosave_commits_in_the_flight_that_locks_after_at_most_one_read(
    open_as, content, tmp_path, known
):
    """After this store created it (the child rows known, not the whole row) or loaded
    it (neither known): a read, then the write. After this store saved it: the write."""
    store = open_as("anna")
    a = store.create(complete_assessment(content))
    key = sorted(a.grounds)[0]
    if known == "loaded":  # saved elsewhere: the store knows no rows of this version
        other = open_as("anna")
        other.save(other.get(a.id))
        a = store.get(a.id)
    elif known == "saved":
        a.grounds[key].justification += " Först."
        store.save(a)
    a.grounds[key].justification += " Ändrad."
    flights = _flights(store, tmp_path, lambda: store.save(a))
    *reads, write = flights
    assert len(reads) == (0 if known == "saved" else 1), flights
    for read in reads:
        assert _sent(read, "lika.assessments") and not _sent(read, "BEGIN")
        assert _sent(read, "ground_assessments") is (known == "loaded")
    # The row lock (UPDATE), the audit counter (append_audit) and COMMIT: one flight.
    for word in (
        "BEGIN",
        "UPDATE lika.assessments",
        "ground_assessments",
        "append_audit",
        "COMMIT",
    ):
        assert _sent(write, word), (word, write)
    assert store.get(a.id).grounds[key].justification == a.grounds[key].justification


def test_the_row_a_save_remembers_is_the_row_stored(open_as, server, content):
    """A save without a read compares the edit with the row the last save wrote: that
    must be the stored row, column for column, or the next audit entry would be wrong."""
    store = open_as("anna")
    a = store.create(complete_assessment(content))
    a.decision.title = "Ny titel"
    a.summary = "Sammanfattning"
    a.decision.decision_date = None
    store.save(a)
    with server.connect() as conn:
        conn.row_factory = dict_row
        stored = conn.execute("SELECT * FROM lika.assessments WHERE id = %s", [a.id]).fetchone()
    assert store._heads.get(a) == stored
    a.decision.title = "Titel igen"
    store.save(a)
    entries = server.audit_entries()
    assert entries[-1].summary == save_summary(1) and verify_chain(entries).ok
    assert [list(c.path) for c in entries[-1].changes] == [["decision", "title"]]


def test_a_save_that_loses_the_race_after_its_read_is_a_conflict_and_writes_nothing(
    open_as, server, content, monkeypatch
):
    """The other window saves between this save's read and its write: the server's
    guard stops the flight, nothing of it is stored, and the store says reload."""
    mine, theirs = open_as("anna"), open_as("anna")
    a = mine.create(complete_assessment(content))
    key = sorted(a.grounds)[0]
    read = store_module.read_for_save

    def read_then_lose(conn, assessment, remembered):
        found = read(conn, assessment, remembered)
        if conn is mine.conn:  # the other window, once
            b = theirs.get(a.id)
            b.grounds[key].justification = "Det andra fönstret"
            theirs.save(b)
        return found

    monkeypatch.setattr(store_module, "read_for_save", read_then_lose)
    a.grounds[key].justification = "Det här fönstret"
    a.decision.title = "Ny titel"
    with pytest.raises(ConflictError, match="changed elsewhere"):
        mine.save(a)
    monkeypatch.undo()
    stored = mine.get(a.id)
    assert stored.grounds[key].justification == "Det andra fönstret"
    assert stored.decision.title != "Ny titel" and stored.version == 2
    assert [e.action.value for e in server.audit_entries()] == ["create", "save"]
    assert mine.conn.info.transaction_status.name == "IDLE"
    fresh = mine.get(a.id)  # reloaded, the next save goes through
    fresh.grounds[key].justification += " Till sist."
    mine.save(fresh)
    assert verify_chain(server.audit_entries()).ok


def test_another_caseworkers_draft_is_refused_by_the_guard_and_nothing_is_written(
    open_as, server, content
):
    anna, bo = open_as("anna"), open_as("bo")
    a = anna.create(complete_assessment(content))
    theirs = bo.get(a.id)
    key = sorted(theirs.grounds)[0]
    theirs.grounds[key].justification = "Bo skriver över"
    with pytest.raises(WorkflowError, match="may not edit"):
        bo.save(theirs)
    assert anna.get(a.id).grounds[key].justification == a.grounds[key].justification
    assert [e.action.value for e in server.audit_entries()] == ["create"]
    assert bo.conn.info.transaction_status.name == "IDLE"


def test_a_returned_assessment_edited_is_a_draft_again_in_the_same_flight(
    open_as, server, content, tmp_path
):
    anna, rita = open_as("anna"), open_as("rita")
    service = AssessmentService(anna, content, registers.signed_in(anna) or Identity.default())
    checker = AssessmentService(rita, content, registers.signed_in(rita) or Identity.default())
    a = anna.create(complete_assessment(content))
    service.change_status(a, Status.IN_REVIEW)
    checker.change_status(checker.get(a.id), Status.RETURNED, "Lägg till källor")
    a = service.get(a.id)
    before = a.version
    a.decision.title = "Med källor"
    flights = _flights(anna, tmp_path, lambda: service.save(a))
    assert _sent(flights[-1], "change_status") and _sent(flights[-1], "COMMIT")
    stored = service.get(a.id)
    assert (stored.status, stored.version, stored.decision.title) == (
        Status.DRAFT, before + 1, "Med källor"
    )  # fmt: skip
    assert (a.status, a.version) == (Status.DRAFT, before + 1)
    assert service.status_history(a.id)[-1].to_status is Status.DRAFT
    assert verify_chain(server.audit_entries()).ok


def test_a_save_from_the_remembered_row_after_another_window_saved_is_a_conflict(
    open_as, server, content
):
    """No read: the version guard alone finds that the other window saved meanwhile."""
    mine, theirs = open_as("anna"), open_as("anna")
    a = mine.create(complete_assessment(content))
    key = sorted(a.grounds)[0]
    a.grounds[key].justification = "Först"
    mine.save(a)
    _saved_in_another_window(theirs, a.id, "Det andra fönstret")
    a.grounds[key].justification = "Sedan"
    with pytest.raises(ConflictError, match="changed elsewhere"):
        mine.save(a)
    stored = mine.get(a.id)
    assert (stored.grounds[key].justification, stored.decision.title) == (
        "Först", "Det andra fönstret"
    )  # fmt: skip
    assert [e.action.value for e in server.audit_entries()] == ["create", "save", "save"]


def test_refused_flights_leave_the_connection_fit_for_the_next_saves(open_as, content):
    """psycopg prepares a statement on its fifth use; a refused flight skips the rest of
    its statements, so one due to be prepared there must not count as prepared after."""
    mine, theirs = open_as("anna"), open_as("anna")
    a = mine.create(complete_assessment(content))
    key = sorted(a.grounds)[0]
    for n in range(8):
        a.grounds[key].justification += f" [{n}]"
        mine.save(a)
        _saved_in_another_window(theirs, a.id, f"Det andra fönstret {n}")
        a.grounds[key].justification += " (för sent)"
        with pytest.raises(ConflictError):
            mine.save(a)
        a = mine.get(a.id)
    a.grounds[key].justification += " Till sist."
    mine.save(a)
    assert mine.get(a.id).grounds[key].justification.endswith("[7] Till sist.")


def test_without_pipeline_mode_the_same_statements_go_one_by_one(
    open_as, server, content, monkeypatch, tmp_path
):
    """A psycopg whose libpq is older than 14 has no pipeline mode: saves still work,
    the guard still refuses a stale one, a round trip per statement."""
    import psycopg

    monkeypatch.setattr(psycopg.Pipeline, "is_supported", classmethod(lambda cls: False))
    mine, theirs = open_as("anna"), open_as("anna")
    a = mine.create(complete_assessment(content))
    key = sorted(a.grounds)[0]
    a.grounds[key].justification = "Först"
    assert len(_flights(mine, tmp_path, lambda: mine.save(a))) > 2
    _saved_in_another_window(theirs, a.id, "Det andra fönstret")
    a.grounds[key].justification = "Sedan"
    with pytest.raises(ConflictError, match="changed elsewhere"):
        mine.save(a)
    assert mine.get(a.id).grounds[key].justification == "Först"
    service = AssessmentService(mine, content, registers.signed_in(mine) or Identity.default())
    fresh = mine.get(a.id)
    service.change_status(fresh, Status.IN_REVIEW)  # write_flight's ordinary transaction
    mine.delete(a.id)  # _transaction's, with the entry as its last statement
    actions = [e.action.value for e in server.audit_entries()]
    assert actions[:3] == ["create", "save", "save"] and actions[-1] == "delete"
    assert verify_chain(server.audit_entries()).ok


def test_other_writes_send_their_audit_entry_with_commit_in_one_flight(
    open_as, server, content, tmp_path
):
    """A comment, a submission, an approval: whatever takes the audit counter goes in
    the flight that commits, not one round trip before it."""
    from desktop_app.domain.review import CommentTarget

    anna, rita = open_as("anna"), open_as("rita")
    caseworker = AssessmentService(anna, content, registers.signed_in(anna) or Identity.default())
    reviewer = AssessmentService(rita, content, registers.signed_in(rita) or Identity.default())
    a = anna.create(complete_assessment(content))
    flights = _flights(anna, tmp_path, lambda: caseworker.change_status(a, Status.IN_REVIEW))
    assert _sent(flights[-1], "change_status") and _sent(flights[-1], "COMMIT"), flights
    b = reviewer.get(a.id)
    key = sorted(b.grounds)[0]
    flights = _flights(
        rita, tmp_path, lambda: reviewer.review.add_comment(b, CommentTarget.ground(key), "Källa?")
    )
    assert _sent(flights[-1], "append_audit") and _sent(flights[-1], "COMMIT"), flights
    assert not any(_sent(f, "append_audit") for f in flights[:-1])
    flights = _flights(rita, tmp_path, lambda: reviewer.change_status(b, Status.RETURNED, "Se"))
    assert _sent(flights[-1], "change_status") and _sent(flights[-1], "COMMIT"), flights
    assert reviewer.get(a.id).status is Status.RETURNED
    assert verify_chain(server.audit_entries()).ok


def test_a_refused_write_leaves_the_connection_idle_and_usable(open_as, server, content):
    from desktop_app.domain.errors import WorkflowError as Refused

    anna, bo = open_as("anna"), open_as("bo")
    a = anna.create(complete_assessment(content))
    for _ in range(6):  # past psycopg's prepare threshold
        with pytest.raises(Refused, match="may not delete"):
            bo.delete(a.id)
        assert bo.conn.info.transaction_status.name == "IDLE"
    mine = bo.create(complete_assessment(content))
    bo.delete(mine.id)
    assert [e.action.value for e in server.audit_entries()] == ["create", "create", "delete"]


def test_the_child_rows_are_worked_out_before_the_flight_starts(open_as, content, monkeypatch):
    """Once the server holds the row lock it waits for nothing from this client: the
    statements are all made before BEGIN is sent, and then sent in one burst."""
    store = open_as("anna")
    a = store.create(complete_assessment(content))
    seen: list[str] = []
    write = store._children.write

    def watched(db, *args, **kwargs):
        seen.append(store.conn.info.transaction_status.name)
        return write(db, *args, **kwargs)

    monkeypatch.setattr(store._children, "write", watched)
    key = sorted(a.grounds)[0]
    a.grounds[key].justification += " Ändrad."
    store.save(a)
    assert seen == ["IDLE"]
    assert store.get(a.id).grounds[key].justification == a.grounds[key].justification


def test_a_window_s_repeated_autosaves_use_prepared_statements(open_as, content, tmp_path):
    """psycopg prepares a statement from its fifth use (``prepare_threshold``): a
    window's later autosaves bind named statements instead of parsing their SQL again."""
    store = open_as("anna")
    a = store.create(complete_assessment(content))
    key = sorted(a.grounds)[0]
    for n in range(6):
        a.grounds[key].justification += f" [{n}]"
        store.save(a)
    a.grounds[key].justification += " Till sist."
    (write,) = _flights(store, tmp_path, lambda: store.save(a))
    parsed = [line for line in write if "\tParse\t" in line]
    assert all('"BEGIN"' in line or '"COMMIT"' in line for line in parsed), parsed
    assert any('Bind\t "" "_pg3_' in line for line in write), write


def test_a_write_inside_another_transaction_is_undone_with_it(open_as, server):
    """An import stores its files inside its own transaction: the inner write must not
    commit the outer one's work (its flight's COMMIT would), only a savepoint."""
    store = open_as("anna")
    with pytest.raises(RuntimeError, match="refused later"), store._transaction():
        store.store_evidence_file(b"inner")
        raise RuntimeError("refused later")
    with server.connect() as conn:
        assert conn.execute("SELECT count(*) FROM lika.evidence_files").fetchone() == (0,)
    assert store.conn.info.transaction_status.name == "IDLE"
    store.store_evidence_file(b"alone")
    with server.connect() as conn:
        assert conn.execute("SELECT count(*) FROM lika.evidence_files").fetchone() == (1,)


def test_a_refusal_met_while_the_flight_is_sent_is_raised_once_and_logs_nothing(
    open_as, content, monkeypatch, caplog
):
    """psycopg raises the guard's refusal as soon as its answer arrives, maybe while
    later statements are still being sent; that must not log "error ignored" (a
    warning on a command's stderr), and the store still says reload."""
    import time

    from desktop_app.storage.postgres.save_flight import Batch

    mine, theirs = open_as("anna"), open_as("anna")
    a = mine.create(complete_assessment(content))
    key = sorted(a.grounds)[0]
    a.grounds[key].justification += " Först."
    mine.save(a)
    _saved_in_another_window(theirs, a.id, "Det andra fönstret")
    send = Batch.send

    def slowly(self, conn):  # the guard's answer arrives before the next statement
        for query, params in self.statements:
            conn.execute(query, params)
            time.sleep(0.05)

    monkeypatch.setattr(Batch, "send", slowly)
    a.grounds[key].justification += " För sent."
    with (
        caplog.at_level("WARNING", logger="psycopg"),
        pytest.raises(ConflictError, match="changed elsewhere"),
    ):
        mine.save(a)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("psycopg")] == []
    monkeypatch.setattr(Batch, "send", send)
    fresh = mine.get(a.id)
    fresh.grounds[key].justification += " Omladdad."
    mine.save(fresh)
