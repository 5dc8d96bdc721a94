"""``lika check`` and ``lika verify``'s approval-record cross-check on a server register
(issue 20): a clean demo register checks clean; what a superuser does behind Lika's
functions is found, under the right check's name."""

from __future__ import annotations

from typing import Any

import pytest

from tests.pg_helpers import checked, lika

pytestmark = pytest.mark.postgres


def tamper(server: Any, *statements: str) -> None:
    """As the superuser, with every trigger off (``session_replication_role``)."""
    with server.connect() as conn:
        conn.execute("SET session_replication_role = replica")
        for statement in statements:
            conn.execute(statement)


def approved_id(server: Any) -> int:
    with server.connect() as conn:
        row = conn.execute(
            "SELECT id FROM lika.assessments WHERE status = 'approved' ORDER BY id LIMIT 1"
        ).fetchone()
    return int(row[0])


def test_a_clean_demo_register_checks_clean(pg_demo, capsys) -> None:
    _server, url = pg_demo
    code, checks = checked(url, capsys)
    assert code == 0, [c for c in checks.items() if c[1][0] == "problem"]
    assert {name for name, (outcome, _) in checks.items() if outcome != "ok"} == {"backups"}
    assert checks["backups"] == (
        "skipped",
        "the server is backed up by IT (pg_dump or archiving), not by Lika",
    )
    assert "hash chain intact" in checks["audit"][1]
    assert set(checks) >= {
        "schema", "references", "values", "text", "approvals", "revisions", "register",
    }  # fmt: skip
    assert lika("--db", url, "check") == 0
    out = capsys.readouterr().out
    assert "No problems found." in out and "skipped  backups" in out


def test_an_approved_title_changed_behind_lika(pg_demo, capsys) -> None:
    server, url = pg_demo
    ident = approved_id(server)
    tamper(server, f"UPDATE lika.assessments SET title = 'Ändrad' WHERE id = {ident}")
    code, checks = checked(url, capsys)
    assert code == 1
    assert checks["approvals"][0] == "problem"
    assert f"assessment {ident} was changed after its approval" in checks["approvals"][1]
    assert checks["audit"][0] == "ok"


def test_an_audit_row_deleted_with_the_trigger_off(pg_demo, capsys) -> None:
    server, url = pg_demo
    tamper(server, "DELETE FROM lika.audit_log WHERE id = 3")
    code, checks = checked(url, capsys)
    assert code == 1
    assert checks["audit"] == (
        "problem",
        "the audit log has been tampered with: audit entry 4 does not follow entry 2: "
        "an entry before it was removed or changed",
    )


def test_the_newest_audit_rows_deleted(pg_demo, capsys) -> None:
    server, url = pg_demo
    tamper(server, "DELETE FROM lika.audit_log WHERE id = (SELECT max(id) FROM lika.audit_log)")
    code, checks = checked(url, capsys)
    assert code == 1 and checks["audit"][0] == "problem"
    assert "were removed" in checks["audit"][1]


def test_a_bogus_status(pg_demo, capsys) -> None:
    server, url = pg_demo
    tamper(
        server,
        "ALTER TABLE lika.assessments DROP CONSTRAINT assessments_status_known",
        "UPDATE lika.assessments SET status = 'bogus' WHERE id = 2",
    )
    code, checks = checked(url, capsys)
    assert code == 1
    assert checks["values"] == (
        "problem",
        "1 value Lika does not know: assessment 2 has an unknown status 'bogus'",
    )


def test_an_orphan_and_a_duplicate_revision(pg_demo, capsys) -> None:
    server, url = pg_demo
    tamper(
        server,
        "INSERT INTO lika.answers (assessment_id, question_id) VALUES (999, 'q')",
        "DROP INDEX lika.assessments_series_revision",
        "UPDATE lika.assessments SET series_uid = (SELECT series_uid FROM lika.assessments "
        "WHERE id = 1), revision = 1 WHERE id = 2",
    )
    code, checks = checked(url, capsys)
    assert code == 1
    assert checks["references"][0] == "problem"
    assert "answers point at missing assessment 999" in checks["references"][1]
    assert checks["revisions"][0] == "problem"
    assert "assessments 1 and 2 share revision 1" in checks["revisions"][1]


def test_the_revision_guard_dropped(pg_demo, capsys) -> None:
    server, url = pg_demo
    tamper(server, "DROP INDEX lika.assessments_series_revision")
    code, checks = checked(url, capsys)
    assert code == 0 and checks["revisions"][0] == "warning"
    assert "assessments_series_revision" in checks["revisions"][1]


