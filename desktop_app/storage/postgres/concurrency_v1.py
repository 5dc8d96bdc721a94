"""Two people at once on one assessment (migration ``0008_concurrency``), frozen
once shipped.

The load test (``benchmarks/pg_load.py``: 50 clients) found that two transactions
rebuilding the same assessment's search document or register row at once (two
reviewers commenting on it, say) could not both commit: each function deleted the row
and inserted it anew, the second's DELETE waited for the first's, found nothing once
the first committed (its snapshot predates the first's new row) and its INSERT then
collided with that row (23505, an error the user could do nothing about). Here each
rebuild first takes the assessment's row lock (``FOR NO KEY UPDATE``, the lock a save
already holds, so a save waits for nothing more), and its statements, each with a
snapshot of its own, see what the other committed: one rebuild after the other.
"""

from __future__ import annotations

_LOCK = "    SELECT 1 FROM lika.assessments WHERE id = target FOR NO KEY UPDATE;\n"

SQL = f"""
CREATE OR REPLACE FUNCTION lika.refresh_search(target bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
{_LOCK}    DELETE FROM lika.register_search WHERE assessment_id = target;
    INSERT INTO lika.register_search (assessment_id, document)
    SELECT assessment_id, lika.search_vector(title, body) FROM lika.register_search_source
    WHERE assessment_id = target;
$fn$;

CREATE OR REPLACE FUNCTION lika.refresh_register_row(target bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
{_LOCK}    DELETE FROM lika.register_rows WHERE assessment_id = target;
    INSERT INTO lika.register_rows SELECT * FROM lika.register_source
    WHERE assessment_id = target;
$fn$;
"""
