"""The model's coded values (status, impact, outcome...), apart from the dataclasses.

The command line offers them as choices before it knows which command runs, and
``lika --help`` should not pay for building the model's dataclasses to list them;
``domain.model`` re-exports every one, so code names them from there as before.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    APPROVED = "approved"


# An approved assessment is final: its content never changes again (a change is a new
# revision). The storage's lock triggers refuse such writes as a second line of
# defence; tests/test_rules.py checks them against this set. (Here, beside ``Status``,
# so that the register's actions can ask without loading the domain model.)
FINAL = frozenset({Status.APPROVED})


def is_deletable(status: Status) -> bool:
    """An approved assessment is the record of what a body decided on: it stays.
    Its newer draft revision, and any draft, can be deleted."""
    return status not in FINAL


class Relevance(StrEnum):
    UNKNOWN = "unknown"
    RELEVANT = "relevant"
    NOT_RELEVANT = "not_relevant"


class Direction(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"
    MIXED = "mixed"
    NEUTRAL = "neutral"
    UNKNOWN = "unknown"

    @property
    def is_adverse(self) -> bool:
        """Negative and mixed impacts need a measure or a written justification."""
        return self in (Direction.NEGATIVE, Direction.MIXED)


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class RiskKind(StrEnum):
    DIRECT = "direct_discrimination"
    INDIRECT = "indirect_discrimination"
    ACCESSIBILITY = "lack_of_accessibility"
    HARASSMENT = "harassment"


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        """Planned or ongoing: still to be done."""
        return self in (MeasureStatus.PLANNED, MeasureStatus.ONGOING)


class Outcome(StrEnum):
    PROCEED_UNCHANGED = "proceed_unchanged"
    PROCEED_WITH_MEASURES = "proceed_with_measures"
    PROCEED_DESPITE_NEGATIVE = "proceed_despite_negative"
    DO_NOT_PROCEED = "do_not_proceed"
    INVESTIGATE_FURTHER = "investigate_further"


class Trust(StrEnum):
    """How the register knows a recorded status change (``status_changes.trust``).

    ``WITNESSED``: made in this register by Lika. ``SIGNED``: an approval that arrived
    in a file with a signature by a key this register trusts. ``UNVERIFIED``: an
    approval that arrived in a file without one: a claim, kept in the history, that
    approves nothing. ``IMPORTED``: any other status change from a file."""

    WITNESSED = "witnessed"
    SIGNED = "signed"
    UNVERIFIED = "unverified"
    IMPORTED = "imported"


class SortKey(StrEnum):
    """Every column the register can be sorted by (one per column of the list)."""

    TITLE = "title"
    CASE_NUMBER = "case_number"
    UNIT = "unit"
    DECISION_BODY = "decision_body"
    STATUS = "status"
    REVISION = "revision"
    AUTHOR = "author"
    REVIEWER = "reviewer"
    UPDATED = "updated"
    OUTCOME = "outcome"
    ADVERSE_GROUNDS = "adverse_grounds"
    OPEN_MEASURES = "open_measures"
    NEXT_FOLLOWUP = "next_followup"
    DECISION_TYPE = "decision_type"
