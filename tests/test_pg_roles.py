"""Roles and protection on the PostgreSQL register (issue 20): real logins on the
throwaway cluster, each connecting as itself."""

from __future__ import annotations

import json

import pytest

from desktop_app.domain import audit as domain_audit
from desktop_app.domain import audit_summary
from desktop_app.domain.audit import records_hash, verify_chain
from desktop_app.storage.audit import RECORD_COLUMNS, _parse, covered
from desktop_app.storage.postgres import audit_v1

pytestmark = pytest.mark.postgres

FINGERPRINT = "f1ca1884fcd067adb6182a00db1705974557f5daa39a61a3207f1b6b3959011a"
AWKWARD = 'Čuđe-Šolli "citat" \\ back\nslash\t\x01 ŋ 𝔘 \u2028 ' + "å" * 130


def refused(conn, sql, params=(), *, sqlstate="42501"):
    import psycopg

    with pytest.raises(psycopg.Error) as caught:
        conn.execute(sql, params)
    assert caught.value.sqlstate == sqlstate, caught.value
    return str(caught.value)


def status(server, who, assessment, to, **extra):
    with server.connect(who) as conn:
        version = conn.execute(
            "SELECT version FROM lika.assessments WHERE id = %s", [assessment]
        ).fetchone()[0]
        names = ", ".join(f"p_{k} => %s" for k in extra)
        return conn.execute(
            f"SELECT lika.change_status(%s, %s, %s{', ' if extra else ''}{names})",
            [assessment, to, version, *extra.values()],
        ).fetchone()[0]


def test_the_migration_writes_the_domains_constants():
    assert audit_v1.GENESIS_HASH == domain_audit.GENESIS_HASH
    assert audit_v1.QUOTED_LIMIT == audit_summary.QUOTED_LIMIT


def test_a_caseworker_edits_their_own_draft_only(server):
    mine = server.new_draft("anna")
    with server.connect("anna") as anna:
        assert (
            anna.execute("UPDATE lika.assessments SET title = 'Ny' WHERE id = %s", [mine]).rowcount
            == 1
        )
        anna.execute(
            "INSERT INTO lika.measures (assessment_id, uid, position, status) "
            "VALUES (%s, 'm1', 0, 'planned')",
            [mine],
        )
        # Not in someone else's name, and not as anything but a draft.
        refused(
            anna,
            "INSERT INTO lika.assessments (uid, series_uid, status, language, framework_id, "
            "framework_version, created, updated, owner) VALUES ('x', 'x', 'draft', 'sv', 'se', "
            "'1', '', '', 'someone_else')",
        )
        refused(anna, "UPDATE lika.assessments SET status = 'approved' WHERE id = %s", [mine])
        refused(anna, "UPDATE lika.assessments SET owner = 'bo' WHERE id = %s", [mine])
    with server.connect("bo") as bo:
        # Row-level security hides the row from bo's UPDATE and DELETE: nothing happens.
        assert (
            bo.execute("UPDATE lika.assessments SET title = 'Kapad' WHERE id = %s", [mine]).rowcount
            == 0
        )
        assert bo.execute("DELETE FROM lika.assessments WHERE id = %s", [mine]).rowcount == 0
        assert (
            bo.execute("DELETE FROM lika.measures WHERE assessment_id = %s", [mine]).rowcount == 0
        )
        refused(
            bo,
            "INSERT INTO lika.answers (assessment_id, question_id, value) VALUES (%s, 'q', 'x')",
            [mine],
        )
        # Everyone reads the whole register.
        assert bo.execute(
            "SELECT title FROM lika.assessments WHERE id = %s", [mine]
        ).fetchone() == ("Ny",)
    with server.connect("ada") as admin:
        assert (
            admin.execute(
                "UPDATE lika.assessments SET title = 'Rättad' WHERE id = %s", [mine]
            ).rowcount
            == 1
        )


