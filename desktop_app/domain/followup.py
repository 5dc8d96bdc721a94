"""Step 4 across the register: which measures are overdue or due soon, and who owns them.

The window's follow-up view lists them; the definitions (overdue: open and past its
deadline; due soon: open and due within ``DUE_SOON_DAYS``) are the portfolio report's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from desktop_app.domain.model import MeasureStatus, Status

# Due soon: open and due within this many days (the portfolio report's definition too,
# ``domain.portfolio``, which takes it from here: the register's words need this module,
# not the portfolio's).
DUE_SOON_DAYS = 30


class DueWindow(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    OVERDUE_OR_DUE_SOON = "overdue_or_due_soon"
    ALL_OPEN = "all_open"


class DueState(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    LATER = "later"


@dataclass(frozen=True)
class MeasureQuery:
    """Open measures (planned or ongoing) with a deadline, of the newest revisions."""

    window: DueWindow = DueWindow.OVERDUE_OR_DUE_SOON
    unit: str | None = None
    today: date = field(default_factory=date.today)
    due_soon_days: int = DUE_SOON_DAYS

    @property
    def horizon(self) -> date:
        """The last day that counts as "due soon"."""
        return self.today + timedelta(days=self.due_soon_days)


@dataclass(frozen=True)
class DueMeasureRow:
    id: int
    assessment_id: int
    measure_uid: str
    description: str
    owner: str
    deadline: date
    status: MeasureStatus
    title: str
    case_number: str
    unit: str
    assessment_status: Status

    def state(self, today: date, due_soon_days: int = DUE_SOON_DAYS) -> DueState:
        if self.deadline < today:
            return DueState.OVERDUE
        if self.deadline <= today + timedelta(days=due_soon_days):
            return DueState.DUE_SOON
        return DueState.LATER


@dataclass(frozen=True)
class MeasurePage:
    rows: list[DueMeasureRow]
    next_after: tuple[str, int] | None
