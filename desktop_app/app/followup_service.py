"""Use cases of step 4 after the decision: evaluating it, shared by every window.

The register flags an approved assessment for evaluation once its follow-up date has
come; the evaluation dialog starts from ``draft`` (each measure with its current
status) and stores through ``record``, which checks the rules first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop_app.app.ports import AssessmentStore, Clock
from desktop_app.app.registers import evaluation_records
from desktop_app.domain.clock import utc_now
from desktop_app.domain.errors import WorkflowError
from desktop_app.domain.evaluation import (
    Evaluation,
    ImpactAsExpected,
    MeasureResult,
    can_be_evaluated,
    check_evaluation,
    next_followup,
)
from desktop_app.domain.identity import Identity
from desktop_app.domain.model import Assessment


class FollowUpService:
    def __init__(
        self,
        repository: AssessmentStore,
        identity: Identity,
        *,
        clock: Clock = utc_now,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.repository = repository
        self.identity = identity
        self.store = evaluation_records(repository, clock=clock)
        self._today = today

    def today(self) -> date:
        return self._today()

    def evaluations(self, assessment_id: int) -> list[Evaluation]:
        return self.store.for_assessment(assessment_id)

    def draft(self, assessment: Assessment) -> Evaluation:
        """A new evaluation of ``assessment``, filled in with what is known: the
        follow-up date it answers and each measure's current status."""
        assert assessment.id is not None
        earlier = self.evaluations(assessment.id)
        latest = {m.measure_uid: m for m in earlier[-1].measures} if earlier else {}
        return Evaluation(
            assessment_id=assessment.id,
            evaluated_on=self.today(),
            evaluator=self.identity.name,
            os_user=self.identity.os_user,
            what_happened="",
            impact=ImpactAsExpected.TOO_EARLY,
            measures=tuple(
                MeasureResult(
                    m.uid,
                    m.description,
                    latest[m.uid].status if m.uid in latest else m.status,
                    latest[m.uid].note if m.uid in latest else "",
                )
                for m in assessment.measures
            ),
            followup_date=next_followup(assessment.conclusion.followup_date, earlier),
        )

    def record(self, evaluation: Evaluation) -> Evaluation:
        """Check and store ``evaluation``; only an approved assessment is evaluated
        (a draft describes a decision not yet taken)."""
        check_evaluation(evaluation, self.today())
        assessment = self.repository.get(evaluation.assessment_id)
        if not can_be_evaluated(assessment.status):
            raise WorkflowError("Only an approved assessment can be evaluated")
        return self.store.record(evaluation)
