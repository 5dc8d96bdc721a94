"""Dates that make no sense are warned about (not refused), and the memo does not
announce a follow-up date that has already passed as the plan."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.completeness import find_gaps
from desktop_app.domain.date_sense import find_date_warnings
from desktop_app.domain.memo import memo_text
from desktop_app.domain.model import Language, MeasureStatus, Status
from tests.helpers import complete_assessment

TODAY = date(2026, 12, 6)


def codes(assessment, today=TODAY) -> list[str]:
    return [gap.code for gap in find_date_warnings(assessment, today)]


def test_a_sensible_assessment_has_no_warnings(content) -> None:
    assert codes(complete_assessment(content)) == []


def test_each_rule(content) -> None:
    a = complete_assessment(content)
    a.decision.decision_date = date(2026, 11, 1)
    assert codes(a) == ["decision.decision_date.past"]
    a.decision.decision_date = date(2027, 1, 10)
    a.measures[0].deadline = date(2026, 12, 1)
    assert codes(a) == ["measure.deadline.past"]
    a.measures[0].status = MeasureStatus.ONGOING  # begun: not a planned measure left behind
    assert codes(a) == []
    a.measures[0].deadline = date(2027, 10, 1)  # due after the follow-up that should check it
    assert codes(a) == ["measure.deadline.after_followup"]
    a.measures[0].deadline = date(2027, 3, 1)
    a.conclusion.followup_date = date(2027, 1, 1)  # before the decision
    assert codes(a) == [
        "measure.deadline.after_followup",
        "conclusion.followup_date.before_decision",
    ]
    a.decision.decision_date = None
    a.conclusion.followup_date = date(2026, 6, 1)
    assert "conclusion.followup_date.past" in codes(a)


def test_warnings_point_at_their_fields_and_do_not_block(content) -> None:
    a = complete_assessment(content)
    a.decision.decision_date = date(2026, 1, 1)
    (warning,) = find_date_warnings(a, TODAY)
    assert warning.warning and warning.path == ("decision", "decision_date")
    assert find_gaps(a, [content.checklists.get("se-dl")]) == []  # nothing required missing


def test_the_past_is_history_once_approved(content) -> None:
    a = complete_assessment(content)
    a.decision.decision_date = date(2026, 1, 1)
    a.status = Status.APPROVED
    assert codes(a) == []


def test_memo_does_not_announce_a_passed_followup_as_the_plan(content) -> None:
    a = complete_assessment(content)
    a.conclusion.followup_date = date(2026, 6, 1)
    checklists = [content.checklists.get("se-dl")]
    text = memo_text(a, checklists, content.vocabulary, Language.SV, today=TODAY)
    assert "följs upp senast den 1 juni 2026" not in text
    assert "1 juni 2026" in text and "passerat" in text
    a.status = Status.APPROVED  # the record of what was planned then
    text = memo_text(a, checklists, content.vocabulary, Language.SV, today=TODAY)
    assert "följs upp senast den 1 juni 2026" in text
