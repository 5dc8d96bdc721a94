"""Step 4, follow up: evaluating a decision once its follow-up date has come.

An approved assessment is locked, so what happened afterwards is not written into it:
it is recorded beside it as an ``Evaluation`` (what happened, whether each measure was
done, whether the impact was as expected, and optionally when to look again). The
newest evaluation decides the assessment's next follow-up date and, for the register's
follow-up lists, the status of each measure it mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from desktop_app.domain.codes import MeasureStatus, Status
from desktop_app.domain.errors import InputError


class ImpactAsExpected(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    TOO_EARLY = "too_early"


class MeasuresDone(StrEnum):
    """The answer to "were the measures done?", derived from each measure's result."""

    NO_MEASURES = "no_measures"
    ALL = "all"
    SOME = "some"
    NONE = "none"


@dataclass(frozen=True)
class MeasureResult:
    """What became of one measure. ``description`` is kept as it read at evaluation."""

    measure_uid: str
    description: str
    status: MeasureStatus
    note: str = ""


@dataclass(frozen=True)
class Evaluation:
    assessment_id: int
    evaluated_on: date
    evaluator: str
    os_user: str
    what_happened: str
    impact: ImpactAsExpected
    impact_note: str = ""
    measures: tuple[MeasureResult, ...] = ()
    followup_date: date | None = None  # the follow-up date this evaluation answers
    next_followup: date | None = None
    recorded_at: datetime | None = None
    id: int | None = None

    @property
    def measures_done(self) -> MeasuresDone:
        counted = [m for m in self.measures if m.status is not MeasureStatus.DROPPED]
        if not counted:
            return MeasuresDone.NO_MEASURES
        done = sum(m.status is MeasureStatus.DONE for m in counted)
        if done == len(counted):
            return MeasuresDone.ALL
        return MeasuresDone.SOME if done else MeasuresDone.NONE


def can_be_evaluated(status: Status) -> bool:
    """Only an approved assessment is evaluated: a draft describes a decision not yet
    taken."""
    return status is Status.APPROVED


def evaluation_due(status: Status, next_followup: date | None, today: date) -> bool:
    """An approved assessment is due for evaluation from its follow-up date on.

    Drafts and assessments under review describe decisions not yet taken, so there is
    nothing to evaluate yet, whatever their planned follow-up date says.
    """
    return can_be_evaluated(status) and next_followup is not None and next_followup <= today


def next_followup(followup_date: date | None, evaluations: Sequence[Evaluation]) -> date | None:
    """The follow-up date still to come: the newest evaluation's next date, or the
    assessment's own date while it has not been evaluated."""
    return evaluations[-1].next_followup if evaluations else followup_date


def check_evaluation(evaluation: Evaluation, today: date) -> None:
    """Refuse an evaluation a reader could not rely on; raises ``InputError``."""
    if not evaluation.what_happened.strip():
        raise InputError("Describe what happened after the decision")
    if not evaluation.evaluator.strip():
        raise InputError("The evaluation needs the name of who made it")
    if evaluation.evaluated_on > today:
        raise InputError(
            f"The evaluation date {evaluation.evaluated_on.isoformat()} is in the future"
        )
    if evaluation.next_followup is not None and evaluation.next_followup <= evaluation.evaluated_on:
        raise InputError(
            f"The next follow-up ({evaluation.next_followup.isoformat()}) must come after "
            f"the evaluation ({evaluation.evaluated_on.isoformat()})"
        )
    uids = [m.measure_uid for m in evaluation.measures]
    if len(set(uids)) != len(uids):
        raise InputError("A measure appears twice in the evaluation")
