"""The tampering corpus, part 4: blinding the checks by making the register look older.

Lika reads registers from before the approval record (0005) or the audit log (0003)
existed, so a missing column or table could mean an old register. What must be there
is decided from what an attacker cannot remove without it showing: the upgrades the
register records as applied (and that they were applied in order), and the audit
log's own entries (whose hashes cover the approval record). A column, table or guard
that those say must exist, and does not, is tampering."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.storage.migrations import MIGRATION_SET
from desktop_app.storage.repository import AssessmentRepository
from tests.tampering_helpers import (
    check,
    listed,
    make_register,
    problems,
    register_state,
    run,
    sql,
)

DROP_AUDIT_ID = (
    "DROP TRIGGER status_changes_no_update",
    "DROP INDEX status_changes_audit",
    "ALTER TABLE status_changes DROP COLUMN audit_id",
    "UPDATE status_changes SET actor = 'Mallory' WHERE to_status = 'approved'",
)
FORGET_0005 = (
    f"DELETE FROM _sqlite_migrations WHERE migration_set = '{MIGRATION_SET}' "
    "AND name = '0005_signed_approvals'",
)


@pytest.fixture
def db(tmp_path, content, capsys):
    return make_register(tmp_path / "register.db", content, capsys)


def _approved_fingerprint(db, capsys) -> str:
    import json

    code, out, _ = run(db, capsys, "fingerprint", "1", "--format", "json")
    assert code == 0
    return str(json.loads(out)["approved_fingerprint"])


@pytest.mark.parametrize("forget", [False, True], ids=["recorded", "record of 0005 deleted"])
def test_dropping_the_approval_records_audit_column_does_not_blind_check(
    db, capsys, forget
) -> None:
    fingerprint = _approved_fingerprint(db, capsys)
    sql(db, *DROP_AUDIT_ID, *(FORGET_0005 if forget else ()))
    code, found = check(db, capsys)
    assert code == 1, found
    assert "status_changes.audit_id" in problems(found), problems(found)
    # verify says one thing, and never that Mallory's approval matches
    before = register_state(db)
    code, out, err = run(db, capsys, "verify", "1", "--fingerprint", fingerprint)
    assert code != 0 and not out.startswith("Matches"), (out, err)
    assert "Mallory" not in out or "Not verified" in out
    assert register_state(db) == before  # refused before anything was written


def test_a_register_missing_its_approval_columns_is_not_opened(db, capsys) -> None:
    sql(db, *DROP_AUDIT_ID)
    before = register_state(db)
    code, _out, err = run(db, capsys, "list", "--format", "json")
    assert code != 0 and "status_changes.audit_id" in err, err
    assert "outside Lika" in err
    assert register_state(db) == before


def test_list_json_does_not_call_an_unrecorded_approval_approved(db, capsys) -> None:
    """Read without opening (a reader that does not go through open_database)."""
    from desktop_app.storage.approval_records import approval_states

    sql(db, *DROP_AUDIT_ID)
    conn = sqlite3.connect(db)
    try:
        assert approval_states(conn) == {1: "unrecorded"}
    finally:
        conn.close()


def test_the_audit_log_dropped_with_the_comments(db, capsys) -> None:
    sql(db, "DROP TABLE audit_log", "DROP TABLE review_comments")
    code, found = check(db, capsys)
    assert code == 1
    assert found["audit"][0] == "problem" and "missing" in found["audit"][1], found["audit"]


def test_a_pending_upgrade_older_than_an_applied_one_is_a_problem(db, capsys) -> None:
    sql(
        db,
        "DROP TABLE audit_log",
        "DROP TABLE review_comments",
        f"DELETE FROM _sqlite_migrations WHERE migration_set = '{MIGRATION_SET}' "
        "AND name = '0003_review'",
    )
    code, found = check(db, capsys)
    assert code == 1
    assert "0003_review" in problems(found) and "outside Lika" in problems(found)
    assert found["audit"][0] == "problem", found["audit"]


def test_the_evidence_files_table_dropped(db, capsys) -> None:
    sql(db, "DROP TABLE evidence_files")
    code, found = check(db, capsys)
    assert code == 1
    assert "evidence_files" in found["upgrades"][1], problems(found)


def test_a_dropped_approval_guard_is_still_expected(db, capsys) -> None:
    """Without the column the guard list used to shrink, so nothing was missing."""
    sql(db, *DROP_AUDIT_ID[:3])
    code, found = check(db, capsys)
    assert code == 1
    assert "status_changes_no_update" in found["guards"][1], found["guards"]


def test_an_old_register_still_passes(tmp_path, content, capsys) -> None:
    """A register created before 0005 (its upgrade not applied) is not tampering."""
    from sqlite_utils import Database

    from desktop_app.storage.migrations import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = Database(conn, execute_plugins=False)
    migrations.apply(db, stop_before="0005_signed_approvals")
    conn.close()
    path.chmod(0o600)
    code, found = check(path, capsys)
    assert code == 0, problems(found)
    repo = AssessmentRepository.open(path)  # upgraded when opened
    repo.close()
    code, found = check(path, capsys)
    assert code == 0, problems(found)
    assert listed(path, capsys) == {}


def test_stripping_the_approval_record_to_look_older_breaks_the_chain(db, capsys) -> None:
    """Every column and table of 0005 and its record removed: the audit entries that
    covered the approval record still say it was there (their hashes include it)."""
    columns = ("signature", "public_key", "trust", "audit_id", "generation")
    sql(
        db,
        *(
            f"DROP TRIGGER {t}"
            for t in (
                "status_changes_no_update",
                "status_changes_no_delete",
                "evidence_marks_no_change",
                "assessments_no_delete_approved",
            )
        ),
        "DROP INDEX status_changes_audit",
        *(f"ALTER TABLE status_changes DROP COLUMN {c}" for c in columns),
        "DROP TABLE evidence_marks",
        *FORGET_0005,
        "UPDATE status_changes SET actor = 'Mallory' WHERE to_status = 'approved'",
    )
    code, found = check(db, capsys)
    assert code == 1 and "0005_signed_approvals was removed" in found["upgrades"][1], found
    sql(db, "ALTER TABLE audit_log DROP COLUMN record_hash")
    code, found = check(db, capsys)
    assert code == 1 and found["audit"][0] == "problem", problems(found)
