"""The ``approvals`` check's verdict on the approval records, for a register file and
a server register alike: each engine reads the rows, this judges them.

An assessment's status must be where its current history leads (draft without one),
except an unverified claim, which arrives in review. Where the status is somewhere
else, that is the finding: its last approval's fingerprint is not compared with the
content, which may rightly have changed since (a reopened assessment whose status was
set back to approved would otherwise also be reported as changed after its approval).
An approved assessment whose status holds has its content compared with the
fingerprint its last approval recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from desktop_app.domain.fingerprint import matches_content, shown
from desktop_app.domain.model import Assessment, Status, StatusChange


def approval_findings(
    histories: Iterable[tuple[int, str, list[StatusChange]]],
    contents: Callable[[list[int]], Iterable[Assessment]],
) -> list[str]:
    """What is wrong with ``histories`` (each assessment's id, stored status and
    current history) and with the approved content ``contents`` reads for the ids it
    is given (as stored, in any order)."""
    found: list[str] = []
    recorded: dict[int, str] = {}  # approved assessment -> its approval's fingerprint
    for ident, status, history in histories:
        leads_to = history[-1].to_status.value if history else Status.DRAFT.value
        if status != leads_to and not (
            history and history[-1].unverified_claim and status == Status.IN_REVIEW.value
        ):
            found.append(
                f"assessment {ident} is {status}, but its approval record leads to {leads_to}"
            )
            continue
        approvals = [c for c in history if c.approves]
        if status == Status.APPROVED.value and approvals and approvals[-1].fingerprint:
            recorded[ident] = approvals[-1].fingerprint
    for assessment in contents(list(recorded)):
        assert assessment.id is not None
        if not matches_content(recorded[assessment.id], assessment):
            found.append(
                f"assessment {assessment.id} was changed after its approval: its content "
                f"no longer matches the approved fingerprint {shown(recorded[assessment.id])}"
            )
    return found
