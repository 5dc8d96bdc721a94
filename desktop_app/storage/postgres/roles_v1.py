"""Roles and protection on the server (migration ``0002_roles``), frozen as shipped.

- Group roles ``lika_caseworker``, ``lika_reviewer``, ``lika_strategist``, ``lika_admin``
  (NOLOGIN): IT grants them to the organisation's logins. Every one of them reads the
  whole register; what each may write:
  - caseworker: creates drafts (owned by their login) and edits only what the app's lock
    rule (``domain.workflow.lock``) leaves open, on assessments they own: a draft or
    returned assessment that no newer revision supersedes; submits and takes back
    their own; answers review comments on their own;
  - reviewer: comments, approves and returns;
  - strategist: reads everything, records follow-up evaluations;
  - admin: what a caseworker may, on every assessment, and hands an assessment to
    another owner; never a status change in someone else's name.
- Row-level security on the assessments and their children; column privileges keep
  ``status``, ``owner``, ``uid``, ``series_uid`` and ``revision`` out of a client's
  UPDATE. Status changes and approvals are written only by ``change_status`` and audit
  entries only by ``append_audit``: SECURITY DEFINER functions that record
  ``session_user``, the login the server authenticated. No parameter names a person,
  and ``SET ROLE`` changes ``current_user`` only.
- The audit log and status changes: no client privilege to write them, and triggers
  that refuse UPDATE, DELETE and TRUNCATE even to the tables' owner.
- The approval lock, as on SQLite: an approved assessment's content, children and
  files cannot change, and it cannot be deleted.

Refusals raise with the SQLite triggers' ``lika-refused:`` prefix; a status change
against a stale version raises SQLSTATE ``40001`` (serialization failure), the one a
client retries by reloading.
"""

from __future__ import annotations

ROLES = ("lika_caseworker", "lika_reviewer", "lika_strategist", "lika_admin")
_ALL = ", ".join(ROLES)

# Children edited with their assessment (the SQLite register's lock covers the same).
CHILDREN = ("ground_assessments", "answers", "measures", "statistics_tables", "evidence_items")

# Columns a caseworker may change in their own open assessment: not its identity, its
# place in the series, its status or its owner.
_CONTENT_COLUMNS = (
    "previous_id", "language", "framework_id", "framework_version", "modules", "title",
    "case_number", "organisation", "unit", "decision_body", "decision_date", "author",
    "description", "affected", "affected_groups", "evidence", "evidence_missing",
    "outcome", "outcome_justification", "summary", "followup_date", "updated", "version",
    "decision_type",
)  # fmt: skip

# As SQLite's review_schema.LOCKED_COLUMNS, with decision_type (its 0008).
_LOCKED_COLUMNS = (
    "uid", "series_uid", "revision", "status", "language", "framework_id",
    "framework_version", "modules", "title", "case_number", "organisation", "unit",
    "decision_body", "decision_date", "author", "description", "affected",
    "affected_groups", "evidence", "evidence_missing", "outcome",
    "outcome_justification", "summary", "followup_date", "decision_type",
)  # fmt: skip

_LOCKED = "lika-refused: An approved assessment cannot be changed; start a new revision"
_NO_DELETE = (
    "lika-refused: An approved assessment cannot be deleted: it is the record of what was approved"
)

_ROLES_SQL = f"""
DO $fn$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['{"', '".join(ROLES)}'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$fn$;
"""

_HELPERS = """
CREATE FUNCTION lika.in_role(role_name text) RETURNS boolean
LANGUAGE sql STABLE AS $fn$
    SELECT pg_has_role(session_user, role_name, 'MEMBER')
$fn$;

CREATE FUNCTION lika.owns(target bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
    SELECT EXISTS (SELECT 1 FROM lika.assessments a WHERE a.id = target
                   AND a.owner = session_user)
$fn$;

-- domain.workflow.lock: only a draft or returned assessment, and not one that a newer
-- revision supersedes, is open; a caseworker edits their own, an admin any.
CREATE FUNCTION lika.may_edit(target bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
    SELECT EXISTS (
        SELECT 1 FROM lika.assessments a
        WHERE a.id = target AND a.status IN ('draft', 'returned')
          AND NOT EXISTS (SELECT 1 FROM lika.assessments n
                          WHERE n.series_uid = a.series_uid AND n.revision > a.revision)
          AND ((a.owner = session_user AND lika.in_role('lika_caseworker'))
               OR lika.in_role('lika_admin')))
$fn$;
"""

_CHANGED = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in _LOCKED_COLUMNS)

