"""The server's words exactly as SQLite's FTS5 tokenizer makes them, built fast
(migration ``0007_search_unicode61``; issue 20).

Migration 0003 split text at ``[^[:alnum:]]`` and lower-cased it with ICU. That is not
``unicode61 remove_diacritics 0``: SQLite keeps numbers that are not digits (``x²``,
``½``, ``Ⅻ``), private-use characters and every character Unicode 6.1 had not assigned
(Nushu, say) inside a word, and folds case with its own Unicode 6.1 table (``ſ`` to
``s``, ``µ`` to ``μ``, ``ς`` to ``σ``; ``İ`` and Cherokee unchanged), whatever ICU's
version says. And building a document cost about 2.5 ms (the title was split again for
every word of the body), most of copying a register in; here about 0.1 ms
(``benchmarks/pg_search_index.py``).

Here the tokenizer is data read from SQLite itself (``unicode61_data``, written by
``scripts/sqlite_unicode61.py``): unicode61 works one code point at a time, so a
character class of its separators and a table of its folds say everything.

- ``search_fold``: ASCII by ``lower(… COLLATE "C")``, the other folds by ``translate``
  with only the foldable characters the text holds (one regular-expression pass finds
  them; ``translate`` scans its whole ``from`` list for every character, so the full
  table of a thousand would cost milliseconds per document);
- ``search_words``: the folded text split at the separators, one ``regexp_split_to_array``
  (unicode61's folds map word characters to word characters, so splitting after folding
  is splitting before);
- ``search_vector``: positions counted over every word, as FTS5 does; a word of 2047
  bytes or more (no lexeme can hold it) is left out but keeps its position, so no phrase
  spans it, as on SQLite;
- ``search_query``: as 0003's, but when the last chunk has no words (``chunks`` keeps a
  chunk Python calls alphanumeric, such as U+19B0, that unicode61 splits at) no other
  chunk becomes the prefix: FTS5 gives the ``*`` to that empty last phrase.

The regular expressions and strings are written with ``\\u``/``\\U`` escapes and
compared ``COLLATE "C"``: the database's locale plays no part. The index is rebuilt.
"""

from __future__ import annotations

from desktop_app.storage.postgres import unicode61_data as data


def _re(cp: int) -> str:
    """A code point as an escape that both an ARE (also inside a bracket expression)
    and an ``E'…'`` string read."""
    return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"


def _class(ranges: list[tuple[int, int]]) -> str:
    return "[" + "".join(_re(a) if a == b else f"{_re(a)}-{_re(b)}" for a, b in ranges) + "]"


def _without(ranges: tuple[tuple[int, int], ...], gone: set[int]) -> list[tuple[int, int]]:
    """``ranges`` less the code points in ``gone``."""
    kept: list[tuple[int, int]] = []
    for a, b in ranges:
        run: int | None = None
        for cp in range(a, b + 2):
            inside = cp <= b and cp not in gone
            if inside and run is None:
                run = cp
            elif not inside and run is not None:
                kept.append((run, cp - 1))
                run = None
    return kept


_CONTINUERS = {cp for a, b in data.CONTINUERS for cp in range(a, b + 1)}
# A run of separators, with the diacritics after it (they start no word); or the
# diacritics a text starts with.
SEPARATORS = (
    f"{_class(_without(data.SEPARATORS, _CONTINUERS))}+{_class(list(data.CONTINUERS))}*"
    f"|^{_class(list(data.CONTINUERS))}+"
)
_WIDE = [(a, b) for a, b in data.FOLDS if a >= 0x80]  # ASCII is lower(… COLLATE "C")
FOLDABLE_CLASS = "[^" + "".join(_re(a) for a, _ in _WIDE) + "]"
_FROM = "".join(_re(a) for a, _ in _WIDE)
_TO = "".join(_re(b) for _, b in _WIDE)

SQL = f"""
CREATE FUNCTION lika.search_fold(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
    folded text := lower(value COLLATE "C");
    found text := regexp_replace(folded, '{FOLDABLE_CLASS}+', '', 'g');
BEGIN
    IF found = '' THEN
        RETURN folded;
    END IF;
    IF length(found) > 32 THEN  -- each once: translate's cost grows with its list
        found := (SELECT string_agg(DISTINCT c, '') FROM regexp_split_to_table(found, '') c);
    END IF;
    RETURN translate(folded, found, translate(found, E'{_FROM}', E'{_TO}'));
END
$fn$;

CREATE OR REPLACE FUNCTION lika.search_words(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT coalesce(array_remove(
        regexp_split_to_array(lika.search_fold(value), '{SEPARATORS}'), ''), '{{}}')
$fn$;

CREATE OR REPLACE FUNCTION lika.search_tokens(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT coalesce(array_agg(t ORDER BY i), '{{}}')
    FROM unnest(lika.search_words(value)) WITH ORDINALITY AS w(t, i)
    WHERE octet_length(t) < 2047
$fn$;

CREATE OR REPLACE FUNCTION lika.search_vector(title text, body text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
    head text[] := lika.search_words(title);
    tail text[] := lika.search_words(body);
    gap int := cardinality(head) + 1;  -- no phrase spans title and body
BEGIN
    RETURN coalesce((
        SELECT string_agg('''' || t || ''':' || least(i, 16383), ' ')
        FROM (
            SELECT t, i FROM unnest(head) WITH ORDINALITY AS w(t, i)
            UNION ALL
            SELECT t, i + gap FROM unnest(tail) WITH ORDINALITY AS w(t, i)
        ) words
        WHERE octet_length(t) < 2047
    ), '')::tsvector;
END
$fn$;

CREATE OR REPLACE FUNCTION lika.search_query(chunks text[]) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
    phrases text[] := '{{}}';
    chunk text;
    words text[];
BEGIN
    FOREACH chunk IN ARRAY coalesce(chunks, '{{}}') LOOP
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
    -- The last chunk is the prefix, as FTS5's last phrase: if it has no words, none is.
    IF cardinality(words) > 0 THEN
        phrases[cardinality(phrases)] := regexp_replace(phrases[cardinality(phrases)],
            '''\\)$', ''':*)');
    END IF;
    RETURN array_to_string(phrases, ' & ')::tsquery;
END
$fn$;

TRUNCATE lika.register_search;
INSERT INTO lika.register_search (assessment_id, document)
SELECT assessment_id, lika.search_vector(title, body) FROM lika.register_search_source;
"""
