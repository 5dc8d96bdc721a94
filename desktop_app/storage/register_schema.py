"""The register's read model and full-text index, kept in sync by triggers.

Two derived tables answer the register's questions without touching the editing
schema row by row:

- ``register_rows``: one row per assessment with everything the list shows, filters
  and sorts on (reviewer, grounds with an adverse impact, open measures, next
  follow-up...), each sortable column with its own index;
- ``register_search``: an FTS5 table with one document per assessment (rowid =
  assessment id), ``title`` (title and case number) and ``body`` (every other text).

Both are computed by the views ``register_source`` and ``register_search_source``;
triggers on every source table re-run the view for the one assessment that changed.
Because the views are the single definition, adding a searchable table later (review
comments, say) means: re-create ``register_search_source`` with one more subquery,
add that table to a new trigger set, and call ``rebuild``; the FTS table itself keeps
its two columns.

These definitions are frozen as version 1 (migration ``0002_i8_register``). A later
migration that changes them adds a ``*_V2`` beside them and points ``CURRENT_*`` at it,
so that replaying migrations on a new file still runs exactly what shipped. Version 2
(migration ``0003_review``) adds the review comments to the search source.

``sqlite_utils.Table.transform()`` re-creates a table and silently drops its triggers;
``install_triggers`` and ``rebuild`` must then run again (``ensure_register_triggers``
does this on open as a safety net).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only its type: the register's list reads without sqlite-utils
    from sqlite_utils import Database

# The date that sorts after every real date, so "no follow-up" comes last when sorting
# by the nearest follow-up.
NO_DATE_KEY = "9999-12-31"

STATUS_RANK_SQL = (
    "CASE {col} WHEN 'draft' THEN 0 WHEN 'in_review' THEN 1 WHEN 'returned' THEN 2 "
    "WHEN 'approved' THEN 3 ELSE 9 END"
)
OUTCOME_RANK_SQL = (
    "CASE {col} WHEN 'proceed_unchanged' THEN 0 WHEN 'proceed_with_measures' THEN 1 "
    "WHEN 'proceed_despite_negative' THEN 2 WHEN 'do_not_proceed' THEN 3 "
    "WHEN 'investigate_further' THEN 4 ELSE 9 END"
)
STATUS_RANKS = {"draft": 0, "in_review": 1, "returned": 2, "approved": 3}

# A measure's status for follow-up: the newest evaluation's word on it, else its own.
_EFFECTIVE_STATUS = (
    "coalesce((SELECT em.status FROM evaluation_measures em "
    "WHERE em.assessment_id = m.assessment_id AND em.measure_uid = m.uid "
    "ORDER BY em.evaluation_id DESC LIMIT 1), m.status)"
)
EFFECTIVE_MEASURE_STATUS_SQL = _EFFECTIVE_STATUS

SCHEMA_V1 = f"""
CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    followup_date TEXT,
    evaluated_on TEXT NOT NULL,
    evaluator TEXT NOT NULL,
    os_user TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    what_happened TEXT NOT NULL DEFAULT '',
    impact TEXT NOT NULL,
    impact_note TEXT NOT NULL DEFAULT '',
    next_followup TEXT
);
CREATE INDEX evaluations_assessment ON evaluations(assessment_id, id);

CREATE TABLE evaluation_measures (
    evaluation_id INTEGER NOT NULL REFERENCES evaluations(id) ON DELETE CASCADE,
    assessment_id INTEGER NOT NULL,
    measure_uid TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (evaluation_id, measure_uid)
);
CREATE INDEX evaluation_measures_latest
    ON evaluation_measures(assessment_id, measure_uid, evaluation_id);

CREATE INDEX ground_assessments_impact
    ON ground_assessments(ground_key, relevance, direction);

