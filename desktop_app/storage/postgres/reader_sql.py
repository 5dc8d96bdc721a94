"""The SQL of the server register's list: filters, search, sort and page keys, meaning
exactly what ``storage/register.py`` means on SQLite.

Text sorts and the unit filter fold ASCII letters only and compare bytes
(``lower(x COLLATE "C")``: SQLite's NOCASE), plain text keys compare ``COLLATE "C"``
(SQLite's BINARY); the indexes of migration ``0005_register_order`` serve these
orders. A page key is ``(sort value, id)`` with the sort value as the server computed
it (``lower(title)`` for the title, say), so the next page continues with one row
comparison on the same index. Search reads ``lika.register_search`` with
``lika.search_query`` of the chunks ``search_syntax.chunks`` splits, as FTS5 gets them
on SQLite.

A page of a search has two plans, as on SQLite: start from the hits (the GIN index),
then sort them; or walk the sort index and check each row against the search. The
planner estimates the hits well (statistics of the index) but prices the check of a
row's document as if it were free, so it walks the index even for a word in one
assessment of twenty-five, reading thousands of documents for a page. With few
estimated hits (``FEW_HITS``) the hits are therefore computed first
(``MATERIALIZED``); with many, the planner's walk is the right plan.
"""

from __future__ import annotations

from typing import Any

from desktop_app.domain.register import RegisterQuery, SortKey
from desktop_app.storage.register import ROW_FIELDS
from desktop_app.storage.search_syntax import chunks
from desktop_app.storage.sql_dialect import POSTGRES, Where, register_filters

_DECISION_TYPE = "(SELECT d.decision_type FROM lika.assessments d WHERE d.id = r.assessment_id)"
# Whether the reviewer (the newest approval or return) is an approval that an exchange
# file only claimed (as storage/register.py).
_REVIEWER_UNVERIFIED = (
    "coalesce((SELECT s.trust = 'unverified' FROM lika.status_changes s "
    "WHERE s.assessment_id = r.assessment_id AND s.to_status IN ('approved', 'returned') "
    "ORDER BY s.id DESC LIMIT 1), false)"
)
ROW_COLUMNS = ", ".join(
    [*(f"r.{name}" for name in ROW_FIELDS), _DECISION_TYPE, _REVIEWER_UNVERIFIED]
)


def _nocase(column: str) -> str:
    return f'lower({column} COLLATE "C")'


# Per sort key: the ORDER BY expression and the type of its page key's parameter.
SORT: dict[SortKey, tuple[str, str]] = {
    SortKey.TITLE: (_nocase("r.title"), "text"),
    SortKey.CASE_NUMBER: (_nocase("r.case_number"), "text"),
    SortKey.UNIT: (_nocase("r.unit"), "text"),
    SortKey.DECISION_BODY: (_nocase("r.decision_body"), "text"),
    SortKey.STATUS: ("r.status_rank", "integer"),
    SortKey.REVISION: ("r.revision", "integer"),
    SortKey.AUTHOR: (_nocase("r.author"), "text"),
    SortKey.REVIEWER: (_nocase("r.reviewer"), "text"),
    SortKey.UPDATED: ('(r.updated COLLATE "C")', "text"),
    SortKey.OUTCOME: ("r.outcome_rank", "integer"),
    SortKey.ADVERSE_GROUNDS: ("r.adverse_count", "integer"),
    SortKey.OPEN_MEASURES: ("r.open_measures", "integer"),
    SortKey.NEXT_FOLLOWUP: ('(r.followup_key COLLATE "C")', "text"),
    # Not in the read model (as on SQLite): through a join with the assessments.
    SortKey.DECISION_TYPE: ('(a.decision_type COLLATE "C")', "text"),
}

# Up to this many estimated hits, a page starts from the hits (see the module's text).
FEW_HITS = 10_000

HITS = (
    "SELECT s.assessment_id FROM lika.register_search s "
    "WHERE s.document @@ lika.search_query(%s::text[])"
)
ESTIMATE_SQL = "EXPLAIN (FORMAT JSON) " + HITS

