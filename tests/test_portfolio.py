"""Figures across assessments: one function for the overview and the portfolio report."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.errors import InputError
from desktop_app.domain.model import Assessment, Direction, MeasureStatus, Relevance, Status
from desktop_app.domain.portfolio import Period, portfolio_figures, select
from tests.helpers import complete_assessment

TODAY = date(2026, 11, 23)


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(InputError, match=r"ends .* before it starts"):
        Period(date(2026, 12, 1), date(2026, 1, 1))


def three_assessments(service, content) -> tuple[Assessment, Assessment, Assessment]:
    """The register of the figures below (also read from a server register, in
    ``test_pg_register_suites``): one overdue, one due soon, one done and in review."""
    repo = service.repository
    first = complete_assessment(content)
    first.measures[0].deadline = date(2026, 11, 1)  # overdue
    repo.create(first)
    second = complete_assessment(content)
    second.decision.unit = "Socialförvaltningen"
    second.decision.decision_date = date(2027, 1, 20)
    second.measures[0].deadline = date(2026, 12, 10)  # due soon
    second.grounds["sex"].relevance = Relevance.RELEVANT
    second.grounds["sex"].direction = Direction.POSITIVE
    repo.create(second)
    third = complete_assessment(content)
    third.measures[0].status = MeasureStatus.DONE
    repo.create(third)
    service.change_status(third, Status.IN_REVIEW)
    return first, second, third


def test_figures_from_the_register(service, content) -> None:
    repo = service.repository
    first, second, _third = three_assessments(service, content)

    figures = portfolio_figures(repo.portfolio_entries(), TODAY)
    assert figures.total == 3
    assert figures.by_status == {Status.DRAFT: 2, Status.IN_REVIEW: 1}
    assert figures.by_framework == {"se-dl": 3}
    assert figures.impacts["age"] == {Direction.NEGATIVE: 3}
    assert figures.impacts["sex"] == {Direction.POSITIVE: 1}
    assert figures.not_relevant["sex"] == 2
    assert [d.entry.id for d in figures.overdue] == [first.id]
    assert [d.entry.id for d in figures.due_soon] == [second.id]

    january = repo.portfolio_entries(Period(date(2027, 1, 1), date(2027, 1, 31)))
    assert [e.id for e in january] == [second.id]
    assert [e.id for e in repo.portfolio_entries(unit="Socialförvaltningen")] == [second.id]
    assert [e.id for e in select(repo.portfolio_entries(), unit="Socialförvaltningen")] == [
        second.id
    ]