def test_the_lock_rule_of_the_app_holds_on_the_server(server):
    """domain.workflow.lock: in review, approved, or superseded by a newer revision
    means read-only, for the owner too."""
    first = server.new_draft("anna", series="s9")
    status(server, "anna", first, "in_review")
    with server.connect("anna") as anna:
        assert (
            anna.execute("UPDATE lika.assessments SET title = 'x' WHERE id = %s", [first]).rowcount
            == 0
        )
    status(server, "rita", first, "returned")
    status(server, "anna", first, "draft")
    newer = server.new_draft("anna", series="s9", revision=2)
    with server.connect("anna") as anna:
        assert (
            anna.execute("UPDATE lika.assessments SET title = 'x' WHERE id = %s", [first]).rowcount
            == 0
        )
        assert (
            anna.execute("UPDATE lika.assessments SET title = 'x' WHERE id = %s", [newer]).rowcount
            == 1
        )


def test_a_caseworker_cannot_approve(server):
    mine = server.new_draft("anna")
    status(server, "anna", mine, "in_review")
    for who in ("anna", "bo", "sara", "ada"):
        with server.connect(who) as conn:
            message = refused(
                conn,
                "SELECT lika.change_status(%s, 'approved', 2, p_fingerprint => %s)",
                [mine, FINGERPRINT],
            )
        assert "Only a reviewer" in message
    with server.connect("bo") as bo:  # nor submit another's
        other = server.new_draft("anna", series="s2")
        refused(bo, "SELECT lika.change_status(%s, 'in_review', 1)", [other])
    status(server, "rita", mine, "approved", fingerprint=FINGERPRINT, role="Enhetschef")
    with server.connect() as owner:
        row = owner.execute(
            "SELECT status, version FROM lika.assessments WHERE id = %s", [mine]
        ).fetchone()
    assert row == ("approved", 3)


def test_a_forged_approver_name_is_impossible(server):
    mine = server.new_draft("anna")
    status(server, "anna", mine, "in_review")
    with server.connect("rita") as rita:
        # No way to write the record directly, nor to name someone in the call.
        refused(
            rita,
            "INSERT INTO lika.status_changes (assessment_id, from_status, to_status, actor, "
            "os_user, at) VALUES (%s, 'in_review', 'approved', 'Kommunchefen', 'x', 'now')",
            [mine],
        )
        refused(
            rita,
            "SELECT lika.change_status(%s, 'approved', 2, p_fingerprint => %s, p_actor => 'x')",
            [mine, FINGERPRINT],
            sqlstate="42883",
        )
        # SET ROLE changes current_user, never session_user.
        rita.execute("SET ROLE lika_reviewer")
        rita.execute(
            "SELECT lika.change_status(%s, 'approved', 2, p_fingerprint => %s)",
            [mine, FINGERPRINT],
        )
        refused(rita, "SET SESSION AUTHORIZATION lika_test_superuser")
    with server.connect() as owner:
        actors = owner.execute(
            "SELECT s.actor, s.os_user, l.actor FROM lika.status_changes s "
            "JOIN lika.audit_log l ON l.id = s.audit_id ORDER BY s.id"
        ).fetchall()
    anna, rita_login = server.login["anna"], server.login["rita"]
    assert actors == [(anna, anna, anna), (rita_login, rita_login, rita_login)]


def test_a_stale_version_is_a_conflict(server):
    mine = server.new_draft("anna")
    with server.connect("anna") as anna:
        anna.execute("UPDATE lika.assessments SET version = version + 1 WHERE id = %s", [mine])
        message = refused(
            anna, "SELECT lika.change_status(%s, 'in_review', 1)", [mine], sqlstate="40001"
        )
    assert "changed elsewhere" in message


