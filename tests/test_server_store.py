"""The server store's own promises (issue 20): the login is the actor, the server's
roles decide who edits and approves, status changes keep the version guard, and the
audit chain the store writes is the one ``domain.audit`` verifies."""

from __future__ import annotations

import pytest

from desktop_app.app import registers
from desktop_app.app.service import AssessmentService
from desktop_app.domain.audit import AuditAction, verify_chain
from desktop_app.domain.errors import WorkflowError
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Status
from desktop_app.domain.register import RegisterQuery
from desktop_app.domain.review import CommentTarget
from desktop_app.domain.serialize import assessment_to_dict
from desktop_app.storage.errors import AlreadyExistsError, ConflictError
from tests.helpers import complete_assessment

pytestmark = pytest.mark.postgres


def _service(store, content) -> AssessmentService:
    return AssessmentService(store, content, registers.signed_in(store) or Identity.default())


def test_the_actor_is_the_login_whatever_the_service_names(open_as, server, content):
    store = open_as("anna")
    assert store.actor.name == server.login["anna"] and store.actor.role == "caseworker"
    service = AssessmentService(store, content, Identity("Someone Else", "else"))
    a = service.new_assessment(title="Skolskjuts")
    a.decision.title = "Skolskjuts i glesbygd"
    service.save(a)
    entries = server.audit_entries()
    assert [e.action for e in entries] == [AuditAction.CREATE, AuditAction.SAVE]
    assert {e.actor for e in entries} == {e.os_user for e in entries} == {server.login["anna"]}
    assert verify_chain(entries).ok


def test_review_on_the_server_records_the_logins_and_keeps_the_chain(open_as, server, content):
    anna, rita = _service(open_as("anna"), content), _service(open_as("rita"), content)
    a = anna.repository.create(complete_assessment(content))
    anna.change_status(a, Status.IN_REVIEW)
    seen = rita.get(a.id)
    said = rita.review.add_comment(seen, CommentTarget.ground("sex"), "Ange källan.")
    assert said.author == server.login["rita"]
    with pytest.raises(WorkflowError, match="may not"):  # a caseworker does not comment
        anna.review.store.add_comment(a, CommentTarget.ground("sex"), "x", anna.identity, a.updated)
    rita.change_status(seen, Status.RETURNED, "Komplettera statistiken")
    a = anna.get(a.id)
    a.grounds["sex"].justification = "Kompletterad"
    anna.save(a)  # returned -> draft with the save
    with pytest.raises(WorkflowError, match="may not"):
        rita.review.address_comment(said.id, "Inte min")
    done = anna.review.address_comment(said.id, "Källan är SCB.")
    assert done.addressed_by == server.login["anna"]
    anna.change_status(a, Status.IN_REVIEW)
    seen = rita.get(a.id)
    rita.change_status(seen, Status.APPROVED)
    history = anna.status_history(a.id)
    assert [(c.to_status, c.actor) for c in history] == [
        (Status.IN_REVIEW, server.login["anna"]),
        (Status.RETURNED, server.login["rita"]),
        (Status.DRAFT, server.login["anna"]),
        (Status.IN_REVIEW, server.login["anna"]),
        (Status.APPROVED, server.login["rita"]),
    ]
    assert len(history[-1].fingerprint) == 64 and history[-1].role == "reviewer"
    # Witnessed by the server, not signed: a key's signature covers the client's time.
    assert (history[-1].signature, history[-1].public_key) == ("", "")
    assert anna.approval_states() == {a.id: "witnessed"}
    report = verify_chain(server.audit_entries())
    assert report.ok, report
    assert anna.review.verify_audit().ok
    assert [e.action for e in anna.review.history(a.id)] == [
        AuditAction.CREATE, AuditAction.STATUS, AuditAction.COMMENT, AuditAction.STATUS,
        AuditAction.STATUS, AuditAction.SAVE, AuditAction.ADDRESS, AuditAction.STATUS,
        AuditAction.STATUS,
    ]  # fmt: skip
    newer = anna.review.new_revision(anna.get(a.id))
    assert (newer.revision, newer.status, newer.previous_id) == (2, Status.DRAFT, a.id)
    assert [r.id for r in anna.review.store.revisions(a.series_uid)] == [a.id, newer.id]


def test_a_caseworker_cannot_approve_nor_edit_another_ones_draft(open_as, content):
    anna, bo = _service(open_as("anna"), content), _service(open_as("bo"), content)
    a = anna.repository.create(complete_assessment(content))
    theirs = bo.get(a.id)
    theirs.decision.title = "Bo skriver över"
    with pytest.raises(WorkflowError, match="may not edit"):
        bo.repository.save(theirs)
    with pytest.raises(WorkflowError, match="may not delete"):
        bo.delete(a.id)
    anna.change_status(a, Status.IN_REVIEW)
    with pytest.raises(WorkflowError, match="Only a reviewer"):
        anna.change_status(anna.get(a.id), Status.APPROVED)
    assert anna.get(a.id).status is Status.IN_REVIEW
    assert anna.get(a.id).decision.title == a.decision.title


