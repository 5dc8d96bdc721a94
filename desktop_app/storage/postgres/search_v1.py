"""Full-text search on the server with the SQLite register's meaning (migration
``0003_search``), frozen as shipped.

SQLite's FTS5 index (``unicode61 remove_diacritics 0``) makes words of runs of letters
and digits, lower-cased, with å, ä, ö and the Sami letters as letters of their own, and
``search_syntax`` makes each whitespace-separated chunk of what the user typed a phrase,
the last one a prefix. Here the same, without PostgreSQL's text-search parser or
dictionaries (whose idea of a letter and of lower case follows the database's locale,
which IT chooses):

- ``search_tokens``: the words of a text, split at everything that is not a letter or
  digit and lower-cased, both by ICU's Unicode rules (collation ``und-x-icu``) whatever
  the database's locale (a word of 2047 bytes or more, which cannot be a lexeme, is
  left out of a document, and a query for one finds nothing);
- ``search_vector``: a ``tsvector`` built from those words and their positions directly
  (no parser), the body's positions after a gap so that no phrase spans title and body;
- ``search_query``: a ``tsquery`` built from the chunks (``search_syntax.chunks``, split
  by the client exactly as for SQLite) word by word, each word a quoted lexeme: nothing
  the user types is ever query syntax;
- ``register_search``: one document per assessment, kept by triggers on every table
  whose text is searched, from the view ``register_search_source`` (SQLite's version 3).
"""

from __future__ import annotations

NL = "chr(10)"

SEARCHED_CHILDREN = (
    "ground_assessments", "answers", "measures", "evaluations", "evaluation_measures",
    "review_comments", "statistics_tables", "evidence_items",
)  # fmt: skip

_FUNCTIONS = """
CREATE FUNCTION lika.search_words(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT coalesce(array_agg(t ORDER BY i), '{}')
    FROM regexp_split_to_table(lower(value COLLATE "und-x-icu"), '[^[:alnum:]]+')
        WITH ORDINALITY AS w(t, i)
    WHERE t <> ''
$fn$;

-- A document's words; one of 2047 bytes or more cannot be a lexeme and is left out.
CREATE FUNCTION lika.search_tokens(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT coalesce(array_agg(t ORDER BY i), '{}')
    FROM unnest(lika.search_words(value)) WITH ORDINALITY AS w(t, i)
    WHERE octet_length(t) < 2047
$fn$;

CREATE FUNCTION lika.search_vector(title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    WITH words AS (
        SELECT t, i FROM unnest(lika.search_tokens(title)) WITH ORDINALITY AS w(t, i)
        UNION ALL
        SELECT t, i + cardinality(lika.search_tokens(title)) + 1
        FROM unnest(lika.search_tokens(body)) WITH ORDINALITY AS w(t, i)
    )
    SELECT coalesce(string_agg('''' || t || ''':' || least(i, 16383), ' '), '')::tsvector
    FROM words
$fn$;

CREATE FUNCTION lika.search_query(chunks text[]) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
    phrases text[] := '{}';
    chunk text;
    words text[];
BEGIN
    FOREACH chunk IN ARRAY coalesce(chunks, '{}') LOOP
        words := lika.search_words(chunk);
        IF EXISTS (SELECT 1 FROM unnest(words) w WHERE octet_length(w) >= 2047) THEN
            RETURN '''x'' & !''x'''::tsquery;  -- no document holds such a word
        END IF;
        IF cardinality(words) > 0 THEN
            phrases := phrases || ('(' || array_to_string(
                ARRAY(SELECT '''' || w || '''' FROM unnest(words) AS w), ' <-> ') || ')');
        END IF;
    END LOOP;
    IF cardinality(phrases) = 0 THEN
        RETURN NULL;
    END IF;
    phrases[cardinality(phrases)] := regexp_replace(phrases[cardinality(phrases)],
        '''\\)$', ''':*)');
    RETURN array_to_string(phrases, ' & ')::tsquery;
END
$fn$;
"""

