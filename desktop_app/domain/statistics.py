"""Sex-disaggregated statistics: tables of figures for women, men, girls and boys.

Gender mainstreaming practice (SKR's checklist, the 3R method) asks a decision paper
for figures by sex, not only for a yes to "are there statistics?". A table belongs to
the decision (``target`` empty) or to one ground (``target`` is its key), says what it
counts (the people affected, or one of the 3R questions), whether its figures are
counts or percentages, and where and when they come from.

A table checks itself (``check_table``): percentages add up to about 100, counts to the
total stated, counts are whole and nothing is negative, and a table that gives women
gives men too (girls and boys likewise: 0 where there are none). Nothing here knows about Qt
or SQL; tables are immutable and replaced whole when edited.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from desktop_app.domain.errors import InputError
from desktop_app.domain.uids import new_uid

# The rows of every table, in the order they are shown and printed.
SEX_ROWS: tuple[str, ...] = ("women", "men", "girls", "boys", "other")
# Rows that only make sense together: one without the other is not disaggregated by sex.
SEX_PAIRS: tuple[tuple[str, str], ...] = (("women", "men"), ("girls", "boys"))
# Percentages rounded to whole numbers may add up to 99 or 101.
PERCENT_TOLERANCE = 1.0
EARLIEST_YEAR, LATEST_YEAR = 1900, 2999
MAX_FIGURE = 1e12


class StatisticsTopic(StrEnum):
    """What a table's figures are about: the people affected, or one of the 3R."""

    AFFECTED = "affected"
    REPRESENTATION = "representation"
    RESOURCES = "resources"
    REALIA = "realia"


class FigureUnit(StrEnum):
    COUNT = "count"
    PERCENT = "percent"


class StatisticsProblem(StrEnum):
    """Why a table does not check; the texts (sv, nb, en) are in the vocabulary."""

    NO_FIGURES = "no_figures"
    NEGATIVE = "negative"
    NOT_WHOLE = "not_whole"
    OVER_100 = "over_100"
    PERCENT_SUM = "percent_sum"
    TOTAL_MISMATCH = "total_mismatch"
    UNBALANCED = "unbalanced"
    NO_SOURCE = "no_source"
    NO_YEAR = "no_year"
    YEAR_RANGE = "year_range"


@dataclass(frozen=True)
class StatisticsTable:
    """One table of figures by sex. ``total`` is, for counts, the total the figures
    must add up to (None: not stated) and, for percentages, how many people the
    percentages are of (not checked against the figures)."""

    uid: str = field(default_factory=new_uid)
    target: str = ""
    topic: StatisticsTopic = StatisticsTopic.AFFECTED
    label: str = ""
    unit: FigureUnit = FigureUnit.COUNT
    women: float | None = None
    men: float | None = None
    girls: float | None = None
    boys: float | None = None
    other: float | None = None
    total: float | None = None
    source: str = ""
    year: int | None = None

    def figure(self, row: str) -> float | None:
        if row not in SEX_ROWS:
            raise KeyError(row)
        value: float | None = getattr(self, row)
        return value

    def figures(self) -> dict[str, float | None]:
        return {row: self.figure(row) for row in SEX_ROWS}

    def with_figure(self, row: str, value: float | None) -> StatisticsTable:
        self.figure(row)  # a KeyError for a row that is not one
        changes: dict[str, Any] = {row: value}
        return replace(self, **changes)

    @property
    def given(self) -> dict[str, float]:
        """The rows that have a figure."""
        return {row: v for row, v in self.figures().items() if v is not None}

    @property
    def sum(self) -> float | None:
        values = list(self.given.values())
        return math.fsum(values) if values else None

    @property
    def description(self) -> str:
        """How the audit log and the comparison show the table: its label and figures."""
        figures = ", ".join(f"{row} {format_number(v)}" for row, v in self.given.items())
        if self.total is not None:
            figures += f"{', ' if figures else ''}total {format_number(self.total)}"
        name = self.label or self.topic.value
        return f"{name} ({figures})" if figures else name


@dataclass(frozen=True)
class Finding:
    """One reason a table does not check: ``row`` for a problem with one figure, and
    the numbers the message needs (the sum found, the total expected)."""

    problem: StatisticsProblem
    row: str | None = None
    found: float | None = None
    expected: float | None = None


