"""Reading every assessment's approval record and approved content for ``lika check``,
in a few statements rather than several per assessment.

``lika check`` compares each approved assessment's content with the fingerprint its
approval recorded. Read one assessment at a time (its history, its row, five tables of
children) that was about 400,000 statements on a 100,000-assessment register; here the
histories are one statement read in assessment order, and the approved content is read
in batches of ``BATCH`` assessments, one statement per table. Memory stays bounded by
one batch.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any

from desktop_app.domain.model import Assessment, StatusChange
from desktop_app.storage import audit, rows

BATCH = 500

# The tables an assessment's content is read from, in ``rows.assessment_from_rows``'s
# order; a register not upgraded yet may lack the later ones.
CHILD_TABLES = (
    "ground_assessments",
    "answers",
    "measures",
    "statistics_tables",
    "evidence_items",
)


def table_names(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def histories(
    conn: sqlite3.Connection,
) -> Iterator[tuple[int, str, list[StatusChange]]]:
    """Every assessment (id order) with its status and its current history (the
    newest generation; a register not upgraded yet has one). ``conn`` reads rows as
    ``sqlite3.Row``."""
    if audit.has_column(conn, "status_changes", "generation"):
        where = (
            "WHERE s.generation = (SELECT coalesce(max(g.generation), 0) "
            "FROM status_changes g WHERE g.assessment_id = s.assessment_id) "
        )
    else:
        where = ""
    changes = conn.cursor().execute(
        f"SELECT s.* FROM status_changes s {where}ORDER BY s.assessment_id, s.id"
    )
    grouped = groupby(changes, key=lambda r: r["assessment_id"])
    pending = next(grouped, None)
    for ident, status in conn.cursor().execute("SELECT id, status FROM assessments ORDER BY id"):
        while pending is not None and pending[0] < ident:  # rows of no assessment
            pending = next(grouped, None)
        history: list[StatusChange] = []
        if pending is not None and pending[0] == ident:
            history = [rows.status_change_from_row(dict(r)) for r in pending[1]]
            pending = next(grouped, None)
        yield ident, status, history


def contents(conn: sqlite3.Connection, ids: Sequence[int]) -> Iterator[Assessment]:
    """The assessments ``ids`` as stored, ``BATCH`` at a time. ``conn`` reads rows as
    ``sqlite3.Row``."""
    tables = table_names(conn)
    for start in range(0, len(ids), BATCH):
        batch = list(ids[start : start + BATCH])
        marks = ", ".join("?" * len(batch))
        heads = conn.execute(f"SELECT * FROM assessments WHERE id IN ({marks})", batch)
        children = [
            _by_assessment(
                conn.execute(f"SELECT * FROM {table} WHERE assessment_id IN ({marks})", batch)
                if table in tables
                else ()
            )
            for table in CHILD_TABLES
        ]
        for head in heads:
            row = dict(head)
            ident = row["id"]
            # A register from before the decision types (0008) reads as having none.
            yield rows.assessment_from_rows(
                {"decision_type": "", **row}, *(found.get(ident, []) for found in children)
            )


def _by_assessment(found: Iterable[Any]) -> dict[int, list[dict[str, Any]]]:
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in found:
        grouped[r["assessment_id"]].append(dict(r))
    return grouped
