"""The audit chain on the server (migration ``0002_roles``), hash for hash as in Python.

``domain.audit.entry_hash`` hashes the canonical JSON of an entry (keys sorted, no
spaces, non-ASCII as itself); ``records_hash`` the status-change rows an entry records.
The functions here build exactly those texts in SQL (``to_json`` escapes a string as
Python's ``json.dumps(..., ensure_ascii=False)`` does), so ``verify_chain`` checks a
server register as it checks a SQLite one, and the tests compare the two on awkward
text. Entries are written only by ``append_entry``, as the login of the session
(``session_user``), never as a name the client gives; clients reach it through
``append_audit`` (``roles_v1``) and ``change_status``.
"""

from __future__ import annotations

# Written out, not imported from the domain, so that this migration keeps doing what it
# did when it shipped; tests/test_pg_roles.py checks them against the domain.
GENESIS_HASH = "0" * 64  # domain.audit.GENESIS_HASH
QUOTED_LIMIT = 120  # domain.audit_summary.QUOTED_LIMIT

SQL = f"""
CREATE FUNCTION lika.server_now() RETURNS text
LANGUAGE sql STABLE AS $fn$
    SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || '+00:00'
$fn$;

CREATE FUNCTION lika.json_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT coalesce(to_json(value)::text, 'null')
$fn$;

CREATE FUNCTION lika.shorten(value text, lim integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT CASE WHEN length(value) <= lim THEN value ELSE left(value, lim - 1) || '…' END
$fn$;

-- Arrays, strings and numbers: all that a list of changes holds (check_changes).
CREATE FUNCTION lika.canonical_json(value jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $fn$
BEGIN
    CASE jsonb_typeof(value)
    WHEN 'array' THEN
        RETURN '[' || coalesce((
            SELECT string_agg(lika.canonical_json(v), ',' ORDER BY i)
            FROM jsonb_array_elements(value) WITH ORDINALITY AS e(v, i)), '') || ']';
    WHEN 'string' THEN
        RETURN to_json(value #>> '{{}}')::text;
    ELSE
        RETURN value::text;
    END CASE;
END
$fn$;

CREATE FUNCTION lika.entry_hash(
    prev_hash text, entry_id bigint, at text, actor text, os_user text,
    assessment_id bigint, assessment_uid text, revision integer, action text,
    summary text, changes jsonb, record_hash text
) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT encode(sha256(convert_to(
        '{{"action":' || lika.json_text(action)
        || ',"actor":' || lika.json_text(actor)
        || ',"assessment_id":' || coalesce(assessment_id::text, 'null')
        || ',"assessment_uid":' || lika.json_text(assessment_uid)
        || ',"at":' || lika.json_text(at)
        || ',"changes":' || lika.canonical_json(changes)
        || ',"id":' || entry_id::text
        || ',"os_user":' || lika.json_text(os_user)
        || ',"prev_hash":' || lika.json_text(prev_hash)
        || CASE WHEN record_hash <> '' THEN ',"record_hash":' || lika.json_text(record_hash)
           ELSE '' END
        || ',"revision":' || revision::text
        || ',"summary":' || lika.json_text(summary) || '}}',
        'UTF8')), 'hex')
$fn$;

CREATE FUNCTION lika.records_hash(audit bigint) RETURNS text
LANGUAGE sql STABLE AS $fn$
    SELECT coalesce(encode(sha256(convert_to(
        '[' || string_agg(
            '[' || concat_ws(',', s.id::text, s.assessment_id::text,
                lika.json_text(s.from_status), lika.json_text(s.to_status),
                lika.json_text(s.actor), lika.json_text(s.os_user), lika.json_text(s.at),
                lika.json_text(s.comment), lika.json_text(s.fingerprint),
                lika.json_text(s.signature), lika.json_text(s.public_key),
                lika.json_text(s.trust), s.generation::text,
                CASE WHEN s.role <> '' THEN lika.json_text(s.role) END) || ']',
            ',' ORDER BY s.id) || ']',
        'UTF8')), 'hex'), '')
    FROM lika.status_changes s WHERE s.audit_id = audit
$fn$;

CREATE FUNCTION lika.check_changes(changes jsonb) RETURNS void
LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
    item jsonb;
BEGIN
    IF jsonb_typeof(changes) <> 'array' THEN
        RAISE EXCEPTION 'lika-refused: the changes of an audit entry are a list'
            USING ERRCODE = '22023';
    END IF;
    FOR item IN SELECT * FROM jsonb_array_elements(changes) LOOP
        IF jsonb_typeof(item) <> 'array' OR jsonb_array_length(item) <> 3
            OR jsonb_typeof(item -> 0) <> 'array'
            OR jsonb_typeof(item -> 1) <> 'string' OR jsonb_typeof(item -> 2) <> 'string'
            OR EXISTS (SELECT 1 FROM jsonb_array_elements(item -> 0) p
                       WHERE jsonb_typeof(p) <> 'string') THEN
            RAISE EXCEPTION 'lika-refused: a change of an audit entry is [path, old, new]'
                USING ERRCODE = '22023';
        END IF;
    END LOOP;
END
$fn$;

-- The id the next entry gets; locks the counter until the transaction ends, so two
-- sessions never chain onto the same entry.
CREATE FUNCTION lika.next_audit_id() RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
    SELECT greatest(i.last_id, coalesce((SELECT max(id) FROM lika.audit_log), 0)) + 1
    FROM (SELECT last_id FROM lika.audit_issued FOR UPDATE) i
$fn$;

CREATE FUNCTION lika.append_entry(
    p_assessment_id bigint, p_assessment_uid text, p_revision integer, p_action text,
    p_summary text, p_changes jsonb
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    new_id bigint := lika.next_audit_id();
    prev text;
    at text := lika.server_now();
    recorded text := lika.records_hash(new_id);
BEGIN
    PERFORM lika.check_changes(p_changes);
    SELECT hash INTO prev FROM lika.audit_log ORDER BY id DESC LIMIT 1;
    prev := coalesce(prev, '{GENESIS_HASH}');
    INSERT INTO lika.audit_log (id, at, actor, os_user, assessment_id, assessment_uid,
        revision, action, summary, changes, prev_hash, hash, record_hash)
    VALUES (new_id, at, session_user, session_user, p_assessment_id, p_assessment_uid,
        p_revision, p_action, p_summary, p_changes::text, prev,
        lika.entry_hash(prev, new_id, at, session_user, session_user, p_assessment_id,
            p_assessment_uid, p_revision, p_action, p_summary, p_changes, recorded),
        recorded);
    UPDATE lika.audit_issued SET last_id = new_id;
    RETURN new_id;
END
$fn$;

CREATE FUNCTION lika.status_summary(
    from_status text, to_status text, fingerprint text, comment text
) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT coalesce(from_status, '-') || ' -> ' || to_status
        || CASE WHEN fingerprint <> '' THEN ' (fingerprint ' || fingerprint || ')' ELSE '' END
        || CASE WHEN comment <> '' THEN ': ' || lika.shorten(comment, {QUOTED_LIMIT})
           ELSE '' END
$fn$;
"""
