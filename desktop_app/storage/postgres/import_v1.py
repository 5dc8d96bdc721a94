"""``lika import`` on a server register (migration ``0009_import``), frozen once shipped.

An exchange file's history names other people, and on the server only the server's
functions write status changes and audit entries, in the login's own name. So the
client stores the imported content as any draft of its own is stored (row-level
security: a new draft owned by the login, or the login's own open assessment when
replacing), and then calls ``lika.import_history``, which:

- takes the file's status changes as **imported records**: their trust must be
  ``imported``, ``unverified`` or ``signed`` (never ``witnessed``: nothing from a file
  was seen by this server), and an approval only ``unverified`` or ``signed`` (the
  client's judgement of the file's signature, ``app.approvals``, as for a file);
- sets the status the records lead to, as the file import does (an unverified approval
  leaves the assessment in review);
- appends one ``import`` entry in the session's name, whose ``record_hash`` covers the
  records (a new generation when they replace a history).

Nothing lets a client write a record as witnessed, in its own or anyone else's name. A
``signed`` approval must carry its signature and public key, kept with the record; the
server cannot verify an Ed25519 signature itself, so that judgement is the importing
PC's (``app.approvals``), as for a file, and the import entry names who made it.
"""

from __future__ import annotations

SQL = """
CREATE FUNCTION lika.import_history(
    p_assessment bigint, p_expected_version integer, p_records jsonb, p_summary text,
    p_changes jsonb DEFAULT '[]'
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
DECLARE
    a lika.assessments;
    entry bigint;
    last jsonb;
    next_status text := 'draft';
    generation integer;
BEGIN
    SELECT * INTO a FROM lika.assessments WHERE id = p_assessment FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'lika-refused: There is no assessment %', p_assessment
            USING ERRCODE = 'P0002';
    END IF;
    IF NOT ((a.owner = session_user AND lika.in_role('lika_caseworker'))
            OR lika.in_role('lika_admin')) THEN
        RAISE EXCEPTION 'lika-refused: Only the assessment''s own caseworker imports into it'
            USING ERRCODE = '42501';
    END IF;
    IF a.status NOT IN ('draft', 'returned') THEN
        RAISE EXCEPTION 'lika-refused: Assessment % is %: an import does not overwrite it',
            a.id, a.status USING ERRCODE = '42501';
    END IF;
    IF a.version <> p_expected_version THEN
        RAISE EXCEPTION 'lika-refused: This assessment was changed elsewhere; %',
            'reload it before importing' USING ERRCODE = '40001';
    END IF;
    IF jsonb_typeof(p_records) <> 'array' OR EXISTS (
        SELECT 1 FROM jsonb_array_elements(p_records) r
        WHERE r ->> 'trust' IS NULL OR r ->> 'trust' NOT IN ('imported', 'unverified', 'signed')
           OR r ->> 'to_status' NOT IN ('draft', 'in_review', 'approved', 'returned')
           OR (r ->> 'to_status' = 'approved') <> (r ->> 'trust' IN ('unverified', 'signed'))
           OR (r ->> 'trust' = 'signed' AND (coalesce(r ->> 'signature', '') = ''
               OR coalesce(r ->> 'public_key', '') = ''))
    ) THEN
        RAISE EXCEPTION 'lika-refused: %', 'An imported status change is a record from '
            'the file: imported, or an approval unverified or signed' USING ERRCODE = '22023';
    END IF;
    last := p_records -> (jsonb_array_length(p_records) - 1);
    IF last IS NOT NULL THEN
        next_status := CASE WHEN last ->> 'to_status' = 'approved'
            AND last ->> 'trust' = 'unverified' THEN 'in_review' ELSE last ->> 'to_status' END;
    END IF;
    generation := CASE WHEN EXISTS (SELECT 1 FROM lika.status_changes s
                                    WHERE s.assessment_id = a.id)
        THEN (SELECT max(s.generation) + 1 FROM lika.status_changes s
              WHERE s.assessment_id = a.id)
        ELSE 0 END;
    entry := lika.next_audit_id();
    INSERT INTO lika.status_changes (assessment_id, from_status, to_status, actor, os_user,
        at, comment, fingerprint, signature, public_key, trust, audit_id, generation, role)
    SELECT a.id, r ->> 'from_status', r ->> 'to_status', coalesce(r ->> 'actor', ''),
        coalesce(r ->> 'os_user', ''), coalesce(r ->> 'at', ''),
        coalesce(r ->> 'comment', ''), coalesce(r ->> 'fingerprint', ''),
        coalesce(r ->> 'signature', ''), coalesce(r ->> 'public_key', ''), r ->> 'trust',
        entry, generation, coalesce(r ->> 'role', '')
    FROM jsonb_array_elements(p_records) WITH ORDINALITY AS x(r, n) ORDER BY n;
    UPDATE lika.assessments SET status = next_status, version = version + 1 WHERE id = a.id;
    RETURN lika.append_entry(a.id, a.uid, a.revision, 'import', p_summary, p_changes);
END
$fn$;

REVOKE EXECUTE ON FUNCTION lika.import_history(bigint, integer, jsonb, text, jsonb)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lika.import_history(bigint, integer, jsonb, text, jsonb)
    TO lika_caseworker, lika_admin;
"""
