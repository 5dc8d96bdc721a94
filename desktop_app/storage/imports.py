"""Storing an imported assessment (the writing half of ``AssessmentRepository.store_imported``).

Kept apart from the repository to keep both readable; runs inside the repository's
transaction, and refuses before writing anything: an existing uid without
``replace``, a missing one with it, a revision number that another assessment of the
same decision already has, and above all an approved stored assessment, which no
import may overwrite (start a new revision, or import as a new copy).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace as replaced
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from desktop_app.domain.audit import AuditChange
from desktop_app.domain.audit_summary import import_summary, unverified_note
from desktop_app.domain.errors import NotFoundError, WorkflowError
from desktop_app.domain.evaluation import Evaluation
from desktop_app.domain.model import Assessment, Status, StatusChange, Trust
from desktop_app.storage import approval_records, audit, rows
from desktop_app.storage.children import TableRows

if TYPE_CHECKING:
    from desktop_app.storage.repository import AssessmentRepository


def store_imported(
    repository: AssessmentRepository,
    db: Database,
    assessment: Assessment,
    history: list[StatusChange],
    evaluations: Sequence[Evaluation],
    *,
    replace: bool,
    source: str = "",
) -> tuple[TableRows, str, tuple[AuditChange, ...]]:
    """Write it; returns the child rows written, and the summary and field changes
    for the audit entry."""
    from desktop_app.storage.errors import AlreadyExistsError

    query = repository._query
    existing = query("SELECT * FROM assessments WHERE uid = ?", [assessment.uid])
    if replace and not existing:
        raise NotFoundError(f"No assessment with uid {assessment.uid} to replace")
    if existing and not replace:
        raise AlreadyExistsError(
            f"An assessment with uid {assessment.uid} already exists (id {existing[0]['id']})"
        )
    if existing and existing[0]["status"] == Status.APPROVED.value:
        raise WorkflowError(
            f"Assessment {existing[0]['id']} is approved and cannot be overwritten by an "
            "import; import the file as a new copy instead"
        )
    neighbours = query(
        "SELECT id, status, revision FROM assessments "
        "WHERE series_uid = ? AND revision IN (?, ?) AND uid != ?",
        [assessment.series_uid, assessment.revision, assessment.revision - 1, assessment.uid],
    )
    check_revision_free(assessment, neighbours)
    _check_series(query, assessment, history, existing)
    # The stored assessment, read once: for the audit entry's field changes, and as the
    # child rows the write brings in line.
    before, stored_children = None, None
    if existing:
        assessment.id = existing[0]["id"]
        stored_children = repository._children.stored(assessment, existing[0]["version"])
        children = (list(table.values()) for table in stored_children.values())
        before = rows.assessment_from_rows(existing[0], *children)
    earlier = [r for r in neighbours if r["revision"] == assessment.revision - 1]
    assessment.previous_id = earlier[0]["id"] if earlier else None
    now = repository._clock()
    assessment.created = assessment.created or now
    assessment.updated = assessment.updated or now
    row = {
        **rows.assessment_row(assessment),
        "created": assessment.created.isoformat(),
        "updated": assessment.updated.isoformat(),
    }
    if existing:
        assessment.version = existing[0]["version"] + 1
        status = row["status"]  # set last: the lock triggers guard approved ones' rows
        row["status"] = existing[0]["status"]
        db.execute(
            "UPDATE assessments SET "
            + ", ".join(f"{name} = :{name}" for name in row)
            + ", version = :version WHERE id = :id",
            {**row, "version": assessment.version, "id": assessment.id},
        )
        # The stored history stays (append-only); the file's starts a new generation.
        db.execute("DELETE FROM evaluations WHERE assessment_id = ?", [assessment.id])
        written = repository._children.write(
            db, assessment, existing[0]["version"], stored_children
        )
        db.execute("UPDATE assessments SET status = ? WHERE id = ?", [status, assessment.id])
    else:
        assessment.version = 1
        written = repository._insert(db, assessment, {**row, "version": 1})
    assert assessment.id is not None
    # Recorded by the IMPORT entry the repository appends next.
    approval_records.insert(db, assessment.id, history, new_generation=bool(existing))
    _write_evaluations(db, assessment.id, evaluations)
    claim = next((c for c in reversed(history) if c.unverified_claim), None)
    said = unverified_note(claim.actor) if claim else ""
    if before is None:
        return written, import_summary(assessment.status, source=source) + said, ()
    fields = audit.field_changes(before, assessment)
    return written, import_summary(assessment.status, len(fields), source) + said, fields


def _write_evaluations(db: Database, assessment_id: int, evaluations: Sequence[Evaluation]) -> None:
    from desktop_app.domain.clock import utc_now
    from desktop_app.storage.evaluations import evaluation_row, measure_result_row

    for evaluation in evaluations:
        recorded = evaluation.recorded_at or utc_now()
        row = evaluation_row(replaced(evaluation, assessment_id=assessment_id), recorded)
        new_id = rows.inserted_id(db.table("evaluations").insert(row))
        for result in evaluation.measures:
            db.table("evaluation_measures").insert(
                measure_result_row(new_id, assessment_id, result)
            )


def check_revision_free(assessment: Assessment, neighbours: Sequence[Any]) -> None:
    """No other assessment of the series holds the imported revision (``neighbours``:
    rows with id, status and revision of the series' other assessments), on either
    engine."""
    taken = [r for r in neighbours if r["revision"] == assessment.revision]
    if taken:
        raise WorkflowError(
            f"Revision conflict: assessment {taken[0]['id']} ({taken[0]['status']}) already is "
            f"revision {assessment.revision} of this decision; import the file as a new copy "
            "instead"
        )


def _check_series(
    query: Any, assessment: Assessment, history: list[StatusChange], existing: list[Any]
) -> None:
    """An import never makes an assessment a revision of a decision it does not belong
    to: a stored assessment keeps its decision, and a new one joins a decision of this
    register only with an approval signed by a key the register trusts."""
    if existing and existing[0]["series_uid"] != assessment.series_uid:
        raise WorkflowError(
            f"The file would move assessment {existing[0]['id']} to another decision (its "
            "series differs); import the file as a new copy instead"
        )
    if existing:
        return
    members = query(
        "SELECT id, title, revision FROM assessments WHERE series_uid = ? ORDER BY revision",
        [assessment.series_uid],
    )
    signed = bool(history) and history[-1].approves and history[-1].trust is Trust.SIGNED
    if members and not signed:
        first = members[0]
        raise WorkflowError(
            f"The file would make this assessment revision {assessment.revision} of another "
            f"decision here (assessment {first['id']} “{first['title']}”), and nothing "
            "shows it belongs to it (no approval signed by a key this register trusts); "
            "import the file as a new copy instead"
        )