_GUARDS = f"""
CREATE FUNCTION lika.lock_assessment() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'approved' THEN
            RAISE EXCEPTION '{_NO_DELETE}';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'approved' AND ({_CHANGED}) THEN
        RAISE EXCEPTION '{_LOCKED}';
    END IF;
    RETURN NEW;
END
$fn$;
CREATE TRIGGER review_lock_assessments BEFORE UPDATE OR DELETE ON lika.assessments
FOR EACH ROW EXECUTE FUNCTION lika.lock_assessment();

CREATE FUNCTION lika.lock_child() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    target bigint := CASE WHEN TG_OP = 'INSERT' THEN NEW.assessment_id
                          ELSE OLD.assessment_id END;
BEGIN
    IF EXISTS (SELECT 1 FROM lika.assessments WHERE id = target AND status = 'approved') THEN
        RAISE EXCEPTION '{_LOCKED}';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$fn$;

CREATE FUNCTION lika.append_only() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    -- A status change goes only with its deleted assessment (ON DELETE CASCADE).
    IF TG_TABLE_NAME = 'status_changes' AND TG_OP = 'DELETE'
       AND NOT EXISTS (SELECT 1 FROM lika.assessments WHERE id = OLD.assessment_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'lika-refused: The % is append-only: its entries cannot be %',
        CASE TG_TABLE_NAME WHEN 'audit_log' THEN 'audit log' ELSE 'approval record' END,
        CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'removed' END;
END
$fn$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON lika.audit_log
FOR EACH ROW EXECUTE FUNCTION lika.append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON lika.audit_log
FOR EACH STATEMENT EXECUTE FUNCTION lika.append_only();
CREATE TRIGGER status_changes_append_only BEFORE UPDATE OR DELETE ON lika.status_changes
FOR EACH ROW EXECUTE FUNCTION lika.append_only();
CREATE TRIGGER status_changes_no_truncate BEFORE TRUNCATE ON lika.status_changes
FOR EACH STATEMENT EXECUTE FUNCTION lika.append_only();
CREATE TRIGGER evidence_marks_append_only BEFORE UPDATE OR DELETE ON lika.evidence_marks
FOR EACH ROW EXECUTE FUNCTION lika.append_only();

CREATE FUNCTION lika.lock_evidence_file() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'lika-refused: A stored evidence file cannot be changed';
    END IF;
    IF EXISTS (SELECT 1 FROM lika.evidence_items i JOIN lika.assessments a
               ON a.id = i.assessment_id WHERE i.sha256 = OLD.sha256
               AND a.status = 'approved') THEN
        RAISE EXCEPTION
            'lika-refused: An approved assessment attaches this file; it cannot be removed';
    END IF;
    RETURN OLD;
END
$fn$;
CREATE TRIGGER review_lock_evidence_files BEFORE UPDATE OR DELETE ON lika.evidence_files
FOR EACH ROW EXECUTE FUNCTION lika.lock_evidence_file();
""" + "".join(
    f"CREATE TRIGGER review_lock_{t} BEFORE INSERT OR UPDATE OR DELETE ON lika.{t}\n"
    "FOR EACH ROW EXECUTE FUNCTION lika.lock_child();\n"
    for t in CHILDREN
)

