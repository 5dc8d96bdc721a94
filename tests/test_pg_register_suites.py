"""The SQLite register's own tests of the list and of search, run on the server: the
same assessments are made in SQLite as those tests make them, copied into a server
database, and the tests read them through ``ServerReader`` (issue 20, phase 2)."""

from __future__ import annotations

import pytest

from desktop_app.storage.postgres.reader import ServerReader
from scripts.pg_copy_register import copy_register
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