CREATE TABLE register_rows (
    assessment_id INTEGER PRIMARY KEY,
    is_head INTEGER NOT NULL,
    uid TEXT NOT NULL,
    title TEXT NOT NULL,
    case_number TEXT NOT NULL,
    organisation TEXT NOT NULL,
    unit TEXT NOT NULL,
    decision_body TEXT NOT NULL,
    status TEXT NOT NULL,
    status_rank INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    author TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    language TEXT NOT NULL,
    framework_id TEXT NOT NULL,
    outcome TEXT,
    outcome_rank INTEGER NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    reference_date TEXT NOT NULL,
    adverse_grounds TEXT NOT NULL,
    adverse_count INTEGER NOT NULL,
    open_measures INTEGER NOT NULL,
    next_deadline TEXT,
    next_followup TEXT,
    followup_key TEXT NOT NULL
);
CREATE INDEX register_by_title ON register_rows(title COLLATE NOCASE);
CREATE INDEX register_by_case_number ON register_rows(case_number COLLATE NOCASE);
CREATE INDEX register_by_unit ON register_rows(unit COLLATE NOCASE);
CREATE INDEX register_by_decision_body ON register_rows(decision_body COLLATE NOCASE);
CREATE INDEX register_by_status ON register_rows(status_rank);
CREATE INDEX register_by_revision ON register_rows(revision);
CREATE INDEX register_by_author ON register_rows(author COLLATE NOCASE);
CREATE INDEX register_by_reviewer ON register_rows(reviewer COLLATE NOCASE);
CREATE INDEX register_by_updated ON register_rows(updated);
CREATE INDEX register_by_outcome ON register_rows(outcome_rank);
CREATE INDEX register_by_adverse ON register_rows(adverse_count);
CREATE INDEX register_by_open_measures ON register_rows(open_measures);
CREATE INDEX register_by_followup ON register_rows(followup_key);
CREATE INDEX register_by_reference_date ON register_rows(reference_date);
CREATE INDEX register_by_deadline ON register_rows(next_deadline);
CREATE INDEX register_heads ON register_rows(is_head);

CREATE VIEW register_source AS
SELECT
    a.id AS assessment_id,
    NOT EXISTS (
        SELECT 1 FROM assessments n
        WHERE n.series_uid = a.series_uid AND n.revision > a.revision
    ) AS is_head,
    a.uid, a.title, a.case_number, a.organisation, a.unit, a.decision_body,
    a.status, {STATUS_RANK_SQL.format(col="a.status")} AS status_rank,
    a.revision, a.author,
    coalesce((
        SELECT s.actor FROM status_changes s
        WHERE s.assessment_id = a.id AND s.to_status IN ('approved', 'returned')
        ORDER BY s.id DESC LIMIT 1
    ), '') AS reviewer,
    a.language, a.framework_id, a.outcome,
    {OUTCOME_RANK_SQL.format(col="a.outcome")} AS outcome_rank,
    a.created, a.updated,
    coalesce(a.decision_date, substr(a.created, 1, 10)) AS reference_date,
    coalesce((
        SELECT group_concat(ground_key || '=' || direction, ',') FROM (
            SELECT g.ground_key, g.direction FROM ground_assessments g
            WHERE g.assessment_id = a.id AND g.relevance = 'relevant'
              AND g.direction IN ('negative', 'mixed')
            ORDER BY g.ground_key
        )
    ), '') AS adverse_grounds,
    (
        SELECT count(*) FROM ground_assessments g
        WHERE g.assessment_id = a.id AND g.relevance = 'relevant'
          AND g.direction IN ('negative', 'mixed')
    ) AS adverse_count,
    (
        SELECT count(*) FROM measures m
        WHERE m.assessment_id = a.id AND {_EFFECTIVE_STATUS} IN ('planned', 'ongoing')
    ) AS open_measures,
    (
        SELECT min(m.deadline) FROM measures m
        WHERE m.assessment_id = a.id AND m.deadline IS NOT NULL
          AND {_EFFECTIVE_STATUS} IN ('planned', 'ongoing')
    ) AS next_deadline,
    f.next_followup,
    coalesce(f.next_followup, '{NO_DATE_KEY}') AS followup_key
