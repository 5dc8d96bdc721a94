"""Each rule lives in one place: the domain's, and everything else asks it or is
checked against it (the SQL lock triggers, the service, the editor)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.domain.evaluation import can_be_evaluated, evaluation_due
from desktop_app.domain.model import Status
from desktop_app.domain.workflow import EDITABLE, FINAL, Lock, is_deletable, lock
from desktop_app.storage.review_schema import REFUSED_PREFIX
from tests.helpers import complete_assessment


def _refused(repository, sql: str, params: list) -> bool:
    try:
        with repository.db.conn:
            repository.db.execute(sql, params)
    except sqlite3.DatabaseError as error:
        assert str(error).startswith(REFUSED_PREFIX), error
        return True
    return False


@pytest.mark.parametrize("status", list(Status))
def test_the_lock_triggers_refuse_exactly_what_the_domain_calls_final(
    repository, content, status
) -> None:
    """The triggers are the second line of defence behind ``workflow.FINAL``: they must
    neither let a final assessment change nor stop one the domain allows to change."""
    stored = repository.create(complete_assessment(content))
    assert stored.id is not None
    with repository.db.conn:  # set the status as a status change would (allowed)
        repository.db.execute(
            "UPDATE assessments SET status = ? WHERE id = ?", [status.value, stored.id]
        )
    title = _refused(
        repository, "UPDATE assessments SET title = 'changed' WHERE id = ?", [stored.id]
    )
    measures = _refused(repository, "DELETE FROM measures WHERE assessment_id = ?", [stored.id])
    assert title is (status in FINAL)
    assert measures is (status in FINAL)


def test_final_content_is_never_editable_and_never_deleted() -> None:
    assert not FINAL & EDITABLE
    assert all(not is_deletable(s) for s in FINAL)
    assert all(is_deletable(s) for s in Status if s not in FINAL)


@pytest.mark.parametrize(
    ("status", "newest", "expected"),
    [
        (Status.DRAFT, None, Lock.OPEN),
        (Status.RETURNED, 1, Lock.OPEN),
        (Status.DRAFT, 2, Lock.OLDER_REVISION),
        (Status.IN_REVIEW, 2, Lock.IN_REVIEW),
        (Status.APPROVED, 2, Lock.APPROVED),
        (Status.APPROVED, None, Lock.APPROVED),
    ],
)
def test_lock_names_why_an_assessment_is_read_only(content, status, newest, expected) -> None:
    a = complete_assessment(content)
    a.status = status
    assert lock(a, newest) is expected


def test_the_service_and_the_domain_agree_on_the_lock(service, content) -> None:
    a = service.new_assessment(title="Lock")
    assert service.review.lock(a) is Lock.OPEN
    assert service.review.read_only_reason(a) == ""
    a.status = Status.IN_REVIEW
    assert service.review.lock(a) is Lock.IN_REVIEW
    assert service.review.is_read_only(a)
    a.status = Status.APPROVED
    assert service.review.lock(a) is Lock.APPROVED
    assert "approved" in service.review.read_only_reason(a)


def test_only_approved_assessments_are_evaluated() -> None:
    assert [s for s in Status if can_be_evaluated(s)] == [Status.APPROVED]
    from datetime import date

    day = date(2027, 1, 1)
    assert [s for s in Status if evaluation_due(s, day, day)] == [Status.APPROVED]
