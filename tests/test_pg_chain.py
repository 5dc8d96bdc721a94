"""The server computes the audit chain's texts and hashes exactly as the domain does
(issue 20): checked directly on the functions, over any text a register can hold."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.audit import AuditAction, AuditChange, entry_hash, records_hash
from desktop_app.domain.audit_summary import status_summary
from desktop_app.domain.model import Status, StatusChange

pytestmark = pytest.mark.postgres

# Any text PostgreSQL can store: no NUL, no lone surrogates.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=30,
)


@pytest.fixture(scope="module")
def conn(pg_cluster):
    import psycopg

    from desktop_app.app import server_schema

    database = pg_cluster.new_database()
    server_schema.install(pg_cluster.dsn_for(database))
    with psycopg.connect(pg_cluster.dsn_for(database), autocommit=True) as connection:
        yield connection


@settings(max_examples=150, deadline=None)
@given(
    actor=TEXT,
    summary=TEXT,
    uid=TEXT,
    record=st.sampled_from(["", "ab" * 32]),
    assessment_id=st.one_of(st.none(), st.integers(1, 2**40)),
    changes=st.lists(st.tuples(st.lists(TEXT, max_size=3), TEXT, TEXT), max_size=3),
)
def test_the_entry_hash_is_the_domains(conn, actor, summary, uid, record, assessment_id, changes):
    at = "2026-11-02T09:00:00+00:00"
    listed = [[list(path), old, new] for path, old, new in changes]
    server = conn.execute(
        "SELECT lika.entry_hash(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s)",
        ["0" * 64, 7, at, actor, "os", assessment_id, uid, 2, "save", summary,
         json.dumps(listed), record],
    ).fetchone()[0]  # fmt: skip
    expected = entry_hash(
        "0" * 64, id=7, at=datetime.fromisoformat(at), actor=actor, os_user="os",
        assessment_id=assessment_id, assessment_uid=uid, revision=2, action=AuditAction.SAVE,
        summary=summary, changes=[AuditChange(tuple(p), o, n) for p, o, n in changes],
        record_hash=record,
    )  # fmt: skip
    assert server == expected


@settings(max_examples=100, deadline=None)
@given(comment=st.one_of(TEXT, st.text(min_size=115, max_size=125)), approve=st.booleans())
def test_the_status_summary_is_the_domains(conn, comment, approve):
    comment = comment.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    fingerprint = "f" * 64 if approve else ""
    change = StatusChange(
        from_status=Status.IN_REVIEW,
        to_status=Status.APPROVED if approve else Status.RETURNED,
        actor="x",
        os_user="x",
        at=datetime(2026, 11, 2, tzinfo=UTC),
        comment=comment,
        fingerprint=fingerprint,
    )
    server = conn.execute(
        "SELECT lika.status_summary('in_review', %s, %s, %s)",
        [change.to_status.value, fingerprint, comment],
    ).fetchone()[0]
    assert server == status_summary(change)


def test_the_records_hash_is_the_domains(conn):
    """Through a real status change: the rows' hash, role included only when given."""
    rows = conn.execute(
        "INSERT INTO lika.assessments (uid, series_uid, status, language, framework_id, "
        "framework_version, created, updated) VALUES ('u', 'u', 'draft', 'sv', 'se', '1', "
        "'', '') RETURNING id"
    ).fetchone()
    for role in ("", 'Enhetschef "ŋ"'):
        version = conn.execute(
            "SELECT version FROM lika.assessments WHERE id = %s", rows
        ).fetchone()[0]
        to = "in_review" if role == "" else "draft"
        if role:
            conn.execute("SELECT lika.change_status(%s, 'returned', %s)", [rows[0], version])
            version += 1
        conn.execute(
            "SELECT lika.change_status(%s, %s, %s, p_comment => 'Ŧ\n\"', p_role => %s)",
            [rows[0], to, version, role],
        )
    found = conn.execute(
        "SELECT s.id, s.assessment_id, s.from_status, s.to_status, s.actor, s.os_user, s.at, "
        "s.comment, s.fingerprint, s.signature, s.public_key, s.trust, s.generation, s.role, "
        "l.record_hash FROM lika.status_changes s JOIN lika.audit_log l ON l.id = s.audit_id"
    ).fetchall()
    assert len(found) == 3
    for *values, role, stored in found:
        assert stored == records_hash([[*values, role] if role else values])
