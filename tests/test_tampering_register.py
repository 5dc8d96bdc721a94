"""The tampering corpus, part 1: someone with the register file and ``sqlite3``.

Each attack is made the way the issue describes (guard triggers dropped where they
stand in the way, and put back afterwards so only the attack is left), and ``lika
check`` must name it with exit code 1. Written before the change (issue 13)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.domain.audit import entry_hash
from desktop_app.storage.repository import AssessmentRepository
from tests.tampering_helpers import (
    around_triggers,
    check,
    make_register,
    problems,
    run,
    sql,
    trigger_sql,
)

LOCK = "review_lock_assessments"


@pytest.fixture
def db(tmp_path, content, capsys):
    return make_register(tmp_path / "register.db", content, capsys)


def test_an_untouched_register_passes(db, capsys) -> None:
    code, found = check(db, capsys)
    assert code == 0, problems(found)
    assert found["approvals"][0] == "ok" and found["guards"][0] == "ok"


def test_approved_content_changed_after_the_approval(db, capsys) -> None:
    around_triggers(
        db, [LOCK], "UPDATE assessments SET summary = 'Inga grupper påverkas' WHERE id = 1"
    )
    code, found = check(db, capsys)
    assert code == 1
    assert "assessment 1" in problems(found) and "no longer matches" in problems(found)
    # verify says one thing: not a match, exit 1, and never "Matches"
    printed = run(db, capsys, "fingerprint", "1", "--format", "json")[1]
    import json

    approved = json.loads(printed)["approved_fingerprint"]
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", approved)
    assert code == 1 and not out.startswith("Matches"), out


def test_the_audit_log_dropped(db, capsys) -> None:
    sql(db, "DROP TABLE audit_log")
    code, found = check(db, capsys)
    assert code == 1
    assert found["audit"][0] == "problem" and "missing" in found["audit"][1]


def test_an_approval_record_edited(db, capsys) -> None:
    around_triggers(db, ["status_changes_no_update"], "UPDATE status_changes SET actor = 'Mallory'")
    code, found = check(db, capsys)
    assert code == 1 and "approval records" in problems(found), problems(found)
    fingerprint = _approved_fingerprint(db)
    code, out, _ = run(db, capsys, "verify", "1", "--fingerprint", fingerprint)
    assert code == 1 and not out.startswith("Matches"), out


def test_an_approval_record_deleted(db, capsys) -> None:
    around_triggers(
        db,
        ["status_changes_no_delete"],
        "DELETE FROM status_changes WHERE to_status = 'approved'",
    )
    code, found = check(db, capsys)
    assert code == 1 and "approval records" in problems(found), problems(found)


def test_approval_records_reordered(db, capsys) -> None:
    around_triggers(
        db,
        ["status_changes_no_update"],
        "UPDATE status_changes SET id = id + 1000 "
        "WHERE assessment_id = 1 AND from_status = 'draft'",
    )
    code, found = check(db, capsys)
    assert code == 1 and "approval records" in problems(found), problems(found)


def test_an_approved_assessment_set_back_to_draft(db, capsys) -> None:
    around_triggers(db, [LOCK], "UPDATE assessments SET status = 'draft' WHERE id = 1")
    code, found = check(db, capsys)
    assert code == 1 and "assessment 1" in problems(found), problems(found)


def test_deleting_an_approved_assessment_is_refused_whatever_foreign_keys_says(db) -> None:
    for keys in (True, False):
        with pytest.raises(sqlite3.DatabaseError, match="approved"):
            sql(db, "DELETE FROM assessments WHERE id = 1", foreign_keys=keys)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM assessments WHERE id = 1").fetchone()[0] == 1
    conn.close()


def test_an_approved_assessment_deleted_around_the_trigger(db, capsys) -> None:
    around_triggers(
        db,
        ["assessments_no_delete_approved", "status_changes_no_delete"],
        "PRAGMA foreign_keys = ON",
        "DELETE FROM assessments WHERE id = 1",
    )
    code, found = check(db, capsys)
    assert code == 1 and "approval records" in problems(found), problems(found)


@pytest.mark.parametrize(
    "name", ["audit_log_no_update", LOCK, "status_changes_no_delete", "review_lock_measures_insert"]
)
def test_a_missing_guard_trigger_is_reported_and_stays_reported_after_an_open(
    db, capsys, name
) -> None:
    sql(db, f"DROP TRIGGER {name}")
    code, found = check(db, capsys)
    assert code == 1 and name in found["guards"][1] and found["guards"][0] == "problem"
    # Opening the register puts the guard back, but not silently: check still says so.
    AssessmentRepository.open(db).close()
    code, found = check(db, capsys)
    assert code == 1 and name in problems(found), problems(found)


def test_an_altered_guard_trigger_is_reported(db, capsys) -> None:
    original = trigger_sql(db, "audit_log_no_delete")
    weakened = original.replace("BEFORE DELETE ON audit_log", "BEFORE DELETE ON audit_log WHEN 0")
    assert weakened != original
    sql(db, "DROP TRIGGER audit_log_no_delete", weakened)
    code, found = check(db, capsys)
    assert code == 1 and "audit_log_no_delete" in found["guards"][1]
    assert "altered" in found["guards"][1]


def test_a_correctly_hashed_status_entry_appended_by_hand(db, capsys) -> None:
    """An entry that claims an approval the register's records do not hold."""
    conn = sqlite3.connect(db)
    last_id, last_hash = conn.execute(
        "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    uid = conn.execute("SELECT uid FROM assessments WHERE id = 2").fetchone()[0]
    conn.close()
    from datetime import UTC, datetime

    at = datetime(2026, 11, 3, 12, 0, tzinfo=UTC)
    fields = dict(
        id=last_id + 1, at=at, actor="Direktör", os_user="dir", assessment_id=2,
        assessment_uid=uid, revision=1, action="status",
        summary="in_review -> approved (fingerprint 0000)", changes=(),
    )  # fmt: skip
    digest = entry_hash(last_hash, **fields)
    sql(
        db,
        "INSERT INTO audit_log (id, at, actor, os_user, assessment_id, assessment_uid, "
        "revision, action, summary, changes, prev_hash, hash) VALUES "
        f"({last_id + 1}, '{at.isoformat()}', 'Direktör', 'dir', 2, '{uid}', 1, 'status', "
        f"'in_review -> approved (fingerprint 0000)', '[]', '{last_hash}', '{digest}')",
    )
    code, found = check(db, capsys)
    assert code == 1 and f"audit entry {last_id + 1}" in problems(found), problems(found)


def test_an_approval_record_appended_by_hand(db, capsys) -> None:
    around_triggers(
        db,
        [LOCK],
        "INSERT INTO status_changes (assessment_id, from_status, to_status, actor, os_user, at, "
        "comment, fingerprint) VALUES (2, 'in_review', 'approved', 'Direktör', 'dir', "
        "'2026-11-03T12:00:00+00:00', '', '')",
        "UPDATE assessments SET status = 'approved' WHERE id = 2",
    )
    code, found = check(db, capsys)
    assert code == 1 and "approval records" in problems(found), problems(found)
    code, out, _ = run(db, capsys, "list", "--format", "json")
    import json

    assert {r["id"]: r for r in json.loads(out)}[2]["approval"] != "witnessed"


def test_a_broken_chain_is_still_found(db, capsys) -> None:
    around_triggers(
        db, ["audit_log_no_update"], "UPDATE audit_log SET actor = 'Mallory' WHERE id = 2"
    )
    code, found = check(db, capsys)
    assert code == 1 and found["audit"][0] == "problem"


def _approved_fingerprint(db) -> str:
    conn = sqlite3.connect(db)
    found = conn.execute(
        "SELECT fingerprint FROM status_changes WHERE assessment_id = 1 AND to_status = 'approved'"
    ).fetchone()
    conn.close()
    return str(found[0])


# What only an older copy can show: a chain rewritten from some entry on


def _rewrite_chain_from(db, first_id: int) -> None:
    """Change entry ``first_id`` and re-hash every entry from it on with Lika's own
    function: the chain is whole again, so the register alone cannot show it."""
    from desktop_app.storage import audit

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    names = [c[0] for c in conn.execute("SELECT * FROM audit_log").description]
    conn.close()
    statements = []
    previous = None
    for row in rows:
        entry = dict(zip(names, row, strict=True))
        if entry["id"] < first_id:
            previous = entry["hash"]
            continue
        if entry["id"] == first_id:
            entry["actor"] = "Mallory"
        parsed = audit._parse(row[: len(audit._COLUMNS.split(","))])
        digest = entry_hash(
            previous, id=parsed.id, at=parsed.at, actor=entry["actor"], os_user=parsed.os_user,
            assessment_id=parsed.assessment_id, assessment_uid=parsed.assessment_uid,
            revision=parsed.revision, action=parsed.action, summary=parsed.summary,
            changes=parsed.changes, **({"record_hash": entry["record_hash"]}
                                       if entry.get("record_hash") else {}),
        )  # fmt: skip
        statements.append(
            f"UPDATE audit_log SET actor = '{entry['actor']}', prev_hash = '{previous}', "
            f"hash = '{digest}' WHERE id = {entry['id']}"
        )
        previous = digest
    around_triggers(db, ["audit_log_no_update"], *statements)


def test_check_against_a_backup_finds_a_rewritten_chain(db, tmp_path, capsys) -> None:
    kept = tmp_path / "kept.db"
    assert run(db, capsys, "backup", "--out", str(kept))[0] == 0
    code, found = check(db, capsys, "--against", str(kept))
    assert code == 0, problems(found)
    _rewrite_chain_from(db, 2)
    assert check(db, capsys)[1]["audit"][0] == "ok"  # what a secret-less chain cannot see
    code, found = check(db, capsys, "--against", str(kept))
    assert code == 1 and "against" in found and "rewritten" in found["against"][1]


def test_check_against_a_pdf_finds_a_rewritten_chain(db, tmp_path, capsys) -> None:
    pdf = tmp_path / "one.pdf"
    assert run(db, capsys, "export-pdf", "1", "--out", str(pdf))[0] == 0
    code, found = check(db, capsys, "--against", str(pdf))
    assert code == 0, problems(found)
    _rewrite_chain_from(db, 3)
    code, found = check(db, capsys, "--against", str(pdf))
    assert code == 1 and "rewritten" in found["against"][1]


def test_check_against_something_that_is_neither(db, tmp_path, capsys) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    code, _out, err = run(db, capsys, "check", "--against", str(other))
    assert code == 2 and "chain head" in err


def test_check_against_an_exchange_file_finds_a_rewritten_chain(db, tmp_path, capsys) -> None:
    exported = tmp_path / "one.json"
    assert run(db, capsys, "export", "1", "--out", str(exported))[0] == 0
    assert check(db, capsys, "--against", str(exported))[0] == 0
    _rewrite_chain_from(db, 1)
    code, found = check(db, capsys, "--against", str(exported))
    assert code == 1 and "rewritten" in found["against"][1]


def test_a_changed_measure_of_a_later_approved_assessment_is_found(db, capsys, monkeypatch) -> None:
    """The approved content is read in batches; a change in a child row of the second
    approved assessment, in the second batch, is named for that assessment only."""
    from desktop_app.storage import check_reads

    assert run(db, capsys, "approve", "2", "--as", "Bo")[0] == 0
    monkeypatch.setattr(check_reads, "BATCH", 1)
    assert check(db, capsys)[0] == 0
    around_triggers(
        db,
        ["review_lock_measures_update"],
        "UPDATE measures SET owner = 'Mallory' WHERE assessment_id = 2",
    )
    code, found = check(db, capsys)
    assert code == 1
    assert "assessment 2 was changed after its approval" in problems(found)
    assert "assessment 1 " not in problems(found)
