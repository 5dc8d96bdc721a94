"""Imported evaluations linked to the ``import`` entry that records them (migration
``0013_import_links``), frozen once shipped.

Migration ``0012_import_evaluations`` put a digest of the evaluations *as given* into
the import entry, which ``lika check`` could not recompute: nothing said which stored
rows an entry imported, and the given JSON is not the stored rows. Here:

- ``lika.evaluations.import_id`` names the import entry that stored the row; only the
  server's import function writes it (a login's own evaluation has none: the clients'
  INSERT and an administrator's UPDATE are granted every column but this one);
- ``lika.imported_evaluations_digest(entry)`` is ``"N sha256:HEX"`` over the canonical
  JSON of the rows linked to ``entry`` (id order; each evaluation's columns, then its
  measures' results by ``measure_uid`` in code-point order), built as
  ``lika.records_hash`` builds its text, so ``domain.audit.evaluations_digest`` gets
  the same from the same rows;
- ``lika.import_with_evaluations`` (same signature and refusals) stores the rows first,
  linked to the entry id it is about to get, and puts the digest of the stored rows in
  the entry's ``evaluations`` line, so the entry's hash covers exactly what was stored;
- the mark ``evaluations_linked_from`` (``lika.evidence_marks``) is the first entry id
  whose evaluations are linked: entries before it (written by 0012) cannot be checked.
"""

from __future__ import annotations

MARK = "evaluations_linked_from"
# Every column of lika.evaluations but import_id: what a client may write.
_CLIENT_COLUMNS = (
    "id, assessment_id, followup_date, evaluated_on, evaluator, os_user, recorded_at, "
    "what_happened, impact, impact_note, next_followup"
)

