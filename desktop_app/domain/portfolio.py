"""Figures across many assessments: the strategist's overview and the portfolio report.

One function, ``portfolio_figures``, computes them for both the window's overview and
the PDF/CSV report, so the two can never disagree. It works on light
``PortfolioEntry`` records (what the register stores per assessment, without texts)
so it stays fast for a register of tens of thousands of assessments.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop_app.domain.errors import InputError
from desktop_app.domain.followup import DUE_SOON_DAYS as DUE_SOON_DAYS  # re-exported
from desktop_app.domain.model import (
    Direction,
    MeasureStatus,
    Outcome,
    Relevance,
    Severity,
    Status,
)


@dataclass(frozen=True)
class Period:
    """A closed date range; an assessment belongs to it by its decision date
    (or, while that is not set, the day it was created)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InputError(
                f"The period ends ({self.end.isoformat()}) before it starts "
                f"({self.start.isoformat()})"
            )

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class GroundImpact:
    relevance: Relevance
    direction: Direction | None = None
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class MeasureFacts:
    uid: str
    description: str
    owner: str
    deadline: date | None
    status: MeasureStatus

    @property
    def is_open(self) -> bool:
        return self.status.is_open


@dataclass(frozen=True, slots=True)
class PortfolioEntry:
    """What the figures need to know about one assessment."""

    id: int
    title: str
    case_number: str
    unit: str
    status: Status
    framework_id: str
    decision_date: date | None
    created: date
    followup_date: date | None
    grounds: dict[str, GroundImpact] = field(default_factory=dict)
    measures: tuple[MeasureFacts, ...] = ()
    outcome: Outcome | None = None
    # At least one statistics table with a figure (sex-disaggregated data).
    has_statistics: bool = False
    decision_type: str = ""  # "" for none chosen

    @property
    def reference_date(self) -> date:
        return self.decision_date or self.created


@dataclass(frozen=True, slots=True)
class DueMeasure:
    entry: PortfolioEntry
    measure: MeasureFacts


@dataclass(frozen=True)
class PortfolioFigures:
    total: int
    by_status: dict[Status, int]
    by_framework: dict[str, int]
    # ground key -> direction (None = relevant, direction not yet given) -> count
    impacts: dict[str, dict[Direction | None, int]]
    not_relevant: dict[str, int]
    overdue: list[DueMeasure]
    due_soon: list[DueMeasure]
    entries: list[PortfolioEntry]
    # "N of M decisions had sex-disaggregated data": N (M is ``total``)
    with_statistics: int = 0
    # decision type key ("" for none chosen) -> count
    by_decision_type: dict[str, int] = field(default_factory=dict)


def select(
    entries: Iterable[PortfolioEntry], period: Period | None = None, unit: str | None = None
) -> list[PortfolioEntry]:
    """The entries in ``period`` and ``unit`` (exact match), in reference-date order."""
    chosen = [
        e
        for e in entries
        if (period is None or e.reference_date in period) and (unit is None or e.unit == unit)
    ]
    return sorted(chosen, key=lambda e: (e.reference_date, e.id))


def portfolio_figures(
    entries: Iterable[PortfolioEntry], today: date, due_soon_days: int = DUE_SOON_DAYS
) -> PortfolioFigures:
    """Counts per status and framework, impacts per ground, and the measures that are
    overdue (open, deadline passed) or due soon (open, deadline within the window)."""
    entries = list(entries)
    impacts: dict[str, Counter[Direction | None]] = {}
    not_relevant: Counter[str] = Counter()
    overdue: list[DueMeasure] = []
    due_soon: list[DueMeasure] = []
    horizon = today + timedelta(days=due_soon_days)
    for entry in entries:
        for key, impact in entry.grounds.items():
            if impact.relevance is Relevance.RELEVANT:
                impacts.setdefault(key, Counter())[impact.direction] += 1
            elif impact.relevance is Relevance.NOT_RELEVANT:
                not_relevant[key] += 1
        for measure in entry.measures:
            if not measure.is_open or measure.deadline is None:
                continue
            if measure.deadline < today:
                overdue.append(DueMeasure(entry, measure))
            elif measure.deadline <= horizon:
                due_soon.append(DueMeasure(entry, measure))

    def by_deadline(item: DueMeasure) -> tuple[date, int]:
        assert item.measure.deadline is not None
        return item.measure.deadline, item.entry.id

    return PortfolioFigures(
        total=len(entries),
        by_status=dict(Counter(e.status for e in entries)),
        by_framework=dict(Counter(e.framework_id for e in entries)),
        impacts={key: dict(counts) for key, counts in impacts.items()},
        not_relevant=dict(not_relevant),
        overdue=sorted(overdue, key=by_deadline),
        due_soon=sorted(due_soon, key=by_deadline),
        entries=entries,
        with_statistics=sum(1 for e in entries if e.has_statistics),
        by_decision_type=dict(Counter(e.decision_type for e in entries)),
    )
