"""Dates that make no sense: warnings, not refusals.

A planned decision date that has passed while the assessment is still a draft, a
planned measure whose deadline has passed, a follow-up before the decision or already
past, a measure due after the follow-up that should check it. Each is a ``Gap`` with
``warning=True``: the editor shows it at the field and in the list of what is left,
but it does not stop a submission (a date may be right and the plan late).
The past is judged only while the assessment can still be edited: in an approved
assessment a passed date is history, not a mistake.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from desktop_app.domain.completeness import Gap
from desktop_app.domain.model import Assessment, MeasureStatus, Outcome, Status

EDITABLE = (Status.DRAFT, Status.RETURNED)


def find_date_warnings(assessment: Assessment, today: date) -> list[Gap]:
    """Every date warning, in the order of the steps."""
    return [
        *_decision(assessment, today),
        *_measures(assessment, today),
        *_followup(assessment, today),
    ]


def followup_has_passed(assessment: Assessment, today: date) -> bool:
    """The follow-up date of an assessment still being written is already past: the memo
    must not state it as the plan."""
    followup = assessment.conclusion.followup_date
    return assessment.status in EDITABLE and followup is not None and followup < today


def _decision(assessment: Assessment, today: date) -> Iterable[Gap]:
    decided = assessment.decision.decision_date
    if assessment.status in EDITABLE and decided is not None and decided < today:
        yield Gap(
            "decision", "decision.decision_date.past", ("decision", "decision_date"), warning=True
        )


def _measures(assessment: Assessment, today: date) -> Iterable[Gap]:
    followup = _followup_date(assessment)
    for measure in assessment.measures:
        due = measure.deadline
        if due is None:
            continue
        path = ("measure", measure.uid, "deadline")
        if (
            assessment.status in EDITABLE
            and measure.status is MeasureStatus.PLANNED
            and due < today
        ):
            yield Gap(
                "measures", "measure.deadline.past", path, measure_uid=measure.uid, warning=True
            )
        if measure.status.is_open and followup is not None and due > followup:
            yield Gap(
                "measures",
                "measure.deadline.after_followup",
                path,
                measure_uid=measure.uid,
                warning=True,
            )


def _followup(assessment: Assessment, today: date) -> Iterable[Gap]:
    followup = _followup_date(assessment)
    if followup is None:
        return
    path = ("conclusion", "followup_date")
    decided = assessment.decision.decision_date
    if decided is not None and followup < decided:
        yield Gap("conclusion", "conclusion.followup_date.before_decision", path, warning=True)
    elif followup_has_passed(assessment, today):
        yield Gap("conclusion", "conclusion.followup_date.past", path, warning=True)


def _followup_date(assessment: Assessment) -> date | None:
    if assessment.conclusion.outcome is Outcome.DO_NOT_PROCEED:
        return None
    return assessment.conclusion.followup_date