SQL = f"""
ALTER TABLE lika.evaluations ADD COLUMN import_id bigint;
CREATE INDEX evaluations_import ON lika.evaluations(import_id) WHERE import_id IS NOT NULL;

REVOKE INSERT ON lika.evaluations FROM lika_caseworker, lika_strategist, lika_admin;
GRANT INSERT ({_CLIENT_COLUMNS}) ON lika.evaluations
    TO lika_caseworker, lika_strategist, lika_admin;
REVOKE UPDATE ON lika.evaluations FROM lika_admin;
GRANT UPDATE ({_CLIENT_COLUMNS}) ON lika.evaluations TO lika_admin;

INSERT INTO lika.evidence_marks (name, value)
SELECT '{MARK}', (greatest(i.last_id, coalesce((SELECT max(id) FROM lika.audit_log), 0))
    + 1)::text
FROM lika.audit_issued i;

CREATE FUNCTION lika.imported_evaluations_digest(entry bigint) RETURNS text
LANGUAGE sql STABLE SET search_path = lika, pg_temp AS $fn$
    SELECT count(*)::text || ' sha256:' || encode(sha256(convert_to(
        '[' || coalesce(string_agg(
            '[' || concat_ws(',', e.assessment_id::text, lika.json_text(e.followup_date),
                lika.json_text(e.evaluated_on), lika.json_text(e.evaluator),
                lika.json_text(e.os_user), lika.json_text(e.recorded_at),
                lika.json_text(e.what_happened), lika.json_text(e.impact),
                lika.json_text(e.impact_note), lika.json_text(e.next_followup),
                '[' || coalesce((
                    SELECT string_agg('[' || concat_ws(',', m.assessment_id::text,
                        lika.json_text(m.measure_uid), lika.json_text(m.description),
                        lika.json_text(m.status), lika.json_text(m.note)) || ']',
                        ',' ORDER BY m.measure_uid COLLATE "C")
                    FROM lika.evaluation_measures m WHERE m.evaluation_id = e.id), '')
                || ']') || ']',
            ',' ORDER BY e.id), '') || ']',
        'UTF8')), 'hex')
    FROM lika.evaluations e WHERE e.import_id = entry
$fn$;

CREATE OR REPLACE FUNCTION lika.import_with_evaluations(
    p_assessment bigint, p_expected_version integer, p_records jsonb, p_summary text,
    p_changes jsonb, p_evaluations jsonb
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    entry bigint;
    written bigint;
    e jsonb;
    m jsonb;
    new_id bigint;
    gone integer;
    changes jsonb := coalesce(p_changes, '[]');
BEGIN
    IF jsonb_typeof(p_evaluations) <> 'array' OR EXISTS (
        SELECT 1 FROM jsonb_array_elements(p_evaluations) x
        WHERE jsonb_typeof(x) <> 'object' OR coalesce(x ->> 'evaluated_on', '') = ''
           OR x ->> 'evaluator' IS NULL OR x ->> 'os_user' IS NULL
           OR coalesce(x ->> 'recorded_at', '') = '' OR coalesce(x ->> 'impact', '') = ''
           OR jsonb_typeof(coalesce(x -> 'measures', '[]')) <> 'array'
    ) THEN
        RAISE EXCEPTION 'lika-refused: %', 'An imported evaluation is a record from the file '
            'with its date, evaluator, time recorded and impact' USING ERRCODE = '22023';
    END IF;
    -- The assessment before the audit counter, in the order a save takes them.
    PERFORM 1 FROM lika.assessments WHERE id = p_assessment FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'lika-refused: There is no assessment %', p_assessment
            USING ERRCODE = 'P0002';
    END IF;
    -- The id import_history's entry gets (the counter stays locked until the end), so
    -- the rows name it and the entry's line is the digest of the rows as stored. A
    -- refusal below undoes all of it.
    entry := lika.next_audit_id();
    SELECT count(*) INTO gone FROM lika.evaluations WHERE assessment_id = p_assessment;
    -- As the file import does: a replaced assessment's evaluations are the file's.
    DELETE FROM lika.evaluations WHERE assessment_id = p_assessment;
    FOR e IN SELECT x FROM jsonb_array_elements(p_evaluations) WITH ORDINALITY AS t(x, n)
             ORDER BY n LOOP
        INSERT INTO lika.evaluations (assessment_id, followup_date, evaluated_on, evaluator,
            os_user, recorded_at, what_happened, impact, impact_note, next_followup,
            import_id)
        VALUES (p_assessment, e ->> 'followup_date', e ->> 'evaluated_on', e ->> 'evaluator',
            e ->> 'os_user', e ->> 'recorded_at', coalesce(e ->> 'what_happened', ''),
            e ->> 'impact', coalesce(e ->> 'impact_note', ''), e ->> 'next_followup', entry)
        RETURNING id INTO new_id;
        FOR m IN SELECT y FROM jsonb_array_elements(coalesce(e -> 'measures', '[]'))
                 WITH ORDINALITY AS u(y, k) ORDER BY k LOOP
            INSERT INTO lika.evaluation_measures (evaluation_id, assessment_id, measure_uid,
                description, status, note)
            VALUES (new_id, p_assessment, m ->> 'measure_uid',
                coalesce(m ->> 'description', ''), m ->> 'status', coalesce(m ->> 'note', ''));
        END LOOP;
    END LOOP;
    IF gone > 0 OR jsonb_array_length(p_evaluations) > 0 THEN
        changes := changes || jsonb_build_array(jsonb_build_array(
            jsonb_build_array('evaluations'), CASE WHEN gone > 0 THEN gone::text ELSE '' END,
            lika.imported_evaluations_digest(entry)));
    END IF;
    -- Refuses unless this is the login's own open assessment at the version it read.
    written := lika.import_history(p_assessment, p_expected_version, p_records, p_summary,
        changes);
    IF written <> entry THEN
        RAISE EXCEPTION 'import entry % is not the % its evaluations name', written, entry;
    END IF;
    RETURN entry;
END
$fn$;
"""