FROM assessments a
JOIN (
    SELECT x.id AS id, CASE
        WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.assessment_id = x.id) THEN (
            SELECT e.next_followup FROM evaluations e
            WHERE e.assessment_id = x.id ORDER BY e.id DESC LIMIT 1
        )
        ELSE x.followup_date END AS next_followup
    FROM assessments x
) f ON f.id = a.id;

CREATE VIRTUAL TABLE register_search USING fts5(
    title, body, tokenize = "unicode61 remove_diacritics 0"
);

CREATE VIEW register_search_source AS
SELECT
    a.id AS assessment_id,
    a.title || ' ' || a.case_number AS title,
    a.description || char(10) || a.affected || char(10) || a.affected_groups
    || char(10) || a.evidence || char(10) || a.evidence_missing
    || char(10) || a.summary || char(10) || a.outcome_justification
    || char(10) || coalesce((
        SELECT group_concat(g.justification || char(10) || g.groups_affected || char(10)
            || g.evidence || char(10) || g.no_measure_justification, char(10))
        FROM ground_assessments g WHERE g.assessment_id = a.id
    ), '')
    || char(10) || coalesce((
        SELECT group_concat(n.note, char(10)) FROM answers n
        WHERE n.assessment_id = a.id AND n.note != ''
    ), '')
    || char(10) || coalesce((
        SELECT group_concat(m.description || char(10) || m.owner || char(10)
            || m.followup_note, char(10))
        FROM measures m WHERE m.assessment_id = a.id
    ), '')
    || char(10) || coalesce((
        SELECT group_concat(e.what_happened || char(10) || e.impact_note, char(10))
        FROM evaluations e WHERE e.assessment_id = a.id
    ), '')
    || char(10) || coalesce((
        SELECT group_concat(em.note, char(10)) FROM evaluation_measures em
        WHERE em.assessment_id = a.id AND em.note != ''
    ), '') AS body
FROM assessments a;
"""

# Texts of ``assessments`` that the search index holds; a status change touches none
# of them, so it does not re-index the assessment.
_SEARCHED_COLUMNS = (
    "title, case_number, description, affected, affected_groups, evidence, "
    "evidence_missing, summary, outcome_justification"
)


def _rows(x: str) -> str:
    return (
        f"DELETE FROM register_rows WHERE assessment_id = {x}; "
        f"INSERT INTO register_rows SELECT * FROM register_source WHERE assessment_id = {x};"
    )


def _search(x: str) -> str:
    return (
        f"DELETE FROM register_search WHERE rowid = {x}; "
        "INSERT INTO register_search(rowid, title, body) SELECT assessment_id, title, body "
        f"FROM register_search_source WHERE assessment_id = {x};"
    )


def _heads(series: str) -> str:
    return (
        "UPDATE register_rows SET is_head = NOT EXISTS (SELECT 1 FROM assessments n "
        f"WHERE n.series_uid = {series} AND n.revision > register_rows.revision) "
        f"WHERE assessment_id IN (SELECT id FROM assessments WHERE series_uid = {series});"
    )


def _child_triggers(table: str, *, rows: bool, search: bool) -> list[tuple[str, str]]:
    def body(x: str) -> str:
        return (_rows(x) if rows else "") + (_search(x) if search else "")

    events = (("ai", "INSERT", "NEW"), ("au", "UPDATE", "NEW"), ("ad", "DELETE", "OLD"))
    return [
        (
            f"register_{table}_{suffix}",
            f"CREATE TRIGGER register_{table}_{suffix} AFTER {event} ON {table} BEGIN "
            f"{body(f'{ref}.assessment_id')} END",
        )
        for suffix, event, ref in events
    ]


def triggers_v1() -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER statement) of every trigger that keeps version 1 in sync."""
    triggers = [
        (
            "register_assessments_ai",
            "CREATE TRIGGER register_assessments_ai AFTER INSERT ON assessments BEGIN "
            f"{_rows('NEW.id')}{_search('NEW.id')}{_heads('NEW.series_uid')} END",
        ),
        (
            "register_assessments_au",
            "CREATE TRIGGER register_assessments_au AFTER UPDATE ON assessments BEGIN "
            f"{_rows('NEW.id')} END",
        ),
        (
            "register_assessments_au_text",
            "CREATE TRIGGER register_assessments_au_text "
            f"AFTER UPDATE OF {_SEARCHED_COLUMNS} ON assessments BEGIN {_search('NEW.id')} END",
        ),
        (
            "register_assessments_au_series",
            "CREATE TRIGGER register_assessments_au_series "
            "AFTER UPDATE OF series_uid, revision ON assessments BEGIN "
            f"{_heads('OLD.series_uid')}{_heads('NEW.series_uid')} END",
        ),
        (
            "register_assessments_ad",
            "CREATE TRIGGER register_assessments_ad AFTER DELETE ON assessments BEGIN "
            "DELETE FROM register_rows WHERE assessment_id = OLD.id; "
            f"DELETE FROM register_search WHERE rowid = OLD.id; {_heads('OLD.series_uid')} END",
        ),
    ]
    triggers += _child_triggers("ground_assessments", rows=True, search=True)
    triggers += _child_triggers("measures", rows=True, search=True)
    triggers += _child_triggers("answers", rows=False, search=True)
    triggers += _child_triggers("status_changes", rows=True, search=False)
    triggers += _child_triggers("evaluations", rows=True, search=True)
    triggers += _child_triggers("evaluation_measures", rows=True, search=True)
    return triggers


