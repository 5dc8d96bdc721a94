"""What is still missing before an assessment can go to review.

The rules live here, not in widgets, so the editor, the CLI, the PDF and the workflow
all agree. Each gap names its step, the field to jump to and a message code whose
text (in sv, nb and en) lives in ``resources/guide/vocabulary.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.checklist import Checklist
from desktop_app.domain.conditions import hidden_questions
from desktop_app.domain.edits import FieldPath
from desktop_app.domain.model import Assessment, Outcome, Relevance


class ItemState(StrEnum):
    """How a step or ground looks in the navigation pane."""

    DONE = "done"
    MISSING = "missing"
    NOT_RELEVANT = "not_relevant"


@dataclass(frozen=True)
class Gap:
    """One required thing that is missing (or, with ``warning``, a remark that does not
    stop a submission: see ``date_sense``)."""

    step: str
    code: str
    path: FieldPath
    ground_key: str | None = None
    measure_uid: str | None = None
    warning: bool = False


MEASURE_WANTED = "ground.measure_or_justification.missing"


def find_gaps(assessment: Assessment, checklists: Iterable[Checklist]) -> list[Gap]:
    """Every gap, in the order the editor walks the steps."""
    ground_keys = [g.key for checklist in checklists for g in checklist.grounds]
    return [
        *_decision_gaps(assessment),
        *(gap for key in ground_keys for gap in _ground_gaps(assessment, key)),
        *_measure_gaps(assessment),
        *_conclusion_gaps(assessment),
    ]


def _decision_gaps(assessment: Assessment) -> Iterable[Gap]:
    decision = assessment.decision
    for attr in ("title", "description", "affected"):
        if not getattr(decision, attr).strip():
            yield Gap("decision", f"decision.{attr}.missing", ("decision", attr))
    if not decision.evidence.strip() and not decision.evidence_missing.strip():
        yield Gap("decision", "decision.evidence.missing", ("decision", "evidence"))


def _ground_gaps(assessment: Assessment, key: str) -> Iterable[Gap]:
    ground = assessment.grounds.get(key)
    if ground is None or ground.relevance is Relevance.UNKNOWN:
        yield Gap("grounds", "ground.relevance.missing", ("ground", key, "relevance"), key)
        return
    if not ground.justification.strip():
        yield Gap("grounds", "ground.justification.missing", ("ground", key, "justification"), key)
    if ground.relevance is not Relevance.RELEVANT:
        return
    if ground.direction is None:
        yield Gap("grounds", "ground.direction.missing", ("ground", key, "direction"), key)
        return
    if ground.direction.is_adverse:
        if ground.severity is None:
            yield Gap("grounds", "ground.severity.missing", ("ground", key, "severity"), key)
        if not assessment.measures_for(key) and not ground.no_measure_justification.strip():
            yield Gap(
                "grounds",
                MEASURE_WANTED,
                ("ground", key, "no_measure_justification"),
                key,
            )


def _measure_gaps(assessment: Assessment) -> Iterable[Gap]:
    for measure in assessment.measures:
        for attr in ("description", "owner", "deadline"):
            if not getattr(measure, attr):
                yield Gap(
                    "measures",
                    f"measure.{attr}.missing",
                    ("measure", measure.uid, attr),
                    measure_uid=measure.uid,
                )


def _conclusion_gaps(assessment: Assessment) -> Iterable[Gap]:
    conclusion = assessment.conclusion
    if conclusion.outcome is None:
        yield Gap("conclusion", "conclusion.outcome.missing", ("conclusion", "outcome"))
    elif (
        conclusion.outcome is Outcome.PROCEED_DESPITE_NEGATIVE
        and not conclusion.justification.strip()
    ):
        yield Gap("conclusion", "conclusion.justification.missing", ("conclusion", "justification"))
    if not conclusion.summary.strip():
        yield Gap("conclusion", "conclusion.summary.missing", ("conclusion", "summary"))
    if conclusion.followup_date is None and conclusion.outcome is not Outcome.DO_NOT_PROCEED:
        yield Gap("conclusion", "conclusion.followup_date.missing", ("conclusion", "followup_date"))


@dataclass(frozen=True)
class QuestionCount:
    """Checklist questions of the relevant grounds, and how many have no answer: not
    required items, but a manager must be able to see that most were skipped."""

    unanswered: int
    total: int


def count_questions(assessment: Assessment, checklists: Iterable[Checklist]) -> QuestionCount:
    """The questions of every ground marked relevant, and those not answered; a question
    hidden by its condition (``conditions``) is not asked, so not counted."""
    checklists = list(checklists)
    hidden = hidden_questions(checklists, assessment)
    unanswered = total = 0
    for checklist in checklists:
        for ground in checklist.grounds:
            state = assessment.grounds.get(ground.key)
            if state is None or state.relevance is not Relevance.RELEVANT:
                continue
            for question in ground.questions:
                if question.id in hidden:
                    continue
                total += 1
                answer = assessment.answers.get(question.id)
                if answer is None or not answer.value.strip():
                    unanswered += 1
    return QuestionCount(unanswered, total)


def ground_state(assessment: Assessment, key: str, gaps: Iterable[Gap]) -> ItemState:
    """Done, missing or not relevant, for one ground in the navigation pane."""
    if any(gap.ground_key == key for gap in gaps):
        return ItemState.MISSING
    ground = assessment.grounds.get(key)
    if ground is not None and ground.relevance is Relevance.NOT_RELEVANT:
        return ItemState.NOT_RELEVANT
    return ItemState.DONE


def step_gaps(step: str, gaps: Iterable[Gap]) -> list[Gap]:
    """What keeps ``step`` from being done. The Measures step also waits for every
    ground with a negative impact that has neither a measure nor a reason for none."""
    return [
        gap
        for gap in gaps
        if not gap.warning
        and (gap.step == step or (step == "measures" and gap.code == MEASURE_WANTED))
    ]


def step_state(step: str, gaps: Iterable[Gap]) -> ItemState:
    return ItemState.MISSING if step_gaps(step, gaps) else ItemState.DONE
