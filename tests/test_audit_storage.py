"""The audit log in the database: append-only, tamper-evident (``lika check``), and the
locks on approved assessments; fingerprints that survive export, import and a new
register; generated and demo data that pass the same checks."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app.__main__ import main
from desktop_app.app import transfer
from desktop_app.app.service import AssessmentService, Identity
from desktop_app.domain.errors import UnreadableDataError, WorkflowError
from desktop_app.domain.fingerprint import fingerprint
from desktop_app.domain.model import Status
from desktop_app.domain.review import CommentTarget
from desktop_app.storage import exchange
from desktop_app.storage.repository import AssessmentRepository
from tests.conftest import FakeClock
from tests.helpers import complete_assessment


def lika(*args: str) -> int:
    try:
        return main(list(args))
    except SystemExit as exit_info:
        return int(exit_info.code or 0)


def _service(path: Path, content) -> AssessmentService:
    repo = AssessmentRepository.open(path, clock=FakeClock())
    return AssessmentService(repo, content, Identity("Ája", "aja"), clock=FakeClock())


@pytest.fixture
def logged(db_path, content) -> Path:
    """A closed register with a few audit entries of every common kind."""
    service = _service(db_path, content)
    a = service.repository.create(complete_assessment(content))
    a.decision.title = "Ändrad"
    service.save(a)
    service.review.submit(a)
    service.review.add_comment(a, CommentTarget.step("decision"), "Bra")
    service.review.approve(a)
    service.repository.create(complete_assessment(content))
    service.repository.close()
    return db_path


def _count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


# Append-only


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET actor = 'Mallory' WHERE id = 2", "DELETE FROM audit_log WHERE id = 2"],
)
def test_the_database_refuses_to_change_or_remove_entries(logged, statement) -> None:
    conn = sqlite3.connect(logged)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute(statement)
    conn.close()
    assert _count(logged) == 6


def test_the_repository_reports_a_refused_change_as_a_workflow_error(logged, content) -> None:
    service = _service(logged, content)
    with pytest.raises(WorkflowError, match="append-only"), service.repository.transaction() as db:
        db.execute("DELETE FROM audit_log")
    service.repository.close()
    assert _count(logged) == 6


def test_an_intact_log_passes_lika_check(logged, capsys) -> None:
    assert lika("check", "--db", str(logged)) == 0  # no backups yet: only a warning
    out = capsys.readouterr().out
    assert "6 entries, hash chain intact" in out


# Tampering (with the protecting triggers dropped first, as an attacker would)


def _tamper(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER audit_log_no_update")
        conn.execute("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            conn.execute(statement)
    conn.close()


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        (["UPDATE audit_log SET actor = 'Mallory' WHERE id = 3"], "entry 3 was changed"),
        (["UPDATE audit_log SET changes = '[]' WHERE id = 2"], "entry 2 was changed"),
        (["UPDATE audit_log SET at = 'yesterday' WHERE id = 4"], "entry 4 was changed"),
        (["DELETE FROM audit_log WHERE id = 3"], "entry 4 does not follow entry 2"),
        (["DELETE FROM audit_log WHERE id = 1"], "entry 2 does not follow the first entry"),
        (["DELETE FROM audit_log WHERE id = 6"], "after 5 (up to 6) were removed"),
        (["DELETE FROM audit_log"], "after 0 (up to 6) were removed"),
    ],
)
def test_lika_check_reports_a_changed_or_removed_entry(logged, capsys, statements, message) -> None:
    _tamper(logged, *statements)
    assert lika("check", "--db", str(logged)) == 1
    out = capsys.readouterr().out
    assert "tampered with" in out and message in out
    assert "Something is wrong." in out


def test_a_forged_entry_with_a_recomputed_hash_breaks_the_next_link(logged, capsys) -> None:
    from desktop_app.domain.audit import hash_of
    from desktop_app.storage import audit

    conn = sqlite3.connect(logged)
    forged = audit.entries_for(conn, uid=conn.execute(
        "SELECT assessment_uid FROM audit_log WHERE id = 3").fetchone()[0])[2]  # fmt: skip
    conn.close()
    forged = type(forged)(**{**forged.__dict__, "actor": "Mallory"})
    _tamper(
        logged, f"UPDATE audit_log SET actor = 'Mallory', hash = '{hash_of(forged)}' WHERE id = 3"
    )
    assert lika("check", "--db", str(logged)) == 1
    assert "entry 4 does not follow entry 3" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("statement", "detail"),
    [
        ("UPDATE audit_log SET at = 'garbage' WHERE id = 3", "'garbage'"),
        ("UPDATE audit_log SET action = 'erase' WHERE id = 3", "'erase'"),
        ("UPDATE audit_log SET changes = 'not json' WHERE id = 3", "changes"),
    ],
)
def test_an_unreadable_entry_is_reported_not_a_crash(logged, content, capsys, statement, detail):
    """The history of a tampered log says which entry is broken and what to do, as one
    line and exit 1 (a damaged register, not the user's mistake); nothing is changed."""
    _tamper(logged, statement)
    assert lika("history", "1", "--db", str(logged)) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith("lika: Audit entry 3 cannot be read (")
    assert detail in line and line.endswith("; run lika check")
    assert "internal error" not in line and captured.out == ""
    service = _service(logged, content)
    with pytest.raises(UnreadableDataError, match="Audit entry 3 cannot be read"):
        service.review.history(1)
    assert not service.review.verify_audit().ok  # and lika check still names it
    service.repository.close()


def test_dropped_protection_alone_is_a_warning_and_comes_back_on_open(
    logged, content, capsys
) -> None:
    _tamper(logged)
    lika("check", "--db", str(logged))
    assert "protection against changes is missing" in capsys.readouterr().out
    _service(logged, content).repository.close()
    lika("check", "--db", str(logged))
    assert "hash chain intact" in capsys.readouterr().out


# Locks on approved assessments, in the database itself


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE assessments SET title = 'Efteråt' WHERE id = 1",
        "UPDATE assessments SET status = 'draft' WHERE id = 1",
        "UPDATE ground_assessments SET justification = 'x' WHERE assessment_id = 1",
        "DELETE FROM measures WHERE assessment_id = 1",
        "INSERT INTO answers (assessment_id, question_id, value) VALUES (1, 'q.new', 'x')",
    ],
)
def test_the_database_refuses_changes_to_an_approved_assessment(logged, statement) -> None:
    conn = sqlite3.connect(logged)
    with pytest.raises(sqlite3.IntegrityError, match="approved assessment cannot be changed"):
        conn.execute(statement)
    conn.close()