def _statements(script: str) -> list[str]:
    return [s for s in script.split(";\n") if s.strip()]


# Version 2 (migration ``0003_review``): review comments and the caseworkers' replies
# are searchable too. The view is version 1's with one more subquery.
_SEARCH_SOURCE_V1 = next(
    s for s in _statements(SCHEMA_V1) if "CREATE VIEW register_search_source" in s
)
_COMMENTS_SQL = (
    "\n    || char(10) || coalesce((\n"
    "        SELECT group_concat(rc.text || char(10) || rc.reply, char(10))\n"
    "        FROM review_comments rc WHERE rc.assessment_id = a.id\n"
    "    ), '') AS body\nFROM assessments a"
)
SEARCH_SOURCE_V2 = _SEARCH_SOURCE_V1.replace(" AS body\nFROM assessments a", _COMMENTS_SQL)
assert SEARCH_SOURCE_V2 != _SEARCH_SOURCE_V1


def triggers_v2() -> list[tuple[str, str]]:
    """Version 1's triggers, and re-indexing an assessment when its comments change."""
    return triggers_v1() + _child_triggers("review_comments", rows=False, search=True)


# Version 3 (migration ``0009_statistics_evidence``): the labels and sources of
# statistics tables, and the names, links and references of evidence, are searchable.
_EVIDENCE_SQL = (
    "\n    || char(10) || coalesce((\n"
    "        SELECT group_concat(st.label || char(10) || st.source || ' ' || "
    "coalesce(st.year, ''), char(10))\n"
    "        FROM statistics_tables st WHERE st.assessment_id = a.id\n"
    "    ), '')\n"
    "    || char(10) || coalesce((\n"
    "        SELECT group_concat(ev.title || char(10) || ev.reference || char(10) || ev.note, "
    "char(10))\n"
    "        FROM evidence_items ev WHERE ev.assessment_id = a.id\n"
    "    ), '') AS body\nFROM assessments a"
)
SEARCH_SOURCE_V3 = SEARCH_SOURCE_V2.replace(" AS body\nFROM assessments a", _EVIDENCE_SQL)
assert SEARCH_SOURCE_V3 != SEARCH_SOURCE_V2


