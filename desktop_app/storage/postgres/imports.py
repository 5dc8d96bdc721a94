"""``ServerStore.store_imported``: an exchange file (or a PDF's) imported into a server
register, with the refusals of the file's import (``storage.imports``).

The content is written as the login writes any draft of its own (row-level security
decides: a new draft it owns, or its own open assessment when replacing); the file's
history then goes in through ``lika.import_history`` (migration ``0009_import``) as
imported records, with one ``import`` audit entry in the login's name. The file's
follow-up evaluations name their evaluators, whom only the server may name: a file
carrying any goes in through ``lika.import_with_evaluations`` (migration
``0012_import_evaluations``, replaced by ``0013_import_links``), the same import
that also stores them, in that call, each linked to the import entry whose hash
covers them (``evaluation_checks``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from psycopg import sql

from desktop_app.domain.audit_summary import import_summary, unverified_note
from desktop_app.domain.errors import NotFoundError, WorkflowError
from desktop_app.domain.evaluation import Evaluation
from desktop_app.domain.model import Assessment, Status, StatusChange
from desktop_app.storage import audit, rows
from desktop_app.storage.errors import AlreadyExistsError
from desktop_app.storage.postgres.save_flight import assignments

if TYPE_CHECKING:
    import psycopg

    from desktop_app.storage.postgres.store import ServerStore

Row = dict[str, Any]


def store_imported(
    store: ServerStore,
    assessment: Assessment,
    history: list[StatusChange],
    evaluations: Sequence[Evaluation],
    *,
    replace: bool,
    files: Sequence[bytes],
    note: str,
    source: str = "",
) -> None:
    from desktop_app.storage.postgres.store import _changes

    with store._transaction() as db:
        for data in files:  # a savepoint each, in this transaction
            store.store_evidence_file(data)
        existing = _refusals(db, assessment, history, replace=replace)
        if existing is None:
            written, fields = _insert(store, db, assessment), ()
        else:
            written, fields = _overwrite(store, db, assessment, existing)
        assert assessment.id is not None
        claim = next((c for c in reversed(history) if c.unverified_claim), None)
        said = unverified_note(claim.actor) if claim else ""
        counted = len(fields) if existing is not None else None
        summary = import_summary(assessment.status, counted, source) + said + note
        records = [rows.status_change_row(assessment.id, c) for c in history]
        params = [assessment.id, assessment.version, json.dumps(records), summary]
        if evaluations or existing is not None:  # a replacement's go too
            db.execute(
                "SELECT lika.import_with_evaluations(%s, %s, %s::jsonb, %s, %s, %s::jsonb)",
                [*params, _changes(fields), json.dumps(_evaluation_rows(evaluations))],
            )
        else:
            db.execute(
                "SELECT lika.import_history(%s, %s, %s::jsonb, %s, %s)",
                [*params, _changes(fields)],
            )
        found = db.execute(
            "SELECT status, version FROM lika.assessments WHERE id = %s", [assessment.id]
        ).fetchone()
        assert found is not None
    assessment.status = Status(found["status"])
    assessment.version = int(found["version"])
    store._children.remember(assessment, assessment.version, written)


def _evaluation_rows(evaluations: Sequence[Evaluation]) -> list[Row]:
    """The file's evaluations as ``lika.import_with_evaluations`` takes them: the rows
    the file import writes (``storage.imports``), the evaluators' names as in the file."""
    from desktop_app.domain.clock import utc_now
    from desktop_app.storage.evaluations import evaluation_row, measure_result_row

    found = []
    for evaluation in evaluations:
        row = evaluation_row(evaluation, evaluation.recorded_at or utc_now())
        row.pop("assessment_id")
        row["measures"] = [measure_result_row(0, 0, m) for m in evaluation.measures]
        found.append(row)
    return found


def _refusals(
    db: psycopg.Connection[Row],
    assessment: Assessment,
    history: list[StatusChange],
    *,
    replace: bool,
) -> Row | None:
    """The file import's refusals (``storage.imports``), before anything is written;
    the stored assessment a replacement overwrites."""
    from desktop_app.storage.imports import _check_series, check_revision_free

    existing = db.execute(
        "SELECT * FROM lika.assessments WHERE uid = %s", [assessment.uid]
    ).fetchone()
    if replace and existing is None:
        raise NotFoundError(f"No assessment with uid {assessment.uid} to replace")
    if existing is not None and not replace:
        raise AlreadyExistsError(
            f"An assessment with uid {assessment.uid} already exists (id {existing['id']})"
        )
    if existing is not None and existing["status"] not in ("draft", "returned"):
        raise WorkflowError(
            f"Assessment {existing['id']} is {existing['status']} and cannot be overwritten "
            "by an import; import the file as a new copy instead"
        )
    neighbours = db.execute(
        "SELECT id, status, revision FROM lika.assessments "
        "WHERE series_uid = %s AND revision IN (%s, %s) AND uid <> %s",
        [assessment.series_uid, assessment.revision, assessment.revision - 1, assessment.uid],
    ).fetchall()
    check_revision_free(assessment, neighbours)

    def query(text: str, params: list[Any]) -> list[Row]:
        server = text.replace("FROM assessments", "FROM lika.assessments").replace("?", "%s")
        return db.execute(server, params).fetchall()

    _check_series(query, assessment, history, [existing] if existing else [])
    earlier = [r for r in neighbours if r["revision"] == assessment.revision - 1]
    assessment.previous_id = earlier[0]["id"] if earlier else None
    return existing


def _insert(store: ServerStore, db: psycopg.Connection[Row], assessment: Assessment) -> Any:
    """A new draft of the login's own; ``import_history`` sets the status."""
    now = store._clock()
    assessment.created = assessment.created or now
    assessment.updated = assessment.updated or now
    row = {
        **rows.assessment_row(assessment),
        "status": Status.DRAFT.value,
        "created": assessment.created.isoformat(),
        "updated": assessment.updated.isoformat(),
        "version": 1,
    }
    assessment.version = 1
    return store._insert(db, assessment, row)


def _overwrite(
    store: ServerStore, db: psycopg.Connection[Row], assessment: Assessment, stored: Row
) -> tuple[Any, tuple[Any, ...]]:
    """The login's own open assessment, overwritten in place (same id; the version
    moves on, so a window editing it meets the version guard)."""
    assessment.id = int(stored["id"])
    version = int(stored["version"])
    row = rows.assessment_row(assessment)
    for column in ("status", "uid", "series_uid", "revision"):
        row.pop(column, None)  # the server's, or the series' own
    if assessment.updated is not None:
        row["updated"] = assessment.updated.isoformat()
    changed = {name: value for name, value in row.items() if stored.get(name) != value}
    updated = db.execute(
        sql.SQL(
            "UPDATE lika.assessments SET {}version = version + 1 "
            "WHERE id = %(id)s AND version = %(version)s"
        ).format(assignments(changed)),
        {**changed, "id": assessment.id, "version": version},
    )
    if updated.rowcount != 1:
        raise store._refusal(db, assessment, version)
    existing = store._children.stored(assessment, version)
    before = rows.assessment_from_rows(stored, *(list(t.values()) for t in existing.values()))
    written = store._children.write(db, assessment, version, existing)
    assessment.version = version + 1
    return written, tuple(audit.field_changes(before, assessment))