def test_a_status_change_on_a_stale_version_is_a_conflict(open_as, content):
    one, two = open_as("anna"), open_as("anna")
    a = one.create(complete_assessment(content))
    b = two.get(a.id)
    b.decision.title = "Sparad i det andra fönstret"
    two.save(b)
    with pytest.raises(ConflictError, match="changed elsewhere"):
        _service(one, content).change_status(a, Status.IN_REVIEW)
    assert assessment_to_dict(one.get(a.id)) == assessment_to_dict(b)


def test_evidence_files_and_what_is_not_there_yet(open_as, content):
    store = open_as("anna")
    digest = store.store_evidence_file(b"%PDF-1.7 statistik")
    assert store.store_evidence_file(b"%PDF-1.7 statistik") == digest
    assert store.evidence_file(digest) == b"%PDF-1.7 statistik"
    a = store.create(complete_assessment(content))
    with pytest.raises(AlreadyExistsError, match="already exists"):  # lika import: test_pg_import
        store.store_imported(a, [])
    with registers.reader_on(store) as reader:  # the server's own reader
        assert [row.id for row in reader.rows(RegisterQuery())] == [a.id]


def test_an_evaluation_is_recorded_in_the_logins_name(open_as, server, content):
    from datetime import date

    from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected, MeasureResult
    from desktop_app.domain.model import Measure, MeasureStatus

    anna = _service(open_as("anna"), content)
    a = complete_assessment(content)
    a.measures = [Measure(description=f"Åtgärd {n}", uid=f"{9 - n}-uid") for n in range(4)]
    anna.repository.create(a)
    records = registers.evaluation_records(anna.repository)
    made = records.record(
        Evaluation(
            id=None,
            assessment_id=a.id,
            followup_date=None,
            evaluated_on=date(2027, 3, 1),
            evaluator="Someone Else",
            os_user="else",
            recorded_at=None,
            what_happened="Det gick bra",
            impact=ImpactAsExpected.YES,
            impact_note="",
            next_followup=date(2028, 3, 1),
            measures=tuple(
                MeasureResult(m.uid, m.description, MeasureStatus.DONE, "") for m in a.measures
            ),
        )
    )
    assert made.evaluator == made.os_user == server.login["anna"]
    assert records.for_assessment(a.id) == [made]  # the measures in the assessment's order


def test_a_dropped_connection_fails_once_and_the_next_save_reaches_the_server(
    open_as, server, content
):
    from desktop_app.storage.errors import StorageError

    store = open_as("anna")
    a = store.create(complete_assessment(content))
    a.decision.title = "Sparad efter avbrottet"
    with server.connect() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            [server.login["anna"]],
        )
    with pytest.raises(StorageError, match="cannot be reached"):
        store.save(a)
    store.save(a)  # the same edit, kept by the caller
    assert store.get(a.id).decision.title == "Sparad efter avbrottet"
    assert store.get(a.id).version == a.version == 2


def test_a_returned_assessment_is_submitted_in_one_step(open_as, server, content):
    """returned -> draft -> in_review: two server calls in one transaction, the version
    guard on each, and the window's copy one version on per change."""
    anna, rita = _service(open_as("anna"), content), _service(open_as("rita"), content)
    a = anna.repository.create(complete_assessment(content))
    anna.change_status(a, Status.IN_REVIEW)
    rita.change_status(rita.get(a.id), Status.RETURNED, "Lägg till källor")
    a = anna.get(a.id)
    before = a.version
    anna.change_status(a, Status.IN_REVIEW)
    stored = anna.get(a.id)
    assert (
        (stored.status, stored.version) == (Status.IN_REVIEW, before + 2) == (a.status, a.version)
    )
    assert [c.to_status for c in anna.status_history(a.id)][-2:] == [Status.DRAFT, Status.IN_REVIEW]
    a.decision.title = "Ändrad i granskning"
    with pytest.raises(WorkflowError):
        anna.save(a)


def test_concurrent_saves_lose_no_update_and_keep_the_chain(open_as, server, content):
    """Eight connections append to one assessment at once, each reloading after a
    conflict, as a window does: every append arrives, none twice, and the audit chain
    the server wrote verifies."""
    import threading

    first = open_as("anna")
    a = first.create(complete_assessment(content))
    stores = [open_as("anna") for _ in range(8)]  # opened here: the fixture closes them
    conflicts: list[int] = []
    failures: list[BaseException] = []

    def append(number: int) -> None:
        store = stores[number]
        try:
            while True:
                mine = store.get(a.id)
                mine.grounds["age"].justification += f" [{number}]"
                try:
                    store.save(mine)
                    return
                except ConflictError:
                    conflicts.append(number)
        except BaseException as error:  # reported below, not lost in the thread
            failures.append(error)

    threads = [threading.Thread(target=append, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    text = first.get(a.id).grounds["age"].justification
    assert sorted(int(part.split("]")[0]) for part in text.split("[")[1:]) == list(range(8))
    assert first.get(a.id).version == 1 + 8
    assert verify_chain(server.audit_entries()).ok