_FUNCTIONS = """
-- The one way to change a status: the workflow's transitions (domain.workflow.ALLOWED),
-- who may make each, the version guard, and the record in the session's own name.
CREATE FUNCTION lika.change_status(
    p_assessment bigint, p_to text, p_expected_version integer, p_comment text DEFAULT '',
    p_fingerprint text DEFAULT '', p_role text DEFAULT '', p_signature text DEFAULT '',
    p_public_key text DEFAULT ''
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    a lika.assessments;
    audit bigint;
    at text := lika.server_now();
    change_id bigint;
BEGIN
    SELECT * INTO a FROM lika.assessments WHERE id = p_assessment FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'lika-refused: There is no assessment %', p_assessment
            USING ERRCODE = 'P0002';
    END IF;
    IF (a.status, p_to) NOT IN (('draft', 'in_review'), ('in_review', 'approved'),
                                ('in_review', 'returned'), ('returned', 'draft')) THEN
        RAISE EXCEPTION 'lika-refused: An assessment cannot go from % to %', a.status, p_to;
    END IF;
    IF p_to IN ('approved', 'returned') THEN
        IF NOT lika.in_role('lika_reviewer') THEN
            RAISE EXCEPTION 'lika-refused: Only a reviewer approves or returns an assessment'
                USING ERRCODE = '42501';
        END IF;
    ELSIF NOT ((a.owner = session_user AND lika.in_role('lika_caseworker'))
               OR lika.in_role('lika_admin')) THEN
        RAISE EXCEPTION 'lika-refused: Only the assessment''s own caseworker submits it'
            USING ERRCODE = '42501';
    END IF;
    IF a.version <> p_expected_version THEN
        RAISE EXCEPTION 'lika-refused: This assessment was changed elsewhere; %',
            'reload it before changing its status' USING ERRCODE = '40001';
    END IF;
    IF (p_to = 'approved') <> (p_fingerprint ~ '^[0-9a-f]{64}$') THEN
        RAISE EXCEPTION 'lika-refused: An approval, and only an approval, has a fingerprint'
            USING ERRCODE = '22023';
    END IF;
    audit := lika.next_audit_id();
    UPDATE lika.assessments SET status = p_to, version = version + 1, updated = at
    WHERE id = a.id;
    INSERT INTO lika.status_changes (assessment_id, from_status, to_status, actor, os_user,
        at, comment, fingerprint, signature, public_key, trust, audit_id, generation, role)
    VALUES (a.id, a.status, p_to, session_user, session_user, at, p_comment, p_fingerprint,
        p_signature, p_public_key, 'witnessed', audit, 0, btrim(p_role))
    RETURNING id INTO change_id;
    PERFORM lika.append_entry(a.id, a.uid, a.revision, 'status',
        lika.status_summary(a.status, p_to, p_fingerprint, p_comment), '[]'::jsonb);
    RETURN change_id;
END
$fn$;

-- Every other audit entry a client writes: in the session's name, for an assessment
-- as stored (its uid and revision from its row; a deleted one's as given).
CREATE FUNCTION lika.append_audit(
    p_action text, p_assessment_id bigint, p_assessment_uid text, p_revision integer,
    p_summary text, p_changes jsonb DEFAULT '[]'
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    a lika.assessments;
BEGIN
    IF p_action NOT IN ('create', 'save', 'comment', 'address', 'new_revision', 'delete')
       AND NOT (p_action IN ('import', 'restore', 'repair') AND lika.in_role('lika_admin')) THEN
        RAISE EXCEPTION 'lika-refused: An audit entry of kind % cannot be written here',
            p_action USING ERRCODE = '42501';
    END IF;
    IF NOT (lika.in_role('lika_caseworker') OR lika.in_role('lika_reviewer')
            OR lika.in_role('lika_strategist') OR lika.in_role('lika_admin')) THEN
        RAISE EXCEPTION 'lika-refused: Only Lika''s roles write the audit log'
            USING ERRCODE = '42501';
    END IF;
    IF p_assessment_id IS NOT NULL THEN
        SELECT * INTO a FROM lika.assessments WHERE id = p_assessment_id;
        IF FOUND AND (a.uid <> p_assessment_uid OR a.revision <> p_revision) THEN
            RAISE EXCEPTION 'lika-refused: Assessment % is not % revision %',
                p_assessment_id, p_assessment_uid, p_revision USING ERRCODE = '22023';
        END IF;
        IF NOT FOUND AND p_action <> 'delete' THEN
            RAISE EXCEPTION 'lika-refused: There is no assessment %', p_assessment_id
                USING ERRCODE = 'P0002';
        END IF;
    END IF;
    RETURN lika.append_entry(p_assessment_id, p_assessment_uid, p_revision, p_action,
        p_summary, p_changes);
END
$fn$;
"""


