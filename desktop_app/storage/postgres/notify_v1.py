"""Other windows learn of a change at once (migration ``0010_notify``), frozen once
shipped.

Every write to an assessment, its review comments or its evaluations sends
``NOTIFY lika_changes, '<assessment id>'``; the window listens on a connection of its
own (``change_feed.py``) and refreshes its register view and an open editor of that
assessment. PostgreSQL delivers a notification when the writing transaction commits
(never for one rolled back) and folds repeats of the same id within one transaction, so
a save that touches many child rows sends one. Only the id travels: a listener reads
what it may see through the row-level security as any reader does.
"""

from __future__ import annotations

SQL = """
CREATE FUNCTION lika.notify_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    r jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        r := to_jsonb(OLD);
    ELSE
        r := to_jsonb(NEW);
    END IF;
    PERFORM pg_notify('lika_changes', r ->> TG_ARGV[0]);
    RETURN NULL;
END
$fn$;

CREATE TRIGGER assessments_notify AFTER INSERT OR UPDATE OR DELETE ON lika.assessments
    FOR EACH ROW EXECUTE FUNCTION lika.notify_change('id');
CREATE TRIGGER review_comments_notify AFTER INSERT OR UPDATE OR DELETE
    ON lika.review_comments FOR EACH ROW EXECUTE FUNCTION lika.notify_change('assessment_id');
CREATE TRIGGER evaluations_notify AFTER INSERT OR UPDATE OR DELETE ON lika.evaluations
    FOR EACH ROW EXECUTE FUNCTION lika.notify_change('assessment_id');
"""
