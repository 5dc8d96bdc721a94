"""What the portfolio report (PDF and CSV) shows: the figures from
``domain.portfolio.portfolio_figures`` (the same function behind the register's
overview) plus the names it needs in the report's language."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.checklist import Checklist, ChecklistKind
from desktop_app.domain.decision_types import DecisionType, type_label
from desktop_app.domain.model import Direction, Language, Relevance
from desktop_app.domain.portfolio import (
    DUE_SOON_DAYS,
    Period,
    PortfolioEntry,
    PortfolioFigures,
    portfolio_figures,
)
from desktop_app.domain.vocabulary import Vocabulary


@dataclass(frozen=True)
class PortfolioInput:
    figures: PortfolioFigures
    period: Period
    unit: str | None
    generated: date
    language: Language
    vocabulary: Vocabulary
    checklists: Sequence[Checklist]
    due_soon_days: int = DUE_SOON_DAYS
    decision_types: Mapping[str, DecisionType] = field(default_factory=dict)

    def t(self, key: str, **values: object) -> str:
        return self.vocabulary.text(key, self.language, **values)

    def framework_name(self, framework_id: str) -> str:
        for checklist in self.checklists:
            if checklist.id == framework_id:
                return checklist.name.get(self.language)
        return framework_id

    def decision_type_name(self, key: str) -> str:
        """A type's name; "not chosen" for none; its key where it is not installed."""
        if not key:
            return self.t("decision_type.none")
        return type_label(self.decision_types, key, self.language.value)

    def decision_type_order(self) -> list[str]:
        """Types with assessments, in the types' own order, unknown keys and none last."""
        counted = self.figures.by_decision_type
        known = [key for key in self.decision_types if key in counted]
        return [
            *known,
            *sorted(k for k in counted if k not in known and k),
            *([""] * ("" in counted)),
        ]

    def ground_label(self, key: str) -> str:
        """The ground's name from the first checklist that has it (frameworks first)."""
        for checklist in self._ordered_checklists():
            for ground in checklist.grounds:
                if ground.key == key:
                    return ground.label(self.language)
        return key

    def ground_order(self) -> list[str]:
        """Every ground key with figures, in checklist order (unknown keys last)."""
        keys = set(self.figures.impacts) | set(self.figures.not_relevant)
        ordered = [g.key for c in self._ordered_checklists() for g in c.grounds if g.key in keys]
        seen: list[str] = []
        for key in [*ordered, *sorted(keys)]:
            if key not in seen:
                seen.append(key)
        return seen

    def framework_grounds(self, entry: PortfolioEntry) -> list[str]:
        """The grounds an entry is judged on: its framework's, then any others it has."""
        keys = [g.key for c in self.checklists if c.id == entry.framework_id for g in c.grounds]
        return [*keys, *(k for k in entry.grounds if k not in keys)]

    def _ordered_checklists(self) -> list[Checklist]:
        # The framework most assessments in the period follow names the grounds, so the
        # report says "Etnisk tillhörighet" as those assessments' own PDFs do.
        used = self.figures.by_framework
        return sorted(
            self.checklists,
            key=lambda c: (c.kind is not ChecklistKind.FRAMEWORK, -used.get(c.id, 0), c.id),
        )


def make_portfolio_input(
    entries: Iterable[PortfolioEntry],
    *,
    period: Period,
    unit: str | None,
    today: date,
    language: Language,
    vocabulary: Vocabulary,
    checklists: Sequence[Checklist],
    decision_types: Mapping[str, DecisionType] | None = None,
) -> PortfolioInput:
    return PortfolioInput(
        figures=portfolio_figures(entries, today),
        period=period,
        unit=unit,
        generated=today,
        language=language,
        vocabulary=vocabulary,
        checklists=checklists,
        decision_types=dict(decision_types or {}),
    )


def adverse(entry: PortfolioEntry) -> bool:
    return any(
        g.relevance is Relevance.RELEVANT and g.direction is not None and g.direction.is_adverse
        for g in entry.grounds.values()
    )


def open_measures(entry: PortfolioEntry) -> int:
    return sum(1 for m in entry.measures if m.is_open)


def overdue_measures(entry: PortfolioEntry, today: date) -> int:
    return sum(
        1 for m in entry.measures if m.is_open and m.deadline is not None and m.deadline < today
    )


IMPACT_ORDER: tuple[Direction | None, ...] = (
    Direction.NEGATIVE,
    Direction.MIXED,
    Direction.POSITIVE,
    Direction.NEUTRAL,
    Direction.UNKNOWN,
    None,
)
