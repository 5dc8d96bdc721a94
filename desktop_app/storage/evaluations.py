"""Storing evaluations (step 4, follow up) beside the assessments they evaluate.

Evaluations are appended, never changed: the newest one counts for the register (next
follow-up date, status of the measures it names), the older ones stay as history.
Triggers keep the register's read model and search index in step.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from desktop_app.domain.clock import Clock, utc_now
from desktop_app.domain.errors import NotFoundError
from desktop_app.domain.evaluation import Evaluation, ImpactAsExpected, MeasureResult
from desktop_app.domain.model import MeasureStatus
from desktop_app.storage.rows import inserted_id
from desktop_app.storage.sqlite_errors import describe_sqlite_error

if TYPE_CHECKING:  # types only: the export reads without sqlite-utils (issue 18)
    from sqlite_utils import Database


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def evaluation_row(evaluation: Evaluation, recorded_at: datetime) -> dict[str, Any]:
    return {
        "assessment_id": evaluation.assessment_id,
        "followup_date": _iso(evaluation.followup_date),
        "evaluated_on": evaluation.evaluated_on.isoformat(),
        "evaluator": evaluation.evaluator,
        "os_user": evaluation.os_user,
        "recorded_at": recorded_at.isoformat(),
        "what_happened": evaluation.what_happened,
        "impact": evaluation.impact.value,
        "impact_note": evaluation.impact_note,
        "next_followup": _iso(evaluation.next_followup),
    }


def measure_result_row(
    evaluation_id: int, assessment_id: int, result: MeasureResult
) -> dict[str, Any]:
    return {
        "evaluation_id": evaluation_id,
        "assessment_id": assessment_id,
        "measure_uid": result.measure_uid,
        "description": result.description,
        "status": result.status.value,
        "note": result.note,
    }


class EvaluationStore:
    def __init__(self, db: Database, *, clock: Clock = utc_now) -> None:
        self.db = db
        self._clock = clock

    def record(self, evaluation: Evaluation) -> Evaluation:
        """Append ``evaluation`` (checked by the caller) in one transaction."""
        now = evaluation.recorded_at or self._clock()
        try:
            with self.db.atomic() as db:
                exists = db.execute(
                    "SELECT 1 FROM assessments WHERE id = ?", [evaluation.assessment_id]
                ).fetchone()
                if not exists:
                    raise NotFoundError(f"No assessment with id {evaluation.assessment_id}")
                new_id = inserted_id(
                    db.table("evaluations").insert(evaluation_row(evaluation, now))
                )
                db.table("evaluation_measures").insert_all(
                    measure_result_row(new_id, evaluation.assessment_id, m)
                    for m in evaluation.measures
                )
        except sqlite3.Error as error:
            path = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
            raise describe_sqlite_error(error, path) from None
        return replace(evaluation, id=new_id, recorded_at=now)

    def for_assessment(self, assessment_id: int) -> list[Evaluation]:
        """Every evaluation of the assessment, oldest first."""
        heads = self.db.execute(
            "SELECT * FROM evaluations WHERE assessment_id = ? ORDER BY id", [assessment_id]
        )
        names = [c[0] for c in heads.description]
        found = [dict(zip(names, r, strict=True)) for r in heads.fetchall()]
        results = self.db.execute(
            "SELECT evaluation_id, measure_uid, description, status, note "
            "FROM evaluation_measures WHERE assessment_id = ? ORDER BY evaluation_id, rowid",
            [assessment_id],
        ).fetchall()
        return evaluations_from(found, results)


def evaluations_from(
    heads: list[dict[str, Any]], results: Sequence[Sequence[Any]]
) -> list[Evaluation]:
    """Evaluations from their rows and their measure results' rows (evaluation_id,
    measure_uid, description, status, note; in order), for either engine."""
    by_evaluation: dict[int, list[MeasureResult]] = {}
    for evaluation_id, uid, description, status, note in results:
        by_evaluation.setdefault(evaluation_id, []).append(
            MeasureResult(uid, description, MeasureStatus(status), note)
        )
    return [
        Evaluation(
            id=row["id"],
            assessment_id=row["assessment_id"],
            followup_date=_date(row["followup_date"]),
            evaluated_on=date.fromisoformat(row["evaluated_on"]),
            evaluator=row["evaluator"],
            os_user=row["os_user"],
            recorded_at=datetime.fromisoformat(row["recorded_at"]),
            what_happened=row["what_happened"],
            impact=ImpactAsExpected(row["impact"]),
            impact_note=row["impact_note"],
            next_followup=_date(row["next_followup"]),
            measures=tuple(by_evaluation.get(row["id"], [])),
        )
        for row in heads
    ]
