"""The SQLite register's own tests of the list and of search, run on the server: the
same assessments are made in SQLite as those tests make them, copied into a server
database, and the tests read them through ``ServerReader`` (issue 20, phase 2)."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.followup import DueState, DueWindow, MeasureQuery
from desktop_app.domain.model import Direction, Measure, MeasureStatus, Status
from desktop_app.domain.portfolio import Period, portfolio_figures
from desktop_app.storage.postgres.reader import ServerReader
from scripts.pg_copy_register import copy_register
from tests.register_helpers import make
from tests.test_portfolio import three_assessments
from tests.test_register import (
    six_assessments,
    test_each_filter,
    test_filters_combine,
    test_sorting_by_every_column_in_pages,
    test_the_facts_a_manager_asks_about,
    test_updated_is_shown_as_stored,
)
from tests.test_register_search import (
    nordic_titles,
    test_hostile_search_strings_are_plain_words,
    test_swedish_and_sami_letters_are_kept_apart,
    test_syntax_characters_are_words_not_operators,
    test_the_last_word_may_be_unfinished,
)

pytestmark = pytest.mark.postgres

__all__ = [  # collected here, with this module's fixtures
    "test_each_filter",
    "test_filters_combine",
    "test_hostile_search_strings_are_plain_words",
    "test_sorting_by_every_column_in_pages",
    "test_swedish_and_sami_letters_are_kept_apart",
    "test_syntax_characters_are_words_not_operators",
    "test_the_facts_a_manager_asks_about",
    "test_the_last_word_may_be_unfinished",
    "test_updated_is_shown_as_stored",
]


def on_server(repository, cluster, database: str):
    """A reader of a server copy of ``repository``'s register."""
    from desktop_app.app import server_schema

    dsn = cluster.dsn_for(database)
    server_schema.install(dsn)
    reader = ServerReader.open(dsn)
    copy_register(repository.db.conn, reader.conn)
    return reader


@pytest.fixture
def register(service, content, pg_cluster, pg_database):
    six_assessments(service, content)
    with on_server(service.repository, pg_cluster, pg_database) as reader:
        yield reader


@pytest.fixture
def nordic(repository, content, pg_cluster, pg_database):
    nordic_titles(repository, content)
    with on_server(repository, pg_cluster, pg_database) as reader:
        yield reader


def test_follow_up_list_of_measures(service, content, pg_cluster, pg_database) -> None:
    """test_followup's list of measures, by window, read on the server in pages of one."""
    today = date(2026, 11, 23)
    a = make(content, "Åtgärder")
    a.measures = [
        Measure(description=name, owner="Sunná Kuoljok", deadline=day)
        for name, day in {
            "Försenad": date(2026, 11, 1),
            "Idag": date(2026, 11, 23),
            "Snart": date(2026, 12, 20),
            "Senare": date(2027, 3, 1),
        }.items()
    ]
    a.measures.append(
        Measure(description="Klar", deadline=date(2026, 1, 1), status=MeasureStatus.DONE)
    )
    a.measures.append(Measure(description="Utan datum"))
    service.repository.create(a)
    with on_server(service.repository, pg_cluster, pg_database) as reader:

        def names(window: DueWindow) -> list[str]:
            query = MeasureQuery(window=window, today=today)
            page = reader.measures_page(query, limit=1)
            found = list(page.rows)
            while page.next_after is not None:
                page = reader.measures_page(query, page.next_after, 1)
                found += page.rows
            assert reader.measures_count(query) == len(found)
            return [m.description for m in found]

        assert names(DueWindow.OVERDUE) == ["Försenad"]
        assert names(DueWindow.DUE_SOON) == ["Idag", "Snart"]
        assert names(DueWindow.OVERDUE_OR_DUE_SOON) == ["Försenad", "Idag", "Snart"]
        assert names(DueWindow.ALL_OPEN) == ["Försenad", "Idag", "Snart", "Senare"]
        first = reader.measures_page(MeasureQuery(today=today)).rows[0]
        assert (first.owner, first.title, first.state(today)) == (
            "Sunná Kuoljok",
            "Åtgärder",
            DueState.OVERDUE,
        )


def test_portfolio_figures_from_the_register(service, content, pg_cluster, pg_database) -> None:
    """test_portfolio's figures, from the server's entries."""
    repo = service.repository
    first, second, _third = three_assessments(service, content)
    with on_server(repo, pg_cluster, pg_database) as reader:
        figures = portfolio_figures(reader.portfolio_entries(), date(2026, 11, 23))
        assert figures.total == 3
        assert figures.by_status == {Status.DRAFT: 2, Status.IN_REVIEW: 1}
        assert figures.impacts["sex"] == {Direction.POSITIVE: 1}
        assert figures.not_relevant["sex"] == 2
        assert [d.entry.id for d in figures.overdue] == [first.id]
        assert [d.entry.id for d in figures.due_soon] == [second.id]
        january = reader.portfolio_entries(Period(date(2027, 1, 1), date(2027, 1, 31)))
        assert [e.id for e in january] == [second.id]
        assert [e.id for e in reader.portfolio_entries(unit="Socialförvaltningen")] == [second.id]
        assert reader.portfolio_entries() == repo.portfolio_entries()