def _policies() -> str:
    """Row-level security and privileges, table by table."""
    own_open = "lika.may_edit(assessment_id)"
    parts = [
        "REVOKE ALL ON SCHEMA lika FROM PUBLIC;",
        "REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA lika FROM PUBLIC;",
        f"GRANT USAGE ON SCHEMA lika TO {_ALL};",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA lika TO {_ALL};",
        "GRANT EXECUTE ON FUNCTION lika.in_role(text), lika.owns(bigint), "
        "lika.may_edit(bigint), lika.server_now(), lika.json_text(text), "
        "lika.shorten(text, integer), lika.canonical_json(jsonb), "
        "lika.entry_hash(text, bigint, text, text, text, bigint, text, integer, text, text, "
        "jsonb, text), lika.status_summary(text, text, text, text), "
        "lika.change_status(bigint, text, integer, text, text, text, text, text), "
        f"lika.append_audit(text, bigint, text, integer, text, jsonb) TO {_ALL};",
        # Assessments.
        "ALTER TABLE lika.assessments ENABLE ROW LEVEL SECURITY;",
        f"CREATE POLICY read_all ON lika.assessments FOR SELECT TO {_ALL} USING (true);",
        "CREATE POLICY create_own_draft ON lika.assessments FOR INSERT TO lika_caseworker "
        "WITH CHECK (owner = session_user AND status = 'draft');",
        "CREATE POLICY admin_creates ON lika.assessments FOR INSERT TO lika_admin "
        "WITH CHECK (true);",
        "CREATE POLICY edit_open ON lika.assessments FOR UPDATE "
        "TO lika_caseworker, lika_admin USING (lika.may_edit(id)) WITH CHECK (true);",
        "CREATE POLICY delete_unapproved ON lika.assessments FOR DELETE "
        "TO lika_caseworker, lika_admin USING (status <> 'approved' AND "
        "((owner = session_user AND lika.in_role('lika_caseworker')) "
        "OR lika.in_role('lika_admin')));",
        "GRANT INSERT, DELETE ON lika.assessments TO lika_caseworker, lika_admin;",
        f"GRANT UPDATE ({', '.join(_CONTENT_COLUMNS)}) ON lika.assessments TO lika_caseworker;",
        f"GRANT UPDATE ({', '.join(_CONTENT_COLUMNS)}, owner) ON lika.assessments TO lika_admin;",
    ]
    for table in CHILDREN:
        parts += [
            f"ALTER TABLE lika.{table} ENABLE ROW LEVEL SECURITY;",
            f"CREATE POLICY read_all ON lika.{table} FOR SELECT TO {_ALL} USING (true);",
            f"CREATE POLICY add_open ON lika.{table} FOR INSERT TO lika_caseworker, lika_admin "
            f"WITH CHECK ({own_open});",
            f"CREATE POLICY edit_open ON lika.{table} FOR UPDATE "
            f"TO lika_caseworker, lika_admin USING ({own_open}) WITH CHECK ({own_open});",
            f"CREATE POLICY remove_open ON lika.{table} FOR DELETE "
            f"TO lika_caseworker, lika_admin USING ({own_open});",
            f"GRANT INSERT, UPDATE, DELETE ON lika.{table} TO lika_caseworker, lika_admin;",
        ]
    parts += [
        # Review comments: a reviewer writes them in their own name, the assessment's
        # caseworker answers them in theirs.
        "ALTER TABLE lika.review_comments ENABLE ROW LEVEL SECURITY;",
        f"CREATE POLICY read_all ON lika.review_comments FOR SELECT TO {_ALL} USING (true);",
        "CREATE POLICY reviewer_comments ON lika.review_comments FOR INSERT TO lika_reviewer "
        "WITH CHECK (author = session_user AND os_user = session_user);",
        "CREATE POLICY owner_answers ON lika.review_comments FOR UPDATE TO lika_caseworker "
        "USING (lika.owns(assessment_id)) WITH CHECK (addressed_by = session_user);",
        "GRANT INSERT (assessment_id, target, text, author, os_user, created) "
        "ON lika.review_comments TO lika_reviewer;",
        "GRANT UPDATE (addressed_at, addressed_by, reply) ON lika.review_comments "
        "TO lika_caseworker;",
        # Follow-up: the owner, a strategist or an admin records an evaluation, in their
        # own name; it is history, not edited afterwards (an admin may correct it).
        "ALTER TABLE lika.evaluations ENABLE ROW LEVEL SECURITY;",
        f"CREATE POLICY read_all ON lika.evaluations FOR SELECT TO {_ALL} USING (true);",
        "CREATE POLICY record_own ON lika.evaluations FOR INSERT "
        "TO lika_caseworker, lika_strategist, lika_admin WITH CHECK (os_user = session_user "
        "AND (lika.owns(assessment_id) OR lika.in_role('lika_strategist') "
        "OR lika.in_role('lika_admin')));",
        "CREATE POLICY admin_corrects ON lika.evaluations FOR ALL TO lika_admin "
        "USING (true) WITH CHECK (true);",
        "ALTER TABLE lika.evaluation_measures ENABLE ROW LEVEL SECURITY;",
        f"CREATE POLICY read_all ON lika.evaluation_measures FOR SELECT TO {_ALL} USING (true);",
        "CREATE POLICY record_own ON lika.evaluation_measures FOR INSERT "
        "TO lika_caseworker, lika_strategist, lika_admin WITH CHECK (EXISTS ("
        "SELECT 1 FROM lika.evaluations e WHERE e.id = evaluation_id "
        "AND e.assessment_id = evaluation_measures.assessment_id "
        "AND e.os_user = session_user));",
        "CREATE POLICY admin_corrects ON lika.evaluation_measures FOR ALL TO lika_admin "
        "USING (true) WITH CHECK (true);",
        "GRANT INSERT ON lika.evaluations, lika.evaluation_measures "
        "TO lika_caseworker, lika_strategist, lika_admin;",
        "GRANT UPDATE, DELETE ON lika.evaluations, lika.evaluation_measures TO lika_admin;",
        # Stored files: added with an assessment, removed only by an admin (and never
        # while an approved assessment attaches them, by trigger).
        "GRANT INSERT ON lika.evidence_files TO lika_caseworker, lika_admin;",
        "GRANT DELETE ON lika.evidence_files TO lika_admin;",
    ]
    return "\n".join(parts) + "\n"


SQL = _ROLES_SQL + _HELPERS + _GUARDS + _FUNCTIONS + _policies()