SEARCH_MATCH = f"r.assessment_id IN ({HITS})"


def filters(query: RegisterQuery, *, search: bool = True) -> Where:
    """Every filter of ``query``, the search unless ``search`` is false."""
    where = register_filters(query, POSTGRES)
    words = chunks(query.search)
    if words and search:
        where.add(SEARCH_MATCH, words)
    return where


def page_sql(
    query: RegisterQuery,
    after: tuple[Any, int] | None,
    limit: int | None,
    *,
    hits_first: bool = False,
) -> tuple[str, list[Any]]:
    """One page (``limit`` None: every row) of ``query`` after the key ``after``; the
    last column is the sort value of the page key. ``hits_first``: the search's hits
    are found first, then sorted (few hits)."""
    words = chunks(query.search)
    hits_first = hits_first and bool(words)
    where = filters(query, search=not hits_first)
    expr, kind = SORT[query.sort]
    direction = "DESC" if query.descending else "ASC"
    joined = query.sort is SortKey.DECISION_TYPE
    row_id = "a.id" if joined else "r.assessment_id"
    source = "lika.register_rows r"
    head, head_params = "", []
    if hits_first:
        head, head_params = f"WITH hits AS MATERIALIZED ({HITS}) ", [words]
        source = "hits JOIN lika.register_rows r ON r.assessment_id = hits.assessment_id"
    if joined:
        source += " JOIN lika.assessments a ON a.id = r.assessment_id"
    if after is not None:
        where.add(
            f"({expr}, {row_id}) {'<' if query.descending else '>'} (%s::{kind}, %s::bigint)",
            *after,
        )
    sql = (
        f"{head}SELECT {ROW_COLUMNS}, {expr} FROM {source} {where.sql()} "
        f"ORDER BY {expr} {direction}, {row_id} {direction}"
    )
    if limit is None:
        return sql, [*head_params, *where.params]
    return sql + " LIMIT %s", [*head_params, *where.params, limit]


def count_sql(query: RegisterQuery) -> tuple[str, list[Any]]:
    where = filters(query)
    return f"SELECT count(*) FROM lika.register_rows r {where.sql()}", where.params


# The planner's choice for the count of a search alone is the index (see below).
HITS_BY_INDEX = "SET LOCAL enable_seqscan = off"


def search_count_sql(query: RegisterQuery) -> tuple[str, list[Any]] | None:
    """The count of a search with no filter but the head rule, from the hits alone;
    None for any other query (``count_sql``).

    ``count_sql`` joins every hit with ``register_rows`` to keep the heads: for a word
    in half the register, a hash join of 46,000 hits with the whole read model. Every
    assessment has both a search document and a register row (both are rebuilt from
    ``lika.assessments`` at the commit that changed it, and go with it), and
    ``is_head`` is a boolean cast to 0 or 1, so the heads among the hits are the hits
    less those in older revisions, which are few and reached through their index.
    Run it after ``HITS_BY_INDEX``: the planner prices the check of a document as if it
    were free and would rather read every document of the search table than visit the
    pages of the hits the GIN index names (docs/performance.md)."""
    words = chunks(query.search)
    rest = register_filters(query, POSTGRES).conditions
    if not words or rest not in ([], ["r.is_head = 1"]):
        return None
    hits = (
        "SELECT count(*) FROM lika.register_search s "
        "WHERE s.document @@ lika.search_query(%s::text[])"
    )
    if not rest:  # every revision
        return hits, [words]
    older = (
        "SELECT count(*) FROM lika.register_rows r JOIN lika.register_search s "
        "ON s.assessment_id = r.assessment_id "
        "WHERE r.is_head = 0 AND s.document @@ lika.search_query(%s::text[])"
    )
    return f"SELECT ({hits}) - ({older})", [words, words]


UNITS_SQL = (
    "SELECT unit FROM (SELECT DISTINCT unit FROM lika.register_rows WHERE unit <> '') u "
    f'ORDER BY {_nocase("unit")}, unit COLLATE "C"'
)
