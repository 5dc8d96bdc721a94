"""Step 4 after the decision: flagging for evaluation on a date, recording evaluations,
and the follow-up list of measures across the register."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.app import registers
from desktop_app.app.followup_service import FollowUpService
from desktop_app.app.service import Identity
from desktop_app.domain.errors import InputError, WorkflowError
from desktop_app.domain.evaluation import (
    Evaluation,
    ImpactAsExpected,
    MeasureResult,
    MeasuresDone,
    check_evaluation,
    evaluation_due,
)
from desktop_app.domain.followup import DueState, DueWindow, MeasureQuery
from desktop_app.domain.model import Measure, MeasureStatus, Status
from desktop_app.domain.portfolio import portfolio_figures
from desktop_app.domain.register import RegisterQuery
from desktop_app.storage.followup import measures_page
from desktop_app.storage.register import PAGE_SIZE
from tests.register_helpers import make

FOLLOWUP = date(2027, 9, 1)  # complete_assessment's follow-up date


@pytest.mark.parametrize(
    ("status", "today", "due"),
    [
        (Status.APPROVED, date(2027, 8, 31), False),
        (Status.APPROVED, FOLLOWUP, True),
        (Status.APPROVED, date(2028, 1, 1), True),
        (Status.DRAFT, date(2028, 1, 1), False),
        (Status.IN_REVIEW, date(2028, 1, 1), False),
    ],
)
def test_flagged_for_evaluation_from_the_follow_up_date_on(status, today, due) -> None:
    assert evaluation_due(status, FOLLOWUP, today) is due
    assert not evaluation_due(status, None, today)


def _evaluation(assessment_id: int, **changes) -> Evaluation:
    base = Evaluation(
        assessment_id=assessment_id,
        evaluated_on=date(2027, 9, 10),
        evaluator="Máret Čuđe-Šolli",
        os_user="maret",
        what_happened="Meröppet infördes i januari; kvällsbesöken ökade igen.",
        impact=ImpactAsExpected.PARTLY,
        followup_date=FOLLOWUP,
    )
    return replace(base, **changes)


def test_evaluation_rules() -> None:
    today = date(2027, 9, 10)
    check_evaluation(_evaluation(1), today)
    with pytest.raises(InputError, match="what happened"):
        check_evaluation(_evaluation(1, what_happened="  "), today)
    with pytest.raises(InputError, match="in the future"):
        check_evaluation(_evaluation(1, evaluated_on=date(2027, 9, 11)), today)
    with pytest.raises(InputError, match="must come after"):
        check_evaluation(_evaluation(1, next_followup=date(2027, 9, 10)), today)
    twice = (MeasureResult("m", "x", MeasureStatus.DONE),) * 2
    with pytest.raises(InputError, match="appears twice"):
        check_evaluation(_evaluation(1, measures=twice), today)


def test_were_the_measures_done() -> None:
    def done(*statuses):
        results = tuple(MeasureResult(str(i), "", s) for i, s in enumerate(statuses))
        return _evaluation(1, measures=results).measures_done

    assert done() is MeasuresDone.NO_MEASURES
    assert done(MeasureStatus.DONE, MeasureStatus.DROPPED) is MeasuresDone.ALL
    assert done(MeasureStatus.DONE, MeasureStatus.ONGOING) is MeasuresDone.SOME
    assert done(MeasureStatus.PLANNED) is MeasuresDone.NONE


# The evaluation and follow-up tests below run on a register file and on a server
# register (issue 20): the use cases on ``store_service``, the register's queries on a
# reader of either engine. On a server the login (the assessment's owner) records the
# evaluation, whoever the service names.


@pytest.fixture
def service(store_service):
    return store_service


@pytest.fixture
def reader(store):
    with registers.reader_on(store) as opened:
        yield opened


def measures_of(reader, query: MeasureQuery, after=None, limit: int = PAGE_SIZE):
    """A page of the follow-up list with a page size of the test's choosing (the port's
    ``measures_page`` uses the window's)."""
    if isinstance(reader, registers.SqliteReader):
        return measures_page(reader._register, query, after, limit)
    return reader.measures_page(query, after, limit)


@pytest.fixture
def approved(service, content):
    a = make(content, "Ändrade öppettider")
    a.measures.append(
        Measure(description="Skylta om", owner="Nils-Ánte Eira", deadline=date(2027, 2, 1))
    )
    service.repository.create(a)
    service.change_status(a, Status.IN_REVIEW)
    service.change_status(a, Status.APPROVED)
    return a