def _whole(value: float) -> bool:
    return float(value).is_integer()


def check_table(table: StatisticsTable) -> list[Finding]:
    """Everything that is wrong with ``table``; empty when it checks."""
    found: list[Finding] = []
    given = table.given
    if not given:
        found.append(Finding(StatisticsProblem.NO_FIGURES))
    for row, value in given.items():
        if value < 0:
            found.append(Finding(StatisticsProblem.NEGATIVE, row, value))
        elif table.unit is FigureUnit.COUNT and not _whole(value):
            found.append(Finding(StatisticsProblem.NOT_WHOLE, row, value))
        elif table.unit is FigureUnit.PERCENT and value > 100:
            found.append(Finding(StatisticsProblem.OVER_100, row, value))
    if table.total is not None and table.total < 0:
        found.append(Finding(StatisticsProblem.NEGATIVE, None, table.total))
    total = table.sum
    if total is not None and table.unit is FigureUnit.PERCENT:
        if abs(total - 100) > PERCENT_TOLERANCE:
            found.append(Finding(StatisticsProblem.PERCENT_SUM, None, total, 100))
    elif (
        total is not None
        and table.total is not None
        and not math.isclose(total, table.total, abs_tol=1e-9)
    ):
        found.append(Finding(StatisticsProblem.TOTAL_MISMATCH, None, total, table.total))
    for pair in SEX_PAIRS:
        missing = [row for row in pair if row not in given]
        if len(missing) == 1:
            found.append(Finding(StatisticsProblem.UNBALANCED, missing[0]))
    if not table.source.strip():
        found.append(Finding(StatisticsProblem.NO_SOURCE))
    if table.year is None:
        found.append(Finding(StatisticsProblem.NO_YEAR))
    elif not EARLIEST_YEAR <= table.year <= LATEST_YEAR:
        found.append(Finding(StatisticsProblem.YEAR_RANGE, None, table.year))
    return found


def has_figures(tables: list[StatisticsTable]) -> bool:
    """Whether any table holds at least one figure: "had sex-disaggregated data"."""
    return any(t.given for t in tables)


def format_number(value: float | None) -> str:
    """A figure as plain text: whole numbers without decimals, others with up to two."""
    if value is None:
        return ""
    if _whole(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


# Plain data (exchange file, fingerprint, demo)


def _number(value: float | None) -> int | float | None:
    """Whole figures travel as integers, so a count never reads ``12.0``."""
    if value is None:
        return None
    return int(value) if _whole(value) else value


def table_to_dict(table: StatisticsTable) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for f in fields(table):
        value = getattr(table, f.name)
        if isinstance(value, StrEnum):
            value = value.value
        elif f.name in (*SEX_ROWS, "total"):
            value = _number(value)
        data[f.name] = value
    return data


def _figure(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{where}: {str(value)[:40]!r} is not a number")
    if not math.isfinite(value) or abs(value) > MAX_FIGURE:
        raise InputError(f"{where}: {value!r} is out of range")
    return float(value)


def table_from_dict(data: Any, where: str) -> StatisticsTable:
    """The inverse of ``table_to_dict``; raises ``InputError`` naming the bad place."""
    if not isinstance(data, dict):
        raise InputError(f"{where} must be an object")
    names = {f.name for f in fields(StatisticsTable)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise InputError(f"{where}: unknown field {unknown[0]!r}")
    values: dict[str, Any] = {}
    try:
        for name, value in data.items():
            if name in (*SEX_ROWS, "total"):
                values[name] = _figure(value, f"{where}.{name}")
            elif name == "topic":
                values[name] = StatisticsTopic(value)
            elif name == "unit":
                values[name] = FigureUnit(value)
            elif name == "year":
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    raise InputError(f"{where}.year: {str(value)[:40]!r} is not a year")
                values[name] = value
            elif not isinstance(value, str):
                raise InputError(f"{where}.{name}: should be text")
            else:
                values[name] = value
    except ValueError as error:
        raise InputError(f"{where}: {error}") from None
    return StatisticsTable(**values)
