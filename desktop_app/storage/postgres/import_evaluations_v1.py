"""A file's follow-up evaluations imported onto a server register (migration
``0012_import_evaluations``), frozen once shipped.

A file's evaluations name their evaluators, and on the server a client inserts an
evaluation only in its own name (row-level security). ``lika.import_with_evaluations``
is ``lika.import_history`` (migration ``0009_import``) that also stores the file's
evaluations, in the same call: there is no way to write one in another's name except
as part of an import, so every such evaluation stands behind an ``import`` entry in the
importing login's name, with the import's own refusals (the login's own open
assessment, at the version it read). As the file import does, a replaced assessment's
evaluations are replaced by the file's. The entry's changes carry one line
``evaluations: OLD -> "N sha256:HEX"`` (OLD the number replaced, or ""), the digest of
the evaluations as given, so the entry's hash covers them as its ``record_hash`` covers
the history. (Migration ``0013_import_links``, ``import_links_v1``, replaces the
function: the rows name their entry and the line is the digest of the rows as stored,
which ``lika check`` can compute again.)
"""

from __future__ import annotations

SQL = """
CREATE FUNCTION lika.import_with_evaluations(
    p_assessment bigint, p_expected_version integer, p_records jsonb, p_summary text,
    p_changes jsonb, p_evaluations jsonb
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    entry bigint;
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
    SELECT count(*) INTO gone FROM lika.evaluations WHERE assessment_id = p_assessment;
    IF gone > 0 OR jsonb_array_length(p_evaluations) > 0 THEN
        changes := changes || jsonb_build_array(jsonb_build_array(
            jsonb_build_array('evaluations'), CASE WHEN gone > 0 THEN gone::text ELSE '' END,
            jsonb_array_length(p_evaluations)::text || ' sha256:'
            || encode(sha256(convert_to(p_evaluations::text, 'UTF8')), 'hex')));
    END IF;
    -- Refuses unless this is the login's own open assessment at the version it read.
    entry := lika.import_history(p_assessment, p_expected_version, p_records, p_summary,
        changes);
    -- As the file import does: a replaced assessment's evaluations are the file's.
    DELETE FROM lika.evaluations WHERE assessment_id = p_assessment;
    FOR e IN SELECT x FROM jsonb_array_elements(p_evaluations) WITH ORDINALITY AS t(x, n)
             ORDER BY n LOOP
        INSERT INTO lika.evaluations (assessment_id, followup_date, evaluated_on, evaluator,
            os_user, recorded_at, what_happened, impact, impact_note, next_followup)
        VALUES (p_assessment, e ->> 'followup_date', e ->> 'evaluated_on', e ->> 'evaluator',
            e ->> 'os_user', e ->> 'recorded_at', coalesce(e ->> 'what_happened', ''),
            e ->> 'impact', coalesce(e ->> 'impact_note', ''), e ->> 'next_followup')
        RETURNING id INTO new_id;
        FOR m IN SELECT y FROM jsonb_array_elements(coalesce(e -> 'measures', '[]'))
                 WITH ORDINALITY AS u(y, k) ORDER BY k LOOP
            INSERT INTO lika.evaluation_measures (evaluation_id, assessment_id, measure_uid,
                description, status, note)
            VALUES (new_id, p_assessment, m ->> 'measure_uid',
                coalesce(m ->> 'description', ''), m ->> 'status', coalesce(m ->> 'note', ''));
        END LOOP;
    END LOOP;
    RETURN entry;
END
$fn$;

REVOKE EXECUTE ON FUNCTION
    lika.import_with_evaluations(bigint, integer, jsonb, text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    lika.import_with_evaluations(bigint, integer, jsonb, text, jsonb, jsonb)
    TO lika_caseworker, lika_admin;
"""
