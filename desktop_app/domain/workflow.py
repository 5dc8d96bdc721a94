"""The review workflow: which status changes exist and what each requires.

draft → in review → approved, and in review → returned → draft. Nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from desktop_app.domain.codes import FINAL as FINAL
from desktop_app.domain.codes import is_deletable
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


class Lock(StrEnum):
    """Why the caseworker cannot edit an assessment now; OPEN when they can."""

    OPEN = "open"
    IN_REVIEW = "in_review"  # submitted: the reviewer reads what was submitted
    APPROVED = "approved"  # final; changes belong in a new revision
    OLDER_REVISION = "older_revision"  # a newer revision of the decision exists


def lock(assessment: Assessment, newest_revision: int | None = None) -> Lock:
    """The one rule of "approved or in review (or superseded) means read-only".
    ``newest_revision``: the newest revision number of the decision in the register
    (None when unknown, e.g. not stored yet)."""
    if assessment.status in FINAL:
        return Lock.APPROVED
    if assessment.status not in EDITABLE:
        return Lock.IN_REVIEW
    if newest_revision is not None and newest_revision > assessment.revision:
        return Lock.OLDER_REVISION
    return Lock.OPEN


def check_deletable(status: Status) -> None:
    """``is_deletable``, as a refusal with the reason."""
    if not is_deletable(status):
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
    role: str = "",
) -> StatusChange:
    """Move ``assessment`` to ``to`` and return the record of it, or refuse. ``role``
    is the actor's role title, recorded with the change."""
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
        role=role.strip(),
    )
