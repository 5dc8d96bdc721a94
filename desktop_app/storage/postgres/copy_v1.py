"""Copying a register onto the server (migration ``0004_copy``), frozen once shipped.

``lika migrate`` moves SQLite registers onto the server. Rows go in as they are, but
the append-only audit log and the approval records cannot be written by any client
role; so an administrator (``lika_admin``) copies through these SECURITY DEFINER
functions, all in one transaction (``copy_begin`` … ``copy_finish``):

- ``copy_begin(merge)``: takes the audit log's counter (other writers wait) and decides
  how this copy may write: **verbatim** into a register with no assessment and no audit
  entry (the first file: every id and every audit entry as it was, so the chain
  continues on the server), **merge** into a register that holds some when ``merge``
  says so, else refuses. The lock and search triggers are set aside for the copy
  (``ALTER TABLE``: writers wait until it commits; readers do not).
- ``copy_rows(table, rows)``: inserts rows as given. Audit entries only when verbatim,
  and only ones that continue the chain: each one's ``prev_hash`` is the newest entry's
  hash, its hash is what ``entry_hash`` computes, and its ``record_hash`` covers the
  approval records as stored. The server never holds a chain it did not check.
- ``copy_imports(items)``: merging: per assessment, its approval records and one
  ``import`` entry in the session's own name whose ``record_hash`` covers them.
- ``copy_finish(last_issued, marks)``: puts the triggers back, rebuilds the read model
  and the search index of the copied assessments, moves the id sequences past the copied
  ids, and (verbatim) takes over the file's ``last_issued`` id and evidence marks.

The state of a copy is a row of ``copy_in_progress`` naming its transaction, which no
client can write: the functions refuse outside the transaction that began the copy.
"""

from __future__ import annotations

# Tables a copy fills, in an order that satisfies their foreign keys.
COPIED = (
    "assessments", "ground_assessments", "answers", "measures", "statistics_tables",
    "evidence_items", "evaluations", "evaluation_measures", "review_comments",
    "status_changes", "evidence_files", "audit_log",
)  # fmt: skip
# Tables whose user triggers (locks, read model, search) a copy sets aside.
_QUIET = (
    "assessments", "ground_assessments", "answers", "measures", "statistics_tables",
    "evidence_items", "evaluations", "evaluation_measures", "review_comments",
    "status_changes",
)  # fmt: skip
# Tables whose ids come from an identity column: moved past the copied ids.
_IDENTITY = ("assessments", "measures", "status_changes", "evaluations", "review_comments")


def _array(names: tuple[str, ...]) -> str:
    return "ARRAY['" + "', '".join(names) + "']"