def test_an_approved_assessment_cannot_be_deleted(logged, content) -> None:
    service = _service(logged, content)
    before = service.review.history(1)
    with pytest.raises(WorkflowError, match="approved assessment cannot be deleted"):
        service.repository.delete(1)
    assert service.repository.get(1).status is Status.APPROVED
    assert service.review.history(1) == before
    service.repository.close()


def test_a_deleted_draft_keeps_its_audit_entries(logged, content) -> None:
    service = _service(logged, content)
    draft = service.review.new_revision(service.repository.get(1))
    service.repository.delete(draft.id)
    assert service.review.history(draft.id)[-1].summary == "deleted (draft)"
    assert {e.assessment_uid for e in service.review.history(draft.id)} == {draft.uid}
    assert service.review.verify_audit().ok
    service.repository.close()


# Fingerprints across export, import and a new register


def test_fingerprint_is_the_same_after_export_and_import_into_a_fresh_register(
    logged, tmp_path, content
) -> None:
    service = _service(logged, content)
    approved = service.repository.get(1)
    printed = fingerprint(approved)
    assert service.review.approval(approved).printed == printed
    out = tmp_path / "approved.json"
    transfer.export_file(service.repository, 1, out)
    service.repository.close()

    fresh = _service(tmp_path / "fresh.db", content)
    document = exchange.read_file(out, content.checklists.checklists)
    imported = transfer.import_document(fresh.repository, document, transfer.ImportMode.NEW)
    reread = fresh.repository.get(imported.id)
    assert fingerprint(reread) == printed
    assert fresh.review.verify_fingerprint(imported.id, printed).matches
    assert [e.action.value for e in fresh.review.history(imported.id)] == ["import"]
    # Changing any answer changes it.
    reread.status = Status.DRAFT
    reread.answer("age.evidence").value = "no"
    assert fingerprint(reread) != printed
    fresh.repository.close()