def test_nobody_writes_or_alters_the_audit_log(server):
    mine = server.new_draft("anna")
    status(server, "anna", mine, "in_review")
    for who in ("anna", "rita", "ada"):
        with server.connect(who) as conn:
            refused(
                conn,
                "INSERT INTO lika.audit_log (id, at, actor, os_user, assessment_uid, revision, "
                "action, summary, prev_hash, hash) VALUES (99, '', 'x', 'x', '', 1, 'save', "
                "'', '', '')",
            )
            refused(conn, "UPDATE lika.audit_log SET summary = 'nothing'")
            refused(conn, "DELETE FROM lika.audit_log")
            refused(conn, "TRUNCATE lika.audit_log")
            refused(conn, "UPDATE lika.audit_issued SET last_id = 0")
            # Nor pass a status entry off through the append function.
            refused(
                conn,
                "SELECT lika.append_audit('status', %s, 's1-1', 1, 'draft -> approved')",
                [mine],
            )
            refused(conn, "UPDATE lika.status_changes SET actor = 'x'")
    with server.connect() as owner:  # the tables' owner is stopped by the triggers
        for sql in (
            "UPDATE lika.audit_log SET summary = 'nothing'",
            "DELETE FROM lika.audit_log",
            "TRUNCATE lika.audit_log",
            "UPDATE lika.status_changes SET comment = 'x'",
            "DELETE FROM lika.status_changes",
        ):
            assert "append-only" in refused(owner, sql, sqlstate="P0001")


def test_an_approved_assessment_is_locked_for_everyone(server):
    mine = server.new_draft("anna")
    status(server, "anna", mine, "in_review")
    status(server, "rita", mine, "approved", fingerprint=FINGERPRINT)
    with server.connect("ada") as admin:
        assert (
            admin.execute("UPDATE lika.assessments SET title = 'x' WHERE id = %s", [mine]).rowcount
            == 0
        )
    with server.connect() as owner:
        assert "cannot be changed" in refused(
            owner, "UPDATE lika.assessments SET title = 'x' WHERE id = %s", [mine], sqlstate="P0001"
        )
        assert "cannot be deleted" in refused(
            owner, "DELETE FROM lika.assessments WHERE id = %s", [mine], sqlstate="P0001"
        )
        refused(
            owner,
            "INSERT INTO lika.answers (assessment_id, question_id) VALUES (%s, 'q')",
            [mine],
            sqlstate="P0001",
        )


def test_the_server_chain_is_the_domains_chain(server):
    """Entries written by the server verify with ``domain.audit.verify_chain``, and each
    status entry's record hash is ``records_hash`` of its rows, on awkward text."""
    mine = server.new_draft("anna", title=AWKWARD)
    with server.connect("anna") as anna:
        changes = [[["decision", "title"], "Skolskjuts", AWKWARD], [[], "", "\"'"]]
        anna.execute(
            "SELECT lika.append_audit('save', %s, 's1-1', 1, %s, %s)",
            [mine, AWKWARD, json.dumps(changes, ensure_ascii=False)],
        )
        refused(
            anna,
            "SELECT lika.append_audit('save', %s, 's1-1', 1, 'x', '[[\"a\"]]')",
            [mine],
            sqlstate="22023",
        )
    status(server, "anna", mine, "in_review", comment=AWKWARD, role="  Handläggare ")
    status(server, "rita", mine, "approved", fingerprint=FINGERPRINT, comment="Godkänd")
    with server.connect("sara") as strategist:  # reads it all, including the log
        rows = strategist.execute(
            "SELECT id, at, actor, os_user, assessment_id, assessment_uid, revision, action, "
            "summary, changes, prev_hash, hash, record_hash FROM lika.audit_log ORDER BY id"
        ).fetchall()
        issued = strategist.execute("SELECT last_id FROM lika.audit_issued").fetchone()[0]
        records = strategist.execute(
            f"SELECT audit_id, {', '.join(RECORD_COLUMNS)}, role FROM lika.status_changes "
            "ORDER BY id"
        ).fetchall()
    entries = [_parse(r) for r in rows]
    assert [e.action for e in entries] == ["save", "status", "status"]
    assert entries[0].changes[0].new == AWKWARD
    assert verify_chain(entries, last_issued_id=issued).ok
    for audit_id, *values in records:
        entry = next(e for e in entries if e.id == audit_id)
        assert entry.record_hash == records_hash([covered(values)])
    # The summaries are the app's own (audit_summary.status_summary).
    assert entries[1].summary.startswith("draft -> in_review: Čuđe-Šolli")
    assert entries[1].summary.endswith("…") and len(entries[1].summary.split(": ", 1)[1]) == 120
    assert entries[2].summary == f"in_review -> approved (fingerprint {FINGERPRINT}): Godkänd"
    assert records[0][-1] == "Handläggare"


