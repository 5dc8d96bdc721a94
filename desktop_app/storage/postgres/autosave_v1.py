"""An autosave's cost on the server (migration ``0006_autosave``), frozen once shipped.

A save of one changed justification took about 40 ms on the server, against 4 ms in a
file (``benchmarks/server_autosave.py``): each changed child row rebuilt the
assessment's search document twice (once for the old row, once for the new, the same
assessment), and building it (``search_vector``) called ``search_tokens(title)`` again
for every word of the body. Here, with the same results:

- ``search_vector`` tokenizes the title once (the same tsvector, word for word: a test
  compares the two on awkward text);
- a child row's UPDATE that keeps its assessment refreshes that assessment's search
  document and register row once, not twice.
"""

from __future__ import annotations

_SEARCH_VECTOR = """
CREATE OR REPLACE FUNCTION lika.search_vector(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    WITH head AS (SELECT lika.search_tokens(title) AS words),
    words AS (
        SELECT t, i FROM head, unnest(head.words) WITH ORDINALITY AS w(t, i)
        UNION ALL
        SELECT t, i + cardinality(head.words) + 1
        FROM head, unnest(lika.search_tokens(body)) WITH ORDINALITY AS w(t, i)
    )
    SELECT coalesce(string_agg('''' || t || ''':' || least(i, 16383), ' '), '')::tsvector
    FROM words
$fn$;

"""


def _child_changed(trigger_function: str, refresh: str) -> str:
    """A child row's trigger function that refreshes ``refresh(assessment_id)`` for the
    old row and for the new one, once when both are of the same assessment."""
    return f"""
CREATE OR REPLACE FUNCTION lika.{trigger_function}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM lika.{refresh}(OLD.assessment_id);
    END IF;
    IF TG_OP = 'INSERT'
       OR (TG_OP = 'UPDATE' AND NEW.assessment_id IS DISTINCT FROM OLD.assessment_id) THEN
        PERFORM lika.{refresh}(NEW.assessment_id);
    END IF;
    RETURN NULL;
END
$fn$;
"""


SQL = (
    _SEARCH_VECTOR
    + _child_changed("search_child_changed", "refresh_search")
    + _child_changed("register_child_changed", "refresh_register_row")
)
