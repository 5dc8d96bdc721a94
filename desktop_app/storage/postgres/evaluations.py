"""``app.ports.EvaluationRecords`` on a server register: evaluations (step 4) appended
in the login's name, read as ``storage.evaluations`` reads them from a file.

The server's policy lets the assessment's caseworker, a strategist or an administrator
record one, always as themselves (``os_user = session_user``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.domain.clock import Clock, utc_now
from desktop_app.domain.errors import NotFoundError
from desktop_app.domain.evaluation import Evaluation
from desktop_app.storage.evaluations import evaluation_row, evaluations_from, measure_result_row

if TYPE_CHECKING:
    from desktop_app.storage.postgres.store import ServerStore


class ServerEvaluations:
    def __init__(self, store: ServerStore, *, clock: Clock = utc_now) -> None:
        self._store = store
        self._clock = clock

    def record(self, evaluation: Evaluation) -> Evaluation:
        """Append ``evaluation`` (checked by the caller) in one transaction, as the login."""
        now = evaluation.recorded_at or self._clock()
        me = self._store.actor
        evaluation = replace(evaluation, evaluator=me.name, os_user=me.os_user)
        with self._store._transaction() as db:
            exists = db.execute(
                "SELECT 1 FROM lika.assessments WHERE id = %s", [evaluation.assessment_id]
            ).fetchone()
            if not exists:
                raise NotFoundError(f"No assessment with id {evaluation.assessment_id}")
            row = evaluation_row(evaluation, now)
            found = db.execute(
                "INSERT INTO lika.evaluations (assessment_id, followup_date, evaluated_on, "
                "evaluator, os_user, recorded_at, what_happened, impact, impact_note, "
                "next_followup) VALUES (%(assessment_id)s, %(followup_date)s, "
                "%(evaluated_on)s, %(evaluator)s, %(os_user)s, %(recorded_at)s, "
                "%(what_happened)s, %(impact)s, %(impact_note)s, %(next_followup)s) "
                "RETURNING id",
                row,
            ).fetchone()
            assert found is not None  # RETURNING of an INSERT
            new_id = int(found["id"])
            for result in evaluation.measures:
                db.execute(
                    "INSERT INTO lika.evaluation_measures (evaluation_id, assessment_id, "
                    "measure_uid, description, status, note) VALUES (%(evaluation_id)s, "
                    "%(assessment_id)s, %(measure_uid)s, %(description)s, %(status)s, %(note)s)",
                    measure_result_row(new_id, evaluation.assessment_id, result),
                )
        return replace(evaluation, id=new_id, recorded_at=now)

    def for_assessment(self, assessment_id: int) -> list[Evaluation]:
        """Every evaluation of the assessment, oldest first."""
        heads = self._store._query(
            "SELECT * FROM lika.evaluations WHERE assessment_id = %s ORDER BY id",
            [assessment_id],
        )
        # In the assessment's order of measures (the order they are recorded in; the
        # file keeps insertion order, the server's table has no such column).
        results = self._store._query(
            "SELECT em.evaluation_id, em.measure_uid, em.description, em.status, em.note "
            "FROM lika.evaluation_measures em LEFT JOIN lika.measures m "
            "ON m.assessment_id = em.assessment_id AND m.uid = em.measure_uid "
            "WHERE em.assessment_id = %s "
            "ORDER BY em.evaluation_id, m.position NULLS LAST, em.measure_uid",
            [assessment_id],
        )
        return evaluations_from(heads, [tuple(r.values()) for r in results])
