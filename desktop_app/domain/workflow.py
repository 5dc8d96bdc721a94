"""The review workflow: which status changes exist and what each requires.

draft → in review → approved, and in review → returned → draft. Nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from desktop_app.domain.completeness import Gap
from desktop_app.domain.errors import WorkflowError
from desktop_app.domain.fingerprint import content_digest
from desktop_app.domain.model import Assessment, Status, StatusChange

ALLOWED: frozenset[tuple[Status, Status]] = frozenset(
    {
        (Status.DRAFT, Status.IN_REVIEW),
        (Status.IN_REVIEW, Status.APPROVED),
        (Status.IN_REVIEW, Status.RETURNED),
        (Status.RETURNED, Status.DRAFT),
    }
)

# Moving into these statuses asserts the assessment is complete.
_NEEDS_COMPLETE = frozenset({Status.IN_REVIEW, Status.APPROVED})

# The caseworker edits only these; in review the reviewer reads what was submitted.
EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})


def is_editable(assessment: Assessment) -> bool:
    """Whether the caseworker may change the assessment now (not in review, not approved)."""
    return assessment.status in EDITABLE


def check_deletable(status: Status) -> None:
    """An approved assessment is the record of what a body decided on: it stays.
    Its newer draft revision, and any draft, can be deleted."""
    if status is Status.APPROVED:
        raise WorkflowError(
            "An approved assessment cannot be deleted: it is the record of what was approved"
        )


def describe_gaps(gaps: Sequence[Gap], limit: int = 5) -> str:
    """The missing items by field path, e.g. ``decision.title; ground.age.severity``."""
    named = [".".join(g.path) for g in gaps[:limit]]
    if len(gaps) > limit:
        named.append(f"and {len(gaps) - limit} more")
    return "; ".join(named)


def allowed_targets(status: Status) -> list[Status]:
    return [to for (frm, to) in sorted(ALLOWED) if frm is status]


def change_status(
    assessment: Assessment,
    to: Status,
    *,
    actor: str,
    os_user: str,
    at: datetime,
    gaps: Sequence[Gap],
    comment: str = "",
) -> StatusChange:
    """Move ``assessment`` to ``to`` and return the record of it, or refuse."""
    frm = assessment.status
    if (frm, to) not in ALLOWED:
        raise WorkflowError(f"An assessment cannot go from {frm.value} to {to.value}")
    if to in _NEEDS_COMPLETE and gaps:
        raise WorkflowError(
            f"The assessment is not complete: {len(gaps)} required item(s) missing "
            f"({describe_gaps(gaps)})"
        )
    if not actor.strip():
        raise WorkflowError("A status change needs the name of the person making it")
    assessment.status = to
    return StatusChange(
        from_status=frm,
        to_status=to,
        actor=actor,
        os_user=os_user,
        at=at,
        comment=comment,
        fingerprint=content_digest(assessment) if to is Status.APPROVED else "",
    )