def followups(service, today: date) -> FollowUpService:
    return FollowUpService(
        service.repository, Identity("Máret Čuđe-Šolli", "maret"), today=lambda: today
    )


def test_an_evaluation_answers_the_follow_up_and_closes_measures(service, approved, reader) -> None:
    register = reader
    on = date(2027, 9, 10)
    due = RegisterQuery(evaluation_due=True, today=on)
    overdue = RegisterQuery(overdue=True, today=on)
    assert [r.id for r in register.rows(due)] == [approved.id]
    assert [r.id for r in register.rows(overdue)] == [approved.id]
    follow = followups(service, on)
    draft = follow.draft(service.repository.get(approved.id))
    assert draft.followup_date == FOLLOWUP
    assert [m.status for m in draft.measures] == [MeasureStatus.PLANNED, MeasureStatus.PLANNED]
    results = (
        replace(draft.measures[0], status=MeasureStatus.DONE, note="Infört i januari"),
        replace(draft.measures[1], status=MeasureStatus.ONGOING),
    )
    stored = follow.record(
        replace(
            draft,
            what_happened="Kvällsbesöken ökade igen.",
            measures=results,
            next_followup=date(2028, 9, 1),
        )
    )
    assert stored.id is not None and stored.recorded_at is not None
    assert follow.evaluations(approved.id) == [stored]
    row = next(register.rows(RegisterQuery(today=on)))
    assert row.next_followup == date(2028, 9, 1)
    assert not row.evaluation_due(on)
    assert row.open_measures == 1  # the evaluation says the first one is done
    assert [r.id for r in register.rows(due)] == []
    assert [r.id for r in register.rows(overdue)] == [approved.id]  # the ongoing one
    figures = portfolio_figures(service.repository.portfolio_entries(), on)
    assert [d.measure.description for d in figures.overdue] == ["Skylta om"]
    again = follow.draft(service.repository.get(approved.id))
    assert again.followup_date == date(2028, 9, 1)
    assert [m.status for m in again.measures] == [MeasureStatus.DONE, MeasureStatus.ONGOING]
    assert again.measures[0].note == "Infört i januari"
    later = RegisterQuery(evaluation_due=True, today=date(2028, 9, 1))
    assert [r.id for r in register.rows(later)] == [approved.id]


def test_only_approved_assessments_are_evaluated(service, content) -> None:
    draft = service.repository.create(make(content, "Utkast"))
    follow = followups(service, date(2027, 9, 10))
    with pytest.raises(WorkflowError, match="Only an approved"):
        follow.record(_evaluation(draft.id))
    assert follow.evaluations(draft.id) == []


def test_follow_up_list_of_measures(service, content, reader) -> None:
    repo = service.repository
    today = date(2026, 11, 23)
    deadlines = {
        "Försenad": date(2026, 11, 1),
        "Idag": date(2026, 11, 23),
        "Snart": date(2026, 12, 20),
        "Senare": date(2027, 3, 1),
    }
    a = make(content, "Åtgärder")
    a.measures = [
        Measure(description=name, owner="Sunná Kuoljok", deadline=day)
        for name, day in deadlines.items()
    ]
    a.measures.append(Measure(description="Klar", deadline=date(2026, 1, 1),
                              status=MeasureStatus.DONE))  # fmt: skip
    a.measures.append(Measure(description="Utan datum"))
    repo.create(a)
    register = reader

    def names(window: DueWindow, batch: int = 100) -> list[str]:
        query = MeasureQuery(window=window, today=today)
        page = measures_of(register, query, limit=batch)
        found = list(page.rows)
        while page.next_after is not None:
            page = measures_of(register, query, page.next_after, batch)
            found += page.rows
        assert register.measures_count(query) == len(found)
        return [m.description for m in found]

    assert names(DueWindow.OVERDUE) == ["Försenad"]
    assert names(DueWindow.DUE_SOON) == ["Idag", "Snart"]
    assert names(DueWindow.OVERDUE_OR_DUE_SOON, batch=1) == ["Försenad", "Idag", "Snart"]
    assert names(DueWindow.ALL_OPEN) == ["Försenad", "Idag", "Snart", "Senare"]
    first = measures_of(register, MeasureQuery(today=today)).rows[0]
    assert (first.owner, first.title, first.state(today)) == (
        "Sunná Kuoljok",
        "Åtgärder",
        DueState.OVERDUE,
    )
    # the same definitions as the portfolio report
    figures = portfolio_figures(repo.portfolio_entries(), today)
    assert [d.measure.description for d in figures.overdue] == names(DueWindow.OVERDUE)
    assert [d.measure.description for d in figures.due_soon] == names(DueWindow.DUE_SOON)