def test_a_changed_server_entry_breaks_the_chain(server):
    """The chain catches what the triggers could not stop (an owner switching them off)."""
    mine = server.new_draft("anna")
    status(server, "anna", mine, "in_review")
    with server.connect() as owner:
        owner.execute("ALTER TABLE lika.audit_log DISABLE TRIGGER audit_log_append_only")
        owner.execute("UPDATE lika.audit_log SET actor = 'someone else'")
        rows = owner.execute(
            "SELECT id, at, actor, os_user, assessment_id, assessment_uid, revision, action, "
            "summary, changes, prev_hash, hash, record_hash FROM lika.audit_log ORDER BY id"
        ).fetchall()
    report = verify_chain([_parse(r) for r in rows])
    assert not report.ok
    assert "changed after it was written" in report.problem


def test_only_a_reviewer_comments_and_only_in_their_own_name(server):
    mine = server.new_draft("anna")
    insert = (
        "INSERT INTO lika.review_comments (assessment_id, target, text, author, os_user, "
        "created) VALUES (%s, 'step:1', 'Text', %s, %s, '2026-11-02T09:00:00+00:00')"
    )
    rita = server.login["rita"]
    with server.connect("rita") as conn:
        conn.execute(insert, [mine, rita, rita])
        refused(conn, insert, [mine, "Kommunchefen", rita])
    with server.connect("anna") as conn:
        refused(conn, insert, [mine, server.login["anna"], server.login["anna"]])
        anna = server.login["anna"]
        assert (
            conn.execute(
                "UPDATE lika.review_comments SET reply = 'Fixat', addressed_by = %s", [anna]
            ).rowcount
            == 1
        )
        refused(conn, "UPDATE lika.review_comments SET text = 'annat'")
    with server.connect("bo") as conn:  # not bo's assessment
        assert (
            conn.execute(
                "UPDATE lika.review_comments SET reply = 'x', addressed_by = %s",
                [server.login["bo"]],
            ).rowcount
            == 0
        )


def test_a_strategist_reads_everything_and_writes_no_assessment(server):
    server.new_draft("anna")
    server.new_draft("bo", series="s2")
    with server.connect("sara") as sara:
        assert sara.execute("SELECT count(*) FROM lika.register_rows").fetchone() == (2,)
        refused(sara, "UPDATE lika.assessments SET title = 'x'")
        refused(
            sara,
            "INSERT INTO lika.assessments (uid, series_uid, status, language, framework_id, "
            "framework_version, created, updated) VALUES ('x', 'x', 'draft', 'sv', 'se', '1', "
            "'', '')",
        )


