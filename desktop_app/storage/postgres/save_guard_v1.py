"""An autosave sent in one flight (migration ``0014_save_guard``), frozen once
shipped.

With 50 clients (``benchmarks/pg_load.py``) a save's transaction spent much of its time
waiting for its own client: the store sent each statement, waited for its answer, and
only then sent the next, so the assessment's row lock (from the version-guarded UPDATE)
and the audit counter's lock (from ``append_audit``, which every writer waits for) were
held while the client process waited for a CPU to send the next statement and COMMIT.

The store now sends the whole write at once (psycopg's pipeline mode: BEGIN, the
guarded UPDATE, the child rows, the audit entry, COMMIT) and reads the answers after,
so no lock is held across a round trip. That needs the server, not the client, to stop
the transaction when the version guard matched no row: ``lika.expect_saved`` raises
SQLSTATE ``LK409`` (``SAVE_REFUSED``) unless exactly one row was updated, so nothing after
it in the flight runs and the transaction rolls back. The client then asks why (deleted,
changed elsewhere, or hidden by row-level security), as before.
"""

from __future__ import annotations

SAVE_REFUSED = "LK409"  # the version guard (or row-level security) matched no row
_ROLES_ALL = "lika_caseworker, lika_reviewer, lika_strategist, lika_admin"

SQL = f"""
CREATE FUNCTION lika.expect_saved(saved bigint) RETURNS void
LANGUAGE plpgsql SET search_path = lika, pg_temp AS $fn$
BEGIN
    IF saved IS DISTINCT FROM 1 THEN
        RAISE EXCEPTION 'lika-unsaved: % rows matched the save''s version guard', saved
            USING ERRCODE = '{SAVE_REFUSED}';
    END IF;
END
$fn$;
REVOKE EXECUTE ON FUNCTION lika.expect_saved(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lika.expect_saved(bigint) TO {_ROLES_ALL};
"""
