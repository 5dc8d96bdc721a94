"""Statistics tables that do not check, as remarks in the list of what is left.

A table whose figures do not add up, that gives women but not men (or girls but not
boys), or that lacks its source or year is a ``Gap`` with ``warning=True``: the editor
lists it with the gaps and the review view counts it, but it does not stop a
submission (the figures may be all there are). One remark per table and problem; the
table's own check line (``statistics_text``) says which row and which numbers.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.domain.completeness import Gap
from desktop_app.domain.model import Assessment
from desktop_app.domain.statistics import StatisticsTable, check_table


def find_statistics_warnings(assessment: Assessment, ground_keys: Iterable[str]) -> list[Gap]:
    """The remarks on the decision's tables, then on each ground's in ``ground_keys``'
    order; tables of a ground not asked (a module switched off) are left alone."""
    order = {"": 0} | {key: index for index, key in enumerate(ground_keys, start=1)}
    tables = sorted(
        (t for t in assessment.statistics if t.target in order), key=lambda t: order[t.target]
    )
    return [gap for table in tables for gap in _table_warnings(table)]


def tables_that_do_not_check(assessment: Assessment, ground_keys: Iterable[str]) -> int:
    """How many tables have at least one remark."""
    return len({gap.path for gap in find_statistics_warnings(assessment, ground_keys)})


def _table_warnings(table: StatisticsTable) -> Iterable[Gap]:
    problems = dict.fromkeys(finding.problem for finding in check_table(table))
    for problem in problems:
        yield Gap(
            "grounds" if table.target else "decision",
            f"statistics.{problem.value}",
            ("statistics", table.uid),
            ground_key=table.target or None,
            warning=True,
        )