_TABLE = f"""
CREATE TABLE lika.register_search (
    assessment_id bigint PRIMARY KEY REFERENCES lika.assessments(id) ON DELETE CASCADE,
    document tsvector NOT NULL
);
CREATE INDEX register_search_document ON lika.register_search USING gin (document);

CREATE VIEW lika.register_search_source AS
SELECT
    a.id AS assessment_id,
    a.title || ' ' || a.case_number AS title,
    a.description || {NL} || a.affected || {NL} || a.affected_groups
    || {NL} || a.evidence || {NL} || a.evidence_missing
    || {NL} || a.summary || {NL} || a.outcome_justification
    || {NL} || coalesce((
        SELECT string_agg(g.justification || {NL} || g.groups_affected || {NL}
            || g.evidence || {NL} || g.no_measure_justification, {NL} ORDER BY g.ground_key)
        FROM lika.ground_assessments g WHERE g.assessment_id = a.id
    ), '')
    || {NL} || coalesce((
        SELECT string_agg(n.note, {NL} ORDER BY n.question_id) FROM lika.answers n
        WHERE n.assessment_id = a.id AND n.note <> ''
    ), '')
    || {NL} || coalesce((
        SELECT string_agg(m.description || {NL} || m.owner || {NL} || m.followup_note, {NL}
            ORDER BY m.position, m.id)
        FROM lika.measures m WHERE m.assessment_id = a.id
    ), '')
    || {NL} || coalesce((
        SELECT string_agg(e.what_happened || {NL} || e.impact_note, {NL} ORDER BY e.id)
        FROM lika.evaluations e WHERE e.assessment_id = a.id
    ), '')
    || {NL} || coalesce((
        SELECT string_agg(em.note, {NL} ORDER BY em.evaluation_id, em.measure_uid)
        FROM lika.evaluation_measures em WHERE em.assessment_id = a.id AND em.note <> ''
    ), '')
    || {NL} || coalesce((
        SELECT string_agg(rc.text || {NL} || rc.reply, {NL} ORDER BY rc.id)
        FROM lika.review_comments rc WHERE rc.assessment_id = a.id
    ), '')
    || {NL} || coalesce((
        SELECT string_agg(st.label || {NL} || st.source || ' ' || coalesce(st.year::text, ''),
            {NL} ORDER BY st.position, st.uid)
        FROM lika.statistics_tables st WHERE st.assessment_id = a.id
    ), '')
    || {NL} || coalesce((
        SELECT string_agg(ev.title || {NL} || ev.reference || {NL} || ev.note, {NL}
            ORDER BY ev.position, ev.uid)
        FROM lika.evidence_items ev WHERE ev.assessment_id = a.id
    ), '') AS body
FROM lika.assessments a;

CREATE FUNCTION lika.refresh_search(target bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
    DELETE FROM lika.register_search WHERE assessment_id = target;
    INSERT INTO lika.register_search (assessment_id, document)
    SELECT assessment_id, lika.search_vector(title, body) FROM lika.register_search_source
    WHERE assessment_id = target;
$fn$;

CREATE FUNCTION lika.search_assessment_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    PERFORM lika.refresh_search(NEW.id);
    RETURN NULL;
END
$fn$;
CREATE TRIGGER search_assessments_ai AFTER INSERT ON lika.assessments
FOR EACH ROW EXECUTE FUNCTION lika.search_assessment_changed();
CREATE TRIGGER search_assessments_au AFTER UPDATE OF title, case_number, description,
    affected, affected_groups, evidence, evidence_missing, summary, outcome_justification
ON lika.assessments FOR EACH ROW EXECUTE FUNCTION lika.search_assessment_changed();

CREATE FUNCTION lika.search_child_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = lika, pg_temp AS $fn$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM lika.refresh_search(OLD.assessment_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM lika.refresh_search(NEW.assessment_id);
    END IF;
    RETURN NULL;
END
$fn$;
"""

_TRIGGERS = "".join(
    f"CREATE TRIGGER search_{table} AFTER INSERT OR UPDATE OR DELETE ON lika.{table}\n"
    "FOR EACH ROW EXECUTE FUNCTION lika.search_child_changed();\n"
    for table in SEARCHED_CHILDREN
)

_ROLES = (
    "REVOKE EXECUTE ON FUNCTION lika.refresh_search(bigint), "
    "lika.search_assessment_changed(), lika.search_child_changed() FROM PUBLIC;\n"
    "GRANT SELECT ON lika.register_search, lika.register_search_source "
    "TO lika_caseworker, lika_reviewer, lika_strategist, lika_admin;\n"
)

SQL = _FUNCTIONS + _TABLE + _TRIGGERS + _ROLES