def test_approval_records_edited_behind_lika(pg_demo, capsys) -> None:
    """``lika check`` and ``lika verify`` both name approval rows changed outside Lika."""
    server, url = pg_demo
    ident = approved_id(server)
    tamper(
        server,
        f"UPDATE lika.status_changes SET actor = 'someone' WHERE assessment_id = {ident} "
        "AND to_status = 'approved'",
    )
    code, checks = checked(url, capsys)
    assert code == 1 and checks["approvals"][0] == "problem"
    assert "were changed, removed or reordered outside Lika" in checks["approvals"][1]
    assert lika("--db", url, "fingerprint", str(ident)) == 0
    digest = capsys.readouterr().out.split()[-1]
    code = lika("--db", url, "verify", str(ident), "--fingerprint", digest)
    out = capsys.readouterr().out
    assert code == 1, out
    assert "outside Lika" in out


def test_verify_on_a_clean_server_register(pg_demo, capsys) -> None:
    server, url = pg_demo
    ident = approved_id(server)
    assert lika("--db", url, "fingerprint", str(ident)) == 0
    digest = capsys.readouterr().out.split()[-1]
    assert lika("--db", url, "verify", str(ident), "--fingerprint", digest) == 0, (
        capsys.readouterr()
    )


def test_an_unknown_migration(pg_demo, capsys) -> None:
    server, url = pg_demo
    tamper(server, "INSERT INTO lika.schema_migrations (name) VALUES ('0099_future')")
    code, checks = checked(url, capsys)
    assert code == 1
    assert checks["schema"] == (
        "problem",
        "migrations this Lika does not know: 0099_future (a newer Lika's schema?)",
    )
    assert "audit" not in checks  # another schema is not read as this one


@pytest.mark.parametrize("who", ["anna", "rita", "sara", "ada"])
def test_every_role_may_check(pg_demo, capsys, pg_cluster, who) -> None:
    server, _url = pg_demo
    code, checks = checked(pg_cluster.url_for(server.database, server.login[who]), capsys)
    assert code == 0, [c for c in checks.items() if c[1][0] == "problem"]


def test_against_an_older_copy(pg_demo, tmp_path, capsys) -> None:
    """--against a portable backup: the server's history still holds its head, until
    that entry is rewritten behind Lika's back."""
    server, url = pg_demo
    copy = tmp_path / "copy.db"
    assert lika("--db", url, "backup", "--out", str(copy)) == 0
    capsys.readouterr()
    assert lika("--db", url, "check", "--against", str(copy)) == 0
    out = capsys.readouterr().out
    assert "ok       against" in out and "still holds what copy.db saw" in out
    tamper(
        server,
        "UPDATE lika.audit_log SET hash = repeat('0', 64) "
        "WHERE id = (SELECT max(id) FROM lika.audit_log)",
    )
    assert lika("--db", url, "check", "--against", str(copy)) == 1
    out = capsys.readouterr().out
    assert "problem  against" in out and "differs" in out


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("DELETE FROM lika.register_rows WHERE assessment_id = {id}", "1 assessment(s)"),
        ("UPDATE lika.register_rows SET is_head = 1 - is_head WHERE assessment_id = {id}",
         "1 assessment(s)"),
        ("UPDATE lika.register_rows SET title = 'Dold' WHERE assessment_id = {id}",
         "1 assessment(s)"),
        ("DELETE FROM lika.register_search WHERE assessment_id = {id}", "no search document"),
        ("UPDATE lika.register_search SET document = to_tsvector('simple', 'annat') "
         "WHERE assessment_id = {id}", "search document"),
    ],
)  # fmt: skip
def test_a_read_model_out_of_step_with_its_assessments(
    pg_demo, capsys, statement: str, expected: str
) -> None:
    """The register's list, counts and search read ``register_rows`` and
    ``register_search``, rebuilt from the assessments at every commit; changed behind
    Lika (triggers off), the list would show, count or find what the assessments do not
    say. The check names it and how IT rebuilds them."""
    server, url = pg_demo
    ident = approved_id(server)
    tamper(server, statement.format(id=ident))
    code, checks = checked(url, capsys)
    assert code == 1
    outcome, message = checks["register"]
    assert outcome == "problem"
    assert expected in message and str(ident) in message
    assert "lika.refresh_register_row" in message or "lika.refresh_search" in message
    with server.connect() as conn:
        conn.execute(
            "SELECT lika.refresh_register_row(id), lika.refresh_search(id) FROM lika.assessments"
        )
    code, checks = checked(url, capsys)
    assert code == 0 and checks["register"][0] == "ok"


def test_an_audit_entry_changed_to_nonsense(pg_demo, capsys) -> None:
    """As on a file: an entry that no longer parses is named as changed, by number."""
    server, url = pg_demo
    tamper(server, "UPDATE lika.audit_log SET changes = 'nonsense' WHERE id = 3")
    code, checks = checked(url, capsys)
    assert code == 1
    outcome, message = checks["audit"]
    assert outcome == "problem"
    assert message.startswith("the audit log has been tampered with: audit entry 3 was changed")
