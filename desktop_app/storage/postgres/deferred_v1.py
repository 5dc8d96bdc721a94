"""Rebuild an assessment's search document and register row once per transaction
(migration ``0011_deferred_refresh``), frozen once shipped.

Until here every changed row rebuilt them at once: a save that changed the assessment
and two grounds rebuilt its register row three times and its search document twice,
each rebuild reading the whole assessment again, inside the save's transaction, which
holds the assessment's row lock all the while (``benchmarks/pg_load.py``: 50 clients).
Now the row triggers only note what is due in ``lika.refresh_due`` (one row per
transaction, assessment and kind: ``ON CONFLICT DO NOTHING`` drops a repeat), and a
deferred constraint trigger on that table, which fires once per *inserted* row, rebuilds
at commit and deletes the note. So a transaction rebuilds each assessment's document
and row once, whatever it changed, from what it finally holds.

- ``SET CONSTRAINTS lika.refresh_due_at_commit IMMEDIATE`` (``FLUSH``) rebuilds what is
  due at that point; a later change in the same transaction notes it again (the note was
  deleted), so nothing is missed. ``append_audit`` does so first: an entry takes the
  audit counter's lock, which every writer waits for until the entry's transaction
  ends, so the rebuilds go before it, not at commit (0002's function, renamed
  ``append_audit_checked``, does the rest; no client calls it directly).
- A note rolled back with a savepoint takes its event with it; one that survives
  rebuilds from the transaction's final state.
- The rebuild functions are 0008's (``concurrency_v1``): the row lock first, so two
  transactions rebuilding one assessment take turns.
- ``refresh_due`` is UNLOGGED (a note lives only inside its transaction) and no role
  but the owner may touch it; the trigger functions are SECURITY DEFINER as before.
"""

from __future__ import annotations

FLUSH = (
    "SET CONSTRAINTS lika.refresh_due_at_commit IMMEDIATE; "
    "SET CONSTRAINTS lika.refresh_due_at_commit DEFERRED"
)
_ROLES_ALL = "lika_caseworker, lika_reviewer, lika_strategist, lika_admin"

_TABLE = """
CREATE UNLOGGED TABLE lika.refresh_due (
    txid bigint NOT NULL,
    assessment_id bigint NOT NULL,
    kind text NOT NULL CHECK (kind IN ('search', 'register')),
    PRIMARY KEY (txid, assessment_id, kind)
);
REVOKE ALL ON lika.refresh_due FROM PUBLIC;

-- Note that an assessment's search document or register row is due; once per
-- transaction, assessment and kind (a repeat inserts nothing and so fires nothing).
CREATE FUNCTION lika.refresh_later(target bigint, what text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
    INSERT INTO lika.refresh_due (txid, assessment_id, kind)
    VALUES (txid_current(), target, what) ON CONFLICT DO NOTHING;
$fn$;

CREATE FUNCTION lika.refresh_due_now() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    -- The note first: a change after this (SET CONSTRAINTS ... IMMEDIATE earlier in the
    -- transaction) notes it again and so rebuilds again.
    DELETE FROM lika.refresh_due
    WHERE txid = NEW.txid AND assessment_id = NEW.assessment_id AND kind = NEW.kind;
    IF NEW.kind = 'search' THEN
        PERFORM lika.refresh_search(NEW.assessment_id);
    ELSE
        PERFORM lika.refresh_register_row(NEW.assessment_id);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE CONSTRAINT TRIGGER refresh_due_at_commit AFTER INSERT ON lika.refresh_due
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION lika.refresh_due_now();
"""

_TRIGGER_FUNCTIONS = """
CREATE OR REPLACE FUNCTION lika.search_assessment_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    PERFORM lika.refresh_later(NEW.id, 'search');
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION lika.register_assessments_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM lika.register_rows WHERE assessment_id = OLD.id;
        PERFORM lika.refresh_register_heads(OLD.series_uid);
        RETURN NULL;
    END IF;
    PERFORM lika.refresh_later(NEW.id, 'register');
    IF TG_OP = 'INSERT' THEN
        PERFORM lika.refresh_register_heads(NEW.series_uid);
    ELSIF NEW.series_uid IS DISTINCT FROM OLD.series_uid
        OR NEW.revision IS DISTINCT FROM OLD.revision THEN
        PERFORM lika.refresh_register_heads(OLD.series_uid);
        PERFORM lika.refresh_register_heads(NEW.series_uid);
    END IF;
    RETURN NULL;
END
$fn$;
"""


def _child_changed(trigger_function: str, kind: str) -> str:
    """A child row's trigger function that notes ``kind`` due for the old row's
    assessment and the new one's (0006's shape, noting instead of rebuilding)."""
    return f"""
CREATE OR REPLACE FUNCTION lika.{trigger_function}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM lika.refresh_later(OLD.assessment_id, '{kind}');
    END IF;
    IF TG_OP = 'INSERT'
       OR (TG_OP = 'UPDATE' AND NEW.assessment_id IS DISTINCT FROM OLD.assessment_id) THEN
        PERFORM lika.refresh_later(NEW.assessment_id, '{kind}');
    END IF;
    RETURN NULL;
END
$fn$;
"""


_SIGNATURE = "text, bigint, text, integer, text, jsonb"
_APPEND_AUDIT = f"""
ALTER FUNCTION lika.append_audit({_SIGNATURE}) RENAME TO append_audit_checked;
REVOKE EXECUTE ON FUNCTION lika.append_audit_checked({_SIGNATURE})
    FROM PUBLIC, {_ROLES_ALL};

CREATE FUNCTION lika.append_audit(
    p_action text, p_assessment_id bigint, p_assessment_uid text, p_revision integer,
    p_summary text, p_changes jsonb DEFAULT '[]'
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    {FLUSH};
    RETURN lika.append_audit_checked(p_action, p_assessment_id, p_assessment_uid,
        p_revision, p_summary, p_changes);
END
$fn$;
REVOKE EXECUTE ON FUNCTION lika.append_audit({_SIGNATURE}) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lika.append_audit({_SIGNATURE}) TO {_ROLES_ALL};
"""

_ROLES = (
    "REVOKE EXECUTE ON FUNCTION lika.refresh_later(bigint, text), lika.refresh_due_now() "
    "FROM PUBLIC;\n"
)

SQL = (
    _TABLE
    + _TRIGGER_FUNCTIONS
    + _child_changed("search_child_changed", "search")
    + _child_changed("register_child_changed", "register")
    + _APPEND_AUDIT
    + _ROLES
)