SQL = f"""
CREATE TABLE lika.copy_in_progress (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    txid bigint NOT NULL,
    mode text NOT NULL CHECK (mode IN ('verbatim', 'merge')),
    first_new_id bigint NOT NULL
);
ALTER TABLE lika.copy_in_progress ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION lika.copy_mode() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    found text;
BEGIN
    IF NOT lika.in_role('lika_admin') THEN
        RAISE EXCEPTION 'lika-refused: Only an administrator (lika_admin) copies a register %',
            'onto the server' USING ERRCODE = '42501';
    END IF;
    SELECT mode INTO found FROM lika.copy_in_progress WHERE txid = txid_current();
    IF found IS NULL THEN
        RAISE EXCEPTION 'lika-refused: No copy was begun in this transaction'
            USING ERRCODE = '55000';
    END IF;
    RETURN found;
END
$fn$;

CREATE FUNCTION lika.copy_begin(p_merge boolean) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    held bigint;
    entries bigint;
    chosen text;
    t text;
BEGIN
    IF NOT lika.in_role('lika_admin') THEN
        RAISE EXCEPTION 'lika-refused: Only an administrator (lika_admin) copies a register %',
            'onto the server' USING ERRCODE = '42501';
    END IF;
    PERFORM 1 FROM lika.audit_issued FOR UPDATE;
    SELECT count(*) INTO held FROM lika.assessments;
    SELECT count(*) INTO entries FROM lika.audit_log;
    IF held = 0 AND entries = 0 THEN
        chosen := 'verbatim';
    ELSIF p_merge THEN
        chosen := 'merge';
    ELSE
        RAISE EXCEPTION 'lika-refused: The server register is not empty (% assessments, % %',
            held, entries, 'audit entries); merge into it with --merge' USING ERRCODE = '55000';
    END IF;
    DELETE FROM lika.copy_in_progress;
    INSERT INTO lika.copy_in_progress (txid, mode, first_new_id)
    VALUES (txid_current(), chosen, coalesce((SELECT max(id) FROM lika.assessments), 0) + 1);
    FOREACH t IN ARRAY {_array(_QUIET)} LOOP
        EXECUTE format('ALTER TABLE lika.%I DISABLE TRIGGER USER', t);
    END LOOP;
    RETURN chosen;
END
$fn$;

CREATE FUNCTION lika.copy_rows(p_table text, p_rows jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    mode text := lika.copy_mode();
    e lika.audit_log;
    head_id bigint;
    head_hash text;
    added integer;
BEGIN
    IF NOT (p_table = ANY({_array(COPIED)})) THEN
        RAISE EXCEPTION 'lika-refused: % is not a table a copy fills', p_table
            USING ERRCODE = '22023';
    END IF;
    IF p_table IN ('audit_log', 'status_changes') AND mode <> 'verbatim' THEN
        RAISE EXCEPTION 'lika-refused: Merging writes no % of its own; %', p_table,
            'copy_imports records what was merged' USING ERRCODE = '42501';
    END IF;
    IF p_table = 'evidence_files' THEN
        INSERT INTO lika.evidence_files
        SELECT * FROM jsonb_populate_recordset(NULL::lika.evidence_files, p_rows)
        ON CONFLICT (sha256) DO NOTHING;
        GET DIAGNOSTICS added = ROW_COUNT;
        RETURN added;
    END IF;
    IF p_table <> 'audit_log' THEN
        EXECUTE format('INSERT INTO lika.%I SELECT * FROM '
            'jsonb_populate_recordset(NULL::lika.%I, $1)', p_table, p_table) USING p_rows;
        GET DIAGNOSTICS added = ROW_COUNT;
        RETURN added;
    END IF;
    SELECT id, hash INTO head_id, head_hash FROM lika.audit_log ORDER BY id DESC LIMIT 1;
    head_id := coalesce(head_id, 0);
    head_hash := coalesce(head_hash, repeat('0', 64));
    added := 0;
    FOR e IN SELECT * FROM jsonb_populate_recordset(NULL::lika.audit_log, p_rows) LOOP
        IF e.id <= head_id OR e.prev_hash <> head_hash THEN
            RAISE EXCEPTION 'lika-refused: Audit entry % does not continue the chain %',
                e.id, '(an entry before it was removed or changed)' USING ERRCODE = '22023';
        END IF;
        IF e.hash <> lika.entry_hash(e.prev_hash, e.id, e.at, e.actor, e.os_user,
                e.assessment_id, e.assessment_uid, e.revision, e.action, e.summary,
                e.changes::jsonb, e.record_hash)
           OR (e.record_hash <> '' AND e.record_hash <> lika.records_hash(e.id)) THEN
            RAISE EXCEPTION 'lika-refused: Audit entry % was changed after it was written',
                e.id USING ERRCODE = '22023';
        END IF;
        INSERT INTO lika.audit_log VALUES (e.*);
        head_id := e.id;
        head_hash := e.hash;
        added := added + 1;
    END LOOP;
    UPDATE lika.audit_issued SET last_id = greatest(last_id, head_id);
    RETURN added;
END
$fn$;

-- Merging: p_items is a list of {{"assessment": ID, "summary": TEXT, "records": [its
-- status-change rows, without audit_id]}}; returns the ids of the new entries.
CREATE FUNCTION lika.copy_imports(p_items jsonb) RETURNS bigint[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    mode text := lika.copy_mode();
    item jsonb;
    a lika.assessments;
    entry bigint;
    written bigint[] := ARRAY[]::bigint[];
BEGIN
    IF mode <> 'merge' THEN
        RAISE EXCEPTION 'lika-refused: Import entries are written only when merging'
            USING ERRCODE = '42501';
    END IF;
    FOR item IN SELECT * FROM jsonb_array_elements(p_items) LOOP
        SELECT * INTO a FROM lika.assessments WHERE id = (item ->> 'assessment')::bigint;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'lika-refused: There is no assessment %', item ->> 'assessment'
                USING ERRCODE = 'P0002';
        END IF;
        entry := lika.next_audit_id();
        INSERT INTO lika.status_changes
        SELECT (jsonb_populate_record(NULL::lika.status_changes,
                r || jsonb_build_object('assessment_id', a.id, 'audit_id', entry))).*
        FROM jsonb_array_elements(coalesce(item -> 'records', '[]')) AS r;
        written := written || lika.append_entry(a.id, a.uid, a.revision, 'import',
            item ->> 'summary', '[]'::jsonb);
    END LOOP;
    RETURN written;
END
$fn$;

CREATE FUNCTION lika.copy_finish(p_last_issued bigint, p_marks jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    mode text := lika.copy_mode();
    first_new bigint := (SELECT first_new_id FROM lika.copy_in_progress);
    t text;
BEGIN
    IF mode = 'verbatim' THEN
        UPDATE lika.audit_issued SET last_id = greatest(last_id, coalesce(p_last_issued, 0));
        IF p_marks IS NOT NULL AND p_marks <> '{{}}'::jsonb THEN
            ALTER TABLE lika.evidence_marks DISABLE TRIGGER USER;
            DELETE FROM lika.evidence_marks;
            INSERT INTO lika.evidence_marks (name, value)
            SELECT key, value FROM jsonb_each_text(p_marks);
            ALTER TABLE lika.evidence_marks ENABLE TRIGGER USER;
        END IF;
    END IF;
    FOREACH t IN ARRAY {_array(_QUIET)} LOOP
        EXECUTE format('ALTER TABLE lika.%I ENABLE TRIGGER USER', t);
    END LOOP;
    FOREACH t IN ARRAY {_array(_IDENTITY)} LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), '
            'coalesce((SELECT max(id) FROM lika.%I), 0) + 1, false)', 'lika.' || t, 'id', t);
    END LOOP;
    -- Fresh statistics first: the rebuild below plans its queries on them.
    FOREACH t IN ARRAY {_array(_QUIET)} LOOP
        EXECUTE format('ANALYZE lika.%I', t);
    END LOOP;
    -- Heads may change anywhere a merged revision joins a series: the whole read model.
    DELETE FROM lika.register_rows;
    INSERT INTO lika.register_rows SELECT * FROM lika.register_source;
    DELETE FROM lika.register_search WHERE assessment_id >= first_new;
    INSERT INTO lika.register_search (assessment_id, document)
    SELECT assessment_id, lika.search_vector(title, body) FROM lika.register_search_source
    WHERE assessment_id >= first_new;
    DELETE FROM lika.copy_in_progress;
END
$fn$;

REVOKE EXECUTE ON FUNCTION lika.copy_mode(), lika.copy_begin(boolean),
    lika.copy_rows(text, jsonb), lika.copy_imports(jsonb), lika.copy_finish(bigint, jsonb)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lika.copy_begin(boolean), lika.copy_rows(text, jsonb),
    lika.copy_imports(jsonb), lika.copy_finish(bigint, jsonb) TO lika_admin;
"""
