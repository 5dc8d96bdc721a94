"""Sex-disaggregated statistics tables: the checks a table makes of itself, and the
tables as plain data."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import InputError
from desktop_app.domain.statistics import (
    FigureUnit,
    StatisticsProblem,
    StatisticsTable,
    check_table,
    format_number,
    has_figures,
    table_from_dict,
    table_to_dict,
)

P = StatisticsProblem


def problems(table: StatisticsTable) -> list[StatisticsProblem]:
    return [f.problem for f in check_table(table)]


def counts(**figures: float | None) -> StatisticsTable:
    return StatisticsTable(label="Elever", source="Skolsystemet", year=2026, **figures)


def test_counts_that_add_up_to_the_stated_total_check() -> None:
    assert problems(counts(women=31, men=33, total=64)) == []


def test_counts_that_do_not_add_up_to_the_total_are_named_with_both_numbers() -> None:
    (finding,) = check_table(counts(girls=31, boys=32, total=64))
    assert finding.problem is P.TOTAL_MISMATCH
    assert (finding.found, finding.expected) == (63, 64)


def test_counts_without_a_stated_total_are_not_compared() -> None:
    assert problems(counts(women=10, men=3)) == []


def test_a_count_must_be_whole_and_not_negative() -> None:
    found = check_table(counts(women=10.5, men=-1))
    assert [(f.problem, f.row) for f in found] == [(P.NOT_WHOLE, "women"), (P.NEGATIVE, "men")]


def test_percentages_must_add_up_to_about_100() -> None:
    table = StatisticsTable(unit=FigureUnit.PERCENT, source="SCB", year=2025)
    assert problems(table.with_figure("women", 48.6).with_figure("men", 51.4)) == []
    # Rounded to whole numbers, three thirds make 99: accepted.
    thirds = table.with_figure("women", 33).with_figure("men", 33).with_figure("other", 33)
    assert problems(thirds) == []
    off = table.with_figure("women", 60).with_figure("men", 30)
    (finding,) = check_table(off)
    assert (finding.problem, finding.found) == (P.PERCENT_SUM, 90)


def test_a_percentage_over_100_is_refused_and_a_percent_total_is_the_base() -> None:
    table = StatisticsTable(unit=FigureUnit.PERCENT, women=120, total=14, source="x", year=2020)
    assert P.OVER_100 in problems(table)
    # For percentages the total is how many people they are of, not their sum.
    assert P.TOTAL_MISMATCH not in problems(table)


def test_a_table_needs_figures_a_source_and_a_year_in_range() -> None:
    assert problems(StatisticsTable()) == [P.NO_FIGURES, P.NO_SOURCE, P.NO_YEAR]
    assert problems(StatisticsTable(women=1, men=1, source="x", year=1850)) == [P.YEAR_RANGE]


def test_a_table_that_gives_one_sex_of_a_pair_names_the_other() -> None:
    found = check_table(counts(women=12, boys=3))
    assert [(f.problem, f.row) for f in found] == [(P.UNBALANCED, "men"), (P.UNBALANCED, "girls")]
    # Zero is a figure: "no men" is said by writing 0.
    assert problems(counts(women=12, men=0)) == []
    assert problems(counts(girls=4, boys=5, other=1)) == []
    percent = StatisticsTable(unit=FigureUnit.PERCENT, men=100, source="x", year=2025)
    assert problems(percent) == [P.UNBALANCED]


def test_has_figures_counts_only_tables_with_a_number() -> None:
    assert not has_figures([StatisticsTable(label="tom", source="x")])
    assert has_figures([StatisticsTable(), StatisticsTable(boys=0)])


def test_numbers_are_shown_without_needless_decimals() -> None:
    assert [format_number(v) for v in (12.0, 48.25, 33.333, None)] == ["12", "48.25", "33.33", ""]


def test_plain_data_round_trips_and_whole_figures_stay_integers() -> None:
    table = counts(women=31, men=33.5, total=64.5)
    data = table_to_dict(table)
    assert data["women"] == 31 and isinstance(data["women"], int)
    assert table_from_dict(data, "t") == table


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"women": "12"}, "t.women: '12' is not a number"),
        ({"women": True}, "t.women: 'True' is not a number"),
        ({"year": 2026.5}, "t.year: '2026.5' is not a year"),
        ({"unit": "dozens"}, "'dozens' is not a valid FigureUnit"),
        ({"colour": "red"}, "unknown field 'colour'"),
    ],
)
def test_bad_plain_data_is_refused_naming_the_place(change: dict, message: str) -> None:
    with pytest.raises(InputError, match=message.replace(".", r"\.")):
        table_from_dict({**table_to_dict(counts(women=1)), **change}, "t")
