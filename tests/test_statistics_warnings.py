"""Statistics tables that do not check are remarks in the list of what is left (and in
the review view), in sv, nb and en; they never stop a submission."""

from __future__ import annotations

import pytest

from desktop_app.domain.completeness import find_gaps, step_gaps
from desktop_app.domain.model import Language, Relevance
from desktop_app.domain.statistics import StatisticsProblem, StatisticsTable
from desktop_app.domain.statistics_warnings import (
    find_statistics_warnings,
    tables_that_do_not_check,
)
from tests.helpers import complete_assessment

GROUNDS = ["sex", "age"]


def good(**values: object) -> StatisticsTable:
    return StatisticsTable(source="SCB", year=2025, **values)  # type: ignore[arg-type]


def test_tables_that_check_give_no_remark(content) -> None:
    a = complete_assessment(content)
    a.statistics = [good(women=3, men=4, total=7), good(target="sex", girls=1, boys=0)]
    assert find_statistics_warnings(a, GROUNDS) == []


def test_each_table_and_problem_is_one_remark_at_its_place(content) -> None:
    a = complete_assessment(content)
    unbalanced = good(target="age", women=12)
    off = good(women=3, men=4, total=8)
    both = StatisticsTable(target="sex", women=-1, men=2, girls=5)  # no source, no year
    a.statistics = [unbalanced, off, both]
    found = find_statistics_warnings(a, GROUNDS)
    assert [(g.step, g.ground_key, g.code) for g in found] == [
        ("decision", None, "statistics.total_mismatch"),
        ("grounds", "sex", "statistics.negative"),
        ("grounds", "sex", "statistics.unbalanced"),
        ("grounds", "sex", "statistics.no_source"),
        ("grounds", "sex", "statistics.no_year"),
        ("grounds", "age", "statistics.unbalanced"),
    ]
    assert all(g.warning for g in found)
    assert found[0].path == ("statistics", off.uid)
    assert tables_that_do_not_check(a, GROUNDS) == 3


def test_a_ground_that_is_not_asked_keeps_its_tables_without_remarks(content) -> None:
    a = complete_assessment(content)
    a.statistics = [good(target="sami", women=4)]  # the minorities module is off
    assert find_statistics_warnings(a, GROUNDS) == []


def test_remarks_do_not_stop_a_submission(content, service) -> None:
    a = complete_assessment(content)
    a.grounds["sex"].relevance = Relevance.NOT_RELEVANT
    a.statistics = [good(women=12)]
    service.repository.create(a)
    warnings = service.warnings(a)
    assert [g.code for g in warnings] == ["statistics.unbalanced"]
    assert service.gaps(a) == find_gaps(a, service.checklists_for(a)) == []
    assert step_gaps("decision", warnings) == []


@pytest.mark.parametrize("problem", list(StatisticsProblem))
def test_every_remark_has_its_words_in_three_languages(content, problem) -> None:
    for language in Language:
        words = content.vocabulary.text(f"gap.statistics.{problem.value}", language)
        assert words.strip() and "{" not in words
        finding = content.vocabulary.text(f"statistics.problem.{problem.value}", language)
        assert finding.strip()