def test_an_import_over_an_approved_assessment_changes_nothing(logged, tmp_path, content) -> None:
    service = _service(logged, content)
    out = tmp_path / "approved.json"
    transfer.export_file(service.repository, 1, out)
    document = exchange.read_file(out, content.checklists.checklists)
    # An in-review copy with other content (a changed approved one is refused earlier,
    # as signed over other content).
    document.history = document.history[:-1]
    document.assessment.status = Status.IN_REVIEW
    document.assessment.decision.title = "Ändrad i filen"
    entries = _count(logged)
    with pytest.raises(WorkflowError, match="approved and cannot be overwritten"):
        transfer.import_document(service.repository, document, transfer.ImportMode.REPLACE)
    assert service.repository.get(1).decision.title == "Ändrad"
    service.repository.close()
    assert _count(logged) == entries


# Generated and demo data


def test_generated_register_has_a_whole_chain_and_true_fingerprints(db_path, content) -> None:
    from desktop_app.app.generator import generate
    from desktop_app.storage.bulk import bulk_insert

    service = _service(db_path, content)
    service.repository.create(complete_assessment(content))  # the chain continues from it
    items = list(generate(content, 300, today=date(2026, 11, 1), seed=7))
    bulk_insert(service.repository.db, items, len(items))
    report = service.review.verify_audit()
    assert report.ok and report.checked > 600
    approved = [i for i in items if i.assessment.status is Status.APPROVED]
    for item in approved[:50]:
        record = service.review.approval(service.repository.get(item.assessment.id))
        assert record is not None
        assert record.printed == fingerprint(service.repository.get(item.assessment.id))
    returned = [i for i in items if i.assessment.status is Status.RETURNED]
    assert returned and all(service.review.comments(i.assessment.id) for i in returned)
    revised = [i for i in items if i.previous is not None]
    assert revised
    assert service.review.history(revised[0].assessment.id)[0].action.value == "new_revision"
    # The locks are back after the load.
    with pytest.raises(WorkflowError), service.repository.transaction() as db:
        db.execute("UPDATE assessments SET title = 'x' WHERE id = ?", [approved[0].assessment.id])
    service.repository.close()


def test_demo_data_passes_lika_check_and_has_comments(db_path, content, capsys) -> None:
    assert lika("demo", "--db", str(db_path)) == 0
    service = _service(db_path, content)
    assert service.review.verify_audit().ok
    commented = [s for s in service.repository.list_summaries() if service.review.comments(s.id)]
    assert {s.status for s in commented} == {Status.RETURNED, Status.DRAFT}
    for summary in service.repository.list_summaries(status=Status.APPROVED):
        check = service.review.verify_fingerprint(
            summary.id, fingerprint(service.repository.get(summary.id))
        )
        assert check.matches
    service.repository.close()
    capsys.readouterr()
    lika("check", "--db", str(db_path))
    assert "hash chain intact" in capsys.readouterr().out


def test_bulk_loaded_comments_are_logged_as_the_review_store_logs_them(db_path, content) -> None:
    """One format for every writer: the comment's id, its target and text; the address
    entry names the caseworker's OS account, not a made-up one."""
    from desktop_app.storage.bulk import bulk_insert
    from tests.helpers import returned_with_an_addressed_comment

    service = _service(db_path, content)
    live = service.repository.create(complete_assessment(content))
    service.change_status(live, Status.IN_REVIEW)
    service.review.add_comment(live, CommentTarget.ground("age"), "Saknar statistik.")
    item = returned_with_an_addressed_comment(content)
    bulk_insert(service.repository.db, [item], 1)

    [first] = service.review.comments(live.id)
    [loaded] = service.review.comments(item.assessment.id)
    assert loaded.id == first.id + 1 and loaded.addressed
    live_entry = service.review.history(live.id)[-1]
    assert live_entry.summary == f"comment {first.id} on ground:age: Saknar statistik."
    by_action = {e.action.value: e for e in service.review.history(item.assessment.id)}
    assert by_action["comment"].summary == f"comment {loaded.id} on ground:age: Saknar statistik."
    assert by_action["comment"].os_user == "olga"
    assert by_action["address"].summary == f"comment {loaded.id} addressed: Tillagd."
    assert by_action["address"].os_user == "maret"
    assert service.review.verify_audit().ok
    service.repository.close()


def test_the_background_audit_check_reports_a_database_error_as_a_lika_error(
    service, monkeypatch
) -> None:
    """The history dialog shows a LikaError's message; it no longer knows sqlite3."""
    import sqlite3

    from desktop_app.domain.errors import LikaError
    from desktop_app.storage import review as review_store

    def broken(_conn):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(review_store.audit, "verify", broken)
    check = service.review.audit_check()
    with pytest.raises(LikaError, match="damaged"):
        check()
