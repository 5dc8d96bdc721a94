"""The ``approvals`` check's verdict, shared by a register file and a server register
(``storage.approval_findings``)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_app.domain.model import Status, StatusChange
from desktop_app.storage.approval_findings import approval_findings


def _change(from_status: Status | None, to_status: Status, fingerprint: str = "") -> StatusChange:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return StatusChange(from_status, to_status, "Anna Berg", "anna", at, fingerprint=fingerprint)


def test_a_status_the_history_does_not_lead_to_is_one_finding_not_two() -> None:
    """Approved, reopened, then set back to approved behind Lika: the status is the
    finding; the old approval's fingerprint is not held against content that was
    rightly changed after the reopening (both engines report the same)."""
    history = [
        _change(None, Status.DRAFT),
        _change(Status.DRAFT, Status.IN_REVIEW),
        _change(Status.IN_REVIEW, Status.APPROVED, "0" * 64),
        _change(Status.APPROVED, Status.DRAFT),
    ]
    asked: list[list[int]] = []

    def contents(ids: list[int]) -> list:
        asked.append(ids)
        return []

    found = approval_findings([(1, "approved", history), (2, "draft", [])], contents)
    assert found == [
        f"assessment 1 is approved, but its approval record leads to {Status.DRAFT.value}"
    ]
    assert asked == [[]]
