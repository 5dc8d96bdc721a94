"""What a save checks against the stored row, in its transaction, on either engine:
the same refusals and words whether the register is a file or on a server."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_app.domain.errors import NotFoundError, WorkflowError
from desktop_app.domain.model import Assessment, Status
from desktop_app.storage.errors import ConflictError

CHANGED_ELSEWHERE = (
    "This assessment was changed elsewhere after you opened it; reload it to see the other changes"
)


def check_saveable(stored: Mapping[str, Any] | None, assessment: Assessment) -> None:
    """``assessment`` may be saved over ``stored`` (its row, or None when gone): the
    same one (an id can be reused), unchanged since loaded, and not approved."""
    if stored is None or stored["uid"] != assessment.uid:
        raise NotFoundError(f"Assessment {assessment.id} was deleted elsewhere after you opened it")
    if stored["version"] != assessment.version:
        raise ConflictError(CHANGED_ELSEWHERE)
    if stored["status"] == Status.APPROVED.value:
        raise WorkflowError("An approved assessment cannot be changed; start a new revision")