def test_concurrent_writers_never_fork_the_chain(server):
    """Sessions appending at once (under both isolation levels a client may use) wait for
    each other: one chain, every id issued once, verified by the domain."""
    import threading

    import psycopg

    drafts = {who: server.new_draft(who, series=f"c-{who}") for who in ("anna", "bo")}
    failures: list[BaseException] = []

    def write(who: str, isolation: psycopg.IsolationLevel) -> None:
        try:
            with server.connect(who) as conn:
                conn.isolation_level = isolation
                conn.autocommit = False
                done = 0
                while done < 15:
                    try:
                        conn.execute(
                            "SELECT lika.append_audit('save', %s, %s, 1, %s)",
                            [drafts[who], f"c-{who}-1", f"save {done}"],
                        )
                        conn.commit()
                        done += 1
                    except psycopg.errors.SerializationFailure:
                        conn.rollback()  # the client's retry, as for any 40001
        except BaseException as error:
            failures.append(error)

    threads = [
        threading.Thread(target=write, args=("anna", psycopg.IsolationLevel.READ_COMMITTED)),
        threading.Thread(target=write, args=("bo", psycopg.IsolationLevel.REPEATABLE_READ)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    with server.connect() as owner:
        rows = owner.execute(
            "SELECT id, at, actor, os_user, assessment_id, assessment_uid, revision, action, "
            "summary, changes, prev_hash, hash, record_hash FROM lika.audit_log ORDER BY id"
        ).fetchall()
        issued = owner.execute("SELECT last_id FROM lika.audit_issued").fetchone()[0]
    assert [r[0] for r in rows] == list(range(1, 31))
    assert verify_chain([_parse(r) for r in rows], last_issued_id=issued).ok


# What a client role may write without row-level security: the stored files (protected by
# their trigger, removed only by an admin).
WRITABLE_WITHOUT_RLS = {"evidence_files"}
# SECURITY DEFINER functions a client role may call: the two ways to write the record,
# the checks the policies call, and an administrator's copy of a register (copy_v1).
CALLABLE_DEFINERS = {
    "change_status", "append_audit", "owns", "may_edit",
    "copy_begin", "copy_rows", "copy_imports", "copy_finish", "import_history",
    "import_with_evaluations",
}  # fmt: skip


def test_no_table_or_definer_function_is_open_by_accident(server):
    """Guards every later migration: a table a client role can write has row-level
    security, and no SECURITY DEFINER function (which writes as the tables' owner) is
    callable but the ones meant to be, whatever PUBLIC's default EXECUTE would allow."""
    from desktop_app.storage.postgres.roles_v1 import ROLES

    with server.connect() as owner:
        tables = owner.execute(
            "SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = 'lika' AND c.relkind = 'r'"
        ).fetchall()
        definers = [
            r[0]
            for r in owner.execute(
                "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
                "ON n.oid = p.pronamespace WHERE n.nspname = 'lika' AND p.prosecdef"
            )
        ]
        open_tables, open_functions = set(), set()
        for role in ROLES:
            for table, secured in tables:
                writes = owner.execute(
                    "SELECT has_table_privilege(%s, %s, 'INSERT') "
                    "OR has_table_privilege(%s, %s, 'UPDATE') "
                    "OR has_table_privilege(%s, %s, 'DELETE') "
                    "OR has_any_column_privilege(%s, %s, 'UPDATE')",
                    [role, f"lika.{table}"] * 4,
                ).fetchone()[0]
                if writes and not secured:
                    open_tables.add(table)
            for function in definers:
                if owner.execute(
                    "SELECT has_function_privilege(%s, %s, 'EXECUTE')", [role, function]
                ).fetchone()[0]:
                    open_functions.add(function.removeprefix("lika.").split("(")[0])
    assert open_tables == WRITABLE_WITHOUT_RLS
    assert open_functions == CALLABLE_DEFINERS
    assert len(definers) > len(CALLABLE_DEFINERS)  # the internal ones exist, and are closed


def test_every_role_can_search(server):
    server.new_draft("anna", title="Ŋuolja")
    for who in server.PEOPLE:
        with server.connect(who) as conn:
            found = conn.execute(
                "SELECT count(*) FROM lika.register_search "
                "WHERE document @@ lika.search_query(ARRAY['ŋuol'])"
            ).fetchone()
        assert found == (1,), who