def triggers_v3() -> list[tuple[str, str]]:
    """Version 2's, and re-indexing an assessment when its statistics or evidence change."""
    return (
        triggers_v2()
        + _child_triggers("statistics_tables", rows=False, search=True)
        + _child_triggers("evidence_items", rows=False, search=True)
    )


CURRENT_TRIGGERS = triggers_v3


def upgrade_search_v3(db: Database) -> None:
    """From version 2 to 3; the tables are new and empty, so nothing to re-index."""
    db.execute("DROP VIEW register_search_source")
    db.execute(SEARCH_SOURCE_V3)
    known = {name for name, _ in triggers_v2()}
    for name, statement in triggers_v3():
        if name not in known:
            db.execute(statement)


def upgrade_search_v2(db: Database) -> None:
    """From version 1 to 2. No re-indexing: there are no comments yet, and one more
    empty line at the end of each document changes none of its words."""
    db.execute("DROP VIEW register_search_source")
    db.execute(SEARCH_SOURCE_V2)
    known = {name for name, _ in triggers_v1()}
    for name, statement in triggers_v2():
        if name not in known:
            db.execute(statement)


def create_schema_v1(db: Database) -> None:
    """Tables, views, indexes and the FTS table of version 1 (no triggers, no data)."""
    for statement in _statements(SCHEMA_V1):
        db.execute(statement)


def drop_triggers(db: Database) -> None:
    names = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'register\\_%' "
            "ESCAPE '\\'"
        ).fetchall()
    ]
    for name in names:
        db.execute(f"DROP TRIGGER {name}")


def install_triggers(db: Database) -> None:
    """(Re-)create the current trigger set; safe to run at any time."""
    drop_triggers(db)
    for _name, statement in CURRENT_TRIGGERS():
        db.execute(statement)


def missing_triggers(db: Database) -> list[str]:
    existing = {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    }
    return [name for name, _ in CURRENT_TRIGGERS() if name not in existing]


def rebuild(db: Database, from_id: int = 0, to_id: int | None = None) -> None:
    """Recompute the read model and the search index for assessments with ids in
    [``from_id``, ``to_id``) (all of them by default), e.g. after a bulk load or a table
    transform."""
    where, params = "BETWEEN ? AND ?", [from_id, (to_id - 1) if to_id is not None else 2**62]
    db.execute(f"DELETE FROM register_rows WHERE assessment_id {where}", params)
    db.execute(
        f"INSERT INTO register_rows SELECT * FROM register_source WHERE assessment_id {where}",
        params,
    )
    db.execute(f"DELETE FROM register_search WHERE rowid {where}", params)
    db.execute(
        "INSERT INTO register_search(rowid, title, body) SELECT assessment_id, title, body "
        f"FROM register_search_source WHERE assessment_id {where}",
        params,
    )


def refresh_heads(db: Database, from_id: int = 0) -> None:
    """Mark rows (id >= ``from_id``) that a newer revision of their series has
    superseded; after a load in batches, an earlier batch did not know of them yet."""
    db.execute(
        "UPDATE register_rows SET is_head = 0 WHERE assessment_id >= ? AND is_head = 1 "
        "AND EXISTS (SELECT 1 FROM assessments a JOIN assessments n "
        "ON n.series_uid = a.series_uid AND n.revision > a.revision "
        "WHERE a.id = register_rows.assessment_id)",
        [from_id],
    )


def ensure_register_triggers(db: Database) -> bool:
    """Re-install missing triggers and rebuild what they would have maintained.

    Returns True if anything had to be repaired. Cheap when nothing is missing (one
    look at ``sqlite_master``), so it can run every time a register is opened.
    """
    if "register_rows" not in db.table_names() or not missing_triggers(db):
        return False
    with db.atomic():
        install_triggers(db)
        rebuild(db)
    return True
